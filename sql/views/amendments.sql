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
