-- Close a load run with its status and counters.
UPDATE edgar.load_runs
SET finished_at = now(), status = $2::text,
    files_seen = $3::int, filings_loaded = $4::int, filings_unchanged = $5::int, filings_rejected = $6::int,
    rows = $7::jsonb, error = $8::text
WHERE run_id = $1::bigint
