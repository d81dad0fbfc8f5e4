#!/usr/bin/env python3
"""A webhook receiver that honours Idempotency-Key, for bench/outbox-crash.sh.

Every request is checked (HMAC-SHA256 over "timestamp.body" with the secret, 5-minute window) and appended, fsynced,
to the log as "key TAB serviceRequestId TAB first|repeat" before it is answered 200: a key already seen is answered
200 and does nothing again, as the outbox's documentation asks of receivers. A bad signature is answered 401.
usage: receiver.py PORT SECRET LOGFILE
"""
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, secret, path = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
seen = set()
lock = threading.Lock()
log = open(path, "a", encoding="utf-8")
with open(path, encoding="utf-8") as old:
    seen.update(line.split("\t")[0] for line in old if line.strip())


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        ts = self.headers.get("X-Fengqiao-Timestamp", "")
        want = "sha256=" + hmac.new(secret, ts.encode() + b"." + body, hashlib.sha256).hexdigest()
        fresh = ts.isdigit() and abs(time.time() - int(ts)) <= 300
        if not fresh or not hmac.compare_digest(want, self.headers.get("X-Fengqiao-Signature", "")):
            self.send_response(401)
            self.end_headers()
            return
        key = self.headers.get("Idempotency-Key", "")
        code = json.loads(body).get("serviceRequestId", "")
        with lock:
            kind = "repeat" if key in seen else "first"
            seen.add(key)
            log.write(f"{key}\t{code}\t{kind}\n")
            log.flush()
            os.fsync(log.fileno())
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
