"""Fetching a story page politely: a named User-Agent, a timeout, a size limit.

Redirects are followed and the final URL is kept. Every failure is an IntakeError
whose message a curator can act on.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from newsdigest import __version__

USER_AGENT = (
    f"newsdigest/{__version__} (story intake for a curated news digest; "
    "+https://github.com/newsdigest/newsdigest)"
)
HTML_TYPES = ("text/html", "application/xhtml+xml")


class IntakeError(Exception):
    """A page that cannot be added; the message says why."""


def decode_page(data: bytes, declared: str | None = None) -> str:
    """A page's text: in the charset its server declared, else UTF-8, else the one its
    ``<meta charset>`` names or that detection finds (old sites are often Latin-1 or
    Windows-1252, and a wrong guess would garble every accented word)."""
    if declared:
        try:
            return data.decode(declared, errors="replace")
        except LookupError:
            pass  # a charset name Python does not know: guess as if none was given
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from trafilatura.utils import decode_file

        return decode_file(data)


@dataclass(frozen=True)
class Page:
    html: str
    url: str  # the final URL, after redirects


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = 5_000_000) -> Page:
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                raise IntakeError(f"{url} is not a web page (Content-Type: {content_type or '?'})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise IntakeError(
                    f"{url} is too large ({int(declared):,} bytes; the limit is "
                    f"{max_bytes:,}, NEWSDIGEST_INTAKE_MAX_BYTES)"
                )
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise IntakeError(
                    f"{url} is larger than the limit of {max_bytes:,} bytes "
                    "(NEWSDIGEST_INTAKE_MAX_BYTES)"
                )
            charset = response.headers.get_content_charset()
            return Page(decode_page(body, charset), response.geturl())
    except urllib.error.HTTPError as error:
        raise IntakeError(f"{url}: the server answered {error.code} {error.reason}") from error
    except TimeoutError as error:
        raise IntakeError(f"{url}: no answer within {timeout:g} seconds") from error
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise IntakeError(f"{url}: no answer within {timeout:g} seconds") from error
        raise IntakeError(f"{url}: cannot connect ({reason})") from error
    except ValueError as error:
        raise IntakeError(f"not a URL: {url}") from error
