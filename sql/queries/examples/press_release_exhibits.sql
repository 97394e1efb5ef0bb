-- Exhibits 99.1 (usually the press release) with the start of their text.
-- To see one filing's, add: AND f.accession_number = '0000320193-24-000005'.
SELECT f.accession_number,
       coalesce(f.filed_at, f.period_of_report) AS filed_at,
       o.registrant_name,
       e.type,
       e.filename,
       e.description,
       left(regexp_replace(e.text, '\s+', ' ', 'g'), 200) AS text_start
FROM edgar.exhibits e
JOIN edgar.filings f USING (filing_id)
JOIN edgar.filing_overview o USING (filing_id)
WHERE e.number = '99.1'
ORDER BY filed_at DESC NULLS LAST, f.accession_number, e.ordinal;
