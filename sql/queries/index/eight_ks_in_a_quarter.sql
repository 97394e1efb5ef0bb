-- Every 8-K (and 8-K/A) EDGAR's index files or submissions JSON list for a
-- quarter, with the company and, when the filing itself is loaded, its
-- items; one row per filing and CIK. Edit the quarter to taste.
SELECT e.date_filed,
       e.cik,
       e.company_name,
       e.form_type,
       e.accession_number,
       e.items AS items_from_json,
       f.item_codes AS items_from_filing
FROM edgar.index_entries e
LEFT JOIN edgar.filing_overview f USING (accession_number)
WHERE e.form_type IN ('8-K', '8-K/A')
  AND e.date_filed >= DATE '2024-01-01' AND e.date_filed < DATE '2024-04-01'
ORDER BY e.date_filed, e.company_name, e.accession_number;
