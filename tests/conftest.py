"""Fixtures that build real Pelican sites into temporary folders (see ``support``),
and the markers every test module gets from its name: ``browser``, ``s3``, ``build``
(a real Pelican build) or ``unit``."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.site import ROOT, SEED, Build, run_pelican, write_files


@pytest.fixture
def build_site(tmp_path):
    """Build a small site from ``{relative path: text}`` and return the Build."""

    def build(files: dict[str, str], args: tuple[str, ...] = (), **overrides) -> Build:
        content = write_files(tmp_path / "content", files)
        return run_pelican(content, tmp_path / "output", overrides, args)

    return build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Build:
    """The repo's own sample digest, built once for the session."""
    root = tmp_path_factory.mktemp("sample")
    build = run_pelican(ROOT / "content", root / "output")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"the shared seed story is not here ({SEED}); run beside ../shared")
    return SEED


# Marks by module: ``pytest -m unit`` runs the fast pure-code tests, ``-m build`` the
# real Pelican builds, ``-m browser`` Chromium, ``-m s3`` the S3-protocol server.
MODULE_MARKS = {
    "test_browser": "browser",
    "test_browser_search": "browser",
    "test_browser_layout": "browser",
    "test_lighthouse": "browser",
    "test_deploy_s3": "s3",
}
# Modules whose tests run Pelican or the command line for real (the rest: pure code).
BUILD_MODULES = {
    "test_build_behaviour",
    "test_dates_and_feeds",
    "test_cli",
    "test_deploy_git",
    "test_deploy_rsync",
    "test_entities_site",
    "test_facts_site",
    "test_feeds",
    "test_hostile",
    "test_layout",
    "test_mail",
    "test_intake",
    "test_packaging",
    "test_plugins_anywhere",
    "test_quotes_site",
    "test_search",
    "test_seed",
    "test_site",
    "test_theme",
}
BUILD_FIXTURES = {"build_site", "sample_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        mark = MODULE_MARKS.get(module)
        if mark is None:
            builds = BUILD_FIXTURES & set(getattr(item, "fixturenames", ()))
            mark = "build" if builds or module in BUILD_MODULES else "unit"
        item.add_marker(getattr(pytest.mark, mark))
