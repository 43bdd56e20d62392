#!/usr/bin/env python3
"""Builds src/main/resources/dev/conn/postmortem/sample-incident.json: Conn's sample incident.

SAMPLE DATA. The story follows the shape of published cascading-outage postmortems (a DNS cache
memory leak, then cloud API rate limits, then a database metadata-lock pile-up); every name, time,
figure and metric below is invented. The metric series and its PNG are synthetic.
Run from the repository root: python3 assets/make-sample-incident.py
"""
import base64, json, math, struct, zlib
from datetime import datetime, timedelta, timezone

INCIDENT = "01995a10-4a7e-7d2c-9b61-c0ffee5a3b1e"
DAY = datetime(2025, 9, 16, tzinfo=timezone.utc)
n = 0
events = []


def at(hhmm):
    h, m = map(int, hhmm.split(":"))
    return DAY + timedelta(hours=h, minutes=m)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def add(hhmm, author, type_, payload, recorded=None):
    global n
    n += 1
    t = at(hhmm)
    events.append({
        "id": "01995a10-0000-7000-8000-%012d" % n,
        "incidentId": INCIDENT,
        "occurredAt": iso(t),
        "recordedAt": iso(at(recorded) if recorded else t),
        "author": author,
        "type": type_,
        "payload": payload,
    })
    return events[-1]["id"]


def png_chart(values, w=480, h=160):
    """A synthetic line chart as PNG bytes (no libraries: zlib + struct, RFC 2083)."""
    px = [[(255, 255, 255)] * w for _ in range(h)]
    for x in range(w):
        px[h - 12][x] = (140, 140, 140)
    for y in range(h):
        px[y][30] = (140, 140, 140)
    lo, hi = min(values), max(values)
    pts = []
    for i, v in enumerate(values):
        x = 31 + int(i * (w - 40) / (len(values) - 1))
        y = (h - 14) - int((v - lo) / (hi - lo) * (h - 30))
        pts.append((x, y))
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for s in range(steps + 1):
            x = x0 + (x1 - x0) * s // steps
            y = y0 + (y1 - y0) * s // steps
            for dy in (0, 1):
                if 0 <= y + dy < h:
                    px[y + dy][x] = (214, 69, 65)
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in px)

    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# synthetic resolver memory (MiB), one point a minute 01:40-04:10: a saw-tooth leak, then flat
series = []
for i in range(151):
    t = at("01:40") + timedelta(minutes=i)
    if i < 55:
        v = 180 + i * 6
    elif i < 123:
        v = 300 + ((i - 55) % 4) * 105 + 8 * math.sin(i)  # OOM-kill loop at the 512 MiB limit
    else:
        v = 410 + 4 * math.sin(i / 3)  # 2 GiB limit: stable
    series.append([int(t.timestamp()), round(v, 1)])

add("02:31", "Priya", "INCIDENT_DECLARED", {
    "title": "[Sample] Checkout and login failing: DNS cache leak cascading into API rate limits and a DB lock",
    "severity": "SEV1",
    "summary": "SAMPLE DATA: a fictional incident to show every panel. Names, times and figures are invented",
    "impactStartedAt": iso(at("02:10")),
    "commander": "Priya",
})
for rid, name, handle in [("r-priya", "Priya", "@priya"), ("r-marco", "Marco", "@marco"),
                          ("r-lena", "Lena", "@lena"), ("r-sam", "Sam", "@sam")]:
    add("02:32" if rid == "r-priya" else "02:35", "Priya", "RESPONDER_JOINED",
        {"responderId": rid, "name": name, "handle": handle})
add("02:36", "Priya", "ROLE_ASSIGNED", {"role": "COMMUNICATIONS_LEAD", "person": "Lena", "responderId": "r-lena"})
add("02:36", "Priya", "ROLE_ASSIGNED", {"role": "OPERATIONS_LEAD", "person": "Marco", "responderId": "r-marco"})
add("02:38", "Marco", "NOTE", {"text": "DNS resolver pods restarting: OOMKilled every ~4 min at the 512Mi limit"})
def message(hhmm, who, mid, audience, channel, subject, body):
    # as the comms outbox records a message: queued (with its text), then sent
    add(hhmm, who, "MESSAGE_QUEUED", {"messageId": mid, "audience": audience, "channels": channel,
                                      "subject": subject, "body": body})
    add(hhmm, who, "MESSAGE_SENT", {"messageId": mid, "channel": channel, "sentAt": iso(at(hhmm))})


add("02:40", "Marco", "IMPACT_QUERY_SET", {"queryId": "q-dns-memory", "name": "[Synthetic] DNS resolver memory",
                                           "sourceId": "sample", "unit": "MiB",
                                           "query": "sum(container_memory_working_set_bytes{pod=~\"dns-resolver.*\"}) / 2^20"})
message("02:41", "Lena", "00000000-0000-4000-8000-00000000a001", "STATUS_PAGE", "statuspage",
        "Investigating failed checkouts and logins",
        "We are investigating errors at checkout and login. Next update at 03:10 UTC.")
add("02:44", "Priya", "STATUS_CHANGED", {"status": "identified", "text": "resolver cache grows without bound"})
a1 = add("02:47", "Marco", "ACTION_TAKEN", {"text": "raised DNS resolver memory limit 512Mi -> 2Gi"})
add("02:55", "Marco", "NOTE", {"text": "service discovery retries hit the cloud API rate limit (HTTP 429) while DNS flapped"})
add("02:58", "Priya", "DECISION", {"text": "pause the cluster autoscaler to stop the API call storm"})
a2 = add("03:00", "Marco", "ACTION_TAKEN", {"text": "paused the cluster autoscaler"})
add("03:12", "Sam", "NOTE", {"text": "orders DB: schema migration waiting on a metadata lock; app threads pile up behind it"})
a3 = add("03:18", "Sam", "ACTION_TAKEN", {"text": "killed the migration session holding the metadata lock on orders"})
message("03:20", "Lena", "00000000-0000-4000-8000-00000000a002", "RESPONDERS", "slack",
        "Checkout recovering", "#incident: checkout recovering, next update 03:50 UTC")
snap = {
    "name": "[Synthetic] DNS resolver memory (MiB), 01:40-04:10 UTC",
    "queryId": "q-dns-memory",
    "query": "sum(container_memory_working_set_bytes{pod=~\"dns-resolver.*\"}) / 2^20",
    "synthetic": True,
    "png": base64.b64encode(png_chart([v for _, v in series])).decode(),
}
add("03:40", "Marco", "METRIC_SNAPSHOT", snap)
add("03:45", "Priya", "HANDOFF_OFFERED", {"offerId": "offer-1", "role": "INCIDENT_COMMANDER", "from": "Priya",
                                          "fromId": "r-priya", "to": "Sam", "toId": "r-sam", "readBackCode": "K7-DELTA",
                                          "brief": "Mitigated pending: DNS limit raised, autoscaler paused, lock cleared."})
add("03:47", "Sam", "HANDOFF_ACKNOWLEDGED", {"offerId": "offer-1", "role": "INCIDENT_COMMANDER", "to": "Sam",
                                              "toId": "r-sam", "method": "READ_BACK"})
add("03:52", "Sam", "MITIGATED", {"text": "error rates back to baseline"})
add("03:53", "Sam", "STATUS_CHANGED", {"status": "monitoring"})
add("05:05", "Sam", "RESOLVED", {"text": "autoscaler resumed with backoff; no errors for 60 min"})
add("09:30", "Priya", "MILESTONE_SET", {"milestone": "DETECTED", "at": iso(at("02:18")),
                                         "reason": "the first resolver OOM alert fired at 02:18"})


def field(key, text, hhmm="10:00"):
    add(hhmm, "Priya", "POSTMORTEM_FIELD_SET", {"field": key, "text": text})


field("summary", "A memory leak in the DNS resolver cache made resolver pods crash in a loop. Service discovery "
      "retried against the cloud API until it was rate limited, and a schema migration left holding a metadata "
      "lock on the orders database stalled checkout once traffic returned.")
field("impact", "About 38 % of checkout and login requests failed for 1 h 42 min (02:10-03:52 UTC). "
      "No data was lost. (Sample figures.)")
field("rootCause.1", "DNS resolver cache had no size bound")
field("rootCause.1.why.1", "Why did lookups fail? Resolver pods were OOMKilled every few minutes.")
field("rootCause.1.why.2", "Why OOM? The cache kept every negative answer forever.")
field("rootCause.1.why.3", "Why forever? The TTL for negative answers was not applied after an upgrade.")
field("rootCause.1.why.4", "Why unnoticed? Resolver memory had no alert, only pod restarts.")
field("rootCause.1.why.5", "Why no alert? Platform components were not in the alerting review.")
field("rootCause.1.elsewhere", "Any in-process cache without a bound. Add a size cap lint and a memory alert to "
      "every platform component.")
field("rootCause.2", "Service discovery retried without backoff against a rate-limited cloud API")
field("rootCause.2.why.1", "Why rate limited? Thousands of retries per second during DNS flaps.")
field("rootCause.2.why.2", "Why so many? Retries had no jitter or budget.")
field("rootCause.2.elsewhere", "Every client of a shared quota: give retries budgets and jittered backoff.")
field("rootCause.3", "A schema migration held a metadata lock on orders")
field("rootCause.3.why.1", "Why a lock? The migration ran during the incident and waited behind long transactions.")
field("rootCause.3.elsewhere", "Every migration: run with a lock timeout so it gives up instead of blocking.")
field("trigger", "Nightly batch traffic at 02:10 filled the resolver cache past its memory limit.")
field("resolution", "Raised the resolver memory limit, paused the autoscaler, killed the migration session; "
      "then resumed the autoscaler with backoff.")
field("detection", "The resolver OOM alert fired at 02:18; the incident was declared at 02:31 after checkout "
      "alerts. A memory alert would have caught it before impact.")
field("wentWell", "Clear roles early; the IC hand-off was read back; status page updated within 10 minutes.")
field("wentWrong", "Three failures stacked before anyone saw the chain; no memory alert on resolvers.")
field("gotLucky", "It happened at night, with low traffic; the migration was easy to kill.")
field("supporting", "This is sample data shipped with Conn. The metric snapshot is a synthetic series.")
field("cleanup." + a1, "MAKE_PERMANENT")
field("cleanup." + a2, "REVERT")
field("cleanup." + a3, "DONE")


def item(iid, text, kind, owner, due, ticket, status, cause=None, elsewhere=False):
    p = {"itemId": "01995a10-0000-7000-8000-9999999999%02d" % iid, "text": text, "kind": kind, "owner": owner,
         "due": due, "ticket": ticket, "status": status}
    if cause:
        p["rootCause"] = cause
    if elsewhere:
        p["elsewhere"] = True
    add("10:30", "Priya", "ACTION_ITEM_ADDED", p)


item(1, "Bound the resolver cache and honour negative TTLs", "PREVENT", "Marco", "2025-09-30",
     "https://tickets.example.com/PLAT-101", "DONE", 1)
item(2, "Alert on resolver memory at 80 % of its limit", "MITIGATE", "Marco", "2025-10-03",
     "https://tickets.example.com/PLAT-102", "OPEN", 1)
item(3, "Lint every platform cache for a size bound", "PREVENT", "Lena", "2025-11-14",
     "https://tickets.example.com/PLAT-110", "IN_PROGRESS", 1, True)
item(4, "Jittered backoff and retry budget in service discovery", "PREVENT", "Sam", "2025-10-10",
     "https://tickets.example.com/PLAT-120", "OPEN", 2)
item(5, "Run migrations with lock_wait_timeout", "PROCESS", "Sam", "2025-10-17",
     "https://tickets.example.com/DB-33", "OPEN", 3, True)
add("10:40", "Priya", "INCIDENT_TAGGED", {"services": ["dns", "service-discovery", "orders-db", "checkout"],
                                          "categories": ["memory leak", "rate limit", "database locking"]})

bundle = {
    "format": "conn-incident-bundle",
    "version": 1,
    "incident": {"id": INCIDENT, "title": events[0]["payload"]["title"], "severity": "SEV1", "status": "resolved",
                 "declaredAt": events[0]["occurredAt"], "commander": "Sam"},
    "events": events,
    # the impact graph's cached answer, in the shape of impact.SeriesArchive: a Prometheus
    # query_range matrix, as if fetched at 04:10
    "metricSeries": [{
        "synthetic": True,
        "note": "SAMPLE DATA: a synthetic series, not measured anywhere",
        "queryId": "q-dns-memory",
        "sourceKind": "PROMETHEUS",
        "query": snap["query"],
        "from": iso(at("01:40")),
        "to": iso(at("04:10")),
        "fetchedAt": iso(at("04:10")),
        "raw": {"status": "success", "data": {"resultType": "matrix", "result": [{
            "metric": {"pod": "dns-resolver"},
            "values": [[t, str(v)] for t, v in series]}]}},
    }],
}
with open("src/main/resources/dev/conn/postmortem/sample-incident.json", "w") as f:
    json.dump(bundle, f, indent=2)
    f.write("\n")
print(len(events), "events")
