#!/usr/bin/env python3
"""Builds data/samples/hn_whoishiring_ml_2022_2025.md, the bundled ML/data/AI sample of the demo.

Input: the monthly markdown tables of github.com/Amber-Williams/hackernews-whos-hiring (MIT, Copyright (c) 2023
Amber Williams) at commit a11ca494dcce0a9ea6b5ed3f49783ed83a16853d, as kept in
../shared/data/hn_whoishiring_2022_2025_structured/table/<YYYY>/<Month>.md.

Selection: the rows whose Job Title names a data, ML or AI role (TITLE below). Conversion: every row is written in
the header layout of the newest files (variant A: Post ID, Post Link, Post Date, Post Username, Company, Job Title,
Employment Type, Salary, Remote, City, Country, Languages and Frameworks, Remote Rules, How to Apply); the pandas
index column is dropped; months without Post ID / Post Date get them from the Post Link and the file's month
(YYYY-MM-01T00:00:00, as the upstream jobs.db does); a Location cell goes to City. A '|' inside a cell is written
as '\\|'. Rows whose cells do not line up with their file's header (a bare '|' inside a cell) are left out. Cell
text is otherwise unchanged.

Usage: python3 tools/make-hn-demo-sample.py ../shared/data/hn_whoishiring_2022_2025_structured/table > data/samples/hn_whoishiring_ml_2022_2025.md
"""
import calendar
import glob
import os
import re
import sys

TITLE = re.compile(r"\b(data|machine learning|ml|mlops|ai|llm|llms|genai|nlp|computer vision|deep learning|analytics|analyst|"
                   r"scientist|research engineer|research scientist|applied scientist|inference|perception)\b", re.I)
OUT = ["Post ID", "Post Link", "Post Date", "Post Username", "Company", "Job Title", "Employment Type", "Salary", "Remote",
       "City", "Country", "Languages and Frameworks", "Remote Rules", "How to Apply"]
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}


def cells(line):
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [c.strip() for c in body.split("|")]


def main(root):
    rows = []
    for path in sorted(glob.glob(os.path.join(root, "*", "*.md"))):
        year = int(os.path.basename(os.path.dirname(path)))
        month = MONTHS[os.path.splitext(os.path.basename(path))[0].lower()]
        with open(path, encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f]
        header = [h.lower() for h in cells(lines[0])]
        for line in lines[2:]:
            if not line.startswith("|"):
                continue
            values = cells(line)
            if len(values) != len(header):
                continue
            row = dict(zip(header, values))
            if not TITLE.search(row.get("job title", "")):
                continue
            link = row.get("post link", "")
            post_id = row.get("post id") or (re.search(r"item\?id=(\d+)", link) or [None, ""])[1]
            if not post_id:
                continue
            out = {
                "Post ID": post_id,
                "Post Link": link,
                "Post Date": row.get("post date") or f"{year:04d}-{month:02d}-01T00:00:00",
                "Post Username": row.get("post username", ""),
                "Company": row.get("company", ""),
                "Job Title": row.get("job title", ""),
                "Employment Type": row.get("employment type", ""),
                "Salary": row.get("salary", ""),
                "Remote": row.get("remote", ""),
                "City": row.get("city", row.get("location", "")),
                "Country": row.get("country", ""),
                "Languages and Frameworks": row.get("languages and frameworks", ""),
                "Remote Rules": row.get("remote rules", ""),
                "How to Apply": row.get("how to apply", ""),
            }
            rows.append((out["Post Date"], out["Post ID"], out))
    print("| " + " | ".join(OUT) + " |")
    print("| " + " | ".join("---" for _ in OUT) + " |")
    for _, _, out in sorted(rows, key=lambda r: (r[0], r[1])):
        print("| " + " | ".join(out[c].replace("|", "\\|") for c in OUT) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
