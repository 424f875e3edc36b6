"""A small view over one analysed paragraph's dependency parse."""

from __future__ import annotations

from functools import cached_property

from newsdigest.core.nlp import Span, Unit


class Parse:
    """Token-level questions about one paragraph: children, subtrees, noun phrases."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        self.t = unit.tokens

    def __len__(self) -> int:
        return len(self.t)

    @property
    def available(self) -> bool:
        return bool(self.t.deps) and bool(self.t.pos)

    @cached_property
    def _children(self) -> list[list[int]]:
        children: list[list[int]] = [[] for _ in range(len(self.t))]
        for index, head in enumerate(self.t.heads):
            if head != index:
                children[head].append(index)
        return children

    def text(self, i: int) -> str:
        return self.unit.text[self.t.starts[i] : self.t.ends[i]]

    def lower(self, i: int) -> str:
        return self.text(i).lower()

    def lemma(self, i: int) -> str:
        return (self.t.lemmas[i] if self.t.lemmas else self.text(i)).lower()

    def children(self, i: int, *deps: str) -> list[int]:
        return [c for c in self._children[i] if not deps or self.t.deps[c] in deps]

    def head(self, i: int) -> int:
        return self.t.heads[i]

    def dep(self, i: int) -> str:
        return self.t.deps[i]

    def pos(self, i: int) -> str:
        return self.t.pos[i]

    def token_at(self, offset: int) -> int | None:
        for i in range(len(self.t)):
            if self.t.starts[i] <= offset < self.t.ends[i]:
                return i
        return None

    def root_of(self, span: Span) -> int | None:
        """The token of ``span`` whose head lies outside it (spaCy's span root)."""
        inside = [i for i in range(len(self.t)) if span.start <= self.t.starts[i] < span.end]
        for i in inside:
            if not span.start <= self.t.starts[self.head(i)] < span.end or self.head(i) == i:
                return i
        return inside[-1] if inside else None

    def sentence_of(self, offset: int) -> Span:
        for sentence in self.unit.sents:
            if sentence.start <= offset < sentence.end:
                return sentence
        return Span(0, len(self.unit.text))

    def noun_phrase(self, i: int, *, keep_possessor: bool = True) -> str:
        """The noun at ``i`` with its compounds, adjectives and possessor names:
        "NATO’s 29 member countries" -> "NATO member countries"."""
        parts = []
        for child in self.children(i):
            dep = self.dep(child)
            if child > i:
                continue
            if dep in ("compound", "amod") or (
                dep == "poss" and keep_possessor and self.pos(child) == "PROPN"
            ):
                parts.extend(self._phrase_tokens(child))
        words = [self.text(k) for k in sorted(set(parts))] + [self.text(i)]
        for child in self.children(i, "acl"):
            if child == i + 1 and self.t.tags and self.t.tags[child] == "VBN":
                words.append(self.text(child))  # "people displaced"
        phrase = " ".join(words).replace(" ’s", "").replace(" 's", "")
        return phrase.replace("’s", "").replace("'s", "")

    def _phrase_tokens(self, i: int) -> list[int]:
        tokens = [i]
        for child in self.children(i, "compound", "amod", "poss", "punct", "case"):
            if child < i and self.dep(child) != "case":
                tokens.extend(self._phrase_tokens(child))
        return tokens
