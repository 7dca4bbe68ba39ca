using EditBot.Discord.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Discord.Gateway;

/// <summary>
/// Runs the gateway shards of this process: shard <c>Discord:ShardId</c> of <c>Discord:ShardCount</c> when a count is
/// configured, else every shard <c>GET /gateway/bot</c> recommends. A fatal close is kept in
/// <see cref="GatewayState.FatalError"/> and rethrown, which stops the host with its message.
/// </summary>
public sealed class GatewayHostedService(
    IGatewayInfoProvider gatewayInfo,
    IOptions<DiscordOptions> discordOptions,
    IOptions<GatewayClientOptions> clientOptions,
    GatewayIdentifyGate identifyGate,
    DiscordEventChannel events,
    GatewayState state,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<GatewayHostedService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var discord = discordOptions.Value;
        if (discord.Transport != DiscordTransport.Gateway)
        {
            _logger.LogInformation("Discord transport is {Transport}: the gateway is not started", discord.Transport);
            return;
        }

        try
        {
            var info = await gatewayInfo.GetGatewayBotAsync(stoppingToken);
            identifyGate.Configure(info);
            var (shardIds, shardCount) = ChooseShards(discord, info);
            var shards = shardIds.Select(id => CreateShard(id, shardCount, info.Url, discord)).ToList();
            state.SetShards([.. shards.Select(s => s.State)]);
            _logger.LogInformation(
                "Gateway starting shards {ShardIds} of {ShardCount} (max_concurrency {MaxConcurrency}, {Remaining} session starts left)",
                string.Join(',', shardIds), shardCount, info.MaxConcurrency, info.SessionStartRemaining);

            using var anyFailed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var runs = shards.Select(s => RunShardAsync(s, anyFailed)).ToList();
            await Task.WhenAll(runs);
        }
        catch (GatewayFatalException ex)
        {
            state.SetFatal(ex);
            // No advice here: the exception carries it to whoever stops the process (BotHost prints it as the one
            // line that says what to fix), so the console does not repeat it once per layer.
            _logger.LogCritical("Discord gateway stopped for good (close code {CloseCode}): not reconnecting", ex.CloseCode);
            throw;
        }
    }

    private static async Task RunShardAsync(GatewayShard shard, CancellationTokenSource anyFailed)
    {
        try
        {
            await shard.RunAsync(anyFailed.Token);
        }
        catch (GatewayFatalException)
        {
            // One shard's fatal close (token, intents) is every shard's: stop the others cleanly.
            await anyFailed.CancelAsync();
            throw;
        }
    }

    private static (IReadOnlyList<int> ShardIds, int ShardCount) ChooseShards(DiscordOptions discord, GatewayBotInfo info)
    {
        if (discord.ShardCount is { } count)
        {
            if (discord.ShardId >= count)
            {
                throw new GatewayFatalException(
                    $"Discord:ShardId ({discord.ShardId}) must be below Discord:ShardCount ({count}).");
            }

            return ([discord.ShardId], count);
        }

        var recommended = Math.Max(1, info.Shards);
        return ([.. Enumerable.Range(0, recommended)], recommended);
    }

    private GatewayShard CreateShard(int shardId, int shardCount, Uri url, DiscordOptions discord) =>
        new(new GatewayShardState(shardId, shardCount), url, discord, clientOptions.Value, identifyGate, events.Writer, time,
            loggerFactory.CreateLogger<GatewayShard>());
}
