"""The same synthetic stories built side by side: plain Pelican (our theme, reader and
feeds; enrichment plugins off) cold and warm, the full enriched build cold and warm,
then warm after touching one story and after changing one enrichment setting.

Each enriched build also reports what its search index step did (newsdigest.search
records it in the cache): seconds, pages, size, and whether it reused the last index.

Also measures the model's raw speed (one process, NER only and with every pipe the
plugins use) to give the cold-build target of issue #9. Prints a table and, last, one
JSON line to track over time:

    make bench STORIES=1000
    .venv/bin/python bench/build_bench.py --stories 1000 --cases plain,enriched
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "plugins"))

from generate_stories import generate  # noqa: E402

PLAIN_PLUGINS = ["newsdigest.clean", "newsdigest.editions", "newsdigest.feeds"]
# Changes what the entity tagger keeps, so every story's results are recomputed.
CHANGED_SETTING = {"NEWSDIGEST_ENTITY_MIN_SALIENCE": 0.05}


def settings_file(work: Path, name: str, content: Path, extra: dict) -> Path:
    path = work / f"{name}.py"
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from pelicanconf import *  # noqa",
        f"PATH = {str(content)!r}",
        f"THEME = {str(ROOT / 'theme')!r}",
        f"CACHE_PATH = {str(work / ('cache-' + name))!r}",
    ]
    lines += [f"{key} = {value!r}" for key, value in extra.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class TreeMemory(threading.Thread):
    """Samples the summed RSS of a process and all its descendants (workers included)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak_kb = max(self.peak_kb, sum(map(_rss_kb, _tree(self.pid))))


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def build(work: Path, content: Path, settings: Path, output: str) -> tuple[float, float]:
    """One Pelican run in a child process: (wall seconds, peak MB of its process tree)."""
    # As on an editor's machine: Python keeps the bytecode of our plugins between builds.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-o",
            str(work / output),
            "-s",
            str(settings),
            "-q",
        ],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    memory = TreeMemory(child.pid)
    memory.start()
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    memory.done.set()
    memory.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {child.stderr.read().decode()[-2000:]}")
    return seconds, max(memory.peak_kb, usage.ru_maxrss) / 1024


def search_index(work: Path, settings: Path) -> dict | None:
    """What the build's search step recorded (None for a build without the plugin)."""
    record = work / f"cache-{settings.stem}" / "newsdigest" / "search" / "last-index.json"
    try:
        data = json.loads(record.read_text("utf-8"))
        record.unlink()
    except (OSError, ValueError):
        return None
    return {**data, "kb": round(data["bytes"] / 1024)}


def model_speed(content: Path, stories: int = 60) -> dict[str, float]:
    """Words per second of the spaCy pipeline in one process: NER only (the yardstick of
    the cold target) and with every pipe the enrichment plugins use."""
    from newsdigest.core.nlp.pipeline import DEFAULT_MODEL, AnalysisConfig, load_pipeline

    texts = []
    for path in sorted(content.rglob("*.txt"))[:stories]:
        texts += [p for p in path.read_text("utf-8").split("\n\n")[1:] if len(p.split()) > 8]
    words = sum(len(text.split()) for text in texts)
    speeds = {}
    for name, capabilities in (
        ("ner_words_per_s", {"entities"}),
        ("pipeline_words_per_s", {"entities", "syntax"}),
    ):
        nlp = load_pipeline(
            DEFAULT_MODEL, AnalysisConfig(capabilities=frozenset(capabilities)).wanted_pipes
        )
        list(nlp.pipe(texts[:20]))
        started = time.perf_counter()
        list(nlp.pipe(texts, batch_size=32))
        speeds[name] = round(words / (time.perf_counter() - started))
    return speeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--cases", default="plain,enriched", help="plain, enriched, or both")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    cases = set(args.cases.split(","))
    cores = len(os.sched_getaffinity(0))
    work = Path(tempfile.mkdtemp(prefix="newsdigest-bench-"))
    content = work / "content"
    words = generate(content, args.stories)
    results: dict[str, float | int] = {"stories": args.stories, "words": words, "cores": cores}
    peak = 0.0
    rows = []
    search_rows: list[tuple[str, float, bool, float]] = []

    def timed(key: str, settings: Path, output: str) -> None:
        nonlocal peak
        seconds, mb = build(work, content, settings, output)
        results[key], peak = round(seconds, 2), max(peak, mb)
        rows.append((key, seconds, mb))
        index = search_index(work, settings)
        if index:
            step = key.removesuffix("_s").removeprefix("enriched_")
            results[f"search_{step}_s"] = index["seconds"]
            results["search_pages"], results["search_index_kb"] = index["pages"], index["kb"]
            search_rows.append((step, index["seconds"], index["reused"], seconds))

    try:
        if "plain" in cases:
            plain = settings_file(work, "plain", content, {"PLUGINS": PLAIN_PLUGINS})
            timed("plain_cold_s", plain, "out-plain")
            timed("plain_warm_s", plain, "out-plain")
        if "enriched" in cases:
            enriched = settings_file(work, "enriched", content, {})
            timed("enriched_cold_s", enriched, "out-enriched")
            timed("enriched_warm_s", enriched, "out-enriched")
            story = next(iter(sorted(content.rglob("*.txt"))))
            story.write_text(story.read_text("utf-8") + "\nOne more sentence was added.\n", "utf-8")
            timed("touched_s", enriched, "out-enriched")
            changed = settings_file(work, "enriched", content, CHANGED_SETTING)
            timed("setting_changed_s", changed, "out-enriched")
            results.update(model_speed(content))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["peak_rss_mb"] = round(peak)
    for ratio, top, bottom in (
        ("cold_ratio", "enriched_cold_s", "plain_cold_s"),
        ("warm_ratio", "enriched_warm_s", "plain_warm_s"),
        ("touched_ratio", "touched_s", "plain_warm_s"),
    ):
        if top in results and bottom in results:
            results[ratio] = round(results[top] / results[bottom], 2)
    if "plain_cold_s" in results and "ner_words_per_s" in results:
        # Issue #9: plain cold + the model's NER time on all cores, with 20% to spare.
        model_s = words / (results["ner_words_per_s"] * cores)
        results["cold_target_s"] = round(results["plain_cold_s"] + model_s * 1.2, 2)
    print(f"{args.stories} stories, {words:,} words, {cores} cores")
    print(f"{'build':<22}{'seconds':>10}{'peak MB':>10}")
    for key, seconds, mb in rows:
        print(f"{key:<22}{seconds:>10.2f}{mb:>10.0f}")
    if search_rows:
        print(f"search index: {results['search_pages']} pages, {results['search_index_kb']:,} KB")
        print(f"{'build':<22}{'index s':>10}{'share':>8}  reused")
        for step, seconds, reused, total in search_rows:
            print(f"{step:<22}{seconds:>10.2f}{seconds / total:>8.1%}  {reused}")
    if "search_warm_s" in results:
        results["search_warm_share"] = round(
            results["search_warm_s"] / results["enriched_warm_s"], 3
        )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
