-- Columns of the edgar schema's tables and views in order: type, whether
-- NOT NULL, the default or generation expression, whether part of the
-- primary key, and the comment.
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
       CASE WHEN a.attgenerated = 's' THEN 'generated: ' || pg_get_expr(d.adbin, d.adrelid)
            WHEN a.attidentity <> '' THEN 'identity'
            ELSE coalesce(pg_get_expr(d.adbin, d.adrelid), '') END AS default_value,
       EXISTS (SELECT FROM pg_constraint p WHERE p.conrelid = c.oid AND p.contype = 'p' AND a.attnum = ANY (p.conkey)) AS primary_key,
       coalesce(col_description(c.oid, a.attnum), '') AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
WHERE n.nspname = 'edgar' AND c.relkind IN ('r', 'p', 'v', 'm')
  AND c.relname <> 'goose_db_version' -- goose's own bookkeeping
ORDER BY c.relname, a.attnum
