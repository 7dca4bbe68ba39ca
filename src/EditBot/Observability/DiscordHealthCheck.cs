using EditBot.Bot;
using EditBot.Bot.DiscordStartup;
using EditBot.Discord;
using EditBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EditBot.Observability;

/// <summary>
/// Ready when the Discord side can receive: every gateway shard READY, or the HTTP endpoint serving (which it is when
/// /healthz answers). Otherwise unhealthy with one problem per cause, each naming Discord, so an operator reading
/// /healthz during an outage sees it is not the bot.
/// </summary>
public sealed class DiscordHealthCheck(IServiceProvider services, TransportKind transport, DiscordAvailability discord) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>(discord.Problems);
        if (discord.Refusal is { } refusal)
        {
            problems.Add($"discord: refused: {refusal}");
        }

        if (transport.Transport == DiscordTransport.Gateway)
        {
            var gateway = services.GetRequiredService<GatewayState>();
            if (gateway.FatalError is { } fatal)
            {
                problems.Add($"gateway stopped: {fatal.Message}");
            }
            else if (problems.Count == 0)
            {
                problems.AddRange(gateway.Shards.Where(s => !s.IsReady).Select(s => s.Problem is { } why
                    ? $"discord: gateway shard {s.ShardId} reconnecting ({why})"
                    : $"discord: gateway shard {s.ShardId} connecting"));
                if (gateway.Shards.Count == 0)
                {
                    problems.Add("discord: gateway not started");
                }
            }
        }

        return Task.FromResult(HealthReportWriter.Result(problems));
    }
}
