using EditBot.Core.Storage;
using EditBot.Engine;
using EditBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditBot.Cli;

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
        var worked = JobQuery.Active.Where(s => s is not Core.Jobs.JobState.AwaitingApproval and not Core.Jobs.JobState.Received).ToArray();
        while (await store.CountAsync(new JobQuery { States = worked }, CancellationToken.None) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time);
        }

        await host.StopAsync();
        return 0;
    }
}
