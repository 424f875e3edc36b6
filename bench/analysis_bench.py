"""Analysis throughput and cached vs uncached build time of the sample site.

Prints a small table and one JSON line. Run with ``make bench`` (or
``.venv/bin/python bench/analysis_bench.py --repeat 20``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newsdigest.analysis import AnalysisCache, AnalysisConfig  # noqa: E402
from newsdigest.analysis.stories import analyse_stories, story_texts  # noqa: E402
from newsdigest.story import load_story  # noqa: E402


def sample_stories() -> list[tuple[list[str], bool]]:
    content = ROOT / "content"
    stories = []
    for path in sorted(content.glob("*/*.*")):
        if path.parts[-2] in ("pages", "editions") or path.suffix not in (".txt", ".md"):
            continue
        story = load_story(path, content_root=content)
        stories.append(story_texts(story.paragraphs, story.title, story.title_derived))
    return stories


def throughput(stories, repeat: int, capabilities: frozenset[str]) -> tuple[int, float]:
    config = AnalysisConfig(capabilities=capabilities)
    analyse_stories(stories[:1], config, AnalysisCache(None))  # load the model first
    batch = stories * repeat
    words = sum(len(text.split()) for texts, _ in batch for text in texts)
    started = time.perf_counter()
    analyse_stories(batch, config, AnalysisCache(None))
    return words, time.perf_counter() - started


def timed_build(workdir: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv/bin/pelican"), str(ROOT / "content"), "-o", str(workdir / "output"),
         "-s", str(ROOT / "pelicanconf.py"), "-q",
         "-e", f"CACHE_PATH={json.dumps(str(workdir / 'cache'))}"],
        cwd=workdir, check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="times the sample is analysed")
    args = parser.parse_args()
    stories = sample_stories()
    results = {"stories": len(stories)}
    for name, capabilities in (("ner", {"entities"}), ("ner+parser", {"entities", "syntax"})):
        words, seconds = throughput(stories, args.repeat, frozenset(capabilities))
        results[f"{name}_words"] = words
        results[f"{name}_words_per_s"] = round(words / seconds)
    workdir = Path(tempfile.mkdtemp(prefix="newsdigest-bench-"))
    try:
        results["build_uncached_s"] = round(timed_build(workdir), 3)
        results["build_cached_s"] = round(timed_build(workdir), 3)
    finally:
        shutil.rmtree(workdir)
    print(f"{'measure':<28}{'value':>12}")
    for key, value in results.items():
        print(f"{key:<28}{value:>12,}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
