using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.Gmi.Tests;

public sealed class RegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddEditBotGmi(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Defaults_follow_the_configuration_contract()
    {
        using var services = Build([]);

        var gmi = services.GetRequiredService<IOptions<GmiOptions>>().Value;
        var downloads = services.GetRequiredService<IOptions<DownloadOptions>>().Value;

        Assert.Equal("https://console.gmicloud.ai/api/v1/ie/requestqueue/apikey", gmi.BaseUrl);
        Assert.Equal("gpt-image-2-edit", gmi.Model);
        Assert.Equal(4 * 1024 * 1024, gmi.InlineLimitBytes);
        Assert.Equal(["cdn.discordapp.com", "media.discordapp.net", "storage.googleapis.com"], downloads.EffectiveAllowedHosts());
        Assert.False(downloads.AllowPrivateAddresses);
        Assert.Equal(50_000_000, downloads.MaxBytes);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.IsType<GmiEditBackend>(services.GetRequiredService<IEditBackend>());
    }

    [Fact]
    public void A_configured_host_list_replaces_the_defaults()
    {
        using var services = Build(new() { ["Downloads:AllowedHosts:0"] = "images.example.org" });

        var downloads = services.GetRequiredService<IOptions<DownloadOptions>>().Value;

        Assert.Equal(["images.example.org"], downloads.EffectiveAllowedHosts());
    }

    [Fact]
    public void An_invalid_base_url_fails_validation_naming_the_key()
    {
        using var services = Build(new() { ["Gmi:BaseUrl"] = "console.gmicloud.ai" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GmiOptions>>().Value);

        Assert.Contains("Gmi:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gmi_client_carries_no_handler_that_could_repeat_a_post()
    {
        await using var fake = await GmiTestServices.StartFakeAsync();
        fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Http(503));
        fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Http(503));
        await using var services = GmiTestServices.Create(fake);

        await Assert.ThrowsAsync<EditBackendException>(() =>
            services.GetRequiredService<GmiClient>().SubmitAsync(new GmiEditPayload("p", FakeGmiInputs.PngBase64, null, "1024x1024", "low", 1), CancellationToken.None));

        Assert.Equal(1, fake.SubmitAttempts);
    }
}
