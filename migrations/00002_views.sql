-- Analyst views over the edgar tables.

-- +goose Up
CREATE VIEW edgar.filing_primary_registrant AS
SELECT DISTINCT ON (fr.filing_id)
       fr.filing_id, fr.registrant_id, fr.role, r.cik, r.name, fr.name AS name_as_filed
FROM edgar.filing_registrants fr
JOIN edgar.registrants r USING (registrant_id)
ORDER BY fr.filing_id,
         array_position(ARRAY['filer', 'subject-company', 'issuer', 'filed-by', 'reporting-owner', 'filed-for'], fr.role),
         fr.ordinal;
COMMENT ON VIEW edgar.filing_primary_registrant IS 'The main party of each filing: its first filer, else its first subject company, issuer, filed-by, reporting owner or filed-for party.';
COMMENT ON COLUMN edgar.filing_primary_registrant.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.filing_primary_registrant.registrant_id IS 'The registrant (edgar.registrants).';
COMMENT ON COLUMN edgar.filing_primary_registrant.role IS 'Its role in the filing.';
COMMENT ON COLUMN edgar.filing_primary_registrant.cik IS 'Its Central Index Key.';
COMMENT ON COLUMN edgar.filing_primary_registrant.name IS 'Its current (latest) name.';
COMMENT ON COLUMN edgar.filing_primary_registrant.name_as_filed IS 'Its name as given in this filing.';

CREATE VIEW edgar.filing_overview AS
SELECT f.filing_id,
       f.accession_number,
       f.form_type,
       f.filed_at,
       f.period_of_report,
       f.accepted_at,
       p.registrant_id,
       p.cik,
       p.name AS registrant_name,
       ARRAY(SELECT i.code FROM edgar.items i WHERE i.filing_id = f.filing_id ORDER BY i.ordinal) AS item_codes,
       (SELECT count(*) FROM edgar.exhibits e WHERE e.filing_id = f.filing_id) AS exhibit_count,
       (SELECT count(*) FROM edgar.signers s WHERE s.filing_id = f.filing_id) AS signer_count,
       f.shape,
       f.source_path
FROM edgar.filings f
LEFT JOIN edgar.filing_primary_registrant p USING (filing_id);
COMMENT ON VIEW edgar.filing_overview IS 'One row per filing with its main registrant, item codes and exhibit and signer counts.';
COMMENT ON COLUMN edgar.filing_overview.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.filing_overview.accession_number IS 'EDGAR accession number (NULL for bare documents).';
COMMENT ON COLUMN edgar.filing_overview.form_type IS 'Form type, e.g. 8-K.';
COMMENT ON COLUMN edgar.filing_overview.filed_at IS 'Filing date.';
COMMENT ON COLUMN edgar.filing_overview.period_of_report IS 'Period of report.';
COMMENT ON COLUMN edgar.filing_overview.accepted_at IS 'Acceptance time.';
COMMENT ON COLUMN edgar.filing_overview.registrant_id IS 'Main registrant (see edgar.filing_primary_registrant).';
COMMENT ON COLUMN edgar.filing_overview.cik IS 'Main registrant''s Central Index Key.';
COMMENT ON COLUMN edgar.filing_overview.registrant_name IS 'Main registrant''s current name.';
COMMENT ON COLUMN edgar.filing_overview.item_codes IS 'Item codes of the filing in order, e.g. {2.02,9.01}.';
COMMENT ON COLUMN edgar.filing_overview.exhibit_count IS 'Number of exhibits.';
COMMENT ON COLUMN edgar.filing_overview.signer_count IS 'Number of signers.';
COMMENT ON COLUMN edgar.filing_overview.shape IS 'Layout of the source file.';
COMMENT ON COLUMN edgar.filing_overview.source_path IS 'Source file path.';

CREATE VIEW edgar.item_filings AS
WITH companies AS (
    SELECT fr.filing_id, fr.registrant_id
    FROM edgar.filing_registrants fr
    WHERE fr.role = 'filer'
    UNION
    SELECT p.filing_id, p.registrant_id
    FROM edgar.filing_primary_registrant p
    WHERE NOT EXISTS (SELECT 1 FROM edgar.filing_registrants x WHERE x.filing_id = p.filing_id AND x.role = 'filer')
)
SELECT i.code,
       i.title AS item_title,
       i.number_as_filed,
       f.filing_id,
       f.accession_number,
       f.form_type,
       f.filed_at,
       f.period_of_report,
       r.registrant_id,
       r.cik,
       r.name AS registrant_name
FROM edgar.items i
JOIN edgar.filings f USING (filing_id)
LEFT JOIN companies c USING (filing_id)
LEFT JOIN edgar.registrants r ON r.registrant_id = c.registrant_id;
COMMENT ON VIEW edgar.item_filings IS 'Item x filing x company: one row per item of a filing and each of its filers (else its main party), with the filing date.';
COMMENT ON COLUMN edgar.item_filings.code IS 'Normalized item code, e.g. 2.02.';
COMMENT ON COLUMN edgar.item_filings.item_title IS 'Official title of the item.';
COMMENT ON COLUMN edgar.item_filings.number_as_filed IS 'Item number as printed.';
COMMENT ON COLUMN edgar.item_filings.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.item_filings.accession_number IS 'EDGAR accession number.';
COMMENT ON COLUMN edgar.item_filings.form_type IS 'Form type.';
COMMENT ON COLUMN edgar.item_filings.filed_at IS 'Filing date.';
COMMENT ON COLUMN edgar.item_filings.period_of_report IS 'Period of report.';
COMMENT ON COLUMN edgar.item_filings.registrant_id IS 'Company (edgar.registrants).';
COMMENT ON COLUMN edgar.item_filings.cik IS 'Company''s Central Index Key.';
COMMENT ON COLUMN edgar.item_filings.registrant_name IS 'Company''s current name.';

-- +goose Down
DROP VIEW edgar.item_filings;
DROP VIEW edgar.filing_overview;
DROP VIEW edgar.filing_primary_registrant;
