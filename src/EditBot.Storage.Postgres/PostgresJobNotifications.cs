using EditBot.Common.Retry;
using EditBot.Core.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EditBot.Storage.Postgres;

/// <summary>
/// LISTENs on <c>editbot_jobs</c> (raised by the jobs table's trigger when a job becomes claimable, whichever instance
/// wrote it) and wakes this process's idle worker at once. Without it a job enqueued on another instance waits for the
/// next idle look at the table (<c>Engine:IdleDelay</c>). A lost connection is re-opened with backoff; the idle look
/// still finds everything meanwhile.
/// </summary>
public sealed partial class PostgresJobNotifications(
    PostgresDatabase database, WorkSignal signal, TimeProvider time, ILogger<PostgresJobNotifications> logger) : BackgroundService
{
    public const string Channel = "editbot_jobs";

    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(30);

    private static readonly Backoff Reconnect = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>Notifications received, for tests.</summary>
    public long Received => Interlocked.Read(ref _received);

    private long _received;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var failures = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                failures = 0;
                // A job may have become due while nobody listened.
                signal.Notify();
                while (true)
                {
                    if (!await connection.WaitAsync(PingEvery, stoppingToken))
                    {
                        // Quiet for a while: make sure the connection is still there (a half-open TCP connection never
                        // errors by itself), or the loop re-opens it.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                LogListenFailed(logger, e);
                try
                {
                    await Task.Delay(Reconnect.Delay(failures), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        Interlocked.Increment(ref _received);
        signal.Notify();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the job notifications connection; idle workers look at the table until it is back")]
    private static partial void LogListenFailed(ILogger logger, Exception error);
}
