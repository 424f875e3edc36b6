"""The enrichment service: worker processes give exactly what the build process gives,
each story is analysed once, and the caches are filled as they go."""

from newsdigest.core.enrich import EnrichmentOptions, StoryInputs
from newsdigest.core.enrich.cache import EnrichmentCache
from newsdigest.core.enrich.forecast import Expected
from newsdigest.core.enrich.service import STORIES_PER_BATCH, EnrichmentService
from newsdigest.core.enrich.worker import EnrichmentJob
from newsdigest.core.entities import EntityDirectory
from newsdigest.core.nlp import AnalysisCache, AnalysisConfig

SETTINGS: dict = {}


def stories(count: int) -> list[StoryInputs]:
    return [
        StoryInputs(
            (
                f"OSLO — Lars Holm of the Nordic Rail Authority met {n} workers in Bergen.",
                f"“We will build {n} new stations this winter,” Holm said on Monday.",
            )
        )
        for n in range(count)
    ]


def job(tmp_path=None) -> EnrichmentJob:
    config = AnalysisConfig(capabilities=frozenset({"entities", "syntax"}))
    folders = (tmp_path / "analysis", tmp_path / "enrichment") if tmp_path else (None, None)
    return EnrichmentJob(config, EnrichmentOptions(), EntityDirectory(), *folders)


def run(service: EnrichmentService, tasks) -> list:
    for task in tasks:
        service.submit(task)
    service.flush()
    try:
        return [service.take(task.enrichment_key) for task in tasks]
    finally:
        service.close()


def test_workers_match_the_build_process(tmp_path):
    shared = job(tmp_path)
    tasks = [shared.task(story, None, True, SETTINGS) for story in stories(3 * STORIES_PER_BATCH)]
    pooled = run(EnrichmentService(shared, workers=2), tasks)
    here = run(EnrichmentService(job(), workers=0), tasks)
    assert [o.enrichment for o in pooled] == [o.enrichment for o in here]
    assert all(o.problem is None and o.words_analysed > 0 for o in pooled)
    first = pooled[0].enrichment
    assert first["entities"][0]["name"] == "Lars Holm"
    assert first["quotes"][0]["speaker"] == "Lars Holm"
    # The workers filled both caches.
    analyses = AnalysisCache(shared.analysis_folder)
    results = EnrichmentCache(shared.enrichment_folder)
    assert all(analyses.get(task.analysis_key) is not None for task in tasks)
    assert results.get(tasks[0].enrichment_key).to_json() == first


def test_a_second_run_reads_the_analysis_cache(tmp_path):
    shared = job(tmp_path)
    tasks = [shared.task(story, None, True, SETTINGS) for story in stories(2)]
    run(EnrichmentService(shared, workers=1), tasks)
    again = run(EnrichmentService(shared, workers=1), tasks)
    assert [o.words_analysed for o in again] == [0, 0]  # analyses came from the cache


def test_the_same_story_twice_is_enriched_once(tmp_path):
    shared = job(tmp_path)
    [story] = stories(1)
    task = shared.task(story, None, True, SETTINGS)
    service = EnrichmentService(shared, workers=0)
    service.submit(task)
    service.submit(task)
    assert service.take(task.enrichment_key).words_analysed > 0
    assert task.enrichment_key not in service._outcomes


def test_prepare_starts_as_many_workers_as_the_forecast_needs(tmp_path):
    shared = job(tmp_path)
    tasks = [shared.task(story, None, True, SETTINGS) for story in stories(2)]
    idle = EnrichmentService(shared, workers=2)
    idle.prepare(Expected(analyses=0, enrichments=0))
    assert idle.workers_started == 0  # nothing expected: no process, no model
    idle.submit(tasks[0])
    assert idle.workers_started == 2  # an unexpected story still gets every core
    idle.close()
    few = EnrichmentService(shared, workers=2)
    few.prepare(Expected(analyses=1, enrichments=1))
    assert few.workers_started == 1  # one story: one worker loads the model
    outcomes = run(few, tasks)
    many = EnrichmentService(job(), workers=2)
    many.prepare(Expected(analyses=40, enrichments=40))
    assert many.workers_started == 2
    assert [o.enrichment for o in run(many, tasks)] == [o.enrichment for o in outcomes]
    assert all(o.problem is None for o in outcomes)
