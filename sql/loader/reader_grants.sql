-- Grant edgar_reader read access to the edgar schema (the role part of migration 00003, re-run once a DBA created the role).
GRANT USAGE ON SCHEMA edgar TO edgar_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA edgar TO edgar_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA edgar GRANT SELECT ON TABLES TO edgar_reader;
