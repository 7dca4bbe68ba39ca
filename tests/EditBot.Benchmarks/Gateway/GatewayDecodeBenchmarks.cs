using BenchmarkDotNet.Attributes;
using EditBot.Discord.Events;
using EditBot.Discord.Gateway;

namespace EditBot.Benchmarks.Gateway;

/// <summary>
/// What the shard does per received dispatch before handing it on: decode the envelope, copy <c>d</c> out of the
/// pooled receive buffer and wrap it in a <see cref="DiscordEvent"/>.
/// </summary>
[MemoryDiagnoser]
public class GatewayDecodeBenchmarks
{
    private byte[] _interactionCreate = [];
    private byte[] _messageCreate = [];

    [GlobalSetup]
    public void Setup()
    {
        _interactionCreate = GatewaySampleFrames.InteractionCreate();
        _messageCreate = GatewaySampleFrames.MessageCreate();
    }

    [Benchmark]
    public DiscordEvent InteractionCreate() => Decode(_interactionCreate);

    [Benchmark]
    public DiscordEvent MessageCreate() => Decode(_messageCreate);

    /// <summary>The same steps as the shard's receive loop (GatewayConnection.Receive).</summary>
    internal static DiscordEvent Decode(byte[] message)
    {
        var frame = GatewayFrameDecoder.Decode(message);
        return new DiscordEvent(frame.EventName!, frame.Data(message).ToArray(), 0);
    }
}
