-- Exhibits 99.1 (usually the press release) of 8-K filings, with the start of
-- their text. Add a filter on f.accession_number to see one filing's.
SELECT f.accession_number,
       f.filed_at,
       o.registrant_name,
       e.type,
       e.filename,
       e.description,
       left(e.text, 300) AS text_start
FROM edgar.exhibits e
JOIN edgar.filings f USING (filing_id)
JOIN edgar.filing_overview o USING (filing_id)
WHERE e.number = '99.1'
ORDER BY f.filed_at DESC, f.accession_number;
