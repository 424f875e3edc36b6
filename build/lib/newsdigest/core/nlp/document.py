"""Plain-data results of analysing one story, convertible to and from JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A labelled stretch of one unit's text, by character offsets."""

    start: int
    end: int
    label: str = ""

    def text(self, unit_text: str) -> str:
        return unit_text[self.start : self.end]


@dataclass
class TokenTable:
    """Per-token columns, filled only for the pipes that ran (empty lists otherwise)."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.starts)


@dataclass
class Unit:
    """One analysed piece of a story: its headline or one paragraph."""

    text: str
    ents: list[Span] = field(default_factory=list)
    sents: list[Span] = field(default_factory=list)
    tokens: TokenTable = field(default_factory=TokenTable)


@dataclass
class Analysis:
    """Everything the enrichment plugins know about a story's language."""

    key: str
    units: list[Unit]
    title_unit: bool = False  # True when units[0] is the (editor-given) headline

    @property
    def paragraphs(self) -> list[Unit]:
        return self.units[1:] if self.title_unit else self.units

    @property
    def title(self) -> Unit | None:
        return self.units[0] if self.title_unit else None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title_unit": self.title_unit,
            "units": [
                {
                    "text": unit.text,
                    "ents": [[s.start, s.end, s.label] for s in unit.ents],
                    "sents": [[s.start, s.end] for s in unit.sents],
                    "tokens": unit.tokens.__dict__,
                }
                for unit in self.units
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        units = [
            Unit(
                text=raw["text"],
                ents=[Span(start, end, label) for start, end, label in raw["ents"]],
                sents=[Span(start, end) for start, end in raw["sents"]],
                tokens=TokenTable(**raw["tokens"]),
            )
            for raw in data["units"]
        ]
        return cls(data["key"], units, data["title_unit"])
