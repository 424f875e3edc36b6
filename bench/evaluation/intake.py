"""Story intake (issue #20): how much of each page's article text ``newsdigest add``
keeps, beside plain trafilatura on the same pages.

Two page sets:

- **Real pages**: the 181 pages of Zyte's article extraction benchmark
  (scrapinghub/article-extraction-benchmark, MIT), news and blog articles from many
  sites and languages, each with its article body marked by hand. Read from a local
  clone at a pinned commit; never copied here (the pages' text is their publishers').
  A fixed third, chosen by hash as for the other corpora, is held out.
- **Written pages** (``tests/data/intake/pages``): 61 pages we wrote, each reproducing a
  layout and its furniture (a WordPress theme, a wire agency, an old table layout, a
  reprint notice, a headline echo, recipes and interviews that repeat lines …), with
  the body they should give. A regression set: the rules were written against it.

The score is the benchmark's own: word 4-gram shingles of the extracted text against
the marked body, precision and recall averaged over pages, F1 of the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import subprocess
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.corpus import SOURCES, _git_path, git_dir, list_at_commit

WRITTEN = Path(__file__).resolve().parents[2] / "tests" / "data" / "intake" / "pages"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    id: str
    html: str
    body: str  # the article body as marked by hand


def zyte_pages(corpora: Path) -> list[Page]:
    """The benchmark's pages and hand-marked bodies, at the pinned commit."""
    repo = _git_path(git_dir(corpora, "zyte"))
    commit = SOURCES["zyte"]["commit"]

    def blob(path: str) -> bytes:
        command = ["git", "--git-dir", str(repo), "show", f"{commit}:{path}"]
        return subprocess.run(command, capture_output=True, check=True).stdout

    truth = json.loads(blob("ground-truth.json"))
    pages = []
    for path in sorted(list_at_commit(corpora, "zyte", "html/")):
        if not path.endswith(".html.gz"):
            continue
        key = Path(path).name.removesuffix(".html.gz")
        html = gzip.decompress(blob(path)).decode("utf-8", errors="replace")
        pages.append(Page(f"zyte:{key}", html, truth[key].get("articleBody") or ""))
    return pages


def written_pages(folder: Path = WRITTEN) -> list[Page]:
    return [
        Page(
            f"written:{path.stem}",
            path.read_text(encoding="utf-8"),
            path.with_suffix(".txt").read_text(encoding="utf-8"),
        )
        for path in sorted(folder.glob("*.html"))
    ]


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def overlap(truth: str, found: str) -> tuple[float, float, float]:
    """(true positives, false positives, false negatives) of shingles, as shares."""
    gold, got = shingles(truth), shingles(found)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass
class IntakeTally:
    rows: list[tuple[float, float, float]] = field(default_factory=list)
    refused: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, page_id: str, truth: str, found: str | None) -> None:
        if not found:
            self.refused += 1
        tp, fp, fn = overlap(truth, found or "")
        self.rows.append((tp, fp, fn))
        if tp < 0.9:
            self.misses.append(f"{page_id}: kept {tp:.2f}, extra {fp:.2f}, lost {fn:.2f}")

    def figures(self) -> dict[str, float]:
        precision = statistics.mean(
            1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in self.rows if tp + fp > 0
        )
        recall = statistics.mean(
            1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in self.rows if tp + fn > 0
        )
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "refused": self.refused}


def ours(html: str) -> str | None:
    from newsdigest.core.intake.extract import extract_article
    from newsdigest.core.intake.fetch import IntakeError

    try:
        return "\n".join(extract_article(html).paragraphs)
    except IntakeError:
        return None


def plain_trafilatura(html: str) -> str | None:
    """trafilatura with its defaults, as the benchmark runs it."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return trafilatura.extract(html, include_comments=False)


SYSTEMS = {"newsdigest": ours, "trafilatura": plain_trafilatura}


def score_pages(pages: list[Page]) -> dict[str, IntakeTally]:
    tallies = {name: IntakeTally() for name in SYSTEMS}
    for page in pages:
        for name, system in SYSTEMS.items():
            tallies[name].add(page.id, page.body, system(page.html))
    return tallies
