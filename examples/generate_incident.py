#!/usr/bin/env python3
"""Writes the demo incident under examples/incident/ (deterministic: same output every run).

The story (2026-11-19, UTC): checkout v2.14.0 is deployed at 14:02 with a connection-pool
setting of 5 instead of 50. Payment latency climbs, checkout starts failing with pool
timeouts, the gateway returns 502/504, inventory throws SQL exceptions with stack traces,
a web host OOM-kills a worker, an alert fires at 14:12, the deploy is rolled back at
14:38-14:41 and the error rate returns to baseline by 14:50.

Files (one per format the log parsers read):
  api-gateway.access.log  nginx combined access log (+0000)
  checkout.jsonl          JSON lines (one deliberately truncated line -> dead letter)
  payment.logfmt          logfmt
  inventory.log           logback text with multi-line Java stack traces
  hosts.syslog            RFC 3164 syslog (no year: the year is assumed from the file's mtime)
  deploy-bot.jsonl        deploy and alert notices as JSON lines
and one per document the other connectors read (written from a second random stream, so the
logs above stay the same):
  checkout-latency.csv        checkout p99 latency every 10 s (a CSV series; the anomaly
                              detector turns the climb after the deploy into metric events)
  checkout-traces.otlp.json   OTLP/JSON traces of checkout requests whose ids appear in
                              checkout.jsonl (error spans: the pool acquire timing out)
  checkout-ci.junit.xml       the v2.14.0 pipeline's JUnit report (a pool-sizing test failed
                              in a job allowed to fail)
  checkout.gitlog             `git log --pretty=fuller --numstat` of the checkout repository:
                              the pool change, the release, the revert
usage: python3 examples/generate_incident.py
"""
import json
import os
import random
from datetime import datetime, timedelta, timezone

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "incident")
START = datetime(2026, 11, 19, 13, 30, tzinfo=timezone.utc)
END = datetime(2026, 11, 19, 15, 30, tzinfo=timezone.utc)
DEPLOY = datetime(2026, 11, 19, 14, 2, 10, tzinfo=timezone.utc)
ALERT = datetime(2026, 11, 19, 14, 12, 0, tzinfo=timezone.utc)
ROLLBACK_START = datetime(2026, 11, 19, 14, 38, 5, tzinfo=timezone.utc)
ROLLBACK_DONE = datetime(2026, 11, 19, 14, 41, 30, tzinfo=timezone.utc)
rng = random.Random(20261119)


def badness(t):
    """0 before the deploy, ramps to 1 by 14:15, holds, decays after the rollback."""
    if t < DEPLOY:
        return 0.0
    if t < ROLLBACK_DONE:
        return min(1.0, (t - DEPLOY).total_seconds() / 780.0)
    return max(0.0, 1.0 - (t - ROLLBACK_DONE).total_seconds() / 480.0)


def times(mean_gap):
    t = START
    while t < END:
        t += timedelta(seconds=rng.expovariate(1.0 / mean_gap))
        if t < END:
            yield t


def iso(t, ms=3):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}"[:ms] + "Z"


def trace_id():
    return "%032x" % rng.getrandbits(128)


PATHS = ["/api/v1/cart", "/api/v1/checkout", "/api/v1/products", "/api/v1/search?q=lamp",
         "/api/v1/orders/{n}", "/api/v1/users/me", "/health", "/static/app.9f3c.js"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
          "curl/8.5.0", "okhttp/4.12.0"]


def access_log():
    lines = []
    for t in times(4.2):
        b = badness(t)
        path = rng.choice(PATHS).replace("{n}", str(rng.randint(10000, 99999)))
        status = rng.choice([200, 200, 200, 200, 201, 304, 404])
        rt = rng.lognormvariate(-2.6, 0.5)
        if "checkout" in path or "cart" in path:
            if rng.random() < 0.75 * b:
                status = rng.choice([502, 504, 504])
                rt = rng.uniform(2.9, 3.1) if status == 504 else rng.uniform(0.01, 0.05)
            else:
                rt += b * rng.uniform(0.5, 2.0)
        ip = f"203.0.113.{rng.randint(1, 254)}" if rng.random() < 0.7 else f"198.51.100.{rng.randint(1, 254)}"
        size = 0 if status in (304, 502, 504) else rng.randint(300, 48000)
        stamp = t.strftime("%d/%b/%Y:%H:%M:%S +0000")
        lines.append((t, f'{ip} - - [{stamp}] "GET {path} HTTP/1.1" {status} {size} "https://shop.example.com/" "{rng.choice(AGENTS)}" {rt:.3f}'))
    return lines


def checkout_log():
    lines = []
    for t in times(5.5):
        b = badness(t)
        tid = trace_id()
        rec = {"ts": iso(t), "level": "info", "service": "checkout",
               "host": f"web-{rng.randint(1, 3)}", "trace_id": tid,
               "request_id": "req-%08x" % rng.getrandbits(32)}
        roll = rng.random()
        if roll < 0.7 * b:
            rec.update(level="error", msg="db pool exhausted: timeout acquiring connection after 3000ms",
                       pool_max=5, pool_waiting=rng.randint(20, 140), version="v2.14.0")
        elif roll < 0.85 * b:
            rec.update(level="warn", msg=f"payment call slow ({int(900 + 2500 * b * rng.random())}ms)",
                       version="v2.14.0")
        else:
            ms = int(rng.lognormvariate(4.6, 0.35) * (1 + 3 * b))
            rec.update(msg=f"order placed in {ms}ms", order_id="ord-%06d" % rng.randint(0, 999999),
                       amount_cents=rng.randint(500, 40000), latency_ms=ms,
                       version="v2.14.0" if DEPLOY <= t < ROLLBACK_DONE else "v2.13.4")
        lines.append((t, json.dumps(rec, ensure_ascii=False)))
    # a line cut off mid-write (the disk filled up during the incident): kept as a dead letter
    t = datetime(2026, 11, 19, 14, 26, 41, 512000, tzinfo=timezone.utc)
    lines.append((t, '{"ts":"2026-11-19T14:26:41.512Z","level":"error","service":"checkout","msg":"db pool exh'))
    # a customer name with non-ASCII text
    t = datetime(2026, 11, 19, 13, 47, 2, 88000, tzinfo=timezone.utc)
    lines.append((t, json.dumps({"ts": iso(t), "level": "info", "service": "checkout", "host": "web-1",
                                 "msg": "order placed for customer Zoë Müller (東京)", "latency_ms": 112},
                                ensure_ascii=False)))
    return lines


def payment_log():
    lines = []
    for t in times(7.0):
        b = badness(t)
        ms = int(rng.lognormvariate(4.8, 0.3) * (1 + 18 * b * rng.random()))
        level = "info"
        msg = "charge completed"
        if ms > 2000:
            level = "warn"
            msg = "charge slow: card processor latency above 2s"
        if rng.random() < 0.1 * b:
            level = "error"
            msg = "charge failed: upstream checkout connection reset"
        lines.append((t, f'time={iso(t)} level={level} service=payment host=api-{rng.randint(1, 2)} '
                         f'msg="{msg}" duration_ms={ms} trace_id={trace_id()} currency=EUR'))
    return lines


STACK = """java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 3000ms.
\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)
\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)
\tat com.shop.inventory.StockRepository.reserve(StockRepository.java:88)
\tat com.shop.inventory.ReservationService.reserveAll(ReservationService.java:41)
Caused by: java.net.SocketTimeoutException: Read timed out
\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)
\t... 23 more"""


def inventory_log():
    lines = []
    for t in times(16.0):
        b = badness(t)
        stamp = t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}"
        thread = f"http-nio-8080-exec-{rng.randint(1, 12)}"
        if rng.random() < 0.45 * b:
            lines.append((t, f"{stamp} ERROR [{thread}] c.s.i.ReservationService - reservation failed for order ord-{rng.randint(0, 999999):06d}\n{STACK}"))
        elif rng.random() < 0.3 * b:
            lines.append((t, f"{stamp} WARN  [{thread}] c.s.i.StockRepository - slow query on stock_ledger took {rng.randint(800, 2900)}ms"))
        else:
            lines.append((t, f"{stamp} INFO  [{thread}] c.s.i.ReservationService - reserved {rng.randint(1, 6)} items in {rng.randint(4, 40)}ms"))
    return lines


def syslog():
    lines = []
    for t in times(60.0):
        stamp = t.strftime("%b %d %H:%M:%S").replace(" 0", "  ", 1) if t.day < 10 else t.strftime("%b %d %H:%M:%S")
        host = f"web-{rng.randint(1, 3)}"
        lines.append((t, f"{stamp} {host} systemd[1]: Started Session {rng.randint(1000, 9999)} of user deploy."))
    oom = datetime(2026, 11, 19, 14, 25, 7, tzinfo=timezone.utc)
    stamp = oom.strftime("%b %d %H:%M:%S")
    lines.append((oom, f"{stamp} web-2 kernel: Out of memory: Killed process 41822 (checkout) total-vm:4123456kB, anon-rss:3987654kB"))
    lines.append((oom + timedelta(seconds=1), f"{stamp[:-2]}{oom.second + 1:02d} web-2 systemd[1]: checkout.service: Main process exited, code=killed, status=9/KILL"))
    lines.append((oom + timedelta(seconds=6), f"{stamp[:-2]}{oom.second + 6:02d} web-2 systemd[1]: checkout.service: Scheduled restart job, restart counter is at 1."))
    return lines


def deploy_bot():
    notices = [
        (DEPLOY - timedelta(seconds=40), "info", "deploy started: checkout v2.13.4 -> v2.14.0 (change CHG-4211, by amara)", {"version": "v2.14.0", "change": "CHG-4211"}),
        (DEPLOY, "info", "deploy finished: checkout v2.14.0 on web-1, web-2, web-3", {"version": "v2.14.0", "change": "CHG-4211"}),
        (ALERT, "critical", "ALERT firing: CheckoutErrorRateHigh (5xx ratio 38% > 5% for 5m)", {"alert": "CheckoutErrorRateHigh", "state": "firing"}),
        (ALERT + timedelta(minutes=3), "warning", "ALERT firing: PaymentLatencyP99High (p99 2.8s > 1s for 5m)", {"alert": "PaymentLatencyP99High", "state": "firing"}),
        (ROLLBACK_START, "warning", "rollback started: checkout v2.14.0 -> v2.13.4 (requested by oncall jlee)", {"version": "v2.13.4", "change": "CHG-4211-rb"}),
        (ROLLBACK_DONE, "info", "rollback finished: checkout v2.13.4 on web-1, web-2, web-3", {"version": "v2.13.4", "change": "CHG-4211-rb"}),
        (ROLLBACK_DONE + timedelta(minutes=9), "info", "ALERT resolved: CheckoutErrorRateHigh", {"alert": "CheckoutErrorRateHigh", "state": "resolved"}),
        (ROLLBACK_DONE + timedelta(minutes=11), "info", "ALERT resolved: PaymentLatencyP99High", {"alert": "PaymentLatencyP99High", "state": "resolved"}),
    ]
    out = []
    for t, level, msg, extra in notices:
        rec = {"ts": iso(t), "level": level, "service": "deploy-bot", "msg": msg}
        rec.update(extra)
        out.append((t, json.dumps(rec)))
    return out


docs_rng = random.Random(4211)


def latency_series():
    """checkout p99 latency (ms) every 10 s: ~120 ms, up to ~3 s while the pool is too small."""
    rows = ["timestamp,value,series"]
    t = START
    while t < END:
        b = badness(t)
        value = docs_rng.lognormvariate(4.75, 0.12) + 2900 * b * docs_rng.uniform(0.85, 1.0)
        rows.append(f"{t.strftime('%Y-%m-%dT%H:%M:%SZ')},{value:.1f},checkout_p99_latency_ms")
        t += timedelta(seconds=10)
    return rows


def span_id():
    return "%016x" % docs_rng.getrandbits(64)


def nanos(t):
    return str(int(t.timestamp()) * 1_000_000_000 + t.microsecond * 1000)


def otlp_traces():
    """Traces of checkout requests, reusing trace ids that checkout.jsonl logged: six that hit
    the pool timeout during the incident and four healthy ones (before and after)."""
    records = []
    with open(os.path.join(OUT, "checkout.jsonl"), encoding="utf-8") as f:
        for line in f:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if "trace_id" in rec:
                records.append(rec)
    failed = [r for r in records if r["level"] == "error" and "14:1" <= r["ts"][11:16] <= "14:3"][::40][:6]
    healthy = [r for r in records if r["level"] == "info" and "latency_ms" in r and (r["ts"][11:13] == "13" or r["ts"][11:16] >= "15:0")][::60][:4]
    by_service = {"api-gateway": [], "checkout": [], "payment": []}
    for rec in sorted(failed + healthy, key=lambda r: r["ts"]):
        end = datetime.strptime(rec["ts"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
        bad = rec["level"] == "error"
        total = timedelta(milliseconds=3012 if bad else rec["latency_ms"] + 6)
        start = end - total
        root, handler, acquire = span_id(), span_id(), span_id()

        def span(sid, parent, name, begin, length, kind, error=None):
            out = {"traceId": rec["trace_id"], "spanId": sid, "parentSpanId": parent or "", "name": name,
                   "startTimeUnixNano": nanos(begin), "endTimeUnixNano": nanos(begin + length), "kind": kind,
                   "status": {"code": 2, "message": error} if error else {"code": 1},
                   "attributes": [{"key": "request.id", "value": {"stringValue": rec["request_id"]}}]}
            return out
        by_service["api-gateway"].append(span(root, None, "POST /api/v1/checkout", start, total, "SPAN_KIND_SERVER",
                                              "upstream returned 504" if bad else None))
        by_service["checkout"].append(span(handler, root, "checkout.placeOrder", start + timedelta(milliseconds=2),
                                           total - timedelta(milliseconds=4), "SPAN_KIND_SERVER",
                                           "db pool exhausted" if bad else None))
        wait = timedelta(milliseconds=3000 if bad else docs_rng.randint(1, 4))
        by_service["checkout"].append(span(acquire, handler, "db.pool.acquire", start + timedelta(milliseconds=3), wait,
                                           "SPAN_KIND_INTERNAL",
                                           "timeout acquiring connection after 3000ms (pool_max=5)" if bad else None))
        if not bad:
            by_service["payment"].append(span(span_id(), handler, "payment.charge",
                                              start + timedelta(milliseconds=4) + wait,
                                              total - wait - timedelta(milliseconds=9), "SPAN_KIND_CLIENT"))
    resource_spans = []
    for service, spans in by_service.items():
        resource_spans.append({
            "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": service}},
                                        {"key": "deployment.environment", "value": {"stringValue": "prod"}}]},
            "scopeSpans": [{"scope": {"name": "shop.tracing"}, "spans": spans}]})
    return [json.dumps({"resourceSpans": resource_spans}, indent=1)]


def junit_report():
    stamp = "2026-11-19T13:48:12Z"
    cases = [("com.shop.checkout.CartTotalsTest", n, docs_rng.uniform(0.01, 0.2)) for n in
             ["addsLineItems", "appliesVoucher", "roundsHalfEven", "rejectsNegativeQuantity"]]
    cases += [("com.shop.checkout.OrderFlowTest", n, docs_rng.uniform(0.1, 0.9)) for n in
              ["placesOrder", "retriesPaymentOnce", "releasesStockOnFailure"]]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<testsuites name="checkout v2.14.0 pipeline (job: config-checks, allowed to fail)" tests="9" failures="1" errors="0">',
             f'  <testsuite name="com.shop.checkout" tests="9" failures="1" errors="0" skipped="1" time="4.2" timestamp="{stamp}" hostname="ci-runner-4">']
    for cls, name, secs in cases:
        lines.append(f'    <testcase classname="{cls}" name="{name}" time="{secs:.3f}"/>')
    lines.append('    <testcase classname="com.shop.checkout.PoolSettingsTest" name="poolMaxMatchesProductionSizing" time="0.041">')
    lines.append('      <failure message="expected pool_max &gt;= 40 for profile prod but was 5" type="org.opentest4j.AssertionFailedError">'
                 'org.opentest4j.AssertionFailedError: expected pool_max &gt;= 40 for profile prod but was 5\n'
                 '\tat com.shop.checkout.PoolSettingsTest.poolMaxMatchesProductionSizing(PoolSettingsTest.java:31)</failure>')
    lines.append('    </testcase>')
    lines.append('    <testcase classname="com.shop.checkout.PoolSettingsTest" name="poolSurvivesFailover" time="0.000">')
    lines.append('      <skipped message="needs a replica database"/>')
    lines.append('    </testcase>')
    lines.append('  </testsuite>')
    lines.append('</testsuites>')
    return lines


def git_log():
    commits = [
        ("a3f1c9e2b7d44e0c9f5a1b2c3d4e5f60718293a4", "Priya Nair <priya@shop.example.com>", "2026-11-19T14:44:02+00:00",
         "Revert \"Lower DB pool to 5 for the load-test profile\"\n\nThe prod profile inherited pool_max: 5 (CHG-4211).",
         [("1", "1", "config/application.yaml")]),
        ("9c2e7f4a1d0b8e6c5a4f3e2d1c0b9a8f7e6d5c4b", "amara <amara@shop.example.com>", "2026-11-19T13:41:37+00:00",
         "Release v2.14.0", [("1", "1", "VERSION"), ("12", "0", "CHANGELOG.md")]),
        ("5e8d2c1b0a9f8e7d6c5b4a39281706f5e4d3c2b1", "amara <amara@shop.example.com>", "2026-11-19T13:22:15+00:00",
         "Lower DB pool to 5 for the load-test profile\n\nThe load-test database allows 10 connections.",
         [("3", "1", "config/application.yaml"), ("9", "0", "config/application-loadtest.yaml")]),
    ]
    lines = []
    for index, (sha, author, date, message, files) in enumerate(commits):
        parent = commits[index + 1][0] if index + 1 < len(commits) else "e" * 40
        lines += [f"commit {sha} {parent}", f"Author:     {author}", f"AuthorDate: {date}",
                  f"Commit:     {author}", f"CommitDate: {date}", ""]
        lines += ["    " + line if line else "" for line in message.split("\n")]
        lines.append("")
        lines += [f"{added}\t{removed}\t{path}" for added, removed, path in files]
        lines.append("")
    return lines


def write_document(name, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        for text in lines:
            f.write(text + "\n")
    return len(lines)


def write(name, lines, sort=True):
    if sort:
        lines = sorted(lines, key=lambda x: x[0])
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        for _, text in lines:
            f.write(text + "\n")
    return len(lines)


def main():
    os.makedirs(OUT, exist_ok=True)
    counts = {
        "api-gateway.access.log": write("api-gateway.access.log", access_log()),
        "checkout.jsonl": write("checkout.jsonl", checkout_log()),
        "payment.logfmt": write("payment.logfmt", payment_log()),
        "inventory.log": write("inventory.log", inventory_log()),
        "hosts.syslog": write("hosts.syslog", syslog()),
        "deploy-bot.jsonl": write("deploy-bot.jsonl", deploy_bot()),
        "checkout-latency.csv": write_document("checkout-latency.csv", latency_series()),
        "checkout-traces.otlp.json": write_document("checkout-traces.otlp.json", otlp_traces()),
        "checkout-ci.junit.xml": write_document("checkout-ci.junit.xml", junit_report()),
        "checkout.gitlog": write_document("checkout.gitlog", git_log()),
    }
    for name, n in counts.items():
        print(f"{n:6d} records  {name}")


if __name__ == "__main__":
    main()
