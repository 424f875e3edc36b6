"""Writing the raw story file into content/, never over another, never twice."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsdigest.core.entities.slug import entity_slug
from newsdigest.core.intake.fetch import IntakeError
from newsdigest.core.text.rawformat import split_header, split_paragraphs

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$", re.IGNORECASE)
SLUG_MAX = 60


def normalize_url(url: str) -> str:
    """Compare URLs without fragments, tracking parameters, case of host or trailing slash."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def find_duplicate(content: Path, urls: list[str]) -> Path | None:
    """The story file in ``content`` whose URL: header is one of ``urls``."""
    wanted = {normalize_url(u) for u in urls if u}
    for path in sorted(content.rglob("*")):
        if path.suffix not in (".txt", ".md") or not path.is_file():
            continue
        try:
            head = path.read_text(encoding="utf-8-sig", errors="replace")[:4000]
        except OSError:
            continue
        header, _body, _problems = split_header(head)
        if header.get("url") and normalize_url(header["url"]) in wanted:
            return path
    return None


def site_stories(content: Path, site: str) -> list[list[str]]:
    """The body paragraphs of every story in ``content`` whose URL: is on ``site`` (a
    host name): the site's other pages, for telling its furniture."""
    stories = []
    if not site:
        return stories
    for path in sorted(content.rglob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            continue
        header, body, _problems = split_header(text)
        if header.get("url") and urlsplit(header["url"].strip()).netloc.lower() == site:
            stories.append(split_paragraphs(body))
    return stories


def story_path(content: Path, section: str | None, title: str) -> Path:
    """content/<section>/<slug>.txt, with -2, -3 … when the name is taken."""
    folder = content / (entity_slug(section) if section else "news")
    slug = entity_slug(title)[:SLUG_MAX].rstrip("-") or "story"
    path = folder / f"{slug}.txt"
    counter = 2
    while path.exists():
        path = folder / f"{slug}-{counter}.txt"
        counter += 1
    return path


def write_story(path: Path, header: dict[str, str | None], body: str) -> None:
    lines = [f"{key}: {' '.join(str(value).split())}" for key, value in header.items() if value]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as stream:  # "x": never overwrite
            stream.write("\n".join(lines) + ("\n\n" if lines else "") + body.strip() + "\n")
    except FileExistsError as error:
        raise IntakeError(f"{path} already exists; not overwritten") from error
