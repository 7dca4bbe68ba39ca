-- Content-addressed inputs and results (id = lowercase hex SHA-256), and small JSON settings.
CREATE TABLE blobs (
    id           TEXT    NOT NULL PRIMARY KEY,
    media_type   TEXT    NOT NULL,
    content      BLOB    NOT NULL,
    size         INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL
);
CREATE INDEX ix_blobs_last_used ON blobs (last_used_at);

-- Live jobs' inputs, looked up by prune.
CREATE INDEX ix_jobs_live_image ON jobs (image_blob)
    WHERE state NOT IN ('Done', 'Failed', 'Rejected', 'Cancelled');

CREATE TABLE key_values (
    scope TEXT NOT NULL,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (scope, key)
) WITHOUT ROWID;
