-- Create registrants ($1 reserved ids, $2 CIKs, $3 names); the other
-- attributes are filled by recompute_registrants.sql.
INSERT INTO edgar.registrants (registrant_id, cik, name)
OVERRIDING SYSTEM VALUE
SELECT registrant_id, cik, name
FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS n(registrant_id, cik, name)
ORDER BY registrant_id
