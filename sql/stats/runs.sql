-- The last $1 load runs, newest first, with up to $2 of each run's rejects
-- (path, stage, error) as JSON.
SELECT r.run_id, r.started_at, r.finished_at, r.status, r.files_seen, r.filings_loaded, r.filings_unchanged,
       r.filings_rejected, r.error,
       coalesce((SELECT json_agg(json_build_object('path', j.source_path, 'stage', j.stage, 'error', j.error) ORDER BY j.reject_id)
                 FROM (SELECT * FROM edgar.load_rejects x WHERE x.run_id = r.run_id ORDER BY x.reject_id LIMIT $2) j), '[]') AS rejects
FROM edgar.load_runs r
ORDER BY r.run_id DESC
LIMIT $1
