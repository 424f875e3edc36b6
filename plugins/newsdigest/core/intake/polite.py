"""Fetching many pages as a good guest: robots.txt obeyed, one request at a time per
site with a pause between them, and every failure kept to its own page.

robots.txt follows RFC 9309: a missing file (4xx) allows everything; a server error or
no answer means the whole site is off limits for this run. A ``Crawl-delay`` longer
than our pause is honoured (up to ``MAX_CRAWL_DELAY``).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsdigest.core.intake.fetch import USER_AGENT, IntakeError, Page, fetch

MAX_CRAWL_DELAY = 30.0
ROBOTS_MAX_BYTES = 500_000


@dataclass
class _Host:
    robots: urllib.robotparser.RobotFileParser | None = None
    refusal: str | None = None  # why the whole host is off limits, when it is
    delay: float = 0.0
    last_request: float | None = None


@dataclass
class PoliteFetcher:
    """``fetch`` with robots.txt and a per-host pause; one instance per batch."""

    delay: float = 1.0
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    obey_robots: bool = True
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _hosts: dict[str, _Host] = field(default_factory=dict)

    def fetch(self, url: str) -> Page:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise IntakeError(f"not a URL: {url}")
        origin = f"{parts.scheme}://{parts.netloc}"
        host = self._hosts.get(origin)
        if host is None:
            host = self._hosts[origin] = _Host(delay=self.delay)
            if self.obey_robots:
                self._read_robots(origin, host)
        if host.refusal:
            raise IntakeError(f"{url}: {host.refusal}")
        if host.robots is not None and not host.robots.can_fetch(USER_AGENT, url):
            raise IntakeError(f"{url}: the site's robots.txt does not allow fetching it")
        self._wait(host)
        return fetch(url, timeout=self.timeout, max_bytes=self.max_bytes)

    def _wait(self, host: _Host) -> None:
        if host.last_request is not None:
            pause = host.last_request + host.delay - self.clock()
            if pause > 0:
                self.sleep(pause)
        host.last_request = self.clock()

    def _read_robots(self, origin: str, host: _Host) -> None:
        robots_url = f"{origin}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        request = urllib.request.Request(robots_url, headers={"User-Agent": USER_AGENT})
        self._wait(host)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                text = response.read(ROBOTS_MAX_BYTES).decode("utf-8", errors="replace")
        except urllib.error.HTTPError as error:
            if 400 <= error.code < 500:
                return  # no robots.txt: everything is allowed
            host.refusal = f"robots.txt answered {error.code}, so the site is not fetched"
            return
        except TimeoutError:
            host.refusal = f"no answer within {self.timeout:g} seconds (asking for robots.txt)"
            return
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError):
                host.refusal = f"no answer within {self.timeout:g} seconds (asking for robots.txt)"
            else:
                host.refusal = f"cannot connect ({reason})"
            return
        parser.parse(text.splitlines())
        host.robots = parser
        crawl_delay = parser.crawl_delay(USER_AGENT)
        if crawl_delay:
            host.delay = max(host.delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
