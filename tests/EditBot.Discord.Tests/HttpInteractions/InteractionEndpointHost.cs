using System.Net;
using EditBot.Discord.Events;
using EditBot.TestSupport.Discord.Inject;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.HttpInteractions;

/// <summary>Kestrel on 127.0.0.1 with the interactions endpoint mapped, a FakeTimeProvider, and Discord's signing side.</summary>
internal sealed class InteractionEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InteractionEndpointHost(WebApplication app, SignedInteractionSender sender, FakeTimeProvider time)
    {
        _app = app;
        Sender = sender;
        Time = time;
        Channel = app.Services.GetRequiredService<DiscordEventChannel>();
        Url = new Uri(new Uri(app.Urls.First()), "/interactions");
    }

    public Uri Url { get; }

    public SignedInteractionSender Sender { get; }

    public FakeTimeProvider Time { get; }

    public DiscordEventChannel Channel { get; }

    public static async Task<InteractionEndpointHost> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var sender = new SignedInteractionSender(time: time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddOptions<DiscordOptions>().Configure(o =>
        {
            o.Transport = DiscordTransport.Http;
            o.PublicKey = sender.PublicKeyHex;
        });
        builder.Services.AddEditBotDiscordHttpInteractions();
        var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        return new InteractionEndpointHost(app, sender, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Sender.Dispose();
    }
}
