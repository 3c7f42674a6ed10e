#!/usr/bin/env bash
# Load test of the web API on loopback with wrk (Debian package wrk): builds a store of at least 250,000
# records, starts `skillscope serve` on 127.0.0.1, and runs each scenario with 50 connections for a bounded
# time, first on a quiet server, then while an ingest runs. Figures go to docs/benchmarks.md.
#
#   bash scripts/load.sh [--seconds 30] [--connections 50] [--threads 2]
#
# Bounded: at most 120 s and 200 connections per scenario, loopback only (the server is started here and
# never listens beyond 127.0.0.1); the scratch database is deleted on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30 connections=50 threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds S] [--connections N] [--threads T]" >&2; exit 2 ;;
  esac
done
[ "$seconds" -ge 1 ] && [ "$seconds" -le 120 ] || { echo "--seconds must be 1-120" >&2; exit 2; }
[ "$connections" -ge 1 ] && [ "$connections" -le 200 ] || { echo "--connections must be 1-200" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }

dotnet build src/SkillScope.Cli -c Release --nologo -v q >/dev/null
cli="dotnet src/SkillScope.Cli/bin/Release/net10.0/SkillScope.Cli.dll"
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
db="$work/load.db"

# The bundled samples, the shared data's posting files when present (real descriptions for search), then
# copies of the survey (each copy is a distinct file, so its rows are stored again) up to 250,000 records.
survey=data/samples/aijobs_salaries_2025-01-19.csv
$cli ingest data/samples/*.csv --db "$db" >/dev/null
shared=${SKILLSCOPE_SHARED_DATA:-../shared/data}
for f in "$shared"/glassdoor_ds_2020_kenjee/glassdoor_jobs.csv "$shared"/linkedin_indeed_ca_2018/*.csv "$shared"/remotewlb_remote_jobs_2024_2025/*.csv; do
  [ -f "$f" ] && $cli ingest "$f" --db "$db" >/dev/null 2>&1 || true
done
count() { sqlite3 "$db" "SELECT COUNT(*) FROM records" 2>/dev/null || $cli report market --db "$db" --format json | grep -o '"total": *[0-9]*' | grep -o '[0-9]*$'; }
copy=0
while [ "$(count)" -lt 250000 ]; do
  copy=$((copy + 1))
  { cat "$survey"; printf '\n'; for _ in $(seq "$copy"); do printf '\n'; done; } > "$work/survey-copy-$copy.csv"
  $cli ingest "$work/survey-copy-$copy.csv" --db "$db" >/dev/null
done
records=$(count)

port=$((20000 + RANDOM % 20000))
url="http://127.0.0.1:$port"
$cli serve --db "$db" --urls "$url" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 120); do curl -fs "$url/api/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$url/api/postings?q=data" >/dev/null   # builds the search index before timing
# The server starts reading its market snapshot when it starts; wait for it (timed, reported) so the scenarios
# measure a running server, not its start.
started=$(date +%s%N)
curl -fs "$url/api/market?role=ml_engineer" >/dev/null
echo "# market snapshot ready $(( ($(date +%s%N) - started) / 1000000 )) ms after the search warm-up"

echo "# $records records, $connections connections, $seconds s per scenario, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # name, script
  echo "## $1"
  wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency --timeout 30s -s "scripts/load/$2" "$url" \
    | grep -E 'Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors|requests in'
}
run "postings search" search.lua
run "market report, a new filter each request (uncached)" market.lua

# The same while an ingest writes: a fresh copy of the survey (74,301 rows) loaded in a loop.
ingesting() {
  local i=0
  while :; do
    i=$((i + 1))
    { cat "$survey"; for _ in $(seq $((copy + i + 1))); do printf '\n'; done; } > "$work/during-$i.csv"
    $cli ingest "$work/during-$i.csv" --db "$db" >/dev/null 2>&1 || true
  done
}
ingesting & writer=$!
sleep 2
run "postings search, while an ingest runs" search.lua
run "market report uncached, while an ingest runs" market.lua
kill "$writer" 2>/dev/null; pkill -P "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
