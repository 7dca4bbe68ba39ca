using EditBot.Bot.DiscordStartup;
using EditBot.Composition;
using EditBot.Discord;
using EditBot.Discord.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace EditBot.Composition;

/// <summary>The Discord bot: job engine, a Discord transport, and Kestrel for /healthz, /metrics and /interactions.</summary>
public static class BotHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        try
        {
            await app.RunAsync();
        }
        catch (GatewayFatalException fatal)
        {
            // A close that must not be retried (bad token, disallowed intents) stops the host: say what to fix.
            await Console.Error.WriteLineAsync($"EditBot stopped: {fatal.Message}");
            return 1;
        }

        // A refusal seen outside the gateway (a 401 while registering commands) stops the host the same way.
        if (app.Services.GetRequiredService<DiscordAvailability>().Refusal is { } refusal)
        {
            await Console.Error.WriteLineAsync($"EditBot stopped: {refusal}");
            return 1;
        }

        return 0;
    }

    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureTestServices = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Configuration.AddEditBotSources(builder.Environment.EnvironmentName, args);
        var transport = builder.Configuration.GetValue("Discord:Transport", DiscordTransport.Gateway);
        var required = transport == DiscordTransport.Http
            ? new[] { RequiredSetting.DiscordToken, RequiredSetting.GmiApiKey, RequiredSetting.DiscordPublicKey }
            : [RequiredSetting.DiscordToken, RequiredSetting.GmiApiKey];
        var missing = RequiredSetting.FirstMissing(builder.Configuration, required);
        if (missing is not null)
        {
            throw new StartupException(missing.MissingMessage);
        }

        builder.WebHost.UseKestrelCore().UseUrls(builder.Configuration["Http:Urls"] ?? "http://0.0.0.0:8080");
        builder.Services.AddRoutingCore();
        // Serilog sinks registered in the container are written to as well: tests capture the log that way. The static
        // Log.Logger is left alone: otherwise every host's ILogger writes to whichever host was built last.
        builder.Services.AddSerilog(
            (services, logger) => SerilogSetup.Configure(logger, builder.Configuration).ReadFrom.Services(services),
            preserveStaticLogger: true);
        // A gateway refusal ends its BackgroundService with GatewayFatalException: that must stop the process (RunAsync
        // prints what to fix). StopHost is the default; stated because the exit code depends on it.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        builder.Services.AddEditBotEngine(builder.Configuration);
        builder.Services.AddEditBotBot(builder.Configuration, transport);
        configureTestServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapEditBotEndpoints(transport);
        return app;
    }
}
