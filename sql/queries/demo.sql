-- Rows shown by `make demo` after loading testdata/filings.
\echo '--- filings'
SELECT filing_id, accession_number, form_type, filed_at, period_of_report, shape
FROM edgar.filings ORDER BY filing_id;
\echo '--- registrants'
SELECT registrant_id, cik, name, state_of_incorporation, irs_number, business_city
FROM edgar.registrants ORDER BY registrant_id;
\echo '--- items'
SELECT f.accession_number, i.code, i.number_as_filed, i.title
FROM edgar.items i JOIN edgar.filings f USING (filing_id) ORDER BY f.filing_id, i.ordinal;
\echo '--- signers'
SELECT f.form_type, s.name, s.title, s.signed_on, s.signed_for
FROM edgar.signers s JOIN edgar.filings f USING (filing_id) ORDER BY f.filing_id, s.ordinal;
