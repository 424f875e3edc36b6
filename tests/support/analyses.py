"""Analyses written by hand, so entity rules are tested without the model's moods."""

from newsdigest.core.nlp import Analysis, Span, Unit


def analysis_of(*paragraphs: tuple[str, list[tuple[str, str]]], title=None) -> Analysis:
    """An analysis whose entities are given by hand, as (surface, label) in order."""
    units = []
    for text, ents in ([(title[0], title[1])] if title else []) + list(paragraphs):
        spans, cursor = [], 0
        for surface, label in ents:
            start = text.index(surface, cursor)
            spans.append(Span(start, start + len(surface), label))
            cursor = start + len(surface)
        units.append(Unit(text, spans))
    return Analysis("test", units, title_unit=title is not None)
