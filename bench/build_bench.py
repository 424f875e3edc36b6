"""The same synthetic stories built four ways, side by side: plain Pelican (our theme and
reader, enrichment plugins off) cold and warm, the full enriched build cold and warm, then
warm after touching one story and after changing one enrichment setting.

Prints a table and, last, one JSON line to track over time:

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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_stories import generate  # noqa: E402

PLAIN_PLUGINS = ["newsdigest.clean", "newsdigest.editions"]


def settings_file(work: Path, name: str, content: Path, extra: dict) -> Path:
    path = work / f"{name}.py"
    lines = [
        "import sys", f"sys.path.insert(0, {str(ROOT)!r})", "from pelicanconf import *  # noqa",
        f"PATH = {str(content)!r}", f"THEME = {str(ROOT / 'theme')!r}",
        f"CACHE_PATH = {str(work / ('cache-' + name))!r}",
    ]  # fmt: skip
    lines += [f"{key} = {value!r}" for key, value in extra.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build(work: Path, content: Path, settings: Path, output: str) -> tuple[float, float]:
    """One Pelican run in a child process: (wall seconds, peak RSS in MB of that child)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "pelican", str(content), "-o", str(work / output), "-s",
         str(settings), "-q"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {child.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--cases", default="plain,enriched", help="plain, enriched, or both")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    cases = set(args.cases.split(","))
    work = Path(tempfile.mkdtemp(prefix="newsdigest-bench-"))
    content = work / "content"
    words = generate(content, args.stories)
    results: dict[str, float | int] = {"stories": args.stories, "words": words}
    peak = 0.0
    rows = []
    try:
        if "plain" in cases:
            plain = settings_file(work, "plain", content, {"PLUGINS": PLAIN_PLUGINS})
            for key in ("plain_cold_s", "plain_warm_s"):
                seconds, rss = build(work, content, plain, "out-plain")
                results[key], peak = round(seconds, 2), max(peak, rss)
                rows.append((key, seconds, rss))
        if "enriched" in cases:
            enriched = settings_file(work, "enriched", content, {})
            for key in ("enriched_cold_s", "enriched_warm_s"):
                seconds, rss = build(work, content, enriched, "out-enriched")
                results[key], peak = round(seconds, 2), max(peak, rss)
                rows.append((key, seconds, rss))
            story = next(iter(sorted(content.rglob("*.txt"))))
            story.write_text(story.read_text("utf-8") + "\nOne more sentence was added.\n", "utf-8")
            seconds, rss = build(work, content, enriched, "out-enriched")
            results["touched_s"], peak = round(seconds, 2), max(peak, rss)
            rows.append(("touched_s", seconds, rss))
            changed = settings_file(work, "enriched", content, {"NEWSDIGEST_ENTITY_MAX": 5})
            seconds, rss = build(work, content, changed, "out-enriched")
            results["setting_changed_s"], peak = round(seconds, 2), max(peak, rss)
            rows.append(("setting_changed_s", seconds, rss))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["peak_rss_mb"] = round(peak)
    for ratio, top, bottom in (("cold_ratio", "enriched_cold_s", "plain_cold_s"),
                               ("warm_ratio", "enriched_warm_s", "plain_warm_s"),
                               ("touched_ratio", "touched_s", "plain_warm_s")):  # fmt: skip
        if top in results and bottom in results:
            results[ratio] = round(results[top] / results[bottom], 2)
    print(f"{args.stories} stories, {words:,} words, {os.cpu_count()} cores")
    print(f"{'build':<22}{'seconds':>10}{'peak RSS MB':>14}")
    for key, seconds, rss in rows:
        print(f"{key:<22}{seconds:>10.2f}{rss:>14.0f}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
