using System.Collections.Concurrent;
using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EditBot.Storage.Postgres;

/// <summary>
/// One leader per singleton task, elected with a session-level advisory lock on (class, hashtext(task)) held on one
/// dedicated connection. The lock lives exactly as long as that connection: when the leader dies (even SIGKILL) the
/// server ends its session and frees the lock, and another instance takes it at its next try, within
/// <see cref="ClusterOptions.LeaderRetryInterval"/>. The holder checks its connection on the same interval and gives
/// every task up when the check fails, so two instances may both run a task for at most one interval: the tasks
/// (sweeps, idempotent command registration) write through compare-and-set and tolerate that.
/// </summary>
public sealed partial class PostgresLeaderElection(
    PostgresDatabase database, IOptions<ClusterOptions> options, TimeProvider time, ILogger<PostgresLeaderElection> logger)
    : BackgroundService, ILeaderElection
{
    /// <summary>The advisory-lock class of leader locks ("EBLD"), apart from admission ("EBAD") and migration locks.</summary>
    private const int LockClass = 0x45424C44;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _wanted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _held = new(StringComparer.Ordinal);
    private readonly WorkSignal _tryNow = new();
    private NpgsqlConnection? _connection;

    public IReadOnlyCollection<string> Candidacies => [.. _wanted.Keys];

    public bool IsLeader(string task) => _held.ContainsKey(task);

    public Task WaitForLeadershipAsync(string task, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(task);
        var signal = _wanted.GetOrAdd(task, _ => NewSignal());
        // A candidate tries at once rather than at the next interval (after it is in the table the loop reads).
        _tryNow.Notify();
        return signal.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ElectAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogConnectionLost(logger, e, string.Join(", ", _held.Keys));
                await GiveUpAllAsync(stopping: false);
            }

            try
            {
                await _tryNow.WaitAsync(options.Value.LeaderRetryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_connection is { } connection)
        {
            try
            {
                // Closing the session frees its locks; unlocking first hands them over without waiting for the close.
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                await unlock.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or OperationCanceledException)
            {
                // The close below frees them anyway.
            }

            await GiveUpAllAsync(stopping: true);
        }
    }

    public override void Dispose()
    {
        _connection?.Dispose();
        base.Dispose();
    }

    private async Task ElectAsync(CancellationToken cancellationToken)
    {
        if (_wanted.IsEmpty)
        {
            // This process hosts no singleton task (e.g. the edit verb): no connection held.
            return;
        }

        var connection = _connection ??= await database.OpenAsync(cancellationToken);
        if (!_held.IsEmpty)
        {
            // Leading means holding a live session: a dead connection must end the leadership now, not when a task fails.
            await using var check = new NpgsqlCommand("SELECT 1", connection);
            await check.ExecuteScalarAsync(cancellationToken);
        }

        foreach (var (task, signal) in _wanted)
        {
            if (_held.ContainsKey(task))
            {
                continue;
            }

            await using var attempt = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, hashtext(@task))", connection);
            attempt.Parameters.Add(new NpgsqlParameter<int>("class", LockClass));
            attempt.Parameters.Add(new NpgsqlParameter<string>("task", task));
            if (await attempt.ExecuteScalarAsync(cancellationToken) is true)
            {
                _held[task] = true;
                LogLeading(logger, task);
                signal.TrySetResult();
            }
        }
    }

    private async Task GiveUpAllAsync(bool stopping)
    {
        foreach (var task in _held.Keys)
        {
            _held.TryRemove(task, out _);
            // Later waits wait for the next election.
            _wanted[task] = NewSignal();
            if (stopping)
            {
                LogHandedOver(logger, task);
            }
            else
            {
                LogNoLongerLeading(logger, task);
            }
        }

        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now runs the singleton task {Task}")]
    private static partial void LogLeading(ILogger logger, string task);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: the singleton task {Task} is free for another instance")]
    private static partial void LogHandedOver(ILogger logger, string task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance no longer runs the singleton task {Task}")]
    private static partial void LogNoLongerLeading(ILogger logger, string task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The leader election's connection failed; giving up the tasks held ({Tasks}) and trying again")]
    private static partial void LogConnectionLost(ILogger logger, Exception error, string tasks);
}
