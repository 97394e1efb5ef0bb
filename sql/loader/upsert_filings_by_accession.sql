-- Merge staged filings keyed by accession number into edgar.filings.
-- A stored row is replaced only by the same bytes under another parser
-- version, or by a preferred source of the same filing (shape rank, then the
-- smaller SHA-256): the winner never depends on load order. Unchanged rows
-- are not touched (loaded_at keeps its value).
INSERT INTO edgar.filings AS f (
    accession_number, source_sha256, form_type, period_of_report, filed_at, accepted_at,
    date_of_change, effectiveness_date, document_count, item_information, shape,
    source_path, source_bytes, parser_version, emerging_growth_company, amendment_flag, loaded_at)
SELECT accession_number, source_sha256, form_type, period_of_report, filed_at,
       accepted_local AT TIME ZONE 'America/New_York',
       date_of_change, effectiveness_date, document_count, item_information, shape,
       source_path, source_bytes, parser_version, emerging_growth_company, amendment_flag, loaded_at
FROM stage_filings
WHERE accession_number IS NOT NULL
ORDER BY accession_number
ON CONFLICT (accession_number) DO UPDATE SET
    accession_number = excluded.accession_number,
    source_sha256 = excluded.source_sha256,
    form_type = excluded.form_type,
    period_of_report = excluded.period_of_report,
    filed_at = excluded.filed_at,
    accepted_at = excluded.accepted_at,
    date_of_change = excluded.date_of_change,
    effectiveness_date = excluded.effectiveness_date,
    document_count = excluded.document_count,
    item_information = excluded.item_information,
    shape = excluded.shape,
    source_path = excluded.source_path,
    source_bytes = excluded.source_bytes,
    parser_version = excluded.parser_version,
    emerging_growth_company = excluded.emerging_growth_company,
    amendment_flag = excluded.amendment_flag,
    loaded_at = excluded.loaded_at
WHERE (f.source_sha256 = excluded.source_sha256 AND f.parser_version IS DISTINCT FROM excluded.parser_version)
   OR (f.source_sha256 <> excluded.source_sha256
       AND (edgar.source_rank(excluded.shape, excluded.form_type), excluded.source_sha256) < (edgar.source_rank(f.shape, f.form_type), f.source_sha256))
RETURNING f.filing_id, f.source_sha256, (f.xmax = 0) AS inserted
