-- Open a load run ($1 inputs, $2 parser version) and return its id.
INSERT INTO edgar.load_runs (inputs, parser_version)
VALUES ($1::text[], $2::text)
RETURNING run_id
