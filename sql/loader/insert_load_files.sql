-- Record the outcomes of run $1's files ($2 paths, $3 SHA-256s, $4 outcomes, $5 details), one statement per batch.
INSERT INTO edgar.load_files (run_id, source_path, source_sha256, outcome, detail)
SELECT $1::bigint, source_path, source_sha256, outcome, detail
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS r(source_path, source_sha256, outcome, detail, n)
ORDER BY n
