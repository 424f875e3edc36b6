"""Helper for annotating quotations by hand: lists every double-quoted stretch of an
article (a neutral scan, not the system under test) and turns the annotator's
judgments into offsets with checksums.

    python bench/evaluation/annotate.py list gum:GUM_news_afghan
    python bench/evaluation/annotate.py build judgments.txt > tests/data/quotes/gold.json

A judgments file has one block per article: ``== article-id`` then one line per
candidate number: ``N quote <speaker> | <kind> [| unnamed]``, ``N not <why>``, and
``N+M ...`` when candidates N and M are parts of one quotation. A part the scan
cannot see (a quotation whose marks a paragraph break lost) is ``pP:START-END``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaluation.corpus import Article, checksum, load

OPEN = "“"
CLOSE = "”"


def candidates(paragraphs: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of each double-quoted stretch, marks excluded; a stretch
    still open at the paragraph's end runs to the end."""
    found = []
    for index, text in enumerate(paragraphs):
        start = None
        for position, char in enumerate(text):
            if start is None and (char == OPEN or char == '"'):
                start = position + 1
            elif start is not None and (char == CLOSE or char == '"'):
                found.append((index, start, position))
                start = None
        if start is not None:
            found.append((index, start, len(text)))
    return found


def corpora_path(value: str | None) -> Path:
    return Path(value or os.environ.get("NEWSDIGEST_CORPORA", "")).expanduser()


def list_article(corpora: Path, article_id: str, brief: int = 140) -> None:
    article = load(corpora, article_id)
    print(f"== {article_id}  {article.title}")
    spans = candidates(article.paragraphs)
    by_paragraph: dict[int, list[int]] = {}
    for number, (paragraph, _s, _e) in enumerate(spans):
        by_paragraph.setdefault(paragraph, []).append(number)
    for index, text in enumerate(article.paragraphs):
        numbers = by_paragraph.get(index, [])
        marks = " ".join(f"[{n}]" for n in numbers)
        shown = text if numbers else text[:brief] + ("…" if len(text) > brief else "")
        print(f"¶{index} {marks}\n    {shown}")


_PART = r"(?:\d+|p\d+:\d+-\d+)"
_LINE = re.compile(rf"^(?P<nums>{_PART}(?:\+{_PART})*)\s+(?P<verdict>quote|not)\s*(?P<rest>.*)$")


def build(corpora: Path, judgments: Path) -> dict:
    articles: dict[str, dict] = {}
    current = None
    for raw in judgments.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("=="):
            article_id = line[2:].split()[0]
            article = load(corpora, article_id)
            current = {
                "spans": candidates(article.paragraphs),
                "paragraphs": article.paragraphs,
                "quotations": [],
                "not_quotations": [],
            }
            articles[article_id] = current
            continue
        match = _LINE.match(line)
        if not match or current is None:
            raise SystemExit(f"cannot read judgment line: {raw!r}")
        parts = []
        for part in match.group("nums").split("+"):
            if part.startswith("p"):  # a stretch the scan cannot see: pPARAGRAPH:START-END
                where, _, stretch = part[1:].partition(":")
                paragraph, (start, end) = int(where), map(int, stretch.split("-"))
            else:
                paragraph, start, end = current["spans"][int(part)]
            text = current["paragraphs"][paragraph][start:end]
            parts.append([paragraph, start, end, checksum(text)])
        if match.group("verdict") == "not":
            current["not_quotations"].append({"parts": parts, "why": match.group("rest")})
            continue
        fields = [f.strip() for f in match.group("rest").split("|")]
        speaker = fields[0] if fields and fields[0] not in ("", "-") else None
        kind = fields[1] if len(fields) > 1 and fields[1] else None
        named = not (len(fields) > 2 and fields[2] == "unnamed") and speaker is not None
        current["quotations"].append(
            {"parts": parts, "speaker": speaker, "speaker_kind": kind, "named": named}
        )
    return {
        article_id: {"quotations": a["quotations"], "not_quotations": a["not_quotations"]}
        for article_id, a in articles.items()
    }


def misaligned(gold: dict, articles: dict[str, Article]) -> list[str]:
    """Annotations whose checksum no longer matches the text they point at."""
    wrong = []
    for article_id, marked in gold.items():
        paragraphs = articles[article_id].paragraphs
        for entry in marked["quotations"] + marked["not_quotations"]:
            for paragraph, start, end, digest in entry["parts"]:
                if checksum(paragraphs[paragraph][start:end]) != digest:
                    wrong.append(f"{article_id} ¶{paragraph}")
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["list", "build"])
    parser.add_argument("target", nargs="+")
    parser.add_argument("--corpora")
    args = parser.parse_args()
    corpora = corpora_path(args.corpora)
    if args.command == "list":
        for article_id in args.target:
            list_article(corpora, article_id)
    else:
        gold = build(corpora, Path(args.target[0]))
        print(json.dumps(gold, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
