"""``newsdigest add URL|FILE.html|-``: add a story to content/ from the web or a paste."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from newsdigest.cli.inspect import describe
from newsdigest.core.intake.extract import extract_article
from newsdigest.core.intake.fetch import IntakeError, fetch
from newsdigest.core.intake.store import find_duplicate, story_path, write_story
from newsdigest.core.settings import setting
from newsdigest.core.story import CleanOptions, clean_story, load_story
from newsdigest.core.text.rawformat import split_header


def add_arguments(parser) -> None:
    parser.add_argument("source", help="a URL, a saved .html file, or - for pasted text")
    parser.add_argument("--section", help="the section folder (e.g. World)")
    parser.add_argument("--edition", help="add the story to this edition (a date)")
    parser.add_argument("--note", help="the curator's note for the edition")
    parser.add_argument("--force", action="store_true", help="add it even if its URL is there")
    parser.add_argument("--content", type=Path, default=None, help="the content folder (PATH)")


def run(args, settings: dict[str, Any]) -> int:
    content = args.content or Path(settings.get("PATH") or "content")
    options = CleanOptions.from_settings(settings)
    try:
        header, body = _from_source(args, settings, content)
        # Name the file as the build will title it: the lede after cleaning (no dateline).
        title = header.get("Title") or clean_story(body, "pasted", options, markdown=False).title
        path = story_path(content, args.section, title or "story")
        write_story(path, header, body)
    except IntakeError as error:
        print(f"newsdigest: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    story = load_story(path, options, content)
    sys.stdout.write(describe(story, {}))
    return 0


def _from_source(args, settings, content: Path) -> tuple[dict[str, str | None], str]:
    extra = {"Section": args.section, "Edition": args.edition, "Note": args.note}
    if args.source == "-":
        text = sys.stdin.read()
        if not text.strip():
            raise IntakeError("nothing was pasted on standard input")
        pasted_header, body, _problems = split_header(text)
        header = {key.title(): value for key, value in pasted_header.items()}
        return {**header, **{k: v for k, v in extra.items() if v}}, body
    if args.source.startswith(("http://", "https://")):
        page = fetch(
            args.source,
            timeout=float(setting(settings, "NEWSDIGEST_INTAKE_TIMEOUT")),
            max_bytes=int(setting(settings, "NEWSDIGEST_INTAKE_MAX_BYTES")),
        )
        html, urls = page.html, [args.source, page.url]
    else:
        path = Path(args.source)
        try:
            html = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise IntakeError(f"cannot read {path}: {error.strerror}") from error
        urls = []
    article = extract_article(html, urls[-1] if urls else None)
    urls.append(article.url or "")
    if not args.force:
        duplicate = find_duplicate(content, [u for u in urls if u])
        if duplicate is not None:
            raise IntakeError(
                f"already added as {duplicate}; nothing written (--force adds it again)"
            )
    header = {
        "Title": article.title,
        "Date": article.date,
        "Byline": article.byline,
        "Source": article.site_name,
        "URL": article.url or (urls[1] if len(urls) > 1 else None),
        **extra,
    }
    return header, "\n\n".join(article.paragraphs)
