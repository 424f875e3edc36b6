"""Enriching a batch of stories: what a worker process (or the build itself) runs.

For each story: its analysis from the analysis cache, else from one batched spaCy
pass over every story of the batch that missed; then ``enrich_story``; both results
stored in their caches. A failure on one story is that story's problem and never
spoils the others; a model that cannot load is one ``ModelError`` for the batch.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from newsdigest.core.enrich import ENRICHMENTS_SETTING, EnrichmentOptions, StoryInputs, enrich_story
from newsdigest.core.enrich.cache import EnrichmentCache, enrichment_key, results_salt
from newsdigest.core.entities import EntityDirectory
from newsdigest.core.nlp.cache import AnalysisCache
from newsdigest.core.nlp.config import (
    analyzer_for,
    cache_root,
    config_from_settings,
    story_texts,
    too_long_to_analyse,
)
from newsdigest.core.nlp.document import Analysis
from newsdigest.core.nlp.pipeline import AnalysisConfig, Analyzer, ModelError


@dataclass(frozen=True)
class EnrichmentJob:
    """What every story of one build shares."""

    config: AnalysisConfig
    options: EnrichmentOptions
    directory: EntityDirectory
    analysis_folder: Path | None = None
    enrichment_folder: Path | None = None

    @classmethod
    def from_settings(
        cls, settings: dict[str, Any], directory: EntityDirectory, base: Path | None = None
    ) -> EnrichmentJob:
        root = cache_root(settings, base)
        features = settings.get(ENRICHMENTS_SETTING) or ()
        return cls(
            config_from_settings(settings),
            EnrichmentOptions.from_settings(settings, features),
            directory,
            None if root is None else root / "analysis",
            None if root is None else root / "enrichment",
        )

    @cached_property
    def salt(self) -> str:
        """The part of every enrichment key that is the same for all stories of a build."""
        return results_salt(self.options, self.directory.fingerprint())

    def task(
        self, story: StoryInputs, title: str | None, title_derived: bool, settings: dict
    ) -> StoryTask | None:
        """The story's task with its cache keys; None when it is too long to analyse.
        Raises ModelError when the model is missing (its version is in every key)."""
        if too_long_to_analyse(story.paragraphs, settings):
            return None
        texts, title_unit = story_texts(story.paragraphs, title, title_derived)
        analysis_key = analyzer_for(self.config).key(texts, title_unit)
        key = enrichment_key(analysis_key, story, self.salt)
        return StoryTask(key, analysis_key, tuple(texts), title_unit, story)


@dataclass(frozen=True)
class StoryTask:
    """One story to enrich, with the keys the build already computed for it."""

    enrichment_key: str
    analysis_key: str
    texts: tuple[str, ...]  # the units analysed: the headline (if given) and paragraphs
    title_unit: bool
    story: StoryInputs


@dataclass(frozen=True)
class Outcome:
    """What became of one task: the enrichment as JSON, or the problem that stopped it."""

    enrichment_key: str
    enrichment: dict[str, Any] | None
    problem: str | None = None  # "language analysis failed (…)" or "enrichment failed (…)"
    words_analysed: int = 0  # 0 when the analysis came from the cache


def load_model(job: EnrichmentJob) -> None:
    """Load the model into this worker ahead of its first batch. A model that cannot
    load is reported by that batch, with the stories it concerns."""
    with contextlib.suppress(ModelError):
        analyzer_for(job.config).nlp  # noqa: B018 (a cached property: loading is the point)


def run_batch(job: EnrichmentJob, tasks: Sequence[StoryTask]) -> list[Outcome]:
    analyses, problems = _analyses(job, tasks)
    enrichments = EnrichmentCache(job.enrichment_folder)
    outcomes = []
    for task in tasks:
        analysis = analyses.get(task.analysis_key)
        if analysis is None:
            outcomes.append(Outcome(task.enrichment_key, None, problems[task.analysis_key]))
            continue
        try:
            result = enrich_story(analysis, task.story, job.directory, job.options)
        except Exception as error:  # a bug on one story must not stop the build
            problem = f"enrichment failed ({type(error).__name__}: {error})"[:300]
            outcomes.append(Outcome(task.enrichment_key, None, problem))
            continue
        enrichments.put(task.enrichment_key, result)
        words = sum(len(t.split()) for t in task.texts) if task.analysis_key in problems else 0
        outcomes.append(Outcome(task.enrichment_key, result.to_json(), None, words))
    return outcomes


def _analyses(
    job: EnrichmentJob, tasks: Sequence[StoryTask]
) -> tuple[dict[str, Analysis], dict[str, str | None]]:
    """Analyses by key: cached ones, then one batched pass for the rest.

    The second dict holds, for every key analysed now, None or why it failed.
    """
    cache = AnalysisCache(job.analysis_folder)
    found: dict[str, Analysis] = {}
    missing: dict[str, StoryTask] = {}
    for task in tasks:
        if task.analysis_key in found or task.analysis_key in missing:
            continue  # two stories with the same text: analysed once
        analysis = cache.get(task.analysis_key)
        if analysis is None:
            missing[task.analysis_key] = task
        else:
            found[task.analysis_key] = analysis
    problems: dict[str, str | None] = {}
    if missing:
        analyzer = analyzer_for(job.config)
        fresh = _analyse_isolated(analyzer, list(missing.values()), problems)
        for key, analysis in fresh.items():
            cache.put(analysis)
            found[key] = analysis
    return found, problems


def _analyse_isolated(
    analyzer: Analyzer, tasks: list[StoryTask], problems: dict[str, str | None]
) -> dict[str, Analysis]:
    """One batched pass; if it fails, story by story, so one bad story spoils nothing."""
    try:
        analyses = analyzer.analyse_here([(task.texts, task.title_unit) for task in tasks])
    except ModelError:
        raise
    except Exception:
        analyses = []
        for task in tasks:
            try:
                analyses += analyzer.analyse_here([(task.texts, task.title_unit)])
            except ModelError:
                raise
            except Exception as error:
                problem = f"language analysis failed ({type(error).__name__}: {error})"
                problems[task.analysis_key] = problem[:300]
                analyses.append(None)
    fresh = {}
    for task, analysis in zip(tasks, analyses, strict=True):
        if analysis is not None:
            problems[task.analysis_key] = None
            fresh[task.analysis_key] = analysis
    return fresh
