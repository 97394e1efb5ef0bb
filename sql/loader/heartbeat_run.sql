-- The running run $1 is alive.
UPDATE edgar.load_runs SET heartbeat_at = now()
WHERE run_id = $1::bigint AND status = 'running'
