"""The extraction benchmark's corpus (SkillExtractionBenchmarks' PostingCorpus: 2,437 posting descriptions) as JSON Lines,
one JSON string per line, for extraction-ab. Usage: python3 corpus.py SHARED_DATA_DIR > corpus.jsonl"""
import csv
import json
import sys

csv.field_size_limit(10**9)
root = sys.argv[1]
for path, column in [
    ("linkedin_indeed_ca_2018/DataScientist.csv", "description"),
    ("linkedin_indeed_ca_2018/cal_ds_500.csv", "description"),
    ("glassdoor_ds_2020_kenjee/glassdoor_jobs.csv", "Job Description"),
]:
    with open(f"{root}/{path}", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            print(json.dumps(row[column] or ""))
