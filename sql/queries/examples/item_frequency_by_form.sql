-- How often each item code appears, per form type, with the number of
-- distinct companies reporting it.
SELECT f.form_type,
       i.code,
       min(i.title) AS title,
       count(DISTINCT i.filing_id) AS filings,
       count(DISTINCT fr.registrant_id) AS companies
FROM edgar.items i
JOIN edgar.filings f USING (filing_id)
LEFT JOIN edgar.filing_registrants fr ON fr.filing_id = i.filing_id AND fr.role = 'filer'
GROUP BY f.form_type, i.code
ORDER BY f.form_type, filings DESC, i.code;
