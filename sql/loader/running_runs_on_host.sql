-- Runs still marked running by loaders on host $1: the caller checks
-- whether their processes are alive.
SELECT run_id, pid FROM edgar.load_runs
WHERE status = 'running' AND host = $1::text AND pid IS NOT NULL
