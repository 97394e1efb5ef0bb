-- One filing, one row, however it arrives: a bare exhibit ranks below every
-- primary document of the same accession number (an exhibit file found in
-- an accession folder never displaces the report itself), and the source
-- identity of a file whose accession number comes from its path includes
-- that accession number (the same bytes filed twice are two filings).

-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION edgar.source_rank(shape text, form_type text) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN edgar.shape_rank(shape)
    + CASE WHEN shape IN ('document-html', 'document-text') AND upper(form_type) LIKE 'EX-%' THEN 10 ELSE 0 END;
-- +goose StatementEnd
COMMENT ON FUNCTION edgar.source_rank(text, text) IS 'Preference among the sources of one accession number (lower wins): edgar.shape_rank of the shape, plus 10 for a bare exhibit (form EX-*) so that a primary document always beats it.';
COMMENT ON COLUMN edgar.filings.source_sha256 IS 'Identity of the source the row was loaded from: the SHA-256 (hex) of the file''s bytes; for a file whose accession number was taken from its path (file or folder name), the SHA-256 of that file SHA-256, a newline and the accession number; for a filing folder (several files of one filing), the SHA-256 of its files'' sorted SHA-256s, one per line (then salted the same way when the accession came from the folder name).';

-- +goose Down
COMMENT ON COLUMN edgar.filings.source_sha256 IS 'SHA-256 (hex) of the source file the row was loaded from.';
DROP FUNCTION edgar.source_rank(text, text);
