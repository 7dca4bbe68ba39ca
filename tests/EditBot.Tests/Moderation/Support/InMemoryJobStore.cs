using System.Collections.Concurrent;
using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.Tests.Moderation.Support;

/// <summary>A job store in memory with the query semantics of IJobStore (newest first, capped by Limit).</summary>
public sealed class InMemoryJobStore : IJobStore
{
    private readonly ConcurrentDictionary<Guid, Job> jobs = new();
    private readonly ConcurrentQueue<JobEvent> events = new();

    public void Clear() => jobs.Clear();

    public Job Add(Job job)
    {
        var stored = job with { Version = Math.Max(1, job.Version) };
        jobs[job.Id] = stored;
        return stored;
    }

    public Task<Job> InsertAsync(Job job, JobEvent firstEvent, CancellationToken cancellationToken)
    {
        events.Enqueue(firstEvent);
        return Task.FromResult(Add(job));
    }

    public Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(jobs.GetValueOrDefault(id));

    public Task<IReadOnlyList<Job>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan leaseFor, int max, IReadOnlyCollection<string>? originKinds, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Moderation tests do not claim jobs.");

    public Task<Job?> TryUpdateAsync(Job job, JobEvent? evt, CancellationToken cancellationToken)
    {
        var current = jobs[job.Id];
        // As the real stores (version check, unique remote request id).
        if (current.Version != job.Version
            || (job.RemoteRequestId is { } remote && jobs.Values.Any(j => j.Id != job.Id && j.RemoteRequestId == remote)))
        {
            return Task.FromResult<Job?>(null);
        }

        var stored = job with { Version = job.Version + 1 };
        jobs[job.Id] = stored;
        if (evt is not null)
        {
            events.Enqueue(evt);
        }

        return Task.FromResult<Job?>(stored);
    }

    public Task<bool> RenewLeaseAsync(Guid id, string owner, TimeSpan leaseFor, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task AppendEventAsync(JobEvent evt, CancellationToken cancellationToken)
    {
        events.Enqueue(evt);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JobEvent>> GetEventsAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JobEvent>>(events.Where(e => e.JobId == id).ToList());

    public Task<IReadOnlyList<Job>> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Job>>(Matching(query).Take(query.Limit).ToList());

    public Task<int> CountAsync(JobQuery query, CancellationToken cancellationToken) => Task.FromResult(Matching(query).Count());

    public Task<int> GetQueuePositionAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<Job?> FindByRemoteRequestIdAsync(string remoteRequestId, CancellationToken cancellationToken) =>
        Task.FromResult(jobs.Values.FirstOrDefault(j => j.RemoteRequestId == remoteRequestId));

    private IEnumerable<Job> Matching(JobQuery query) =>
        jobs.Values
            .Where(j => query.RequesterKey is null || j.Origin.RequesterKey == query.RequesterKey)
            .Where(j => query.ScopeKey is null || j.Origin.ScopeKey == query.ScopeKey)
            .Where(j => query.States is null || query.States.Contains(j.State))
            .Where(j => query.CreatedSince is null || j.CreatedAt >= query.CreatedSince)
            .Where(j => query.UpdatedSince is null || j.UpdatedAt >= query.UpdatedSince)
            .OrderByDescending(j => j.CreatedAt);
}
