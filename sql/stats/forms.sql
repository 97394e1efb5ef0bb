-- Filings per form type, most frequent first.
SELECT form_type, count(*) AS filings
FROM edgar.filings
GROUP BY form_type
ORDER BY filings DESC, form_type
