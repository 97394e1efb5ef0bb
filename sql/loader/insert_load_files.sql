-- Record the outcomes of run $1's files ($2 paths, $3 SHA-256s, $4 outcomes, $5 details, $6 sizes and $7 modification times of plain files), one statement per batch.
INSERT INTO edgar.load_files (run_id, source_path, source_sha256, outcome, detail, source_bytes, source_mtime)
SELECT $1::bigint, source_path, source_sha256, outcome, detail, source_bytes, source_mtime
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[]) WITH ORDINALITY AS r(source_path, source_sha256, outcome, detail, source_bytes, source_mtime, n)
ORDER BY n
