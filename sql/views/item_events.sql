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
