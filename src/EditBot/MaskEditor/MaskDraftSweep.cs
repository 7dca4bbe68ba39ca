using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using Microsoft.Extensions.Logging;

namespace EditBot.MaskEditor;

/// <summary>Deletes mask drafts an hour after their links expired (used or not), every ten minutes, on one instance.</summary>
public sealed partial class MaskDraftSweep(MaskDrafts drafts, TimeProvider time, ILogger<MaskDraftSweep> logger, ILeaderElection? leaders = null)
    : PeriodicSweep(time, logger, leaders)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override string Name => "mask drafts";

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        var removed = await drafts.PruneAsync(Time.GetUtcNow() - TimeSpan.FromHours(1), cancellationToken);
        if (removed > 0)
        {
            LogPruned(Logger, removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} expired mask drafts deleted")]
    private static partial void LogPruned(ILogger logger, int count);
}
