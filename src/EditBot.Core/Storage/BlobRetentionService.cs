using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Storage;

/// <summary>
/// Deletes blobs unused for <see cref="StorageOptions.BlobRetention"/> that no live job needs: once at start,
/// then every <see cref="Every"/>. A failed sweep is logged and retried at the next one.
/// </summary>
public sealed partial class BlobRetentionService(
    IBlobStore blobs,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<BlobRetentionService> logger, ILeaderElection? leaders = null) : PeriodicSweep(timeProvider, logger, leaders)
{
    /// <summary>Time between sweeps; retention is measured in days, so hourly keeps the overshoot small.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override TimeSpan Interval => Every;

    protected override string Name => "blob retention";

    protected override Task SweepAsync(CancellationToken cancellationToken) => PruneOnceAsync(cancellationToken);

    /// <summary>Runs one sweep now; returns how many blobs were deleted (0 when the sweep failed).</summary>
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - options.Value.BlobRetention;
        try
        {
            var deleted = await blobs.PruneAsync(cutoff, cancellationToken);
            LogPruned(deleted, cutoff);
            return deleted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob retention deleted {Count} blobs last used before {Cutoff}")]
    private partial void LogPruned(int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob retention sweep failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
