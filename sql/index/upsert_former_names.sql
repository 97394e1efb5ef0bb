-- Upsert the former names of CIK $1 from its submissions JSON ($2 source
-- file, parallel arrays $3 ordinals, $4 names, $5 from dates, $6 to dates).
INSERT INTO edgar.submission_former_names AS t (cik, ordinal, name, valid_from, valid_to, source)
SELECT $1, n.ordinal, n.name, n.valid_from, n.valid_to, $2
FROM unnest($3::int[], $4::text[], $5::date[], $6::date[]) AS n(ordinal, name, valid_from, valid_to)
ORDER BY n.ordinal
ON CONFLICT (cik, ordinal) DO UPDATE SET
    name = excluded.name, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
    source = excluded.source, loaded_at = now()
WHERE (t.name, t.valid_from, t.valid_to) IS DISTINCT FROM (excluded.name, excluded.valid_from, excluded.valid_to)
