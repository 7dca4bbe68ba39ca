using System.Diagnostics;
using EditBot.Discord.Events;
using EditBot.Discord.Gateway;
using EditBot.TestSupport.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EditBot.Discord.Tests.Gateway;

/// <summary>One <see cref="GatewayShard"/> running against a <see cref="FakeDiscordGateway"/>, with the events it delivers collected.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "test-bot-token-aaaaaaaaaaaaaaaaaaaaaaaa";
    private readonly CancellationTokenSource _stop = new();
    private readonly List<DiscordEvent> _events = [];
    private Task _reader = Task.CompletedTask;
    private DiscordEventChannel? _channel;

    private GatewayHarness(FakeDiscordGateway gateway, TimeProvider time) => (Gateway, Time) = (gateway, time);

    public FakeDiscordGateway Gateway { get; }

    public TimeProvider Time { get; }

    public DiscordOptions Discord { get; } = new() { Token = Token };

    public GatewayClientOptions Client { get; } = new()
    {
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        CloseTimeout = TimeSpan.FromSeconds(2),
        Jitter = () => 0.5,
    };

    public GatewayShardState State { get; private set; } = null!;

    public GatewayIdentifyGate IdentifyGate { get; private set; } = null!;

    public ListLogger<GatewayShard> Log { get; } = new();

    public Task Run { get; private set; } = Task.CompletedTask;

    public IReadOnlyList<DiscordEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>
    /// Identify pacing of client and fake alike: short, so tests that identify again stay fast, yet long enough that
    /// the fake's arrival slack (a fifth of it) leaves a check that bites on an unpaced client.
    /// </summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The <c>GET /gateway/bot</c> answer the shard's identify gate is configured with, as the host does; none: the gate's defaults.</summary>
    public GatewayBotInfo? Limits { get; set; }

    public static async Task<GatewayHarness> CreateAsync(TimeProvider? time = null) =>
        new(await FakeDiscordGateway.StartAsync(time), time ?? TimeProvider.System);

    /// <summary>Starts shard <paramref name="shardId"/> of <paramref name="shardCount"/>.</summary>
    public GatewayHarness Start(int shardId = 0, int shardCount = 1)
    {
        var channel = _channel = new DiscordEventChannel(Options.Create(new DiscordOptions { EventQueueCapacity = 100_000 }));
        Gateway.IdentifyInterval = IdentifyInterval;
        IdentifyGate = new GatewayIdentifyGate(Time, NullLogger<GatewayIdentifyGate>.Instance) { BucketInterval = IdentifyInterval };
        if (Limits is { } limits)
        {
            IdentifyGate.Configure(limits);
        }

        State = new GatewayShardState(shardId, shardCount);
        var shard = new GatewayShard(State, Gateway.Url, Discord, Client, IdentifyGate, channel.Writer, Time, Log);
        _reader = Task.Run(async () =>
        {
            await foreach (var e in channel.Reader.ReadAllAsync())
            {
                lock (_events)
                {
                    _events.Add(e);
                }
            }
        });
        Run = Task.Run(() => shard.RunAsync(_stop.Token));
        return this;
    }

    /// <summary>The <c>n</c> field of every MESSAGE_CREATE received, in order (tests number their dispatches).</summary>
    public IReadOnlyList<int> Numbers() =>
        [.. Events.Where(e => e.Type == "MESSAGE_CREATE").Select(e => System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("n").GetInt32())];

    public Task WaitForEventsAsync(Func<IReadOnlyList<DiscordEvent>, bool> condition, string what) =>
        WaitAsync(() => condition(Events), what);

    /// <summary>Waits for a condition; with a FakeTimeProvider, advances it by <paramref name="step"/> between checks.</summary>
    public async Task WaitAsync(Func<bool> condition, string what, TimeSpan? step = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Run.IsFaulted)
            {
                await Run;
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            if (step is { } advance && Time is FakeTimeProvider fake)
            {
                fake.Advance(advance);
            }

            await Task.Delay(10);
        }
    }

    public Task StopAsync() => _stop.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Time is FakeTimeProvider fake)
        {
            fake.Advance(TimeSpan.FromSeconds(10));
        }

        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception)
        {
            // Tests that expect a failure have already awaited it.
        }

        _channel?.Writer.TryComplete();
        await _reader;
        await Gateway.DisposeAsync();
        _stop.Dispose();
    }
}
