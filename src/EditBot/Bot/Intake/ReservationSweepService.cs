using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Intake;

/// <summary>
/// Gives up reservations whose process stopped between reserving a request and queueing it (see
/// <see cref="EditIntake"/>), at start and then every minute, so they stop counting against the person's limits.
/// Nothing was sent for them.
/// </summary>
public sealed partial class ReservationSweepService(
    JobService jobs, TimeProvider time, IOptions<BotExperienceOptions> options, ILogger<ReservationSweepService> logger, ILeaderElection? leaders = null) : PeriodicSweep(time, logger, leaders)
{
    private const int MaxPerSweep = 500;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override string Name => "reservation";

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        var expired = await jobs.ExpireReservationsAsync(options.Value.ReservationLifetime, MaxPerSweep, cancellationToken);
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reservations were left unqueued by a stopped process and are given up")]
    private static partial void LogExpired(ILogger logger, int count);
}
