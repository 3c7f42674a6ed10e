#!/usr/bin/env python3
"""LLM/GenAI share of Hacker News "Who is hiring?" postings by month, next to Indeed Hiring Lab's US GenAI and AI shares.

Each month is ingested into its own scratch store (so a company that reposts the same ad every month counts in every
month) and the share is `skillscope report skills --include-snippets`' "llm-genai" category: postings naming any
LLM/GenAI skill of the taxonomy (LLMs, generative AI, RAG, prompt engineering, AI agents, LangChain, ...), out of all
that month's postings (the table rows are short summaries, which `report skills` leaves out by default).
2022-12 .. 2025-10: the monthly tables (an LLM's extraction: only the languages-and-frameworks list, remote rules
and how-to-apply text are searched); 2026-01 .. 2026-05: the full comment text (both runs of April and of May).

Usage: python3 tools/hn-genai-by-month.py [SHARED_DATA]   (the CLI: $SKILLSCOPE, default "dotnet run --project src/SkillScope.Cli -c Release --")
"""
import calendar, csv, glob, json, os, shlex, subprocess, sys, tempfile

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
cli = shlex.split(os.environ.get("SKILLSCOPE", "dotnet run --project src/SkillScope.Cli -c Release --"))
months = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
inputs = {}
for path in glob.glob(os.path.join(shared, "hn_whoishiring_2022_2025_structured/table/*/*.md")):
    year = os.path.basename(os.path.dirname(path))
    inputs[f"{year}-{months[os.path.splitext(os.path.basename(path))[0].lower()]:02d}"] = [path]
runs = os.path.join(shared, "hn_whoishiring_2026_fulltext/runs")
for label, names in [("2026-01", ["2026-01-01"]), ("2026-02", ["2026-02-01"]), ("2026-03", ["2026-03-15"]),
                     ("2026-04", ["2026-04-17", "2026-04-28"]), ("2026-05", ["2026-05-03", "2026-05-05"])]:
    inputs[label] = [os.path.join(runs, n, "raw.json") for n in names]

def indeed(file, column):
    sums = {}
    for row in csv.DictReader(open(os.path.join(shared, "indeed_hiring_lab_ai_tracker", file))):
        if row["jobcountry"] == "US":
            s = sums.setdefault(row["date"][:7], [0.0, 0])
            s[0] += float(row[column]); s[1] += 1
    return {k: v[0] / v[1] for k, v in sums.items()}

genai, ai = indeed("GenAI_posting.csv", "GenAI_share_postings"), indeed("AI_posting.csv", "AI_share_postings")
print("| month | source | HN postings | with an LLM/GenAI skill | HN share % (95 % interval) | Indeed US GenAI % | Indeed US AI % |")
print("|---|---|---:|---:|---:|---:|---:|")
with tempfile.TemporaryDirectory() as work:
    for label in sorted(inputs):
        db = os.path.join(work, label + ".db")
        subprocess.run(cli + ["ingest", *inputs[label], "--db", db], check=True, capture_output=True)
        report = json.loads(subprocess.run(cli + ["report", "skills", "--db", db, "--top", "1", "--include-snippets", "--format", "json"],
                                           check=True, capture_output=True, text=True).stdout)
        n = report["postings"]
        k = next((c["postings"] for c in report["categories"] if c["category"] == "llm-genai"), 0)
        p = k / n if n else 0
        # Wilson 95 % interval, as report skills gives for single skills.
        z = 1.96
        centre = (p + z * z / (2 * n)) / (1 + z * z / n) if n else 0
        half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n) if n else 0
        source = "full text" if label.startswith("2026") else "table"
        g = f"{genai[label]:.2f}" if label in genai else "-"
        a = f"{ai[label]:.2f}" if label in ai else "-"
        print(f"| {label} | {source} | {n:,} | {k:,} | {100 * p:.1f} ({100 * max(0.0, centre - half):.1f}-{100 * (centre + half):.1f}) | {g} | {a} |", flush=True)
