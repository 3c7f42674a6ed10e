"""Picks the third and fourth held-out sets: 13 HN 2026 comments, 9 tech and 4 non-tech remote-board 2024-25 postings
(non-tech up to 6,500 characters), 4 USAJOBS 2026 summaries, none in the earlier label files and none of the same
company/title (nor the same USAJOBS title and text).
Usage (repository root): python3 tests/SkillScope.Tests/Skills/Labels/pick_holdout3.py SHARED_DATA OUT [SEED [LABEL_FILE ...]]
  third set (postings-holdout3.jsonl):  pick_holdout3.py ../shared/data /tmp/holdout3
      (seed 1208, excluding postings.jsonl and postings-holdout2.jsonl)
  fourth set (postings-holdout4.jsonl): pick_holdout3.py ../shared/data /tmp/holdout4 1209 postings-holdout3.jsonl
      (the label files given are excluded as well)
  fifth set (postings-holdout5.jsonl): PICK_NONTECH_MAX=9000 pick_holdout3.py ../shared/data /tmp/holdout5 1213 \
      postings-holdout3.jsonl postings-holdout4.jsonl  (the board's unused non-tech postings of at most 6,500
      characters are down to one, so the fifth set takes them up to 9,000; the default keeps the earlier draws)
  sixth set (postings-holdout6.jsonl): PICK_NONTECH_MAX=9000 pick_holdout3.py ../shared/data /tmp/holdout6 1217 \
      postings-holdout3.jsonl postings-holdout4.jsonl postings-holdout5.jsonl
  seventh set (postings-holdout7.jsonl): PICK_NONTECH_MAX=20000 pick_holdout3.py ../shared/data /tmp/holdout7 1221 \
      postings-holdout3.jsonl postings-holdout4.jsonl postings-holdout5.jsonl postings-holdout6.jsonl  (no unused non-tech
      board posting of at most 9,000 characters is left and only 2 at any length, so the limit is lifted and 2 more
      USAJOBS summaries make up the 30)
  eighth set (postings-holdout8.jsonl): PICK_NONTECH_MAX=20000 PICK_NONTECH_LINKEDIN_BR=1 PICK_DEDUP_TEXT=1 pick_holdout3.py \
      /work/shared/data /tmp/holdout8 1225 postings-holdout3.jsonl postings-holdout4.jsonl postings-holdout5.jsonl \
      postings-holdout6.jsonl postings-holdout7.jsonl  (no unused non-tech board posting is left at any length, so
      PICK_NONTECH_LINKEDIN_BR=1 takes the shortfall from the English-language non-tech postings of LinkedIn Brazil,
      June 2023 (linkedin_brazil_data_jobs_2023, full text, same title rule, one per title and company) before any
      USAJOBS summary makes up the rest; without it the earlier draws are unchanged; PICK_DEDUP_TEXT=1 skips board
      postings whose description is a labelled one's under another title)
writes pNN.txt (the texts, for reading and labelling) and picked.json (file and key of each)."""
import json, random, re, glob, os, csv, html
csv.field_size_limit(10**9)
import sys
D=sys.argv[1] if len(sys.argv)>1 else '../shared/data'
OUT=sys.argv[2] if len(sys.argv)>2 else '/tmp/holdout3'
os.makedirs(OUT,exist_ok=True)
SEED=int(sys.argv[3]) if len(sys.argv)>3 else 1208
existing=[json.loads(l) for f in ('postings.jsonl','postings-holdout2.jsonl',*sys.argv[4:]) for l in open('tests/SkillScope.Tests/Skills/Labels/'+f) if l.strip()]
ex_keys={e['key'] for e in existing if e['source']!='usajobs'}
ex_rows={int(e['key']) for e in existing if e['source']=='usajobs'}
def strip(t):
    t=re.sub(r'<p>','\n\n',t); t=re.sub(r'<[^>]+>','',t); return html.unescape(t)
# HN
hn={}
for f in sorted(glob.glob(D+'/hn_whoishiring_2026_fulltext/runs/*/raw.json')):
    for j in json.load(open(f))['jobs']:
        k=str(j['id'])
        if k not in hn: hn[k]=(f[len(D)+1:], j.get('text') or '')
def company(t): return strip(t).split('\n',1)[0].split('|')[0].split(' (')[0].strip().lower()
ex_comp={company(hn[k][1]) for k in ex_keys if k in hn}
rng=random.Random(SEED)
keys=sorted(k for k,(f,t) in hn.items() if k not in ex_keys and 700<=len(strip(t))<=3500 and company(t) not in ex_comp)
rng.shuffle(keys)
pick_hn=[];seen=set()
for k in keys:
    c=company(hn[k][1])
    if c in seen: continue
    seen.add(c); pick_hn.append(k)
    if len(pick_hn)==13: break
# board
man=[l.split('\t')[0] for l in open(D+'/remotewlb_remote_jobs_2024_2025/MANIFEST.tsv')][1:]
def slug(p): return p.split('/')[-2]
def head(p):
    L=open(D+'/remotewlb_remote_jobs_2024_2025/'+p).read().split('\n')
    t=L[0].lstrip('# '); m=re.match(r'\[(.*?)\]\(',t); t=m.group(1) if m else t
    return t.strip(), (L[1].lstrip('# ').strip() if len(L)>1 else '')
ex_tc=set()
for e in existing:
    if e['source']=='remote': ex_tc.add(head(e['file'][len('remotewlb_remote_jobs_2024_2025/'):]))
nontech=re.compile(r'sales|account (executive|manager)|marketing|recruit|support|customer|success|operations|finance|accountant|nurse|clinical|legal|counsel|writer|content|designer|hr |human resources|people|talent|product manager|project manager|compliance|teacher|tutor|coordinator', re.I)
def is_nontech(t): return bool(nontech.search(t)) and not re.search(r'engineer|developer|scien|data|machine|analyst',t,re.I)
NONTECH_MAX=int(os.environ.get('PICK_NONTECH_MAX','6500'))
# PICK_DEDUP_TEXT=1 (the eighth set on): the board re-posts one description under several titles ("Crypto Data Engineer
# (Delhi- Remote)", "(Pakistan- Remote)", ...), so a posting whose description (the text after its three header lines)
# (to its "CLICK TO APPLY" line) is that of a labelled or already drawn posting is skipped as well; without it the earlier draws are unchanged.
DEDUP_TEXT=os.environ.get('PICK_DEDUP_TEXT')=='1'
def body(p): return ' '.join(open(D+'/remotewlb_remote_jobs_2024_2025/'+p).read().split('\n',3)[-1].split('## CLICK TO')[0].split())
ex_body={body(e['file'][len('remotewlb_remote_jobs_2024_2025/'):]) for e in existing if e['source']=='remote'} if DEDUP_TEXT else set()
cand=[]
for p in man:
    if slug(p) in ex_keys: continue
    txt=open(D+'/remotewlb_remote_jobs_2024_2025/'+p).read()
    # non-tech roles on this board are few and long: up to 6,500 characters for them (the earlier sets took the short ones)
    if not 900<=len(txt)<=(NONTECH_MAX if is_nontech(head(p)[0]) else 4500): continue
    cand.append(p)
rng2=random.Random(SEED); rng2.shuffle(cand)
tech=[];non=[];seen=set(ex_tc)
for p in cand:
    tc=head(p)
    if tc in seen: continue
    base=re.sub(r'-\d+$','',slug(p))
    if any(re.sub(r'-\d+$','',slug(q))==base and head(q)[1]==tc[1] for q in tech+non): continue
    if DEDUP_TEXT:
        b=body(p)
        if b in ex_body: continue
    if is_nontech(tc[0]):
        if len(non)<4: non.append(p); seen.add(tc); DEDUP_TEXT and ex_body.add(body(p))
    else:
        if len(tech)<9: tech.append(p); seen.add(tc); DEDUP_TEXT and ex_body.add(body(p))
    if len(non)==4 and len(tech)==9: break
# LinkedIn Brazil 2023 (opt-in, PICK_NONTECH_LINKEDIN_BR=1): full-text non-tech postings written in English, for the
# board's shortfall; keyed by LinkedIn's job number (the ingest's source id)
lbr=[]
if os.environ.get('PICK_NONTECH_LINKEDIN_BR')=='1' and len(non)<4:
    LBR='linkedin_brazil_data_jobs_2023/data_jobs_2023-06-26.csv'
    brows=list(csv.DictReader(open(D+'/'+LBR,encoding='utf-8'),delimiter=';'))
    en=re.compile(r'\b(the|and|with|you|experience|will)\b',re.I)
    pt=re.compile(r'\b(para|você|com|experiência|conhecimento|vaga|não|será)\b',re.I)
    def jobno(r):
        m=re.search(r'/jobs/view/(\d+)',r['link_linkedin']); return m.group(1) if m else None
    bc=[r for r in brows if jobno(r) and jobno(r) not in ex_keys and is_nontech(r['position'])
        and len(en.findall(r['description']))>3*len(pt.findall(r['description'])) and 900<=len(r['description'])<=NONTECH_MAX]
    bc.sort(key=jobno)
    rng4=random.Random(SEED); rng4.shuffle(bc)
    seen_b=set()
    for r in bc:
        k=(r['position'],r['company_name'])
        if k in seen_b: continue
        seen_b.add(k); lbr.append(r)
        if len(non)+len(lbr)==4: break
# usajobs (when the board has fewer than 4 unused non-tech postings left, USAJOBS summaries, non-tech federal roles for
# the most part, make up the difference so that the set keeps 30 postings and its share of non-tech text; the earlier
# draws found 4 and are unchanged)
rows=list(csv.DictReader(open(D+'/usajobs_data_roles_2026/usajobs_postings.csv')))
ex_us={(rows[i]['title'],rows[i]['description'][:100]) for i in ex_rows}
idx=[i for i,r in enumerate(rows) if len(r['description'])>=300 and i not in ex_rows]
rng3=random.Random(SEED); rng3.shuffle(idx)
us=[];seen=set(ex_us)
for i in idx:
    r=rows[i]; k=(r['title'],r['description'][:100])
    if k in seen: continue
    seen.add(k); us.append(i)
    if len(us)==4+max(0,4-len(non)-len(lbr)): break
out=[]
for k in pick_hn: out.append(dict(source='hn',file=hn[k][0],key=k,text=strip(hn[k][1])))
for p in tech+non:
    out.append(dict(source='remote',file='remotewlb_remote_jobs_2024_2025/'+p,key=slug(p),text=open(D+'/remotewlb_remote_jobs_2024_2025/'+p).read()))
for r in lbr:
    out.append(dict(source='linkedin-br',file=LBR,key=jobno(r),title=r['position'],text=r['position']+'\n'+r['description']))
for i in us:
    out.append(dict(source='usajobs',file='usajobs_data_roles_2026/usajobs_postings.csv',key=str(i),text=rows[i]['title']+'\n'+rows[i]['description']))
for n,o in enumerate(out):
    open(f'{OUT}/p{n:02d}.txt','w').write(f"### {n} {o['source']} {o['file']} {o['key']}\n"+o['text'])
json.dump([{k:v for k,v in o.items() if k!='text'} for o in out],open(''+OUT+'/picked.json','w'),indent=0)
print(len(out)); 
for n,o in enumerate(out): print(n,o['source'],o['key'],len(o['text']))
