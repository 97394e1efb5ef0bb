-- Open a load run ($1 inputs, $2 parser version, $3 pid, $4 host) and return its id.
INSERT INTO edgar.load_runs (inputs, parser_version, pid, host, heartbeat_at)
VALUES ($1::text[], $2::text, $3::int, $4::text, now())
RETURNING run_id
