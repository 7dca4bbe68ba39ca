-- Content-addressed inputs and results (id = lowercase hex SHA-256), and small JSON settings.
CREATE TABLE blobs (
    id           text        NOT NULL PRIMARY KEY,
    media_type   text        NOT NULL,
    content      bytea       NOT NULL,
    size         bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL
);
CREATE INDEX ix_blobs_last_used ON blobs (last_used_at);

-- Live jobs' inputs, looked up by prune.
CREATE INDEX ix_jobs_live_image ON jobs (image_blob)
    WHERE state NOT IN ('Done', 'Failed', 'Rejected', 'Cancelled');

CREATE TABLE key_values (
    scope text NOT NULL,
    key   text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (scope, key)
);
