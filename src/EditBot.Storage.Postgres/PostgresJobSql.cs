namespace EditBot.Storage.Postgres;

/// <summary>The job statements. Column order matches <see cref="PostgresJobRow.Read"/>.</summary>
internal static class PostgresJobSql
{
    public const string Columns =
        "id, state, version, prompt, image_blob, mask_blob, size, quality, image_count, origin_kind, requester_key, scope_key, origin_data, " +
        "created_at, updated_at, next_attempt_at, lease_owner, lease_until, staged_image_ref, staged_mask_ref, submit_intent_at, " +
        "remote_request_id, submitted_at, submissions, attempts, polls, remote_status, result_urls, result_blobs, failure_code, " +
        "failure_message, cancel_requested, completed_at";

    // Matches the predicate of the partial index ix_jobs_due.
    public const string Claimable = "state NOT IN ('Received', 'AwaitingApproval', 'Done', 'Failed', 'Rejected', 'Cancelled')";

    public const string Insert =
        "INSERT INTO jobs (" + Columns + ") VALUES (@id, @state, @version, @prompt, @image_blob, @mask_blob, @size, @quality, " +
        "@image_count, @origin_kind, @requester_key, @scope_key, @origin_data, @created_at, @updated_at, @next_attempt_at, @lease_owner, " +
        "@lease_until, @staged_image_ref, @staged_mask_ref, @submit_intent_at, @remote_request_id, @submitted_at, @submissions, @attempts, " +
        "@polls, @remote_status, @result_urls, @result_blobs, @failure_code, @failure_message, @cancel_requested, @completed_at)";

    public const string CompareAndSet =
        "UPDATE jobs SET state = @state, version = @version + 1, prompt = @prompt, image_blob = @image_blob, mask_blob = @mask_blob, " +
        "size = @size, quality = @quality, image_count = @image_count, origin_kind = @origin_kind, requester_key = @requester_key, " +
        "scope_key = @scope_key, origin_data = @origin_data, created_at = @created_at, updated_at = @updated_at, " +
        "next_attempt_at = @next_attempt_at, lease_owner = @lease_owner, " +
        // The same holder writing on never shortens the lease the store granted on its own clock (a stalled writer's
        // expiry may be already past); another owner's write, or a release, sets it as asked.
        "lease_until = CASE WHEN lease_owner = @lease_owner AND @lease_until IS NOT NULL AND lease_until IS NOT NULL THEN GREATEST(lease_until, @lease_until) ELSE @lease_until END, " +
        "staged_image_ref = @staged_image_ref, " +
        "staged_mask_ref = @staged_mask_ref, submit_intent_at = @submit_intent_at, remote_request_id = @remote_request_id, " +
        "submitted_at = @submitted_at, submissions = @submissions, attempts = @attempts, polls = @polls, remote_status = @remote_status, " +
        "result_urls = @result_urls, result_blobs = @result_blobs, failure_code = @failure_code, failure_message = @failure_message, " +
        "cancel_requested = @cancel_requested, completed_at = @completed_at WHERE id = @id AND version = @version";

    public const string InsertWithEvent =
        "WITH inserted AS (" + Insert + " RETURNING id) " +
        "INSERT INTO job_events (job_id, at, from_state, to_state, reason) SELECT id, @at, @from_state, @to_state, @reason FROM inserted";

    public const string InsertEvent =
        "INSERT INTO job_events (job_id, at, from_state, to_state, reason) VALUES (@job_id, @at, @from_state, @to_state, @reason)";

    public const string SelectById = "SELECT " + Columns + " FROM jobs WHERE id = @id";

    public const string SelectEvents =
        "SELECT job_id, at, from_state, to_state, reason FROM job_events WHERE job_id = @id ORDER BY seq";

    // Leases run on the database's clock. clock_timestamp(), not now(): now() is the transaction's start, so a claim
    // or renewal that waited (for a row lock, a busy server) would measure its lease from before the wait and store
    // less than asked; clock_timestamp() is read when the row is judged and written. Due-ness stays on @now, the caller's.
    private const string LeaseFrom = "clock_timestamp() + @lease_for";

    // SKIP LOCKED: instances claiming at once each take different rows instead of queueing behind each other.
    public const string Claim =
        "UPDATE jobs SET lease_owner = @owner, lease_until = " + LeaseFrom + ", version = version + 1 WHERE id IN (" +
        "SELECT id FROM jobs WHERE " + Claimable + " AND (next_attempt_at IS NULL OR next_attempt_at <= @now) " +
        "AND (lease_until IS NULL OR lease_until <= clock_timestamp()) AND (@kinds::text[] IS NULL OR origin_kind = ANY(@kinds::text[])) " +
        "ORDER BY COALESCE(next_attempt_at, created_at), created_at LIMIT @max " +
        "FOR UPDATE SKIP LOCKED) RETURNING " + Columns;

    // The write and its event in one statement (one round trip, atomic without an explicit transaction).
    public const string CompareAndSetWithEvent =
        "WITH updated AS (" + CompareAndSet + " RETURNING id) " +
        "INSERT INTO job_events (job_id, at, from_state, to_state, reason) SELECT id, @at, @from_state, @to_state, @reason FROM updated";

    public const string RenewLease = "UPDATE jobs SET lease_until = " + LeaseFrom + " WHERE id = @id AND lease_owner = @owner";

    public const string QueuePosition =
        "SELECT CASE WHEN j.state = 'Queued' THEN (SELECT COUNT(*) FROM jobs q WHERE q.state = 'Queued' AND " +
        "(q.created_at < j.created_at OR (q.created_at = j.created_at AND q.id <= j.id))) ELSE 0 END FROM jobs j WHERE j.id = @id";

    public const string SelectByRemoteRequestId =
        "SELECT " + Columns + " FROM jobs WHERE remote_request_id = @remote_request_id ORDER BY created_at LIMIT 1";
}
