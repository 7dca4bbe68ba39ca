using System.Text.Json;
using EditBot.Bot;
using EditBot.Bot.DiscordStartup;
using EditBot.Core.Engine;
using EditBot.Core.Storage;
using EditBot.Discord;
using EditBot.Discord.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Observability;

/// <summary>
/// /healthz: ready (200) only when the Discord side can receive (every gateway shard READY, or the HTTP endpoint
/// serving, which it is when this answers) and the store answers a query; otherwise 503 with the reason.
/// </summary>
public sealed class ReadinessProbe(
    IServiceProvider services, TransportKind transport, DiscordAvailability discord, IJobStore store, IEngineStatus engine)
{
    public async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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
                // Name Discord and the cause: an operator reading /healthz during an outage must see it is not the bot.
                problems.AddRange(gateway.Shards.Where(s => !s.IsReady).Select(s => s.Problem is { } why
                    ? $"discord: gateway shard {s.ShardId} reconnecting ({why})"
                    : $"discord: gateway shard {s.ShardId} connecting"));
                if (gateway.Shards.Count == 0)
                {
                    problems.Add("discord: gateway not started");
                }
            }
        }

        try
        {
            await store.CountAsync(new JobQuery { States = [Core.Jobs.JobState.Queued], Limit = 1 }, context.RequestAborted);
        }
#pragma warning disable CA1031 // Any store failure means "not ready"; the reason is reported, not thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            problems.Add($"store unavailable: {e.GetType().Name}");
        }

        context.Response.StatusCode = problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = problems.Count == 0 ? "ready" : "unavailable",
            ["problems"] = problems,
            ["submissionsPaused"] = engine.SubmissionsPaused,
            ["pauseReason"] = engine.PauseReason,
        };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
