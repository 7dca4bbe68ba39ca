using EditBot.Core.Backend;
using EditBot.Core.Polling;
using EditBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace EditBot.Core.Engine;

/// <summary>The services every step uses, gathered once so steps stay small.</summary>
internal sealed class StepDependencies(
    IJobStore jobs,
    IBlobStore blobs,
    IEditBackend backend,
    IOptions<EngineOptions> options,
    EngineStatus status,
    AdaptivePollingPolicy polling,
    PollBudget pollBudget,
    IAdmissionLock admission,
    TimeProvider timeProvider)
{
    public IJobStore Jobs => jobs;
    public IBlobStore Blobs => blobs;
    public IEditBackend Backend => backend;
    public EngineOptions Options { get; } = options.Value;
    public EngineStatus Status => status;
    public AdaptivePollingPolicy Polling => polling;
    public PollBudget PollBudget => pollBudget;
    public IAdmissionLock Admission => admission;
    public TransientRetry Retry { get; } = new(options.Value);

    public DateTimeOffset Now => timeProvider.GetUtcNow();
}
