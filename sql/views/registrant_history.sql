CREATE OR REPLACE VIEW edgar.registrant_history AS
SELECT h.*, edgar.filing_index_url(h.cik, h.last_accession_number) AS edgar_url
FROM (
SELECT fr.registrant_id,
       r.cik,
       edgar.cik10(r.cik) AS cik10,
       fr.name,
       fr.state_of_incorporation,
       fr.file_number,
       fr.irs_number,
       fr.sic,
       fr.fiscal_year_end,
       fr.business_street1,
       fr.business_city,
       fr.business_state,
       fr.business_zip,
       fr.mail_street1,
       fr.mail_city,
       fr.mail_state,
       fr.mail_zip,
       min(coalesce(f.filed_at, f.period_of_report)) AS first_filed,
       max(coalesce(f.filed_at, f.period_of_report)) AS last_filed,
       count(DISTINCT f.filing_id)::integer AS filings,
       (array_agg(f.accession_number ORDER BY coalesce(f.filed_at, f.period_of_report) DESC NULLS LAST, f.filing_id DESC))[1] AS last_accession_number
FROM edgar.filing_registrants fr
JOIN edgar.filings f USING (filing_id)
JOIN edgar.registrants r USING (registrant_id)
GROUP BY fr.registrant_id, r.cik, fr.name, fr.state_of_incorporation, fr.file_number, fr.irs_number, fr.sic, fr.fiscal_year_end,
         fr.business_street1, fr.business_city, fr.business_state, fr.business_zip,
         fr.mail_street1, fr.mail_city, fr.mail_state, fr.mail_zip
) h;
COMMENT ON VIEW edgar.registrant_history IS 'A registrant''s as-filed facts over time: one row per registrant and distinct combination of name, state, file number, IRS number, SIC, fiscal year end and addresses it was filed under, with the first and last filing date of that combination. Order by first_filed to read a company''s history.';
COMMENT ON COLUMN edgar.registrant_history.registrant_id IS 'The registrant (edgar.registrants).';
COMMENT ON COLUMN edgar.registrant_history.cik IS 'Central Index Key.';
COMMENT ON COLUMN edgar.registrant_history.cik10 IS 'CIK as 10 zero-padded digits (0000320193).';
COMMENT ON COLUMN edgar.registrant_history.name IS 'Name as filed.';
COMMENT ON COLUMN edgar.registrant_history.state_of_incorporation IS 'State or country of incorporation as filed.';
COMMENT ON COLUMN edgar.registrant_history.file_number IS 'SEC file number as filed.';
COMMENT ON COLUMN edgar.registrant_history.irs_number IS 'IRS employer identification number as filed.';
COMMENT ON COLUMN edgar.registrant_history.sic IS 'SIC code as filed.';
COMMENT ON COLUMN edgar.registrant_history.fiscal_year_end IS 'Fiscal year end (MMDD) as filed.';
COMMENT ON COLUMN edgar.registrant_history.business_street1 IS 'Business address as filed: first street line.';
COMMENT ON COLUMN edgar.registrant_history.business_city IS 'Business address as filed: city.';
COMMENT ON COLUMN edgar.registrant_history.business_state IS 'Business address as filed: state or country code.';
COMMENT ON COLUMN edgar.registrant_history.business_zip IS 'Business address as filed: postal code.';
COMMENT ON COLUMN edgar.registrant_history.mail_street1 IS 'Mailing address as filed: first street line.';
COMMENT ON COLUMN edgar.registrant_history.mail_city IS 'Mailing address as filed: city.';
COMMENT ON COLUMN edgar.registrant_history.mail_state IS 'Mailing address as filed: state or country code.';
COMMENT ON COLUMN edgar.registrant_history.mail_zip IS 'Mailing address as filed: postal code.';
COMMENT ON COLUMN edgar.registrant_history.first_filed IS 'First filing date (else period of report) with these values.';
COMMENT ON COLUMN edgar.registrant_history.last_filed IS 'Last filing date (else period of report) with these values.';
COMMENT ON COLUMN edgar.registrant_history.filings IS 'Number of filings with these values.';
COMMENT ON COLUMN edgar.registrant_history.last_accession_number IS 'Accession number of the latest filing with these values.';
COMMENT ON COLUMN edgar.registrant_history.edgar_url IS 'EDGAR index page of the latest filing with these values.';
