"""rsync deploys to a local folder: checksums, deletes after, dry run, guards."""

import shutil

import pytest

from support.deploy import built_site, copy_site, deploy

pytestmark = pytest.mark.skipif(
    shutil.which("rsync") is None,
    reason="rsync is not installed; .ci/run installs it (apt-get install rsync)",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_site(tmp_path_factory.mktemp("rsyncsite"))


def test_rsync_to_a_folder_with_deletes(site, tmp_path):
    local = copy_site(site, tmp_path / "site")
    target = tmp_path / "www"
    first = deploy(str(target), "--output", str(local))
    assert first.returncode == 0, first.stderr
    assert (target / "index.html").read_bytes() == (local / "index.html").read_bytes()
    assert not (target / "_newsdigest").exists()
    (target / "stale.html").write_text("old", encoding="utf-8")
    (local / "about/index.html").unlink()
    second = deploy(str(target), "--output", str(local))
    assert second.returncode == 0, second.stderr
    assert not (target / "stale.html").exists()
    assert not (target / "about/index.html").exists()
    assert "transferred 0, deleted 2" in second.stdout


def test_rsync_dry_run_changes_nothing(site, tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    (target / "stale.html").write_text("old", encoding="utf-8")
    result = deploy(str(target), "--output", str(site), "--dry-run")
    assert result.returncode == 0
    assert "[dry run] would upload index.html" in result.stdout
    assert "would delete stale.html" in result.stdout
    assert [p.name for p in target.iterdir()] == ["stale.html"]


def test_rsync_keeps_remote_files_when_the_build_has_no_front_page(site, tmp_path):
    local = copy_site(site, tmp_path / "site")
    target = tmp_path / "www"
    deploy(str(target), "--output", str(local))
    (local / "index.html").unlink()
    (local / "about/index.html").unlink()
    result = deploy(str(target), "--output", str(local))
    assert result.returncode == 1
    assert "deletes refused" in result.stdout
    assert (target / "index.html").exists() and (target / "about/index.html").exists()


def test_rsync_max_deletes(site, tmp_path):
    local = copy_site(site, tmp_path / "site")
    target = tmp_path / "www"
    deploy(str(target), "--output", str(local))
    for page in ("about", "archive", "sections"):
        (local / page / "index.html").unlink()
    result = deploy(str(target), "--output", str(local), "--max-deletes", "1")
    assert result.returncode == 1
    assert "--max-deletes 1" in result.stdout
    remaining = sum(
        (target / page / "index.html").exists() for page in ("about", "archive", "sections")
    )
    assert remaining == 2
