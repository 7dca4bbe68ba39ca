namespace EditBot.Core.Backend;

/// <summary>
/// The hosted edit API as the engine needs it. EditBot.Gmi implements it over GMI's request queue.
/// Idempotent reads (get, list, download) may retry internally; <see cref="SubmitAsync"/> never does:
/// the engine alone decides whether a submit is repeated, after reconciling.
/// </summary>
public interface IEditBackend
{
    /// <summary>
    /// Makes one input reachable by the API. Returns a public URL to send instead of the bytes, or null when
    /// the bytes are small enough to inline as base64.
    /// </summary>
    Task<string?> StageInputAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken);

    /// <summary>Posts the job once. Throws <see cref="EditBackendException"/>; its MaybeAccepted says whether to reconcile first.</summary>
    Task<RemoteRequest> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken);

    Task<RemoteRequest> GetAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Looks for requests this job may already have submitted (its POST answer was lost): same model, prompt, image,
    /// mask, size, quality and count, created at or after <paramref name="notBefore"/> (minus clock skew), newest
    /// first, and whether the list read was the API's whole list (only then does "no match" prove nothing was accepted).
    /// </summary>
    Task<SubmitLookup> FindSubmittedAsync(SubmitRequest request, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Downloads one result (size-capped, allowed hosts only).</summary>
    Task<DownloadedMedia> DownloadAsync(string url, CancellationToken cancellationToken);
}

/// <summary>
/// One submission. <see cref="Image"/> and <see cref="Mask"/> are either public URLs (staged) or raw base64.
/// <see cref="ImageFingerprint"/> and <see cref="MaskFingerprint"/> (SHA-256 of the bytes, hex) let reconciliation
/// recognise the job's own request.
/// </summary>
public sealed record SubmitRequest(
    Guid JobId,
    string Prompt,
    string Image,
    string? Mask,
    string Size,
    string Quality,
    int Count,
    string ImageFingerprint,
    string? MaskFingerprint = null);

/// <summary>
/// What a lost submit's lookup found: the matching requests, newest first, and whether the API's list was read
/// whole (<c>total</c> no larger than the records read). With an incomplete list, no match is no evidence.
/// </summary>
public sealed record SubmitLookup(IReadOnlyList<RemoteRequest> Matches, bool ListComplete)
{
    public static SubmitLookup Nothing { get; } = new([], true);
}

public sealed record DownloadedMedia(byte[] Content, string MediaType);
