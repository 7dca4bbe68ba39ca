using System.Collections.Concurrent;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Engine;

/// <summary>
/// Extends the leases of jobs whose step is running, on one timer for the whole process (no timer per job),
/// so a slow step never lets its lease lapse while a crashed process's leases still lapse on time.
/// </summary>
internal sealed partial class LeaseKeeper(IJobStore jobs, IOptions<EngineOptions> options, TimeProvider timeProvider, ILogger<LeaseKeeper> logger)
{
    private readonly ConcurrentDictionary<Guid, byte> _held = new();
    private readonly EngineOptions _options = options.Value;

    public void Hold(Guid jobId) => _held.TryAdd(jobId, 0);

    public void Let(Guid jobId) => _held.TryRemove(jobId, out _);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Renewing at a quarter of the lease leaves three missed rounds before anything lapses.
        using var timer = new PeriodicTimer(_options.LeaseDuration / 4, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await RenewAllAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the worker releases what it still holds.
        }
    }

    internal async Task RenewAllAsync(CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow() + _options.LeaseDuration;
        foreach (var jobId in _held.Keys)
        {
            try
            {
                if (!await jobs.RenewLeaseAsync(jobId, _options.WorkerId, until, cancellationToken))
                {
                    _held.TryRemove(jobId, out _);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRenewFailed(logger, error, jobId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of job {JobId}")]
    private static partial void LogRenewFailed(ILogger logger, Exception error, Guid jobId);
}
