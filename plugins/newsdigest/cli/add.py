"""``newsdigest add SOURCE … [--from-file LIST]``: stories into content/ from the web,
saved pages or a paste.

Several sources are taken in two steps: every page is fetched (politely: robots.txt, a
pause between requests to one site) and read first, then each is extracted knowing
the lines its site's other pages share (its furniture), and written. A source that
fails is reported and the rest go on; a summary ends the run.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsdigest.cli.inspect import describe
from newsdigest.core.intake.extract import PageText, article_from, read_page
from newsdigest.core.intake.fetch import IntakeError, decode_page
from newsdigest.core.intake.furniture import furniture_keys, page_keys
from newsdigest.core.intake.polite import PoliteFetcher
from newsdigest.core.intake.store import find_duplicate, site_stories, story_path, write_story
from newsdigest.core.settings import setting
from newsdigest.core.story import CleanOptions, clean_story, load_story
from newsdigest.core.text.rawformat import split_header


class Duplicate(IntakeError):
    """The story is already in content/: skipped, not failed."""


def add_arguments(parser) -> None:
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="URLs, saved .html files, or - for pasted text",
    )
    parser.add_argument(
        "-i",
        "--from-file",
        type=Path,
        metavar="LIST",
        help="a file of URLs or saved pages, one per line (# starts a comment)",
    )
    parser.add_argument("--section", help="the section folder (e.g. World)")
    parser.add_argument("--edition", help="add the stories to this edition (a date)")
    parser.add_argument("--note", help="the curator's note for the edition")
    parser.add_argument("--force", action="store_true", help="add it even if its URL is there")
    parser.add_argument("--content", type=Path, default=None, help="the content folder (PATH)")
    parser.add_argument(
        "--progress",
        action="store_true",
        help="show the progress bar even when standard error is not a terminal",
    )


@dataclass
class Fetched:
    source: str
    page: PageText
    urls: list[str] = field(default_factory=list)  # asked for, then the final URL

    @property
    def site(self) -> str:
        for url in (self.page.url, *reversed(self.urls)):
            if url:
                return urlsplit(url).netloc.lower()
        return ""


def run(args, settings: dict[str, Any]) -> int:
    content = args.content or Path(settings.get("PATH") or "content")
    try:
        sources = list(args.sources) + _listed(args.from_file)
        if not sources:
            raise IntakeError("nothing to add: give a URL, a saved page, - or --from-file")
        if "-" in sources and len(sources) > 1:
            raise IntakeError("- (pasted text) cannot be combined with other sources")
    except IntakeError as error:
        print(f"newsdigest: {error}", file=sys.stderr)
        return 1
    if sources == ["-"]:
        return _add_paste(args, settings, content)
    if len(sources) == 1 and not args.from_file:
        return _add_one(args, settings, content, sources[0])
    return _add_many(args, settings, content, sources)


def _listed(path: Path | None) -> list[str]:
    """The sources of a list file: one per line; blank lines and # comments skipped (a
    URL's own #fragment is kept: a comment starts a line or follows a space)."""
    if path is None:
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise IntakeError(f"cannot read {path}: {error.strerror}") from error
    sources = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            sources.append(line)
    return sources


def _fetcher(settings) -> PoliteFetcher:
    return PoliteFetcher(
        delay=float(setting(settings, "NEWSDIGEST_INTAKE_DELAY")),
        timeout=float(setting(settings, "NEWSDIGEST_INTAKE_TIMEOUT")),
        max_bytes=int(setting(settings, "NEWSDIGEST_INTAKE_MAX_BYTES")),
        obey_robots=bool(setting(settings, "NEWSDIGEST_INTAKE_ROBOTS")),
    )


def _read(source: str, fetcher: PoliteFetcher) -> Fetched:
    if source.startswith(("http://", "https://")):
        page = fetcher.fetch(source)
        return Fetched(source, read_page(page.html, page.url), [source, page.url])
    path = Path(source)
    try:
        html = decode_page(path.read_bytes())
    except OSError as error:
        raise IntakeError(f"cannot read {path}: {error.strerror}") from error
    return Fetched(source, read_page(html, None))


def _write(args, options, content: Path, fetched: Fetched, furniture: frozenset[str]) -> Path:
    article = article_from(fetched.page, furniture)
    urls = [*fetched.urls, article.url or ""]
    if not args.force:
        duplicate = find_duplicate(content, [u for u in urls if u])
        if duplicate is not None:
            raise Duplicate(
                f"already added as {duplicate}; nothing written (--force adds it again)"
            )
    header = {
        "Title": article.title,
        "Date": article.date,
        "Byline": article.byline,
        "Source": article.site_name,
        "URL": article.url or (fetched.urls[-1] if fetched.urls else None),
        **_extra(args),
    }
    return _store(content, args.section, header, "\n\n".join(article.paragraphs), options)


def _extra(args) -> dict[str, str | None]:
    given = {"Section": args.section, "Edition": args.edition, "Note": args.note}
    return {key: value for key, value in given.items() if value}


def _store(content: Path, section, header, body: str, options: CleanOptions) -> Path:
    # Name the file as the build will title it: the lede after cleaning (no dateline).
    title = header.get("Title") or clean_story(body, "pasted", options, markdown=False).title
    path = story_path(content, section, title or "story")
    write_story(path, header, body)
    return path


def _furniture(content: Path, fetched: list[Fetched]) -> dict[str, Counter[str]]:
    """Per site: in how many pages (this batch's and the site's stories already in
    content/) each short block appears."""
    counts: dict[str, Counter[str]] = {}
    for item in fetched:
        counts.setdefault(item.site, Counter()).update(page_keys(item.page.precise))
    for site, counter in counts.items():
        for blocks in site_stories(content, site):
            counter.update(page_keys(blocks))
    return counts


def _add_one(args, settings, content: Path, source: str) -> int:
    options = CleanOptions.from_settings(settings)
    try:
        fetched = _read(source, _fetcher(settings))
        counts = _furniture(content, [fetched])[fetched.site]
        path = _write(args, options, content, fetched, furniture_keys(counts, fetched.page.precise))
    except IntakeError as error:
        print(f"newsdigest: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    sys.stdout.write(describe(load_story(path, options, content), {}))
    return 0


def _add_paste(args, settings, content: Path) -> int:
    options = CleanOptions.from_settings(settings)
    try:
        text = sys.stdin.read()
        if not text.strip():
            raise IntakeError("nothing was pasted on standard input")
        pasted_header, body, _problems = split_header(text)
        header = {key.title(): value for key, value in pasted_header.items()}
        path = _store(content, args.section, {**header, **_extra(args)}, body, options)
    except IntakeError as error:
        print(f"newsdigest: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    sys.stdout.write(describe(load_story(path, options, content), {}))
    return 0


def _add_many(args, settings, content: Path, sources: list[str]) -> int:
    from tqdm import tqdm

    options = CleanOptions.from_settings(settings)
    fetcher = _fetcher(settings)
    failed: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    written: list[tuple[str, Path]] = []
    fetched: list[Fetched] = []
    bar = tqdm(
        total=2 * len(sources),
        desc="adding",
        unit="step",
        file=sys.stderr,
        disable=False if args.progress else None,
        dynamic_ncols=True,
    )

    def report(source: str, message: str, into: list) -> None:
        into.append((source, message))
        tqdm.write(f"newsdigest: {source}: {message}", file=sys.stderr)

    with bar:
        for source in sources:
            bar.set_postfix_str(_short(source), refresh=False)
            try:
                fetched.append(_read(source, fetcher))
            except IntakeError as error:
                report(source, _without(str(error), source), failed)
                bar.update(1)
            bar.update(1)
        counts = _furniture(content, fetched)
        for item in fetched:
            furniture = furniture_keys(counts[item.site], item.page.precise)
            try:
                path = _write(args, options, content, item, furniture)
            except Duplicate as error:
                report(item.source, str(error), skipped)
            except IntakeError as error:
                report(item.source, _without(str(error), item.source), failed)
            else:
                written.append((item.source, path))
                tqdm.write(f"wrote {path}", file=sys.stdout)
            bar.update(1)
    print(_summary(len(sources), written, skipped, failed))
    return 1 if failed else 0


def _short(source: str, width: int = 40) -> str:
    return source if len(source) <= width else "…" + source[-(width - 1) :]


def _without(message: str, source: str) -> str:
    """The error without the URL it starts with (the report line names it already)."""
    return message.removeprefix(f"{source}: ")


def _summary(total: int, written, skipped, failed) -> str:
    parts = [f"added {len(written)} of {total}"]
    if skipped:
        parts.append(f"{len(skipped)} already in content/")
    if failed:
        parts.append(f"{len(failed)} failed")
    lines = ["; ".join(parts)]
    lines += [f"  failed: {source}: {message}" for source, message in failed]
    return "\n".join(lines)
