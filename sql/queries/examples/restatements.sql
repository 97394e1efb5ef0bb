-- Restatements of financial statements, not "Amended and Restated"
-- agreements or a "Restated Certificate of Incorporation": text (8-K items
-- such as 4.02 Non-Reliance, 10-K items, exhibits) that still says
-- restate/restated/restatement once those phrases are removed. The
-- full-text index finds the candidates; the regular expressions drop the
-- phrases and show the first remaining use in context.
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
WITH hits AS (
    SELECT i.filing_id, 'item ' || i.code AS place, i.text
    FROM edgar.items i
    WHERE i.text_search @@ to_tsquery('english', 'restatement')
    UNION ALL
    SELECT x.filing_id, 'exhibit ' || coalesce(x.number, x.type), x.text
    FROM edgar.exhibits x
    WHERE x.text_search @@ to_tsquery('english', 'restatement')
), cleaned AS (
    SELECT h.filing_id, h.place,
           regexp_replace(h.text,
               '(?i)amended\s+and\s+restated|restated\s+(certificate|articles|by-?laws|charter|memorandum|agreement|plan|credit|declaration|trust|limited|partnership|code)',
               '', 'g') AS text
    FROM hits h
)
SELECT f.filed_at,
       p.name AS company,
       f.form_type,
       c.place,
       left(regexp_replace(substring(c.text FROM '(?i)[^.]{0,200}\mrestat(?:e|ed|ement|ements|ing)\M[^.]{0,200}'), '\s+', ' ', 'g'), 300) AS context,
       edgar.filing_index_url(p.cik, f.accession_number) AS edgar_url
FROM cleaned c
JOIN edgar.filings f USING (filing_id)
LEFT JOIN edgar.filing_primary_registrant p USING (filing_id)
WHERE c.text ~* '\mrestat(e|ed|ement|ements|ing)\M'
ORDER BY f.filed_at DESC NULLS LAST, company;
