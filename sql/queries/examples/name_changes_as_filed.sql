-- Companies whose name as filed changed, in order: each name a registrant
-- filed under (edgar.registrant_history), when it was first and last used,
-- and the name before it. Unlike registrants_with_former_names.sql this
-- reads the filings themselves, so it also works for filings whose header
-- has no FORMER COMPANY block (bare documents, older filings).
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
WITH names AS (
    SELECT h.registrant_id, h.cik10, h.name, min(h.first_filed) AS first_filed, max(h.last_filed) AS last_filed
    FROM edgar.registrant_history h
    WHERE h.name IS NOT NULL
    GROUP BY h.registrant_id, h.cik10, h.name
), ordered AS (
    SELECT n.*, lag(n.name) OVER (PARTITION BY n.registrant_id ORDER BY n.first_filed, n.name) AS previous_name,
           count(*) OVER (PARTITION BY n.registrant_id) AS names
    FROM names n
)
SELECT o.cik10, r.name AS current_name, o.previous_name, o.name AS name_as_filed, o.first_filed, o.last_filed
FROM ordered o
JOIN edgar.registrants r USING (registrant_id)
WHERE o.names > 1
  AND edgar.normalize_name(o.name) IS DISTINCT FROM edgar.normalize_name(o.previous_name)
  AND o.previous_name IS NOT NULL
ORDER BY r.name, o.first_filed;
