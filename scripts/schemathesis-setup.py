"""What scripts/schemathesis.sh needs from the running server before it fuzzes it.

  token BASE_URL EMAIL PASSWORD
      Prints an access token for the account. When its role needs a second factor it has not passed (the
      admin), enrols one through the API — start, then verify with a TOTP code computed from the returned
      secret — and prints the access token of the session that the enrolment hands back.

  config BASE_URL OUT.toml TOKEN...
      Writes a schemathesis configuration whose dictionaries hold real values read (with the first token)
      from the seeded data: record ids, question codes, share tokens, country, NTM and topic codes, current
      ETags. Generated values are drawn from them most of the time (random ones the rest), so requests get
      past "no such record" and "unknown code" to the code behind: results with filters, cross-tabs,
      updates with a current If-Match, public forms. The user ids of the tokens' own accounts are left
      out: a new password or a reset second factor would end the session a run is using.

Runs in the virtualenv that scripts/schemathesis.sh installs (it needs pyotp).
"""

import json
import sys
import urllib.error
import urllib.request

import pyotp


def call(base, method, path, body=None, token=None):
    req = urllib.request.Request(
        base + path, method=method, data=None if body is None else json.dumps(body).encode()
    )
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as res:
        return json.load(res)


def token(base, email, password):
    login = call(base, "POST", "/api/v1/auth/login", {"email": email, "password": password})
    if "access_token" not in login:
        sys.exit(f"{email}: sign-in answered {sorted(login)}, not a token pair (a second factor already enrolled?)")
    access = login["access_token"]
    factor = call(base, "GET", "/api/v1/me", token=access).get("second_factor")
    if factor and factor["required"] and not factor["verified"]:
        secret = call(base, "POST", "/api/v1/me/mfa/enrolment", {}, access)["secret"]
        code = pyotp.TOTP(secret).now()
        access = call(base, "POST", "/api/v1/me/mfa/verification", {"code": code}, access)["tokens"]["access_token"]
        if not call(base, "GET", "/api/v1/me", token=access)["second_factor"]["verified"]:
            sys.exit(f"{email}: enrolled a second factor, but the new session is not verified")
    print(access)


def items(base, path, tok):
    """Every item of a collection (following `next_cursor`), or of a plain list; none for a collection the
    reader may not list (a delegate and `/users`)."""
    out, cursor = [], None
    while True:
        query = "limit=200" + (f"&cursor={cursor}" if cursor else "")
        try:
            page = call(base, "GET", path + ("&" if "?" in path else "?") + query, token=tok)
        except urllib.error.HTTPError as e:
            if e.code == 403:
                return []
            raise
        if isinstance(page, list):
            return page
        out.extend(page["items"])
        cursor = page.get("next_cursor")
        if not cursor or len(out) >= 400:
            return out


def toml_str(v):
    return json.dumps(v, ensure_ascii=False)


def config(base, out, tok, *others):
    own = {call(base, "GET", "/api/v1/me", token=t)["id"] for t in (tok, *others)}
    consultations = items(base, "/api/v1/consultations", tok)
    impediments = items(base, "/api/v1/impediments", tok)[:40]
    stakeholders = items(base, "/api/v1/stakeholders", tok)[:40]
    topics = items(base, "/api/v1/topics", tok)
    watch = items(base, "/api/v1/watch-items", tok)
    users = [u for u in items(base, "/api/v1/users", tok) if u["id"] not in own]
    countries = items(base, "/api/v1/countries", tok)
    ntm = items(base, "/api/v1/ntm-categories", tok)
    delegations = items(base, "/api/v1/delegations", tok)

    records = consultations + impediments + stakeholders + topics + watch + users
    dictionaries = {
        "consultation_ids": [c["id"] for c in consultations],
        "impediment_ids": [i["id"] for i in impediments],
        "stakeholder_ids": [s["id"] for s in stakeholders],
        "topic_ids": [t["id"] for t in topics],
        "topic_refs": [t["id"] for t in topics] + [t["code"] for t in topics],
        "watch_item_ids": [w["id"] for w in watch],
        "user_ids": [u["id"] for u in users],
        "delegation_ids": [d["id"] for d in delegations],
        "question_codes": sorted({q["code"] for c in consultations for q in c.get("questions", [])}),
        "breakdowns": ["country", "sector", "size_class", "women_led"],
        "share_tokens": [c["token"] for c in consultations if c.get("token")],
        "country_codes": [c["code"] for c in countries],
        "ntm_codes": [n["code"] for n in ntm],
        # Seeded records are at version 1 and the ones a run changes a little higher: quoted, as an ETag is.
        "etags": sorted({f'"{r["version"]}"' for r in records if "version" in r} | {'"1"', '"2"'}),
    }
    dictionaries = {k: v for k, v in dictionaries.items() if v}

    def binding(name, p):
        return f"{{ dictionary = {toml_str(name)}, probability = {p} }}" if name in dictionaries else None

    # (path regex, {parameter: dictionary}); a binding to a parameter an operation lacks is ignored.
    by_path = [
        (r"^/api/v1/consultations/\{id\}", {"path.id": "consultation_ids", "query.question": "question_codes",
                                            "query.by": "breakdowns", "query.country": "country_codes",
                                            "header.If-Match": "etags"}),
        (r"^/api/v1/impediments/\{id\}", {"path.id": "impediment_ids", "header.If-Match": "etags"}),
        (r"^/api/v1/stakeholders/\{id\}", {"path.id": "stakeholder_ids", "header.If-Match": "etags"}),
        (r"^/api/v1/topics/\{id\}", {"path.id": "topic_refs", "header.If-Match": "etags"}),
        (r"^/api/v1/watch-items/\{id\}", {"path.id": "watch_item_ids", "header.If-Match": "etags"}),
        (r"^/api/v1/users/\{id\}", {"path.id": "user_ids", "header.If-Match": "etags"}),
        (r"^/api/v1/delegations/\{id\}", {"path.id": "delegation_ids"}),
        (r"^/api/v1/public/consultations/\{token\}", {"path.token": "share_tokens"}),
        (r"^/api/v1/impediments$", {"body.reporting_country": "country_codes", "body.partner": "country_codes",
                                    "body.ntm_code": "ntm_codes", "body.topic_ids[*]": "topic_ids",
                                    "body.delegation_id": "delegation_ids", "body.stakeholder_id": "stakeholder_ids",
                                    "query.reporting_country": "country_codes", "query.partner": "country_codes"}),
        (r"^/api/v1/impediments/summary$", {"query.reporting_country": "country_codes",
                                            "query.partner": "country_codes"}),
        (r"^/api/v1/(watch-items|consultations|stakeholders|users)$", {
            "body.topic_id": "topic_ids", "body.topic_ids[*]": "topic_ids", "body.delegation_id": "delegation_ids",
            "body.country": "country_codes", "query.topic": "topic_ids", "query.delegation": "delegation_ids"}),
    ]
    lines = ["# Written by scripts/schemathesis-setup.py for one run; not kept.", ""]
    # No state carried over from an earlier run: the seed alone decides what is sent.
    lines += ["[cache]", "enabled = false", ""]
    for name, values in dictionaries.items():
        lines += [f"[dictionaries.{name}]", f"values = [{', '.join(toml_str(v) for v in values)}]", ""]
    for regex, params in by_path:
        # Mostly real values, so that a request with several of them still reaches the code behind.
        bound = {k: binding(v, 0.8) for k, v in params.items()}
        bound = {k: v for k, v in bound.items() if v}
        if not bound:
            continue
        lines += ["[[operations]]", f"include-path-regex = {toml_str(regex)}", "[operations.parameters]"]
        lines += [f"{toml_str(k)} = {v}" for k, v in bound.items()]
        lines.append("")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"token": token, "config": config}[command](*args)
