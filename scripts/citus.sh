#!/usr/bin/env bash
# Spreads a SkillScope PostgreSQL store over a Citus cluster (docs/architecture.md, "Past one server: Citus").
#
#   bash scripts/citus.sh postgresql://user@coordinator:5432/skillscope           # apply, when citus is available
#   bash scripts/citus.sh --check postgresql://postgres@127.0.0.1:PORT/db         # plain-PostgreSQL part, rolled back
#
# Applies src/SkillScope/Store/Postgres/citus.sql with psql only when the server offers the extension
# (SELECT 1 FROM pg_available_extensions WHERE name = 'citus'); otherwise prints one line,
# "citus extension not available: skipped", and exits 0, changing nothing. The database must have been opened by
# SkillScope once (so its migrations made the tables). --check runs the constraint changes, the new tables and the
# plan's completeness check in a transaction that is rolled back, on any PostgreSQL, to test the DDL without Citus.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi
url=${1:-}
if [ -z "$url" ] || [ $# -ne 1 ]; then
  echo "usage: bash scripts/citus.sh [--check] postgresql://user@host:port/database" >&2
  exit 2
fi

ddl=src/SkillScope/Store/Postgres/citus.sql
if [ "$check" -eq 1 ]; then
  psql "$url" -X -q -v citus=0 -v commit=0 -f "$ddl" </dev/null
  echo "citus.sql checked against $(psql "$url" -X -A -t -c 'SHOW server_version' </dev/null | head -n 1) without Citus: every table placed, changes rolled back"
  exit 0
fi

available=$(psql "$url" -X -A -t -c "SELECT 1 FROM pg_available_extensions WHERE name = 'citus'" </dev/null)
if [ "$available" != "1" ]; then
  echo "citus extension not available: skipped"
  exit 0
fi
psql "$url" -X -v citus=1 -v commit=1 -f "$ddl" </dev/null
