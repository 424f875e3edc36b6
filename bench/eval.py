"""Quality on real news nobody here wrote: ``make eval`` prints the figures.

Quotations (issue #16): precision, recall, speaker coverage and speaker precision of
the quote finder and attribution, on the hand-annotated Wikinews articles of
``tests/data/quotes/``, for the development part (the one the rules were tuned on) and
the held-out part (never looked at while tuning), beside the raw quote-mark scan.

Entity tags (issue #17): precision, recall and kind accuracy of the tags on the same
articles against GUM's hand-annotated entities (``tests/data/entities/``), beside the
raw spaCy model's names on the same text.

Story intake (issue #20): precision, recall and F1 of the article text ``newsdigest
add`` keeps, beside plain trafilatura, on Zyte's 181 hand-marked real pages and on our
63 written layout pages (``tests/data/intake/``).

    make eval CORPORA=/path/to/corpora      # or NEWSDIGEST_CORPORA=...
    .venv/bin/python bench/eval.py --corpora DIR [--verbose] [--part dev|held-out|all]
        [--only text|intake]

The articles themselves are not in this repository: see tests/data/quotes/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "plugins"))

from evaluation.annotate import build, candidates, misaligned  # noqa: E402
from evaluation.corpus import CorpusMissing, gum_conllu, load  # noqa: E402
from evaluation.entities import (  # noqa: E402
    EntityTally,
    gold_entities,
    judged_entities,
    score_tags,
)
from evaluation.intake import (  # noqa: E402
    score_pages,
    trafilatura_pages,
    written_pages,
    zyte_pages,
)
from evaluation.meantime import meantime_article, meantime_gold, meantime_ids  # noqa: E402
from evaluation.quotes import Found, Tally, pull_quote_verdict, score  # noqa: E402

QUOTE_DATA = ROOT / "tests" / "data" / "quotes"
# Our own annotation of the entity tags a news desk would give (tests/data/entities).
DESK_ENTITIES = ROOT / "tests" / "data" / "entities" / "judgments-wikinews-2019.txt"
# Each hand-annotated quotation set, by the name its rows carry in the tables.
JUDGMENTS = {
    "GUM": QUOTE_DATA / "judgments.txt",
    "Wikinews 2004": QUOTE_DATA / "judgments-wikinews-2004.txt",
    "MEANTIME": QUOTE_DATA / "judgments-meantime.txt",
    "HHS press releases": QUOTE_DATA / "judgments-hhs.txt",
    "Wikinews 2019–20": QUOTE_DATA / "judgments-wikinews-2019.txt",
}
# Read while the rules were written, so never held out.
DEV_ONLY = frozenset({"MEANTIME"})


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
            part = (quote.paragraph, quote.start, quote.end)
            groups.append(Found([part], quote.speaker, quote.speaker_kind, quote.attribution))
        last_group = group_id
    return groups


def scan_baseline(paragraphs) -> list[Found]:
    """Every double-quoted stretch is a quotation, with no speaker: the floor to beat."""
    return [Found([span], None) for span in candidates(paragraphs)]


def run_system(articles):
    """Our enrichment on each article's paragraphs (cleaning left out: the annotations
    point into the text as published): {id: (analysis, enrichment)}."""
    from newsdigest.core.enrich import EnrichmentOptions, StoryInputs, enrich_story
    from newsdigest.core.entities import EntityDirectory
    from newsdigest.core.nlp.config import story_texts
    from newsdigest.core.nlp.pipeline import AnalysisConfig, Analyzer

    analyzer = Analyzer(AnalysisConfig(capabilities=frozenset({"entities", "syntax"})))
    # Each story with its headline, as a build analyses it.
    analyses = analyzer.analyse_here([story_texts(a.paragraphs, a.title, False) for a in articles])
    options = EnrichmentOptions(features=frozenset({"entities", "quotes"}))
    directory = EntityDirectory()
    results = {}
    for article, analysis in zip(articles, analyses, strict=True):
        enrichment = enrich_story(
            analysis, StoryInputs(list(article.paragraphs)), directory, options
        )
        results[article.id] = (analysis, enrichment)
    return results


# A story card (front, section and entity pages) shows the story's three most salient tags
# (theme/templates/_story_card.html).
FRONT_PAGE_TAGS = 3
RAW_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}


def raw_model_tags(analysis) -> list[tuple[str, str, list[str]]]:
    """The spaCy model's own names: every distinct PERSON, ORG, GPE and LOC surface."""
    seen: dict[str, str] = {}
    for unit in analysis.units:  # the headline too
        for ent in unit.ents:
            if ent.label in RAW_KINDS:
                seen.setdefault(ent.text(unit.text), RAW_KINDS[ent.label])
    return [(name, kind, []) for name, kind in seen.items()]


def our_tags(enrichment) -> list[tuple[str, str, list[str]]]:
    return [(e.name, e.kind, list(e.surfaces)) for e in enrichment.entities or []]


def entity_figures(chosen, results, corpora, parts, verbose, gold_of=None):
    """Tag precision, recall and kind accuracy per part, ours beside the raw model's.
    ``gold_of(article_id)``: the gold entities (GUM's, unless given)."""
    gold_of = gold_of or (lambda article_id: gold_entities(gum_conllu(corpora, article_id)))
    figures = {}
    for part in parts:
        members = [a for a in chosen if part_of(a.id) == part]
        ours, raw, front = EntityTally(), EntityTally(), EntityTally()
        for article in members:
            gold = gold_of(article.id)
            analysis, enrichment = results[article.id]
            tags = our_tags(enrichment)
            ours.add(score_tags(tags, gold, article.id))
            raw.add(score_tags(raw_model_tags(analysis), gold, article.id))
            front.add(score_tags(tags[:FRONT_PAGE_TAGS], gold, article.id))
        figures[part] = {
            "articles": len(members),
            "entities": ours.gold,
            "newsdigest": ours.figures(),
            "raw model": raw.figures(),
            "front_page": {"tags": front.tags, "precision": front.figures()["precision"]},
        }
        if verbose and part == "dev":
            print("\n".join(ours.misses))
    return figures


def print_table(
    title: str, figures: dict, systems: tuple[str, ...], columns, part_width: int = 9
) -> None:
    """One row per part and system; ``columns``: (heading, key, width), the first a count
    of the part, the others the system's figures."""
    print(title)
    print(
        f"{'part':<{part_width}} {'system':<16} {'articles':>8} "
        + " ".join(f"{h:>{w}}" for h, _k, w in columns)
    )
    (_h, count_key, count_width), *rest = columns
    for part, row in figures.items():
        for system in systems:
            values = " ".join(f"{row[system][key]:>{width}.2f}" for _h, key, width in rest)
            print(
                f"{part:<{part_width}} {system:<16} {row['articles']:>8} "
                f"{row[count_key]:>{count_width}} {values}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.environ.get("NEWSDIGEST_CORPORA"))
    parser.add_argument("--part", choices=["dev", "held-out", "all"], default="all")
    parser.add_argument("--verbose", action="store_true", help="list every miss (dev only)")
    parser.add_argument("--json", action="store_true", help="one JSON line of the figures")
    parser.add_argument(
        "--only", choices=["text", "intake"], help="quotes and entities only, or intake only"
    )
    args = parser.parse_args()
    if not args.corpora:
        print("make eval needs the corpora: see tests/data/quotes/README.md", file=sys.stderr)
        return 2
    corpora = Path(args.corpora).expanduser()
    parts = ["dev", "held-out"] if args.part == "all" else [args.part]
    report = {}
    if args.only != "intake":
        try:
            report.update(text_figures(corpora, parts, args.verbose))
        except CorpusMissing as error:
            print(f"make eval: {error}", file=sys.stderr)
            return 2
    if args.only != "text":
        report["intake"] = intake_figures(corpora, parts, args.verbose)
    if args.json:
        print(json.dumps(report, sort_keys=True))
        return 0
    if "quotes" in report:
        print_text_tables(report)
    if "intake" in report:
        if "quotes" in report:
            print()
        print_intake_table(report["intake"])
    return 0


def print_intake_table(figures: dict) -> None:
    print("Story intake: article text kept (real pages marked by hand; our written pages)")
    print(
        f"{'pages':<20} {'system':<12} {'pages':>5} {'refused':>7} {'precision':>9} "
        f"{'recall':>6} {'F1':>5}"
    )
    for part, row in figures.items():
        for system in ("newsdigest", "trafilatura"):
            got = row[system]
            print(
                f"{part:<20} {system:<12} {row['articles']:>5} {got['refused']:>7} "
                f"{got['precision']:>9.3f} {got['recall']:>6.3f} {got['f1']:>5.3f}"
            )


def quote_figures(members, gold, results) -> dict:
    """Ours beside the quote-mark scan, over ``members``; and the pull-quotes: how many
    stories have one, and how many of those are a real quotation by the speaker shown."""
    ours, floor = Tally(), Tally()
    verdicts = Counter()
    for article in members:
        marked = gold[article.id]
        enrichment = results[article.id][1]
        found = found_quotations(enrichment.quotes or [])
        ours.add(score(found, marked, article.paragraphs, article.id))
        floor.add(score(scan_baseline(article.paragraphs), marked, article.paragraphs, article.id))
        verdict = pull_quote_verdict(enrichment.pull_quote, marked)
        if verdict is not None:
            verdicts[verdict] += 1
            if verdict != "right":
                ours.misses.append(f"{article.id} PULL-QUOTE {verdict}")
    shown = sum(verdicts.values())
    return {
        "articles": len(members),
        "quotations": ours.annotated,
        "newsdigest": ours.figures(),
        "quote-mark scan": floor.figures(),
        "pull_quotes": {
            "stories": shown,
            "right": verdicts["right"],
            "wrong_speaker": verdicts["wrong speaker"],
            "no_quotation": verdicts["no quotation"],
            "precision": verdicts["right"] / shown if shown else 1.0,
        },
        "misses": ours.misses,
    }


# GUM's speeches that are U.S. federal works (public domain, 17 U.S.C. 105): a genre the
# entity rules were not written on (first read: precision 0.75 and 0.73, dev and held-out)
GUM_SPEECHES = tuple(
    f"gum:GUM_speech_{name}"
    for name in (
        *("floyd", "impeachment", "inauguration", "maiden"),
        *("nixon", "remarks", "telescope", "trump"),
    )
)


# GUM's 20 Wikipedia biographies (CC BY-SA): names of every kind, in another genre than
# the news the rules were written on; their first read was taken before any rule from them.
GUM_BIOS = tuple(
    f"gum:GUM_bio_{name}"
    for name in (
        *("bernoulli", "byron", "chao", "dvorak", "emperor", "enfant", "fillmore"),
        *("galois", "goode", "gordon", "hadid", "higuchi", "holt", "jerome", "jespersen"),
        *("marbles", "moreau", "nida", "padalecki", "theodorus"),
    )
)


def text_figures(corpora: Path, parts: list[str], verbose: bool) -> dict:
    """Quotes (every annotated set whose corpus is here, together and apart), entity
    tags (GUM's news and interviews, its U.S. government speeches and its Wikipedia
    biographies) and MEANTIME's entities."""
    set_of, gold = {}, {}
    for name, path in JUDGMENTS.items():
        try:
            marked = build(corpora, path)
        except CorpusMissing as error:
            if name == "GUM":
                raise  # the entity figures need it too
            print(f"make eval: {name} left out: {error}", file=sys.stderr)
            continue
        gold.update(marked)
        set_of.update(dict.fromkeys(marked, name))
    articles = {article_id: load(corpora, article_id) for article_id in gold}
    wrong = misaligned(gold, articles)
    if wrong:
        raise SystemExit(f"annotations no longer fit the text: {', '.join(wrong)}")

    def quote_part(article_id: str) -> str:
        return "dev" if set_of[article_id] in DEV_ONLY else part_of(article_id)

    chosen = [a for a in articles.values() if quote_part(a.id) in parts]
    results = run_system(chosen)
    figures, by_set = {}, {}
    for part in parts:
        members = [a for a in chosen if quote_part(a.id) == part]
        figures[part] = quote_figures(members, gold, results)
        if verbose and part == "dev":
            print("\n".join(figures[part]["misses"]))
        for name in dict.fromkeys(set_of.values()):
            if part != "dev" and name in DEV_ONLY:
                continue
            of_set = [a for a in members if set_of[a.id] == name]
            by_set[f"{part}, {name}"] = quote_figures(of_set, gold, results)
    for row in (*figures.values(), *by_set.values()):
        del row["misses"]
    gum = [a for a in chosen if set_of[a.id] == "GUM"]
    entities = entity_figures(gum, results, corpora, parts, verbose)
    meantime = meantime_figures(corpora, parts, verbose)
    speeches = [load(corpora, article_id) for article_id in GUM_SPEECHES]
    speeches = [a for a in speeches if part_of(a.id) in parts]
    bios = [load(corpora, article_id) for article_id in GUM_BIOS]
    bios = [a for a in bios if part_of(a.id) in parts]
    return {
        "quotes": figures,
        "quotes_by_set": by_set,
        "desk_entities": desk_figures(corpora, parts, verbose, results),
        "entities": entities,
        "meantime_entities": meantime,
        "speech_entities": entity_figures(speeches, run_system(speeches), corpora, parts, verbose),
        "bio_entities": entity_figures(bios, run_system(bios), corpora, parts, verbose),
    }


def desk_figures(corpora: Path, parts: list[str], verbose: bool, results: dict) -> dict:
    """The entity figures on our news-desk annotation of Wikinews 2019–20 stories (the
    analyses of those also in the quote sets reused); {} without their clone."""
    gold = judged_entities(DESK_ENTITIES.read_text(encoding="utf-8"))
    try:
        desk = [load(corpora, article_id) for article_id in gold if part_of(article_id) in parts]
    except CorpusMissing as error:
        print(f"make eval: the news-desk entity set left out: {error}", file=sys.stderr)
        return {}
    desk_results = {a.id: results[a.id] for a in desk if a.id in results}
    desk_results.update(run_system([a for a in desk if a.id not in results]))
    return entity_figures(desk, desk_results, corpora, parts, verbose, gold_of=gold.__getitem__)


def print_text_tables(report: dict) -> None:
    quote_columns = [("quotes", "quotations", 6), ("precision", "precision", 9)]
    quote_columns += [("recall", "recall", 6), ("coverage", "speaker_coverage", 8)]
    quote_columns += [("speaker", "speaker_precision", 7)]
    print_table(
        "Quotations: hand-annotated Wikinews articles (tests/data/quotes)",
        report["quotes"],
        ("newsdigest", "quote-mark scan"),
        quote_columns,
    )
    print()
    print_table(
        "Quotations by set",
        report["quotes_by_set"],
        ("newsdigest",),
        quote_columns,
        part_width=28,
    )
    print()
    print("Pull-quotes: the quotation a reader sees set off on the page")
    print(
        f"{'part':<28} {'articles':>8} {'pull-quotes':>11} {'right':>5} {'speaker':>7} "
        f"{'no quote':>8} {'precision':>9}"
    )
    for part, row in (*report["quotes"].items(), *report["quotes_by_set"].items()):
        pulls = row["pull_quotes"]
        print(
            f"{part:<28} {row['articles']:>8} {pulls['stories']:>11} {pulls['right']:>5} "
            f"{pulls['wrong_speaker']:>7} {pulls['no_quotation']:>8} {pulls['precision']:>9.2f}"
        )
    print()
    entity_columns = [("entities", "entities", 8), ("precision", "precision", 9)]
    entity_columns += [("recall", "recall", 6), ("kind", "kind_accuracy", 6)]
    if report["desk_entities"]:
        print_table(
            "Entity tags: the tags a news desk would give, our annotation of 72 Wikinews "
            "2019–20 articles (tests/data/entities)",
            report["desk_entities"],
            ("newsdigest", "raw model"),
            entity_columns,
        )
        print_card_tags(report["desk_entities"])
        print()
    print_table(
        "Entity tags: GUM's hand-annotated entities (tests/data/entities)",
        report["entities"],
        ("newsdigest", "raw model"),
        entity_columns,
    )
    print_card_tags(report["entities"])
    print()
    print_table(
        "Entity tags: GUM's entities in 8 U.S. government speeches (public domain)",
        report["speech_entities"],
        ("newsdigest", "raw model"),
        entity_columns,
    )
    print_card_tags(report["speech_entities"])
    print()
    print_table(
        "Entity tags: GUM's entities in 20 Wikipedia biographies (CC BY-SA)",
        report["bio_entities"],
        ("newsdigest", "raw model"),
        entity_columns,
    )
    print_card_tags(report["bio_entities"])
    if report["meantime_entities"]:
        print()
        # MEANTIME marks only some of each story's names: no precision can be read off it.
        print_table(
            "Entity tags: MEANTIME's hand-annotated entities, recall and kind only",
            report["meantime_entities"],
            ("newsdigest", "raw model"),
            [column for column in entity_columns if column[0] != "precision"],
        )


def print_card_tags(figures: dict) -> None:
    """The tags a story card shows (the three most salient): how many are right."""
    shown = ", ".join(
        f"{part} {row['front_page']['precision']:.2f} of {row['front_page']['tags']}"
        for part, row in figures.items()
    )
    print(f"story cards' tags (three a story), precision: {shown}")


def intake_figures(corpora: Path, parts: list[str], verbose: bool) -> dict:
    """Per real page set and part (a set whose clone is missing is left out), then our
    written pages: each system's figures and the number of pages."""
    groups: dict[str, list] = {}
    for name, reader in (("zyte", zyte_pages), ("trafilatura", trafilatura_pages)):
        try:
            real = reader(corpora)
        except CorpusMissing as error:
            print(f"make eval: {name}'s real pages left out: {error}", file=sys.stderr)
            continue
        for part in parts:
            members = [page for page in real if part_of(page.id) == part]
            if members:
                groups[f"{name} {part}"] = members
    groups["written"] = written_pages()
    figures = {}
    for name, pages in groups.items():
        tallies = score_pages(pages)
        figures[name] = {
            "articles": len(pages),
            **{system: tally.figures() for system, tally in tallies.items()},
        }
        if verbose and (name.endswith(" dev") or name == "written"):
            print("\n".join(tallies["newsdigest"].misses))
    return figures


def meantime_figures(corpora: Path, parts: list[str], verbose: bool) -> dict:
    """The entity figures on MEANTIME's 120 Wikinews articles; {} when the corpus is not
    on this machine (it is optional: the quotes and GUM need only GUM)."""
    try:
        ids = [i for i in meantime_ids(corpora) if part_of(i) in parts]
    except CorpusMissing as error:
        print(f"make eval: MEANTIME left out: {error}", file=sys.stderr)
        return {}
    articles = [meantime_article(corpora, article_id) for article_id in ids]
    results = run_system(articles)
    return entity_figures(
        articles,
        results,
        corpora,
        parts,
        verbose,
        gold_of=lambda article_id: meantime_gold(corpora, article_id),
    )


if __name__ == "__main__":
    sys.exit(main())
