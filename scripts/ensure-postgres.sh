#!/usr/bin/env bash
# ensure-postgres.sh — make sure a PostgreSQL server is reachable and print
# the base URL to use (without a database name), e.g.
#   postgres://postgres@127.0.0.1:5432
# Order of preference:
#   1. $EDGARLOAD_PG_BASE_URL if set (you manage the server);
#   2. the server on 127.0.0.1:5432 (started with pg_ctlcluster when it is a
#      Debian cluster that is down);
#   3. a throwaway cluster in .pgdemo/ from the system's initdb/pg_ctl on
#      port 54329 (run as the postgres user when we are root);
#   4. `docker compose up -d db` (host port $EDGARLOAD_DB_PORT, default 5433).
# Progress goes to stderr; only the URL goes to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "ensure-postgres: $*" >&2; }
ready() { pg_isready -q -h "$1" -p "$2" >/dev/null 2>&1 || (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

if [ -n "${EDGARLOAD_PG_BASE_URL:-}" ]; then
  echo "$EDGARLOAD_PG_BASE_URL"; exit 0
fi

if ready 127.0.0.1 5432; then
  echo "postgres://postgres@127.0.0.1:5432"; exit 0
fi

if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ "$(id -u)" = 0 ]; then
  ver=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL cluster $ver/main"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start >&2 || true
  for _ in $(seq 1 30); do ready 127.0.0.1 5432 && break; sleep 1; done
  if ready 127.0.0.1 5432; then echo "postgres://postgres@127.0.0.1:5432"; exit 0; fi
fi

find_bin() {
  command -v "$1" 2>/dev/null && return 0
  ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}
initdb=$(find_bin initdb || true)
pgctl=$(find_bin pg_ctl || true)
if [ -n "$initdb" ] && [ -n "$pgctl" ]; then
  dir="$PWD/.pgdemo"
  as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "creating a throwaway cluster in $dir/data"
    "${as[@]}" "$initdb" -D "$dir/data" -U postgres --auth=trust >&2
  fi
  if ! ready 127.0.0.1 54329; then
    log "starting the throwaway cluster on port 54329"
    "${as[@]}" "$pgctl" -D "$dir/data" -l "$dir/server.log" -o "-p 54329 -k $dir -c listen_addresses=127.0.0.1" -w start >&2
  fi
  echo "postgres://postgres@127.0.0.1:54329"; exit 0
fi

if command -v docker >/dev/null 2>&1; then
  log "starting PostgreSQL with docker compose"
  port="${EDGARLOAD_DB_PORT:-5433}" # docker-compose.yml's host port
  docker compose up -d db >&2
  for _ in $(seq 1 60); do ready 127.0.0.1 "$port" && break; sleep 1; done
  if ready 127.0.0.1 "$port"; then echo "postgres://postgres:${POSTGRES_PASSWORD:-postgres}@127.0.0.1:$port"; exit 0; fi
fi

log "no PostgreSQL found: set EDGARLOAD_PG_BASE_URL, install PostgreSQL, or install Docker"
exit 1
