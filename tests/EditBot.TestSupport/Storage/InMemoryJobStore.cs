using EditBot.Core.Jobs;
using EditBot.Core.Storage;

namespace EditBot.TestSupport.Storage;

/// <summary>
/// The one in-memory <see cref="IJobStore"/> of the tests, run through the same store contract suite as SQLite and
/// PostgreSQL: versions, compare-and-set, leases, event history, queries. Its store clock is the given clock (the
/// system's when none), read when a lease is written or judged.
/// </summary>
public sealed class InMemoryJobStore(TimeProvider? time = null) : IJobStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Job> _jobs = new();
    private readonly Dictionary<Guid, List<JobEvent>> _events = new();
    private Action? _beforeNextClaim;

    /// <summary>Simulates another writer: the next update of that job first finds its version bumped by this change.</summary>
    public Func<Job, Job>? InterleavedWrite { get; set; }

    /// <summary>Runs once as the next claim reaches the store, before its clock is read (tests let time pass: a stalled claim).</summary>
    public Action? BeforeNextClaim { get => _beforeNextClaim; set => _beforeNextClaim = value; }

    /// <summary>When set, every lease renewal fails with it (the store out of reach).</summary>
    public Exception? RenewalError { get; set; }

    public Task<Job> InsertAsync(Job job, JobEvent firstEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_jobs.ContainsKey(job.Id))
            {
                throw new InvalidOperationException($"Job {job.Id} exists.");
            }

            var stored = job with { Version = job.Version == 0 ? 1 : job.Version };
            _jobs[job.Id] = stored;
            _events[job.Id] = [firstEvent];
            return Task.FromResult(stored);
        }
    }

    public Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_jobs.GetValueOrDefault(id));
        }
    }

    /// <summary>Writes a row as is (tests use it to stage what a crashed worker left behind).</summary>
    public void Put(Job job)
    {
        lock (_gate)
        {
            _jobs[job.Id] = job;
            _events.TryAdd(job.Id, []);
        }
    }

    /// <summary>Stores a job as it is (version at least 1) without an event; returns what was stored.</summary>
    public Job Add(Job job)
    {
        var stored = job with { Version = Math.Max(1, job.Version) };
        Put(stored);
        return stored;
    }

    /// <summary>Forgets every job and event.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _jobs.Clear();
            _events.Clear();
        }
    }

    /// <summary>Every job as stored now (the blob store's prune reads what live jobs still need).</summary>
    public IReadOnlyList<Job> Snapshot()
    {
        lock (_gate)
        {
            return [.. _jobs.Values];
        }
    }

    public Task<IReadOnlyList<Job>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan leaseFor, int max, IReadOnlyCollection<string>? originKinds, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _beforeNextClaim, null)?.Invoke();
        lock (_gate)
        {
            var clock = _time.GetUtcNow();
            var due = _jobs.Values
                .Where(j => !j.IsTerminal && j.State is not (JobState.Received or JobState.AwaitingApproval))
                .Where(j => originKinds is null || originKinds.Contains(j.Origin.Kind))
                .Where(j => j.NextAttemptAt is null || j.NextAttemptAt <= now)
                .Where(j => j.LeaseOwner is null || j.LeaseUntil is null || j.LeaseUntil <= clock)
                .OrderBy(j => j.NextAttemptAt ?? j.CreatedAt) // as the real stores: a job never retried is due from its creation
                .ThenBy(j => j.CreatedAt)
                .Take(max)
                .ToList();
            var claimed = new List<Job>(due.Count);
            foreach (var job in due)
            {
                var leased = job with { LeaseOwner = owner, LeaseUntil = clock + leaseFor, Version = job.Version + 1 };
                _jobs[job.Id] = leased;
                claimed.Add(leased);
            }

            return Task.FromResult<IReadOnlyList<Job>>(claimed);
        }
    }

    public Task<Job?> TryUpdateAsync(Job job, JobEvent? evt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (InterleavedWrite is { } interleave && _jobs.TryGetValue(job.Id, out var target))
            {
                InterleavedWrite = null;
                _jobs[job.Id] = interleave(target) with { Version = target.Version + 1 };
            }

            if (!_jobs.TryGetValue(job.Id, out var current) || current.Version != job.Version)
            {
                return Task.FromResult<Job?>(null);
            }

            // As the real stores' unique index: one remote request belongs to one job.
            if (job.RemoteRequestId is { } remote && _jobs.Values.Any(j => j.Id != job.Id && j.RemoteRequestId == remote))
            {
                return Task.FromResult<Job?>(null);
            }

            var stored = job with { Version = job.Version + 1 };
            if (current.LeaseOwner is not null && current.LeaseOwner == job.LeaseOwner && current.LeaseUntil > job.LeaseUntil)
            {
                // As the real stores: the same holder writing on never shortens the lease the store granted.
                stored = stored with { LeaseUntil = current.LeaseUntil };
            }

            _jobs[job.Id] = stored;
            if (evt is not null)
            {
                _events[job.Id].Add(evt);
            }

            return Task.FromResult<Job?>(stored);
        }
    }

    public Task<bool> RenewLeaseAsync(Guid id, string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        if (RenewalError is { } error)
        {
            return Task.FromException<bool>(error);
        }

        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out var job) || job.LeaseOwner != owner || job.IsTerminal)
            {
                return Task.FromResult(false);
            }

            _jobs[id] = job with { LeaseUntil = _time.GetUtcNow() + leaseFor };
            return Task.FromResult(true);
        }
    }

    public Task AppendEventAsync(JobEvent evt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events[evt.JobId].Add(evt);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<JobEvent>> GetEventsAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<JobEvent>>(_events.TryGetValue(id, out var list) ? list.ToList() : []);
        }
    }

    public Task<IReadOnlyList<Job>> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var newestFirst = Filter(query).OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id.ToString("D"), StringComparer.Ordinal);
            return Task.FromResult<IReadOnlyList<Job>>((query.OldestFirst ? newestFirst.Reverse() : newestFirst).Take(query.Limit).ToList());
        }
    }

    /// <summary>Awaited after each count is taken and before it is returned (a test holds one count until another caller has got somewhere).</summary>
    public Func<JobQuery, Task>? AfterCount { get; set; }

    public async Task<int> CountAsync(JobQuery query, CancellationToken cancellationToken)
    {
        int count;
        lock (_gate)
        {
            count = Filter(query).Count();
        }

        if (AfterCount is { } hook)
        {
            await hook(query);
        }

        return count;
    }

    public Task<int> GetQueuePositionAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out var job) || job.State is not JobState.Queued)
            {
                return Task.FromResult(0);
            }

            return Task.FromResult(_jobs.Values.Count(j => j.State is JobState.Queued && j.CreatedAt <= job.CreatedAt));
        }
    }

    public Task<Job?> FindByRemoteRequestIdAsync(string remoteRequestId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_jobs.Values.FirstOrDefault(j => j.RemoteRequestId == remoteRequestId));
        }
    }

    private IEnumerable<Job> Filter(JobQuery query) => _jobs.Values
        .Where(j => query.RequesterKey is null || j.Origin.RequesterKey == query.RequesterKey)
        .Where(j => query.ScopeKey is null || j.Origin.ScopeKey == query.ScopeKey)
        .Where(j => query.States is null || query.States.Contains(j.State))
        .Where(j => query.CreatedSince is null || j.CreatedAt >= query.CreatedSince)
        .Where(j => query.UpdatedSince is null || j.UpdatedAt >= query.UpdatedSince)
        .Where(j => query.OlderThan is null || query.OlderThan.CompareTo(j) > 0)
        .Where(j => query.NewerThan is null || query.NewerThan.CompareTo(j) < 0);
}
