using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EditBot.Discord.Models;
using EditBot.Discord.RateLimits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Rest;

/// <summary>
/// Typed client for Discord's REST API v10. Every call goes through <see cref="DiscordRateLimiter"/>; 429s are
/// waited out and retried, 502/503/504 are retried with a short backoff, 401/403 never. Errors surface as
/// <see cref="DiscordApiException"/>.
/// </summary>
public sealed partial class DiscordRestClient
{
    private const int MaxAttempts = 5;
    private const int MaxServerErrorAttempts = 3;

    private static readonly string Version =
        typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "1.0";

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly DiscordRateLimiter _rateLimiter;
    private readonly DiscordApplicationIdCache _applicationId;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly string _baseUrl;

    public DiscordRestClient(
        HttpClient http,
        IOptions<DiscordOptions> options,
        DiscordRateLimiter rateLimiter,
        DiscordApplicationIdCache applicationId,
        TimeProvider timeProvider,
        ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _rateLimiter = rateLimiter;
        _applicationId = applicationId;
        _timeProvider = timeProvider;
        _logger = logger;
        _baseUrl = _options.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
    }

    private async Task<T> SendJsonAsync<TBody, T>(
        DiscordRoute route, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        using var response = await SendAsync(route, () => JsonContent(json), cancellationToken);
        return await ReadAsync(response, resultType, cancellationToken);
    }

    private async Task<T> GetJsonAsync<T>(DiscordRoute route, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(route, static () => null, cancellationToken);
        return await ReadAsync(response, resultType, cancellationToken);
    }

    private async Task SendWithoutResultAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(route, static () => null, cancellationToken);
    }

    /// <summary>
    /// Sends with rate limiting and retries. <paramref name="createContent"/> is called per attempt because a sent
    /// request cannot be sent again.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(DiscordRoute route, Func<HttpContent?> createContent, CancellationToken cancellationToken)
    {
        var serverErrors = 0;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan retryDelay;
            using (var lease = await _rateLimiter.AcquireAsync(route, cancellationToken))
            {
                using var request = new HttpRequestMessage(route.Method, new Uri(_baseUrl + route.Path)) { Content = createContent() };
                AddHeaders(request);
                var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var rateLimit = response.StatusCode == HttpStatusCode.TooManyRequests
                    ? await ReadRateLimitedAsync(response, cancellationToken)
                    : null;
                // A 429 without Discord's JSON body comes from Cloudflare, which limits the whole address: every route
                // waits (Discord's own X-RateLimit-Scope header, when present, still decides).
                var wait = lease.Complete(response, rateLimit is null ? null : TimeSpan.FromSeconds(rateLimit.RetryAfter), rateLimit?.Global ?? true);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                if (wait is not null && attempt < MaxAttempts)
                {
                    response.Dispose();
                    continue; // the bucket (or global) state now holds the wait; the next AcquireAsync observes it
                }

                if (IsTransient(response.StatusCode) && ++serverErrors < MaxServerErrorAttempts)
                {
                    _logger.LogWarning("Discord answered {StatusCode} to {Route}; retrying", (int)response.StatusCode, route.RouteKey);
                    response.Dispose();
                    retryDelay = TimeSpan.FromSeconds(serverErrors);
                }
                else
                {
                    using (response)
                    {
                        throw await ToExceptionAsync(route, response, cancellationToken);
                    }
                }
            }

            await Task.Delay(retryDelay, _timeProvider, cancellationToken);
        }
    }

    // 500 may mean the request was processed; only gateway-level failures are safe to repeat for a POST.
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private void AddHeaders(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(_options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", $"DiscordBot ({_options.UserAgentUrl}, {Version})");
    }

    private static ByteArrayContent JsonContent(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken)
            ?? throw new DiscordApiException("Discord answered an empty body where an object was expected.");
    }

    private static async Task<RateLimitedBody?> ReadRateLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, DiscordJsonContext.Default.RateLimitedBody);
        }
        catch (JsonException)
        {
            return null; // Cloudflare's text or HTML 429 page: headers alone decide
        }
    }

    private static async Task<DiscordApiException> ToExceptionAsync(DiscordRoute route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        DiscordErrorBody? error = null;
        try
        {
            error = bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, DiscordJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            // not JSON (a proxy's error page); the status alone is reported
        }

        return new DiscordApiException(
            route.RouteKey, response.StatusCode, error?.Code ?? 0, error?.Message ?? response.ReasonPhrase, error?.Errors?.GetRawText());
    }
}
