-- Filings already stored under one of the batch's keys: $1 accession numbers,
-- $2 source SHA-256s (matched on any row: the same bytes under another key
-- means an earlier parser version keyed the filing differently).
SELECT filing_id, accession_number, source_sha256, parser_version, shape, form_type, source_path
FROM edgar.filings
WHERE accession_number = ANY($1::text[])
   OR source_sha256 = ANY($2::text[])
ORDER BY filing_id
