#!/usr/bin/env python3
"""Builds data/taxonomy/skills.json from tools/taxonomy/seed.txt and mines, for every skill, the ESCO
skill label and the O*NET technology-skill example it corresponds to.

The seed holds what people decide (ids, names, aliases, categories, parents). What ESCO and O*NET hold is
never typed by hand: this script looks it up in the published files and writes it next to each skill.

Usage (from the repository root):
    python3 tools/taxonomy/build_taxonomy.py [--shared ../shared/data] [--review]

--shared  folder with esco/skills_en_reduced.csv and "onet/Technology Skills.txt"
          (default: $SKILLSCOPE_SHARED_DATA or ../shared/data).
--review  print every mapping and the checklist gaps (O*NET hot technologies of data/ML occupations
          that no skill covers).
--no-wide only the curated seed (no skills mined from O*NET and ESCO; see wide.py).

The mining corpus (which ESCO phrases occur in real postings) is the 2018-2020 LinkedIn/Indeed/Glassdoor data-science
postings, the Google 2018 postings, Adzuna 2026 and USAJOBS 2026 descriptions: never the HN 2026 and remote-board
postings of the labelled evaluation set (tests/SkillScope.Tests/Skills/Labels).
"""
import argparse
import csv
import json
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wide  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "tools", "taxonomy", "seed.txt")
OUT = os.path.join(ROOT, "data", "taxonomy", "skills.json")

TYPES_BY_CATEGORY = {"soft-skill": "soft", "certification": "certification"}
CATEGORIES = [
    "programming-language", "library-framework", "ml-method", "llm-genai", "mlops", "cloud-platform",
    "database", "data-engineering", "visualization-bi", "software-engineering", "math-statistics",
    "business-software", "human-language", "soft-skill", "certification", "domain-software", "professional-skill",
]
CORPUS = [
    ("glassdoor_ds_2020_kenjee/glassdoor_jobs.csv", ["Job Description"]),
    ("linkedin_indeed_ca_2018/DataScientist.csv", ["description"]),
    ("linkedin_indeed_ca_2018/cal_ds_500.csv", ["description"]),
    ("adzuna_us_2026/adzuna_jobs_raw.csv", ["description"]),
    ("usajobs_data_roles_2026/usajobs_postings.csv", ["description"]),
    ("google_job_skills_2018/job_skills.csv", ["Responsibilities", "Minimum Qualifications", "Preferred Qualifications"]),
]


def load_corpus(shared):
    csv.field_size_limit(1 << 30)
    texts = []
    for rel, columns in CORPUS:
        path = os.path.join(shared, rel)
        if not os.path.exists(path):
            sys.exit(f"mining corpus file missing: {path}")
        with open(path, encoding="utf-8", errors="replace") as f:
            for row in csv.DictReader(f):
                texts.append("\n".join(row.get(c) or "" for c in columns))
    return texts
# O*NET-SOC codes of the data, ML and AI occupations (their examples are preferred when several match).
DATA_OCCUPATIONS = {
    "15-2051.00", "15-2051.01", "15-2051.02", "15-1221.00", "15-1252.00", "15-1242.00", "15-2041.00",
    "15-1243.00", "15-1243.01", "15-1211.00", "15-1211.01", "15-1245.00", "15-1299.09", "15-2031.00",
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def norm(s):
    """Loose normal form used to compare names across sources: lowercase, punctuation as spaces."""
    s = s.lower().replace("&", " and ")
    s = re.sub(r"[\s\-/_,:()]+", " ", s)
    return s.strip()


def parse_seed(path):
    version, category, skills = None, None, []
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@version"):
            version = line.split(None, 1)[1].strip()
            continue
        if line.startswith("@category"):
            category = line.split(None, 1)[1].strip()
            if category not in CATEGORIES:
                sys.exit(f"seed.txt:{number}: unknown category {category}")
            continue
        cols = [c.strip() for c in line.split("|")]
        while len(cols) < 5:
            cols.append("")
        sid, name, parent, aliases, options = cols[:5]
        if not SLUG.match(sid):
            sys.exit(f"seed.txt:{number}: id '{sid}' is not a lowercase slug")
        forms, case_sensitive, contextual = [], [], []
        for a in (x.strip() for x in aliases.split(";")):
            if not a:
                continue
            cs = ctx = False
            while a[:1] in ("=", "?"):
                cs |= a[0] == "="
                ctx |= a[0] == "?"
                a = a[1:]
            if re.search(r"[,:;()\[\]!?\"]", a):
                sys.exit(f"seed.txt:{number}: '{a}' contains punctuation that no text match can span")
            if a != name and a not in forms:
                forms.append(a)
            if cs and a not in case_sensitive:
                case_sensitive.append(a)
            if ctx and a not in contextual:
                contextual.append(a)
        opts = dict(o.split(":", 1) for o in options.split() if ":" in o)
        not_before = [w for w in opts.get("notbefore", "").split(",") if w]
        skills.append({
            "id": sid, "name": name, "category": category,
            "type": TYPES_BY_CATEGORY.get(category, "hard"),
            "parent": None if parent in ("", "-") else parent,
            "aliases": forms, "caseSensitive": case_sensitive, "contextual": contextual, "notBefore": not_before,
            "_opts": opts, "_line": number,
        })
    return version, skills


def validate(skills):
    ids = {}
    for s in skills:
        if s["id"] in ids:
            sys.exit(f"seed.txt:{s['_line']}: duplicate id {s['id']}")
        ids[s["id"]] = s
    for s in skills:
        if s["parent"] and s["parent"] not in ids:
            sys.exit(f"seed.txt:{s['_line']}: parent {s['parent']} of {s['id']} does not exist")
        seen, p = {s["id"]}, s["parent"]
        while p:
            if p in seen:
                sys.exit(f"seed.txt:{s['_line']}: parent cycle through {s['id']}")
            seen.add(p)
            p = ids[p]["parent"]
    owner = {}
    for s in skills:
        for f in [s["name"]] + s["aliases"]:
            key = (norm(f) if f not in s["caseSensitive"] else "=" + f)
            if key in owner and owner[key] != s["id"]:
                sys.exit(f"seed.txt:{s['_line']}: surface '{f}' of {s['id']} is also a surface of {owner[key]}")
            owner[key] = s["id"]


def load_esco(shared):
    path = os.path.join(shared, "esco", "skills_en_reduced.csv")
    by_pref, by_alt = defaultdict(list), defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            label = row["preferredLabel"]
            by_pref[norm(label)].append(label)
            bare = re.sub(r"\s*\([^)]*\)\s*$", "", label)  # "Python (computer programming)" -> "python"
            if bare != label:
                by_pref[norm(bare)].append(label)
            for alt in row["altLabels"].split("\n"):
                if alt.strip():
                    by_alt[norm(alt)].append(label)
    return by_pref, by_alt


def mine_esco(skill, by_pref, by_alt):
    if skill["_opts"].get("esco") == "-":
        return None
    forms = [skill["name"]] + [a for a in skill["aliases"] if len(a) > 2]
    for f in forms:  # a preferred label equal to the name or an alias
        labels = sorted(set(by_pref.get(norm(f), [])))
        if labels:
            return min(labels, key=len)
    # An alternative label equal to the canonical name, when it points at a single concept that shares a
    # word with the skill (ESCO lists "TensorFlow" under "computer vision": a broader concept, not this one).
    labels = sorted(set(by_alt.get(norm(skill["name"]), [])))
    if len(labels) != 1:
        return None
    words = {stem(w) for f in [skill["name"]] + skill["aliases"] for w in norm(f).split()}
    return labels[0] if words & {stem(w) for w in norm(labels[0]).split()} else None


def stem(word):
    for suffix in ("ally", "ing", "es", "s", "al"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def load_onet(shared):
    path = os.path.join(shared, "onet", "Technology Skills.txt")
    examples = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            ex = row["Example"]
            e = examples.setdefault(ex, {"data": False, "hot": False, "count": 0})
            e["count"] += 1
            e["hot"] |= row["Hot Technology"] == "Y"
            e["data"] |= row["O*NET-SOC Code"] in DATA_OCCUPATIONS
    return examples


def mine_onet(skill, examples, index):
    if skill["_opts"].get("onet") == "-":
        return None
    forms = [skill["name"]] + [a for a in skill["aliases"]
                               if (len(a) > 1 or a in skill["caseSensitive"]) and a not in skill["contextual"]]
    candidates = []
    for rank, f in enumerate(forms):
        nf = norm(f)
        if not nf:
            continue
        for ex, nex in index:
            e = examples[ex]
            if nex == nf:
                score = -1 if rank == 0 else 0
            elif not (e["data"] or e["hot"]):
                continue  # partial matches only among the technologies of data/ML occupations or hot ones
            elif nex.endswith(" " + nf) and len(nex[: -len(nf)].split()) <= 6:
                score = 1  # vendor or expansion before the name: "Oracle Java", "Structured query language SQL"
            elif nex.startswith(nf + " ") and (nex[len(nf) + 1:] in ("ci", "database", "framework") or (
                    nex.endswith(" software") and len(nex[len(nf) + 1:].split()) <= 2)):
                score = 2  # "Alteryx software", "Jenkins CI"
            else:
                continue
            candidates.append((score, -len(nf), rank, not e["data"], not e["hot"], -e["count"], len(ex), ex))
    return min(candidates)[-1] if candidates else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("SKILLSCOPE_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data")))
    ap.add_argument("--review", action="store_true")
    ap.add_argument("--no-wide", action="store_true")
    ap.add_argument("--sources", default="onet,esco", help="which sources widen the seed (measurement: onet, esco or both)")
    ap.add_argument("--out", default=OUT, help="where to write (default data/taxonomy/skills.json)")
    args = ap.parse_args()

    version, skills = parse_seed(SEED)
    validate(skills)
    by_pref, by_alt = load_esco(args.shared)
    examples = load_onet(args.shared)
    index = [(ex, norm(ex)) for ex in examples]
    onet_rows = wide.load_onet(args.shared)
    for s in skills:
        s["esco"] = mine_esco(s, by_pref, by_alt)
        s["onet"] = mine_onet(s, examples, index)
        if s["onet"]:
            e = onet_rows[s["onet"]]
            s["onetCode"], s["onetHot"], s["onetInDemand"] = e["code"], e["hot"], e["demand"]
    log = []
    curated = len(skills)
    if not args.no_wide:
        skills.extend(wide.widen(skills, args.shared, load_corpus(args.shared), log, set(args.sources.split(","))))
        validate(skills)

    out = os.path.abspath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    keys = ["id", "name", "category", "type", "parent", "aliases", "caseSensitive", "contextual", "notBefore", "esco", "escoUri",
            "onet", "onetCode", "onetHot", "onetInDemand"]
    optional = ("caseSensitive", "contextual", "notBefore", "escoUri", "onetCode", "onetHot", "onetInDemand")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("{\n")
        f.write(f'"version": {json.dumps(version)},\n')
        f.write('"generatedBy": "tools/taxonomy/build_taxonomy.py from tools/taxonomy/seed.txt (curated) and tools/taxonomy/wide.py (skills mined from O*NET technology skills and ESCO, CC BY 4.0, see ATTRIBUTION.md)",\n')
        f.write('"skills": [\n')
        lines = []
        for s in skills:
            entry = {k: s.get(k) for k in keys if not (k in optional and not s.get(k))}
            lines.append(json.dumps(entry, ensure_ascii=False))
        f.write(",\n".join(lines))
        f.write("\n]\n}\n")

    for line in log:
        print(line)
    print(f"{curated} curated + {len(skills) - curated} mined = {len(skills)} skills, "
          f"{sum(1 for s in skills if s.get('escoUri'))} with an ESCO URI, {sum(1 for s in skills if s.get('onetCode'))} with an O*NET code, "
          f"{sum(1 for s in skills if s.get('esco'))} with an ESCO label, "
          f"{sum(1 for s in skills if s.get('onet'))} with an O*NET example -> {os.path.relpath(out, ROOT)}")
    if args.review:
        for s in skills:
            if s["esco"] or s["onet"]:
                print(f"  {s['id']:<32} esco={s['esco']!r:<45} onet={s['onet']!r}")
        covered = {s["onet"] for s in skills}
        gaps = sorted(ex for ex, e in examples.items() if e["data"] and e["hot"] and ex not in covered)
        print(f"O*NET hot technologies of data/ML occupations not mapped ({len(gaps)}):")
        print("  " + "; ".join(gaps))


if __name__ == "__main__":
    main()
