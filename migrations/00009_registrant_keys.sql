-- Load speed (issue 11).
--
-- edgar.registrant_keys: one row per distinct (registrant, identifier kind,
-- normalized identifier) the registrant was ever filed under, kept by the
-- loader as it writes filing_registrants. Matching a batch's parties reads
-- it instead of every registrant's whole filing history, so the cost of a
-- batch does not grow with the history loaded before it. The expression
-- indexes on filing_registrants that the old lookup needed go (each cost
-- three normalize_* evaluations per inserted party).
--
-- edgar.load_files remembers the size and modification time of each plain
-- file, so that a reload recognises an unchanged file without hashing it.
--
-- The large text columns are TOAST-compressed with lz4 instead of pglz
-- (PostgreSQL 14 or later built with lz4; skipped with a NOTICE otherwise).

-- +goose Up
CREATE TABLE edgar.registrant_keys (
    registrant_id bigint NOT NULL REFERENCES edgar.registrants ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('irs', 'file', 'name')),
    key           text NOT NULL CHECK (key <> ''),
    PRIMARY KEY (kind, key, registrant_id)
);
CREATE INDEX registrant_keys_registrant_idx ON edgar.registrant_keys (registrant_id);
COMMENT ON TABLE edgar.registrant_keys IS 'Every distinct identifier a registrant was filed under (from its filing_registrants rows, normalized by edgar.normalize_*): what the loader matches parties against. Kept by the loader; rebuilt for a registrant whose filings are replaced.';
COMMENT ON COLUMN edgar.registrant_keys.registrant_id IS 'The registrant (edgar.registrants).';
COMMENT ON COLUMN edgar.registrant_keys.kind IS 'irs (edgar.normalize_irs_number), file (edgar.normalize_file_number) or name (edgar.normalize_name).';
COMMENT ON COLUMN edgar.registrant_keys.key IS 'The normalized identifier.';

INSERT INTO edgar.registrant_keys (registrant_id, kind, key)
SELECT DISTINCT fr.registrant_id, k.kind, k.key
FROM edgar.filing_registrants fr
CROSS JOIN LATERAL (VALUES ('irs', edgar.normalize_irs_number(fr.irs_number)),
                           ('file', edgar.normalize_file_number(fr.file_number)),
                           ('name', edgar.normalize_name(fr.name))) AS k(kind, key)
WHERE k.key IS NOT NULL;

DROP INDEX edgar.filing_registrants_irs_idx;
DROP INDEX edgar.filing_registrants_file_number_idx;
DROP INDEX edgar.filing_registrants_name_idx;

ALTER TABLE edgar.load_files
    ADD COLUMN source_bytes bigint CHECK (source_bytes >= 0),
    ADD COLUMN source_mtime timestamptz;
-- md5: a path may be longer than a btree entry may be; file_id: the
-- latest record of a path is the first entry of its range.
CREATE INDEX load_files_source_path_idx ON edgar.load_files (md5(source_path), file_id);
COMMENT ON COLUMN edgar.load_files.source_bytes IS 'Size of a plain input file in bytes (NULL for archive members, standard input and filing folders).';
COMMENT ON COLUMN edgar.load_files.source_mtime IS 'Modification time of a plain input file (microseconds): a later run takes a file with the same path, size and time as unchanged without hashing it, unless --rehash.';

-- +goose StatementBegin
DO $$
BEGIN
    IF current_setting('server_version_num')::int < 140000 THEN
        RAISE NOTICE 'PostgreSQL % has no per-column compression: the text columns keep pglz', current_setting('server_version');
        RETURN;
    END IF;
    -- EXECUTE: a server built without lz4 fails here, at run time, and
    -- the handler below turns that into a NOTICE.
    EXECUTE 'ALTER TABLE edgar.items ALTER COLUMN text SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE edgar.exhibits ALTER COLUMN text SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE edgar.load_rejects ALTER COLUMN error SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 TOAST compression is not available on this server (%): the text columns keep pglz', SQLERRM;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
        EXECUTE 'ALTER TABLE edgar.items ALTER COLUMN text SET COMPRESSION default';
        EXECUTE 'ALTER TABLE edgar.exhibits ALTER COLUMN text SET COMPRESSION default';
        EXECUTE 'ALTER TABLE edgar.load_rejects ALTER COLUMN error SET COMPRESSION default';
    END IF;
END
$$;
-- +goose StatementEnd
DROP INDEX edgar.load_files_source_path_idx;
ALTER TABLE edgar.load_files DROP COLUMN source_mtime, DROP COLUMN source_bytes;
CREATE INDEX filing_registrants_irs_idx ON edgar.filing_registrants (edgar.normalize_irs_number(irs_number));
CREATE INDEX filing_registrants_file_number_idx ON edgar.filing_registrants (edgar.normalize_file_number(file_number));
CREATE INDEX filing_registrants_name_idx ON edgar.filing_registrants (edgar.normalize_name(name));
DROP TABLE edgar.registrant_keys;
