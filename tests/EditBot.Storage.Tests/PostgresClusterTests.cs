using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Storage.Postgres;
using EditBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EditBot.Storage.Tests;

/// <summary>
/// What instances share through PostgreSQL besides the stores: heartbeat rows that split the deployment's budgets, one
/// leader per singleton task, and the notification that wakes idle workers. Real time, short intervals.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresClusterFixture fixture) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly List<IAsyncDisposable> _owned = [];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await fixture.DatabaseForAsync(GetType());
        var database = await OpenAsync();
        await new PostgresKeyValueStore(database).ListAsync("migrate", Ct);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand("TRUNCATE jobs, job_events, instances", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Live_instances_are_counted_per_role_and_one_that_stops_beating_drops_out()
    {
        var registry = new PostgresInstanceRegistry(await OpenAsync());
        var live = TimeSpan.FromSeconds(1);

        Assert.Equal(1, (await registry.HeartbeatAsync("a", ["discord-requests", "status-polls"], live, Ct))["status-polls"]);
        var seenByB = await registry.HeartbeatAsync("b", ["status-polls"], live, Ct);
        Assert.Equal(2, seenByB["status-polls"]);
        Assert.Equal(1, seenByB["discord-requests"]);

        // a stops beating: after the live window only b counts.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var alone = await registry.HeartbeatAsync("b", ["status-polls"], live, Ct);
        Assert.Equal(1, alone["status-polls"]);
        Assert.False(alone.ContainsKey("discord-requests"));

        // A clean stop removes the row at once.
        await registry.HeartbeatAsync("a", ["status-polls"], live, Ct);
        await registry.LeaveAsync("a", Ct);
        Assert.Equal(1, (await registry.HeartbeatAsync("b", ["status-polls"], live, Ct))["status-polls"]);
    }

    [Fact]
    public async Task A_joining_instance_waits_until_the_others_have_seen_it_and_then_each_takes_half()
    {
        var options = Options.Create(new ClusterOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), InstanceTimeout = TimeSpan.FromSeconds(2) });
        var (firstShares, _) = await StartMemberAsync("first", options);
        await firstShares.WhenJoinedAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, firstShares.SharersOf(ClusterRole.StatusPolls));

        var joining = System.Diagnostics.Stopwatch.StartNew();
        var (secondShares, _) = await StartMemberAsync("second", options);
        await secondShares.WhenJoinedAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30));
        joining.Stop();

        // The first instance has shrunk to its half before the second may spend anything.
        Assert.Equal(2, firstShares.SharersOf(ClusterRole.StatusPolls));
        Assert.Equal(2, secondShares.SharersOf(ClusterRole.StatusPolls));
        Assert.True(joining.Elapsed >= options.Value.JoinDelay, $"joined after {joining.Elapsed}, before the others could have seen it");
    }

    [Fact]
    public async Task One_instance_leads_a_task_and_another_takes_over_within_seconds_when_the_leaders_session_dies()
    {
        var options = Options.Create(new ClusterOptions { LeaderRetryInterval = TimeSpan.FromMilliseconds(200) });
        var first = await StartElectionAsync(options);
        var second = await StartElectionAsync(options);

        var firstWins = first.WaitForLeadershipAsync("sweep", Ct);
        var secondWins = second.WaitForLeadershipAsync("sweep", Ct);
        var winner = await Task.WhenAny(firstWins, secondWins).WaitAsync(TimeSpan.FromSeconds(30));
        var (leader, follower, followerWins) = winner == firstWins ? (first, second, secondWins) : (second, first, firstWins);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.True(leader.IsLeader("sweep"));
        Assert.False(follower.IsLeader("sweep"));
        Assert.False(followerWins.IsCompleted);

        // As on a SIGKILL: the server ends the leader's session, which frees its advisory locks.
        await TerminateLeaderSessionsAsync();
        var takeover = System.Diagnostics.Stopwatch.StartNew();
        await followerWins.WaitAsync(TimeSpan.FromSeconds(30));
        takeover.Stop();
        Assert.True(follower.IsLeader("sweep"));
        await Eventually.WaitUntilAsync(() => !leader.IsLeader("sweep"), "the old leader to notice it lost its session", TimeSpan.FromSeconds(30));
        Assert.True(takeover.Elapsed < TimeSpan.FromSeconds(30), $"took over after {takeover.Elapsed}");
    }

    [Fact]
    public async Task Each_task_has_its_own_leader_and_a_clean_stop_hands_the_task_over()
    {
        var options = Options.Create(new ClusterOptions { LeaderRetryInterval = TimeSpan.FromMilliseconds(200) });
        var first = await StartElectionAsync(options);
        await first.WaitForLeadershipAsync("sweep", Ct).WaitAsync(TimeSpan.FromSeconds(30));
        var second = await StartElectionAsync(options);

        // A task the first instance does not host is the second's at once.
        await second.WaitForLeadershipAsync("registration", Ct).WaitAsync(TimeSpan.FromSeconds(30));
        var handedOver = second.WaitForLeadershipAsync("sweep", Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.False(handedOver.IsCompleted);

        await first.StopAsync(Ct);
        await handedOver.WaitAsync(TimeSpan.FromSeconds(30));
    }

    // Old code in this test (no trigger, no LISTEN): nothing woke the other instance; its worker found the job only at
    // its next idle look at the table.
    [Fact]
    public async Task A_job_enqueued_on_one_instance_wakes_the_idle_worker_of_another_at_once()
    {
        var signal = new WorkSignal();
        var listener = new PostgresJobNotifications(await OpenAsync(), signal, TimeProvider.System, NullLogger<PostgresJobNotifications>.Instance);
        await listener.StartAsync(Ct);
        _owned.Add(new Stopping(listener));
        // The listener raises the signal once when it starts listening (a job may have come due meanwhile).
        await Eventually.WaitUntilAsync(async () =>
        {
            await signal.WaitAsync(TimeSpan.FromMilliseconds(50), TimeProvider.System, Ct);
            return await ListeningAsync();
        }, "the listener to LISTEN");
        await signal.WaitAsync(TimeSpan.Zero, TimeProvider.System, Ct);

        var jobs = new PostgresJobStore(await OpenAsync());
        var job = TestJobs.New(DateTimeOffset.UtcNow);
        await jobs.InsertAsync(job, TestJobs.Created(job), Ct);

        var woken = signal.WaitAsync(TimeSpan.FromMinutes(1), TimeProvider.System, Ct);
        await woken.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, listener.Received);

        // A job claimed (leased) or waiting for a later attempt wakes nobody.
        var claimed = await jobs.ClaimDueAsync("worker", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), 1, null, Ct);
        Assert.Single(claimed);
        await jobs.TryUpdateAsync(claimed[0] with { NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(5), LeaseOwner = null, LeaseUntil = null }, null, Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, listener.Received);
    }

    private async Task<bool> ListeningAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN editbot_jobs'", connection);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }

    private Task<PostgresDatabase> OpenAsync()
    {
        var database = new PostgresDatabase(_connectionString, TimeProvider.System);
        _owned.Add(database);
        return Task.FromResult(database);
    }

    private async Task<(ClusterShares Shares, ClusterMembershipService Service)> StartMemberAsync(string id, IOptions<ClusterOptions> options)
    {
        var registry = new PostgresInstanceRegistry(await OpenAsync());
        var shares = new ClusterShares([registry]);
        var service = new ClusterMembershipService(
            registry, shares, [ClusterRole.StatusPolls], Options.Create(new EngineOptions { WorkerId = id }),
            options, TimeProvider.System, NullLogger<ClusterMembershipService>.Instance);
        await service.StartAsync(Ct);
        _owned.Add(new Stopping(service));
        return (shares, service);
    }

    private async Task<PostgresLeaderElection> StartElectionAsync(IOptions<ClusterOptions> options)
    {
        var election = new PostgresLeaderElection(await OpenAsync(), options, TimeProvider.System, NullLogger<PostgresLeaderElection>.Instance);
        await election.StartAsync(Ct);
        _owned.Add(new Stopping(election));
        return election;
    }

    private async Task TerminateLeaderSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 1161972804::oid", connection);
        await terminate.ExecuteNonQueryAsync();
    }

    private sealed class Stopping(Microsoft.Extensions.Hosting.BackgroundService service) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }
    }
}
