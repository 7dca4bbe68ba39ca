using System.Text.Json;
using EditBot.Core.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EditBot.Observability;

/// <summary>
/// /healthz on ASP.NET Core's health checks: 200 "ready" when every check is healthy, else 503 "unavailable" with each
/// check's problems in registration order (Discord, then the store), plus whether submissions are paused and why.
/// </summary>
public static class HealthReportWriter
{
    /// <summary>The data key under which a check lists its problems.</summary>
    public const string ProblemsKey = "problems";

    /// <summary>The checks, in the order their problems are reported.</summary>
    private static readonly string[] Order = ["discord", "store"];

    public static IServiceCollection AddEditBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DiscordHealthCheck>(Order[0])
            .AddCheck<StoreHealthCheck>(Order[1]);
        return services;
    }

    public static IEndpointConventionBuilder MapEditBotHealthChecks(this WebApplication app, string path) =>
        app.MapHealthChecks(path, new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });

    /// <summary>A check's result from its problems: healthy without any.</summary>
    public static HealthCheckResult Result(IReadOnlyList<string> problems) =>
        problems.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(string.Join("; ", problems), data: new Dictionary<string, object> { [ProblemsKey] = problems });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var problems = report.Entries
            .OrderBy(e => Array.IndexOf(Order, e.Key) is var i and >= 0 ? i : Order.Length)
            .SelectMany(e => e.Value.Data.TryGetValue(ProblemsKey, out var listed) && listed is IEnumerable<string> list
                ? list
                : e.Value.Status == HealthStatus.Healthy ? [] : [$"{e.Key}: {e.Value.Description ?? e.Value.Exception?.GetType().Name ?? "unhealthy"}"])
            .ToList();
        var engine = context.RequestServices.GetRequiredService<IEngineStatus>();
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = problems.Count == 0 ? "ready" : "unavailable",
            ["problems"] = problems,
            ["submissionsPaused"] = engine.SubmissionsPaused,
            ["pauseReason"] = engine.PauseReason,
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
