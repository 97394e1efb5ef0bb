-- Companies that reported 8-K item 2.02 (Results of Operations and Financial
-- Condition; item 12 before 23 Aug 2004) between two filing dates.
-- Edit the dates to taste.
SELECT DISTINCT ON (f.registrant_id, f.filing_id)
       f.cik,
       f.registrant_name,
       f.filed_at,
       f.accession_number,
       f.number_as_filed
FROM edgar.item_filings f
WHERE f.code = '2.02'
  AND f.filed_at BETWEEN DATE '2000-01-01' AND DATE '2030-12-31'
ORDER BY f.registrant_id, f.filing_id, f.filed_at;
