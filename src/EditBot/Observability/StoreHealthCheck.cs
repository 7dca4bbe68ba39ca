using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EditBot.Observability;

/// <summary>Ready when the job store answers a query; otherwise unhealthy, naming the failure's type (never its text, which may hold a connection string).</summary>
public sealed class StoreHealthCheck(IJobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CountAsync(new JobQuery { States = [JobState.Queued], Limit = 1 }, cancellationToken);
            return HealthReportWriter.Result([]);
        }
#pragma warning disable CA1031 // Any store failure means "not ready"; the reason is reported, not thrown.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return HealthReportWriter.Result([$"store unavailable: {e.GetType().Name}"]);
        }
    }
}
