-- Rebuild the edgar.registrant_keys of registrants $1 from their remaining
-- filing_registrants rows (after filings of theirs were replaced or
-- deleted: an identifier only the old rows gave must not match any more).
WITH gone AS (
    DELETE FROM edgar.registrant_keys WHERE registrant_id = ANY($1::bigint[])
)
INSERT INTO edgar.registrant_keys (registrant_id, kind, key)
SELECT DISTINCT fr.registrant_id, k.kind, k.key
FROM edgar.filing_registrants fr
CROSS JOIN LATERAL (VALUES ('irs', edgar.normalize_irs_number(fr.irs_number)),
                           ('file', edgar.normalize_file_number(fr.file_number)),
                           ('name', edgar.normalize_name(fr.name))) AS k(kind, key)
WHERE fr.registrant_id = ANY($1::bigint[]) AND k.key IS NOT NULL
ON CONFLICT DO NOTHING
