-- Which of these source identities ($1 SHA-256s) are already loaded by
-- this parser version ($2), and whether under an accession number: the
-- loader reports them unchanged without parsing.
SELECT source_sha256, accession_number IS NOT NULL
FROM edgar.filings
WHERE source_sha256 = ANY($1::text[])
  AND parser_version = $2
