-- Full-text search: English tsvector columns generated from the text of
-- items, exhibits and documents, with GIN indexes, and edgar.search(), a
-- set-returning function taking web-search syntax. The generated columns
-- are the last columns of their tables: the loader's staging tables drop
-- them (sql/loader/create_staging.sql) and insert the rest with SELECT *.

-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION edgar.search_vector(body text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    n int := length(body);
BEGIN
    IF body IS NULL THEN
        RETURN NULL;
    END IF;
    IF n <= 200000 THEN
        RETURN to_tsvector('english', body);
    END IF;
    LOOP
        BEGIN
            RETURN to_tsvector('english', left(body, n));
        EXCEPTION WHEN program_limit_exceeded THEN
            n := n / 2; -- a tsvector holds at most 1 MB
        END;
    END LOOP;
END
$$;
-- +goose StatementEnd
COMMENT ON FUNCTION edgar.search_vector(text) IS 'English tsvector of a text for the *_search columns: to_tsvector(''english'', body), of a prefix when the whole text would exceed the 1 MB a tsvector holds (halved until it fits; only texts of numbers-heavy tables of several hundred kB come near it).';

ALTER TABLE edgar.items ADD COLUMN text_search tsvector GENERATED ALWAYS AS (edgar.search_vector(text)) STORED;
ALTER TABLE edgar.exhibits ADD COLUMN text_search tsvector GENERATED ALWAYS AS (edgar.search_vector(text)) STORED;
ALTER TABLE edgar.documents ADD COLUMN text_search tsvector
    GENERATED ALWAYS AS (CASE WHEN searched_as = 'document' THEN edgar.search_vector(text) END) STORED;
CREATE INDEX items_text_search_idx ON edgar.items USING gin (text_search);
CREATE INDEX exhibits_text_search_idx ON edgar.exhibits USING gin (text_search);
CREATE INDEX documents_text_search_idx ON edgar.documents USING gin (text_search);
COMMENT ON COLUMN edgar.items.text_search IS 'English tsvector of text (generated; GIN-indexed): WHERE text_search @@ websearch_to_tsquery(''english'', ''...''), or use edgar.search().';
COMMENT ON COLUMN edgar.exhibits.text_search IS 'English tsvector of text (generated; GIN-indexed): WHERE text_search @@ websearch_to_tsquery(''english'', ''...''), or use edgar.search().';
COMMENT ON COLUMN edgar.documents.text_search IS 'English tsvector of text (generated; GIN-indexed) when searched_as = document; NULL for a document whose text is searched through its items or exhibit row (each text is indexed once). WHERE text_search @@ websearch_to_tsquery(''english'', ''...''), or use edgar.search().';

CREATE FUNCTION edgar.search_window(body text, query text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN length(body) <= 6000 THEN body
    ELSE substr(body, greatest(1, coalesce((
             SELECT min(nullif(strpos(lower(body), rtrim(l, 'i')), 0))
             FROM unnest(tsvector_to_array(to_tsvector('english', query))) AS l), 1) - 1000), 6000)
END;
COMMENT ON FUNCTION edgar.search_window(text, text) IS 'The part of a text edgar.search takes its snippet from (ts_headline reads all it is given): the whole text up to 6,000 characters, else 6,000 characters from 1,000 before the first place a word stem of the query appears (else the start).';

-- +goose StatementBegin
CREATE FUNCTION edgar.search(query text, max_rows integer DEFAULT 100)
RETURNS TABLE (
    filing_id bigint, accession_number text, cik bigint, company text, form_type text, filed_at date,
    matched_in text, item_code text, exhibit_number text, document_ordinal integer, document_type text,
    rank real, snippet text, edgar_url text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
WITH hits AS (
    SELECT i.filing_id, 'item' AS matched_in, i.code AS item_code, NULL::text AS exhibit_number,
           NULL::integer AS document_ordinal, NULL::text AS document_type,
           ts_rank(i.text_search, websearch_to_tsquery('english', query)) AS rank, i.text AS body
    FROM edgar.items i
    WHERE i.text_search @@ websearch_to_tsquery('english', query)
    UNION ALL
    SELECT e.filing_id, 'exhibit', NULL, e.number, NULL, e.type,
           ts_rank(e.text_search, websearch_to_tsquery('english', query)), e.text
    FROM edgar.exhibits e
    WHERE e.text_search @@ websearch_to_tsquery('english', query)
    UNION ALL
    -- Documents whose text no item or exhibit row holds (searched_as =
    -- 'document': forms without items such as DEF 14A, S-1, 6-K, 424B).
    SELECT d.filing_id, 'document', NULL, NULL, d.ordinal, d.type,
           ts_rank(d.text_search, websearch_to_tsquery('english', query)), d.text
    FROM edgar.documents d
    WHERE d.text_search @@ websearch_to_tsquery('english', query)
), top AS (
    SELECT * FROM hits ORDER BY rank DESC, filing_id, matched_in LIMIT max_rows
)
SELECT t.filing_id, f.accession_number, p.cik, p.name, f.form_type, coalesce(f.filed_at, f.period_of_report),
       t.matched_in, t.item_code, t.exhibit_number, t.document_ordinal, t.document_type, t.rank,
       ts_headline('english', edgar.search_window(t.body, query), websearch_to_tsquery('english', query),
                   'MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=" ... "'),
       edgar.filing_index_url(p.cik, f.accession_number)
FROM top t
JOIN edgar.filings f ON f.filing_id = t.filing_id
LEFT JOIN edgar.filing_primary_registrant p ON p.filing_id = t.filing_id
ORDER BY t.rank DESC, t.filing_id, t.matched_in
$$;
-- +goose StatementEnd
COMMENT ON FUNCTION edgar.search(text, integer) IS 'Full-text search of item, exhibit and document text: SELECT * FROM edgar.search(''"material weakness" -remediated'') takes web-search syntax (websearch_to_tsquery, English: quoted phrases, OR, -word) and returns the best max_rows (default 100) hits by ts_rank, each with its filing, company, where it matched (item code, exhibit number or document) and a ts_headline snippet (<b>match</b>) from around the first match (edgar.search_window). After a large load, VACUUM ANALYZE (or autovacuum) merges the GIN pending lists so that the planner uses the indexes.';

-- +goose Down
DROP FUNCTION edgar.search(text, integer);
DROP FUNCTION edgar.search_window(text, text);
ALTER TABLE edgar.documents DROP COLUMN text_search;
ALTER TABLE edgar.exhibits DROP COLUMN text_search;
ALTER TABLE edgar.items DROP COLUMN text_search;
DROP FUNCTION edgar.search_vector(text);
