-- Late 8-Ks: filed more than four business days after the event (the
-- period of report, the date of the earliest event reported). Business
-- days here skip weekends only, not federal holidays, so a count of 5 just
-- after a holiday may be on time. Before August 2004 most items were due
-- in 5 or 15 calendar days: read old rows with that in mind.
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
SELECT f.filed_at,
       f.period_of_report AS event_date,
       (SELECT count(*)::integer
        FROM generate_series(f.period_of_report + 1, f.filed_at, interval '1 day') AS d
        WHERE extract(isodow FROM d) < 6) AS business_days_after,
       p.cik,
       p.name AS company,
       f.form_type,
       ARRAY(SELECT i.code FROM edgar.items i WHERE i.filing_id = f.filing_id ORDER BY i.ordinal) AS items,
       edgar.filing_index_url(p.cik, f.accession_number) AS edgar_url
FROM edgar.filings f
LEFT JOIN edgar.filing_primary_registrant p USING (filing_id)
WHERE f.form_type ~ '^8-K'
  AND f.filed_at > f.period_of_report
  AND (SELECT count(*)
       FROM generate_series(f.period_of_report + 1, f.filed_at, interval '1 day') AS d
       WHERE extract(isodow FROM d) < 6) > 4
ORDER BY business_days_after DESC, f.filed_at;
