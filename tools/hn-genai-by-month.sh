#!/usr/bin/env bash
# LLM/GenAI share of Hacker News "Who is hiring?" postings by month (docs/skills-report.md), next to Indeed Hiring
# Lab's US GenAI and AI shares. Each month is ingested into its own scratch store, so a company that reposts the
# same ad every month counts in every month, and the share is `report skills`' "llm-genai" category share of
# that month's postings. Usage: tools/hn-genai-by-month.sh [SHARED_DATA]   (CLI: $SKILLSCOPE, default dotnet run)
set -euo pipefail
shared="${1:-../shared/data}"
cli="${SKILLSCOPE:-dotnet run --project src/SkillScope.Cli -c Release --}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
month() { # label files...
  local label="$1"; shift
  $cli ingest "$@" --db "$work/$label.db" > /dev/null 2>&1
  $cli report skills --db "$work/$label.db" --top 1 --format json > "$work/$label.json"
  python3 - "$label" "$work/$label.json" "$shared/indeed_hiring_lab_ai_tracker" <<'PY'
import csv, json, sys
label, path, indeed = sys.argv[1], sys.argv[2], sys.argv[3]
report = json.load(open(path))
postings = report["postings"]
cat = next((c for c in report["categories"] if c["category"] == "llm-genai"), {"postings": 0})
def mean(file, column):
    values = [float(r[column]) for r in csv.DictReader(open(f"{indeed}/{file}")) if r["jobcountry"] == "US" and r["date"].startswith(label)]
    return f"{sum(values) / len(values):.2f}" if values else "-"
share = cat["postings"] / postings if postings else 0
print(f"| {label} | {postings:,} | {cat['postings']:,} | {100 * share:.1f} | {mean('GenAI_posting.csv', 'GenAI_share_postings')} | {mean('AI_posting.csv', 'AI_share_postings')} |")
PY
}
echo "| month | HN postings | with an LLM/GenAI skill | HN share % | Indeed US GenAI % | Indeed US AI % |"
echo "|---|---:|---:|---:|---:|---:|"
for f in $(ls "$shared"/hn_whoishiring_2022_2025_structured/table/*/*.md); do
  year=$(basename "$(dirname "$f")"); name=$(basename "$f" .md)
  m=$(python3 -c "import calendar,sys; print(f'{[x.lower() for x in calendar.month_name].index(sys.argv[1].lower()):02d}')" "$name")
  echo "$year-$m $f"
done | sort | while read -r label f; do month "$label" "$f"; done
runs="$shared/hn_whoishiring_2026_fulltext/runs"
month 2026-01 "$runs/2026-01-01/raw.json"
month 2026-02 "$runs/2026-02-01/raw.json"
month 2026-03 "$runs/2026-03-15/raw.json"
month 2026-04 "$runs/2026-04-17/raw.json" "$runs/2026-04-28/raw.json"
month 2026-05 "$runs/2026-05-03/raw.json" "$runs/2026-05-05/raw.json"
