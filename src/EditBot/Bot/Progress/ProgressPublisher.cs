using EditBot.Bot.Delivery;
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
/// <remarks>
/// Closing the stream only holds in this process. With several instances on one store, an edit held here (waiting for
/// its interval) may come due after another instance delivered the job and wrote the final message, so every edit
/// reads the job and its delivery record just before it is sent, renders what the store says, and is dropped once the
/// final message may exist: the job is Delivering or Done, or its delivery marked the message final.
/// </remarks>
public sealed partial class ProgressPublisher
{
    private readonly ProgressCoalescer<Job> _coalescer;
    private readonly ProgressMessages _messages;
    private readonly IJobStore _jobs;
    private readonly DeliveryRecords _deliveries;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProgressPublisher> _logger;

    public ProgressPublisher(
        ProgressMessages messages, IJobStore jobs, DeliveryRecords deliveries, TimeProvider timeProvider, IOptions<BotExperienceOptions> options,
        ILogger<ProgressPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _messages = messages;
        _jobs = jobs;
        _deliveries = deliveries;
        _timeProvider = timeProvider;
        _logger = logger;
        _coalescer = new ProgressCoalescer<Job>(timeProvider, options.Value.ProgressEditInterval, SendAsync, logger);
    }

    public void Submit(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _coalescer.Submit(job.Id, job, job.IsTerminal);
    }

    /// <summary>Stops further coalesced edits of this job (waiting for a running one) before the caller's own last edit.</summary>
    public Task CloseAsync(Guid jobId, CancellationToken cancellationToken) => _coalescer.CloseAsync(jobId, cancellationToken);

    /// <summary>Completes once no edit of this job waits or is being sent.</summary>
    internal Task WhenIdleAsync(Guid jobId) => _coalescer.WhenIdleAsync(jobId);

    private async Task SendAsync(Guid jobId, Job held, CancellationToken cancellationToken)
    {
        // The held copy may be stale: another instance may have moved the job on, up to writing its final message.
        var job = await _jobs.GetAsync(jobId, cancellationToken);
        if (job is null || !JobOrigins.TryReadDiscord(job, out var origin))
        {
            return;
        }

        if (job.State is JobState.Delivering or JobState.Done || (await _deliveries.GetAsync(jobId, cancellationToken)).ProgressFinalized)
        {
            LogDropped(_logger, jobId, held.State, job.State);
            return;
        }

        var position = job.State is JobState.Queued ? await _jobs.GetQueuePositionAsync(jobId, cancellationToken) : 0;
        var body = ProgressText.Render(job, origin, position, _timeProvider.GetUtcNow());
        await _messages.EditAsync(origin, body, null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId}: progress edit ({Held}) dropped, the job is {Stored} and the delivery writes the final message")]
    private static partial void LogDropped(ILogger logger, Guid jobId, JobState held, JobState stored);
}
