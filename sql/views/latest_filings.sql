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
