-- Live instances: each writes its row every Scale:HeartbeatInterval; rows older than Scale:InstanceTimeout do not count.
-- The shared budgets (Discord's global rate, the poll budget) are split among the live rows that play each role.
CREATE TABLE instances (
    instance_id text        NOT NULL PRIMARY KEY,
    roles       text[]      NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    seen_at     timestamptz NOT NULL
);

-- Idle workers LISTEN on editbot_jobs and wake at once when a job becomes claimable (inserted, released, retried now),
-- instead of finding it at their next look at the table. The payload is the job's origin kind.
CREATE FUNCTION editbot_notify_job_ready() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('editbot_jobs', NEW.origin_kind);
    RETURN NULL;
END;
$$;

CREATE TRIGGER jobs_notify_ready
    AFTER INSERT OR UPDATE ON jobs
    FOR EACH ROW
    WHEN (NEW.lease_owner IS NULL
          AND NEW.state NOT IN ('Received', 'AwaitingApproval', 'Done', 'Failed', 'Rejected', 'Cancelled')
          AND (NEW.next_attempt_at IS NULL OR NEW.next_attempt_at <= clock_timestamp()))
    EXECUTE FUNCTION editbot_notify_job_ready();
