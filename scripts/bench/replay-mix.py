#!/usr/bin/env python3
"""Replays the registry queries of `make bench-mixed` (scripts/bench/mixed.lua: the same filters, sorts,
page sizes and depths, drawn with a fixed seed) one request at a time against a running server, as the
Bangladesh delegate of the demo, and prints where the server time goes by filter combination and the
slowest requests. Usage: replay-mix.py BASE_URL CHAINS (e.g. http://127.0.0.1:8080 600). Standard
library only. Wall time per request includes ~0.5 ms of this script and the loopback."""
import json, time, urllib.request, sys, random, collections
BASE = sys.argv[1]; N = int(sys.argv[2])
random.seed(7)
def call(method, path, body=None, token=None):
    req = urllib.request.Request(BASE + path, method=method, data=json.dumps(body).encode() if body else None)
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())
tok = call("POST", "/api/v1/auth/login", {"email": "delegate.bgd@gmc.test", "password": "demo-pass-2026"})["access_token"]
def pick(ch):
    t = sum(w for _, w in ch); n = random.random() * t
    for v, w in ch:
        if n < w: return v
        n -= w
    return ch[-1][0]
PARTNERS=[("EU",22),("USA",14),("IND",10),("CHN",9),("JPN",6),("ASEAN",6),("GBR",5),("ARE",5),("AUS",4),("SAU",4),("KOR",3),("THA",3),("MYS",3),("SGP",2),("CAN",2),("TUR",2)]
REPORTERS=[("BGD",18),("NPL",14),("IND",10),("PAK",8),("LKA",8),("VNM",7),("KHM",7),("IDN",6),("PHL",5)]
CHAPTERS=[("A",25),("B",20),("PO-TIME",10),("PO-ADMIN",8),("O",6),("C",5),("PO-INFO",5),("E",4),("PO-RECOG",4),("F",3),("P",3),("PO-PAY",4),("PO-FACIL",3)]
HS=[("03",20),("61",20),("62",8),("10",8),("09",6),("0305",6),("6104",6),("52",5),("85",4),("030612",3),("1",4),("6",4)]
TOPICS=[("SPS",40),("TBT",25),("TF",25),("ROO",10)]
STATUSES=[("reported",40),("under_review",25),("validated",25),("raised",10)]
WORDS=[("border",30),("residue",20),("licence",15),("Nepal",15),("cold%20storage",10),("record%204242",3),("no-such-word",2)]
SORTS="-created_at -created_at -updated_at -severity -severity severity title partner ntm_code status".split()
DEPTHS=[(1,40),(2,20),(3,12),(4,8),(5,6),(6,4),(7,3),(8,3),(9,2),(10,2)]
def q():
    p=[]
    if random.random()<0.45: p.append("partner="+pick(PARTNERS))
    if random.random()<0.35: p.append("ntm_chapter="+pick(CHAPTERS))
    if random.random()<0.30: p.append("severity_min="+str(pick([(3,50),(4,35),(5,15)])))
    if random.random()<0.15: p.append("hs="+pick(HS))
    if random.random()<0.12: p.append("topic="+pick(TOPICS))
    if random.random()<0.15: p.append("status="+pick(STATUSES))
    if random.random()<0.10: p.append("reporting_country="+pick(REPORTERS))
    if random.random()<0.08: p.append("q="+pick(WORDS))
    if random.random()<0.4: p.append("sort="+random.choice(SORTS))
    p.append("limit="+str(pick([(25,30),(50,60),(100,10)])))
    return "/api/v1/impediments?"+"&".join(p)
costs=collections.defaultdict(list); allc=[]
for i in range(N):
    path=q(); depth=pick(DEPTHS); cur=None
    for d in range(depth):
        s=time.perf_counter(); page=call("GET", path+("&cursor="+cur if cur else ""), token=tok); el=(time.perf_counter()-s)*1000
        key=" ".join(sorted(x.split("=")[0] for x in path.split("?")[1].split("&") if not x.startswith("limit")))+(" [next]" if cur else "")
        costs[key].append(el); allc.append((el,path,d))
        cur=page.get("next_cursor")
        if not cur: break
tot=sum(e for e,_,_ in allc)
print(f"requests {len(allc)}  mean {tot/len(allc):.2f} ms")
agg=sorted(((sum(v),k,len(v)) for k,v in costs.items()), reverse=True)
for s,k,n in agg[:20]: print(f"{100*s/tot:5.1f}%  n={n:4}  mean={s/n:6.2f} ms  {k}")
print("slowest:")
for e,p,d in sorted(allc, reverse=True)[:15]: print(f"{e:7.1f} ms depth={d} {p}")
