-- Which of these plain files ($1 paths, $2 sizes in bytes, $3 modification
-- times) the latest run to record each path saw with the same size and
-- time, with a result that still holds for this parser version ($4): loaded
-- or unchanged as a source identity stored by this parser version, or
-- superseded (by a preferred source of the same filing, which stays stored)
-- in a run of this parser version. The screen reports them again without
-- hashing or parsing them (Options.Rehash turns this off). Returns the
-- path, the recorded identity, outcome and detail.
SELECT f.path, lf.source_sha256, lf.outcome, coalesce(lf.detail, '')
FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS f(path, bytes, mtime)
CROSS JOIN LATERAL (
    SELECT l.source_sha256, l.source_bytes, l.source_mtime, l.outcome, l.detail, l.run_id
    FROM edgar.load_files l
    WHERE md5(l.source_path) = md5(f.path) AND l.source_path = f.path
    ORDER BY md5(l.source_path) DESC, l.file_id DESC
    LIMIT 1
) lf
WHERE lf.source_bytes = f.bytes
  AND lf.source_mtime = f.mtime
  AND lf.source_sha256 IS NOT NULL
  AND CASE lf.outcome
      WHEN 'superseded' THEN EXISTS (SELECT FROM edgar.load_runs r WHERE r.run_id = lf.run_id AND r.parser_version = $4::text)
      WHEN 'rejected' THEN false
      WHEN 'skipped' THEN false
      ELSE EXISTS (SELECT FROM edgar.filings x WHERE x.source_sha256 = lf.source_sha256 AND x.parser_version = $4::text)
  END
