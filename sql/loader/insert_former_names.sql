-- Former names ($1 registrant ids, $2 names, $3 dates): a union over all
-- filings, duplicates ignored.
INSERT INTO edgar.registrant_former_names (registrant_id, name, changed_on)
SELECT DISTINCT registrant_id, name, changed_on
FROM unnest($1::bigint[], $2::text[], $3::date[]) AS n(registrant_id, name, changed_on)
ORDER BY registrant_id, name, changed_on
ON CONFLICT DO NOTHING
