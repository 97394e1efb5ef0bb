-- Registrants a batch's parties may belong to, with every identifier they
-- were ever filed under: $1 CIKs, $2 IRS numbers, $3 file numbers, $4 names
-- (all normalized as edgar.normalize_* do).
WITH ids AS (
    SELECT registrant_id FROM edgar.registrants WHERE cik = ANY($1::bigint[]) OR name_normalized = ANY($4::text[])
    UNION
    SELECT registrant_id FROM edgar.filing_registrants WHERE edgar.normalize_irs_number(irs_number) = ANY($2::text[])
    UNION
    SELECT registrant_id FROM edgar.filing_registrants WHERE edgar.normalize_file_number(file_number) = ANY($3::text[])
    UNION
    SELECT registrant_id FROM edgar.filing_registrants WHERE edgar.normalize_name(name) = ANY($4::text[])
)
SELECT r.registrant_id, r.cik, NULL::text AS irs, NULL::text AS file_number, r.name_normalized AS name
FROM edgar.registrants r JOIN ids USING (registrant_id)
UNION
SELECT fr.registrant_id, r.cik, edgar.normalize_irs_number(fr.irs_number),
       edgar.normalize_file_number(fr.file_number), edgar.normalize_name(fr.name)
FROM edgar.filing_registrants fr
JOIN ids USING (registrant_id)
JOIN edgar.registrants r USING (registrant_id)
ORDER BY 1
