#!/usr/bin/env python3
"""A real SMTP server for Inquest's notification tests (aiosmtpd, Debian's python3-aiosmtpd).

Offers STARTTLS with the given certificate (none without --cert) (and requires it with --require-starttls), optionally
AUTH PLAIN/LOGIN for one user, and writes every message it accepts to DIR as N.eml. Prints
"READY PORT" on stdout once it listens on 127.0.0.1. Stops on SIGTERM.
"""
import argparse
import os
import signal
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Mailbox:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            path = os.path.join(self.folder, "%d.eml" % self.count)
        with open(path + ".tmp", "wb") as out:
            out.write(("X-Test-Envelope-From: %s\r\n" % envelope.mail_from).encode())
            out.write(("X-Test-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
            out.write(("X-Test-TLS: %s\r\n" % ("yes" if session.ssl else "no")).encode())
            out.write(("X-Test-Auth: %s\r\n" % (session.auth_data.login.decode() if session.authenticated and session.auth_data else "-")).encode())
            out.write(envelope.original_content)
        os.rename(path + ".tmp", path)
        return "250 OK queued as %d" % self.count


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode():
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False)
    return check


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    options = dict(require_starttls=args.require_starttls)
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        options.update(tls_context=context)
    port = free_port()
    if args.user:
        options.update(authenticator=authenticator(args.user, args.password or ""), auth_require_tls=True)
    else:
        options.update(auth_require_tls=False)
    controller = Controller(Mailbox(args.dir), hostname="127.0.0.1", port=port, server_kwargs=options)
    controller.start()
    print("READY %d" % port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
