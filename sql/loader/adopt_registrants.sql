-- Give CIK-less registrants (known from bare documents) the CIK of a filing
-- matched to them by IRS number, file number or name ($1 ids, $2 CIKs).
UPDATE edgar.registrants r
SET cik = a.cik
FROM unnest($1::bigint[], $2::bigint[]) AS a(registrant_id, cik)
WHERE r.registrant_id = a.registrant_id AND r.cik IS NULL
