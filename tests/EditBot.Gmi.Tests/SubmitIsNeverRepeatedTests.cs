using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Gmi.Tests;

/// <summary>The submit POST is the one costly, non-idempotent call: nothing below the engine may repeat it.</summary>
public sealed class SubmitIsNeverRepeatedTests : IAsyncLifetime
{
    private FakeGmiServer _fake = null!;

    public async Task InitializeAsync() => _fake = await GmiTestServices.StartFakeAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static SubmitRequest Job(string prompt) => new(Guid.NewGuid(), prompt, FakeGmiInputs.PngBase64, null, "1024x1024", "low", 1, "x");

    [Fact]
    public async Task Submit_answered_500_is_posted_exactly_once()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Http(500));
        await using var services = GmiTestServices.Create(_fake, s => s["Gmi:GetRetries"] = "5");
        var backend = services.GetRequiredService<IEditBackend>();

        var error = await Assert.ThrowsAsync<EditBackendException>(() => backend.SubmitAsync(Job("once-500"), CancellationToken.None));

        Assert.True(error.MaybeAccepted);
        Assert.Equal(1, _fake.SubmitAttempts);
    }

    [Fact]
    public async Task Submit_that_times_out_is_posted_exactly_once_and_maybe_accepted()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Slow(TimeSpan.FromMinutes(2)));
        await using var services = GmiTestServices.Create(_fake, s =>
        {
            s["Gmi:RequestTimeout"] = "00:00:01";
            s["Gmi:GetRetries"] = "5";
        });
        var backend = services.GetRequiredService<IEditBackend>();

        var error = await Assert.ThrowsAsync<EditBackendException>(() => backend.SubmitAsync(Job("once-timeout"), CancellationToken.None));

        Assert.Equal(BackendErrorKind.Transient, error.Kind);
        Assert.True(error.MaybeAccepted);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _fake.SubmitAttempts);
    }

    [Fact]
    public async Task Submit_whose_answer_was_dropped_is_posted_exactly_once()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());
        await using var services = GmiTestServices.Create(_fake);
        var backend = services.GetRequiredService<IEditBackend>();

        await Assert.ThrowsAsync<EditBackendException>(() => backend.SubmitAsync(Job("once-drop"), CancellationToken.None));

        Assert.Equal(1, _fake.SubmitAttempts);
        Assert.Equal(1, _fake.SubmissionsFor("once-drop"));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_backend_error()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Slow(TimeSpan.FromMinutes(2)));
        await using var services = GmiTestServices.Create(_fake);
        var backend = services.GetRequiredService<IEditBackend>();
        using var cancel = new CancellationTokenSource();

        var submit = backend.SubmitAsync(Job("cancelled"), cancel.Token);
        await Waiting.UntilAsync(() => _fake.SubmitAttempts == 1, "the POST arrived");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => submit);
    }
}
