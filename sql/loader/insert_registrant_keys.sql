-- Remember the identifiers of the batch's staged parties in
-- edgar.registrant_keys (one row per distinct registrant, kind and key).
INSERT INTO edgar.registrant_keys (registrant_id, kind, key)
SELECT DISTINCT s.registrant_id, k.kind, k.key
FROM stage_filing_registrants s
CROSS JOIN LATERAL (VALUES ('irs', edgar.normalize_irs_number(s.irs_number)),
                           ('file', edgar.normalize_file_number(s.file_number)),
                           ('name', edgar.normalize_name(s.name))) AS k(kind, key)
WHERE k.key IS NOT NULL
ORDER BY 2, 3, 1
ON CONFLICT DO NOTHING
