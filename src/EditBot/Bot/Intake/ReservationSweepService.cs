using EditBot.Core.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Intake;

/// <summary>
/// Gives up reservations whose process stopped between reserving a request and queueing it (see
/// <see cref="EditIntake"/>), at start and then every minute, so they stop counting against the person's limits.
/// Nothing was sent for them.
/// </summary>
public sealed partial class ReservationSweepService(
    JobService jobs, TimeProvider time, IOptions<BotExperienceOptions> options, ILogger<ReservationSweepService> logger) : BackgroundService
{
    private const int MaxPerSweep = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                var expired = await jobs.ExpireReservationsAsync(options.Value.ReservationLifetime, MaxPerSweep, stoppingToken);
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reservations were left unqueued by a stopped process and are given up")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reservation sweep failed; retrying in a minute")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
