"""Pelican glue shared by the enrichment plugins: one enrichment per story per build.

Each enrichment plugin calls ``enable`` at start-up and ``register_build_hooks`` in its
``register()``. While Pelican reads, every story whose enrichment is not cached goes to
the ``EnrichmentService`` (analysis overlaps reading); at pretaxonomy the first plugin
to run collects every story's ``Enrichment`` (``enrich_articles``), and each plugin then
applies its own part (``apply_each``). A warm build only reads small cached results.
Before reading, the build's ``Forecast`` (the story files against the last build's)
decides whether workers and the model start at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from pelican import signals

from newsdigest.core.enrich import Enrichment, StoryInputs
from newsdigest.core.enrich.cache import EnrichmentCache
from newsdigest.core.enrich.forecast import Forecast
from newsdigest.core.enrich.service import EnrichmentService
from newsdigest.core.enrich.worker import EnrichmentJob, StoryTask
from newsdigest.core.entities import DirectoryError, EntityDirectory, site_directory
from newsdigest.core.jsonld import plain_title
from newsdigest.core.nlp.config import analyzer_for, too_long_to_analyse, workers_from_settings
from newsdigest.core.nlp.pipeline import ModelError
from newsdigest.site.articles import adopt_article, story_articles, warn

logger = logging.getLogger(__name__)
_UNENRICHED = "published without tags, pull-quote or fact box"


def directory_for(settings: dict[str, Any]) -> EntityDirectory:
    """The editor's entity file, or an empty directory (with a warning) when it is broken."""
    try:
        directory = site_directory(settings)
    except DirectoryError as error:
        logger.warning("%s; tagging without the editor's entity file", error)
        return EntityDirectory()
    for problem in directory.problems:
        logger.warning("%s", problem)
    return directory


class BuildEnrichment:
    """One build's enrichment: the keys of its stories, the caches and the workers."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.job = EnrichmentJob.from_settings(settings, directory_for(settings))
        self.cache = EnrichmentCache(self.job.enrichment_folder)
        self.service = EnrichmentService(self.job, workers_from_settings(settings))
        self.model_error: ModelError | None = None
        self.collected = False
        self._tasks: dict[int, StoryTask | None] = {}  # id(article) -> task (None: too long)
        self.forecast = self._forecast()
        # Nothing changed since the last build: skip the per-story cache checks while
        # reading (``collect`` still finds, and enriches, any story the guess missed).
        self.expects_work = True
        if self.forecast is not None:
            expected = self.forecast.expected()
            self.expects_work = expected.enrichments > 0
            self.service.prepare(expected)

    def _forecast(self) -> Forecast | None:
        """What the last build saw, to start workers and the model early (None: the
        model is missing, which every story's warning will say)."""
        try:
            analysis_id = analyzer_for(self.job.config).identity
        except ModelError as error:
            self.model_error = error
            return None
        folder = self.job.enrichment_folder
        record = None if folder is None else folder.parent / "last-build.json"
        return Forecast(record, self.settings, analysis_id, self.job.salt)

    def task_for(self, article: Any) -> StoryTask | None:
        """The story's keys and inputs (None when it is too long to analyse)."""
        if id(article) not in self._tasks:
            story = StoryInputs.from_metadata(article.metadata)
            title_derived = article.metadata.get("title_derived", True)
            self._tasks[id(article)] = self.job.task(
                story, plain_title(article), title_derived, self.settings
            )
        return self._tasks[id(article)]

    def read(self, article: Any) -> None:
        """A story was just read: start enriching it unless its result is cached."""
        if self.model_error is not None or not self.expects_work:
            return
        try:
            task = self.task_for(article)
        except ModelError as error:  # the model's name and version are part of every key
            self.model_error = error
            return
        if task is not None and not self.cache.has(task.enrichment_key):
            self.service.submit(task)

    def collect(self, articles: list[Any]) -> None:
        """Give every story its ``newsdigest_enrichment`` (or a warning saying why not)."""
        self.collected = True
        started = time.perf_counter()
        counts = {"cached": 0, "analysed": 0, "reanalysed": 0, "words": 0}
        self.service.flush()
        try:
            for article in articles:
                enrichment, words = self._enrichment(article)
                if enrichment is None:
                    continue
                counts["cached" if words is None else "analysed" if words else "reanalysed"] += 1
                counts["words"] += words or 0
                for message in enrichment.warnings:
                    warn(article, message)
                article.newsdigest_enrichment = enrichment
        except ModelError as error:
            self.model_error = error
        finally:
            self.service.close()
        if self.model_error is not None:
            logger.error(
                "newsdigest: %s; stories are published without enrichment", self.model_error
            )
            return
        if self.forecast is not None:
            self.forecast.remember()
        logger.info(
            "newsdigest: enriched %d stories in %.2f s: %d from the enrichment cache, "
            "%d analysed now (%d words), %d from cached analyses",
            sum(counts.values()) - counts["words"],
            time.perf_counter() - started,
            counts["cached"],
            counts["analysed"],
            counts["words"],
            counts["reanalysed"],
        )

    def _enrichment(self, article: Any) -> tuple[Enrichment | None, int | None]:
        """The story's enrichment and the words analysed for it now (0: its analysis was
        cached; None: the enrichment itself was)."""
        if self.model_error is not None:
            raise self.model_error
        task = self.task_for(article)
        if task is None:
            problem = too_long_to_analyse(article.metadata["paragraphs"], self.settings)
            warn(article, f"{problem}; {_UNENRICHED}")
            return None, 0
        if task.enrichment_key not in self.service:  # not submitted while reading
            cached = self.cache.get(task.enrichment_key)
            if cached is not None:
                return cached, None
            self.service.submit(task)
        outcome = self.service.take(task.enrichment_key)
        if outcome.enrichment is None:
            warn(article, f"{outcome.problem}; {_UNENRICHED}")
            return None, 0
        return Enrichment.from_json(outcome.enrichment), outcome.words_analysed


_builds: dict[int, BuildEnrichment] = {}  # id(settings) -> this build's enrichment


def start_build(generator: Any) -> None:
    _builds[id(generator.settings)] = BuildEnrichment(generator.settings)


def story_read(content: Any) -> None:
    build = _builds.get(id(getattr(content, "settings", None)))
    if build is not None and _is_article(content) and adopt_article(content):
        build.read(content)


def end_build(_pelican: Any) -> None:
    for build in _builds.values():
        build.service.close()
    _builds.clear()


def _is_article(content: Any) -> bool:
    from pelican.contents import Article

    return isinstance(content, Article)


def register_build_hooks() -> None:
    """Connect the shared hooks (once, however many enrichment plugins call this)."""
    signals.article_generator_init.connect(start_build)
    signals.content_object_init.connect(story_read)
    signals.finalized.connect(end_build)


def enrich_articles(generator: Any) -> None:
    """Collect every story's enrichment, once per build (the first plugin does it)."""
    build = _builds.get(id(generator.settings))
    if build is None or build.collected:
        return
    build.collect(story_articles(generator))


def apply_each(generator: Any, feature: str, apply: Callable[[Any, Enrichment], None]) -> None:
    """Run ``apply(article, enrichment)`` on every enriched story; a failure on one story
    is that story's warning: it is published without ``feature``."""
    enrich_articles(generator)
    for article in story_articles(generator):
        enrichment = getattr(article, "newsdigest_enrichment", None)
        if enrichment is None:
            continue
        try:
            apply(article, enrichment)
        except Exception as error:  # one story's bad luck must not stop the build
            warn(article, f"{feature} failed ({error}); published without them")
