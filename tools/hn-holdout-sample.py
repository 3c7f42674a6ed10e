#!/usr/bin/env python3
"""Draw a held-out sample of HN "Who is hiring?" comments for hand labelling (docs/accuracy.md).

Usage: python3 tools/hn-holdout-sample.py ../shared/data/hn_whoishiring_2026_fulltext [--per-run 6] [--seed 1203]
           [--exclude labels.json --exclude labels-holdout.json ...]

From each of the 7 runs, draws --per-run thread comments (source "who_is_hiring", like the earlier samples) at random
with a fixed seed, leaving out every comment id already in the --exclude label files (Fixtures/hn; by default
labels.json and labels-holdout.json) and any id drawn from an earlier run (the April and May runs re-fetch the same
threads). Prints each comment's run, id and text (HTML made plain) for a person to read and label; it never runs
SkillScope's reader.

The samples drawn so far (tests/SkillScope.Tests/Fixtures/hn):
  labels-holdout2.json  the defaults (seed 1203, 6 per run, excluding labels.json and labels-holdout.json)
  labels-holdout3.json  --seed 1207 --per-run 7 --exclude labels.json --exclude labels-holdout.json
                        --exclude labels-holdout2.json
  labels-holdout4.json  --seed 1211 --per-run 7 --exclude labels.json --exclude labels-holdout.json
                        --exclude labels-holdout2.json --exclude labels-holdout3.json
"""
import argparse
import html
import json
import os
import random
import re
import sys

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "tests", "SkillScope.Tests", "Fixtures", "hn")


def plain(text):
    text = re.sub(r"<p>", "\n\n", text or "")
    text = re.sub(r'<a href="([^"]*)"[^>]*>[^<]*</a>', r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--per-run", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1203)
    parser.add_argument("--exclude", action="append", help="a label file in Fixtures/hn whose ids are left out")
    args = parser.parse_args()

    seen = set()
    for name in args.exclude or ["labels.json", "labels-holdout.json"]:
        with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
            seen.update(c["id"] for c in json.load(f)["comments"])

    rng = random.Random(args.seed)
    runs_dir = os.path.join(args.data, "runs")
    for run in sorted(os.listdir(runs_dir)):
        with open(os.path.join(runs_dir, run, "raw.json"), encoding="utf-8") as f:
            jobs = json.load(f)["jobs"]
        candidates = sorted(j["id"] for j in jobs if j.get("source") == "who_is_hiring" and j["id"] not in seen)
        drawn = rng.sample(candidates, args.per_run)
        seen.update(drawn)
        by_id = {j["id"]: j for j in jobs}
        for item_id in drawn:
            print(f"=== run {run} id {item_id}")
            print(plain(by_id[item_id].get("text")).strip())
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
