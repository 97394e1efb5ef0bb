-- Filings per company and year, by form type (main registrant of each filing).
SELECT o.cik,
       o.registrant_name,
       extract(year FROM o.filed_at)::int AS year,
       o.form_type,
       count(*) AS filings
FROM edgar.filing_overview o
GROUP BY o.cik, o.registrant_name, year, o.form_type
ORDER BY o.registrant_name, year, o.form_type;
