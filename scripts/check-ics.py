#!/usr/bin/env python3
"""Reads an iCalendar file with an independent parser (Python's `icalendar` package, Debian
`python3-icalendar`) and prints, as JSON, what a calendar application would show: each event's UID,
summary, status, sequence, start in UTC and its start as wall-clock time in each zone named on the
command line, plus any TZID an event uses that has no VTIMEZONE.

    python3 scripts/check-ics.py feed.ics Europe/Zurich Asia/Kathmandu

Exit status 3 when the `icalendar` package is missing (the Rust test that runs this fails on CI then).
"""

import json
import sys
from datetime import timezone
from zoneinfo import ZoneInfo

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed", file=sys.stderr)
    sys.exit(3)


def main(path, zones):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    defined = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    used = set()
    events = []
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        tzid = ev["DTSTART"].params.get("TZID")
        if tzid:
            used.add(str(tzid))
        events.append({
            "uid": str(ev["UID"]),
            "summary": str(ev["SUMMARY"]),
            "status": str(ev.get("STATUS", "")),
            "sequence": int(ev.get("SEQUENCE", 0)),
            "tzid": str(tzid) if tzid else None,
            "start_utc": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"),
            "end_utc": end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"),
            "local": {z: start.astimezone(ZoneInfo(z)).strftime("%Y-%m-%dT%H:%M") for z in zones},
        })
    print(json.dumps({"events": events, "missing_vtimezones": sorted(used - defined)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
