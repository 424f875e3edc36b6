"""Story intake (issue #20): how much of each page's article text ``newsdigest add``
keeps, beside plain trafilatura on the same pages.

Three page sets:

- **Real pages, whole bodies**: the 181 pages of Zyte's article extraction benchmark
  (scrapinghub/article-extraction-benchmark, MIT), news and blog articles from many
  sites and languages, each with its article body marked by hand. Scored with the
  benchmark's own measure: word 4-gram shingles of the extracted text against the
  marked body, precision and recall averaged over pages, F1 of the two averages.
- **Real pages, marked passages**: trafilatura's own evaluation set (adbar/trafilatura,
  Apache-2.0): about 950 pages (news, magazines, blogs, government and company pages;
  German above all), each with up to six passages that must be in the text and up to
  six that must not (a date line, a menu, a teaser), chosen by hand. Scored as
  trafilatura scores it: every passage found or not, precision and recall over all
  passages. trafilatura's defaults were tuned on this set, so it is its home ground.
  Both real sets are read from local clones at pinned commits and never copied here
  (the pages' text is their publishers'). A fixed third of each, chosen by hash as for
  the other corpora, is held out.
- **Written pages** (``tests/data/intake/pages``): 63 pages we wrote, each reproducing a
  layout and its furniture (a WordPress theme, a wire agency, an old table layout, a
  reprint notice, a headline echo, recipes and interviews that repeat lines …), with
  the body they should give. A regression set: the rules were written against it.

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
    body: str  # the article body as marked by hand ("" for a page of marked passages)
    present: tuple[str, ...] = ()  # passages that must be in the text
    absent: tuple[str, ...] = ()  # passages that must not


def _blob(corpora: Path, source: str, path: str) -> bytes:
    repo = _git_path(git_dir(corpora, source))
    command = ["git", "--git-dir", str(repo), "show", f"{SOURCES[source]['commit']}:{path}"]
    return subprocess.run(command, capture_output=True, check=True).stdout


def zyte_pages(corpora: Path) -> list[Page]:
    """The benchmark's pages and hand-marked bodies, at the pinned commit."""
    truth = json.loads(_blob(corpora, "zyte", "ground-truth.json"))
    pages = []
    for path in sorted(list_at_commit(corpora, "zyte", "html/")):
        if not path.endswith(".html.gz"):
            continue
        key = Path(path).name.removesuffix(".html.gz")
        html = gzip.decompress(_blob(corpora, "zyte", path)).decode("utf-8", errors="replace")
        pages.append(Page(f"zyte:{key}", html, truth[key].get("articleBody") or ""))
    return pages


def trafilatura_pages(corpora: Path) -> list[Page]:
    """trafilatura's evaluation pages whose file is in the repository, with their marked
    passages (a few entries name a file that is not there: left out)."""
    from newsdigest.core.intake.fetch import decode_page

    marks = json.loads(_blob(corpora, "trafilatura", "tests/evaldata.json"))
    files = set(list_at_commit(corpora, "trafilatura", "tests/cache/"))
    files |= set(list_at_commit(corpora, "trafilatura", "tests/eval/"))
    pages = []
    for url in sorted(marks):
        item = marks[url]
        path = next(
            (
                p
                for p in (f"tests/cache/{item['file']}", f"tests/eval/{item['file']}")
                if p in files
            ),
            None,
        )
        if path is None:
            continue
        html = decode_page(_blob(corpora, "trafilatura", path))
        pages.append(
            Page(f"trafilatura:{url}", html, "", tuple(item["with"]), tuple(item["without"]))
        )
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


def _normal(text: str) -> str:
    return " ".join(text.split())


@dataclass
class IntakeTally:
    rows: list[tuple[float, float, float]] = field(default_factory=list)
    passages: list[int] = field(default_factory=lambda: [0, 0, 0])  # found, extra, missed
    refused: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, page: Page, found: str | None) -> None:
        if not found:
            self.refused += 1
        if page.present:
            self._add_passages(page, found or "")
            return
        tp, fp, fn = overlap(page.body, found or "")
        self.rows.append((tp, fp, fn))
        if tp < 0.9:
            self.misses.append(f"{page.id}: kept {tp:.2f}, extra {fp:.2f}, lost {fn:.2f}")

    def _add_passages(self, page: Page, found: str) -> None:
        text = _normal(found)
        missed = [p for p in page.present if _normal(p) not in text]
        extra = [p for p in page.absent if _normal(p) in text]
        self.passages[0] += len(page.present) - len(missed)
        self.passages[1] += len(extra)
        self.passages[2] += len(missed)
        if missed or extra:
            self.misses.append(f"{page.id}: missed {missed[:2]}, extra {extra[:2]}")

    def figures(self) -> dict[str, float]:
        if not self.rows:
            found, extra, missed = self.passages
            precision = found / (found + extra) if found + extra else 0.0
            recall = found / (found + missed) if found + missed else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            return {"precision": precision, "recall": recall, "f1": f1, "refused": self.refused}
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


def _both(html: str) -> dict[str, str | None]:
    return {name: system(html) for name, system in SYSTEMS.items()}


def score_pages(pages: list[Page], workers: int = 2) -> dict[str, IntakeTally]:
    """Every system on every page, in ``workers`` processes (pages are independent)."""
    from concurrent.futures import ProcessPoolExecutor

    tallies = {name: IntakeTally() for name in SYSTEMS}
    with ProcessPoolExecutor(workers) as pool:
        results = pool.map(_both, [page.html for page in pages], chunksize=8)
        for page, found in zip(pages, results, strict=True):
            for name, text in found.items():
                tallies[name].add(page, text)
    return tallies
