"""Git deploys to a real bare repository: one commit per deploy, the user's tree untouched."""

import subprocess

import pytest

from support.deploy import built_site, copy_site, deploy


def git(*args, cwd=None) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_site(tmp_path_factory.mktemp("gitsite"))


@pytest.fixture
def remote(tmp_path):
    path = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(path))
    return path


def branch_files(remote, branch="gh-pages") -> set[str]:
    return set(git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", branch).split())


def site_files(site) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and not p.relative_to(site).as_posix().startswith("_newsdigest/")
    }


def test_branch_holds_exactly_the_site(site, remote):
    result = deploy(f"git+file://{remote}#gh-pages", "--output", str(site))
    assert result.returncode == 0, result.stderr
    assert branch_files(remote) == site_files(site) | {".nojekyll"}
    log = git("--git-dir", str(remote), "log", "--format=%s", "gh-pages").splitlines()
    assert log == ["Publish site"]


def test_second_deploy_removes_deleted_files_in_one_new_commit(site, remote, tmp_path):
    local = copy_site(site, tmp_path / "site")
    deploy(f"git+file://{remote}#gh-pages", "--output", str(local))
    (local / "about/index.html").unlink()
    (local / "index.html").write_text("<p>new front page</p>", encoding="utf-8")
    result = deploy(f"git+file://{remote}#gh-pages", "--output", str(local), "--message", "Two")
    assert result.returncode == 0, result.stderr
    assert "delete about/index.html" in result.stdout and "update index.html" in result.stdout
    assert "about/index.html" not in branch_files(remote)
    log = git("--git-dir", str(remote), "log", "--format=%s", "gh-pages").splitlines()
    assert log == ["Two", "Publish site"]
    unchanged = deploy(f"git+file://{remote}#gh-pages", "--output", str(local))
    assert "committed 0 added or changed" in unchanged.stdout
    assert len(git("--git-dir", str(remote), "log", "--format=%H", "gh-pages").split()) == 2


def test_cname_is_kept(site, remote, tmp_path):
    settings = tmp_path / "conf.py"
    settings.write_text("NEWSDIGEST_CNAME = 'news.example.org'\n", encoding="utf-8")
    result = deploy(f"git+file://{remote}#pages", "--output", str(site), settings=settings)
    assert result.returncode == 0, result.stderr
    assert git("--git-dir", str(remote), "show", "pages:CNAME") == "news.example.org\n"
    assert ".nojekyll" in branch_files(remote, "pages")


def test_gh_pages_uses_origin_and_leaves_the_working_tree_alone(site, remote, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    git("init", "-q", "-b", "main", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    (project / "notes.txt").write_text("work in progress\n", encoding="utf-8")
    git("add", "notes.txt", cwd=project)
    git(
        "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "start", cwd=project
    )
    (project / "notes.txt").write_text("uncommitted edit\n", encoding="utf-8")
    status_before = git("status", "--porcelain", cwd=project)
    result = deploy("gh-pages", "--output", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    assert git("status", "--porcelain", cwd=project) == status_before
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=project).strip() == "main"
    assert "gh-pages" not in git("branch", "--list", cwd=project)  # no local branch made
    assert "index.html" in branch_files(remote)


def test_dry_run_and_empty_build(site, remote, tmp_path):
    dry = deploy(f"git+file://{remote}#gh-pages", "--output", str(site), "--dry-run")
    assert dry.returncode == 0 and "[dry run] would add index.html" in dry.stdout
    assert git("--git-dir", str(remote), "branch", "--list") == ""
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = deploy(f"git+file://{remote}#gh-pages", "--output", str(empty))
    assert refused.returncode == 1 and "is empty" in refused.stderr
