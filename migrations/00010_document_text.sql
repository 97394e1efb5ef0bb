-- The text of every document: the plain text (page furniture removed) of
-- each prose document of a submission, and the SHA-256 of every document,
-- binary ones included (graphics, PDF, ZIP: type, size and SHA-256, no
-- text). `edgarload load --store-text=false` leaves text NULL.

-- +goose Up
ALTER TABLE edgar.documents
    ADD COLUMN text text,
    ADD COLUMN sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN searched_as text CHECK (searched_as IN ('document', 'items', 'exhibit'));
CREATE INDEX documents_sha256_idx ON edgar.documents (sha256);
COMMENT ON COLUMN edgar.documents.text IS 'Plain text of the document (HTML rendered, page furniture removed) for prose documents (HTML or plain text); NULL for binary payloads (GRAPHIC, PDF, ZIP, EXCEL), data documents (XBRL EX-101.*, XML, JSON), and for every document when loaded with --store-text=false or by a parser before 0.4.0.';
COMMENT ON COLUMN edgar.documents.sha256 IS 'SHA-256 (hex) of the document as EDGAR serves it: the decoded bytes of a uuencoded payload, else the body as filed between <TEXT> and </TEXT>. NULL for rows loaded before migration 10 and for documents known only from an index page or a folder.';

COMMENT ON COLUMN edgar.documents.searched_as IS 'Where full-text search finds this document''s text: document (its own text_search), items (the report split into edgar.items rows), exhibit (its edgar.exhibits row); NULL without text. Each text is indexed once.';

-- +goose Down
DROP INDEX edgar.documents_sha256_idx;
ALTER TABLE edgar.documents DROP COLUMN searched_as, DROP COLUMN sha256, DROP COLUMN text;
