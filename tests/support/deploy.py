"""Shared pieces of the deploy tests: a built site to deploy, the CLI, local servers."""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from support.site import ROOT, run_pelican

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "AKIDNEWSDIGESTTEST",
    "AWS_SECRET_ACCESS_KEY": "newsdigest-secret-never-printed",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def built_site(root: Path) -> Path:
    """The sample digest, built with absolute URLs, in its own folder."""
    build = run_pelican(
        ROOT / "content",
        root / "output",
        {"SITEURL": "https://news.example.org", "RELATIVE_URLS": False},
    )
    assert build.returncode == 0, build.log
    return build.output


def copy_site(source: Path, destination: Path) -> Path:
    shutil.copytree(source, destination)
    return destination


def deploy(
    *args: str,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    settings: Path = ROOT / "pelicanconf.py",
):
    """Run ``newsdigest deploy`` as a user would (a subprocess, settings from the repo)."""
    return subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "deploy", *args, "--settings", str(settings)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={**os.environ, **CREDENTIALS, **(env or {})},
        timeout=300,
    )


class FailingProxy:
    """An HTTP proxy on 127.0.0.1 in front of the S3 server that answers 500 to every
    PUT of one key: a real server error, which the deploy's retries cannot get past."""

    def __init__(self, upstream_port: int, failing_suffix: str) -> None:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # answers botocore's "Expect: 100-continue" at once

            def log_message(self, *args):  # keep test output quiet
                pass

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if self.command == "PUT" and self.path.split("?")[0].endswith(failing_suffix):
                    proxy.failures += 1
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                connection = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=30)
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in ("host", "expect")
                }
                connection.request(self.command, self.path, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
                self.send_response(response.status)
                for name, value in response.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                connection.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

        self.failures = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FailingProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
