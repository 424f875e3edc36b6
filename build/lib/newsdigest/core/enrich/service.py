"""Enriching stories in worker processes while Pelican goes on reading.

The build submits each story whose enrichment is not cached as soon as it has read
it; batches go to a process pool (one model load per worker, lazily, only if some
story of its batches has no cached analysis), so analysis overlaps reading and uses
every core. ``prepare`` starts the workers (and their model) before reading when the
build's ``Forecast`` expects work; otherwise the first story goes out alone, at once.
``take`` waits for one story's outcome. With ``workers=0`` everything runs in the
build process, at ``take``.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newsdigest.core.enrich.forecast import Expected
from newsdigest.core.enrich.worker import EnrichmentJob, Outcome, StoryTask, load_model, run_batch

logger = logging.getLogger(__name__)

STORIES_PER_BATCH = 8  # about 5,000 words: big enough for nlp.pipe, small enough to share


class EnrichmentService:
    """A pool of workers enriching submitted stories; one per build."""

    def __init__(self, job: EnrichmentJob, workers: int) -> None:
        self.job = job
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._pool_size = 0
        self._waiting: list[StoryTask] = []  # submitted, not yet sent to a worker
        self._sent: dict[str, Future] = {}  # enrichment key -> its batch's future
        self._outcomes: dict[str, Outcome] = {}
        self._tasks: dict[str, StoryTask] = {}

    def submit(self, task: StoryTask) -> None:
        """Queue a story; nothing happens twice for the same enrichment key."""
        if task.enrichment_key in self._tasks:
            return
        self._tasks[task.enrichment_key] = task
        self._waiting.append(task)
        if self.workers and (len(self._waiting) >= STORIES_PER_BATCH or not self._sent):
            self._send()

    def prepare(self, expected: Expected) -> None:
        """Start the workers before the first story is read when the build expects work:
        one worker for a few stories, all of them for many; each loads the model at once
        if stories will be analysed, so that second is spent while Pelican reads."""
        if not self.workers or not expected.enrichments or self._pool is not None:
            return
        self._start(1 if expected.enrichments <= STORIES_PER_BATCH else self.workers)
        if expected.analyses:
            for _ in range(self._pool_size):
                self._pool.submit(load_model, self.job)

    @property
    def workers_started(self) -> int:
        return self._pool_size if self._pool is not None else 0

    def __contains__(self, key: str) -> bool:
        return key in self._tasks

    def flush(self) -> None:
        """Send every waiting story to the workers now, in batches."""
        while self._waiting and self.workers:
            self._send()

    def take(self, key: str) -> Outcome:
        """The outcome for a submitted story (waits for its batch). Raises ModelError."""
        if key in self._outcomes:
            return self._outcomes.pop(key)
        if key not in self._sent:
            self.flush()
        future = self._sent.get(key)
        try:
            outcomes = future.result() if future is not None else self._run_here()
        except BrokenProcessPool:
            logger.warning("newsdigest: a worker process died; enriching in the build process")
            self.workers = 0
            self._sent = {k: f for k, f in self._sent.items() if f is not future}
            outcomes = run_batch(self.job, [self._tasks[key]])
        for outcome in outcomes:
            self._sent.pop(outcome.enrichment_key, None)
            self._outcomes[outcome.enrichment_key] = outcome
        return self._outcomes.pop(key)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool, self._pool_size = None, 0

    def _send(self) -> None:
        """Send the waiting stories to the pool as one batch (in the build process with
        ``workers=0``, or once the pool has broken: they run at ``take``)."""
        if not self._waiting or not self.workers:
            return
        batch = self._waiting[:STORIES_PER_BATCH]
        self._waiting = self._waiting[STORIES_PER_BATCH:]
        if self._pool is None:
            self._start(self.workers)
        future = self._pool.submit(run_batch, self.job, batch)
        for task in batch:
            self._sent[task.enrichment_key] = future

    def _start(self, size: int) -> None:
        # fork: workers inherit the site's plugins (and any spaCy components they
        # register); the pool starts all its workers now, before its own thread.
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        self._pool = ProcessPoolExecutor(size, mp_context=multiprocessing.get_context(method))
        self._pool_size = size

    def _run_here(self) -> list[Outcome]:
        batch, self._waiting = self._waiting, []
        return run_batch(self.job, batch)
