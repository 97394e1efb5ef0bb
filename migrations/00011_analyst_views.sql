-- Views for analysts and BI tools: the 8-K event feed, the latest filing of
-- each registrant and form, registrants' as-filed history, and amendments
-- with the filing they amend; helpers for the 10-digit CIK and the EDGAR
-- index page URL. The view definitions are sql/views/*.sql, copied here
-- verbatim (migrations/views_test.go checks that they agree).

-- +goose Up
CREATE FUNCTION edgar.cik10(cik bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN lpad(cik::text, 10, '0');
COMMENT ON FUNCTION edgar.cik10(bigint) IS 'CIK as the 10 zero-padded digits other datasets use: 320193 -> 0000320193 (NULL for NULL).';

CREATE FUNCTION edgar.filing_index_url(cik bigint, accession_number text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 'https://www.sec.gov/Archives/edgar/data/' || cik::text || '/' || replace(accession_number, '-', '') || '/' || accession_number || '-index.htm';
COMMENT ON FUNCTION edgar.filing_index_url(bigint, text) IS 'URL of a filing''s index page on EDGAR, https://www.sec.gov/Archives/edgar/data/<cik>/<accession without dashes>/<accession>-index.htm (NULL when either is NULL).';

CREATE OR REPLACE VIEW edgar.item_events AS
SELECT f.filing_id,
       f.accession_number,
       f.form_type,
       f.filed_at,
       f.period_of_report AS event_date,
       f.accepted_at,
       p.registrant_id,
       p.cik,
       edgar.cik10(p.cik) AS cik10,
       p.name AS company,
       p.name_as_filed AS company_as_filed,
       i.ordinal AS item_ordinal,
       i.code,
       i.title,
       i.number_as_filed,
       i.source AS item_source,
       edgar.filing_index_url(p.cik, f.accession_number) AS edgar_url
FROM edgar.items i
JOIN edgar.filings f USING (filing_id)
LEFT JOIN edgar.filing_primary_registrant p USING (filing_id)
WHERE f.form_type ~ '^8-K';
COMMENT ON VIEW edgar.item_events IS 'The 8-K event feed: one row per item of an 8-K (8-K/A, 8-K12B... included) with its company, filing date and EDGAR link.';
COMMENT ON COLUMN edgar.item_events.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.item_events.accession_number IS 'EDGAR accession number (NULL for a bare document).';
COMMENT ON COLUMN edgar.item_events.form_type IS 'Form type: 8-K, 8-K/A, 8-K12B...';
COMMENT ON COLUMN edgar.item_events.filed_at IS 'Filing date.';
COMMENT ON COLUMN edgar.item_events.event_date IS 'Date of the earliest event reported (the 8-K''s period of report).';
COMMENT ON COLUMN edgar.item_events.accepted_at IS 'EDGAR acceptance time.';
COMMENT ON COLUMN edgar.item_events.registrant_id IS 'Main registrant of the filing (edgar.filing_primary_registrant).';
COMMENT ON COLUMN edgar.item_events.cik IS 'Main registrant''s Central Index Key.';
COMMENT ON COLUMN edgar.item_events.cik10 IS 'CIK as 10 zero-padded digits (0000320193), the form other datasets join on.';
COMMENT ON COLUMN edgar.item_events.company IS 'Main registrant''s current name.';
COMMENT ON COLUMN edgar.item_events.company_as_filed IS 'Main registrant''s name as given in this filing.';
COMMENT ON COLUMN edgar.item_events.item_ordinal IS 'Position of the item in the filing, from 1.';
COMMENT ON COLUMN edgar.item_events.code IS 'Normalized item code, e.g. 2.02, 5.02 (pre-2004 items mapped to the modern numbering).';
COMMENT ON COLUMN edgar.item_events.title IS 'Official title of the item.';
COMMENT ON COLUMN edgar.item_events.number_as_filed IS 'Item number as printed.';
COMMENT ON COLUMN edgar.item_events.item_source IS 'body (found in the document text) or header (listed only in the EDGAR header).';
COMMENT ON COLUMN edgar.item_events.edgar_url IS 'The filing''s index page on EDGAR (NULL without CIK or accession number).';

CREATE OR REPLACE VIEW edgar.latest_filings AS
WITH parties AS (
    SELECT fr.filing_id, fr.registrant_id, min(fr.role) AS role
    FROM edgar.filing_registrants fr
    GROUP BY fr.filing_id, fr.registrant_id
), ranked AS (
    SELECT p.registrant_id, p.role, f.filing_id, f.accession_number, f.form_type, f.filed_at, f.period_of_report,
           count(*) OVER w AS filings_of_form,
           row_number() OVER (w ORDER BY coalesce(f.filed_at, f.period_of_report) DESC NULLS LAST,
                                         f.accepted_at DESC NULLS LAST, f.filing_id DESC) AS recency
    FROM parties p
    JOIN edgar.filings f USING (filing_id)
    WINDOW w AS (PARTITION BY p.registrant_id, f.form_type)
)
SELECT k.registrant_id,
       r.cik,
       edgar.cik10(r.cik) AS cik10,
       r.name AS company,
       k.form_type,
       k.filing_id,
       k.accession_number,
       k.filed_at,
       k.period_of_report,
       k.role,
       k.filings_of_form::integer AS filings_of_form,
       edgar.filing_index_url(r.cik, k.accession_number) AS edgar_url
FROM ranked k
JOIN edgar.registrants r USING (registrant_id)
WHERE k.recency = 1;
COMMENT ON VIEW edgar.latest_filings IS 'The latest filing of each registrant and form type (by filing date, then acceptance time), whatever its role in the filing, with how many filings of that form it has.';
COMMENT ON COLUMN edgar.latest_filings.registrant_id IS 'The registrant (edgar.registrants).';
COMMENT ON COLUMN edgar.latest_filings.cik IS 'Central Index Key (NULL for a registrant known only from bare documents).';
COMMENT ON COLUMN edgar.latest_filings.cik10 IS 'CIK as 10 zero-padded digits (0000320193).';
COMMENT ON COLUMN edgar.latest_filings.company IS 'Registrant''s current name.';
COMMENT ON COLUMN edgar.latest_filings.form_type IS 'Form type, e.g. 10-K.';
COMMENT ON COLUMN edgar.latest_filings.filing_id IS 'The latest filing of the form (edgar.filings).';
COMMENT ON COLUMN edgar.latest_filings.accession_number IS 'Its accession number.';
COMMENT ON COLUMN edgar.latest_filings.filed_at IS 'Its filing date.';
COMMENT ON COLUMN edgar.latest_filings.period_of_report IS 'Its period of report.';
COMMENT ON COLUMN edgar.latest_filings.role IS 'The registrant''s role in it (filer, subject-company, reporting-owner...; the first by name when several).';
COMMENT ON COLUMN edgar.latest_filings.filings_of_form IS 'How many loaded filings of this form the registrant is a party to.';
COMMENT ON COLUMN edgar.latest_filings.edgar_url IS 'The filing''s index page on EDGAR (NULL without CIK or accession number).';

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

CREATE OR REPLACE VIEW edgar.amendments AS
WITH amendment AS (
    SELECT f.filing_id, f.accession_number, f.form_type, regexp_replace(f.form_type, '/A$', '') AS amended_form,
           f.period_of_report, coalesce(f.filed_at, f.period_of_report) AS filed_on,
           p.registrant_id, p.cik, p.name
    FROM edgar.filings f
    LEFT JOIN edgar.filing_primary_registrant p USING (filing_id)
    WHERE f.form_type ~ '/A$'
)
SELECT a.filing_id,
       a.accession_number,
       a.form_type,
       a.filed_on AS filed_at,
       a.period_of_report,
       a.registrant_id,
       a.cik,
       edgar.cik10(a.cik) AS cik10,
       a.name AS company,
       a.amended_form,
       o.filing_id AS amended_filing_id,
       o.accession_number AS amended_accession_number,
       o.filed_at AS amended_filed_at,
       o.matched_by,
       edgar.filing_index_url(a.cik, a.accession_number) AS edgar_url,
       edgar.filing_index_url(a.cik, o.accession_number) AS amended_edgar_url
FROM amendment a
LEFT JOIN LATERAL (
    SELECT c.filing_id, c.accession_number, c.filed_at, c.matched_by
    FROM (
        SELECT g.filing_id, g.accession_number, coalesce(g.filed_at, g.period_of_report) AS filed_at,
               'cited accession' AS matched_by, 1 AS preference
        FROM edgar.filings g
        WHERE g.filing_id <> a.filing_id
          AND g.accession_number IN (
              SELECT m[1]
              FROM edgar.documents d, regexp_matches(d.text, '(?<![0-9])([0-9]{10}-[0-9]{2}-[0-9]{6})(?![0-9])', 'g') AS m
              WHERE d.filing_id = a.filing_id)
        UNION ALL
        SELECT g.filing_id, g.accession_number, coalesce(g.filed_at, g.period_of_report), 'form and period', 2
        FROM edgar.filing_registrants gr
        JOIN edgar.filings g USING (filing_id)
        WHERE gr.registrant_id = a.registrant_id
          AND g.form_type = a.amended_form
          AND g.period_of_report = a.period_of_report
          AND coalesce(g.filed_at, g.period_of_report) <= a.filed_on
        UNION ALL
        SELECT g.filing_id, g.accession_number, coalesce(g.filed_at, g.period_of_report), 'form, latest earlier', 3
        FROM edgar.filing_registrants gr
        JOIN edgar.filings g USING (filing_id)
        WHERE gr.registrant_id = a.registrant_id
          AND g.form_type = a.amended_form
          AND coalesce(g.filed_at, g.period_of_report) <= a.filed_on
    ) c
    ORDER BY c.preference, c.filed_at DESC NULLS LAST, c.filing_id DESC
    LIMIT 1
) o ON true;
COMMENT ON VIEW edgar.amendments IS 'Every amendment (form type ending in /A) with the loaded filing it amends: the filing whose accession number the amendment''s text cites, else the same registrant''s filing of the amended form with the same period of report, else its latest earlier filing of that form (matched_by says which). amended_* columns are NULL when the amended filing is not loaded.';
COMMENT ON COLUMN edgar.amendments.filing_id IS 'The amendment (edgar.filings).';
COMMENT ON COLUMN edgar.amendments.accession_number IS 'Accession number of the amendment.';
COMMENT ON COLUMN edgar.amendments.form_type IS 'Form type of the amendment, e.g. 8-K/A.';
COMMENT ON COLUMN edgar.amendments.filed_at IS 'Filing date of the amendment (else its period of report).';
COMMENT ON COLUMN edgar.amendments.period_of_report IS 'Period of report of the amendment.';
COMMENT ON COLUMN edgar.amendments.registrant_id IS 'Main registrant of the amendment (edgar.filing_primary_registrant).';
COMMENT ON COLUMN edgar.amendments.cik IS 'Main registrant''s Central Index Key.';
COMMENT ON COLUMN edgar.amendments.cik10 IS 'CIK as 10 zero-padded digits (0000320193).';
COMMENT ON COLUMN edgar.amendments.company IS 'Main registrant''s current name.';
COMMENT ON COLUMN edgar.amendments.amended_form IS 'Form type being amended (the form type without /A).';
COMMENT ON COLUMN edgar.amendments.amended_filing_id IS 'The amended filing (edgar.filings); NULL when none is loaded.';
COMMENT ON COLUMN edgar.amendments.amended_accession_number IS 'Accession number of the amended filing.';
COMMENT ON COLUMN edgar.amendments.amended_filed_at IS 'Filing date of the amended filing.';
COMMENT ON COLUMN edgar.amendments.matched_by IS 'How the amended filing was found: cited accession, form and period, or form, latest earlier; NULL when not found.';
COMMENT ON COLUMN edgar.amendments.edgar_url IS 'The amendment''s index page on EDGAR.';
COMMENT ON COLUMN edgar.amendments.amended_edgar_url IS 'The amended filing''s index page on EDGAR.';

-- +goose Down
DROP VIEW edgar.amendments;
DROP VIEW edgar.registrant_history;
DROP VIEW edgar.latest_filings;
DROP VIEW edgar.item_events;
DROP FUNCTION edgar.filing_index_url(bigint, text);
DROP FUNCTION edgar.cik10(bigint);
