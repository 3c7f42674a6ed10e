#!/usr/bin/env bash
# Whole-command timings (process start included) with hyperfine, then the in-process
# BenchmarkDotNet suite. Figures go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

dotnet build src/SkillScope.Cli -c Release --nologo -v q >/dev/null
cli="dotnet src/SkillScope.Cli/bin/Release/net10.0/SkillScope.Cli.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
survey=data/samples/aijobs_salaries_2025-01-19.csv

hyperfine --warmup 1 --runs 10 --export-markdown "$work/ingest.md" \
  --prepare "rm -f $work/bench.db*" \
  "$cli ingest $survey --db $work/bench.db"
$cli ingest "$survey" --db "$work/report.db" 2>/dev/null
hyperfine --warmup 2 --runs 20 --export-markdown "$work/report.md" \
  "$cli report market --db $work/report.db --format json"
cat "$work/ingest.md" "$work/report.md"

if [ "${1:-}" != "--quick" ]; then
  dotnet run -c Release --project benchmarks/SkillScope.Benchmarks -- --filter '*' "${@:2}"
fi
