#!/usr/bin/env bash
# SkillScope's speed, as ratios to the floor, measured side by side in one run (hyperfine, process start
# included), then the in-process BenchmarkDotNet suite. Figures go to docs/benchmarks.md.
#
#   bash scripts/bench.sh                 # ratios (SQLite, then PostgreSQL), then every BenchmarkDotNet benchmark
#   bash scripts/bench.sh --quick         # ratios only
#   bash scripts/bench.sh --scale         # the scale run only: 1,000,000 postings with real text into each engine
#   bash scripts/bench.sh --scale --count 100000 --engines sqlite    # a smaller or one-engine scale run
#   --no-build uses the CLI published by an earlier run (artifacts/bench-cli); --runs N sets every hyperfine
#   run count (defaults: 10 for ingests, 20 for the market report, 5 for the scale reports)
#
# Ratios: `skillscope ingest` of the 74,301-row survey vs `sqlite3 .import` of the same file into a new database
# (target <= 3x); `report market` vs the same figures as GROUP BY queries in the sqlite3 shell
# (benchmarks/sql/market-report.sqlite.sql, <= 2x); on PostgreSQL, `skillscope ingest --db postgresql://...` vs
# `psql \copy` of the file into a table of its own columns (benchmarks/sql/survey-table.pg.sql, <= 3x).
#
# Scale: `generate-postings` (benchmarks/SkillScope.Benchmarks/ScalePostings.cs) writes N postings cycled from the
# real full-text postings in ../shared/data (or $SKILLSCOPE_SHARED_DATA) to $SKILLSCOPE_BENCH_DIR (default
# ${TMPDIR:-/tmp}/skillscope-bench; kept and reused, never in the repository). Each engine then gets one timed
# ingest (peak RSS by /usr/bin/time -v, RSS sampled every 10 s), then the market, skills and salaries reports (the
# salaries both of the default kind, salary reports, which the scale file has none of, and of postings) and top-10
# `match` (hyperfine; the first match, which builds the full-text index, timed apart).
#
# PostgreSQL: $SKILLSCOPE_BENCH_POSTGRES (a server where databases may be created and dropped), else a throwaway
# cluster started by scripts/pg-cluster.sh with PostgreSQL's durable defaults and stopped at exit. When this build of
# SkillScope cannot open a postgresql:// store, the PostgreSQL parts are skipped with a message.
# Installs hyperfine, sqlite3 and time with apt-get when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=all
build=1
runs=""
count=1000000
engines=sqlite,postgres
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --scale) mode=scale ;;
    --count) count=$2; shift ;;
    --engines) engines=$2; shift ;;
    --no-build) build=0 ;;
    --runs) runs=$2; shift ;;
    *) break ;;
  esac
  shift
done

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "bench.sh needs: ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1; }
  apt-get update -qq </dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null
fi

# SkillScope as it is installed (README, "Using the CLI"): published for this machine with ReadyToRun code, so
# a command does not spend its first ~0.1-0.3 s of CPU compiling the code it runs. The build output
# (bin/Release/...) runs the same code after JIT; its start-up cost is what ReadyToRun removes.
case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
published=artifacts/bench-cli
if [ "$build" -eq 1 ]; then
  rm -rf "$published"
  dotnet publish src/SkillScope.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$published" --nologo -v q >/dev/null
fi
[ -f "$published/SkillScope.Cli.dll" ] || { echo "bench.sh: no published CLI in $published: run without --no-build first" >&2; exit 1; }
cli="dotnet $published/SkillScope.Cli.dll"
survey=data/samples/aijobs_salaries_2025-01-19.csv
resume=tests/SkillScope.Tests/Fixtures/resumes/strong-ml-engineer.md
work=$(mktemp -d "${TMPDIR:-/tmp}/skillscope-bench-run.XXXXXX")
results=$work/results.md
pg_home=""
cleanup() {
  [ -n "$pg_home" ] && SKILLSCOPE_PG_HOME=$pg_home bash scripts/pg-cluster.sh stop || true
  # Keep the results (and hyperfine's exports), not the scratch databases.
  find "$work" -mindepth 1 ! -name '*.md' ! -name '*.json' -delete 2>/dev/null || true
  echo "bench.sh: results in $results" >&2
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

note() { echo "$*" | tee -a "$results"; }

machine() {
  note "## Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  note ""
  note "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; memory $(free -g | awk '/^Mem:/ {print $2}') GiB"
  note "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"); .NET $(dotnet --version); $(sqlite3 --version | cut -d' ' -f1,2 | sed 's/^/sqlite3 /'); $(hyperfine --version)"
  note "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  note "- SkillScope: \`dotnet publish src/SkillScope.Cli -c Release -r $rid --self-contained false -p:PublishReadyToRun=true\` of commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with local changes)')"
  note ""
}

# Ratio of the first command's mean to the second's, from a hyperfine JSON export.
ratio() {
  grep -o '"mean": *[0-9.e+-]*' "$1" | head -2 | awk -F: '{ m[NR] = $2 } END { printf "%.2f", m[1] / m[2] }'
}

# hyperfine, its markdown table appended to the results.
timed() {
  local name=$1; shift
  note "### $name (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  note ""
  hyperfine --style basic --export-markdown "$work/$name.md" --export-json "$work/$name.json" "$@"
  cat "$work/$name.md" >>"$results"
  note ""
  note "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  note ""
}

# The same, and the ratio of the first command's mean to the second's.
side_by_side() {
  local name=$1 target=$2; shift 2
  timed "$name" "$@"
  note "ratio: **$(ratio "$work/$name.json")x** (target <= $target)"
  note ""
}

# The server for the PostgreSQL parts: postgresql://user@host:port (no database), or empty when unavailable.
pg_server=""
start_postgres() {
  [[ ",$engines," == *",postgres,"* ]] || return 0
  local url
  if [ -n "${SKILLSCOPE_BENCH_POSTGRES:-}" ]; then
    url=$SKILLSCOPE_BENCH_POSTGRES
  else
    pg_home="${TMPDIR:-/tmp}/skillscope-pg-bench.$$"
    url=$(SKILLSCOPE_PG_HOME=$pg_home SKILLSCOPE_PG_OWNER=$$ SKILLSCOPE_PG_DURABLE=1 bash scripts/pg-cluster.sh start)
  fi
  pg_server=${url%/*}
  psql "$pg_server/postgres" -Xq -c 'DROP DATABASE IF EXISTS bench_probe' -c 'CREATE DATABASE bench_probe'
  if ! $cli report market --db "$pg_server/bench_probe" --format json >/dev/null 2>"$work/probe.err"; then
    note "PostgreSQL: this build cannot open a postgresql:// store ($(head -c 200 "$work/probe.err" | tr '\n' ' ')): PostgreSQL parts skipped"
    pg_server=""
  fi
  [ -n "$pg_server" ] && note "PostgreSQL: $(psql "$pg_server/postgres" -XAtc 'SHOW server_version') at ${pg_server}; fsync $(psql "$pg_server/postgres" -XAtc 'SHOW fsync'), shared_buffers $(psql "$pg_server/postgres" -XAtc 'SHOW shared_buffers')"
  note ""
}

recreate() { psql "$pg_server/postgres" -Xq -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }

ratios() {
  note "## Ratios to the floor (survey: $(($(wc -l <"$survey") - 1)) rows, $(du -h "$survey" | cut -f1))"
  note ""
  side_by_side "ingest-vs-sqlite3-import" 3 --warmup 1 --runs "${runs:-10}" \
    --prepare "rm -f $work/ingest.db $work/ingest.db-wal $work/ingest.db-shm" \
    --prepare "rm -f $work/import.db" \
    --command-name "skillscope ingest (new database)" "$cli ingest $survey --db $work/ingest.db" \
    --command-name "sqlite3 .import (new database)" "sqlite3 $work/import.db '.import --csv $survey survey'"

  $cli ingest "$survey" --db "$work/report.db" >/dev/null 2>&1
  side_by_side "market-vs-sqlite3-group-by" 2 --warmup 2 --runs "${runs:-20}" \
    --command-name "skillscope report market --format json" "$cli report market --db $work/report.db --format json" \
    --command-name "sqlite3 GROUP BY queries" "sqlite3 $work/report.db < benchmarks/sql/market-report.sqlite.sql"

  if [ -n "$pg_server" ]; then
    side_by_side "postgres-ingest-vs-psql-copy" 3 --warmup 1 --runs "${runs:-10}" \
      --prepare "psql $pg_server/postgres -Xq -c 'DROP DATABASE IF EXISTS bench_ingest' -c 'CREATE DATABASE bench_ingest'" \
      --prepare "psql $pg_server/postgres -Xq -c 'DROP DATABASE IF EXISTS bench_copy' -c 'CREATE DATABASE bench_copy' && psql $pg_server/bench_copy -Xq -f benchmarks/sql/survey-table.pg.sql" \
      --command-name "skillscope ingest --db postgresql://... (new database)" "$cli ingest $survey --db $pg_server/bench_ingest" \
      --command-name "psql \\copy (new table)" "psql $pg_server/bench_copy -Xq -c \"\\copy survey FROM '$survey' CSV HEADER\""
  fi
}

# Runs "$@" under /usr/bin/time -v, sampling the ingest process's RSS every 10 s with the rows the run has committed
# (RSS MiB@rows, from its ingests row through the command in $2); notes wall time, peak and samples.
measured_ingest() {
  local label=$1 rows_read=$2; shift 2
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/ingest.out" 2>&1 &
  local timer=$! child="" samples=()
  while kill -0 "$timer" 2>/dev/null; do
    sleep 10
    [ -n "$child" ] || child=$(pgrep -P "$timer" | head -1 || true)
    [ -n "$child" ] && [ -r "/proc/$child/status" ] && samples+=("$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$child/status")@$(eval "$rows_read" 2>/dev/null || true)")
  done
  wait "$timer" || { cat "$work/ingest.out" >&2; echo "bench.sh: $label failed" >&2; return 1; }
  note "### $label"
  note ""
  note "- $(tail -n 1 "$work/ingest.out")"
  note "- wall $(awk -F': ' '/Elapsed/ {print $2}' "$work/time.txt") (h:mm:ss), user $(awk -F': ' '/User time/ {print $2}' "$work/time.txt") s, system $(awk -F': ' '/System time/ {print $2}' "$work/time.txt") s, CPU $(awk -F': ' '/Percent of CPU/ {print $2}' "$work/time.txt")"
  note "- peak RSS $(awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$work/time.txt") MiB; RSS every 10 s (MiB@rows read): ${samples[*]:-none}"
  note "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  note ""
}

scale_reports() {
  local label=$1 db=$2
  local first
  first=$( { /usr/bin/time -f %e $cli match "$resume" --top 10 --db "$db" --format json >/dev/null; } 2>&1 | tail -n 1)
  note "first \`match\` on $label (builds the full-text index over all postings): ${first} s"
  note ""
  timed "scale-$label-reports" --warmup 1 --runs "${runs:-5}" \
    --command-name "report market" "$cli report market --db $db --format json" \
    --command-name "report skills" "$cli report skills --db $db --format json" \
    --command-name "report salaries --by role,seniority" "$cli report salaries --by role,seniority --db $db --format json" \
    --command-name "report salaries --by role,seniority --kind posting" "$cli report salaries --by role,seniority --kind posting --db $db --format json" \
    --command-name "match --top 10" "$cli match $resume --top 10 --db $db --format json" \
    --command-name "skills list (process start, no store)" "$cli skills list --format json"
}

scale() {
  local data=${SKILLSCOPE_BENCH_DIR:-${TMPDIR:-/tmp}/skillscope-bench}
  local postings="$data/postings-$count.jsonl"
  mkdir -p "$data"
  local full="$data/postings-1000000.jsonl"
  if [ ! -s "$postings" ] && [ "$count" -lt 1000000 ] && [ -s "$full" ]; then
    # The generator's posting i depends only on i, so the first N lines of the 1M file are the N-posting file.
    head -n "$count" "$full" >"$postings.tmp" && mv "$postings.tmp" "$postings"
  fi
  if [ ! -s "$postings" ]; then
    dotnet build benchmarks/SkillScope.Benchmarks -c Release --nologo -v q >/dev/null
    dotnet benchmarks/SkillScope.Benchmarks/bin/Release/net10.0/SkillScope.Benchmarks.dll generate-postings --count "$count" --out "$postings.tmp"
    mv "$postings.tmp" "$postings"
  fi
  note "## Scale: $count postings with real text ($(du -h "$postings" | cut -f1) of JSON Lines, $postings)"
  note ""
  if [[ ",$engines," == *",sqlite,"* ]]; then
    rm -f "$data/scale.db" "$data/scale.db-wal" "$data/scale.db-shm"
    measured_ingest "SQLite: skillscope ingest ($count postings)" \
      "sqlite3 -readonly $data/scale.db 'SELECT rows_read FROM ingests ORDER BY id DESC LIMIT 1'" $cli ingest "$postings" --format jsonl --db "$data/scale.db"
    note "database: $(du -h "$data/scale.db" | cut -f1)"
    note ""
    scale_reports sqlite "$data/scale.db"
  fi
  if [ -n "$pg_server" ]; then
    recreate bench_scale
    measured_ingest "PostgreSQL: skillscope ingest ($count postings)" \
      "psql $pg_server/bench_scale -XAtc 'SELECT rows_read FROM ingests ORDER BY id DESC LIMIT 1'" $cli ingest "$postings" --format jsonl --db "$pg_server/bench_scale"
    note "database: $(psql "$pg_server/postgres" -XAtc "SELECT pg_size_pretty(pg_database_size('bench_scale'))")"
    note ""
    scale_reports postgres "$pg_server/bench_scale"
  fi
}

machine
start_postgres
case "$mode" in
  quick) ratios ;;
  scale) scale ;;
  all)
    ratios
    dotnet run -c Release --project benchmarks/SkillScope.Benchmarks -- --filter '*' "$@"
    ;;
esac
cat "$results"
