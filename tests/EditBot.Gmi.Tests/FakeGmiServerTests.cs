using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Gmi.Tests;

/// <summary>The fake's holds and bookkeeping, which end-to-end and crash tests rely on.</summary>
public sealed class FakeGmiServerTests : IAsyncLifetime
{
    private FakeGmiServer _fake = null!;
    private ServiceProvider _services = null!;
    private IEditBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _fake = await GmiTestServices.StartFakeAsync();
        _services = GmiTestServices.Create(_fake, s => s["Gmi:InlineLimitBytes"] = "10");
        _backend = _services.GetRequiredService<IEditBackend>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private static SubmitRequest Job(string prompt) => new(Guid.NewGuid(), prompt, FakeGmiInputs.PngBase64, null, "1024x1024", "low", 1, "x");

    [Fact]
    public async Task Submit_hold_keeps_the_answer_back_after_the_request_was_created()
    {
        _fake.SubmitHold.Close();

        var submit = _backend.SubmitAsync(Job("held submit"), CancellationToken.None);
        await _fake.SubmitHold.WaitForArrivalAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, _fake.SubmissionsFor("held submit"));
        Assert.False(submit.IsCompleted);
        Assert.Equal(1, _fake.SubmitHold.Waiting);
        _fake.SubmitHold.Open();
        Assert.Equal(_fake.FindByPrompt("held submit")!.RequestId, (await submit).RequestId);
    }

    [Fact]
    public async Task Upload_hold_keeps_the_bytes_back_until_opened()
    {
        _fake.UploadHold.Close();

        var stage = _backend.StageInputAsync(new byte[100], "image/png", CancellationToken.None);
        await _fake.UploadHold.WaitForArrivalAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(stage.IsCompleted);
        _fake.UploadHold.Open();
        Assert.NotNull(_fake.UploadedContent((await stage)!));
    }

    [Fact]
    public async Task Media_hold_keeps_the_download_back_until_opened()
    {
        _fake.ZeroLatency = true;
        var done = await _backend.SubmitAsync(Job("held media"), CancellationToken.None);
        _fake.MediaHold.Close();

        var download = _backend.DownloadAsync(done.MediaUrls[0], CancellationToken.None);
        await _fake.MediaHold.WaitForArrivalAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(download.IsCompleted);
        _fake.MediaHold.Open();
        Assert.Equal((1024, 1024), Png.Size((await download).Content));
    }

    [Fact]
    public async Task Media_of_an_unfinished_request_is_not_served()
    {
        _fake.Duration = _ => TimeSpan.FromHours(1);
        var submitted = await _backend.SubmitAsync(Job("slow"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<EditBackendException>(() =>
            _backend.DownloadAsync(new Uri(_fake.Root, $"/media/{submitted.RequestId}/0.png").ToString(), CancellationToken.None));

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
    }

    [Fact]
    public async Task Unless_a_test_says_otherwise_a_request_takes_as_long_as_its_quality_suggests_on_the_fakes_clock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fake = new FakeGmiServer(time); // no Duration stated: GMI-like
        await fake.StartAsync();
        await using var services = GmiTestServices.Create(fake);
        var backend = services.GetRequiredService<IEditBackend>();
        var low = await backend.SubmitAsync(Job("low"), CancellationToken.None);
        var high = await backend.SubmitAsync(Job("high") with { Quality = "high" }, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(14));
        var lowEarly = await backend.GetAsync(low.RequestId, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var lowDone = await backend.GetAsync(low.RequestId, CancellationToken.None);
        var highMidway = await backend.GetAsync(high.RequestId, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(45));
        var highDone = await backend.GetAsync(high.RequestId, CancellationToken.None);

        Assert.False(lowEarly.IsTerminal);
        Assert.Equal(RemoteStatus.Success, lowDone.Status);
        Assert.False(highMidway.IsTerminal);
        Assert.Equal(RemoteStatus.Success, highDone.Status);
    }

    [Fact]
    public async Task Counts_and_log_record_every_submission()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Http(503));
        await Assert.ThrowsAsync<EditBackendException>(() => _backend.SubmitAsync(Job("counted"), CancellationToken.None));
        await _backend.SubmitAsync(Job("counted"), CancellationToken.None);

        Assert.Equal(2, _fake.SubmitAttempts);
        Assert.Equal(1, _fake.AcceptedSubmissions);
        Assert.Equal(1, _fake.SubmissionsFor("counted"));
        Assert.Equal([503, 200], _fake.Log.Where(e => e.Method == "POST").Select(e => e.StatusCode));
    }
}
