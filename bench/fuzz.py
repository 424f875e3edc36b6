"""Fuzz the reader and cleaner: mutated sample stories and random bytes, checked for
crashes and for the pipeline's invariants. Prints how many inputs were tried.

    make fuzz                      # 20,000 inputs
    .venv/bin/python bench/fuzz.py --count 100000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newsdigest.core.quotes import find_quotes  # noqa: E402
from newsdigest.core.story import CleanOptions, clean_story  # noqa: E402
from newsdigest.core.text.normalize import BinaryData, decode_bytes  # noqa: E402
from newsdigest.core.text.render import paragraphs_to_html, render_markdown  # noqa: E402

SPICE = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "—",
    " — ",
    "\n",
    "\n\n",
    "\x00",
    "\x07",
    "\r\n",
    "<script>",
    "</p>",
    "]]>",
    "javascript:",
    "In Other News",
    "Title: ",
    "Date: ",
    "By ",
    "BRUSSELS —",
    "\u200b",
    "\ufeff",
    "Ã©",
    "â€™",
    "0",
    "1,000",
    "%",
    "…",
    "\t",
]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def mutate(data: bytes, rng: random.Random) -> bytes:
    text = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        choice = rng.random()
        position = rng.randint(0, len(text))
        if choice < 0.4:
            text[position:position] = rng.choice(SPICE).encode()
        elif choice < 0.6 and text:
            del text[position : position + rng.randint(1, 40)]
        elif choice < 0.8:
            text[position:position] = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 8)))
        else:
            text = text[: rng.randint(0, len(text))] * rng.randint(1, 3)
    return bytes(text)


def check(data: bytes, markdown: bool) -> None:
    try:
        text, _warning = decode_bytes(data)
    except BinaryData:
        return
    story = clean_story(text, "fuzz", CleanOptions(), markdown=markdown)
    for quote in find_quotes(story.paragraphs):
        assert story.paragraphs[quote.paragraph][quote.start : quote.end] == quote.text
    html = story.html if markdown else paragraphs_to_html(story.paragraphs, story.dateline)
    parser = Tags()
    parser.feed(html)
    assert "script" not in parser.tags and "iframe" not in parser.tags, html[:200]
    if markdown:
        render_markdown(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [
        p.read_bytes()
        for p in sorted((ROOT / "content").glob("*/*.*"))
        if p.suffix in (".txt", ".md")
    ]
    started = time.perf_counter()
    for number in range(args.count):
        if rng.random() < 0.1:
            data = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 400)))
        else:
            data = mutate(rng.choice(seeds), rng)
        try:
            check(data, markdown=number % 3 == 0)
        except Exception:
            Path("fuzz-crash.bin").write_bytes(data)
            print(f"crash on input {number}; saved to fuzz-crash.bin", file=sys.stderr)
            raise
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "inputs": args.count,
                "seconds": round(seconds, 1),
                "inputs_per_s": round(args.count / seconds),
                "crashes": 0,
            }
        )
    )


if __name__ == "__main__":
    main()
