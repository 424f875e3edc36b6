"""Analysis settings: which model and pipes, where the caches live, how many workers.

Which capabilities to run is the union of what the enabled enrichment plugins asked
for, so one pass serves them all. The analysing itself happens in
``newsdigest.core.enrich.worker`` (for the build and for ``newsdigest inspect``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsdigest.core.nlp.cache import AnalysisCache
from newsdigest.core.nlp.pipeline import AnalysisConfig, Analyzer
from newsdigest.core.settings import setting

logger = logging.getLogger(__name__)

CAPABILITIES_SETTING = "NEWSDIGEST_ANALYSIS_CAPABILITIES"
_analyzers: dict[AnalysisConfig, Analyzer] = {}


def require(settings: dict[str, Any], capability: str) -> None:
    """Called by each enrichment plugin at start-up with what it needs analysed."""
    capabilities = set(settings.get(CAPABILITIES_SETTING) or ())
    capabilities.add(capability)
    settings[CAPABILITIES_SETTING] = sorted(capabilities)


def config_from_settings(settings: dict[str, Any]) -> AnalysisConfig:
    return AnalysisConfig(
        model=setting(settings, "NEWSDIGEST_SPACY_MODEL"),
        capabilities=frozenset(settings.get(CAPABILITIES_SETTING) or {"entities"}),
        batch_size=int(setting(settings, "NEWSDIGEST_ANALYSIS_BATCH")),
    )


def workers_from_settings(settings: dict[str, Any]) -> int:
    """Worker processes for enrichment: NEWSDIGEST_ANALYSIS_WORKERS, else one per core
    (0: everything in the build process)."""
    value = setting(settings, "NEWSDIGEST_ANALYSIS_WORKERS")
    if value is None:
        return (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else (os.cpu_count() or 1)
        )
    return max(0, int(value))


def cache_root(settings: dict[str, Any], base: Path | None = None) -> Path | None:
    """Where the caches live: NEWSDIGEST_CACHE_PATH, else CACHE_PATH/newsdigest; None
    when NEWSDIGEST_CACHE is False. Analyses go in ``analysis/``, results in ``enrichment/``."""
    if setting(settings, "NEWSDIGEST_CACHE") is False:
        return None
    default = Path(settings.get("CACHE_PATH") or "cache", "newsdigest")
    folder = Path(setting(settings, "NEWSDIGEST_CACHE_PATH") or default)
    if base is not None and not folder.is_absolute():
        folder = base / folder
    return folder


def cache_from_settings(settings: dict[str, Any], base: Path | None = None) -> AnalysisCache:
    """The analysis cache (``cache_root``/analysis)."""
    root = cache_root(settings, base)
    return AnalysisCache(None if root is None else root / "analysis")


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


def too_long_to_analyse(paragraphs: Sequence[str], settings: dict[str, Any]) -> str | None:
    """Why a story is not analysed (NEWSDIGEST_ANALYSIS_MAX_CHARS), or None."""
    limit = int(setting(settings, "NEWSDIGEST_ANALYSIS_MAX_CHARS"))
    size = sum(map(len, paragraphs))
    if size <= limit:
        return None
    return f"too long to analyse ({size:,} characters; NEWSDIGEST_ANALYSIS_MAX_CHARS is {limit:,})"
