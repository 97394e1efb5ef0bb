-- Which of these input SHA-256s ($1) parser version $2 already rejected
-- (at the parse or load stage): the loader skips them without parsing.
SELECT DISTINCT source_sha256
FROM edgar.load_rejects
WHERE source_sha256 = ANY($1::text[])
  AND parser_version = $2::text
  AND stage IN ('parse', 'load')
