using System.Collections.Concurrent;
using EditBot.Core.Engine;
using EditBot.Core.Jobs;

namespace EditBot.CommandLine;

/// <summary>
/// Lets the <c>edit</c> verb follow its job: prints a progress line on every transition and completes when the
/// job reaches a terminal state.
/// </summary>
public sealed class CliJobWatcher(TimeProvider time) : IJobObserver
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Job>> _waiting = new();

    public TextWriter Output { get; set; } = Console.Out;

    public Task<Job> WhenFinished(Guid jobId) =>
        _waiting.GetOrAdd(jobId, _ => new TaskCompletionSource<Job>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public ValueTask OnJobChangedAsync(Job job, JobEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(change);
        if (!_waiting.TryGetValue(job.Id, out var waiter))
        {
            return ValueTask.CompletedTask;
        }

        var elapsed = time.GetUtcNow() - job.CreatedAt;
        var status = job.RemoteStatus is { } remote && job.State == JobState.Polling ? $"{job.State} ({remote})" : job.State.ToString();
        lock (Output)
        {
            Output.WriteLine($"[{elapsed:mm\\:ss}] {status}{(change.From == change.To ? string.Empty : $": {change.Reason}")}");
        }

        if (job.IsTerminal)
        {
            waiter.TrySetResult(job);
        }

        return ValueTask.CompletedTask;
    }
}
