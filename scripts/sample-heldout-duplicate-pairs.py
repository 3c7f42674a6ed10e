# Held-out pair sampler for issue 11 (near-duplicates). Reads the remote-board files, forms every pair of postings
# of one employer, puts each pair in one stratum by title/slug/month and exact word-3-shingle Jaccard, and draws a
# fixed number per stratum with a fixed seed. Does NOT call SkillScope's detector.
import os, re, random, itertools, collections, sys
# The shared data folder as the tests find it: SKILLSCOPE_SHARED_DATA, else /work/shared/data.
# Usage: python3 scripts/sample-heldout-duplicate-pairs.py [OUT.tsv]   (about 30 s; writes stratum, a, b, jaccard)
ROOT = os.path.join(os.environ.get("SKILLSCOPE_SHARED_DATA") or "/work/shared/data", "remotewlb_remote_jobs_2024_2025")
SEED = 20261206
files = []
for dp, dn, fn in os.walk(os.path.join(ROOT, "jobs")):
    for f in fn:
        if f == "README.md":
            files.append(os.path.relpath(os.path.join(dp, f), ROOT))
files.sort()
def parse(rel):
    t = open(os.path.join(ROOT, rel), encoding="utf-8").read()
    lines = t.split("\n", 3)
    m = re.match(r"# \[(.+)\]\(([^)\s]*)\)", lines[0])
    title = m.group(1).strip(); slug = m.group(2).rstrip("/").rsplit("/", 1)[-1]
    company = lines[1][4:].strip()
    loc = re.search(r"🌎([^`]*)`", lines[2]); loc = loc.group(1).strip() if loc else ""
    body = lines[3] if len(lines) > 3 else ""
    month = rel.split("/")[2]
    return dict(rel=rel, title=title, slug=slug, company=company, loc=loc, body=body, month=month)
P = [parse(r) for r in files]
def words(s): return re.findall(r"[a-z0-9]+", s.lower())
def sh(s):
    w = words(s); return set(tuple(w[i:i+3]) for i in range(len(w)-2))
for p in P: p["sh"] = sh(p["body"]); p["tn"] = " ".join(words(p["title"]))
by = collections.defaultdict(list)
for p in P:
    if p["company"] not in ("", "None"): by[p["company"].lower()].append(p)
strata = collections.defaultdict(list)
for c, ps in by.items():
    for a, b in itertools.combinations(ps, 2):
        if a["rel"] == b["rel"]: continue
        u = len(a["sh"] | b["sh"]); j = len(a["sh"] & b["sh"]) / u if u else 1.0
        st = a["tn"] == b["tn"]; sm = a["month"] == b["month"]; ss = a["slug"] == b["slug"]
        if ss: k = "A same slug (other tag or month folder)"
        elif st and j >= 0.95 and sm and a["loc"] != b["loc"]: k = "B same title, copy in another place, same month"
        elif st and j >= 0.95 and sm: k = "C same title, copy under a new slug, same month"
        elif st and j >= 0.95: k = "D same title, copy months apart"
        elif st and j >= 0.5: k = "E same title, edited text (J 0.5-0.95)"
        elif st: k = "F same title, different text (J < 0.5)"
        elif j >= 0.5: k = "G different titles, similar text (J >= 0.5)"
        elif j >= 0.2: k = "H different titles, some shared text (J 0.2-0.5)"
        else: continue  # different titles, different texts: trivially different, not sampled
        strata[k].append((a["rel"], b["rel"], round(j, 3)))
QUOTA = {"A": 6, "B": 10, "C": 8, "D": 8, "E": 10, "F": 10, "G": 10, "H": 8}
rng = random.Random(SEED)
out = []
for k in sorted(strata):
    pool = sorted(strata[k]); rng.shuffle(pool)
    print(k, len(pool), file=sys.stderr)
    # at most 2 pairs per employer per stratum, so one big employer does not fill a stratum
    seen = collections.Counter(); take = []
    for a, b, j in pool:
        c = next(p for p in P if p["rel"] == a)["company"].lower()
        if seen[c] >= 2: continue
        seen[c] += 1; take.append((a, b, j))
        if len(take) == QUOTA[k[0]]: break
    out += [(k[0], a, b, j) for a, b, j in take]
with open(sys.argv[1] if len(sys.argv) > 1 else "sample.tsv", "w") as f:
    f.write("stratum\ta\tb\tjaccard\n")
    for r in out: f.write("\t".join(map(str, r)) + "\n")
print(len(out), file=sys.stderr)
