"""Analysing many stories at once: cache lookups, one batched pass for the misses.

Used by the Pelican plugins (through ``analyse_articles``) and by ``newsdigest
inspect``. Which capabilities to run is the union of what the enabled enrichment
plugins asked for, so one pass serves them all.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..articles import warn
from .cache import AnalysisCache
from .document import Analysis
from .pipeline import DEFAULT_MODEL, AnalysisConfig, Analyzer, ModelError

logger = logging.getLogger(__name__)

CAPABILITIES_SETTING = "NEWSDIGEST_ANALYSIS_CAPABILITIES"
_analyzers: dict[AnalysisConfig, Analyzer] = {}


@dataclass
class AnalysisStats:
    stories: int = 0
    analysed: int = 0
    cached: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: dict[int, str] = field(default_factory=dict)  # story index -> problem


def require(settings: dict[str, Any], capability: str) -> None:
    """Called by each enrichment plugin at start-up with what it needs analysed."""
    capabilities = set(settings.get(CAPABILITIES_SETTING) or ())
    capabilities.add(capability)
    settings[CAPABILITIES_SETTING] = sorted(capabilities)


def config_from_settings(settings: dict[str, Any]) -> AnalysisConfig:
    return AnalysisConfig(
        model=settings.get("NEWSDIGEST_SPACY_MODEL") or DEFAULT_MODEL,
        capabilities=frozenset(settings.get(CAPABILITIES_SETTING) or {"entities"}),
        batch_size=int(settings.get("NEWSDIGEST_ANALYSIS_BATCH", 32)),
        workers=int(settings.get("NEWSDIGEST_ANALYSIS_WORKERS") or os.cpu_count() or 1),
    )


def cache_from_settings(settings: dict[str, Any], base: Path | None = None) -> AnalysisCache:
    """The analysis cache folder: NEWSDIGEST_CACHE_PATH, else CACHE_PATH/newsdigest-analysis."""
    if settings.get("NEWSDIGEST_ANALYSIS_CACHE", True) is False:
        return AnalysisCache(None)
    folder = settings.get("NEWSDIGEST_CACHE_PATH") or Path(
        settings.get("CACHE_PATH") or "cache", "newsdigest-analysis"
    )
    folder = Path(folder)
    if base is not None and not folder.is_absolute():
        folder = base / folder
    return AnalysisCache(folder)


def analyzer_for(config: AnalysisConfig) -> Analyzer:
    """One Analyzer (and so one loaded model) per configuration per process."""
    if config not in _analyzers:
        _analyzers[config] = Analyzer(config)
    return _analyzers[config]


def story_texts(paragraphs: Sequence[str], title: str | None, title_derived: bool):
    """The units a story is analysed as: its headline (if an editor wrote it) and paragraphs."""
    if title and not title_derived:
        return [title, *paragraphs], True
    return list(paragraphs), False


def analyse_stories(
    stories: Sequence[tuple[Sequence[str], bool]], config: AnalysisConfig, cache: AnalysisCache
) -> tuple[list[Analysis], AnalysisStats]:
    """Analyses for ``stories`` (texts, title_unit), from the cache where possible."""
    analyzer = analyzer_for(config)
    stats = AnalysisStats(stories=len(stories))
    results: list[Analysis | None] = []
    missing: list[int] = []
    for index, (texts, title_unit) in enumerate(stories):
        found = cache.get(analyzer.key(texts, title_unit))
        results.append(found)
        if found is None:
            missing.append(index)
    stats.cached = len(stories) - len(missing)
    if missing:
        started = time.perf_counter()
        fresh = _analyse_isolated(analyzer, [stories[i] for i in missing], stats, missing)
        stats.seconds = time.perf_counter() - started
        for index, analysis in zip(missing, fresh, strict=True):
            if analysis is None:
                continue
            cache.put(analysis)
            results[index] = analysis
            stats.words += sum(len(text.split()) for text in stories[index][0])
            stats.analysed += 1
    return results, stats


def _analyse_isolated(analyzer, batch, stats: AnalysisStats, indexes: list[int]):
    """One batched pass; if it fails, story by story, so one bad story spoils nothing."""
    try:
        return analyzer.analyse(batch)
    except ModelError:
        raise
    except Exception:
        results = []
        for index, story in zip(indexes, batch, strict=True):
            try:
                results.extend(analyzer.analyse([story]))
            except ModelError:
                raise
            except Exception as error:
                stats.failures[index] = f"{type(error).__name__}: {error}"[:300]
                results.append(None)
        return results


def too_long_to_analyse(paragraphs: Sequence[str], settings: dict[str, Any]) -> str | None:
    """Why a story is not analysed (NEWSDIGEST_ANALYSIS_MAX_CHARS), or None."""
    limit = int(settings.get("NEWSDIGEST_ANALYSIS_MAX_CHARS", 200_000))
    size = sum(map(len, paragraphs))
    if size <= limit:
        return None
    return f"too long to analyse ({size:,} characters; NEWSDIGEST_ANALYSIS_MAX_CHARS is {limit:,})"


def analyse_articles(articles: Iterable[Any], settings: dict[str, Any]) -> AnalysisStats | None:
    """Give every story article an ``analysis`` attribute, once per build.

    The first enrichment plugin to call this does the work for all of them; later
    calls find every article already analysed and return None.
    """
    pending = [
        a for a in articles
        if "paragraphs" in a.metadata and getattr(a, "analysis", None) is None
    ]  # fmt: skip
    for article in list(pending):
        problem = too_long_to_analyse(article.metadata["paragraphs"], settings)
        if problem:
            pending.remove(article)
            warn(article, f"{problem}; published without tags, pull-quote or fact box")
    if not pending:
        return None
    config = config_from_settings(settings)
    cache = cache_from_settings(settings)
    stories = [
        story_texts(a.metadata["paragraphs"], a.title, a.metadata.get("title_derived", True))
        for a in pending
    ]
    analyses, stats = analyse_stories(stories, config, cache)
    for index, (article, analysis) in enumerate(zip(pending, analyses, strict=True)):
        article.analysis = analysis
        if index in stats.failures:
            warn(
                article,
                f"language analysis failed ({stats.failures[index]}); published "
                "without tags, pull-quote or fact box",
            )
    rate = f", {stats.words / stats.seconds:,.0f} words/s" if stats.seconds else ""
    logger.info(
        "newsdigest: analysed %d stories with %s (%d words in %.2f s%s), %d from cache",
        stats.analysed, config.model, stats.words, stats.seconds, rate, stats.cached,
    )  # fmt: skip
    return stats
