-- Jobs and their history. Dates are Unix milliseconds (UTC); states are stored by name.
CREATE TABLE jobs (
    id                TEXT    NOT NULL PRIMARY KEY,
    state             TEXT    NOT NULL,
    version           INTEGER NOT NULL,
    prompt            TEXT    NOT NULL,
    image_blob        TEXT    NOT NULL,
    mask_blob         TEXT,
    size              TEXT    NOT NULL,
    quality           TEXT    NOT NULL,
    image_count       INTEGER NOT NULL,
    origin_kind       TEXT    NOT NULL,
    requester_key     TEXT    NOT NULL,
    scope_key         TEXT,
    origin_data       TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    next_attempt_at   INTEGER,
    lease_owner       TEXT,
    lease_until       INTEGER,
    staged_image_ref  TEXT,
    staged_mask_ref   TEXT,
    submit_intent_at  INTEGER,
    remote_request_id TEXT,
    submitted_at      INTEGER,
    submissions       INTEGER NOT NULL,
    attempts          INTEGER NOT NULL,
    polls             INTEGER NOT NULL,
    remote_status     TEXT,
    result_urls       TEXT    NOT NULL,
    result_blobs      TEXT    NOT NULL,
    failure_code      TEXT,
    failure_message   TEXT,
    cancel_requested  INTEGER NOT NULL,
    completed_at      INTEGER
);

-- The claim scan: only jobs a worker may act on, in due order (the same expressions as the claim query).
CREATE INDEX ix_jobs_due ON jobs (COALESCE(next_attempt_at, created_at), created_at)
    WHERE state NOT IN ('Received', 'AwaitingApproval', 'Done', 'Failed', 'Rejected', 'Cancelled');
CREATE INDEX ix_jobs_state_created ON jobs (state, created_at);
CREATE INDEX ix_jobs_requester ON jobs (requester_key, created_at);
CREATE INDEX ix_jobs_scope ON jobs (scope_key, created_at);
CREATE INDEX ix_jobs_remote_request ON jobs (remote_request_id) WHERE remote_request_id IS NOT NULL;
CREATE INDEX ix_jobs_created ON jobs (created_at);

CREATE TABLE job_events (
    seq        INTEGER NOT NULL PRIMARY KEY,
    job_id     TEXT    NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    from_state TEXT    NOT NULL,
    to_state   TEXT    NOT NULL,
    reason     TEXT    NOT NULL
);
CREATE INDEX ix_job_events_job ON job_events (job_id, seq);
