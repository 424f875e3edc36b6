"""Canonical entity tags from an analysis: aliases, surnames, kinds, editor's word."""

from pathlib import Path

import pytest

from newsdigest.core.entities import (
    DirectoryError,
    EntityDirectory,
    extract_entities,
    load_directory,
)
from newsdigest.core.entities.directory import EntityInfo
from newsdigest.core.entities.slug import entity_slug
from support.analyses import analysis_of


def tags(analysis, **kwargs) -> set[tuple[str, str]]:
    return {(e.name, e.kind) for e in extract_entities(analysis, **kwargs)}


def test_surname_is_the_full_name_even_when_tagged_org():
    analysis = analysis_of(
        ("NATO chief Jens Stoltenberg spoke.", [("NATO", "ORG"), ("Jens Stoltenberg", "PERSON")]),
        ("Stoltenberg said more.", [("Stoltenberg", "ORG")]),
        ("Later, Stoltenberg left.", [("Stoltenberg", "PERSON")]),
    )
    entities = {e.name: e for e in extract_entities(analysis)}
    assert set(entities) == {"NATO", "Jens Stoltenberg"}
    assert entities["Jens Stoltenberg"].kind == "person"
    assert entities["Jens Stoltenberg"].mentions == 3


def test_ambiguous_surname_is_left_alone():
    analysis = analysis_of(
        ("Anna Berg and Carl Berg met.", [("Anna Berg", "PERSON"), ("Carl Berg", "PERSON")]),
        ("Berg Industries said so.", [("Berg Industries", "ORG")]),
    )
    assert ("Berg Industries", "organization") in tags(analysis)


@pytest.mark.parametrize(
    ("surfaces", "name", "kind"),
    [
        ([("U.S.", "GPE"), ("the United States", "GPE"), ("US", "GPE")], "United States", "place"),
        (
            [("IS", "ORG"), ("ISIS", "ORG"), ("the Islamic State group", "ORG")],
            "Islamic State",
            "organization",
        ),
        ([("Mideast", "LOC"), ("the Middle East", "LOC")], "Middle East", "place"),
        ([("Britain", "GPE"), ("U.K.", "GPE")], "United Kingdom", "place"),
        ([("Republic of Iraq", "GPE"), ("Iraq", "GPE")], "Iraq", "place"),
    ],
)
def test_aliases_are_one_entity(surfaces, name, kind):
    text = " and ".join(surface for surface, _ in surfaces) + "."
    entities = extract_entities(analysis_of((text, surfaces)))
    assert [(e.name, e.kind, e.mentions) for e in entities] == [(name, kind, len(surfaces))]


def test_nationalities_are_not_tags():
    analysis = analysis_of(
        (
            "Iraqi and European officials met in Iraq.",
            [("Iraqi", "NORP"), ("European", "NORP"), ("Iraq", "GPE")],
        )
    )
    assert tags(analysis) == {("Iraq", "place")}


def test_possessives_and_the_are_stripped():
    analysis = analysis_of(
        (
            "NATO’s plan and the Baltic Sea Trust’s view.",
            [("NATO’s", "ORG"), ("the Baltic Sea Trust’s", "ORG")],
        )
    )
    assert tags(analysis) == {("NATO", "organization"), ("Baltic Sea Trust", "organization")}


def test_titles_are_not_part_of_a_name():
    analysis = analysis_of(
        (
            "President Ada Lind met Historian Jo Ek.",
            [("President Ada Lind", "PERSON"), ("Historian Jo Ek", "ORG")],
        )
    )
    assert tags(analysis) == {("Ada Lind", "person"), ("Jo Ek", "person")}


def test_kind_by_consensus_within_the_story():
    analysis = analysis_of(
        ("Acme Rail expanded.", [("Acme Rail", "ORG")]),
        ("Acme Rail hired.", [("Acme Rail", "ORG")]),
        ("Acme Rail grew.", [("Acme Rail", "PERSON")]),
    )
    assert tags(analysis) == {("Acme Rail", "organization")}


def test_weak_single_mentions_are_dropped():
    analysis = analysis_of(
        (
            "A strike at Baghdad Airport near Baghdad hit Energy and gulf.",
            [("Baghdad Airport", "FAC"), ("Baghdad", "GPE"), ("Energy", "ORG"), ("gulf", "LOC")],
        )
    )
    assert tags(analysis) == {("Baghdad", "place")}
    twice = analysis_of(
        (
            "Heathrow Airport and Heathrow Airport.",
            [("Heathrow Airport", "FAC"), ("Heathrow Airport", "FAC")],
        )
    )
    assert tags(twice) == {("Heathrow Airport", "place")}


def test_titles_of_works_cut_names_leanings_and_fields_are_no_tags():
    analysis = analysis_of(
        ("In the novel Dark Matters the hero hides.", [("Dark Matters", "PERSON")]),
        ("The James Webb Space Telescope flew.", [("James Webb Space", "PERSON")]),
        ("She is a self-described Libertarian Socialist.", [("Libertarian Socialist", "PERSON")]),
        ("He taught in Linguistics and in Linguistics.", [("Linguistics", "GPE")] * 2),
        ("Dark Matters, said Aner Shalev.", [("Aner Shalev", "PERSON")]),
    )
    assert tags(analysis) == {("Aner Shalev", "person")}


def test_a_person_made_of_words_the_story_writes_in_lower_case_is_no_one():
    analysis = analysis_of(
        ("Iodine Deficiency Disorders rose.", [("Deficiency Disorders", "PERSON")]),
        ("Iodine deficiency disorders harm children.", []),
        ("Mara Quint studies deficiency disorders.", [("Mara Quint", "PERSON")]),
        ("Write to mara.quint@example.org or Mara Quint.", [("Mara Quint", "PERSON")]),
    )
    assert tags(analysis) == {("Mara Quint", "person")}
    said = analysis_of(
        ("Grace Field spoke.", [("Grace Field", "PERSON")]),
        ("The grace of the field, Field said.", [("Field", "PERSON")]),
    )
    assert tags(said) == {("Grace Field", "person")}


def test_a_name_with_and_without_middle_names_is_one_person():
    analysis = analysis_of(
        ("Ines A. Dahl was a linguist.", [("Ines A. Dahl", "PERSON")]),
        ("Dahl taught; Ines Dahl wrote.", [("Dahl", "PERSON"), ("Ines Dahl", "PERSON")]),
    )
    [dahl] = extract_entities(analysis)
    assert (dahl.name, dahl.kind, dahl.mentions) == ("Ines Dahl", "person", 3)
    # two fuller names the short one could be: left as they are
    two = analysis_of(
        (
            "Ola H. W. Berg met Ola W. Berg and Ola Berg.",
            [("Ola H. W. Berg", "PERSON"), ("Ola W. Berg", "PERSON"), ("Ola Berg", "PERSON")],
        ),
    )
    assert {e.name for e in extract_entities(two)} == {"Ola H. W. Berg", "Ola W. Berg", "Ola Berg"}


def test_washington_dc_is_one_place_and_a_school_no_one():
    analysis = analysis_of(
        ("Plans for Washington, D.C. were drawn.", [("Washington", "GPE"), ("D.C.", "GPE")]),
        ("In D.C. and Washington DC alike.", [("D.C.", "GPE"), ("Washington DC", "GPE")]),
        ("He left Vang School.", [("Vang School", "PERSON")]),
        ("Vang School grew.", [("Vang School", "PERSON")]),
    )
    assert tags(analysis) == {("Washington DC", "place"), ("Vang School", "organization")}
    [washington] = [e for e in extract_entities(analysis) if e.kind == "place"]
    assert washington.mentions == 3


def test_short_forms_and_spellings_of_one_name_are_one_tag():
    analysis = analysis_of(
        ("Vang studied at Harvard and Harvard.", [("Harvard", "ORG"), ("Harvard", "ORG")]),
        ("Harvard University hired her.", [("Harvard University", "ORG")]),
        ("Nordic Ferry League and Nordic Ferry.", [("Nordic Ferry League", "ORG")]),
        ("Nordic Ferry grew.", [("Nordic Ferry", "ORG")]),
        (
            "Zahā Ḥadīd and Zaha Hadid, then Zaha Hadid.",
            [("Zahā Ḥadīd", "PERSON"), ("Zaha Hadid", "PERSON")],
        ),
        (
            "Zaha Hadid said so.",
            [
                ("Zaha Hadid", "PERSON"),
            ],
        ),
        ("The U. S. and Best Actor.", [("U. S.", "GPE"), ("Best Actor", "ORG")]),
        ("Her First Symphony and U. S.", [("First Symphony", "PERSON"), ("U. S.", "GPE")]),
        ("First Symphony again.", [("First Symphony", "PERSON")]),
    )
    found = {(e.name, e.kind, e.mentions) for e in extract_entities(analysis)}
    assert found == {
        ("Harvard University", "organization", 3),
        ("Nordic Ferry League", "organization", 2),
        ("Zaha Hadid", "person", 3),  # the spelling written most
        ("United States", "place", 2),
    }


def test_congress_and_the_senate_of_an_american_story_are_its_national_bodies():
    american = analysis_of(
        ("The U.S. Senate met.", [("U.S. Senate", "ORG")]),
        ("Congress and the Senate agreed.", [("Congress", "ORG"), ("Senate", "ORG")]),
        ("Congress will vote.", [("Congress", "ORG")]),
    )
    assert tags(american) == {
        ("United States Congress", "organization"),
        ("United States Senate", "organization"),
    }
    texan = analysis_of(
        ("The Texas Senate met in Ohio.", [("Texas Senate", "ORG"), ("Ohio", "GPE")]),
        ("The Senate and Congress agreed.", [("Senate", "ORG"), ("Congress", "ORG")]),
    )
    assert tags(texan) == {
        ("Texas Senate", "organization"),
        ("Ohio", "place"),
        ("United States Congress", "organization"),
    }
    elsewhere = analysis_of(
        ("Congress and the Senate met.", [("Congress", "ORG"), ("Senate", "ORG")])
    )
    assert tags(elsewhere) == set()


def test_a_name_comma_region_is_a_place_a_name_comma_anything_is_not():
    placed = analysis_of(
        ("Parts came from Zorbleton, UK's biggest maker.", [("Zorbleton", "GPE")]),
        ("Zorbleton grew.", [("Zorbleton", "GPE")]),
    )
    assert tags(placed) == {("Zorbleton", "place")}
    unplaced = analysis_of(
        ("Take Zorbleton, Zorbleton's adviser.", [("Zorbleton", "GPE"), ("Zorbleton", "GPE")]),
    )
    assert tags(unplaced) == set()


def test_names_that_say_their_kind():
    analysis = analysis_of(
        ("The State of Pennsylvania sued.", [("State of Pennsylvania", "ORG")]),
        ("Pupils of Instituto Gonzaga left.", [("Instituto Gonzaga", "PERSON")]),
        (
            "At the Eisenhower Executive Office Building.",
            [("Eisenhower Executive Office Building", "ORG")],
        ),
    )
    assert tags(analysis) == {
        ("Pennsylvania", "place"),
        ("Instituto Gonzaga", "organization"),
        ("Eisenhower Executive Office Building", "place"),
    }


def test_dateline_is_a_place_and_its_country_too():
    analysis = analysis_of(("Talks opened.", []))
    assert tags(analysis, dateline="Kyiv, Ukraine") == {("Kyiv", "place"), ("Ukraine", "place")}
    assert tags(analysis, dateline="Wilkes-Barre, Pa.") == {("Wilkes-Barre", "place")}


def test_salience_ranks_headline_lede_and_frequency():
    analysis = analysis_of(
        ("Oslo hosted talks with Bergen.", [("Oslo", "GPE"), ("Bergen", "GPE")]),
        ("Later, Tromsø and Tromsø and Tromsø.", [("Tromsø", "GPE")] * 3),
        title=("Stavanger wins", [("Stavanger", "GPE")]),
    )
    ranked = [(e.name, e.salience) for e in extract_entities(analysis)]
    # headline (+2) beats three later mentions; the lede (+1.5) equals them; ties by name
    assert ranked == [("Stavanger", 4.0), ("Bergen", 3.5), ("Oslo", 3.5), ("Tromsø", 3.5)]


def editor() -> EntityDirectory:
    return EntityDirectory(
        {
            "Jens Stoltenberg": EntityInfo(
                "Jens Stoltenberg", "person", ("Stoltenberg",), "Q57792", "Former NATO chief."
            ),
            "Iraq": EntityInfo("Iraq", None, ("Iraqi",)),
            "Acme": EntityInfo("Acme", "place"),
        },
        blocklist=frozenset({"Reuters"}),
    )


def test_editor_alias_blocklist_and_kind_override():
    analysis = analysis_of(
        (
            "Reuters said Iraqi troops met Acme and Stoltenberg.",
            [("Reuters", "ORG"), ("Iraqi", "NORP"), ("Acme", "ORG"), ("Stoltenberg", "ORG")],
        ),
    )
    entities = {e.name: e for e in extract_entities(analysis, editor())}
    assert set(entities) == {"Iraq", "Acme", "Jens Stoltenberg"}
    assert entities["Acme"].kind == "place"  # the editor's kind wins over the model
    assert entities["Iraq"].kind == "place"  # demonym mapped by the editor
    assert entities["Jens Stoltenberg"].wikidata == "Q57792"
    assert entities["Jens Stoltenberg"].description == "Former NATO chief."


def test_tags_header_adds_and_removes():
    analysis = analysis_of(
        ("NATO met in Oslo and Bergen.", [("NATO", "ORG"), ("Oslo", "GPE"), ("Bergen", "GPE")])
    )
    warnings: list[str] = []
    result = tags(
        analysis,
        directory=editor(),
        tags_header="Stoltenberg, Nordic Council (organization), -Bergen, -Nowhere, Mystery",
        warnings=warnings,
    )
    assert result == {
        ("NATO", "organization"),
        ("Oslo", "place"),
        ("Jens Stoltenberg", "person"),
        ("Nordic Council", "organization"),
        ("Mystery", "organization"),
    }
    assert "Tags: '-Nowhere' removes nothing (no such tag)" in warnings
    assert any("unknown kind for 'Mystery'" in w for w in warnings)


def test_header_tags_rank_first():
    analysis = analysis_of(("Oslo, Oslo, Oslo.", [("Oslo", "GPE")] * 3))
    names = [e.name for e in extract_entities(analysis, tags_header="Bergen (place)")]
    assert names == ["Bergen", "Oslo"]


def test_slugs():
    assert entity_slug("Jens Stoltenberg") == "jens-stoltenberg"
    assert entity_slug("Kadri Välja") == "kadri-valja"
    assert entity_slug("U.S.") == "u-s"
    assert entity_slug("..") == ""


def test_entity_file(tmp_path: Path):
    path = tmp_path / "entities.yml"
    path.write_text(
        "entities:\n  Jens Stoltenberg:\n    kind: person\n    aliases: [Stoltenberg]\n"
        "    wikidata: Q57792\n  Oops:\n    kind: planet\nblocklist: [Reuters]\n",
        encoding="utf-8",
    )
    directory = load_directory(path)
    assert directory.resolve("stoltenberg").name == "Jens Stoltenberg"
    assert directory.blocked("REUTERS")
    assert directory.info("Oops").kind is None
    assert directory.problems == [
        "entities.yml: 'Oops' has kind 'planet'; use one of person, organization, place"
    ]


def test_broken_entity_file_names_the_line(tmp_path: Path):
    path = tmp_path / "entities.yml"
    path.write_text("entities:\n  NATO:\n    kind: [organization\n", encoding="utf-8")
    with pytest.raises(DirectoryError, match=r"entities.yml \(line \d+\)"):
        load_directory(path)
    assert load_directory(tmp_path / "missing.yml").entries == {}


def test_born_and_his_make_an_org_label_a_person_and_dated_titles_works():
    analysis = analysis_of(
        ("Brin Talvo (born May 2, 1990) is a pitcher.", [("Brin Talvo", "ORG")]),
        ("Talvo made his debut in Oslo.", [("Talvo", "ORG"), ("Oslo", "GPE")]),
        ("Talvo starred in Winter Harbor (2004).", [("Talvo", "ORG"), ("Winter Harbor", "PERSON")]),
        ("Winter Harbor was a hit.", [("Winter Harbor", "PERSON")]),
        ("The romantic comedy Pale Garden flopped.", [("Pale Garden", "PERSON")]),
        ("Pale Garden closed.", [("Pale Garden", "PERSON")]),
        ("Oslo loved him.", [("Oslo", "GPE")]),
        ("Results show Kestrel Yards is growing.", [("Kestrel Yards", "ORG")]),
        ("Kestrel Yards agreed.", [("Kestrel Yards", "ORG")]),
    )
    found = {(e.name, e.kind, e.mentions) for e in extract_entities(analysis)}
    # "show" as a verb names no work
    assert found == {
        ("Brin Talvo", "person", 3),
        ("Oslo", "place", 2),
        ("Kestrel Yards", "organization", 2),
    }


def test_a_name_that_starts_one_longer_persons_name_is_that_person():
    analysis = analysis_of(
        ("Pierre Ardent L'Vaux drew the plan.", [("Pierre Ardent L'Vaux", "PERSON")]),
        ("Pierre Ardent was fired.", [("Pierre Ardent", "PERSON")]),
    )
    [person] = extract_entities(analysis)
    assert (person.name, person.kind, person.mentions) == ("Pierre Ardent L'Vaux", "person", 2)
    # two longer names it could start: left alone
    two = analysis_of(
        (
            "Ana Rel Dorn and Ana Rel Vask met Ana Rel.",
            [("Ana Rel Dorn", "PERSON"), ("Ana Rel Vask", "PERSON"), ("Ana Rel", "PERSON")],
        ),
    )
    assert "Ana Rel" in {e.name for e in extract_entities(two)}


def test_a_storms_name_is_no_tag_however_it_is_written():
    analysis = analysis_of(
        ("Cyclone Velmor neared Odisha.", [("Cyclone Velmor", "PERSON"), ("Odisha", "GPE")]),
        (
            "Velmor's winds and Velmor's rain hit Odisha.",
            [("Velmor", "PERSON")] * 2 + [("Odisha", "GPE")],
        ),
    )
    assert tags(analysis) == {("Odisha", "place")}


def test_a_story_s_own_evidence_makes_an_org_label_a_person():
    analysis = analysis_of(
        ("Oren Vashti is an Israeli writer.", [("Oren Vashti", "ORG")]),
        ("Currently Vashti is a professor.", []),
        ("She met Jean Talbec and Jean Morin.", [("Jean Talbec", "PERSON"), ("Jean Morin", "ORG")]),
        ("Jean Morin left.", [("Jean Morin", "ORG")]),
    )
    assert tags(analysis) == {
        ("Oren Vashti", "person"),
        ("Jean Talbec", "person"),
        ("Jean Morin", "person"),
    }
    # a sentence's first word that is the name's own is no evidence
    company = analysis_of(
        ("Vorn Tessar makes cranes.", [("Vorn Tessar", "ORG")]),
        ("Vorn Tessar is a maker.", [("Vorn Tessar", "ORG")]),
    )
    assert tags(company) == {("Vorn Tessar", "organization")}


def test_a_lone_company_name_the_story_calls_one_is_a_tag():
    analysis = analysis_of(
        ("Carmakers Zentro, Valmor and Pell cut jobs.", [("Zentro", "ORG"), ("Valmor", "ORG")]),
        ("Rusk and Vask Motors signed.", [("Rusk", "ORG"), ("Vask Motors", "ORG")]),
        ("The Japanese automaker Kiyomo grew.", [("Kiyomo", "ORG")]),
        ("Oslan President Ann Dey left.", [("Oslan", "ORG"), ("Ann Dey", "PERSON")]),
        ("Moon Rocks, Meteorites and Dust.", [("Moon Rocks", "ORG"), ("Meteorites", "ORG")]),
        ("Then Brasko left.", [("Brasko", "ORG")]),
    )
    names = {e.name for e in extract_entities(analysis)}
    assert {"Zentro", "Valmor", "Rusk", "Kiyomo", "Oslan"} <= names
    assert not names & {"Moon Rocks", "Meteorites", "Brasko"}


def test_a_name_listed_with_a_country_is_a_place_and_a_short_form_is_cut_from_its_long_one():
    analysis = analysis_of(
        ("Troops in Poland and Vardovia.", [("Poland", "GPE"), ("Vardovia", "GPE")]),
        ("He loved Quelmar.", [("Quelmar", "GPE")]),
        (
            "Nordic Rail Transport Company NRT N.V. (NRT) won. NRT and NRT.",
            [("Nordic Rail Transport Company NRT N.V.", "ORG"), ("NRT", "ORG"), ("NRT", "ORG")],
        ),
    )
    assert tags(analysis) == {
        ("Poland", "place"),
        ("Vardovia", "place"),
        ("Nordic Rail Transport Company", "organization"),
    }


def test_a_company_named_in_apposition_is_a_tag_and_a_defined_short_form_is_kept_as_written():
    analysis = analysis_of(
        ("Vaskor, another U.S. car maker, closed plants.", [("Vaskor", "ORG")]),
        (
            "The Nordic Ferry Authority (NFA) met. NFA agreed.",
            [("Nordic Ferry Authority", "ORG"), ("NFA", "ORG"), ("NFA", "ORG")],
        ),
    )
    found = {e.name: e for e in extract_entities(analysis)}
    assert set(found) == {"Vaskor", "Nordic Ferry Authority"}
    assert found["Nordic Ferry Authority"].surfaces == ["NFA", "Nordic Ferry Authority"]
