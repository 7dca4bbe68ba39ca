using System.Security.Cryptography;
using EditBot.Core.Backend;

namespace EditBot.Gmi.Backend;

/// <summary>
/// Recognises a job's own request among the organization's requests after a lost POST answer: same parameters, the
/// same image and the same mask (the URL for staged inputs, the SHA-256 of the decoded bytes for inline base64).
/// </summary>
internal static class SubmittedRequestMatcher
{
    /// <summary>Tolerated difference between our clock and GMI's created_at.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>Every record that is this job's submit as far as the list shows: same parameters, image and mask; newest first.</summary>
    public static IReadOnlyList<RemoteRequest> FindAll(IEnumerable<GmiRequestRecord> records, SubmitRequest wanted, string model, DateTimeOffset notBefore)
    {
        var earliest = notBefore - ClockSkew;
        return [.. records
            .Where(r => r.Request.CreatedAt is { } created && created >= earliest)
            .Where(r => r.Model is null || string.Equals(r.Model, model, StringComparison.Ordinal))
            .Where(r => r.Payload is { } p && SameParameters(p, wanted) && SameImage(p.Image, wanted.Image, wanted.ImageFingerprint)
                && SameMask(p.Mask, wanted))
            .OrderByDescending(r => r.Request.CreatedAt)
            .Select(r => r.Request)];
    }

    private static bool SameParameters(GmiEditPayload payload, SubmitRequest wanted) =>
        string.Equals(payload.Prompt, wanted.Prompt, StringComparison.Ordinal)
        && string.Equals(payload.Size, wanted.Size, StringComparison.OrdinalIgnoreCase)
        && string.Equals(payload.Quality, wanted.Quality, StringComparison.OrdinalIgnoreCase)
        && payload.N == wanted.Count;

    private static bool SameImage(string sent, string wanted, string fingerprint)
    {
        if (IsUrl(wanted))
        {
            return string.Equals(sent, wanted, StringComparison.Ordinal);
        }

        return !IsUrl(sent) && Fingerprint(sent) is { } hash && FingerprintMatches(hash, fingerprint);
    }

    // A request with another mask (or one where the job had none) is another edit, whatever its prompt.
    private static bool SameMask(string? sent, SubmitRequest wanted) =>
        wanted.Mask is null
            ? string.IsNullOrEmpty(sent)
            : sent is not null && (wanted.MaskFingerprint is { } fingerprint ? SameImage(sent, wanted.Mask, fingerprint) : string.Equals(sent, wanted.Mask, StringComparison.Ordinal));

    private static bool IsUrl(string value) =>
        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private static byte[]? Fingerprint(string base64)
    {
        // Accept a data: URL too, in case the queue echoes one.
        var comma = base64.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? base64.IndexOf(',', StringComparison.Ordinal) : -1;
        var text = comma >= 0 ? base64[(comma + 1)..] : base64;
        var buffer = new byte[text.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? SHA256.HashData(buffer.AsSpan(0, written)) : null;
    }

    /// <summary>The engine's fingerprint is hex (either case) or base64 of the SHA-256; both are accepted.</summary>
    private static bool FingerprintMatches(byte[] hash, string fingerprint) =>
        string.Equals(Convert.ToHexString(hash), fingerprint, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Convert.ToBase64String(hash), fingerprint, StringComparison.Ordinal);
}
