using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EditBot.TestSupport.Discord;

/// <summary>
/// A fake of Discord's REST API v10 on Kestrel (127.0.0.1, random port) with an in-memory model of channels,
/// messages, threads, interaction responses and commands; real rate-limit headers and 429s; multipart uploads
/// served back under <c>/attachments/</c>; and a contract check of every request body against Discord's OpenAPI
/// description. Point <c>Discord:ApiBaseUrl</c> at <see cref="ApiBaseUrl"/>.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private const string ApiPrefix = "/api/v10";

    private readonly object _sync = new();
    private readonly TimeProvider _timeProvider;
    private readonly FakeRateLimiter _rateLimiter;
    private readonly List<FakeRoute> _routes;
    private readonly List<FakeDiscordRequest> _requests = [];
    private readonly List<(int Status, string? RouteKey, int Times)> _forcedErrors = [];
    private WebApplication? _app;
    private int _port;
    private long _nextId = 1_300_000_000_000_000_000;

    public FakeDiscordServer(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _rateLimiter = new FakeRateLimiter(_timeProvider);
        SessionStarts = new Gateway.FakeSessionStartBudget(_timeProvider);
        _routes = BuildRoutes();
        DefaultGuildId = NextId();
        ApplicationId = NextId();
        BotUserId = ApplicationId;
    }

    /// <summary><c>http://127.0.0.1:port</c> (attachments are served under it).</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary><c>http://127.0.0.1:port/api/v10</c>: the value for <c>Discord:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl => new(BaseUrl, ApiPrefix);

    /// <summary>The bot token requests must carry as <c>Authorization: Bot &lt;token&gt;</c>.</summary>
    public string Token { get; set; } = "fake-bot-token";

    /// <summary>
    /// Picks a free port now and fixes <see cref="BaseUrl"/> to it without listening yet: the bot can be pointed at a
    /// Discord that is down (connection refused) and find it there once <see cref="StartAsync"/> runs.
    /// </summary>
    public void ReservePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);
        BaseUrl = new Uri(_app.Urls.First() + "/");
    }

    /// <summary>
    /// Stops the server, then throws <see cref="FakeDiscordContractException"/> when any request broke the contract and
    /// the test did not clear it: no test that owns a fake Discord can forget to check (as the fake GMI does).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_sync)
        {
            foreach (var gate in _holds.Values)
            {
                gate.Open();
            }
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        AssertNoContractViolations();
    }

    /// <summary>Makes the next <paramref name="times"/> requests (of one route key such as <c>POST /channels/{channel_id}/messages</c>, or any) fail with a 5xx.</summary>
    public void ForceServerError(int status = 502, string? routeKey = null, int times = 1)
    {
        lock (_sync)
        {
            _forcedErrors.Add((status, routeKey, times));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/attachments/", StringComparison.Ordinal))
        {
            await ServeAttachmentAsync(context, path);
            return;
        }

        var apiPath = path.StartsWith(ApiPrefix, StringComparison.Ordinal) ? path[ApiPrefix.Length..] : null;
        FakeRoute? route = null;
        Dictionary<string, string>? parameters = null;
        foreach (var candidate in apiPath is null ? [] : _routes)
        {
            if (candidate.Match(context.Request.Method, apiPath!) is { } match)
            {
                (route, parameters) = (candidate, match);
                break;
            }
        }

        var (text, json, files, wire) = await ReadBodyAsync(context.Request);
        var logged = Log(context, route, text, files, wire);
        await PassHoldAsync(route, context.RequestAborted);
        if (AnswerUnavailable(context, logged))
        {
            return;
        }

        var result = Dispatch(context, route, parameters, apiPath, text, json, files, out var headers);
        logged.Status = result.Status;
        if (result.Status < 300 && TakeLostAnswer(route))
        {
            context.Abort();
            return;
        }

        foreach (var (name, value) in headers.Concat(result.Headers ?? new Dictionary<string, string>()))
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = result.Status;
        if (result.RawBody is not null)
        {
            context.Response.ContentType = result.RawContentType;
            await context.Response.WriteAsync(result.RawBody, Encoding.UTF8);
        }
        else if (result.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(result.Body.ToJsonString(), Encoding.UTF8);
        }
    }

    private FakeResult Dispatch(
        HttpContext context, FakeRoute? route, Dictionary<string, string>? parameters, string? apiPath, string? text, JsonNode? json,
        List<FakeUploadedFile> files, out Dictionary<string, string> headers)
    {
        headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (route is null || parameters is null)
        {
            return FakeResult.Error(404, 0, "404: Not Found");
        }

        var invalidForm = CheckContract(context, route, apiPath!, text, json, files);
        if (TakeOverride(route.Key) is { } overridden)
        {
            return overridden;
        }

        if (text is { Length: > 0 } && json is null)
        {
            return FakeResult.Error(400, 50109, "The request body contains invalid JSON.");
        }

        if (!route.IsInteractionRoute && context.Request.Headers.Authorization.ToString() != "Bot " + Token)
        {
            return FakeResult.Error(401, 0, "401: Unauthorized");
        }

        if (TakeForcedError(route.Key) is { } status)
        {
            return FakeResult.Error(status, 0, status + ": Server Error");
        }

        if (TakeProxyFault(route.Key, headers) is { } proxied)
        {
            return proxied;
        }

        if (_rateLimiter.Check(route, route.Major(parameters), headers) is { } limited)
        {
            return RateLimited(limited, headers);
        }

        if (invalidForm is not null)
        {
            return invalidForm;
        }

        lock (_sync)
        {
            return route.Handler(new FakeCall(context, parameters, json as JsonObject, json, files));
        }
    }

    private static FakeResult RateLimited(FakeRateLimitAnswer answer, Dictionary<string, string> headers)
    {
        var seconds = Math.Max(0.001, answer.RetryAfter.TotalSeconds);
        headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = answer.Scope.ToString().ToLowerInvariant();
        if (answer.Scope == FakeRateLimitScope.Global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        return new FakeResult(429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(seconds, 3),
            ["global"] = answer.Scope == FakeRateLimitScope.Global,
        });
    }

    private int? TakeForcedError(string routeKey)
    {
        lock (_sync)
        {
            var index = _forcedErrors.FindIndex(f => f.Times > 0 && (f.RouteKey is null || f.RouteKey == routeKey));
            if (index < 0)
            {
                return null;
            }

            var forced = _forcedErrors[index];
            _forcedErrors[index] = forced with { Times = forced.Times - 1 };
            return forced.Status;
        }
    }

    private FakeDiscordRequest Log(HttpContext context, FakeRoute? route, string? body, List<FakeUploadedFile> files, FakeWireBody wire)
    {
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "Bot [redacted]" : h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new FakeDiscordRequest(
            context.Request.Method, context.Request.Path + context.Request.QueryString, route?.Key, headers, context.Request.ContentType, body, files, _timeProvider.GetUtcNow())
        {
            RawBody = wire.Bytes,
            Parts = wire.Parts,
        };
        lock (_sync)
        {
            _requests.Add(request);
        }

        return request;
    }

    private ulong NextId() => (ulong)Interlocked.Increment(ref _nextId);
}
