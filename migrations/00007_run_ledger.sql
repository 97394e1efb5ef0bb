-- Reliability ledger: a run records which process runs it and beats a
-- heartbeat, so that a later run can tell a crashed run (abandoned) from a
-- live one; a graceful stop is "interrupted". Every input's outcome is kept
-- in edgar.load_files; rejects remember the parser version that refused
-- them, so a rerun skips the same bytes. The batch lock is taken through a
-- SECURITY DEFINER function that only the schema owner (the loader) may
-- execute.

-- +goose Up
ALTER TABLE edgar.load_runs
    ADD COLUMN pid int,
    ADD COLUMN host text,
    ADD COLUMN heartbeat_at timestamptz;
ALTER TABLE edgar.load_runs DROP CONSTRAINT load_runs_status_check;
ALTER TABLE edgar.load_runs ADD CONSTRAINT load_runs_status_check
    CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted', 'abandoned'));
COMMENT ON COLUMN edgar.load_runs.status IS 'running; succeeded; failed (an error stopped it, see error); interrupted (stopped by SIGINT/SIGTERM: the counters cover the committed batches); abandoned (found running with a stale heartbeat or a dead process by a later run).';
COMMENT ON COLUMN edgar.load_runs.pid IS 'Process id of the loader running the run.';
COMMENT ON COLUMN edgar.load_runs.host IS 'Host name of the machine running the loader.';
COMMENT ON COLUMN edgar.load_runs.heartbeat_at IS 'Last sign of life of the running loader (beats about every 10 s, and at every batch commit).';
COMMENT ON COLUMN edgar.load_runs.files_seen IS 'Input files (archive members included) read; kept current at every batch commit.';

ALTER TABLE edgar.load_rejects ADD COLUMN parser_version text;
CREATE INDEX load_rejects_sha_version_idx ON edgar.load_rejects (source_sha256, parser_version);
COMMENT ON COLUMN edgar.load_rejects.parser_version IS 'Parser version that refused the input (NULL when unknown, e.g. before migration 7): a later run of the same version skips the same bytes unless --retry-rejects.';

CREATE TABLE edgar.load_files (
    file_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         bigint NOT NULL REFERENCES edgar.load_runs ON DELETE CASCADE,
    source_path    text NOT NULL,
    source_sha256  text CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
    outcome        text NOT NULL CHECK (outcome IN ('loaded', 'unchanged', 'superseded', 'rejected', 'skipped')),
    detail         text,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX load_files_run_idx ON edgar.load_files (run_id);
CREATE INDEX load_files_source_sha256_idx ON edgar.load_files (source_sha256);
COMMENT ON TABLE edgar.load_files IS 'What each run made of each input file: one row per file and run, written with the batch that decided it.';
COMMENT ON COLUMN edgar.load_files.file_id IS 'Surrogate key.';
COMMENT ON COLUMN edgar.load_files.run_id IS 'The run (edgar.load_runs).';
COMMENT ON COLUMN edgar.load_files.source_path IS 'Path of the input (archive members as archive!member).';
COMMENT ON COLUMN edgar.load_files.source_sha256 IS 'Source identity of the input (SHA-256, see edgar.filings.source_sha256; NULL when unreadable).';
COMMENT ON COLUMN edgar.load_files.outcome IS 'loaded (written), unchanged (already stored from the same source and parser version), superseded (another source of the same filing won), rejected (see edgar.load_rejects), skipped (rejected before with the same bytes and parser version).';
COMMENT ON COLUMN edgar.load_files.detail IS 'Why, e.g. "superseded by <accession> <source path>", or the reject error.';
COMMENT ON COLUMN edgar.load_files.recorded_at IS 'When the outcome was recorded.';

-- +goose StatementBegin
CREATE FUNCTION edgar.lock_batch() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_advisory_xact_lock(hashtext('edgarload.batch')) $$;
-- +goose StatementEnd
COMMENT ON FUNCTION edgar.lock_batch() IS 'Take the loader''s transaction-level batch lock (serializes the batches of concurrent loaders). EXECUTE is revoked from PUBLIC and edgar_reader: a reader cannot stall the loaders.';
REVOKE EXECUTE ON FUNCTION edgar.lock_batch() FROM PUBLIC;
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'edgar_reader') THEN
        REVOKE EXECUTE ON FUNCTION edgar.lock_batch() FROM edgar_reader;
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION edgar.lock_batch();
DROP TABLE edgar.load_files;
DROP INDEX edgar.load_rejects_sha_version_idx;
ALTER TABLE edgar.load_rejects DROP COLUMN parser_version;
UPDATE edgar.load_runs SET status = 'failed', error = coalesce(error, status) WHERE status IN ('interrupted', 'abandoned');
ALTER TABLE edgar.load_runs DROP CONSTRAINT load_runs_status_check;
ALTER TABLE edgar.load_runs ADD CONSTRAINT load_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed'));
COMMENT ON COLUMN edgar.load_runs.status IS 'running, succeeded or failed.';
COMMENT ON COLUMN edgar.load_runs.files_seen IS 'Input files (archive members included) read.';
ALTER TABLE edgar.load_runs DROP COLUMN heartbeat_at, DROP COLUMN host, DROP COLUMN pid;
