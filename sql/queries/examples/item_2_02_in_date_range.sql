-- Companies that reported 8-K item 2.02 (Results of Operations and Financial
-- Condition; item 12 before 23 Aug 2004) between two filing dates, newest
-- first. Edit the dates to taste.
SELECT f.filed_at,
       f.cik,
       f.registrant_name,
       f.accession_number,
       f.number_as_filed
FROM edgar.item_filings f
WHERE f.code = '2.02'
  AND f.filed_at BETWEEN DATE '2000-01-01' AND DATE '2030-12-31'
ORDER BY f.filed_at DESC, f.registrant_name;
