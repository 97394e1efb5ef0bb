-- Which of these source files ($1 SHA-256s) are already loaded by this
-- parser version ($2): the loader reports them unchanged without parsing.
SELECT source_sha256
FROM edgar.filings
WHERE source_sha256 = ANY($1::text[])
  AND parser_version = $2
