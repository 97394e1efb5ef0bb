-- Read-only role for BI tools: edgar_reader may read every table and view of
-- the edgar schema. The role is cluster-wide: it is created when missing (and
-- skipped with a notice when the migrating user may not create roles), and
-- never dropped (other databases may use it); Down only revokes its grants.

-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'edgar_reader') THEN
        BEGIN
            CREATE ROLE edgar_reader NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL; -- created concurrently
            WHEN insufficient_privilege THEN
                RAISE NOTICE 'edgar_reader not created: % may not create roles', current_user;
        END;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'edgar_reader') THEN
        GRANT USAGE ON SCHEMA edgar TO edgar_reader;
        GRANT SELECT ON ALL TABLES IN SCHEMA edgar TO edgar_reader;
        ALTER DEFAULT PRIVILEGES IN SCHEMA edgar GRANT SELECT ON TABLES TO edgar_reader;
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'edgar_reader') THEN
        ALTER DEFAULT PRIVILEGES IN SCHEMA edgar REVOKE SELECT ON TABLES FROM edgar_reader;
        REVOKE SELECT ON ALL TABLES IN SCHEMA edgar FROM edgar_reader;
        REVOKE USAGE ON SCHEMA edgar FROM edgar_reader;
    END IF;
END
$$;
-- +goose StatementEnd
