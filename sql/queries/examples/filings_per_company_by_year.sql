-- Filings per company and year, by form type (main registrant of each
-- filing; the year of the filing date, else of the period of report for
-- bare documents without one).
SELECT o.cik,
       o.registrant_name,
       extract(year FROM coalesce(o.filed_at, o.period_of_report))::int AS year,
       o.form_type,
       count(*) AS filings
FROM edgar.filing_overview o
GROUP BY o.cik, o.registrant_name, year, o.form_type
ORDER BY o.registrant_name, year, o.form_type;
