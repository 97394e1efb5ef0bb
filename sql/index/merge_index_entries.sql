-- Merge the staged entries (unique by accession_number, cik: the loader
-- drops repeats) into edgar.index_entries. Index files own company_name,
-- form_type, date_filed and file_name: a JSON row sets them only on an
-- entry no index file gave (the JSON name is today's, the index name the
-- one at filing time). JSON files own the JSON columns: an index row never
-- clears them. A row is written only when a value changes, so a reload
-- leaves it (and loaded_at) alone; RETURNING tells inserted from updated.
WITH merged AS (
    SELECT s.accession_number, s.cik,
           (s.index_source IS NOT NULL OR t.index_source IS NULL) AS idx,
           (s.json_source IS NOT NULL OR t.json_source IS NULL) AS js,
           s.company_name, s.form_type, s.date_filed, s.file_name, s.report_date, s.acceptance_datetime,
           s.primary_document, s.primary_doc_description, s.items, s.size, s.is_xbrl, s.is_inline_xbrl,
           s.act, s.file_number, s.film_number, s.index_source, s.json_source, s.source,
           t.company_name AS t_company_name, t.form_type AS t_form_type, t.date_filed AS t_date_filed,
           t.file_name AS t_file_name, t.report_date AS t_report_date, t.acceptance_datetime AS t_acceptance_datetime,
           t.primary_document AS t_primary_document, t.primary_doc_description AS t_primary_doc_description,
           t.items AS t_items, t.size AS t_size, t.is_xbrl AS t_is_xbrl, t.is_inline_xbrl AS t_is_inline_xbrl,
           t.act AS t_act, t.file_number AS t_file_number, t.film_number AS t_film_number,
           t.index_source AS t_index_source, t.json_source AS t_json_source
    FROM stage_index_entries s
    LEFT JOIN edgar.index_entries t USING (accession_number, cik)
)
INSERT INTO edgar.index_entries AS t (
    accession_number, cik, company_name, form_type, date_filed, file_name, report_date, acceptance_datetime,
    primary_document, primary_doc_description, items, size, is_xbrl, is_inline_xbrl, act, file_number,
    film_number, index_source, json_source, source, loaded_at)
SELECT accession_number, cik,
       CASE WHEN idx THEN coalesce(company_name, t_company_name) ELSE t_company_name END,
       CASE WHEN idx THEN form_type ELSE t_form_type END,
       CASE WHEN idx THEN date_filed ELSE t_date_filed END,
       CASE WHEN idx THEN coalesce(file_name, t_file_name) ELSE t_file_name END,
       CASE WHEN js THEN report_date ELSE t_report_date END,
       CASE WHEN js THEN acceptance_datetime ELSE t_acceptance_datetime END,
       CASE WHEN js THEN primary_document ELSE t_primary_document END,
       CASE WHEN js THEN primary_doc_description ELSE t_primary_doc_description END,
       CASE WHEN js THEN items ELSE t_items END,
       CASE WHEN js THEN size ELSE t_size END,
       CASE WHEN js THEN is_xbrl ELSE t_is_xbrl END,
       CASE WHEN js THEN is_inline_xbrl ELSE t_is_inline_xbrl END,
       CASE WHEN js THEN act ELSE t_act END,
       CASE WHEN js THEN file_number ELSE t_file_number END,
       CASE WHEN js THEN film_number ELSE t_film_number END,
       coalesce(index_source, t_index_source),
       coalesce(json_source, t_json_source),
       source,
       now()
FROM merged
ORDER BY accession_number, cik
ON CONFLICT (accession_number, cik) DO UPDATE SET
    company_name = excluded.company_name,
    form_type = excluded.form_type,
    date_filed = excluded.date_filed,
    file_name = excluded.file_name,
    report_date = excluded.report_date,
    acceptance_datetime = excluded.acceptance_datetime,
    primary_document = excluded.primary_document,
    primary_doc_description = excluded.primary_doc_description,
    items = excluded.items,
    size = excluded.size,
    is_xbrl = excluded.is_xbrl,
    is_inline_xbrl = excluded.is_inline_xbrl,
    act = excluded.act,
    file_number = excluded.file_number,
    film_number = excluded.film_number,
    index_source = excluded.index_source,
    json_source = excluded.json_source,
    source = excluded.source,
    loaded_at = excluded.loaded_at
WHERE (t.company_name, t.form_type, t.date_filed, t.file_name, t.report_date, t.acceptance_datetime,
       t.primary_document, t.primary_doc_description, t.items, t.size, t.is_xbrl, t.is_inline_xbrl,
       t.act, t.file_number, t.film_number)
      IS DISTINCT FROM
      (excluded.company_name, excluded.form_type, excluded.date_filed, excluded.file_name, excluded.report_date,
       excluded.acceptance_datetime, excluded.primary_document, excluded.primary_doc_description, excluded.items,
       excluded.size, excluded.is_xbrl, excluded.is_inline_xbrl, excluded.act, excluded.file_number, excluded.film_number)
RETURNING (t.xmax = 0) AS inserted
