-- Search every stored text (8-K and 10-K items, exhibits, and the documents
-- of forms that have no items: proxies, prospectuses, 6-Ks, 13Ds...) with
-- edgar.search: web-search syntax, best hits first, where each matched
-- and a snippet. Edit the query; the second argument caps the rows.
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
SELECT s.rank,
       s.filed_at,
       s.company,
       s.form_type,
       s.matched_in,
       coalesce(s.item_code, s.exhibit_number, s.document_type) AS place,
       s.snippet,
       s.edgar_url
FROM edgar.search('"board of directors" (merger OR acquisition)', 25) AS s;
