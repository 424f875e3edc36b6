"""Speaker attribution on news the rules had not seen: each round of annotated dev
articles scored with the rules as they stood before that round was added.

The tuned dev figures of ``make eval`` overstate quality (every dev miss was looked at);
the held-out part is small. This gives a third, larger estimate from the dev articles
themselves: every round's new articles are, for the commit before it, news never seen.
It prints the pooled figures (the quote finder's precision and recall too) and, per way
the speaker was found (``attribution`` in ``inspect --json``), how often the speaker was
right; then the pull-quote each story was given, the one quotation a reader sees set off
on the page: how often it is a real quotation by the speaker shown.

    .venv/bin/python bench/first_reads.py --corpora DIR     # about three minutes

Needs the repository's git history (each round's commit) and the corpora of
``make eval``; the held-out articles are left out.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from eval import found_quotations, part_of  # noqa: E402

QUOTE_DATA = "tests/data/quotes"
# (the commit that added a round of annotated articles, the last commit before it)
ROUNDS = [
    ("727575e", "20c1d7d"),  # Wikinews 2004, MEANTIME (part), HHS
    ("f83e515", "727575e"),  # the rest of MEANTIME
    ("2b1b316", "f83e515"),  # 30 more HHS releases
    ("fa02567", "2b1b316"),  # Wikinews 2019–20, rounds one and two
    ("3eb59be", "fa02567"),  # round three
    ("4d89c32", "3eb59be"),  # round four
    ("7263ec7", "ab1448f"),  # rounds five and six
    ("f9d0700", "cda0f0a"),  # rounds seven and eight
    ("c6133b4", "09a0553"),  # round nine (interviews)
    ("bc362c7", "5187c01"),  # 42 more HHS releases
    ("366b51e", "a70e60a"),  # and 42 more
    ("edebb58", "1f88711"),  # the last 36
]


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout


def _annotated_at(commit: str) -> set[str]:
    ids = set()
    for path in _git("ls-tree", "--name-only", commit, f"{QUOTE_DATA}/").split():
        if Path(path).name.startswith("judgments"):
            ids |= set(re.findall(r"^== (\S+)", _git("show", f"{commit}:{path}"), re.M))
    return ids


def _dev(article_id: str) -> bool:
    return article_id.startswith("meantime:") or part_of(article_id) == "dev"


def _run_round(added: str, before: str, corpora: Path) -> dict[str, list[dict]]:
    """The round's new dev articles, attributed by the rules of ``before`` (a worktree
    of it, run in a child process so its plugins are the ones imported)."""
    ids = sorted(i for i in _annotated_at(added) - _annotated_at(before) if _dev(i))
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        _git("worktree", "add", "--detach", str(tree), before)
        try:
            out = subprocess.run(
                [sys.executable, __file__, "--worker", str(tree / "plugins"), str(corpora)],
                input="\n".join(ids),
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        finally:
            _git("worktree", "remove", "--force", str(tree))
    return json.loads(out)


def _worker(plugins: str, corpora: Path) -> None:
    """One row per found quotation that matches an annotated one: how its speaker was
    found, and whether it is right, wrong or missing."""
    sys.path.insert(0, plugins)
    from evaluation.annotate import build
    from evaluation.corpus import load
    from evaluation.quotes import match_quotations, pull_quote_verdict, speaker_is_right

    from newsdigest.core.enrich import EnrichmentOptions, StoryInputs, enrich_story
    from newsdigest.core.entities import EntityDirectory
    from newsdigest.core.nlp.pipeline import AnalysisConfig, Analyzer

    ids = set(sys.stdin.read().split())
    gold = {}
    for path in sorted((ROOT / QUOTE_DATA).glob("judgments*.txt")):  # today's judgments
        gold.update({k: v for k, v in build(corpora, path).items() if k in ids})
    articles = [load(corpora, i) for i in sorted(gold)]
    try:
        from newsdigest.core.nlp.config import story_texts

        texts = [story_texts(a.paragraphs, a.title, False) for a in articles]
    except ImportError:  # the oldest rules analysed the paragraphs alone
        texts = [(list(a.paragraphs), False) for a in articles]
    analyzer = Analyzer(AnalysisConfig(capabilities=frozenset({"entities", "syntax"})))
    options = EnrichmentOptions(features=frozenset({"entities", "quotes"}))
    directory, rows, pull_quotes = EntityDirectory(), [], []
    counts = collections.Counter()  # quotations found, annotated, and found but no quotation
    for article, analysis in zip(articles, analyzer.analyse_here(texts), strict=True):
        enrichment = enrich_story(
            analysis, StoryInputs(list(article.paragraphs)), directory, options
        )
        tagged = {n.lower() for e in enrichment.entities or [] for n in (e.name, *e.surfaces)}
        pairs, _unmatched = match_quotations(
            found_quotations(enrichment.quotes or []), gold[article.id]
        )
        counts["found"] += len(pairs)
        counts["annotated"] += len(gold[article.id]["quotations"])
        for quotation, match in pairs:
            if match is None:
                counts["false"] += 1
                continue
            if quotation.speaker is None:
                result = "missing" if match["named"] else "unnamed"
            else:
                result = "right" if speaker_is_right(quotation.speaker, match) else "wrong"
            tag = (quotation.speaker or "").lower() in tagged
            rows.append({"how": quotation.how or "none", "result": result, "tagged": tag})
        pull_quotes.append(pull_quote_verdict(enrichment.pull_quote, gold[article.id]))
    json.dump({"speakers": rows, "pull_quotes": pull_quotes, "counts": counts}, sys.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.environ.get("NEWSDIGEST_CORPORA"))
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker[0], Path(args.worker[1]))
        return 0
    if not args.corpora:
        print("first_reads needs the corpora: see tests/data/quotes/README.md", file=sys.stderr)
        return 2
    rows, pull_quotes, counts = [], [], collections.Counter()
    for added, before in ROUNDS:
        found = _run_round(added, before, Path(args.corpora).expanduser())
        rows += found["speakers"]
        pull_quotes += found["pull_quotes"]
        counts.update(found["counts"])
    by_way = collections.defaultdict(collections.Counter)
    for row in rows:
        by_way[row["how"]][row["result"]] += 1
    total = collections.Counter(row["result"] for row in rows)
    given = total["right"] + total["wrong"]
    print(f"{len(ROUNDS)} rounds, {len(rows)} quotations found and annotated")
    matched = counts["found"] - counts["false"]
    print(
        f"quote precision {matched / counts['found']:.2f} ({matched}/{counts['found']}), "
        f"recall {matched / counts['annotated']:.2f} ({matched}/{counts['annotated']})"
    )
    print(
        f"speaker precision {total['right'] / given:.2f} ({total['right']}/{given}), "
        f"coverage {given / (given + total['missing']):.2f}"
    )
    untagged = collections.Counter(r["result"] for r in rows if not r["tagged"])
    outside = untagged["right"] + untagged["wrong"]
    print(
        f"speakers that are none of the story's entity tags: {outside}, right {untagged['right']}"
    )
    print(f"{'found by':<18} {'speakers':>8} {'wrong':>5} {'precision':>9}")
    for how, counts in sorted(by_way.items(), key=lambda item: -item[1]["right"]):
        n = counts["right"] + counts["wrong"]
        if n:
            print(f"{how:<18} {n:>8} {counts['wrong']:>5} {counts['right'] / n:>9.2f}")
    verdicts = collections.Counter(v for v in pull_quotes if v is not None)
    shown = sum(verdicts.values())
    print(
        f"pull-quotes: {shown} of {len(pull_quotes)} stories, {verdicts['right']} a real "
        f"quotation by the speaker shown ({verdicts['right'] / shown:.2f}), "
        f"{verdicts['wrong speaker']} another's words, {verdicts['no quotation']} no quotation"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
