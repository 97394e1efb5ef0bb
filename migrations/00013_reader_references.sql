-- BI access: edgar_reader gets REFERENCES as well as SELECT on every table
-- (now and, through default privileges, later), so that information_schema
-- (table_constraints, referential_constraints), which shows a constraint
-- only to roles with a privilege other than SELECT on its table, shows the
-- foreign keys to BI tools. REFERENCES lets a role declare a foreign key to
-- these tables from a table of its own; edgar_reader owns no schema and has
-- no CREATE privilege on this one, so it can create no such table here.

-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'edgar_reader') THEN
        GRANT USAGE ON SCHEMA edgar TO edgar_reader;
        GRANT SELECT, REFERENCES ON ALL TABLES IN SCHEMA edgar TO edgar_reader;
        ALTER DEFAULT PRIVILEGES IN SCHEMA edgar GRANT SELECT, REFERENCES ON TABLES TO edgar_reader;
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'edgar_reader') THEN
        ALTER DEFAULT PRIVILEGES IN SCHEMA edgar REVOKE REFERENCES ON TABLES FROM edgar_reader;
        REVOKE REFERENCES ON ALL TABLES IN SCHEMA edgar FROM edgar_reader;
    END IF;
END
$$;
-- +goose StatementEnd
