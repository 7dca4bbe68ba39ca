using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Gmi.Tests;

/// <summary>Result media live an undocumented while; the fake deletes them after <see cref="FakeGmiServer.MediaLifetime"/> on its clock.</summary>
public sealed class MediaLifetimeTests
{
    [Fact]
    public async Task Media_are_served_until_their_lifetime_ends_and_refused_as_download_refused_after()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fake = await GmiTestServices.StartFakeAsync(clock);
        fake.ZeroLatency = true;
        await using var services = GmiTestServices.Create(fake, time: clock);
        var backend = services.GetRequiredService<IEditBackend>();
        var done = await backend.SubmitAsync(
            new SubmitRequest(Guid.NewGuid(), "media lifetime", FakeGmiInputs.PngBase64, null, "1024x1024", "low", 1, "x"), CancellationToken.None);

        clock.Advance(fake.MediaLifetime);
        var lastMoment = await backend.DownloadAsync(done.MediaUrls[0], CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<EditBackendException>(() => backend.DownloadAsync(done.MediaUrls[0], CancellationToken.None));

        Assert.Equal((1024, 1024), Png.Size(lastMoment.Content));
        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind); // old fake: served the media forever
        Assert.Equal([200, 404], fake.Log.Where(e => e.PathAndQuery.StartsWith("/media/", StringComparison.Ordinal)).Select(e => e.StatusCode)); // one GET each: a deleted object is not retried
    }
}
