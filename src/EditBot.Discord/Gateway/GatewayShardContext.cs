using System.Threading.Channels;
using EditBot.Discord.Events;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Gateway;

/// <summary>Everything one shard needs, gathered so connections can be created without long parameter lists.</summary>
internal sealed record GatewayShardContext(
    string Token,
    GatewayIntents Intents,
    GatewayClientOptions Options,
    GatewayIdentifyGate IdentifyGate,
    ChannelWriter<DiscordEvent> Events,
    GatewayShardState State,
    TimeProvider Time,
    ILogger Logger)
{
    public int ShardId => State.ShardId;

    public int ShardCount => State.ShardCount;
}
