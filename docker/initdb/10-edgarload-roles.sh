#!/bin/sh
# Runs once, when the db service initializes its data volume: the logins of
# docker-compose.yml. edgar_loader owns the database (it creates the edgar
# schema and runs the migrations) but is not a superuser; edgar_reader is
# the read-only group role the migrations grant SELECT and REFERENCES to;
# edgar_bi is the read-only login of Metabase, Superset and notebooks.
# Passwords come from the environment (development defaults in
# docker-compose.yml; set them in .env for anything else).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v loader_password="$EDGARLOAD_LOADER_PASSWORD" -v bi_password="$EDGARLOAD_BI_PASSWORD" <<'SQL'
CREATE ROLE edgar_loader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'loader_password';
CREATE ROLE edgar_reader NOLOGIN;
CREATE ROLE edgar_bi LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE IN ROLE edgar_reader PASSWORD :'bi_password';
ALTER DATABASE :"DBNAME" OWNER TO edgar_loader;
SQL
