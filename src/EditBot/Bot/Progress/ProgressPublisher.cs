using EditBot.Core.Jobs;
using EditBot.Core.Storage;
using EditBot.Origin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EditBot.Bot.Progress;

/// <summary>
/// Owns the per-job coalescing of progress edits; the delivery closes a job's stream before its final edit. Reads the
/// store directly: JobService notifies the observers, so depending on it would be circular.
/// </summary>
public sealed class ProgressPublisher
{
    private readonly ProgressCoalescer<Job> _coalescer;
    private readonly ProgressMessages _messages;
    private readonly IJobStore _jobs;
    private readonly TimeProvider _timeProvider;

    public ProgressPublisher(
        ProgressMessages messages, IJobStore jobs, TimeProvider timeProvider, IOptions<BotExperienceOptions> options, ILogger<ProgressPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _messages = messages;
        _jobs = jobs;
        _timeProvider = timeProvider;
        _coalescer = new ProgressCoalescer<Job>(timeProvider, options.Value.ProgressEditInterval, SendAsync, logger);
    }

    public void Submit(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _coalescer.Submit(job.Id, job, job.IsTerminal);
    }

    /// <summary>Stops further coalesced edits of this job (waiting for a running one) before the caller's own last edit.</summary>
    public Task CloseAsync(Guid jobId, CancellationToken cancellationToken) => _coalescer.CloseAsync(jobId, cancellationToken);

    private async Task SendAsync(Guid jobId, Job job, CancellationToken cancellationToken)
    {
        if (!JobOrigins.TryReadDiscord(job, out var origin))
        {
            return;
        }

        var position = job.State is JobState.Queued ? await _jobs.GetQueuePositionAsync(jobId, cancellationToken) : 0;
        var body = ProgressText.Render(job, origin, position, _timeProvider.GetUtcNow());
        await _messages.EditAsync(origin, body, null, cancellationToken);
    }
}
