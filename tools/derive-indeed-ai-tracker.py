#!/usr/bin/env python3
"""Monthly means of Indeed Hiring Lab's AI Tracker (CC BY 4.0, cite "Indeed Hiring Lab").

Reads the daily files (share of a country's Indeed postings mentioning AI / GenAI keywords, 7-day trailing
average, in percent) from ../shared/data/indeed_hiring_lab_ai_tracker and writes data/reference/indeed_ai_tracker_monthly.csv:
month,country,ai_share,genai_share,days (percent; genai_share empty where the GenAI series has no day that month).

usage: python3 tools/derive-indeed-ai-tracker.py [SOURCE_DIR] [OUT_CSV]
"""
import csv
import sys
from collections import defaultdict

source = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/indeed_hiring_lab_ai_tracker"
out = sys.argv[2] if len(sys.argv) > 2 else "data/reference/indeed_ai_tracker_monthly.csv"

def monthly(path, column):
    sums = defaultdict(lambda: [0.0, 0])
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["date"][:7], row["jobcountry"])
            sums[key][0] += float(row[column])
            sums[key][1] += 1
    return {k: (v[0] / v[1], v[1]) for k, v in sums.items()}

ai = monthly(f"{source}/AI_posting.csv", "AI_share_postings")
genai = monthly(f"{source}/GenAI_posting.csv", "GenAI_share_postings")
with open(out, "w", newline="", encoding="utf-8") as f:
    f.write("# Indeed Hiring Lab, AI Tracker (github.com/hiring-lab/ai-tracker), CC BY 4.0. Monthly means of the daily 7-day\n")
    f.write("# trailing shares (%) of a country's Indeed postings mentioning AI / GenAI keywords; derived by tools/derive-indeed-ai-tracker.py.\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["month", "country", "ai_share", "genai_share", "days"])
    for key in sorted(ai):
        g = genai.get(key)
        w.writerow([key[0], key[1], f"{ai[key][0]:.4f}", f"{g[0]:.4f}" if g else "", ai[key][1]])
