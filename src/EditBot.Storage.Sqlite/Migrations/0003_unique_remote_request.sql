-- One GMI request belongs to one job: reconciliation after a lost submit answer adopts only a request no other job
-- owns, and this index makes two jobs adopting the same one at once impossible (the second write is refused and the
-- job reconciles again). Jobs that already share a request (adopted twice before this rule) keep it on the earliest
-- job; the later ones get a marked id (they received the same results), so the index can hold.
UPDATE jobs SET remote_request_id = remote_request_id || '-shared-' || id
WHERE remote_request_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM jobs earlier
    WHERE earlier.remote_request_id = jobs.remote_request_id
      AND (earlier.created_at < jobs.created_at OR (earlier.created_at = jobs.created_at AND earlier.id < jobs.id)));
DROP INDEX ix_jobs_remote_request;
CREATE UNIQUE INDEX ux_jobs_remote_request ON jobs (remote_request_id) WHERE remote_request_id IS NOT NULL;
