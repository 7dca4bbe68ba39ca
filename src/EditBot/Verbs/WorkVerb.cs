using EditBot.Composition;
using EditBot.Core.Engine;
using EditBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditBot.Verbs;

/// <summary>
/// <c>EditBot work [--until-idle]</c>: the job engine without Discord. After a crash it finishes what was left
/// (leases of the dead process lapse, then its jobs are claimed again). With --until-idle it exits once no job
/// is waiting for the worker.
/// </summary>
public static class WorkVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        var untilIdle = args.Contains("--until-idle");
        using var host = EngineHost.Build(args.Where(a => a != "--until-idle").ToArray(), [RequiredSetting.GmiApiKey], Serilog.Events.LogEventLevel.Information);
        if (!untilIdle)
        {
            await host.RunAsync();
            return 0;
        }

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IJobStore>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        // Idle means: nothing left that this process may claim (it claims only origins it can deliver).
        var kinds = host.Services.GetServices<IJobDelivery>().Select(d => d.Kind).ToHashSet(StringComparer.Ordinal);
        var worked = JobQuery.Active.Where(s => s is not Core.Jobs.JobState.AwaitingApproval and not Core.Jobs.JobState.Received).ToArray();
        IReadOnlyList<Core.Jobs.Job> active;
        while ((active = await store.ListAsync(new JobQuery { States = worked, Limit = 10_000 }, CancellationToken.None)).Any(j => kinds.Contains(j.Origin.Kind)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time);
        }

        await host.StopAsync();
        if (active.Count > 0)
        {
            Console.WriteLine($"{active.Count} job(s) from elsewhere ({string.Join(", ", active.Select(j => j.Origin.Kind).Distinct())}) are left for the process that can deliver them.");
        }

        return 0;
    }
}
