-- Mark as abandoned the runs still "running" whose heartbeat (or start,
-- before migration 7) is older than $1, or whose ids are in $2 (their
-- process is gone); return their ids.
UPDATE edgar.load_runs
SET status = 'abandoned', finished_at = now(),
    error = coalesce(error, 'abandoned: no heartbeat since ' || coalesce(heartbeat_at, started_at)::text)
WHERE status = 'running'
  AND (coalesce(heartbeat_at, started_at) < now() - $1::interval OR run_id = ANY($2::bigint[]))
RETURNING run_id
