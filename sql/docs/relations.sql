-- Tables and views of the edgar schema with their comments, tables first.
SELECT c.relname, CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END AS kind,
       coalesce(obj_description(c.oid, 'pg_class'), '') AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'edgar' AND c.relkind IN ('r', 'p', 'v', 'm')
  AND c.relname <> 'goose_db_version' -- goose's own bookkeeping
ORDER BY c.relkind IN ('v', 'm'), c.relname
