using System.Collections.Concurrent;
using EditBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Engine;

/// <summary>
/// Extends the leases of jobs whose step is running, on one timer for the whole process (no timer per job),
/// so a slow step never lets its lease lapse while a crashed process's leases still lapse on time. A lease that
/// another claim took, or that lapsed while renewals failed, cancels its run: a step without a lease must not submit.
/// </summary>
internal sealed partial class LeaseKeeper(IJobStore jobs, IOptions<EngineOptions> options, TimeProvider timeProvider, ILogger<LeaseKeeper> logger)
{
    private readonly ConcurrentDictionary<(Guid JobId, string Owner), HeldLease> _held = new();
    private readonly EngineOptions _options = options.Value;

    /// <summary>
    /// Starts renewing one claim's lease; the token is cancelled when that lease is lost. <paramref name="deadline"/> is
    /// this process's conservative view of the lease's end: its clock before the claim plus the lease duration.
    /// </summary>
    public CancellationToken Hold(Guid jobId, string owner, DateTimeOffset deadline)
    {
        var held = new HeldLease(deadline);
        _held[(jobId, owner)] = held;
        return held.Lost.Token;
    }

    public void Let(Guid jobId, string owner)
    {
        if (_held.TryRemove((jobId, owner), out var held))
        {
            held.Lost.Dispose();
        }
    }

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
        foreach (var (key, held) in _held)
        {
            // The store extends the lease from its own clock at the write, which is no earlier than this reading: the
            // local deadline taken from it never outlasts the stored lease (when the clocks agree).
            var asked = timeProvider.GetUtcNow();
            try
            {
                if (await jobs.RenewLeaseAsync(key.JobId, key.Owner, _options.LeaseDuration, cancellationToken))
                {
                    held.Until = asked + _options.LeaseDuration;
                    continue;
                }

                LogLeaseLost(logger, key.JobId);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRenewFailed(logger, error, key.JobId);
                // Judged now, after the failed call: a renewal that hung may have outlasted the lease.
                if (timeProvider.GetUtcNow() < held.Until)
                {
                    continue;
                }

                LogLeaseLapsed(logger, key.JobId);
            }

            // Whoever removes the entry disposes it, so a run ending at this moment never meets a disposed source.
            if (_held.TryRemove(key, out var lost))
            {
                await lost.Lost.CancelAsync();
                lost.Lost.Dispose();
            }
        }
    }

    /// <summary>One claim's lease as last confirmed by the store, with its conservative local deadline.</summary>
    private sealed class HeldLease(DateTimeOffset until)
    {
        public CancellationTokenSource Lost { get; } = new();

        public DateTimeOffset Until { get; set; } = until;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of job {JobId}")]
    private static partial void LogRenewFailed(ILogger logger, Exception error, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is leased by another claim now; its step here is cancelled")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease of job {JobId} lapsed while renewals failed; its step here is cancelled")]
    private static partial void LogLeaseLapsed(ILogger logger, Guid jobId);
}
