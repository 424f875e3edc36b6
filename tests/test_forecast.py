"""The forecast: from the story files and the last build's record, how many stories
this build will analyse and enrich (it decides when workers and the model start)."""

import os

from newsdigest.core.enrich.forecast import Expected, Forecast

SETTINGS_KEYS = {"ARTICLE_PATHS": [""], "ARTICLE_EXCLUDES": ["editions", "pages"]}


def site(tmp_path, count=3):
    content = tmp_path / "content"
    for n in range(count):
        (content / "world").mkdir(parents=True, exist_ok=True)
        (content / "world" / f"story-{n}.txt").write_text(f"OSLO — Story {n}.\n", "utf-8")
    (content / "editions").mkdir()
    (content / "editions" / "2026-11-23.md").write_text("Title: An edition\n", "utf-8")
    (content / "world" / "photo.jpg").write_bytes(b"\xff\xd8")
    return {**SETTINGS_KEYS, "PATH": str(content)}, content


def forecast(tmp_path, settings, analysis="model-1", salt="settings-1"):
    return Forecast(tmp_path / "cache" / "last-build.json", settings, analysis, salt)


def test_first_build_expects_every_story(tmp_path):
    settings, _ = site(tmp_path)
    assert forecast(tmp_path, settings).expected() == Expected(3, 3)  # not the edition or photo


def test_expects_only_changed_and_new_stories(tmp_path):
    settings, content = site(tmp_path)
    forecast(tmp_path, settings).remember()
    assert forecast(tmp_path, settings).expected() == Expected(0, 0)
    story = content / "world" / "story-1.txt"
    story.write_text("OSLO — Story 1, corrected.\n", "utf-8")
    (content / "world" / "story-9.md").write_text("Title: New\n\nText.\n", "utf-8")
    (content / "editions" / "2026-11-23.md").write_text("Title: Changed edition\n", "utf-8")
    assert forecast(tmp_path, settings).expected() == Expected(2, 2)
    os.utime(content / "world" / "story-0.txt", ns=(1, 1))  # touched, same text
    assert forecast(tmp_path, settings).expected() == Expected(3, 3)


def test_a_settings_change_reenriches_all_but_analyses_only_changes(tmp_path):
    settings, _ = site(tmp_path)
    forecast(tmp_path, settings).remember()
    assert forecast(tmp_path, settings, salt="settings-2").expected() == Expected(0, 3)
    assert forecast(tmp_path, settings, analysis="model-2").expected() == Expected(3, 3)


def test_a_broken_record_means_everything(tmp_path):
    settings, _ = site(tmp_path)
    record = tmp_path / "cache" / "last-build.json"
    record.parent.mkdir()
    record.write_text("[not a record", "utf-8")
    assert forecast(tmp_path, settings).expected() == Expected(3, 3)
    no_cache = Forecast(None, settings, "model-1", "settings-1")
    no_cache.remember()  # nowhere to keep it: a no-op
    assert no_cache.expected() == Expected(3, 3)
