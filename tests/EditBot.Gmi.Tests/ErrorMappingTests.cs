using System.Net;
using System.Net.Sockets;
using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Gmi.Tests;

public sealed class ErrorMappingTests : IAsyncLifetime
{
    private FakeGmiServer _fake = null!;

    public async Task InitializeAsync() => _fake = await GmiTestServices.StartFakeAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static GmiEditPayload Payload(string prompt = "make it blue") => new(prompt, FakeGmiInputs.PngBase64, null, "1024x1024", "low", 1);

    private async Task<EditBackendException> SubmitFailsAsync(Action<Dictionary<string, string?>>? configure = null, GmiEditPayload? payload = null)
    {
        await using var services = GmiTestServices.Create(_fake, configure);
        var client = services.GetRequiredService<GmiClient>();
        return await Assert.ThrowsAsync<EditBackendException>(() => client.SubmitAsync(payload ?? Payload(), CancellationToken.None));
    }

    [Fact]
    public async Task Rejected_key_is_a_configuration_error_naming_the_setting()
    {
        var error = await SubmitFailsAsync(s => s["Gmi:ApiKey"] = "wrong-key");

        Assert.Equal(BackendErrorKind.Configuration, error.Kind);
        Assert.Equal("GMI rejected the API key; check Gmi:ApiKey", error.Message);
        Assert.False(error.MaybeAccepted);
        Assert.DoesNotContain("wrong-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_mask_is_a_bad_request_that_never_reaches_the_wire()
    {
        var error = await SubmitFailsAsync(payload: Payload() with { Mask = "" });

        Assert.Equal(BackendErrorKind.BadRequest, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Equal(0, _fake.SubmitAttempts);
    }

    [Fact]
    public async Task Missing_key_fails_before_sending_anything()
    {
        await using var services = GmiTestServices.Create(_fake, s => s["Gmi:ApiKey"] = null);
        var client = services.GetRequiredService<GmiClient>();

        var submit = await Assert.ThrowsAsync<EditBackendException>(() => client.SubmitAsync(Payload(), CancellationToken.None));
        var get = await Assert.ThrowsAsync<EditBackendException>(() => client.GetAsync("r1", CancellationToken.None));

        Assert.All([submit, get], e => Assert.Equal(BackendErrorKind.Configuration, e.Kind));
        Assert.Contains("Gmi:ApiKey", submit.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Log);
    }

    [Fact]
    public async Task Unknown_model_is_a_configuration_error_naming_the_model_setting()
    {
        var error = await SubmitFailsAsync(s => s["Gmi:Model"] = "GPT-Image-2-Edit");

        Assert.Equal(BackendErrorKind.Configuration, error.Kind);
        Assert.Contains("Gmi:Model", error.Message, StringComparison.Ordinal);
        Assert.Contains("GPT-Image-2-Edit", error.Message, StringComparison.Ordinal);
        Assert.Contains("case-sensitive", error.Message, StringComparison.Ordinal);
        Assert.False(error.MaybeAccepted);
    }

    [Fact]
    public async Task No_credits_is_insufficient_credits_and_not_accepted()
    {
        _fake.InsufficientCredits = true;

        var error = await SubmitFailsAsync();

        Assert.Equal(BackendErrorKind.InsufficientCredits, error.Kind);
        Assert.Contains("Insufficient credits", error.Message, StringComparison.Ordinal);
        Assert.False(error.MaybeAccepted);
    }

    [Fact]
    public async Task Bad_payload_is_a_bad_request_carrying_the_api_reason()
    {
        var error = await SubmitFailsAsync(payload: Payload(prompt: ""));
        _fake.ClearContractViolations(); // the empty prompt breaks GMI's contract on purpose

        Assert.Equal(BackendErrorKind.BadRequest, error.Kind);
        Assert.Contains("Missing required keys: prompt", error.Message, StringComparison.Ordinal);
        Assert.False(error.MaybeAccepted);
    }

    [Fact]
    public async Task Content_policy_refusal_at_submit_is_content_policy()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Http(400,
            """{"error":{"message":"Your request was rejected as a result of our safety system.","details":"moderation_blocked"}}"""));

        var error = await SubmitFailsAsync();

        Assert.Equal(BackendErrorKind.ContentPolicy, error.Kind);
        Assert.Contains("safety system", error.Message, StringComparison.Ordinal);
        Assert.False(error.MaybeAccepted);
    }

    [Fact]
    public async Task Rate_limit_is_transient_with_retry_after_and_not_accepted()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.RateLimited(TimeSpan.FromSeconds(7)));

        var error = await SubmitFailsAsync();

        Assert.Equal(BackendErrorKind.Transient, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.False(error.MaybeAccepted);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_transient_and_maybe_accepted(int code)
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Http(code, "<html>upstream</html>"));

        var error = await SubmitFailsAsync();

        Assert.Equal(BackendErrorKind.Transient, error.Kind);
        Assert.True(error.MaybeAccepted);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_answer_to_a_submit_is_transient_and_maybe_accepted()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.Malformed());

        var error = await SubmitFailsAsync();

        Assert.Equal(BackendErrorKind.Transient, error.Kind);
        Assert.True(error.MaybeAccepted);
        Assert.Equal(1, _fake.AcceptedSubmissions);
    }

    [Fact]
    public async Task Dropped_answer_after_acceptance_is_transient_and_maybe_accepted()
    {
        _fake.EnqueueFault(FakeGmiRoute.Submit, FakeGmiFault.AcceptThenDrop());

        var error = await SubmitFailsAsync();

        Assert.Equal(BackendErrorKind.Transient, error.Kind);
        Assert.True(error.MaybeAccepted);
        Assert.Equal(1, _fake.AcceptedSubmissions);
    }

    [Fact]
    public async Task Refused_connection_is_transient_and_cannot_have_been_accepted()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await SubmitFailsAsync(s => s["Gmi:BaseUrl"] = $"http://127.0.0.1:{port}/api");

        Assert.Equal(BackendErrorKind.Transient, error.Kind);
        Assert.False(error.MaybeAccepted);
    }

    [Fact]
    public async Task Unknown_request_id_is_a_bad_request_and_not_retried()
    {
        await using var services = GmiTestServices.Create(_fake);
        var client = services.GetRequiredService<GmiClient>();

        var error = await Assert.ThrowsAsync<EditBackendException>(() => client.GetAsync("nope", CancellationToken.None));

        Assert.Equal(BackendErrorKind.BadRequest, error.Kind);
        Assert.Single(_fake.Log);
    }
}
