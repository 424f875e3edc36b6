"""Fact boxes: what a number counts, hedges, money and percentages, years, the editor."""

from pathlib import Path

import pytest

from newsdigest.core.entities import extract_entities
from newsdigest.core.facts import FactOptions, build_fact_box, find_candidates, parse_facts_header
from newsdigest.core.nlp import AnalysisConfig
from newsdigest.core.nlp.config import analyzer_for
from newsdigest.core.story import load_story
from support.site import ROOT, STORIES

CONFIG = AnalysisConfig(capabilities=frozenset({"entities", "syntax"}))


def analysed(paragraphs):
    [analysis] = analyzer_for(CONFIG).analyse_here([(paragraphs, False)])
    return analysis, extract_entities(analysis)


def figures(*paragraphs: str) -> dict[str, str]:
    analysis, entities = analysed(list(paragraphs))
    return {f.label: f.value for f in find_candidates(analysis, entities) if f.kind != "who"}


@pytest.mark.parametrize(
    ("sentence", "label", "value"),
    [
        ("The plan adds three more bases in the north.", "More bases", "three"),
        (
            "The United States is the biggest of NATO’s 29 member countries.",
            "NATO member countries",
            "29",
        ),
        (
            "Nobody said how many troops might join the current training force numbering "
            "about 500.",
            "Current training force",
            "about 500",
        ),
        (
            "The group has collected more than 3,000 soil samples since spring.",
            "Soil samples",
            "more than 3,000",
        ),
        ("Floods displaced nearly 2 million people in the north.", "People", "nearly 2 million"),
        (
            "The council approved a budget of 210 million euros on Saturday.",
            "Budget",
            "210 million euros",
        ),
        (
            "Aid agencies appealed on Thursday for 95 million dollars in aid.",
            "Appeal",
            "95 million dollars",
        ),
        ("Container volumes fell 3.2% in the third quarter.", "Fall in container volumes", "3.2%"),
        (
            "Reservoirs stood at 23% of capacity at the end of October.",
            "Reservoirs",
            "23% of capacity",
        ),
        (
            "Britain awarded contracts for 6.4 gigawatts of offshore wind capacity.",
            "Offshore wind capacity",
            "6.4 gigawatts",
        ),
        ("The operation was launched in 2018 but suspended last month.", "Launched", "2018"),
        (
            "Scientists said the sponge is at least 9,000 years old.",
            "Age",
            "at least 9,000 years old",
        ),
    ],
)
def test_what_a_number_counts(sentence, label, value):
    found = figures(sentence)
    assert found.get(label) == value, found


def test_years_need_an_event_and_plans_are_not_events():
    found = figures(
        "In 2018 the weather was mild across the region.",
        "The city would build two new reservoirs by 2030.",
    )
    assert "2018" not in found.values() and "2030" not in found.values()


def test_relative_dates_and_ordinals_are_not_facts():
    found = figures("The first step came on Wednesday, last month, after the summer.")
    assert found == {}


def test_vague_numbers_only_when_nothing_better():
    analysis, entities = analysed(
        [
            "Hundreds of trainers would move, officials said.",
            "The force has about 500 trainers and 29 member countries.",
        ]
    )
    values = [f.value for f in build_fact_box(analysis, entities, [], FactOptions(min_rows=1))]
    assert "about 500" in values and "Hundreds" not in values
    analysis, entities = analysed(["Hundreds of trainers would move, officials said."])
    values = [f.value for f in build_fact_box(analysis, entities, [], FactOptions(min_rows=1))]
    assert values == ["Hundreds"]


def test_a_story_with_too_few_facts_has_no_box():
    analysis, entities = analysed(["The piano is back outside the station, painted yellow."])
    assert build_fact_box(analysis, entities, [], FactOptions()) == []


def test_editor_header_adds_replaces_removes_and_suppresses():
    analysis, entities = analysed(
        [
            "The operation was launched in 2018 with 500 trainers across 29 member countries.",
        ]
    )
    auto = {f.label for f in build_fact_box(analysis, entities, [], FactOptions())}
    assert {"Launched", "Trainers"} <= auto
    warnings: list[str] = []
    rows = build_fact_box(
        analysis,
        entities,
        [],
        FactOptions(),
        "Trainers in Iraq = 500 trainers; Launched = 2018; -Member countries; Budget = 9 euros",
        warnings,
    )
    labels = [row.label for row in rows]
    assert labels[:2] == ["Trainers in Iraq", "Launched"]  # the editor's rows first
    assert labels.count("Launched") == 1  # replaced, not repeated
    assert "Member countries" not in labels
    assert warnings == ["Facts: '9 euros' is not in the story; 'Budget' left out"]
    assert build_fact_box(analysis, entities, [], FactOptions(), "none") == []
    assert parse_facts_header("a = b; -c") == (False, [("a", "b")], ["c"])


def test_every_sample_fact_is_traceable():
    config_stories = [
        load_story(ROOT / "content" / source, content_root=ROOT / "content") for source in STORIES
    ]
    for story in config_stories:
        analysis, entities = analysed(story.paragraphs)
        for fact in find_candidates(analysis, entities):
            assert fact.value in fact.sentence, (story.source, fact)
            assert fact.sentence in story.paragraphs[fact.paragraph], (story.source, fact)


def test_seed_fact_box(seed_path: Path):
    story = load_story(seed_path)
    analysis, entities = analysed(story.paragraphs)
    rows = build_fact_box(analysis, entities, story.paragraphs, FactOptions())
    found = {(row.label, row.value) for row in rows}
    assert ("Current training force", "about 500") in found
    assert ("NATO member countries", "29") in found
    assert ("Launched", "2018") in found
    assert ("More bases", "three") in found
    assert 3 <= len(rows) <= 6
    for row in rows:
        assert row.value in row.sentence
        assert row.sentence in story.paragraphs[row.paragraph]
