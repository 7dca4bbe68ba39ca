using EditBot.Core.Backend;
using EditBot.Gmi.Tests.Support;
using EditBot.TestSupport.Gmi;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Gmi.Tests;

public sealed class DownloadGuardTests : IAsyncLifetime
{
    private static readonly byte[] Picture = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6];
    private FakeGmiServer _fake = null!;

    public async Task InitializeAsync() => _fake = await GmiTestServices.StartFakeAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private async Task<DownloadedMedia> DownloadAsync(string url, Action<Dictionary<string, string?>>? configure = null, LogCapture? logs = null)
    {
        await using var services = GmiTestServices.Create(_fake, configure, logs: logs);
        return await services.GetRequiredService<SafeMediaDownloader>().DownloadAsync(url, CancellationToken.None);
    }

    private Task<EditBackendException> RefusedAsync(string url, Action<Dictionary<string, string?>>? configure = null) =>
        Assert.ThrowsAsync<EditBackendException>(() => DownloadAsync(url, configure));

    private string LocalhostUrl(string path) => $"{_fake.Root.Scheme}://localhost:{_fake.Root.Port}{path}";

    [Fact]
    public async Task An_allowed_host_is_downloaded()
    {
        var url = _fake.ServeObject("ok.png", Picture);

        var media = await DownloadAsync(url.ToString());

        Assert.Equal(Picture, media.Content);
        Assert.Equal("image/png", media.MediaType);
    }

    [Fact]
    public async Task A_host_not_in_the_list_is_refused_without_a_request()
    {
        var url = _fake.ServeObject("ok.png", Picture);

        var error = await RefusedAsync(url.ToString(), s => s["Downloads:AllowedHosts:0"] = "cdn.discordapp.com");

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.Contains("Downloads:AllowedHosts", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Log);
    }

    [Fact]
    public async Task A_private_address_literal_is_refused_when_private_addresses_are_not_allowed()
    {
        var error = await RefusedAsync($"https://127.0.0.1:{_fake.Root.Port}/static/ok.png", s => s["Downloads:AllowPrivateAddresses"] = "false");

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.Contains("private", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Log);
    }

    [Fact]
    public async Task A_name_resolving_to_a_private_address_is_refused_at_connect_time()
    {
        var error = await RefusedAsync($"https://localhost:{_fake.Root.Port}/static/ok.png", s =>
        {
            s["Downloads:AllowedHosts:0"] = "localhost";
            s["Downloads:AllowPrivateAddresses"] = "false";
        });

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.Contains("private", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Log);
    }

    [Fact]
    public async Task Plain_http_is_refused_unless_private_addresses_are_allowed()
    {
        var error = await RefusedAsync("http://cdn.discordapp.com/attachments/1/2/a.png", s => s["Downloads:AllowPrivateAddresses"] = "false");

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_a_clear_message()
    {
        var url = _fake.ServeObject("big.png", new byte[5000]);

        var error = await RefusedAsync(url.ToString(), s => s["Downloads:MaxBytes"] = "4000");

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.Contains("Downloads:MaxBytes (4000 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_without_a_declared_length_is_cut_off_while_streaming()
    {
        var url = _fake.ServeObject("stream.png", new byte[64 * 1024], chunked: true);

        var error = await RefusedAsync(url.ToString(), s => s["Downloads:MaxBytes"] = "10000");

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.Contains("Downloads:MaxBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_refused_and_not_followed()
    {
        _fake.ServeObject("target.png", Picture);
        var url = _fake.ServeRedirect("hop", LocalhostUrl("/static/target.png"));

        var error = await RefusedAsync(url.ToString());

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.StartsWith("Redirect to localhost/static/target.png refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Log, e => e.PathAndQuery == "/static/target.png");
    }

    [Fact]
    public async Task A_redirect_to_the_same_allowed_host_is_followed()
    {
        _fake.ServeObject("target.png", Picture);
        var url = _fake.ServeRedirect("hop", "/static/target.png", 307);

        var media = await DownloadAsync(url.ToString());

        Assert.Equal(Picture, media.Content);
    }

    [Fact]
    public async Task More_than_three_redirects_are_refused()
    {
        _fake.ServeRedirect("loop", "/static/loop");

        var error = await RefusedAsync(new Uri(_fake.Root, "/static/loop").ToString());

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.Equal(4, _fake.Log.Count);
    }

    [Fact]
    public async Task Signed_query_strings_never_reach_messages_or_logs()
    {
        var logs = new LogCapture();
        var url = new Uri(_fake.Root, "/static/missing.png?X-Goog-Signature=topsecret").ToString();

        var error = await Assert.ThrowsAsync<EditBackendException>(() => DownloadAsync(url, logs: logs));
        _fake.ServeObject("there.png", Picture);
        await DownloadAsync(new Uri(_fake.Root, "/static/there.png?X-Goog-Signature=topsecret").ToString(), logs: logs);

        Assert.Equal(BackendErrorKind.DownloadRefused, error.Kind);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("topsecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_errors_are_retried_then_succeed()
    {
        var url = _fake.ServeObject("flaky.png", Picture);
        _fake.EnqueueFault(FakeGmiRoute.Media, FakeGmiFault.Http(503));
        _fake.EnqueueFault(FakeGmiRoute.Media, FakeGmiFault.Drop());

        var media = await DownloadAsync(url.ToString());

        Assert.Equal(Picture, media.Content);
        Assert.Equal(3, _fake.Log.Count);
    }
}
