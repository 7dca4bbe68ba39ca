-- Jobs and their history. States are stored by name.
CREATE TABLE jobs (
    id                uuid        NOT NULL PRIMARY KEY,
    state             text        NOT NULL,
    version           bigint      NOT NULL,
    prompt            text        NOT NULL,
    image_blob        text        NOT NULL,
    mask_blob         text,
    size              text        NOT NULL,
    quality           text        NOT NULL,
    image_count       integer     NOT NULL,
    origin_kind       text        NOT NULL,
    requester_key     text        NOT NULL,
    scope_key         text,
    origin_data       text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    next_attempt_at   timestamptz,
    lease_owner       text,
    lease_until       timestamptz,
    staged_image_ref  text,
    staged_mask_ref   text,
    submit_intent_at  timestamptz,
    remote_request_id text,
    submitted_at      timestamptz,
    submissions       integer     NOT NULL,
    attempts          integer     NOT NULL,
    polls             integer     NOT NULL,
    remote_status     text,
    result_urls       jsonb       NOT NULL,
    result_blobs      jsonb       NOT NULL,
    failure_code      text,
    failure_message   text,
    cancel_requested  boolean     NOT NULL,
    completed_at      timestamptz
);

-- The claim scan: only jobs a worker may act on, in due order (the same expressions as the claim query).
CREATE INDEX ix_jobs_due ON jobs ((COALESCE(next_attempt_at, created_at)), created_at)
    WHERE state NOT IN ('Received', 'AwaitingApproval', 'Done', 'Failed', 'Rejected', 'Cancelled');
CREATE INDEX ix_jobs_state_created ON jobs (state, created_at);
CREATE INDEX ix_jobs_requester ON jobs (requester_key, created_at);
CREATE INDEX ix_jobs_scope ON jobs (scope_key, created_at);
CREATE INDEX ix_jobs_remote_request ON jobs (remote_request_id) WHERE remote_request_id IS NOT NULL;
CREATE INDEX ix_jobs_created ON jobs (created_at);

CREATE TABLE job_events (
    seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id     uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL,
    from_state text        NOT NULL,
    to_state   text        NOT NULL,
    reason     text        NOT NULL
);
CREATE INDEX ix_job_events_job ON job_events (job_id, seq);
