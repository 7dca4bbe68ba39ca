using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EditBot.Gmi.Parsing;

/// <summary>Logs each unknown status string once per process, so a new GMI status is noticed without flooding logs.</summary>
internal static class UnknownStatusLog
{
    private static readonly ConcurrentDictionary<string, bool> Seen = new(StringComparer.OrdinalIgnoreCase);

    public static void Report(ILogger logger, string rawStatus, string requestId)
    {
        if (Seen.TryAdd(rawStatus, true))
        {
            logger.LogWarning("GMI request {RequestId} has unknown status {Status}; treating it as not finished", requestId, rawStatus);
        }
    }
}
