"""Quality on real news nobody here wrote: ``make eval`` prints the figures.

Quotations (issue #16): precision, recall, speaker coverage and speaker precision of
the quote finder and attribution, on the hand-annotated Wikinews articles of
``tests/data/quotes/``, for the development part (the one the rules were tuned on) and
the held-out part (never looked at while tuning), beside the raw quote-mark scan.

    make eval CORPORA=/path/to/corpora      # or NEWSDIGEST_CORPORA=...
    .venv/bin/python bench/eval.py --corpora DIR [--verbose] [--part dev|held-out|all]

The articles themselves are not in this repository: see tests/data/quotes/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "plugins"))

from evaluation.annotate import build, candidates, misaligned  # noqa: E402
from evaluation.corpus import CorpusMissing, load  # noqa: E402
from evaluation.quotes import Found, Tally, score  # noqa: E402

JUDGMENTS = ROOT / "tests" / "data" / "quotes" / "judgments.txt"


def part_of(article_id: str) -> str:
    """A fixed third of the articles, chosen by hash, is held out."""
    return (
        "held-out" if int(hashlib.sha1(article_id.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"
    )


def found_quotations(quotes) -> list[Found]:
    """The system's quotes grouped into quotations (parts of one share its number)."""
    groups: list[Found] = []
    last_group = None
    for quote in quotes:
        group_id = getattr(quote, "quotation", None)
        joins = (group_id is not None and group_id == last_group) or (
            group_id is None and quote.continues_previous
        )
        if joins and groups:
            groups[-1].parts.append((quote.paragraph, quote.start, quote.end))
        else:
            groups.append(
                Found(
                    [(quote.paragraph, quote.start, quote.end)], quote.speaker, quote.speaker_kind
                )
            )
        last_group = group_id
    return groups


def scan_baseline(paragraphs) -> list[Found]:
    """Every double-quoted stretch is a quotation, with no speaker: the floor to beat."""
    return [Found([span], None) for span in candidates(paragraphs)]


def system_quotes(articles):
    """Our enrichment on each article's paragraphs (cleaning left out: the annotations
    point into the text as published)."""
    from newsdigest.core.enrich import EnrichmentOptions, StoryInputs, enrich_story
    from newsdigest.core.entities import EntityDirectory
    from newsdigest.core.nlp.pipeline import AnalysisConfig, Analyzer

    analyzer = Analyzer(AnalysisConfig(capabilities=frozenset({"entities", "syntax"})))
    analyses = analyzer.analyse_here([(list(a.paragraphs), False) for a in articles])
    options = EnrichmentOptions(features=frozenset({"entities", "quotes"}))
    directory = EntityDirectory()
    results = {}
    for article, analysis in zip(articles, analyses, strict=True):
        enrichment = enrich_story(
            analysis, StoryInputs(list(article.paragraphs)), directory, options
        )
        results[article.id] = enrichment.quotes or []
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.environ.get("NEWSDIGEST_CORPORA"))
    parser.add_argument("--part", choices=["dev", "held-out", "all"], default="all")
    parser.add_argument("--verbose", action="store_true", help="list every miss (dev only)")
    parser.add_argument("--json", action="store_true", help="one JSON line of the figures")
    args = parser.parse_args()
    if not args.corpora:
        print("make eval needs the corpora: see tests/data/quotes/README.md", file=sys.stderr)
        return 2
    corpora = Path(args.corpora).expanduser()
    try:
        gold = build(corpora, JUDGMENTS)
        articles = {article_id: load(corpora, article_id) for article_id in gold}
    except CorpusMissing as error:
        print(f"make eval: {error}", file=sys.stderr)
        return 2
    wrong = misaligned(gold, articles)
    if wrong:
        raise SystemExit(f"annotations no longer fit the text: {', '.join(wrong)}")
    parts = ["dev", "held-out"] if args.part == "all" else [args.part]
    chosen = [a for a in articles.values() if part_of(a.id) in parts]
    found = system_quotes(chosen)
    figures = {}
    for part in parts:
        members = [a for a in chosen if part_of(a.id) == part]
        ours, floor = Tally(), Tally()
        for article in members:
            ours.add(
                score(
                    found_quotations(found[article.id]),
                    gold[article.id],
                    article.paragraphs,
                    article.id,
                )
            )
            floor.add(
                score(
                    scan_baseline(article.paragraphs),
                    gold[article.id],
                    article.paragraphs,
                    article.id,
                )
            )
        figures[part] = {
            "articles": len(members),
            "quotations": ours.annotated,
            "newsdigest": ours.figures(),
            "quote-mark scan": floor.figures(),
        }
        if args.verbose and part == "dev":
            print("\n".join(ours.misses))
    if args.json:
        print(json.dumps(figures, sort_keys=True))
        return 0
    print("Quotations: hand-annotated Wikinews articles (tests/data/quotes)")
    print(
        f"{'part':<9} {'system':<16} {'articles':>8} {'quotes':>6} {'precision':>9} "
        f"{'recall':>6} {'coverage':>8} {'speaker':>7}"
    )
    for part, row in figures.items():
        for system in ("newsdigest", "quote-mark scan"):
            f = row[system]
            print(
                f"{part:<9} {system:<16} {row['articles']:>8} {row['quotations']:>6} "
                f"{f['precision']:>9.2f} {f['recall']:>6.2f} {f['speaker_coverage']:>8.2f} "
                f"{f['speaker_precision']:>7.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
