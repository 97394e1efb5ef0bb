-- Which of these accession numbers ($1) are already loaded: fetch does not
-- download them again.
SELECT accession_number
FROM edgar.filings
WHERE accession_number = ANY($1::text[])
