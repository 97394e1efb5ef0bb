-- Press releases (exhibits 99.1) ranked by a phrase, with a highlighted
-- snippet: full-text search on the GIN-indexed text_search column. Edit the
-- phrase (web-search syntax: "quoted phrase", OR, -word).
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
SELECT ts_rank(x.text_search, q) AS rank,
       f.filed_at,
       p.name AS company,
       f.accession_number,
       x.description,
       ts_headline('english', left(x.text, 100000), q, 'MaxFragments=1, MaxWords=30, MinWords=10') AS snippet,
       edgar.filing_index_url(p.cik, f.accession_number) AS edgar_url
FROM edgar.exhibits x
CROSS JOIN websearch_to_tsquery('english', '"net income" OR "net loss"') AS q
JOIN edgar.filings f USING (filing_id)
LEFT JOIN edgar.filing_primary_registrant p USING (filing_id)
WHERE x.number = '99.1'
  AND x.text_search @@ q
ORDER BY rank DESC, f.filed_at DESC
LIMIT 50;
