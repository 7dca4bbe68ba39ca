using EditBot.Core.Backend;

namespace EditBot.Benchmarks.Polling;

/// <summary>
/// A zero-latency edit API for load runs: inputs inline, submits answer at once (finished, or still running when
/// <see cref="FinishOnSubmit"/> is false), polls always say "processing", downloads return a tiny image.
/// </summary>
public sealed class InstantBackend : IEditBackend
{
    private static readonly byte[] ResultBytes = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4];
    private long _submits;
    private long _polls;

    public bool FinishOnSubmit { get; init; } = true;

    public long Submits => Interlocked.Read(ref _submits);

    public long Polls => Interlocked.Read(ref _polls);

    public Task<string?> StageInputAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    public Task<RemoteRequest> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        var id = $"req-{Interlocked.Increment(ref _submits)}";
        return Task.FromResult(FinishOnSubmit
            ? new RemoteRequest(id, RemoteStatus.Success, "success", [$"https://storage.example/{id}.png"], null, RemoteFailureKind.None, null)
            : new RemoteRequest(id, RemoteStatus.Queued, "queued", [], null, RemoteFailureKind.None, null));
    }

    public Task<RemoteRequest> GetAsync(string requestId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _polls);
        return Task.FromResult(new RemoteRequest(requestId, RemoteStatus.Processing, "processing", [], null, RemoteFailureKind.None, null));
    }

    public Task<SubmitLookup> FindSubmittedAsync(SubmitRequest request, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        Task.FromResult(SubmitLookup.Nothing);

    public Task<DownloadedMedia> DownloadAsync(string url, CancellationToken cancellationToken) =>
        Task.FromResult(new DownloadedMedia(ResultBytes, "image/png"));
}
