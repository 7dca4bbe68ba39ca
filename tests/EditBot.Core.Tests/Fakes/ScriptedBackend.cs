using System.Collections.Concurrent;
using EditBot.Core.Backend;

namespace EditBot.Core.Tests.Fakes;

/// <summary>
/// An in-process <see cref="IEditBackend"/> driven by scripts: queued errors per call, a queue of poll answers,
/// an optional request for reconciliation to find, and gates that hold a call until the test lets it go.
/// </summary>
public sealed class ScriptedBackend : IEditBackend
{
    private int _nextId;
    private int _findCalls;
    private int _downloadsInFlight;
    private int _mostDownloadsInFlight;

    public ConcurrentQueue<SubmitRequest> Submits { get; } = new();
    public ConcurrentQueue<string> Polls { get; } = new();
    public ConcurrentQueue<string> Downloads { get; } = new();
    public int FindCalls => Volatile.Read(ref _findCalls);

    public ConcurrentQueue<Exception> StageErrors { get; } = new();
    public ConcurrentQueue<Exception> SubmitErrors { get; } = new();
    public ConcurrentQueue<Exception> FindErrors { get; } = new();
    public ConcurrentQueue<Exception> GetErrors { get; } = new();
    public ConcurrentQueue<Exception> DownloadErrors { get; } = new();

    /// <summary>Answers to polls in order; when empty, <see cref="DefaultPoll"/> answers.</summary>
    public ConcurrentQueue<Func<string, RemoteRequest>> PollScript { get; } = new();
    public Func<string, RemoteRequest> DefaultPoll { get; set; } = id => Success(id, 1);
    public Func<string, RemoteRequest> SubmitAnswer { get; set; } = Queued;

    /// <summary>What FindSubmittedAsync returns (a lost submit's request), or null.</summary>
    public RemoteRequest? Findable { get; set; }

    /// <summary>Whether the lookup read the API's whole list (false: "no match" proves nothing).</summary>
    public bool ListComplete { get; set; } = true;
    public string? StagedUrl { get; set; }

    /// <summary>When set, SubmitAsync waits for it (honouring cancellation) after recording the call.</summary>
    public TaskCompletionSource? HoldSubmit { get; set; }
    public TaskCompletionSource SubmitStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, DownloadAsync waits for it (honouring cancellation) after recording the call.</summary>
    public TaskCompletionSource? HoldDownloads { get; set; }

    /// <summary>Downloads under way now, and the most there ever were at once.</summary>
    public int DownloadsInFlight => Volatile.Read(ref _downloadsInFlight);
    public int MostDownloadsInFlight => Volatile.Read(ref _mostDownloadsInFlight);

    public static RemoteRequest Queued(string id) => new(id, RemoteStatus.Queued, "queued", [], null, RemoteFailureKind.None, null);

    public static RemoteRequest Processing(string id) => new(id, RemoteStatus.Processing, "processing", [], null, RemoteFailureKind.None, null);

    public static RemoteRequest Success(string id, int images) =>
        new(id, RemoteStatus.Success, "success", Enumerable.Range(1, images).Select(i => $"https://storage.example/{id}/{i}.png").ToArray(), null, RemoteFailureKind.None, null);

    public static RemoteRequest Failed(string id, RemoteFailureKind kind, string reason) =>
        new(id, RemoteStatus.Failed, "failed", [], reason, kind, null);

    public Task<string?> StageInputAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        ThrowNext(StageErrors);
        return Task.FromResult(StagedUrl);
    }

    public async Task<RemoteRequest> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        Submits.Enqueue(request);
        SubmitStarted.TrySetResult();
        if (HoldSubmit is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        ThrowNext(SubmitErrors);
        return SubmitAnswer($"req-{Interlocked.Increment(ref _nextId)}");
    }

    public Task<RemoteRequest> GetAsync(string requestId, CancellationToken cancellationToken)
    {
        Polls.Enqueue(requestId);
        ThrowNext(GetErrors);
        return Task.FromResult(PollScript.TryDequeue(out var next) ? next(requestId) : DefaultPoll(requestId));
    }

    public Task<SubmitLookup> FindSubmittedAsync(SubmitRequest request, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _findCalls);
        ThrowNext(FindErrors);
        return Task.FromResult(new SubmitLookup(Findable is { } found ? [found] : [], ListComplete));
    }

    public async Task<DownloadedMedia> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        Downloads.Enqueue(url);
        var now = Interlocked.Increment(ref _downloadsInFlight);
        for (var most = MostDownloadsInFlight; now > most && Interlocked.CompareExchange(ref _mostDownloadsInFlight, now, most) != most; most = MostDownloadsInFlight)
        {
        }

        try
        {
            if (HoldDownloads is { } hold)
            {
                await hold.Task.WaitAsync(cancellationToken);
            }

            ThrowNext(DownloadErrors);
            return new DownloadedMedia(System.Text.Encoding.UTF8.GetBytes("result:" + url), "image/png");
        }
        finally
        {
            Interlocked.Decrement(ref _downloadsInFlight);
        }
    }

    private static void ThrowNext(ConcurrentQueue<Exception> errors)
    {
        if (errors.TryDequeue(out var error))
        {
            throw error;
        }
    }
}
