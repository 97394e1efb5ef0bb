-- Filings per year of the filing date (else the period of report; NULL
-- when neither is known).
SELECT extract(year FROM coalesce(filed_at, period_of_report))::int AS year, count(*) AS filings
FROM edgar.filings
GROUP BY 1
ORDER BY 1 NULLS LAST
