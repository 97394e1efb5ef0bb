-- Which of these plain files ($1 paths, $2 sizes in bytes, $3 modification
-- times) the latest run to record each path saw with the same size and
-- time, as a source identity this parser version ($4) has loaded: the
-- screen takes them as unchanged without hashing them (Options.Rehash
-- turns this off). Returns the path and the recorded identity.
SELECT f.path, lf.source_sha256
FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS f(path, bytes, mtime)
CROSS JOIN LATERAL (
    SELECT l.source_sha256, l.source_bytes, l.source_mtime
    FROM edgar.load_files l
    WHERE l.source_path = f.path
    ORDER BY l.file_id DESC
    LIMIT 1
) lf
WHERE lf.source_bytes = f.bytes
  AND lf.source_mtime = f.mtime
  AND lf.source_sha256 IS NOT NULL
  AND EXISTS (SELECT FROM edgar.filings x WHERE x.source_sha256 = lf.source_sha256 AND x.parser_version = $4::text)
