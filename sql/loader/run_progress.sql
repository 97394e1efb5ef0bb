-- Keep the counters of running run $1 current (in the transaction of the
-- batch that changed them): $2 files seen, $3 loaded, $4 unchanged,
-- $5 rejected, $6 rows per table; beats the heartbeat too.
UPDATE edgar.load_runs
SET files_seen = $2::int, filings_loaded = $3::int, filings_unchanged = $4::int, filings_rejected = $5::int,
    rows = $6::jsonb, heartbeat_at = now()
WHERE run_id = $1::bigint
