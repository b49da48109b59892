"""The setup and the background writer of scripts/bench-mixed.sh (python3 standard library only).

  setup BASE_URL TOKENS_FILE
      Signs in the admin (enrolling a TOTP second factor through the API, as a real admin would: start,
      then verify with a code computed from the returned secret), creates a delegate for each of the
      delegations named in DELEGATIONS that has none yet, and writes one line per reader,
      `role label access-token`, for the wrk script: the delegates, the analyst and the admin.

  write BASE_URL OUT.json
      The background writer, until SIGTERM: as delegates of several delegations (their own sessions, not
      the readers'), creates impediments and moves them through the workflow (the analyst validates), refreshes
      its sessions' tokens, and submits public consultation responses at about RESPONSES_PER_S. On SIGTERM it
      writes its counts per action and status to OUT.json.

The writer is its own HTTP client: a 429 it may meet is not counted against the readers' figures.
"""

import base64
import hashlib
import hmac
import http.client
import json
import random
import signal
import struct
import sys
import threading
import time
import urllib.parse

PASSWORD = "demo-pass-2026"
BENCH_PASSWORD = "bench-pass-2026-long"
# The demo has delegates for BGD and NPL; the benchmark adds the seeded registry's next five reporters.
DEMO_DELEGATIONS = ("BGD", "NPL")
DELEGATIONS = ["BGD", "NPL", "IND", "PAK", "LKA", "VNM", "KHM"]
RESPONSES_PER_S = 50.0
CREATES_PER_S = 2.0
REFRESH_EVERY_S = 5.0

RESPONSE_BODY = {
    "lang": "en",
    "answers": {"exports": "regularly", "obstacles": ["testing", "delays"], "difficulty": 4, "days_lost": 3,
                "priority": "sps", "employees": 12, "online": "yes", "finance": 2, "markets": ["eu", "asean"]},
    "profile": {"country": "BGD", "sector": "C", "size_class": "micro", "women_led": True},
}


class Client:
    """One keep-alive connection (one per thread)."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def call(self, method, path, body=None, token=None):
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = "Bearer " + token
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                res = self.conn.getresponse()
                raw = res.read()
                return res.status, (json.loads(raw) if raw and raw[:1] in b"{[" else None)
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        return 0, None


def must(status_body, what):
    status, body = status_body
    if not 200 <= status < 300:
        sys.exit(f"[bench-mixed] {what}: HTTP {status} {body}")
    return body


def totp(secret, at=None):
    """RFC 6238 with the defaults authenticator apps use (SHA-1, 6 digits, 30 s)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def sign_in(c, email, password):
    """The token pair of a fresh session."""
    body = must(c.call("POST", "/api/v1/auth/login", {"email": email, "password": password}), f"sign-in {email}")
    if "access_token" not in body:
        sys.exit(f"[bench-mixed] {email}: sign-in asked for {sorted(body)}, not tokens")
    return body


def admin_session(c):
    pair = sign_in(c, "admin@gmc.test", PASSWORD)
    me = must(c.call("GET", "/api/v1/me", token=pair["access_token"]), "admin /me")
    factor = me.get("second_factor") or {}
    if factor.get("required") and not factor.get("verified"):
        secret = must(c.call("POST", "/api/v1/me/mfa/enrolment", {}, pair["access_token"]), "enrolment")["secret"]
        done = must(c.call("POST", "/api/v1/me/mfa/verification", {"code": totp(secret)}, pair["access_token"]),
                    "verification")
        pair = done["tokens"]
    return pair


def delegate_email(code):
    return f"delegate.{code.lower()}@gmc.test"


def password_of(code):
    return PASSWORD if code in DEMO_DELEGATIONS else BENCH_PASSWORD


def setup(base, out):
    c = Client(base)
    admin = admin_session(c)["access_token"]
    delegations = must(c.call("GET", "/api/v1/delegations", token=admin), "delegations")
    delegations = delegations["items"] if isinstance(delegations, dict) else delegations
    by_code = {d["country_code"]: d["id"] for d in delegations}
    lines = [f"admin admin {admin}"]
    for code in DELEGATIONS:
        if code not in by_code:
            sys.exit(f"[bench-mixed] no delegation for {code}")
        email = delegate_email(code)
        if code not in DEMO_DELEGATIONS:
            must(c.call("POST", "/api/v1/users", {
                "email": email, "name": f"Benchmark delegate {code}", "password": BENCH_PASSWORD,
                "role": "delegate", "delegation_id": by_code[code]}, admin), f"creating {email}")
        lines.append(f"delegate {code} {sign_in(c, email, password_of(code))['access_token']}")
    lines.append(f"analyst analyst {sign_in(c, 'analyst@gmc.test', PASSWORD)['access_token']}")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"[bench-mixed] {len(lines)} readers: {len(DELEGATIONS)} delegations' delegates, an analyst, an admin",
          file=sys.stderr)


# ---- the writer -------------------------------------------------------------------------------------------

class Counts:
    def __init__(self):
        self.lock = threading.Lock()
        self.by = {}

    def add(self, action, status):
        with self.lock:
            key = f"{action} {status}"
            self.by[key] = self.by.get(key, 0) + 1


def paced(rate, stop, work):
    """Calls work() about `rate` times a second until stop is set (never faster, never bunching up)."""
    period = 1.0 / rate
    next_at = time.monotonic()
    while not stop.is_set():
        work()
        next_at = max(next_at + period, time.monotonic() - period)
        stop.wait(max(0.0, next_at - time.monotonic()))


class Session:
    """A signed-in writer whose access token is refreshed in the background."""

    def __init__(self, c, email, password):
        pair = sign_in(c, email, password)
        self.access, self.refresh = pair["access_token"], pair["refresh_token"]
        self.lock = threading.Lock()

    def token(self):
        with self.lock:
            return self.access

    def rotate(self, c, counts):
        with self.lock:
            refresh = self.refresh
        status, body = c.call("POST", "/api/v1/auth/refresh", {"refresh_token": refresh})
        counts.add("refresh", status)
        if status == 200:
            with self.lock:
                self.access, self.refresh = body["access_token"], body["refresh_token"]


def write(base, out):
    stop = threading.Event()
    counts = Counts()
    rng = random.Random(2027)
    c = Client(base)
    writers = []
    for code in DELEGATIONS:
        writers.append((code, Session(c, delegate_email(code), password_of(code))))
    analyst = Session(c, "analyst@gmc.test", PASSWORD)
    consultations = must(c.call("GET", "/api/v1/consultations?q=Benchmark", token=writers[0][1].token()),
                         "benchmark consultation")["items"]
    if not consultations or not consultations[0].get("token"):
        sys.exit("[bench-mixed] no benchmark consultation with a share token (seed --bench-responses)")
    share = consultations[0]["token"]
    to_review = []  # (id) created, waiting for the delegate's review step
    to_validate = []  # (id) under review, waiting for the analyst
    queue_lock = threading.Lock()

    def create(cl):
        code, s = rng.choice(writers)
        partner = rng.choice(["EU", "USA", "CHN", "JPN", "GBR"])
        body = {
            "reporting_country": code, "partner": partner, "hs_code": rng.choice(["0306", "6109", "1006"]),
            "ntm_code": rng.choice(["A14", "B31", "PO-TIME"]),
            "title": f"Benchmark writer: obstacle for {partner}",
            "description": "Written while the registry is being read, by scripts/bench/mixed.py.",
            "severity": rng.randint(1, 5), "visibility": rng.choice(["regional", "regional", "delegation"]),
        }
        status, res = cl.call("POST", "/api/v1/impediments", body, s.token())
        counts.add("create", status)
        if status == 201 and res.get("visibility") == "regional":
            with queue_lock:
                to_review.append((s, res["id"]))

    def step(cl):
        with queue_lock:
            review = to_review.pop(0) if to_review else None
            validate = to_validate.pop(0) if to_validate and not review else None
        if review:
            s, iid = review
            status, _ = cl.call("POST", f"/api/v1/impediments/{iid}/steps",
                                {"to": "under_review", "note": "benchmark: triage"}, s.token())
            counts.add("step", status)
            if status == 200:
                with queue_lock:
                    to_validate.append(iid)
        elif validate:
            status, _ = cl.call("POST", f"/api/v1/impediments/{validate}/steps",
                                {"to": "validated", "note": "benchmark: evidence checked"}, analyst.token())
            counts.add("step", status)

    def respond(cl):
        status, _ = cl.call("POST", f"/api/v1/public/consultations/{share}/responses", RESPONSE_BODY)
        counts.add("public_response", status)

    def refresh(cl):
        for _, s in writers:
            s.rotate(cl, counts)
        analyst.rotate(cl, counts)

    def run(rate, work):
        cl = Client(base)

        def once():
            try:
                work(cl)
            except Exception as e:  # noqa: BLE001 - counted, the writer keeps going
                counts.add(work.__name__ + "-error", type(e).__name__)

        paced(rate, stop, once)

    jobs = [(CREATES_PER_S, create), (CREATES_PER_S * 2, step), (1.0 / REFRESH_EVERY_S, refresh)]
    # Two submitters: one connection's round trip must not cap the rate.
    jobs += [(RESPONSES_PER_S / 2, respond), (RESPONSES_PER_S / 2, respond)]
    threads = [threading.Thread(target=run, args=job, daemon=True) for job in jobs]
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    started = time.monotonic()
    for t in threads:
        t.start()
    print("[bench-mixed] writer running", file=sys.stderr, flush=True)
    while not stop.is_set():
        stop.wait(0.5)
    for t in threads:
        t.join(timeout=35)
    seconds = time.monotonic() - started
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"seconds": round(seconds, 1), "counts": counts.by}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"setup": setup, "write": write}[command](*args)
