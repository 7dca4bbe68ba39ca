using System.Globalization;
using System.Net;
using System.Net.Http;
using EditBot.Common.Retry;
using EditBot.Core.Backend;
using EditBot.Gmi.Downloads;
using EditBot.Gmi.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Gmi;

/// <summary>
/// Fetches media (GMI results, Discord attachments) safely: allowed hosts only, https, no private addresses (checked
/// on the connected socket), redirects followed by hand to allowed hosts only, size-capped while streaming.
/// Use an HttpClient built on <see cref="CreateHandler"/>; AddEditBotGmi registers it so.
/// </summary>
public sealed class SafeMediaDownloader
{
    private const int MaxRedirects = 3;
    private readonly HttpClient _http;
    private readonly DownloadOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SafeMediaDownloader> _logger;
    private readonly DownloadTargetGuard _guard;
    private readonly Backoff _backoff;

    public SafeMediaDownloader(HttpClient http, IOptions<DownloadOptions> options, TimeProvider timeProvider, ILogger<SafeMediaDownloader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _guard = new DownloadTargetGuard(_options);
        _backoff = new Backoff(_options.RetryBaseDelay, _options.RetryMaxDelay);
    }

    /// <summary>The primary handler downloads must use: no automatic redirects, no proxy, the guarded connect.</summary>
    public static SocketsHttpHandler CreateHandler(DownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowNonPublic = options.AllowPrivateAddresses;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = (context, ct) => GuardedConnector.ConnectAsync(context, allowNonPublic, ct),
        };
    }

    public Task<DownloadedMedia> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw DownloadTargetGuard.Refused("Download refused: not an absolute URL");
        }

        _guard.Check(uri, isRedirect: false);
        return IdempotentRetry.RunAsync(ct => DownloadOnceAsync(uri, ct), _options.Retries, _backoff, _timeProvider, _logger,
            "Download of " + SafeUrl.Describe(uri), cancellationToken);
    }

    private async Task<DownloadedMedia> DownloadOnceAsync(Uri start, CancellationToken cancellationToken)
    {
        var current = start;
        for (var redirects = 0; ; redirects++)
        {
            _guard.Check(current, isRedirect: redirects > 0);
            var what = SafeUrl.Describe(current);
            using var timer = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (IsRedirect(response.StatusCode))
                {
                    current = NextHop(current, response, redirects);
                    _logger.LogInformation("Download from {From} redirected to {To}", what, SafeUrl.Describe(current));
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw StatusFailure(response, what);
                }

                var content = await CappedBodyReader.ReadAsync(response, _options.MaxBytes, what, linked.Token);
                var declared = response.Content.Headers.ContentType?.MediaType;
                var mediaType = declared is null or "application/octet-stream" or "binary/octet-stream" ? MediaTypes.Sniff(content) : declared;
                _logger.LogInformation("Downloaded {Bytes} bytes from {Source}", content.Length, what);
                return new DownloadedMedia(content, mediaType);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EditBackendException(BackendErrorKind.Transient, $"Download from {what} timed out");
            }
            catch (HttpRequestException e) when (FindNonPublic(e) is { } refused)
            {
                throw DownloadTargetGuard.Refused($"Download from {what} refused: {refused.Message}");
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new EditBackendException(BackendErrorKind.Transient, $"Download from {what} failed ({e.GetType().Name})", inner: e);
            }
        }
    }

    private static Uri NextHop(Uri current, HttpResponseMessage response, int redirects)
    {
        if (redirects >= MaxRedirects)
        {
            throw DownloadTargetGuard.Refused($"Download from {SafeUrl.Describe(current)} refused: more than {MaxRedirects} redirects");
        }

        var location = response.Headers.Location
            ?? throw DownloadTargetGuard.Refused($"Download from {SafeUrl.Describe(current)} refused: redirect without a Location");
        return location.IsAbsoluteUri ? location : new Uri(current, location);
    }

    private EditBackendException StatusFailure(HttpResponseMessage response, string what)
    {
        var code = (int)response.StatusCode;
        var message = string.Create(CultureInfo.InvariantCulture, $"Download from {what} answered {code}");
        return code is 408 or 429 or >= 500
            ? new EditBackendException(BackendErrorKind.Transient, message, RetryAfterReader.Read(response.Headers, _timeProvider))
            : new EditBackendException(BackendErrorKind.DownloadRefused, message);
    }

    private static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static NonPublicAddressException? FindNonPublic(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is NonPublicAddressException found)
            {
                return found;
            }
        }

        return null;
    }
}
