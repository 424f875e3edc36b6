"""Entity tags a reader can trust (issue #17), on sentences written for these tests:
names without jobs or glued organisations, kinds from the name and the gazetteers,
one name per entity within a story."""

import pytest

from newsdigest.core.entities import extract_entities
from newsdigest.core.entities.names import (
    is_event_or_thing,
    is_one_name,
    names_a_jobs_field,
    org_head_before,
    split_org_person,
    tidy,
)
from newsdigest.core.nlp import AnalysisConfig
from newsdigest.core.nlp.config import analyzer_for
from support.analyses import analysis_of


def tags(analysis) -> set[tuple[str, str]]:
    return {(e.name, e.kind) for e in extract_entities(analysis)}


@pytest.mark.parametrize(
    ("surface", "parts"),
    [
        ("the Coastal Fishing Council Erik Sandvik", ("Coastal Fishing Council", "Erik Sandvik")),
        ("Lena Holt for Food Standards Norway", ("Food Standards Norway", "Lena Holt")),
        ("University College London", None),
        ("Human Rights Watch", None),
        ("High Commissioner for Refugees", None),
        ("Bank of America", None),
        ("Harbour Journal of Norway", None),
        ("National Museum of the Fjords", None),
    ],
)
def test_an_organisation_glued_to_a_person_is_split(surface, parts):
    assert split_org_person(surface) == parts


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Harbour Authority Spokesperson", "Harbour Authority"),
        ("Shadow Transport Secretary", ""),
        ("Karin Vold Image", "Karin Vold"),
        ("World Health Organisation (WHO", "World Health Organisation"),
        ("Nordic Rail", "Nordic Rail"),
    ],
)
def test_a_mention_loses_jobs_captions_and_open_brackets(surface, name):
    assert tidy(surface) == name


@pytest.mark.parametrize(
    "name",
    [
        *("Harbour Science Fair", "Space Shuttle Aurora", "Cyclone Mira", "STS-9", "IE9"),
        *("Ola Lund Space Telescope", "Fjord Rover"),
    ],
)
def test_events_and_things_are_recognised(name):
    assert is_event_or_thing(name)


def test_glued_names_become_an_organisation_and_a_person():
    analysis = analysis_of(
        (
            "Director of the Coastal Fishing Council Erik Sandvik spoke.",
            [("the Coastal Fishing Council Erik Sandvik", "ORG")],
        ),
        ("Sandvik said the quota was too low.", [("Sandvik", "PERSON")]),
    )
    assert tags(analysis) == {
        ("Coastal Fishing Council", "organization"),
        ("Erik Sandvik", "person"),
    }


def test_kinds_come_from_the_gazetteer_and_the_name():
    analysis = analysis_of(
        ("Texas and the Harbour Museum.", [("Texas", "PERSON"), ("Harbour Museum", "ORG")]),
        ("Texas again, and the Harbour Museum.", [("Texas", "PERSON"), ("Harbour Museum", "ORG")]),
        ("NORDCO and NORDCO.", [("NORDCO", "PERSON"), ("NORDCO", "PERSON")]),
    )
    assert tags(analysis) == {
        ("Texas", "place"),
        ("Harbour Museum", "place"),
        ("NORDCO", "organization"),
    }


def test_a_one_word_place_no_gazetteer_knows_needs_the_story_to_place_it():
    analysis = analysis_of(
        ("Rebecca smiled at Rebecca.", [("Rebecca", "GPE"), ("Rebecca", "GPE")]),
        ("Farmers in Oskarvik and Oskarvik.", [("Oskarvik", "GPE"), ("Oskarvik", "GPE")]),
    )
    assert tags(analysis) == {("Oskarvik", "place")}


def test_events_things_and_capitalised_common_nouns_are_not_tags():
    analysis = analysis_of(
        (
            "The Harbour Science Fair and the State, the State.",
            [("The Harbour Science Fair", "ORG"), ("State", "ORG"), ("State", "ORG")],
        ),
        ("The Harbour Science Fair again.", [("The Harbour Science Fair", "ORG")]),
    )
    assert tags(analysis) == set()


def test_variants_in_one_story_are_one_entity():
    analysis = analysis_of(
        (
            "The US State Department and the State Department agreed.",
            [("The US State Department", "ORG"), ("the State Department", "ORG")],
        ),
        (
            "Kennedy Space Center (KSC) staff and KSC managers; Levico Terme and Levico.",
            [
                ("Kennedy Space Center", "ORG"),
                ("KSC", "ORG"),
                ("KSC", "ORG"),
                ("Levico Terme", "GPE"),
                ("Levico", "GPE"),
            ],
        ),
    )
    names = {name for name, _kind in tags(analysis)}
    assert names == {"State Department", "Kennedy Space Center", "Levico Terme"}


def test_a_state_of_and_the_end_of_a_longer_name_are_one_entity():
    analysis = analysis_of(
        (
            "The State of Texas and Texas; the Steven F. Udvar-Hazy Center and the "
            "Udvar-Hazy Center; East Los Angeles and Los Angeles.",
            [
                ("The State of Texas", "GPE"),
                ("Texas", "GPE"),
                ("the Steven F. Udvar-Hazy Center", "ORG"),
                ("the Udvar-Hazy Center", "ORG"),
                ("East Los Angeles", "GPE"),
                ("Los Angeles", "GPE"),
            ],
        ),
    )
    names = {name for name, _kind in tags(analysis)}
    assert names == {"Texas", "Steven F. Udvar-Hazy Center", "East Los Angeles", "Los Angeles"}


def test_a_first_name_alone_is_the_one_person_of_the_story_who_has_it():
    analysis = analysis_of(
        ("Britta Lund sang.", [("Britta Lund", "ORG")]),
        ("Britta waved, and Britta left.", [("Britta", "PERSON"), ("Britta", "PERSON")]),
    )
    assert tags(analysis) == {("Britta Lund", "person")}


def test_a_shared_surname_goes_to_the_person_introduced_first():
    analysis = analysis_of(
        (
            "Omar Haddad, 14, built a clock. His uncle Sami Haddad spoke.",
            [("Omar Haddad", "PERSON"), ("Sami Haddad", "PERSON")],
        ),
        ("Haddad said he was proud.", [("Haddad", "PERSON")]),
    )
    entities = {e.name: e.mentions for e in extract_entities(analysis)}
    assert entities["Omar Haddad"] == 2
    assert "Haddad" not in entities


def test_a_lone_organisation_name_must_say_it_is_one():
    analysis = analysis_of(
        (
            "Staff of Harbour Data Systems met Moon Rocks and Berg Hall Council.",
            [("Harbour Data Systems", "ORG"), ("Moon Rocks", "ORG"), ("Berg Hall Council", "ORG")],
        ),
        ("The Guardian and Aurora reported it.", [("Guardian", "ORG"), ("Aurora", "ORG")]),
    )
    assert tags(analysis) == {
        ("Harbour Data Systems", "organization"),
        ("Berg Hall Council", "organization"),
        ("Guardian", "organization"),
    }


@pytest.mark.parametrize(
    "surface",
    [
        "Academy, Squadron Officer School",
        "Educational / Counseling Psychology",
        "Euro- NATO",
        "Rathbun the Scientology",
    ],
)
def test_lists_slashes_and_glued_phrases_are_no_tags(surface):
    assert not is_one_name(surface)
    analysis = analysis_of((f"We saw {surface} and {surface}.", [(surface, "ORG")] * 2))
    assert tags(analysis) == set()


def test_a_thing_or_a_body_lends_no_surname_and_is_no_person():
    analysis = analysis_of(
        (
            "The Space Shuttle Aurora flew over Aurora and the Medical Journal twice.",
            [
                ("Space Shuttle Aurora", "PERSON"),
                ("Aurora", "GPE"),
                ("Medical Journal", "PERSON"),
            ],
        ),
        (
            "Aurora again, and the Medical Journal.",
            [("Aurora", "GPE"), ("Medical Journal", "PERSON")],
        ),
    )
    assert ("Medical Journal", "organization") in tags(analysis)
    assert ("Space Shuttle Aurora", "person") not in tags(analysis)
    assert ("Aurora", "place") in tags(analysis)


def test_party_labels_are_not_part_of_a_name_and_time_zones_are_no_tags():
    analysis = analysis_of(
        (
            "Nonpartisan Ada Lund and Pan-democrat Ivo Berg met at 13:00 GMT, GMT.",
            [
                ("Nonpartisan Ada Lund", "PERSON"),
                ("Pan-democrat Ivo Berg", "PERSON"),
                ("GMT", "ORG"),
                ("GMT", "ORG"),
            ],
        ),
    )
    assert tags(analysis) == {("Ada Lund", "person"), ("Ivo Berg", "person")}


@pytest.mark.parametrize(
    "name",
    [
        "Friends of the Earth",
        "Council on Foreign Relations",
        "University of Texas at Arlington",
        "Society for the Protection of Birds",
    ],
)
def test_prepositions_and_the_inside_real_names_are_kept(name):
    assert is_one_name(name)


def test_suffixes_and_particles_stay_right():
    analysis = analysis_of(
        (
            "Martin Luther King Jr. spoke, and Mohammed bin Salman met Charles de Gaulle.",
            [
                ("Martin Luther King Jr.", "PERSON"),
                ("Mohammed bin Salman", "PERSON"),
                ("Charles de Gaulle", "PERSON"),
            ],
        ),
        (
            "King said more. Bin Salman nodded, and de Gaulle left.",
            [("King", "PERSON"), ("Bin Salman", "PERSON"), ("de Gaulle", "PERSON")],
        ),
    )
    assert {(e.name, e.mentions) for e in extract_entities(analysis)} == {
        ("Martin Luther King Jr.", 2),
        ("Mohammed bin Salman", 2),
        ("Charles de Gaulle", 2),
    }


@pytest.mark.parametrize(
    ("name", "company"),
    [
        ("General Motors", True),
        ("Douglas Aircraft", True),
        ("Qatar Airways", True),
        ("Védelmi Ipari Kft", True),
        ("Nordhavn Shipping GmbH", True),
        ("Jim Press", False),
        ("Ann Motor", False),
    ],
)
def test_a_company_word_at_the_end_makes_an_organisation(name, company):
    from newsdigest.core.entities.names import ends_in_company_word

    assert ends_in_company_word(name) is company


@pytest.mark.parametrize(
    ("surface", "before", "name"),
    [
        ("Competition Neelie Kroes", "said European Commissioner for ", "Neelie Kroes"),
        ("Air Force for Acquisition Marvin Sambur", "Assistant Secretary of the ", "Marvin Sambur"),
        ("Mary Ann Lund", "a book by ", None),  # no title before it
        ("Harbour Trust", "the director of the ", None),  # no name at its end
    ],
)
def test_the_name_at_the_end_of_a_title(surface, before, name):
    from newsdigest.core.entities.names import name_after_title

    assert name_after_title(surface, before) == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Elinore F. McCance-Katz MD", "Elinore F. McCance-Katz"),
        ("Rick Bright Ph.D.", "Rick Bright"),
        ("Judge Ana Lima", "Ana Lima"),
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("Crown Prince Harald Berg", "Harald Berg"),
        ("Lady Karin Vold", "Karin Vold"),  # the model left "First" off "First Lady"
        ("Lady Gaga", "Lady Gaga"),  # a stage name, not a title
        ("Broadcaster Ola Strand", "Ola Strand"),
        ("Cardinal Ana Lima", "Ana Lima"),
        ("Liberal Democrats", "Liberal Democrats"),  # a party, not a Liberal named so
        ("Assemblywoman Ana Lima", "Ana Lima"),
        ("Councilman Ola Strand", "Ola Strand"),
        ("Speaker Karin Vold", "Karin Vold"),  # before a whole name: a title
        ("Speaker Vold", "Speaker Vold"),  # before one word it may be a name of its own
        ("Bishop Museum", "Bishop Museum"),
    ],
)
def test_a_person_is_named_without_titles_or_degrees(surface, name):
    from newsdigest.core.entities.extract import clean_surface

    assert clean_surface(surface, "PERSON") == name


def test_a_place_no_gazetteer_knows_loses_to_the_models_other_reading():
    analysis = analysis_of(
        (
            "Members left Harbourology. Harbourology denied it; Harbourology said so.",
            [("Harbourology", "LOC"), ("Harbourology", "ORG"), ("Harbourology", "ORG")],
        ),
        ("Life in Harbourology is strict.", [("Harbourology", "LOC")]),
        ("Norway and Norway again.", [("Norway", "GPE"), ("Norway", "PERSON")]),
    )
    assert tags(analysis) == {("Harbourology", "organization"), ("Norway", "place")}


def test_a_name_the_story_uses_like_a_persons_is_a_person():
    analysis = analysis_of(
        ("Aren Tollefsen wrote the book.", [("Aren Tollefsen", "ORG")]),
        ("Tollefsen said it took ten years.", [("Tollefsen", "ORG")]),
        ("Nordic Harbour Works built it.", [("Nordic Harbour Works", "ORG")]),
        ("Nordic Harbour Works said so.", [("Nordic Harbour Works", "ORG")]),
    )
    kinds = dict(tags(analysis))
    assert kinds["Aren Tollefsen"] == "person"
    assert kinds["Nordic Harbour Works"] == "organization"


@pytest.mark.parametrize(
    ("surface", "after", "whole"),
    [
        (
            "Joint Council",
            " for the Welfare of Ferry Crews said",
            "Joint Council for the Welfare of Ferry Crews",
        ),
        ("Harbour Journal", " of Norway, this week", "Harbour Journal of Norway"),
        ("Harbour Council", " of the town", "Harbour Council"),  # lower case: not its name
        ("Ola Strand", " of Bergen", "Ola Strand"),  # no organisation's head word
    ],
)
def test_an_organisation_cut_before_its_of_part_gets_it_back(surface, after, whole):
    from newsdigest.core.entities.names import whole_org_name

    assert whole_org_name(surface, after) == whole


def test_common_words_and_species_are_no_tags_but_particles_are_names():
    analysis = analysis_of(
        ("The party met. The party left.", [("party", "PERSON"), ("party", "PERSON")]),
        (
            "Fungus Beauveria bassiana and Beauveria bassiana again.",
            [("Beauveria bassiana", "GPE"), ("Beauveria bassiana", "GPE")],
        ),
        (
            "Patrizia d'Ettorre and Patrizia d'Ettorre; East L.A. and East L.A.",
            [
                ("Patrizia d'Ettorre", "PERSON"),
                ("Patrizia d'Ettorre", "PERSON"),
                ("East L.A.", "GPE"),
                ("East L.A.", "GPE"),
            ],
        ),
    )
    assert tags(analysis) == {("Patrizia d'Ettorre", "person"), ("East L.A.", "place")}


def test_general_motors_is_no_general_named_motors():
    analysis = analysis_of(
        (
            "General Motors said so, and General Motors left.",
            [("General Motors", "ORG"), ("General Motors", "ORG")],
        ),
    )
    assert tags(analysis) == {("General Motors", "organization")}


@pytest.mark.parametrize(
    ("surface", "label", "name"),
    [
        ("Ingrid Dahl HFA Spokesperson", "PERSON", "Ingrid Dahl"),
        ("Ola Strand NHA", "PERSON", "Ola Strand"),
        ("Lars Berg III", "PERSON", "Lars Berg III"),
        ("Mira Lund M.D. M.P.H.", "PERSON", "Mira Lund"),
        ("Surgeon General Lund", "PERSON", "Lund"),
    ],
)
def test_a_person_loses_an_agency_acronym_job_and_degrees_after_the_name(surface, label, name):
    from newsdigest.core.entities.extract import clean_surface

    assert clean_surface(surface, label) == name


def test_the_subject_of_a_title_is_no_person():
    text = (
        "Assistant Secretary for Harbours and Ferries Ola Strand opened the quay, "
        "and Surgeon General Mira Lund spoke."
    )
    found = tags(
        analysis_of(
            (
                text,
                [
                    ("Harbours", "PERSON"),
                    ("Ferries Ola Strand", "PERSON"),
                    ("Surgeon General Mira Lund", "ORG"),
                ],
            )
        )
    )
    assert found == {("Ola Strand", "person"), ("Mira Lund", "person")}


def test_a_legal_form_a_party_word_and_of_the_place_are_one_entity():
    analysis = analysis_of(
        (
            "Fjordline Ltd and Fjordline; the Harbour Green Party and Harbour Green; the "
            "Supreme Court of the United Kingdom and the Supreme Court.",
            [
                ("Fjordline Ltd", "ORG"),
                ("Fjordline", "ORG"),
                ("the Harbour Green Party", "ORG"),
                ("Harbour Green", "ORG"),
                ("the Supreme Court of the United Kingdom", "ORG"),
                ("the Supreme Court", "ORG"),
            ],
        ),
    )
    names = {name for name, kind in tags(analysis) if kind == "organization"}
    assert names == {"Fjordline", "Harbour Green Party", "Supreme Court"}


def test_a_place_glued_to_a_person_the_story_names_is_both():
    analysis = analysis_of(
        (
            "The Mayor of Bergen Karin Vold spoke. Karin Vold left Bergen on Friday.",
            [("Bergen Karin Vold", "GPE"), ("Karin Vold", "PERSON"), ("Bergen", "GPE")],
        ),
    )
    assert tags(analysis) == {("Karin Vold", "person"), ("Bergen", "place")}


def test_an_acronym_stands_for_the_words_its_letters_give():
    from newsdigest.core.entities.names import expansion

    assert expansion("United States' National Basketball Association", "NBA") == (
        "National Basketball Association"
    )
    assert expansion("Norway's Fjord Ferry Board", "FFB") == "Fjord Ferry Board"
    assert expansion("Norway's Ferry Watchdog", "NFW") == "Norway's Ferry Watchdog"
    assert expansion("Norway's Harbour Authority", "HA") == "Harbour Authority"
    assert expansion("Norway's Ferry Watchdog", "XY") == "Ferry Watchdog"
    assert expansion("Harbour Committee and the Fjord Security Service", "FSB") == (
        "Fjord Security Service"
    )
    # the words the letters give, not a small word before them
    assert expansion("Bergen Gulls of Nordic Ferry League", "NFL") == "Nordic Ferry League"


def test_two_bodies_in_one_mention_are_two_tags():
    analysis = analysis_of(
        (
            "The Harbour Committee and the Fjord Security Service said so. Ola Strand and "
            "the Harbour Rats played.",
            [
                ("The Harbour Committee and the Fjord Security Service", "ORG"),
                ("Ola Strand and the Harbour Rats", "ORG"),
            ],
        ),
    )
    names = {name for name, _kind in tags(analysis)}
    assert {"Harbour Committee", "Fjord Security Service"} <= names
    assert "Ola Strand" not in names  # a band's name is no body and a person


def test_of_a_place_and_another_place_is_one_name():
    analysis = analysis_of(
        (
            "The High Court of England and Wales ruled. Texas A&M and the University of "
            "Texas and Texas A&M agreed.",
            [
                ("The High Court of England", "ORG"),
                ("Wales", "ORG"),
                ("the University of Texas", "ORG"),
                ("Texas A&M", "ORG"),
            ],
        ),
    )
    names = {name for name, _kind in tags(analysis)}
    assert "High Court of England and Wales" in names
    assert "Wales" not in names  # taken into the court's name
    assert "University of Texas" in names  # "and Texas A&M" is another body


def test_a_title_of_a_place_a_bracket_and_a_quote_mark_make_no_name():
    analysis = analysis_of(
        (
            "The Archbishop of Fjordby visited. The Kurds will align with [Ola al] Strand, "
            'wrote Fjord Radio on Twitter "Ferry-app is fine".',
            [
                ("The Archbishop of Fjordby", "ORG"),
                ("Ola al] Strand", "PERSON"),
                ("Fjord Radio", "ORG"),
                ('Twitter "Ferry-app', "PERSON"),
            ],
        ),
        ("Strand said so.", [("Strand", "PERSON")]),
    )
    assert tags(analysis) == {("Ola al Strand", "person"), ("Fjord Radio", "organization")}


def test_a_jobs_field_before_the_job_is_no_person():
    analysis = analysis_of(
        (
            "The Tory Shadow Harbour Secretary criticised the plan. Ola Strand agreed.",
            [("Shadow Harbour", "PERSON"), ("Ola Strand", "PERSON")],
        ),
    )
    assert tags(analysis) == {("Ola Strand", "person")}


def test_one_spelling_per_name_whatever_its_capitals():
    analysis = analysis_of(
        ("FerryHub blocked the app. FerryHub said so.", [("FerryHub", "ORG"), ("FerryHub", "ORG")]),
        ("Users left Ferryhub.", [("Ferryhub", "ORG")]),
        ("Ola S. wrote the app.", [("Ola S.", "PERSON")]),
    )
    assert tags(analysis) == {("FerryHub", "organization"), ("Ola S.", "person")}


def test_a_school_after_a_title_and_a_caption_credit_make_no_person():
    analysis = analysis_of(
        (
            "Professor Karin Vold of Fjord Law School spoke.",
            [("Karin Vold", "PERSON"), ("Fjord Law School", "ORG")],
        ),
        ("Ola StrandImage: Ola Strand.", [("Ola StrandImage", "PERSON"), ("Ola Strand", "PERSON")]),
    )
    assert tags(analysis) == {
        ("Karin Vold", "person"),
        ("Fjord Law School", "organization"),
        ("Ola Strand", "person"),
    }


def test_a_surname_cut_off_after_o_apostrophe_is_put_back():
    """Copy that reads "Michael O' Leary" (a space after the apostrophe) gives the model
    two names, "Michael O'" and "Leary": one name, spelt "Michael O'Leary"."""
    import spacy
    from spacy.tokens import Span as DocSpan

    from newsdigest.core.nlp.pipeline import unit_from_doc

    doc = spacy.blank("en")("Harbour chief Michael O' Leary said no. Ola Lund agreed.")
    words = [t.text for t in doc]
    o_at, leary_at, ola_at = words.index("O"), words.index("Leary"), words.index("Ola")
    doc.ents = [
        DocSpan(doc, o_at - 1, o_at + 2, "PERSON"),  # "Michael O'"
        DocSpan(doc, leary_at, leary_at + 1, "PERSON"),
        DocSpan(doc, ola_at, ola_at + 2, "PERSON"),
    ]
    unit = unit_from_doc(doc)
    assert [e.text(unit.text) for e in unit.ents] == ["Michael O' Leary", "Ola Lund"]
    analysis = analysis_of(
        ("Harbour chief Michael O' Leary said no.", [("Michael O' Leary", "PERSON")])
    )
    assert tags(analysis) == {("Michael O'Leary", "person")}


def test_a_middle_initial_and_surname_the_model_left_out_are_put_back():
    """ "Assistant Secretary for Harbour Use Ola K. Strand": the model's name stops at
    "Ola" (and may find "Strand" apart); the person is Ola K. Strand."""
    import spacy
    from spacy.tokens import Span as DocSpan

    from newsdigest.core.nlp.pipeline import unit_from_doc

    text = "said Assistant Secretary for Harbour Use Ola K. Strand. Mona Li agreed."
    doc = spacy.blank("en")(text)
    words = [t.text for t in doc]
    harbour_at, strand_at, mona_at = (
        words.index("Harbour"),
        words.index("Strand"),
        words.index("Mona"),
    )
    doc.ents = [
        DocSpan(doc, harbour_at, harbour_at + 3, "ORG"),  # "Harbour Use Ola"
        DocSpan(doc, strand_at, strand_at + 1, "PERSON"),
        DocSpan(doc, mona_at, mona_at + 2, "PERSON"),
    ]
    unit = unit_from_doc(doc)
    assert [e.text(unit.text) for e in unit.ents] == ["Harbour Use Ola K. Strand", "Mona Li"]
    analysis = analysis_of((text, [("Harbour Use Ola K. Strand", "ORG"), ("Mona Li", "PERSON")]))
    assert tags(analysis) == {("Ola K. Strand", "person"), ("Mona Li", "person")}


@pytest.mark.parametrize(
    ("after", "field"),
    [
        (" Secretary criticised the plan.", True),  # "the Tory Shadow Health Secretary"
        (" CEO Ola Lund said", True),  # "the Harbour Logistics CEO"
        (" Spokesperson Ola Lund said", False),  # a body's spokesperson: the body is named
        (" officials said", False),
        (" said on Monday", False),
        (", the secretary, said", False),
    ],
)
def test_a_capitalised_job_after_a_mention_makes_it_the_jobs_field(after, field):
    assert names_a_jobs_field(after) is field


def test_a_name_run_into_a_title_case_headlines_verb_is_cut_back():
    """The model's 'Lund Attends' of a title-case headline is the story's Ola Lund."""
    analysis = analysis_of(
        ("Mayor Ola Lund opened the summit.", [("Ola Lund", "PERSON")]),
        ("Lund said the ferries would run all winter.", [("Lund", "PERSON")]),
        title=("Mayor Lund Attends the Harbour Summit in Rye", [("Lund Attends", "PERSON")]),
    )
    found = tags(analysis)
    assert ("Ola Lund", "person") in found
    assert not any("Attends" in name for name, _kind in found)


def test_a_job_the_model_took_for_a_person_is_no_tag():
    """ "our new President and Vice President": a job alone, found as a run of proper
    nouns the story then uses ("The President said"), is still no one's name."""
    paragraphs = [
        "Ola Lund is now the 49th Vice President of the Harbour Union. We welcome her.",
        "Now, not to upstage our new President and Vice President, but theirs has not been "
        "the only swearing in today.",
        "The President said the ferries would run.",
    ]
    config = AnalysisConfig(capabilities=frozenset({"entities", "syntax"}))
    [analysis] = analyzer_for(config).analyse_here([(paragraphs, False)])
    found = tags(analysis)
    assert ("Ola Lund", "person") in found
    assert not any("President" in name for name, _kind in found)


def test_one_name_however_its_words_are_split():
    """ "South East Asia" and "Southeast Asia" in one story are one place (the spelling
    written most), as they are across the site."""
    analysis = analysis_of(
        ("Floods hit Southeast Asia this week.", [("Southeast Asia", "LOC")]),
        ("Rain across South East Asia will last.", [("South East Asia", "LOC")]),
        ("Southeast Asia braces for more.", [("Southeast Asia", "LOC")]),
    )
    assert tags(analysis) == {("Southeast Asia", "place")}


def test_a_short_form_with_an_ampersand_is_its_long_form():
    analysis = analysis_of(
        (
            "The Harbour Gas and Electric Company (HG&E) cut power on Monday.",
            [("The Harbour Gas and Electric Company", "ORG"), ("HG&E", "ORG")],
        ),
        ("HG&E said repairs would take a week.", [("HG&E", "ORG")]),
    )
    assert tags(analysis) == {("Harbour Gas and Electric Company", "organization")}


def test_a_cave_or_falls_is_a_place_whatever_the_model_says():
    analysis = analysis_of(
        (
            "The exhibit recreates the Bat Cave in Oslo.",
            [("the Bat Cave", "PERSON"), ("Oslo", "GPE")],
        ),
        ("Visitors came from Otter Falls, too.", [("Otter Falls", "PERSON")]),
        ("Otter Falls sent a bus.", [("Otter Falls", "PERSON")]),
    )
    found = tags(analysis)
    assert ("Bat Cave", "place") in found and ("Otter Falls", "place") in found
    assert not any(kind == "person" for _name, kind in found)


@pytest.mark.parametrize(
    ("before", "surface", "whole"),
    [
        ("said the Council on ", "Harbour Relations", "Council on Harbour Relations"),
        ("a report by the Fjord Institute for ", "Ice Studies", "Fjord Institute for Ice Studies"),
        ("said the Council of ", "Europe", "Council of Europe"),
        ("said the mayor of ", "Oslo", "Oslo"),  # no organisation's head word before it
        ("It was ", "Harbour Relations", "Harbour Relations"),
    ],
)
def test_the_head_of_a_name_the_model_cut_off_is_put_back(before, surface, whole):
    assert org_head_before(surface, before) == whole


def test_an_organisation_cut_at_its_head_and_glued_to_a_person_is_two_whole_names():
    """ "Council on American-Islamic Relations Alia Salem" (issue #17), which the model
    reads as one organisation without its first two words."""
    analysis = analysis_of(
        (
            "Council on Harbour Relations Ada Berg said the port was safe.",
            [("Harbour Relations Ada Berg", "ORG")],
        ),
        ("Berg spoke in Oslo.", [("Berg", "PERSON"), ("Oslo", "GPE")]),
    )
    found = tags(analysis)
    assert ("Council on Harbour Relations", "organization") in found
    assert ("Ada Berg", "person") in found
    assert not any("Harbour Relations Ada" in name for name, _kind in found)


def test_a_source_the_story_names_as_one_is_a_tag_even_mentioned_once():
    """A one-word organisation named once is usually the model's slip, unless the story
    names it as a source: "according to Vestlys", "told Fjordnet", "Kanal Nord reported"."""
    analysis = analysis_of(
        ("According to Vestlys, the ferry left late.", [("Vestlys", "ORG")]),
        ("The captain told Fjordnet the engine failed.", [("Fjordnet", "ORG")]),
        ("Kanal Nord reported a second delay.", [("Kanal Nord", "ORG")]),
        ("Crews met Moonrock at the quay.", [("Moonrock", "ORG")]),
    )
    found = tags(analysis)
    assert {("Vestlys", "organization"), ("Fjordnet", "organization")} <= found
    assert ("Kanal Nord", "organization") in found
    assert not any(name == "Moonrock" for name, _kind in found)  # nothing says what it is


def test_a_name_the_text_runs_on_after_is_no_source():
    """ "According to the Arts and Humanities Citation Index": the model's "Arts" is the
    start of a longer name, not a source of its own."""
    analysis = analysis_of(
        (
            "According to the Arts and Humanities Citation Index, he is cited most.",
            [("Arts", "ORG")],
        ),
    )
    assert tags(analysis) == set()


def test_an_outlet_glued_to_a_person_the_story_names_is_two_tags():
    """ "told NPR Ola Lund had left": the model's one organisation is the outlet and the
    person the story names apart."""
    analysis = analysis_of(
        ("Ola Lund left the party in May.", [("Ola Lund", "PERSON")]),
        ("Ada Berg told NPR Ola Lund had left.", [("Ada Berg", "PERSON"), ("NPR Ola Lund", "ORG")]),
    )
    found = tags(analysis)
    assert {("Ola Lund", "person"), ("NPR", "organization")} <= found
    assert not any("NPR Ola" in name for name, _kind in found)


def test_where_a_named_person_works_is_an_organisation():
    analysis = analysis_of(
        ("Ada Berg of Havnet said the port was safe.", [("Ada Berg", "PERSON"), ("Havnet", "ORG")]),
        ("The Descriptive Index of Tides was reprinted.", [("Tides", "ORG")]),
    )
    found = tags(analysis)
    assert ("Havnet", "organization") in found  # "Ada Berg of Havnet": where she works
    assert not any(name == "Tides" for name, _kind in found)  # a title's "of", no one's


def test_conferences_administrations_and_tribes_are_organisations():
    analysis = analysis_of(
        (
            "According to the National Conference of Harbour Pilots, the Crow Tribe and the "
            "Fjord Aviation Administration agreed.",
            [
                ("the National Conference of Harbour Pilots", "ORG"),
                ("the Crow Tribe", "PERSON"),
                ("the Fjord Aviation Administration", "ORG"),
            ],
        ),
    )
    assert tags(analysis) == {
        ("National Conference of Harbour Pilots", "organization"),  # no "National Conference"
        ("Crow Tribe", "organization"),
        ("Fjord Aviation Administration", "organization"),
    }


def test_a_one_word_person_the_story_writes_as_a_company_is_one():
    analysis = analysis_of(
        (
            "The store chains Woolworths and Kvikk cut limits.",
            [("Woolworths", "PERSON"), ("Kvikk", "PERSON")],
        ),
        ("Kvikk ordered more stock.", [("Kvikk", "PERSON")]),
        ("Woolworths shut early.", [("Woolworths", "PERSON")]),
    )
    assert tags(analysis) == {("Woolworths", "organization"), ("Kvikk", "organization")}


def test_a_person_the_story_writes_as_a_place_is_one():
    analysis = analysis_of(
        (
            "Tombs in Saqqara and Tuna el-Gebel held the birds.",
            [("Saqqara", "PERSON"), ("Tuna el-Gebel", "PERSON")],
        ),
        ("Saqqara lies south of the city.", [("Saqqara", "PERSON")]),
        ("Holt drove in Ola Nava in the ninth.", [("Holt", "PERSON"), ("Ola Nava", "PERSON")]),
        (
            "Ada Cornyn, U.S. Senator, spoke. Cornyn said more.",
            [("Ada Cornyn", "PERSON"), ("U.S.", "GPE"), ("Cornyn", "PERSON")],
        ),
    )
    found = tags(analysis)
    assert {("Saqqara", "place"), ("Tuna el-Gebel", "place")} <= found
    assert ("Ola Nava", "person") in found or not any(n == "Ola Nava" for n, _k in found)
    assert ("Ada Cornyn", "person") in found


def test_a_team_named_for_its_city_is_an_organisation_though_named_once():
    analysis = analysis_of(
        ("He was traded to the Los Angeles Lakers.", [("the Los Angeles Lakers", "ORG")]),
        ("Moon Rocks played later.", [("Moon Rocks", "ORG")]),
    )
    assert tags(analysis) == {("Los Angeles Lakers", "organization")}
