"""Widens the curated taxonomy with skills mined from O*NET technology skills and ESCO knowledge/skill concepts.

Called by build_taxonomy.py. Nothing here is typed per skill: each rule below applies to every row of the
published files, and every rule is there to keep precision (see docs/taxonomy.md, "Wide taxonomy").

O*NET (Technology Skills.txt): every technology example named by at least two occupations, or flagged hot or in
demand. A product name gives a skill whose name is the example without a trailing "software"; the vendor-free
remainder ("Microsoft Power Automate" -> "Power Automate") is an alias. A generic description with an acronym
("Enterprise resource planning ERP software") gives the expansion and the acronym. Generic descriptions without an
acronym ("Calibration software") are left out: they are categories, not skills a posting names.

ESCO (skills_en_reduced.csv): knowledge concepts, and skill/competence concepts, whose preferred or alternative
label of two to four words occurs in the mining corpus (postings from sources that are not part of the labelled
evaluation set); one-word labels are left out ("design", "law", "security": too generic to count on their own).

Every surface form is checked against the words of ordinary English (the lowercase words of ESCO's own labels and
of the mining corpus): a one-word name that is also an ordinary word ("Word", "Teams", "Slack") must be written
with its capital and stand in a list with another hard skill or next to a technical cue word; a name made only of
ordinary words ("Visual Studio") must be written as the name is.
"""
import csv
import os
import re
from collections import defaultdict

VENDORS = [
    "Amazon Web Services", "Amazon", "Microsoft", "Oracle", "IBM", "SAP", "Adobe Systems", "Adobe", "Google", "Apache",
    "Atlassian", "Autodesk", "Salesforce", "Intuit", "Apple", "Cisco", "Dassault Systemes", "ESRI", "Esri", "Epic Systems",
    "Cerner", "Bentley Systems", "Bentley", "Siemens", "Red Hat", "VMware", "Corel", "Hewlett Packard", "HP", "Dell",
    "Infor", "Sage", "Meta", "Facebook", "Trimble", "PTC", "National Instruments", "Wolfram Research", "The MathWorks",
    "MathWorks", "Blackbaud", "Kronos", "UKG", "Bloomberg", "Thomson Reuters", "Wolters Kluwer", "Citrix", "Symantec",
    "McAfee", "Splunk", "Elastic", "Snowflake", "Databricks", "Alteryx", "Informatica", "Tableau", "Qlik", "SAS Institute",
    "Minitab", "Unity Technologies", "Epic", "Allscripts", "athenahealth", "NextGen Healthcare", "Meditech", "MEDITECH",
    "Shopify", "Zoho", "HubSpot", "Workday", "ServiceNow", "Twilio", "GitHub", "GitLab", "JetBrains", "Docker", "Progress",
    "Micro Focus", "Quest Software", "SolarWinds", "Ansys", "ANSYS", "Altair", "Hexagon", "Nuance", "Avid", "Smartsheet",
    "Atlassian Confluence", "Yardi", "RealPage", "Procore", "Veeva", "Medidata", "Deltek", "Ellucian", "Instructure",
    "Blackboard", "Pearson", "Sage Intacct", "NetSuite", "Paychex", "ADP", "Ceridian", "BambooHR", "Gusto",
]
GENERIC_TAILS = {"software", "systems", "system", "databases", "database", "programs", "program", "tools", "applications",
                 "platforms", "equipment", "products", "suite", "packages"}
# Headings and hedges the extractor reads as layout: no skill may claim them.
RESERVED = {
    "requirements", "qualifications", "experience", "skills", "benefits", "education", "responsibilities", "about us",
    "preferred", "bonus", "perks", "salary", "compensation", "location", "duties", "the role", "role", "overview",
    "stack", "tech stack", "technologies", "tools", "apply", "job description", "about", "diversity", "disclaimer",
    "eeo", "schedule", "job type", "who we are", "what we offer", "nice to have", "must have", "the company",
}
# Forms that name no skill however written (measured false positives on the SkillSpan and Decorte train files
# and the 2018-2020 postings; see docs/taxonomy.md).
DENY = {
    "linkedin", "facebook", "twitter", "instagram", "youtube", "google", "google search", "yahoo", "bing", "internet",
    "email", "e mail", "web browser", "web browsers", "mobile phone", "smartphone", "telephone", "the internet",
    "social media", "world wide web", "www", "online", "microsoft", "apple", "amazon", "oracle", "ibm", "cisco",
    "adobe", "intel", "meta", "dell", "hp", "sap se", "x", "go", "r", "c", "d", "j", "k", "q", "s", "v",
    "make", "box", "zoom", "teams", "notes", "word", "project", "access", "outlook", "publisher", "visio", "forms",
    "sheets", "docs", "slides", "drive", "keep", "sites", "maps", "photos", "calendar", "gmail", "chrome",
    "data", "information", "management", "business", "customer", "customers", "health", "care", "service", "services",
    "working hours", "work hours", "full time", "part time", "job", "jobs", "career", "careers", "team", "teams",
    "opportunity", "opportunities", "equal opportunity", "disability", "veteran", "insurance", "health insurance",
    "paid time off", "time off", "vacation", "holidays", "retirement", "401k", "salary", "wages", "pay", "bonus",
    "united states", "english language", "company policies", "company policy", "human resources", "real estate",
    "health care", "healthcare", "financial services", "public sector", "private sector", "non profit", "nonprofit",
    "life sciences", "work environment", "working environment", "fast paced environment", "high school", "bachelor s degree",
    "bachelor degree", "master s degree", "degree", "phd", "mba", "driving licence", "driver s license", "drivers license",
    "background check", "drug test", "physical requirements", "lift", "standing", "walking", "sitting",
    "web", "cloud", "mobile", "desktop", "server", "servers", "network", "networks", "computer", "computers",
    "hardware", "software", "system", "systems", "platform", "platforms", "application", "applications", "tool", "tools",
    "product", "products", "solution", "solutions", "technology", "technologies", "digital", "online services",
    "user", "users", "client", "clients", "patient", "patients", "student", "students", "people", "staff",
    "quality", "safety", "security", "privacy", "compliance", "research", "analysis", "design", "development",
    "engineering", "operations", "support", "training", "testing", "reporting", "planning", "writing", "reading",
    "monitoring", "documentation", "communication", "communications", "collaboration", "leadership", "teamwork",
    "sales", "marketing", "finance", "accounting", "law", "legal", "medicine", "nursing", "teaching", "education",
    "ethics", "history", "art", "music", "sports", "travel", "food", "language", "languages", "english",
    "new technologies", "emerging technologies", "best practices", "industry standards", "company", "organization",
    "personal development",
    # ESCO's plural alternative label names the employer's HR function ("our human resources management policy",
    # "Fair human resources management" in a benefits list: SkillSpan tech dev) far more often than a skill asked;
    # "human resource management" and "HR management" stay. ESCO's "manage resources" then matches inside the same
    # phrase as "resources management".
    "human resources management", "resources management",
    # O*NET's "Electronic medical record EMR software": in technology postings "EMR" is Amazon EMR ("AWS (RDS, S3, EMR)",
    # "Airflow, HDFS, EMR"); the curated Amazon EMR reads it in such lists only, and "electronic medical record(s)" stays.
    "emr",
}


# ESCO phrases kept: a head noun that names a discipline or a practice ("risk management", "financial modelling",
# "patient care"), no function words, no vague first word. ESCO's alternative labels also hold fragments such as
# "new ideas" or "strategies to improve", which these rules keep out.
HEADS = {
    "management", "analysis", "analytics", "modelling", "modeling", "engineering", "design", "development", "testing",
    "accounting", "auditing", "audit", "audits", "planning", "care", "therapy", "nursing", "programming", "administration",
    "marketing", "law", "compliance", "science", "sciences", "research", "security", "maintenance", "control",
    "assurance", "improvement", "reporting", "operations", "logistics", "procurement", "recruitment", "recruiting",
    "negotiation", "budgeting", "forecasting", "bookkeeping", "payroll", "optimisation", "optimization", "statistics",
    "mathematics", "chemistry", "biology", "physics", "pharmacology", "medicine", "surgery", "radiology", "imaging",
    "diagnostics", "finance", "economics", "taxation", "insurance", "banking", "investment", "trading", "sales",
    "support", "service", "writing", "editing", "translation", "teaching", "pedagogy", "coaching", "mentoring",
    "counselling", "counseling", "rehabilitation", "manufacturing", "welding", "machining", "automation", "robotics",
    "electronics", "networking", "architecture", "integration", "migration", "deployment", "virtualisation",
    "virtualization", "encryption", "cryptography", "protocols", "methodology", "methodologies", "principles",
    "techniques", "processes", "procedures", "regulations", "legislation", "standards", "frameworks", "governance",
    "strategy", "policy", "communication", "communications", "relations", "journalism", "photography", "animation",
    "modelling", "simulation", "inspection", "surveying", "mapping", "cartography", "geology", "hydrology", "ecology",
    "agronomy", "horticulture", "veterinary", "pathology", "anatomy", "physiology", "epidemiology", "immunology",
    "microbiology", "genetics", "genomics", "bioinformatics", "toxicology", "psychology", "sociology", "linguistics",
    "fundraising", "lobbying", "advocacy", "mediation", "arbitration", "litigation", "contracting", "purchasing",
    "sourcing", "merchandising", "advertising", "branding", "copywriting", "seo", "sem", "ux", "ui", "devops",
    "scheduling", "estimating", "costing", "pricing", "valuation", "underwriting", "claims", "billing", "coding",
}
FUNCTION_WORDS = {"to", "of", "for", "with", "the", "a", "an", "in", "on", "at", "by", "from", "as", "into", "about", "their",
                  "your", "our", "its", "own", "other", "others", "new", "good", "strong", "various", "different", "relevant",
                  "basic", "general", "specific", "appropriate", "necessary", "related", "such", "all", "any", "be", "is"}


VERBS = {"manage", "conduct", "perform", "apply", "use", "develop", "provide", "ensure", "carry", "create", "maintain",
         "implement", "plan", "prepare", "analyse", "analyze", "assess", "evaluate", "monitor", "coordinate", "oversee",
         "supervise", "handle", "operate", "follow", "identify", "establish", "execute", "deliver", "undertake", "organise",
         "organize", "promote", "support", "advise", "assist", "perform", "give", "make", "keep", "work", "take", "do", "run"}


def esco_phrase_ok(form):
    words = [w.lower() for w in tokens(form)]
    if words and words[0] in VERBS:
        return False
    if not 2 <= len(words) <= 4 or words[-1] not in HEADS:
        return False
    if any(w in FUNCTION_WORDS for w in words) or words[0] == "and" or words[-2] == "and":
        return False
    return not any(w.isdigit() for w in words)


def norm(s):
    s = s.lower().replace("&", " and ")
    s = re.sub(r"[\s\-/_,:()'\u2019.]+", " ", s)
    return s.strip()


TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*")


def tokens(s):
    return TOKEN.findall(s)


def has_gap(form):
    """Punctuation that the extractor's tokenizer treats as a gap (a multi-word form could never match)."""
    return re.search(r"[,:;()\[\]!?\"'\u2019@$%*=<>|\\]", form) is not None or re.search(r"\.\s|\.$|\+\w", form) is not None


def slug(name):
    s = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("++", "pp").replace("#", "sharp").replace("&", "and")).strip("-")
    return s or "skill"


def common_words(shared, corpus_texts):
    """Lowercase words of ordinary English: ESCO labels (written in lower case except names) and corpus words seen
    mostly in lower case."""
    words = set()
    with open(os.path.join(shared, "esco", "skills_en_reduced.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for label in [row["preferredLabel"]] + row["altLabels"].split("\n"):
                for w in TOKEN.findall(label):
                    if w.islower():
                        words.add(w)
    lower, other = defaultdict(int), defaultdict(int)
    for text in corpus_texts:
        for w in TOKEN.findall(text):
            if w.islower():
                lower[w] += 1
            else:
                other[w.lower()] += 1
    for w, n in lower.items():
        if n >= 20 and n >= other.get(w, 0):
            words.add(w)
    return words


def document_frequency(corpus_texts, phrases, max_n=4):
    """In how many texts each phrase (a tuple of lowercase tokens) occurs."""
    wanted = set(phrases)
    df = defaultdict(int)
    for text in corpus_texts:
        toks = [t.lower() for t in TOKEN.findall(text)]
        seen = set()
        for n in range(1, max_n + 1):
            for i in range(len(toks) - n + 1):
                g = tuple(toks[i:i + n])
                if g in wanted:
                    seen.add(g)
        for g in seen:
            df[g] += 1
    return df


def load_onet(shared):
    path = os.path.join(shared, "onet", "Technology Skills.txt")
    ex = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            e = ex.setdefault(row["Example"], {"occ": set(), "hot": False, "demand": False, "codes": defaultdict(int)})
            e["occ"].add(row["O*NET-SOC Code"])
            e["hot"] |= row["Hot Technology"] == "Y"
            e["demand"] |= row["In Demand"] == "Y"
            e["codes"][(row["Commodity Code"], row["Commodity Title"])] += 1
    for e in ex.values():
        e["code"], e["title"] = max(e["codes"].items(), key=lambda kv: (kv[1], kv[0]))[0]
    return ex


def load_esco_uris(shared):
    """conceptUri by label, from the ESCO collection files that carry URIs (the reduced skill list does not)."""
    uris = {}
    for name in ("ictSkillsCollection_en.csv", "transversalSkillsCollection_en.csv"):
        path = os.path.join(shared, "esco", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                uris.setdefault(norm(row["preferredLabel"]), row["conceptUri"])
                for uri, label in zip(row.get("broaderConceptUri", "").split(" | "), row.get("broaderConceptPT", "").split(" | ")):
                    if uri.strip() and label.strip():
                        uris.setdefault(norm(label), uri.strip())
    return uris


CATEGORY_BY_TITLE = [
    ("data base", "database"), ("database", "database"), ("data mining", "data-engineering"),
    ("business intelligence", "visualization-bi"), ("spreadsheet", "business-software"), ("presentation", "business-software"),
    ("analytical or scientific", "math-statistics"), ("development environment", "software-engineering"),
    ("object or component oriented", "software-engineering"), ("program testing", "software-engineering"),
    ("web platform development", "software-engineering"), ("web page creation", "software-engineering"),
    ("configuration management", "software-engineering"), ("operating system", "software-engineering"),
    ("network", "software-engineering"), ("compiler", "software-engineering"), ("application server", "software-engineering"),
    ("transaction server", "software-engineering"), ("filesystem", "software-engineering"), ("clustering", "software-engineering"),
    ("metadata", "data-engineering"), ("cloud", "cloud-platform"), ("platform interconnectivity", "cloud-platform"),
    ("enterprise resource planning", "business-software"), ("customer relationship", "business-software"),
    ("office suite", "business-software"), ("word processing", "business-software"), ("electronic mail", "business-software"),
    ("project management", "business-software"), ("accounting", "business-software"), ("financial analysis", "business-software"),
    ("human resources", "business-software"), ("inventory management", "business-software"), ("document management", "business-software"),
    ("sales and marketing", "business-software"), ("procurement", "business-software"), ("time accounting", "business-software"),
    ("calendar and scheduling", "business-software"), ("instant messaging", "business-software"), ("video conferencing", "business-software"),
    ("enterprise application integration", "business-software"), ("enterprise system management", "business-software"),
    ("tax preparation", "business-software"), ("point of sale", "business-software"), ("customer service", "business-software"),
]


def category_of(title):
    t = title.lower()
    for key, category in CATEGORY_BY_TITLE:
        if key in t:
            return category
    return "domain-software"


def onet_forms(example):
    """(name, aliases, acronym) of an O*NET example, or None for a generic description without a name in it."""
    name = re.sub(r"\s*\([^)]*\)", "", example).strip()
    words = name.split()
    if not words:
        return None
    generic = all(w.islower() or (w[0].isupper() and i == 0 and w[1:].islower()) or w.isupper() for i, w in enumerate(words)) \
        and words[-1].lower() in GENERIC_TAILS
    acronyms = [w for w in words if w.isupper() and len(w) >= 2 and w.isalpha()]
    if generic:
        # "Enterprise resource planning ERP software": the expansion before the acronym, and the acronym.
        for a in acronyms:
            at = words.index(a)
            expansion = words[at - len(a):at] if at >= len(a) else []
            if expansion and "".join(w[0] for w in expansion).upper() == a:
                return " ".join(expansion), [a], a
        return None
    if words[-1].lower() == "software" and len(words) > 1:
        words = words[:-1]
        name = " ".join(words)
    aliases = []
    for vendor in sorted(VENDORS, key=len, reverse=True):
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 1:
            rest = name[len(vendor) + 1:].strip()
            # Two letters left by the vendor ("Allscripts PM" -> "PM") name a time of day or a job title, not a product.
            if len(rest) >= 3 and rest.lower() not in GENERIC_TAILS:
                aliases.append(rest)
            break
    return name, aliases, None


def widen(curated, shared, corpus_texts, log, sources=frozenset({"onet", "esco"})):
    """New skills (dicts in the seed's shape, with onet/esco fields filled) for the wide taxonomy."""
    common = common_words(shared, corpus_texts)
    owner = {}
    for s in curated:
        for f in [s["name"]] + s["aliases"]:
            owner.setdefault(norm(f), s)
    ids = {s["id"] for s in curated}
    wide = []

    def usable(form):
        n = norm(form)
        return n and not has_gap(form) and n not in RESERVED and n not in DENY and n not in owner and len(n) >= 2

    def marks(form, phrase):
        """(caseSensitive, contextual) for a surface form, by how ordinary its words are."""
        toks = tokens(form)
        if phrase and len(toks) > 1:
            return False, False  # an ESCO phrase is ordinary words by nature ("risk management")
        lows = [t.lower() for t in toks]
        if len(toks) == 1:
            t = toks[0]
            if t.isupper() and len(t) <= 4:
                return True, lows[0] in common or len(t) <= 2
            if lows[0] in common:
                return True, True
            if not phrase and t[:1].isupper() and t[1:].islower() and t.isalpha():
                # A plain capitalised word ("Fluent", "Notion", "Mendel") reads as English or a name as often as
                # the product: written as the product, and in a list with another tool or next to a cue word.
                return True, True
            return False, False
        if all(w in common for w in lows):
            return True, False
        return False, False

    def add(skill_id, name, aliases, category, stype, extra, reason):
        base = skill_id
        k = 2
        while skill_id in ids:
            skill_id = f"{base}-{k}"
            k += 1
        forms = []
        for f in [name] + aliases:
            if usable(f) and norm(f) not in [norm(x) for x in forms]:
                forms.append(f)
        if not forms or norm(forms[0]) != norm(name):
            if not forms:
                log.append(f"skip {reason}: no usable form ({name})")
                return None
            name = forms[0]
        cs, ctx = [], []
        for f in forms:
            c, x = marks(f, extra.get("onet") is None)
            if len(tokens(f)) == 1 and len(f) <= 2:
                continue
            if c:
                cs.append(f)
            if x:
                ctx.append(f)
        skill = {"id": skill_id, "name": name, "category": category, "type": stype, "parent": None, "esco": None, "onet": None,
                 "aliases": [f for f in forms if f != name], "caseSensitive": cs, "contextual": ctx, "notBefore": [],
                 "_opts": {}, "_line": 0}
        skill.update(extra)
        ids.add(skill_id)
        for f in forms:
            owner[norm(f)] = skill
        wide.append(skill)
        return skill

    # O*NET technology examples.
    onet = load_onet(shared) if "onet" in sources else {}
    attached = 0
    for example in sorted(onet, key=lambda e: (-len(onet[e]["occ"]), e)):
        e = onet[example]
        if not (len(e["occ"]) >= 2 or e["hot"] or e["demand"]):
            continue
        parsed = onet_forms(example)
        if parsed is None:
            continue
        name, aliases, acronym = parsed
        # A vendor-free alias that is one ordinary word ("Bloomberg Professional" -> "Professional", "Microsoft Edge"
        # -> "Edge") names the product only with its vendor.
        aliases = [a for a in aliases if not (len(tokens(a)) == 1 and a[:1].isupper() and a[1:].islower() and a.lower() in common)]
        known = owner.get(norm(name)) or owner.get(norm(example))
        if known is not None:
            if not known.get("onetCode"):
                known["onet"] = known.get("onet") or example
                known["onetCode"] = e["code"]
                known["onetHot"] = known.get("onetHot") or e["hot"]
                known["onetInDemand"] = known.get("onetInDemand") or e["demand"]
                attached += 1
            continue
        add(slug(name), name, aliases, category_of(e["title"]), "hard",
            {"onet": example, "onetCode": e["code"], "onetHot": e["hot"], "onetInDemand": e["demand"]}, f"O*NET {example}")

    # ESCO concepts.
    rows = []
    with open(os.path.join(shared, "esco", "skills_en_reduced.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f) if "esco" in sources else []:
            label = row["preferredLabel"].strip()
            if not label or row["skillType"] not in ("knowledge", "skill/competence"):
                continue
            forms = [re.sub(r"\s*\([^)]*\)\s*$", "", label)] + [a.strip() for a in row["altLabels"].split("\n") if a.strip()]
            forms = [" ".join(x.split()) for x in forms]
            forms = [x for x in forms if esco_phrase_ok(x) and not has_gap(x)]
            if forms:
                rows.append((label, row["skillType"], forms))
    phrases = {tuple(t.lower() for t in tokens(x)) for _, _, forms in rows for x in forms}
    df = document_frequency(corpus_texts, phrases)
    uris = load_esco_uris(shared)
    transversal = set(uris)
    for label, stype, forms in rows:
        # Knowledge concepts that pass the phrase rules are disciplines ("contract law"); a skill/competence phrase
        # must also occur in at least two postings of the mining corpus.
        present = [x for x in forms if stype == "knowledge" or df.get(tuple(t.lower() for t in tokens(x)), 0) >= 2]
        if not present:
            continue
        bare = re.sub(r"\s*\([^)]*\)\s*$", "", label)
        name = bare if bare in present else present[0]
        known = owner.get(norm(bare))
        if known is not None:
            if not known.get("esco"):
                known["esco"] = label
            if not known.get("escoUri") and uris.get(norm(label)):
                known["escoUri"] = uris[norm(label)]
            continue
        add(slug(name), name, [x for x in present if x != name], "professional-skill",
            "soft" if norm(label) in transversal else "hard",
            {"esco": label, "escoUri": uris.get(norm(label))}, f"ESCO {label}")
    for s in curated:
        if s.get("esco") and not s.get("escoUri") and uris.get(norm(s["esco"])):
            s["escoUri"] = uris[norm(s["esco"])]
    log.append(f"O*NET codes attached to {attached} curated skills")
    return wide
