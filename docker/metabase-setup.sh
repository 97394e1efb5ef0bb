#!/bin/sh
# One-shot setup of a fresh Metabase (the bi profile of docker-compose.yml):
# creates the admin user and adds the edgarload database through the
# read-only login edgar_bi, showing the edgar schema only. Does nothing
# when Metabase is already set up.
set -eu
mb="${MB_URL:-http://metabase:3000}"
props=$(curl -fsS "$mb/api/session/properties")
case "$props" in
  *'"has-user-setup":true'*) echo "metabase-setup: Metabase is already set up"; exit 0 ;;
esac
token=$(printf '%s' "$props" | sed -n 's/.*"setup-token":"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "metabase-setup: no setup token in $mb/api/session/properties" >&2; exit 1
fi
curl -fsS -X POST "$mb/api/setup" -H 'Content-Type: application/json' -d @- <<JSON
{"token": "$token",
 "user": {"email": "$MB_ADMIN_EMAIL", "password": "$MB_ADMIN_PASSWORD", "first_name": "edgarload", "last_name": "admin", "site_name": "edgarload"},
 "prefs": {"site_name": "edgarload", "allow_tracking": false},
 "database": {"engine": "postgres", "name": "EDGAR filings (read-only)",
   "details": {"host": "db", "port": 5432, "dbname": "edgarload", "user": "edgar_bi", "password": "$EDGARLOAD_BI_PASSWORD",
               "schema-filters-type": "inclusion", "schema-filters-patterns": "edgar", "ssl": false}}}
JSON
echo
echo "metabase-setup: done; log in at http://localhost:${METABASE_PORT:-3000} as $MB_ADMIN_EMAIL"
