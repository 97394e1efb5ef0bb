-- Record rejected inputs of run $1 ($2 paths, $3 SHA-256s, $4 stages, $5 errors), refused by parser version $6.
INSERT INTO edgar.load_rejects (run_id, source_path, source_sha256, stage, error, parser_version)
SELECT $1::bigint, source_path, source_sha256, stage, error, $6::text
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS r(source_path, source_sha256, stage, error, n)
ORDER BY n
