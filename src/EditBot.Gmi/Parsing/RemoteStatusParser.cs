using EditBot.Core.Backend;

namespace EditBot.Gmi.Parsing;

/// <summary>Maps GMI status strings, in any letter case, to <see cref="RemoteStatus"/>.</summary>
internal static class RemoteStatusParser
{
    public static RemoteStatus Parse(string? raw) => raw?.Trim().ToUpperInvariant() switch
    {
        "CREATED" => RemoteStatus.Created,
        "QUEUED" => RemoteStatus.Queued,
        "DISPATCHED" => RemoteStatus.Dispatched,
        "PROCESSING" => RemoteStatus.Processing,
        "SUCCESS" => RemoteStatus.Success,
        "FAILED" => RemoteStatus.Failed,
        "CANCELLED" => RemoteStatus.Cancelled,
        _ => RemoteStatus.Unknown,
    };
}
