using EditBot.Core.Cluster;
using EditBot.Core.Engine;
using EditBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Core.Tests;

public sealed class ClusterMembershipTests
{
    private static readonly ClusterOptions Settings = new() { HeartbeatInterval = TimeSpan.FromSeconds(2), InstanceTimeout = TimeSpan.FromSeconds(6) };

    // Found by the scale load program: with four instances, connection exhaustion failed one instance's heartbeats; the
    // others stopped counting it and took its share while it went on spending its old one, and the fake Discord
    // answered global 429s. Old code: the failing instance kept spending.
    [Fact]
    public async Task An_instance_whose_heartbeat_fails_past_what_the_others_wait_stops_spending_and_joins_again_after_the_delay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var registry = new ScriptedRegistry();
        var shares = new ClusterShares([registry]);
        using var service = new ClusterMembershipService(
            registry, shares, [ClusterRole.StatusPolls], Options.Create(new EngineOptions { WorkerId = "me" }),
            Options.Create(Settings), time, NullLogger<ClusterMembershipService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => shares.Joined, "joining alone at once");

        registry.Failing = true;
        await TickAsync(time, registry);
        Assert.True(shares.Joined, "one missed heartbeat: the others still count this instance");
        await TickAsync(time, registry);
        Assert.False(shares.Joined);

        registry.Failing = false;
        registry.Live = 2;
        await TickAsync(time, registry);
        Assert.False(shares.Joined);
        Assert.Equal(2, shares.SharersOf(ClusterRole.StatusPolls));
        await TickAsync(time, registry);
        await TickAsync(time, registry);
        Assert.True(shares.Joined, "joined again one join delay after the first good heartbeat");
        await service.StopAsync(CancellationToken.None);
    }

    private static async Task TickAsync(FakeTimeProvider time, ScriptedRegistry registry)
    {
        var calls = registry.Calls;
        time.Advance(Settings.HeartbeatInterval);
        await Eventually.WaitUntilAsync(() => registry.Calls > calls, "the next heartbeat");
        // The sweep applies what the call returned just after it returns.
        await Task.Delay(50);
    }

    private sealed class ScriptedRegistry : IInstanceRegistry
    {
        private int _calls;

        public bool Failing { get; set; }

        public int Live { get; set; } = 1;

        public int Calls => Volatile.Read(ref _calls);

        public Task<IReadOnlyDictionary<string, int>> HeartbeatAsync(
            string instanceId, IReadOnlyCollection<string> roles, TimeSpan liveWithin, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Failing
                ? Task.FromException<IReadOnlyDictionary<string, int>>(new TimeoutException("The store is out of reach."))
                : Task.FromResult<IReadOnlyDictionary<string, int>>(roles.ToDictionary(r => r, _ => Live));
        }

        public Task LeaveAsync(string instanceId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
