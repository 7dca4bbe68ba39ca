using System.Diagnostics;
using System.Globalization;
using EditBot.Discord;
using EditBot.Discord.Events;
using EditBot.Discord.Gateway;
using EditBot.TestSupport.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EditBot.Benchmarks.Gateway;

/// <summary>
/// Gateway dispatch decoding: events/s and bytes allocated per event for typical INTERACTION_CREATE and
/// MESSAGE_CREATE frames, decoded in a loop, then end to end through a real WebSocket from the fake gateway
/// into the event channel. Args: [iterations (default 200000)] [end-to-end events (default 20000)].
/// </summary>
public sealed class GatewayDecodeLoad : ILoadProgram
{
    public string Name => "gateway-decode";

    public string Description => "Gateway dispatch decoding: events/s and bytes allocated per event (loop and over a WebSocket)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var endToEnd = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        Console.WriteLine("| path | frame | bytes/frame | events/s | allocated B/event |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var (name, frame) in new[] { ("INTERACTION_CREATE", GatewaySampleFrames.InteractionCreate()), ("MESSAGE_CREATE", GatewaySampleFrames.MessageCreate()) })
        {
            MeasureLoop(name, frame, iterations / 10); // warm-up
            var (perSecond, allocated) = MeasureLoop(name, frame, iterations);
            Console.WriteLine($"| decode loop | {name} | {frame.Length} | {perSecond:N0} | {allocated:N0} |");
        }

        var (e2ePerSecond, e2eAllocated) = await MeasureEndToEndAsync(endToEnd, cancellationToken);
        Console.WriteLine($"| fake gateway → WebSocket → shard → channel | MESSAGE_CREATE | {GatewaySampleFrames.MessageCreate().Length} | {e2ePerSecond:N0} | {e2eAllocated:N0} (fake gateway side included) |");
        return 0;
    }

    private static (double PerSecond, double AllocatedPerEvent) MeasureLoop(string name, byte[] frame, int iterations)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            var e = GatewayDecodeBenchmarks.Decode(frame);
            if (e.Type.Length != name.Length)
            {
                throw new InvalidOperationException("decoded the wrong event");
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return (iterations / elapsed.TotalSeconds, (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)iterations);
    }

    private static async Task<(double PerSecond, double AllocatedPerEvent)> MeasureEndToEndAsync(int events, CancellationToken cancellationToken)
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        var channel = new DiscordEventChannel(Options.Create(new DiscordOptions { EventQueueCapacity = 4096 }));
        using var gate = new GatewayIdentifyGate(TimeProvider.System, NullLogger<GatewayIdentifyGate>.Instance);
        var shard = new GatewayShard(
            new GatewayShardState(0, 1), gateway.Url, new DiscordOptions { Token = "benchmark-token" }, new GatewayClientOptions(), gate,
            channel.Writer, TimeProvider.System, NullLogger<GatewayShard>.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = shard.RunAsync(stop.Token);
        await gateway.WaitForLiveSessionsAsync();
        await channel.Reader.ReadAsync(cancellationToken); // READY

        var payload = GatewaySampleFrames.MentionReplyPayload().ToJsonString();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var started = Stopwatch.GetTimestamp();
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < events; i++)
            {
                await gateway.DispatchAsync("MESSAGE_CREATE", payload);
            }
        }, cancellationToken);
        for (var received = 0; received < events; received++)
        {
            await channel.Reader.ReadAsync(cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        await sending;
        await stop.CancelAsync();
        await run;
        return (events / elapsed.TotalSeconds, allocated / (double)events);
    }
}
