-- Foreign keys between the edgar schema's tables: the referencing table and
-- columns, the referenced table and columns, and whether every referencing
-- column is NOT NULL.
SELECT c.relname AS table_name,
       array_agg(a.attname::text ORDER BY k.i) AS columns,
       r.relname AS referenced_table,
       array_agg(ra.attname::text ORDER BY k.i) AS referenced_columns,
       bool_and(a.attnotnull) AS not_null
FROM pg_constraint f
JOIN pg_class c ON c.oid = f.conrelid
JOIN pg_class r ON r.oid = f.confrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(f.conkey, f.confkey) WITH ORDINALITY AS k(col, refcol, i)
JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.col
JOIN pg_attribute ra ON ra.attrelid = f.confrelid AND ra.attnum = k.refcol
WHERE f.contype = 'f' AND n.nspname = 'edgar'
GROUP BY f.oid, c.relname, r.relname
ORDER BY c.relname, r.relname, columns
