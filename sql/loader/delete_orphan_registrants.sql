-- Delete registrants ($1 ids, those whose filing rows the batch replaced)
-- that no filing refers to any more — a company read from a bare document
-- that its complete submission then named otherwise — and return them.
DELETE FROM edgar.registrants r
WHERE r.registrant_id = ANY($1::bigint[])
  AND NOT EXISTS (SELECT 1 FROM edgar.filing_registrants fr WHERE fr.registrant_id = r.registrant_id)
RETURNING r.registrant_id
