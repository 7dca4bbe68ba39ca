using EditBot.Core.Jobs;

namespace EditBot.Core.Storage;

/// <summary>
/// Durable job persistence. Implementations: EditBot.Storage.Sqlite (embedded default) and
/// EditBot.Storage.Postgres (shared, FOR UPDATE SKIP LOCKED). Every write is atomic with its event.
/// </summary>
/// <remarks>
/// Leases run on the store's clock: the store computes a lease's expiry as its own clock at the moment it writes the
/// lease plus the duration asked for, and judges a lease live while that clock is before the expiry. A caller that
/// stalls between reading its clock and the write therefore never stores an expiry already past. The store's clock
/// is the database's for PostgreSQL and the injected <see cref="TimeProvider"/>, read by the writer when it runs the
/// write, for SQLite. A caller keeping a local deadline takes its clock before the call and adds the duration: when
/// the clocks agree, the store's expiry is never earlier than that.
/// </remarks>
public interface IJobStore
{
    /// <summary>Inserts a new job (Version 0 is stored as 1) and its first event.</summary>
    Task<Job> InsertAsync(Job job, JobEvent firstEvent, CancellationToken cancellationToken);

    Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically leases up to <paramref name="max"/> jobs the worker may act on now: non-terminal, past
    /// Received/AwaitingApproval, <see cref="Job.NextAttemptAt"/> null or due by <paramref name="now"/> (the caller's
    /// clock), and no lease live by the store's clock. Each lease lasts <paramref name="leaseFor"/> from the store's
    /// clock at the write. Ordered by due time then creation. The returned jobs carry the new lease and version.
    /// </summary>
    Task<IReadOnlyList<Job>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken) =>
        ClaimDueAsync(owner, now, leaseFor, max, null, cancellationToken);

    /// <summary>
    /// As above, but only jobs whose <see cref="JobOrigin.Kind"/> is one of <paramref name="originKinds"/> (null: any):
    /// a process claims only jobs it can deliver, so it never pays for an edit whose results it cannot hand over.
    /// </summary>
    Task<IReadOnlyList<Job>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan leaseFor, int max, IReadOnlyCollection<string>? originKinds, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set on <see cref="Job.Version"/>: writes <paramref name="job"/> when the stored version still
    /// equals <c>job.Version</c>, appends <paramref name="evt"/> in the same transaction, and returns the stored
    /// job (version + 1). Returns null when someone else wrote first: re-read and decide again.
    /// A write by the lease's holder that keeps the lease never shortens it: the stored expiry is the later of the
    /// one the store granted (on its clock) and the one written, so a writer that stalled cannot store an expiry
    /// already past. The returned job carries the expiry as written.
    /// </summary>
    Task<Job?> TryUpdateAsync(Job job, JobEvent? evt, CancellationToken cancellationToken);

    /// <summary>
    /// Extends a lease still held by <paramref name="owner"/> to <paramref name="leaseFor"/> from the store's clock at
    /// the write, without changing the version. False when the lease is no longer <paramref name="owner"/>'s
    /// (another claim took it, or it was given back).
    /// </summary>
    Task<bool> RenewLeaseAsync(Guid id, string owner, TimeSpan leaseFor, CancellationToken cancellationToken);

    Task AppendEventAsync(JobEvent evt, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobEvent>> GetEventsAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Job>> ListAsync(JobQuery query, CancellationToken cancellationToken);

    Task<int> CountAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>1-based place among Queued jobs by creation time; 0 when the job is not Queued.</summary>
    Task<int> GetQueuePositionAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The job that recorded this remote request id, if any (reconciliation must not adopt another job's request).</summary>
    Task<Job?> FindByRemoteRequestIdAsync(string remoteRequestId, CancellationToken cancellationToken);
}
