-- Index entries matching a selection: $1 form types (NULL: any; exact,
-- as EDGAR writes them), $2 first and $3 last filing date (NULL: open), $4 CIKs
-- (NULL: any), $5 row limit (NULL: all); ordered by date, accession, CIK.
SELECT accession_number, cik, company_name, form_type, date_filed, file_name
FROM edgar.index_entries
WHERE ($1::text[] IS NULL OR form_type = ANY($1::text[]))
  AND ($2::date IS NULL OR date_filed >= $2::date)
  AND ($3::date IS NULL OR date_filed <= $3::date)
  AND ($4::bigint[] IS NULL OR cik = ANY($4::bigint[]))
ORDER BY date_filed, accession_number, cik
LIMIT $5
