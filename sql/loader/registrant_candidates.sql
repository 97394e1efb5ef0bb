-- Registrants a batch's parties may belong to, with every identifier they
-- were ever filed under (edgar.registrant_keys: one row per distinct
-- identifier, however many filings gave it). $1..$4 are the parties' CIKs,
-- IRS numbers, file numbers and names, one element per party (NULL when
-- absent; normalized as edgar.normalize_* do). A party whose CIK is a
-- registrant's needs no other lookup: only the others' IRS numbers, file
-- numbers and names are looked up. Every lookup is an index probe with an
-- array (= ANY), whatever the planner's statistics.
WITH party AS (
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS p(cik, irs, file, name)
), known AS (
    SELECT registrant_id, cik FROM edgar.registrants
    WHERE cik = ANY(ARRAY(SELECT DISTINCT cik FROM party WHERE cik IS NOT NULL))
), open AS (
    SELECT p.irs, p.file, p.name FROM party p
    WHERE p.cik IS NULL OR p.cik <> ALL (ARRAY(SELECT cik FROM known))
), ids AS (
    SELECT array_agg(DISTINCT registrant_id) AS ids FROM (
        SELECT registrant_id FROM known
        UNION ALL
        SELECT registrant_id FROM edgar.registrants WHERE name_normalized = ANY(ARRAY(SELECT name FROM open WHERE name IS NOT NULL))
        UNION ALL
        SELECT registrant_id FROM edgar.registrant_keys WHERE kind = 'irs' AND key = ANY(ARRAY(SELECT irs FROM open WHERE irs IS NOT NULL))
        UNION ALL
        SELECT registrant_id FROM edgar.registrant_keys WHERE kind = 'file' AND key = ANY(ARRAY(SELECT file FROM open WHERE file IS NOT NULL))
        UNION ALL
        SELECT registrant_id FROM edgar.registrant_keys WHERE kind = 'name' AND key = ANY(ARRAY(SELECT name FROM open WHERE name IS NOT NULL))
    ) found
)
SELECT r.registrant_id, r.cik, NULL::text AS irs, NULL::text AS file_number, r.name_normalized AS name
FROM edgar.registrants r
WHERE r.registrant_id = ANY((SELECT ids FROM ids)::bigint[])
UNION ALL
SELECT k.registrant_id, r.cik,
       CASE WHEN k.kind = 'irs' THEN k.key END,
       CASE WHEN k.kind = 'file' THEN k.key END,
       CASE WHEN k.kind = 'name' THEN k.key END
FROM edgar.registrant_keys k
JOIN edgar.registrants r USING (registrant_id)
WHERE k.registrant_id = ANY((SELECT ids FROM ids)::bigint[])
  AND r.registrant_id = ANY((SELECT ids FROM ids)::bigint[])
ORDER BY 1, 3, 4, 5
