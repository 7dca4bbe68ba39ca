using System.Collections.Concurrent;
using EditBot.TestSupport.Gmi.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.TestSupport.Gmi;

/// <summary>
/// A fake of GMI's request queue speaking the real wire protocol over HTTP on 127.0.0.1 (usable by a child process):
/// requests, models, upload-url with presigned PUT, and result media it renders itself. Configure it through its
/// properties at any time; script faults per route with <see cref="EnqueueFault"/>; hold calls with the gates.
/// </summary>
public sealed class FakeGmiServer : IAsyncDisposable
{
    public const string ApiPath = "/api/v1/ie/requestqueue/apikey";
    public const string DefaultApiKey = "test-gmi-key";
    public const string DefaultModel = "gpt-image-2-edit";

    private readonly ConcurrentDictionary<FakeGmiRoute, ConcurrentQueue<FakeGmiFault>> _faults = new();
    private readonly ConcurrentDictionary<string, int> _submissionsByPrompt = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeGmiLogEntry> _log = new();
    private readonly ConcurrentQueue<string> _submitBodies = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private WebApplication? _app;
    private int _submitAttempts;
    private int _accepted;
    private long _sequence;

    public FakeGmiServer(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        Models[DefaultModel] = 0.04m;
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>http://127.0.0.1:port (after <see cref="StartAsync"/>).</summary>
    public Uri Root { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Use as Gmi:BaseUrl.</summary>
    public string BaseUrl => new Uri(Root, ApiPath).ToString();

    /// <summary>The host to put in Downloads:AllowedHosts (with Downloads:AllowPrivateAddresses=true).</summary>
    public string Host => Root.Host;

    /// <summary>The Bearer key required; null accepts any caller.</summary>
    public string? ApiKey { get; set; } = DefaultApiKey;

    /// <summary>Known model ids (case-sensitive) and their price per image.</summary>
    public ConcurrentDictionary<string, decimal> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>"model_ids" (docs) or "models" (SDK): the list key of GET /models.</summary>
    public string ModelListKey { get; set; } = "model_ids";

    /// <summary>
    /// When set, every API call must carry this X-Organization-ID (else 403). Strict: GMI documents the header for
    /// multi-organization accounts; an account that needs it cannot be served without it.
    /// </summary>
    public string? RequiredOrganizationId { get; set; }

    /// <summary>
    /// How long an upload_url accepts its PUT, on <see cref="TimeProvider"/>. GMI's are observed at about 15 minutes;
    /// the fake takes that as the limit and refuses a later PUT as signed storage does (400 ExpiredToken).
    /// </summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long result media stay downloadable after their request finished, on <see cref="TimeProvider"/>. GMI leaves
    /// their lifetime undocumented ("download them at once"); the fake takes the strict side and deletes them after an
    /// hour, answering a later GET 404 NoSuchKey as storage does for a deleted object.
    /// </summary>
    public TimeSpan MediaLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Records one <c>GET /requests</c> answers (newest first); <c>total</c> still counts them all. A guess: GMI documents no paging.</summary>
    public int ListPageSize { get; set; } = 20;

    /// <summary>
    /// Whether <c>GET /requests</c> honours <c>page</c> (1-based) and <c>page_size</c> (capped at <see cref="ListPageSize"/>).
    /// GMI documents no paging parameters, so by default the fake ignores them (strict side): every call answers the same page.
    /// </summary>
    public bool ListHonoursPaging { get; set; }

    /// <summary>The list's order is undocumented too: newest first by default; false answers the oldest page.</summary>
    public bool ListNewestFirst { get; set; } = true;

    /// <summary>When true every submit answers 402.</summary>
    public bool InsufficientCredits { get; set; }

    /// <summary>How long a request takes to finish, on <see cref="TimeProvider"/>. Default 1 s.</summary>
    /// <summary>
    /// How long a request takes, on the fake's clock. GMI documents no latency; the model behind it takes up to about
    /// two minutes for complex prompts and "low" is fastest, so the default is a guess on that side
    /// (<see cref="Realistic"/>): a test that wants fast jobs says so in its own setup (<see cref="OneSecond"/>).
    /// </summary>
    public Func<FakeGmiRequest, TimeSpan> Duration { get; set; } = Realistic;

    /// <summary>low 15 s, medium (and auto) 30 s, high 60 s.</summary>
    public static Func<FakeGmiRequest, TimeSpan> Realistic { get; } = r => r.Quality switch
    {
        "low" => TimeSpan.FromSeconds(15),
        "high" => TimeSpan.FromSeconds(60),
        _ => TimeSpan.FromSeconds(30),
    };

    /// <summary>Every request takes one second: the suite's pace, stated by each test setup that uses it.</summary>
    public static Func<FakeGmiRequest, TimeSpan> OneSecond { get; } = _ => TimeSpan.FromSeconds(1);

    /// <summary>Statuses walked over the duration; the last is the terminal one.</summary>
    public IReadOnlyList<string> StatusSequence { get; set; } = ["created", "queued", "processing", "success"];

    /// <summary>Every request finishes at once, so the POST answer is already terminal with its outcome.</summary>
    public bool ZeroLatency { get; set; }

    public FakeGmiOutcomeShape OutcomeShape { get; set; } = FakeGmiOutcomeShape.MediaUrls;

    /// <summary>
    /// The bytes served as result <c>index</c> of a request instead of the rendered PNG: a test's own result (a large
    /// one, say). Null renders a small PNG of the requested size, as before.
    /// </summary>
    public Func<FakeGmiRequest, int, byte[]>? Media { get; set; }

    /// <summary>Holds PUTs to the upload URL before their bytes are stored.</summary>
    public FakeGmiGate UploadHold { get; } = new();

    /// <summary>Holds submits after the request was created, before the answer is sent.</summary>
    public FakeGmiGate SubmitHold { get; } = new();

    /// <summary>Holds result-media downloads before their bytes are sent.</summary>
    public FakeGmiGate MediaHold { get; } = new();

    /// <summary>Every POST /requests that reached the server, accepted or not.</summary>
    public int SubmitAttempts => Volatile.Read(ref _submitAttempts);

    /// <summary>POST /requests that created a request.</summary>
    public int AcceptedSubmissions => Volatile.Read(ref _accepted);

    public IReadOnlyList<FakeGmiLogEntry> Log => [.. _log];

    /// <summary>Every POST /requests body exactly as it reached the socket (after auth), accepted or refused, in order.</summary>
    public IReadOnlyList<string> SubmitBodies => [.. _submitBodies];

    /// <summary>
    /// Every breach of GMI's submit contract (schema and semantic rules) the fake refused with 400. The end-to-end
    /// harness asserts this is empty when a test ends; a test that sends a bad body on purpose clears it.
    /// </summary>
    public IReadOnlyList<string> ContractViolations => [.. _violations];

    /// <summary>Forgets the recorded contract violations (for a test that provokes them on purpose).</summary>
    public void ClearContractViolations() => _violations.Clear();

    /// <summary>Accepted requests, oldest first.</summary>
    public IReadOnlyList<FakeGmiRequest> Requests => [.. Store.Requests.Values.OrderBy(r => r.Sequence)];

    internal FakeGmiStore Store { get; } = new();

    /// <summary>Accepted submissions whose prompt is exactly <paramref name="prompt"/>.</summary>
    public int SubmissionsFor(string prompt) => _submissionsByPrompt.TryGetValue(prompt, out var count) ? count : 0;

    public FakeGmiRequest? FindByPrompt(string prompt) => Requests.LastOrDefault(r => r.Prompt == prompt);

    /// <summary>Queues a fault for the next call to <paramref name="route"/>; faults are consumed in order.</summary>
    public void EnqueueFault(FakeGmiRoute route, FakeGmiFault fault) => _faults.GetOrAdd(route, _ => new()).Enqueue(fault);

    /// <summary>Makes a request terminal now (as "failed" with <paramref name="failureText"/> when given).</summary>
    public void Finish(string requestId, string? failureText = null)
    {
        var request = Store.Requests[requestId];
        request.FailureText = failureText ?? request.FailureText;
        request.Duration = TimeProvider.GetUtcNow() - request.CreatedAt;
    }

    /// <summary>
    /// Forgets the result PNGs rendered for <paramref name="requestId"/>: the fake renders each on its first GET, so the
    /// next GET costs what a first download costs (for timing one).
    /// </summary>
    public void ForgetRenderedMedia(string requestId)
    {
        foreach (var key in Store.RenderedMedia.Keys.Where(k => k.StartsWith(requestId + "/", StringComparison.Ordinal)))
        {
            Store.RenderedMedia.TryRemove(key, out _);
        }
    }

    /// <summary>Serves <paramref name="content"/> at /static/{name} (chunked: without Content-Length); returns its URL.</summary>
    public Uri ServeObject(string name, byte[] content, string contentType = "image/png", bool chunked = false)
    {
        Store.Statics[name] = new FakeGmiStaticObject(content, contentType, null, 0, chunked);
        return new Uri(Root, "/static/" + name);
    }

    /// <summary>Answers /static/{name} with a redirect to <paramref name="location"/>; returns its URL.</summary>
    public Uri ServeRedirect(string name, string location, int statusCode = 302)
    {
        Store.Statics[name] = new FakeGmiStaticObject([], string.Empty, location, statusCode);
        return new Uri(Root, "/static/" + name);
    }

    /// <summary>The bytes uploaded behind a public_url this fake handed out, or null.</summary>
    public byte[]? UploadedContent(string publicUrl) =>
        Store.Uploads.Values.FirstOrDefault(u => u.PublicUrl == publicUrl)?.Content;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _app = FakeGmiHost.Build(this, entry => _log.Enqueue(entry));
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Root = new Uri(address + "/");
    }

    /// <summary>Stops the fake; throws when a submit broke GMI's contract, so no test can forget to check it.</summary>
    public async ValueTask DisposeAsync()
    {
        UploadHold.Open();
        SubmitHold.Open();
        MediaHold.Open();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        if (!_violations.IsEmpty)
        {
            throw new FakeGmiContractException([.. _violations]);
        }
    }

    internal FakeGmiFault? TakeFault(FakeGmiRoute route) =>
        _faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    internal void RecordSubmitBody(string body) => _submitBodies.Enqueue(body);

    internal void RecordViolations(IEnumerable<string> violations)
    {
        foreach (var violation in violations)
        {
            _violations.Enqueue(violation);
        }
    }

    /// <summary>The bytes GMI would fetch from <paramref name="url"/>: only objects this fake serves (uploads, static files).</summary>
    internal byte[]? Fetch(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Authority != Root.Authority)
        {
            return null;
        }

        var path = uri.AbsolutePath;
        if (path.StartsWith("/objects/", StringComparison.Ordinal))
        {
            return Store.Uploads.TryGetValue(path["/objects/".Length..].Split('.')[0], out var upload) ? upload.Content : null;
        }

        return path.StartsWith("/static/", StringComparison.Ordinal) && Store.Statics.TryGetValue(path["/static/".Length..], out var item) && item.Location is null
            ? item.Content
            : null;
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void CountSubmitAttempt() => Interlocked.Increment(ref _submitAttempts);

    internal void CountAccepted(string prompt)
    {
        Interlocked.Increment(ref _accepted);
        _submissionsByPrompt.AddOrUpdate(prompt, 1, (_, n) => n + 1);
    }

    /// <summary>True when the caller sent the required key; otherwise answers 401 and returns false.</summary>
    internal async Task<bool> AuthorizeAsync(HttpContext context)
    {
        if (ApiKey is not null && context.Request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            await FakeGmiFaultRunner.WriteJsonAsync(context, 401, "{\"error\":\"Invalid API key\"}");
            return false;
        }

        if (RequiredOrganizationId is not null && context.Request.Headers["X-Organization-ID"].ToString() != RequiredOrganizationId)
        {
            await FakeGmiFaultRunner.WriteJsonAsync(context, 403, "{\"error\":\"The API key has no access to this organization\"}");
            return false;
        }

        return true;
    }
}
