"""Composing the box: the best 3 to 6 rows, the editor's header applied."""

from __future__ import annotations

from dataclasses import dataclass

from newsdigest.core.facts.candidates import Fact, find_candidates
from newsdigest.core.nlp import Analysis
from newsdigest.core.settings import setting


@dataclass(frozen=True)
class FactOptions:
    min_rows: int = 2  # fewer good facts than this: no box
    max_rows: int = 6
    max_figures: int = 3

    @classmethod
    def from_settings(cls, settings: dict) -> FactOptions:
        return cls(
            min_rows=int(setting(settings, "NEWSDIGEST_FACTS_MIN")),
            max_rows=int(setting(settings, "NEWSDIGEST_FACTS_MAX")),
            max_figures=int(setting(settings, "NEWSDIGEST_FACTS_MAX_FIGURES")),
        )


def parse_facts_header(value: str | None) -> tuple[bool, list[tuple[str, str]], list[str]]:
    """``Facts: Label = value; -Label`` or ``Facts: none`` -> (suppress, add, remove)."""
    if value is None:
        return False, [], []
    if value.strip().lower() == "none":
        return True, [], []
    added, removed = [], []
    for item in value.split(";"):
        item = item.strip()
        if item.startswith("-"):
            removed.append(item[1:].strip())
        elif "=" in item:
            label, _sep, fact_value = item.partition("=")
            added.append((label.strip(), fact_value.strip()))
    return False, added, removed


def build_fact_box(
    analysis: Analysis,
    entities,
    paragraphs: list[str],
    options: FactOptions,
    header: str | None = None,
    warnings: list[str] | None = None,
) -> list[Fact]:
    """The fact box rows in display order; [] when the story has too few good facts."""
    warnings = warnings if warnings is not None else []
    suppress, added, removed = parse_facts_header(header)
    if suppress:
        return []
    candidates = find_candidates(analysis, entities)
    chosen = _select(candidates, options)
    editor_rows = []
    for label, value in added:
        fact = _traceable(label, value, analysis)
        if fact is None:
            warnings.append(f"Facts: '{value}' is not in the story; '{label}' left out")
            continue
        editor_rows.append(fact)
    replaced = {fact.label.casefold() for fact in editor_rows} | {r.casefold() for r in removed}
    rows = editor_rows + [f for f in chosen if f.label.casefold() not in replaced]
    rows = rows[: options.max_rows]
    return rows if len(rows) >= options.min_rows else []


def _select(candidates: list[Fact], options: FactOptions) -> list[Fact]:
    """Best figures (distinct values and labels, vague ones only if nothing better),
    then one each of when, who and where."""
    figures: list[Fact] = []
    for pool in (
        [f for f in candidates if f.kind == "figure" and not f.vague],
        [f for f in candidates if f.kind == "figure" and f.vague],
    ):
        for fact in sorted(pool, key=lambda f: -f.score):
            if len(figures) >= options.max_figures:
                break
            if _duplicate(fact, figures):
                continue
            figures.append(fact)
        if figures:
            break
    figures.sort(key=lambda f: (f.paragraph, f.sentence))
    rows = list(figures)
    for kind in ("when", "who", "where"):
        best = max(
            (f for f in candidates if f.kind == kind and not _duplicate(f, rows)),
            key=lambda f: f.score,
            default=None,
        )
        if best is not None:
            rows.append(best)
    return rows[: options.max_rows]


def _duplicate(fact: Fact, chosen: list[Fact]) -> bool:
    return any(
        fact.value == other.value or fact.label.casefold() == other.label.casefold()
        for other in chosen
    )


def _traceable(label: str, value: str, analysis: Analysis) -> Fact | None:
    """The editor's fact, with the sentence that states its value (None if none does)."""
    for index, unit in enumerate(analysis.paragraphs):
        position = unit.text.find(value)
        if position >= 0 and value:
            sentence = next((s for s in unit.sents if s.start <= position < s.end), None)
            text = unit.text[sentence.start : sentence.end] if sentence else unit.text
            return Fact(label, value, text.strip(), index, "editor", 10.0)
    return None
