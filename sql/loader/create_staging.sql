-- Per-batch staging tables: COPY targets merged into edgar.* in the same
-- transaction. LIKE ... INCLUDING DEFAULTS (not ALL: no unique indexes)
-- INCLUDING COMPRESSION: a text is TOAST-compressed once, when COPYed here,
-- with the column's method (lz4), and moved as is into edgar.* (PostgreSQL
-- does not recompress a compressed value it copies).
CREATE TEMP TABLE stage_filings (LIKE edgar.filings INCLUDING DEFAULTS INCLUDING COMPRESSION) ON COMMIT DROP;
ALTER TABLE stage_filings ALTER COLUMN filing_id DROP NOT NULL,
    ADD COLUMN accepted_local timestamp;  -- EDGAR's US Eastern wall clock
CREATE TEMP TABLE stage_filing_registrants (LIKE edgar.filing_registrants INCLUDING DEFAULTS INCLUDING COMPRESSION) ON COMMIT DROP;
CREATE TEMP TABLE stage_items (LIKE edgar.items INCLUDING DEFAULTS INCLUDING COMPRESSION) ON COMMIT DROP;
CREATE TEMP TABLE stage_exhibits (LIKE edgar.exhibits INCLUDING DEFAULTS INCLUDING COMPRESSION) ON COMMIT DROP;
CREATE TEMP TABLE stage_signers (LIKE edgar.signers INCLUDING DEFAULTS INCLUDING COMPRESSION) ON COMMIT DROP;
CREATE TEMP TABLE stage_documents (LIKE edgar.documents INCLUDING DEFAULTS INCLUDING COMPRESSION) ON COMMIT DROP;
CREATE TEMP TABLE stage_securities (LIKE edgar.securities INCLUDING DEFAULTS INCLUDING COMPRESSION) ON COMMIT DROP;
-- The generated text_search columns (migration 12) are the tables' last
-- columns: the staging copies drop them, so that INSERT ... SELECT * fills
-- every other column and PostgreSQL computes them.
ALTER TABLE stage_items DROP COLUMN text_search;
ALTER TABLE stage_exhibits DROP COLUMN text_search;
ALTER TABLE stage_documents DROP COLUMN text_search;
