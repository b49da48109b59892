#!/usr/bin/env python3
"""Times the registry's first-page count (bounded at 1,001) and page of 50 for WHERE fragments, on a
SQLite file seeded by `gmc seed --demo --impediments 100000`, with the query plan, as the delegation
owning the most records. Usage: registry-queries.py FILE "AND partner='EU'" "AND severity>=4" ...
Best of 5, Python's own SQLite (the plans match the server's bundled SQLite for these queries)."""
import sqlite3, time, sys
db = sqlite3.connect(sys.argv[1])
D = db.execute("select delegation_id from impediments group by delegation_id order by count(*) desc limit 1").fetchone()[0]
V = "(visibility IN ('regional','public') OR delegation_id = ?)"
def t(sql):
    best = 1e9
    for _ in range(5):
        s = time.perf_counter(); r = db.execute(sql, (D,)).fetchall(); best = min(best, time.perf_counter() - s)
    plan = " | ".join(x[3] for x in db.execute("EXPLAIN QUERY PLAN " + sql, (D,)))
    return f"{best*1000:7.2f} ms  rows={len(r) if len(r)!=1 else r[0][0]}  {plan}"
for W in sys.argv[2:]:
    print("==", W or "(none)")
    print("  count", t(f"SELECT count(*) FROM (SELECT 1 FROM impediments WHERE {V} {W} LIMIT 1001)"))
    print("  page ", t(f"SELECT * FROM impediments WHERE {V} {W} ORDER BY id DESC LIMIT 51"))
