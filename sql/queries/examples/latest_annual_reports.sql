-- The latest annual report of each company (10-K, 10-K405, 20-F, 40-F and
-- their amendments), with how many it has loaded and the link to click.
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
SELECT l.cik10,
       l.company,
       l.form_type,
       l.filed_at,
       l.period_of_report,
       l.filings_of_form,
       l.edgar_url
FROM edgar.latest_filings l
WHERE l.form_type ~ '^(10-K|10-K405|20-F|40-F)(/A)?$'
  AND l.role = 'filer'
ORDER BY l.filed_at DESC NULLS LAST, l.company;
