using EditBot.Core.Backend;
using EditBot.Core.Jobs;

namespace EditBot.Core.Engine;

/// <summary>
/// What one claim of a job carries from step to step in memory. It lives only while the job is claimed, so a
/// job waiting for its next poll holds no buffers; after a release everything is rebuilt from the row.
/// </summary>
internal sealed class StepContext(Func<Job, JobEvent?, CancellationToken, Task<Job?>> saveProgress)
{
    /// <summary>The inputs as prepared during this claim, so Submitting does not prepare them twice.</summary>
    public PreparedInputs? Prepared { get; set; }

    /// <summary>The submit answer, which may already be terminal and is then handled without a poll.</summary>
    public RemoteRequest? SubmitAnswer { get; set; }

    /// <summary>The results Fetching stored during this claim, so Delivering does not read them back from the store.</summary>
    public IReadOnlyList<Storage.Blob>? Results { get; set; }

    /// <summary>This claim's lease owner (worker id plus a per-claim token): a write under any other owner is not ours.</summary>
    public required string LeaseOwner { get; init; }

    /// <summary>The last version of the job this claim saved.</summary>
    public Job? Latest { get; set; }

    /// <summary>Saves mid-step bookkeeping (the submit intent) keeping the lease; null when the job was lost.</summary>
    public Task<Job?> SaveProgressAsync(Job job, JobEvent? note, CancellationToken cancellationToken) => saveProgress(job, note, cancellationToken);
}
