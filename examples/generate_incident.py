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
    }
    for name, n in counts.items():
        print(f"{n:6d} records  {name}")


if __name__ == "__main__":
    main()
