#!/usr/bin/env python3
"""Compares the response statuses the test suite observed with those the OpenAPI document declares.

    python3 scripts/check-statuses.py DIR [openapi/openapi.json]

DIR holds the `statuses-<pid>.tsv` files the server writes when GMC_RECORD_STATUSES_DIR is set
(crates/api/src/status_log.rs): one `METHOD<TAB>route pattern<TAB>status` line per response served.
Each (method, pattern) is mapped to its operation in the document. The check FAILS when

  - an operation answered a status it does not declare (a generated client would not expect it), or
  - a route under /api/ or /health/ answered without being an operation of the document (an
    undocumented endpoint), except the few routes listed in NOT_OPERATIONS below;

and prints, as information, every declared status the suite never observed.

A script rather than a Rust binary: it runs after the suite, on files, with no build step, and python3
is already required by the test run (scripts/e2e.sh and the test-all preflight use it). It uses the
standard library only.
"""

import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

# Routes that answer under /api/ but are not API operations, with why, and the statuses they may give.
NOT_OPERATIONS = {
    "/api/docs": ("the docs UI's redirect to /api/docs/", {"308"}),
    "/api/docs/{}": ("the Swagger UI's files (utoipa-swagger-ui)", {"200", "404"}),
    "/api/v1/openapi.json": ("the OpenAPI document itself", {"200"}),
    "/api/{}": ("the catch-all that answers unknown API paths with a 404 problem", {"404"}),
}

# No resource matched: unknown /api/v1/… paths (the scope's 404) and the SPA's files and client routes.
UNMATCHED = "-"


def normalize(pattern):
    """`/api/v1/topics/{id}` and `/api/docs/{_:.*}` → `/api/v1/topics/{}`, `/api/docs/{}`."""
    return re.sub(r"\{[^}]*\}", "{}", pattern)


def load_operations(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    ops = {}
    for template, methods in doc["paths"].items():
        for method, op in methods.items():
            if method.startswith("x-") or method == "parameters":
                continue
            ops[(method.upper(), normalize(template))] = (op.get("operationId", f"{method} {template}"), template,
                                                            set(op.get("responses", {})))
    return ops


def declared(status, responses):
    """Whether `status` is covered by the declared responses (exact code, `4XX`-style range or default)."""
    return status in responses or f"{status[0]}XX" in responses or "default" in responses


def read_records(directory):
    records = Counter()
    files = sorted(glob.glob(os.path.join(directory, "statuses-*.tsv")))
    for name in files:
        with open(name, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line:
                    continue
                parts = line.split("\t")
                if len(parts) != 3 or not parts[2].isdigit():
                    sys.exit(f"check-statuses: {name}:{n}: not METHOD<TAB>pattern<TAB>status: {line!r}")
                records[tuple(parts)] += 1
    return files, records


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    directory = argv[1]
    document = argv[2] if len(argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "openapi", "openapi.json")
    ops = load_operations(document)
    files, records = read_records(directory)
    if not records:
        sys.exit(f"check-statuses: FAILED: no recorded responses in {directory} "
                 f"(was the suite run with GMC_RECORD_STATUSES_DIR={directory}?)")

    failures = []
    observed = defaultdict(set)  # (METHOD, normalized path) -> statuses seen
    by_path = defaultdict(set)  # normalized path -> methods the document has for it
    for method, path in ops:
        by_path[path].add(method)
    outside = Counter()  # (METHOD, pattern, status) of routes outside the contract, for the summary

    for (method, pattern, status), count in sorted(records.items()):
        if pattern == UNMATCHED:
            outside[(method, pattern, status)] += count
            continue
        key = (method, normalize(pattern))
        if key in ops:
            observed[key].add(status)
            op_id, template, responses = ops[key]
            if not declared(status, responses):
                failures.append(f"{op_id} ({method} {template}) answered {status} ({count}×), "
                                f"which it does not declare (declared: {', '.join(sorted(responses))})")
            continue
        path = normalize(pattern)
        if path in NOT_OPERATIONS:
            why, allowed = NOT_OPERATIONS[path]
            if status not in allowed:
                failures.append(f"{method} {pattern} ({why}) answered {status} ({count}×), expected one of "
                                f"{', '.join(sorted(allowed))}")
            outside[(method, pattern, status)] += count
        elif path in by_path and status == "405":
            # The resource exists for other methods and refused this one (with Allow): no operation to declare it on.
            outside[(method, pattern, status)] += count
        elif path.startswith(("/api/", "/health/")):
            failures.append(f"{method} {pattern} answered {status} ({count}×) but is no operation of the document")
        else:
            outside[(method, pattern, status)] += count

    total = sum(records.values())
    print(f"check-statuses: {total} responses in {len(files)} files; {len(observed)} of {len(ops)} operations "
          "observed")
    never = []
    for key, (op_id, template, responses) in sorted(ops.items(), key=lambda kv: kv[1][0]):
        missing = sorted(s for s in responses if s not in observed.get(key, set()))
        if missing:
            never.append(f"  {op_id:34} {key[0]:6} {template}: {', '.join(missing)}")
    if never:
        print("Declared but never observed in the suite (information):")
        print("\n".join(never))
    if outside:
        print("Routes outside the contract (information):")
        for (method, pattern, status), count in sorted(outside.items()):
            print(f"  {method:7} {pattern} → {status} ({count}×)")
    if failures:
        print("\ncheck-statuses: FAILED — observed statuses the OpenAPI document does not declare:", file=sys.stderr)
        for f in failures:
            print(f"  {f}", file=sys.stderr)
        print("Declare them in the operation's #[utoipa::path(responses(...))] (crates/api/src/routes/), "
              "then run `make openapi`.", file=sys.stderr)
        return 1
    print("check-statuses: OK — every observed status is declared by its operation.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
