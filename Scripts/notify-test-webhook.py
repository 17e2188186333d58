#!/usr/bin/env python3
"""A webhook receiver for Inquest's notification tests, as a careful receiver would be.

Checks X-Inquest-Signature (HMAC-SHA256 of "TIMESTAMP." + raw body under --secret) and refuses a
timestamp more than 300 s away; remembers Idempotency-Keys and takes each key once. Appends one
JSON line per request to DIR/requests.jsonl (key, verdict) and one per new key to
DIR/deliveries.jsonl (key, headers, body). With --stall-first, the first new key is recorded as
delivered and then never answered (the sender's process is killed meanwhile). Prints
"READY PORT" once it listens on 127.0.0.1.
"""
import argparse
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
seen = set()
state = {"stalled": False}


def append(path, obj):
    with lock:
        with open(path, "a") as out:
            out.write(json.dumps(obj, sort_keys=True) + "\n")


def make_handler(args):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def answer(self, code, text):
            self.send_response(code)
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self.wfile.write(text.encode())

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            key = self.headers.get("Idempotency-Key", "")
            timestamp = self.headers.get("X-Inquest-Timestamp", "")
            signature = self.headers.get("X-Inquest-Signature", "")
            expected = "sha256=" + hmac.new(args.secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
            requests = os.path.join(args.dir, "requests.jsonl")
            if not hmac.compare_digest(expected, signature):
                append(requests, {"key": key, "verdict": "bad-signature"})
                return self.answer(401, "bad signature")
            if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
                append(requests, {"key": key, "verdict": "stale"})
                return self.answer(401, "stale timestamp")
            with lock:
                duplicate = key in seen
                seen.add(key)
                stall = args.stall_first and not duplicate and not state["stalled"]
                if stall:
                    state["stalled"] = True
            append(requests, {"key": key, "verdict": "duplicate" if duplicate else "new"})
            if not duplicate:
                headers = {name.lower(): value for name, value in self.headers.items()}
                append(os.path.join(args.dir, "deliveries.jsonl"), {"key": key, "headers": headers, "body": json.loads(body)})
            if stall:
                append(requests, {"key": key, "verdict": "stalling"})
                time.sleep(3600)
                return
            self.answer(200, "ok")

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--stall-first", action="store_true")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args))
    server.daemon_threads = True
    print("READY %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
