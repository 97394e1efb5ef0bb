-- Rows and on-disk size (with indexes and TOAST) of every table of the edgar
-- schema: exact counts, one dynamic count per table through query_to_xml.
SELECT c.relname AS table_name,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM edgar.%I', c.relname), false, true, '')))[1]::text::bigint AS row_count,
       pg_total_relation_size(c.oid) AS bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'edgar' AND c.relkind IN ('r', 'p')
ORDER BY c.relname
