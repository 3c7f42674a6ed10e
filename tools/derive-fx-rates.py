#!/usr/bin/env python3
"""Derives data/fx-rates.csv from the CC0 ai-jobs.net survey: salary_in_usd / salary per currency and year.

The survey converts each response with its own yearly rate, so the median ratio per (currency, year)
is the rate the survey used. Run: python3 tools/derive-fx-rates.py data/samples/aijobs_salaries_2025-01-19.csv > data/fx-rates.csv
"""
import csv, collections, statistics, sys

ratios = collections.defaultdict(list)
with open(sys.argv[1], encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["salary_currency"] != "USD" and int(row["salary"]) > 0:
            ratios[(row["salary_currency"], row["work_year"])].append(int(row["salary_in_usd"]) / int(row["salary"]))

print("# USD per unit of currency, by year. Derived from the ai-jobs.net salary survey snapshot 2025-01-19 (CC0),")
print("# github.com/foorilla/ai-jobs-net-salaries, as median(salary_in_usd / salary) per currency and work_year,")
print("# by tools/derive-fx-rates.py. Override with --fx-rates FILE (same columns).")
print("# as_of: 2025-01-19")
print("currency,year,usd_per_unit,n")
for (cur, year), values in sorted(ratios.items()):
    print(f"{cur},{year},{statistics.median(values):.6f},{len(values)}")
