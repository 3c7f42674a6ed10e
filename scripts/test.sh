#!/usr/bin/env bash
# Runs every SkillScope test. Installs what the tests need when it is missing (Debian packages,
# as root), starts a throwaway PostgreSQL 15 cluster for the store tests on the second engine,
# then runs the whole suite in Release. Exits non-zero when any test fails or PostgreSQL cannot be
# started; the last line is the count over both passes: "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Debian packages the tests use: chromium (the dashboard's browser tests drive /usr/bin/chromium) and
# poppler-utils (pdftotext, for PDF resumes), plus any listed in SKILLSCOPE_TEST_PACKAGES.
# "installed" means fully configured, not just unpacked.
for pkg in chromium poppler-utils ${SKILLSCOPE_TEST_PACKAGES:-}; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" </dev/null
  else
    echo "tests need Debian packages: ${need_apt[*]} (run as root or install them with apt-get)" >&2
    exit 1
  fi
fi

# PostgreSQL: the store tests run on both engines. SKILLSCOPE_TEST_POSTGRES names a server where tests may
# create and drop databases; when it is not set, a throwaway cluster of this run's own is started (installed
# first if missing) and always stopped at exit. Failing to start it fails the run: the suite is incomplete without it.
log=$(mktemp "${TMPDIR:-/tmp}/skillscope-test.XXXXXX")
cleanup() {
  rm -f "$log"
  if [ -n "${own_cluster:-}" ]; then
    SKILLSCOPE_PG_HOME=$own_cluster bash scripts/pg-cluster.sh stop || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [ -z "${SKILLSCOPE_TEST_POSTGRES:-}" ]; then
  own_cluster="${TMPDIR:-/tmp}/skillscope-pg-test.$$"
  if ! SKILLSCOPE_TEST_POSTGRES=$(SKILLSCOPE_PG_HOME=$own_cluster SKILLSCOPE_PG_OWNER=$$ bash scripts/pg-cluster.sh start); then
    echo "test.sh: could not install or start PostgreSQL 15 (scripts/pg-cluster.sh start failed); the store tests need it" >&2
    exit 1
  fi
  export SKILLSCOPE_TEST_POSTGRES
  echo "test.sh: PostgreSQL 15 for the store tests at $SKILLSCOPE_TEST_POSTGRES"
else
  echo "test.sh: PostgreSQL for the store tests at $SKILLSCOPE_TEST_POSTGRES (SKILLSCOPE_TEST_POSTGRES)"
fi

set +e
dotnet test SkillScope.slnx -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Second pass: the store-facing tests again, every test database a fresh PostgreSQL database
# (SKILLSCOPE_TEST_ENGINE=postgresql, see tests/SkillScope.Tests/Support/TestEngine.cs). Tests that read SQLite files
# directly carry [Trait("Engine", "sqlite")] and are left out. Arguments given to this script apply to both passes.
if [ -f tests/SkillScope.Tests/Support/TestEngine.cs ]; then
  # This script's arguments, with $SKILLSCOPE_TEST_PG_FILTER (default "Engine!=sqlite") added to (or as) the --filter,
  # and --no-build (the first pass built).
  second=()
  filtered=0
  args=("$@")
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = "--filter" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
      second+=(--filter "(${args[$((i + 1))]})&(${SKILLSCOPE_TEST_PG_FILTER:-Engine!=sqlite})")
      filtered=1
      i=$((i + 1))
    elif [ "${args[$i]}" != "--no-build" ]; then
      second+=("${args[$i]}")
    fi
  done
  [ "$filtered" -eq 1 ] || second+=(--filter "${SKILLSCOPE_TEST_PG_FILTER:-Engine!=sqlite}")
  second+=(--no-build)
  echo "test.sh: second pass, store tests on PostgreSQL: dotnet test tests/SkillScope.Tests ${second[*]}"
  set +e
  SKILLSCOPE_TEST_ENGINE=postgresql dotnet test tests/SkillScope.Tests -c Release --nologo "${second[@]}" 2>&1 | tee -a "$log"
  pg_status=${PIPESTATUS[0]}
  set -e
  [ "$pg_status" -eq 0 ] || status=$pg_status
fi

# The Citus plan (src/SkillScope/Store/Postgres/citus.sql) places every table of the current schema: checked on a
# store SkillScope makes on this PostgreSQL, in a transaction rolled back; and without the citus extension (it is not
# installable here) the apply path changes nothing and says so in one line.
citus_db="skillscope_citus_check_$$"
server=${SKILLSCOPE_TEST_POSTGRES%/*}
cli=src/SkillScope.Cli/bin/Release/net10.0/SkillScope.Cli.dll
if [ -f "$cli" ] && psql "$SKILLSCOPE_TEST_POSTGRES" -Xq -c "CREATE DATABASE $citus_db" </dev/null; then
  if dotnet "$cli" ingest tests/SkillScope.Tests/Fixtures/ingest/usajobs-api-sample.jsonl \
       --mapping tests/SkillScope.Tests/Fixtures/ingest/usajobs-api-mapping.json --db "$server/$citus_db" >"$log.citus" 2>&1; then
    if [ "$(bash scripts/citus.sh "$server/$citus_db")" = "citus extension not available: skipped" ] \
       && bash scripts/citus.sh --check "$server/$citus_db" >"$log.citus" 2>&1; then
      echo "test.sh: Citus plan: every table placed (scripts/citus.sh --check), apply path skipped without the extension"
    else
      cat "$log.citus" >&2
      echo "test.sh: the Citus plan check failed: a table without a place in src/SkillScope/Store/Postgres/citus.sql, or DDL PostgreSQL rejects" >&2
      status=1
    fi
  elif grep -q "does not exist; create it" "$log.citus"; then
    echo "test.sh: Citus plan check skipped: this build cannot open postgresql:// stores"
  else
    cat "$log.citus" >&2
    echo "test.sh: could not make a store on PostgreSQL for the Citus plan check" >&2
    status=1
  fi
  psql "$SKILLSCOPE_TEST_POSTGRES" -Xq -c "DROP DATABASE IF EXISTS $citus_db" </dev/null || true
  rm -f "$log.citus"
else
  echo "test.sh: Citus plan check not run (no $cli, or no database could be created at $SKILLSCOPE_TEST_POSTGRES)" >&2
  status=1
fi

# One count for the whole suite, summed over the test assemblies' summary lines
# ("Passed!  - Failed:     0, Passed:   812, Skipped:     3, Total:   815, ...").
sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\), *Skipped: *\([0-9]*\),.*/\2 \3 \4/p' "$log" \
  | awk -v status="$status" '{ f += $1; p += $2; s += $3; n++ }
      END {
        if (n == 0) { print "test.sh: no test summary found in the output of dotnet test (exit code " status ")"; exit }
        printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s
      }'
exit "$status"
