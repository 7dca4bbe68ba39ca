using System.Globalization;
using EditBot.Composition;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EditBot.Verbs;

/// <summary>
/// <c>EditBot jobs uncertain</c> lists the edits whose lost submit could not be proven unaccepted (not sent again, so
/// never paid twice); <c>EditBot jobs retry &lt;id&gt;</c> sends one of them again: the operator's explicit decision to
/// risk a second charge. Works on the configured store while the bot runs (the store arbitrates every write).
/// </summary>
public static class JobsVerb
{
    public const string Usage =
        "usage: EditBot jobs uncertain       list edits that were not sent again after a lost submit answer\n" +
        "       EditBot jobs retry <job id>  send one of them again (GMI may have accepted the first: it may be paid twice)";

    public static async Task<int> RunAsync(string[] args)
    {
        var action = args.Length > 0 ? args[0] : null;
        var settings = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var operands = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        switch (action, operands.Length)
        {
            case ("uncertain", 0):
                return await WithHostAsync(settings, ListUncertainAsync);
            case ("retry", 1) when Guid.TryParse(operands[0], out var id):
                return await WithHostAsync(settings, services => RetryAsync(services, id));
            case ("retry", 1):
                await Console.Error.WriteLineAsync($"jobs retry: '{operands[0]}' is not a job id (a GUID, as `EditBot jobs uncertain` prints it)");
                return 2;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> WithHostAsync(string[] settings, Func<IServiceProvider, Task<int>> run)
    {
        // Built, never started: no worker runs here; the running bot (or `work`) picks a retried job up.
        using var host = EngineHost.Build(settings, [], Serilog.Events.LogEventLevel.Warning);
        return await run(host.Services);
    }

    private static async Task<int> ListUncertainAsync(IServiceProvider services)
    {
        var failed = await services.GetRequiredService<IJobStore>().ListAsync(new JobQuery { States = [JobState.Failed], Limit = 10_000 }, CancellationToken.None);
        var uncertain = failed.Where(j => j.Failure?.Code == FailureCode.SubmitUncertain).ToList();
        foreach (var job in uncertain)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{job.Id}  {job.CreatedAt:u}  {job.Origin.Kind}  “{job.Request.Prompt}”"));
        }

        Console.WriteLine(uncertain.Count == 0 ? "No edits are waiting for a decision." : $"{uncertain.Count} edit(s): `EditBot jobs retry <id>` sends one again.");
        return 0;
    }

    private static async Task<int> RetryAsync(IServiceProvider services, Guid id)
    {
        var result = await services.GetRequiredService<JobService>().ResendAsync(id, "the command line (EditBot jobs retry)", CancellationToken.None);
        switch (result.Outcome)
        {
            case JobCommandOutcome.Applied:
                Console.WriteLine($"Job {id} is queued again; a running bot or `EditBot work` sends it. If GMI had accepted the first attempt, it is paid twice.");
                return 0;
            case JobCommandOutcome.NotFound:
                await Console.Error.WriteLineAsync($"jobs retry: no job {id} in this store");
                return 1;
            default:
                await Console.Error.WriteLineAsync(
                    $"jobs retry: job {id} is {result.Job?.State} ({result.Job?.Failure?.Code.ToString() ?? "no failure"}); only an edit not sent again after a lost submit can be retried");
                return 1;
        }
    }
}
