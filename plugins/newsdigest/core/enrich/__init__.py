"""One story's enrichment without Pelican: entity tags, quotes and pull-quote, fact box.

``enrich_story`` composes the three from one analysis, in the only order that works
(speakers and the who need the canonical entities). The build and ``newsdigest
inspect`` both call it, and its result is plain data that the enrichment cache keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from newsdigest.core.entities import Entity, EntityDirectory, EntityOptions, extract_entities
from newsdigest.core.entities.extract import rank_with_speakers
from newsdigest.core.facts import Fact, FactOptions, build_fact_box
from newsdigest.core.nlp import Analysis
from newsdigest.core.nlp.config import require
from newsdigest.core.quotes import (
    PullQuoteOptions,
    Quote,
    attribute_quotes,
    choose_pull_quote,
    find_quotes,
    split_scare_quotes,
)

FEATURES = ("entities", "quotes", "facts")
# What each feature needs analysed (see newsdigest.core.nlp.pipeline.CAPABILITY_PIPES).
FEATURE_CAPABILITIES = {
    "entities": ("entities",),
    "quotes": ("entities", "syntax"),  # speakers are entities; the parse fallback
    "facts": ("entities", "syntax"),  # the who and where; what a number counts
}
ENRICHMENTS_SETTING = "NEWSDIGEST_ENRICHMENTS"


def enable(settings: dict[str, Any], feature: str) -> None:
    """An enrichment plugin's start-up: its feature, and what it needs analysed."""
    settings[ENRICHMENTS_SETTING] = sorted({*(settings.get(ENRICHMENTS_SETTING) or ()), feature})
    for capability in FEATURE_CAPABILITIES[feature]:
        require(settings, capability)


@dataclass(frozen=True)
class StoryInputs:
    """What enrichment reads from a story besides its analysis."""

    paragraphs: Sequence[str]
    dateline: str | None = None
    tags_header: str | None = None
    pull_quote_choice: str | None = None  # the PullQuote: header
    facts_header: str | None = None  # the Facts: header

    @classmethod
    def from_metadata(cls, metadata: dict[str, Any]) -> StoryInputs:
        return cls(
            metadata["paragraphs"],
            metadata.get("dateline"),
            metadata.get("tags_header"),
            metadata.get("pullquote"),
            metadata.get("facts"),
        )

    def key_data(self) -> list[str | None]:
        """Inputs for a cache key; the paragraphs are already in the analysis key."""
        return [self.dateline, self.tags_header, self.pull_quote_choice, self.facts_header]


@dataclass(frozen=True)
class EnrichmentOptions:
    """Which features run, and every setting that changes their results."""

    features: frozenset[str] = frozenset(FEATURES)
    entities: EntityOptions = field(default_factory=EntityOptions)
    pull_quote: PullQuoteOptions = field(default_factory=PullQuoteOptions)
    facts: FactOptions = field(default_factory=FactOptions)

    @classmethod
    def from_settings(cls, settings: dict[str, Any], features: Sequence[str]) -> EnrichmentOptions:
        return cls(
            frozenset(features),
            EntityOptions.from_settings(settings),
            PullQuoteOptions.from_settings(settings),
            FactOptions.from_settings(settings),
        )

    def key_data(self) -> list[Any]:
        return [
            sorted(self.features),
            asdict(self.entities),
            asdict(self.pull_quote),
            asdict(self.facts),
        ]


@dataclass
class Enrichment:
    """A story's enrichment: plain data, to and from JSON for the cache."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] | None = None  # None when the quotes feature is off
    pull_quote: Quote | None = None  # one of ``quotes``
    scare_quotes: list[Quote] = field(default_factory=list)  # quoted words, not quotations
    facts: list[Fact] | None = None  # None when the facts feature is off
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        quotes = self.quotes
        return {
            "entities": [asdict(entity) for entity in self.entities],
            "quotes": None if quotes is None else [asdict(quote) for quote in quotes],
            "pull_quote": None if self.pull_quote is None else quotes.index(self.pull_quote),
            "scare_quotes": [asdict(quote) for quote in self.scare_quotes],
            "facts": None if self.facts is None else [asdict(fact) for fact in self.facts],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Enrichment:
        quotes = None if data["quotes"] is None else [Quote(**raw) for raw in data["quotes"]]
        chosen = data["pull_quote"]
        return cls(
            entities=[Entity(**raw) for raw in data["entities"]],
            quotes=quotes,
            pull_quote=None if chosen is None or quotes is None else quotes[chosen],
            scare_quotes=[Quote(**raw) for raw in data["scare_quotes"]],
            facts=None if data["facts"] is None else [Fact(**raw) for raw in data["facts"]],
            warnings=list(data["warnings"]),
        )


def enrich_story(
    analysis: Analysis,
    story: StoryInputs,
    directory: EntityDirectory,
    options: EnrichmentOptions,
) -> Enrichment:
    """Entities first (the others need them), then quotes and the fact box, as enabled."""
    result = Enrichment()
    result.entities = extract_entities(
        analysis,
        directory,
        dateline=story.dateline,
        tags_header=story.tags_header,
        options=options.entities,
        warnings=result.warnings,
    )
    paragraphs = list(story.paragraphs)
    if "quotes" in options.features:
        quotations, result.scare_quotes = split_scare_quotes(find_quotes(paragraphs), paragraphs)
        result.quotes = attribute_quotes(quotations, analysis, result.entities)
        speakers = {(q.quotation, q.speaker) for q in result.quotes}
        result.entities = rank_with_speakers(result.entities, [name for _n, name in speakers])
        result.pull_quote = choose_pull_quote(
            result.quotes,
            analysis,
            options.pull_quote,
            story.pull_quote_choice,
            result.warnings,
        )
    if "facts" in options.features:
        result.facts = build_fact_box(
            analysis,
            result.entities,
            paragraphs,
            options.facts,
            story.facts_header,
            result.warnings,
        )
    return result


__all__ = [
    "ENRICHMENTS_SETTING",
    "FEATURES",
    "FEATURE_CAPABILITIES",
    "Enrichment",
    "EnrichmentOptions",
    "StoryInputs",
    "enable",
    "enrich_story",
]
