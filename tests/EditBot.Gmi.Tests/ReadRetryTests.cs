using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Gmi.Tests;

public sealed class ReadRetryTests : IAsyncLifetime
{
    private FakeGmiServer _fake = null!;

    public async Task InitializeAsync() => _fake = await GmiTestServices.StartFakeAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private int Gets => _fake.Log.Count(e => e.Method == "GET");

    /// <summary>Retries 1-2 s apart on <paramref name="time"/>, with no request timeout to race them.</summary>
    private ServiceProvider RetryingServices(FakeTimeProvider time) => GmiTestServices.Create(_fake, s =>
    {
        s["Gmi:RetryBaseDelay"] = "00:00:01";
        s["Gmi:RetryMaxDelay"] = "00:00:02";
        s["Gmi:RequestTimeout"] = "01:00:00";
    }, time);

    private async Task<string> SubmitAsync(GmiClient client) =>
        (await client.SubmitAsync(new GmiEditPayload("retry me", FakeGmiInputs.PngBase64, null, "1024x1024", "low", 1), CancellationToken.None)).Request.RequestId;

    [Fact]
    public async Task Get_retries_transient_failures_and_waits_at_least_retry_after_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var services = RetryingServices(time);
        var client = services.GetRequiredService<GmiClient>();
        var id = await SubmitAsync(client);
        _fake.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.Http(503));
        _fake.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.RateLimited(TimeSpan.FromSeconds(20)));

        var get = client.GetAsync(id, CancellationToken.None);
        await Waiting.UntilAsync(() => Gets == 1, "the first GET");
        var firstWait = await Waiting.AdvanceUntilAsync(time, () => Gets == 2, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));
        var secondWait = await Waiting.AdvanceUntilAsync(time, () => Gets == 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var record = await get;

        Assert.Equal(id, record.Request.RequestId);
        Assert.InRange(firstWait, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1.5));
        Assert.True(secondWait >= TimeSpan.FromSeconds(20), $"retried after {secondWait} despite Retry-After: 20");
    }

    [Fact]
    public async Task A_retry_after_given_as_an_http_date_is_waited_out_on_the_injected_clock()
    {
        var start = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var time = new FakeTimeProvider(start);
        await using var services = RetryingServices(time);
        var client = services.GetRequiredService<GmiClient>();
        var id = await SubmitAsync(client);
        _fake.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.RateLimitedUntil(start.AddSeconds(30)));

        var get = client.GetAsync(id, CancellationToken.None);
        await Waiting.UntilAsync(() => Gets == 1, "the first GET");
        var wait = await Waiting.AdvanceUntilAsync(time, () => Gets == 2, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        await get;

        // At the wire: "Retry-After: Tue, 24 Nov 2026 10:00:30 GMT", and the second GET no earlier than that.
        Assert.True(wait >= TimeSpan.FromSeconds(29), $"retried after {wait} despite Retry-After 30 s ahead as a date");
        Assert.True(wait <= TimeSpan.FromSeconds(35), $"waited {wait}: the date was read as something else");
    }

    [Fact]
    public async Task Get_gives_up_after_the_configured_retries()
    {
        await using var services = GmiTestServices.Create(_fake, s => s["Gmi:GetRetries"] = "2");
        var client = services.GetRequiredService<GmiClient>();
        for (var i = 0; i < 5; i++)
        {
            _fake.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.Http(502));
        }

        var error = await Assert.ThrowsAsync<EditBackendException>(() => client.GetAsync("any", CancellationToken.None));

        Assert.Equal(BackendErrorKind.Transient, error.Kind);
        Assert.False(error.MaybeAccepted);
        Assert.Equal(3, Gets);
    }

    [Fact]
    public async Task Malformed_and_dropped_get_answers_are_retried_until_a_good_one()
    {
        await using var services = GmiTestServices.Create(_fake);
        var client = services.GetRequiredService<GmiClient>();
        var id = await SubmitAsync(client);
        _fake.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.Malformed());
        _fake.EnqueueFault(FakeGmiRoute.GetRequest, FakeGmiFault.Drop());

        var record = await client.GetAsync(id, CancellationToken.None);

        Assert.Equal(id, record.Request.RequestId);
        Assert.Equal(3, Gets);
    }

    [Fact]
    public async Task List_is_retried_on_rate_limit()
    {
        await using var services = GmiTestServices.Create(_fake);
        var client = services.GetRequiredService<GmiClient>();
        await SubmitAsync(client);
        _fake.EnqueueFault(FakeGmiRoute.ListRequests, FakeGmiFault.RateLimited(TimeSpan.Zero));

        var list = await client.ListAsync(null, 1, 50, CancellationToken.None);

        Assert.Single(list.Requests);
        Assert.Equal(1, list.Total);
        Assert.Equal([429, 200], _fake.Log.Where(e => e.Method == "GET" && e.PathAndQuery.Contains("/requests?", StringComparison.Ordinal)).Select(e => e.StatusCode));
    }
}
