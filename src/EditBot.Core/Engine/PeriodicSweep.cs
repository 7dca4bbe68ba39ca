using EditBot.Core.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EditBot.Core.Engine;

/// <summary>
/// A background sweep run at start (work may have become due while the process was down) and then every
/// <see cref="Interval"/> on the injected clock, on one instance of the deployment: the leader of the task
/// <see cref="Name"/> (<see cref="ILeaderElection"/>; with SQLite the one process). An instance that becomes leader
/// sweeps at once. A failed sweep is logged and retried at the next tick; shutdown ends the loop quietly.
/// </summary>
public abstract class PeriodicSweep(TimeProvider time, ILogger logger, ILeaderElection? leaders = null) : BackgroundService
{
    private readonly ILeaderElection _leaders = leaders ?? new SingleInstanceLeaderElection();

    /// <summary>The clock the sweep ticks on, for the sweep's own cut-offs.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>The sweep's logger.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>Time between sweeps (read once at start).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the sweep is called in its failure log line and in the leader election.</summary>
    protected abstract string Name { get; }

    /// <summary>False for work every instance does for itself (its heartbeat): it then runs without an election.</summary>
    protected virtual bool LeaderOnly => true;

    /// <summary>False when configuration turned the sweep off: it then never runs.</summary>
    protected virtual bool Enabled => true;

    protected abstract Task SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            try
            {
                if (LeaderOnly && !_leaders.IsLeader(Name))
                {
                    // Another instance sweeps; this one waits to take over (and sweeps at once when it does).
                    await _leaders.WaitForLeadershipAsync(Name, stoppingToken);
                }

                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Logger.LogError(e, "The {Sweep} sweep failed; retrying at the next interval", Name);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
