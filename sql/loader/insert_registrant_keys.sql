-- Remember the identifiers of the batch's parties in edgar.registrant_keys
-- ($1 registrant ids, $2 kinds, $3 keys, normalized by the loader as
-- edgar.normalize_* do): one row per distinct registrant, kind and key.
INSERT INTO edgar.registrant_keys (registrant_id, kind, key)
SELECT registrant_id, kind, key
FROM unnest($1::bigint[], $2::text[], $3::text[]) AS k(registrant_id, kind, key)
ORDER BY 2, 3, 1
ON CONFLICT DO NOTHING
