"""Cold analysis spread over processes gives exactly what one process gives."""

from newsdigest.analysis import AnalysisCache, AnalysisConfig
from newsdigest.analysis.pipeline import Analyzer


def stories(count: int):
    return [([f"OSLO — Lars Holm of the Nordic Rail Authority met {n} workers in Bergen.",
              f"“We will build {n} stations,” Holm said on Monday."], False)
            for n in range(count)]  # fmt: skip


def test_pool_matches_a_single_process():
    batch = stories(60)
    config = AnalysisConfig(capabilities=frozenset({"entities", "syntax"}))
    single = Analyzer(config).analyse(batch)
    pooled = Analyzer(AnalysisConfig(config.model, config.capabilities, workers=2)).analyse(batch)
    assert [a.to_json() for a in pooled] == [a.to_json() for a in single]
    assert AnalysisCache(None).get(single[0].key) is None  # nothing cached by the analyzer itself


def test_worker_count_does_not_change_cache_keys():
    one = Analyzer(AnalysisConfig(workers=1)).key(["text"], False)
    two = Analyzer(AnalysisConfig(workers=2)).key(["text"], False)
    assert one == two
