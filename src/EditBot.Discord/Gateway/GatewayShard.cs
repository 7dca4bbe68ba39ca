using System.Threading.Channels;
using EditBot.Discord.Events;
using Microsoft.Extensions.Logging;

namespace EditBot.Discord.Gateway;

/// <summary>
/// Runs one shard until stopped: connects, and after every lost connection resumes (no event lost) or identifies
/// again, as the close code or opcode demands, with jittered backoff in between. Throws
/// <see cref="GatewayFatalException"/> on the close codes reconnecting cannot fix.
/// </summary>
public sealed class GatewayShard
{
    private readonly GatewayShardContext _context;
    private readonly Uri _gatewayUrl;
    private readonly GatewaySession _session = new();

    public GatewayShard(
        GatewayShardState state,
        Uri gatewayUrl,
        DiscordOptions discord,
        GatewayClientOptions options,
        GatewayIdentifyGate identifyGate,
        ChannelWriter<DiscordEvent> events,
        TimeProvider time,
        ILogger<GatewayShard> logger)
    {
        ArgumentNullException.ThrowIfNull(discord);
        if (string.IsNullOrWhiteSpace(discord.Token))
        {
            throw new GatewayFatalException("Discord:Token is not set: put the bot token in Discord:Token (env Discord__Token).");
        }

        _gatewayUrl = gatewayUrl;
        _context = new GatewayShardContext(
            discord.Token, GatewayIntentSelection.For(discord), options, identifyGate, events, state, time, logger);
    }

    public GatewayShardState State => _context.State;

    public async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new GatewayReconnectBackoff(_context.Options.ReconnectBaseDelay, _context.Options.ReconnectMaxDelay, _context.Options.Jitter);
        var logger = _context.Logger;
        while (!stopping.IsCancellationRequested)
        {
            var url = WithQuery(_session.CanResume ? _session.ResumeUrl! : _gatewayUrl);
            // While Discord is away each failed attempt already logs its one "disconnected" line; a second per attempt is noise.
            logger.Log(
                _context.State.Problem is null ? LogLevel.Information : LogLevel.Debug,
                "Shard {ShardId} connecting to {Url}", _context.ShardId, GatewayRedaction.Url(url));
            var outcome = await new GatewayConnection(_context, _session).RunAsync(url, stopping);
            switch (outcome.End)
            {
                case GatewayConnectionEnd.Stopped:
                    logger.LogInformation("Shard {ShardId} stopped", _context.ShardId);
                    return;
                case GatewayConnectionEnd.Fatal:
                    // The hosted service reports it (once, for every shard): the operator needs one line, not one per layer.
                    throw new GatewayFatalException(outcome.CloseCode ?? 0, _context.ShardId);
                case GatewayConnectionEnd.Reidentify:
                    _session.Clear();
                    break;
                case GatewayConnectionEnd.Resume:
                default:
                    break;
            }

            if (outcome.ReachedReady)
            {
                backoff.Reset();
            }

            _context.State.SetProblem(outcome.Reason);
            var delay = backoff.Next();
            logger.LogWarning(
                "Shard {ShardId} disconnected: {Reason}; will {Next} in {Delay}",
                _context.ShardId, outcome.Reason, _session.CanResume ? "resume" : "identify", delay);
            try
            {
                await Task.Delay(delay, _context.Time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static Uri WithQuery(Uri baseUrl)
    {
        var builder = new UriBuilder(baseUrl) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }
}
