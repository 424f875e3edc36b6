"""Quotations at newsroom grade (issue #16), on sentences written for these tests: what
is not a quotation, one quotation in several parts, and speakers beyond "X said"."""

import pytest

from newsdigest.core.enrich import EnrichmentOptions, StoryInputs, enrich_story
from newsdigest.core.entities import EntityDirectory
from newsdigest.core.nlp import AnalysisConfig
from newsdigest.core.nlp.config import analyzer_for
from newsdigest.core.quotes import find_quotes, is_scare_quote, split_scare_quotes

CONFIG = AnalysisConfig(capabilities=frozenset({"entities", "syntax"}))


def enriched(paragraphs: list[str], headline: str | None = None):
    units = ([headline, *paragraphs], True) if headline else (paragraphs, False)
    [analysis] = analyzer_for(CONFIG).analyse_here([units])
    options = EnrichmentOptions(features=frozenset({"entities", "quotes"}))
    return enrich_story(analysis, StoryInputs(paragraphs), EntityDirectory(), options)


def quotations(paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    """(text of the first part, speaker, kind) per quotation."""
    found = {}
    for quote in enriched(paragraphs).quotes:
        found.setdefault(quote.quotation, (quote.text, quote.speaker, quote.speaker_kind))
    return list(found.values())


# --- what is not a quotation --------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        'The mayor called the plan "too shrill" on Monday.',
        'She appeared on "Morning Harbour Report" to defend it.',
        'The ferry, nicknamed "Old Grey", sails at dawn.',
        'Visitors were granted "parole" status.',
        'The council launched "The Greener Quayside Challenge" last spring.',
    ],
)
def test_titles_names_and_fragments_are_scare_quotes(paragraph):
    [quote] = find_quotes([paragraph])
    assert is_scare_quote(quote, paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        'He wanted to fly at the "Top of the Spear." Nothing less would do.',
        'What about the old adage, "every cloud has a silver lining for someone"?',
        'A question like "the best harbour in the whole world" tells you little.',
        'Locals know the road as "the long way round to the sea" in every season.',
        "She spoke at the trust\u2019s \u201cThe Quay Challenge: Launch Event and Ferry "
        "Solutions Showcase.\u201d",
        "The second panel \u201cMany Voices Make Our Harbour Better - A Panel of Fishers "
        "Parents and Ferry Crews\u201d heard from the crews.",
    ],
)
def test_titles_with_a_full_stop_and_words_used_as_words_are_scare_quotes(paragraph):
    [quote] = find_quotes([paragraph])
    assert is_scare_quote(quote, paragraph)


def test_a_shouted_sentence_in_capitals_is_a_quotation():
    paragraph = "The mayor wrote: \u201cTHE HARBOUR WILL NEVER CLOSE ON MY WATCH.\u201d"
    [quote] = find_quotes([paragraph])
    assert not is_scare_quote(quote, paragraph)


def test_a_straight_mark_never_closed_opens_nothing():
    paragraph = (
        'The comet Kell (also known as "Kell 4) was sampled in 2004, and volunteers were '
        'asked to "find" the grains in photographs taken by the probe.'
    )
    assert [q.text for q in find_quotes([paragraph])] == ["find"]


def test_nested_straight_marks_still_make_one_quote():
    paragraph = '"If we knew the answer, it would not be called "research"," she said.'
    [quote, *_] = find_quotes([paragraph])
    assert quote.text.startswith("If we knew the answer")


def test_a_photo_caption_does_not_break_a_quote_that_runs_on():
    paragraphs = [
        'Curator Ines Dahl said: "The trainer will arrive in May, and visitors will climb',
        "The old trainer on its trailer in 2009. Image: Harbour Museum.",
        '"aboard it to see how the crews learned to fly the shuttle for years."',
    ]
    quotes = find_quotes(paragraphs)
    assert [(q.paragraph, q.continues_previous) for q in quotes] == [(0, False), (2, True)]


def test_words_a_speaker_called_something_are_still_a_quotation():
    paragraph = 'The mayor called the plan "a betrayal of every worker in this town".'
    [quote] = find_quotes([paragraph])
    assert not is_scare_quote(quote, paragraph)


def test_a_sentence_in_title_case_words_is_still_a_quotation():
    paragraph = '"We Will Not Move The Market Today," the director said.'
    [quote] = find_quotes([paragraph])
    assert not is_scare_quote(quote, paragraph)


def test_scare_quotes_are_kept_apart_and_never_become_the_pull_quote():
    paragraphs = [
        "Harbour workers in Lindqvist ended their strike on Friday.",
        'The union had called the offer "insulting" and the port "The Cage".',
        '"We have won more than we expected, and the members know it," union leader '
        "Marta Lindqvist said.",
    ]
    result = enriched(paragraphs)
    assert [q.text for q in result.scare_quotes] == ["insulting", "The Cage"]
    assert [q.text for q in result.quotes] == [
        "We have won more than we expected, and the members know it"
    ]
    assert result.pull_quote is result.quotes[0]


def test_a_continuation_of_a_scare_quote_goes_with_it():
    paragraphs = ['They named it "Blue', '"Harbour" in the end.']
    kept, scare = split_scare_quotes(find_quotes(paragraphs), paragraphs)
    assert kept == [] and len(scare) == 2


# --- one quotation in several parts -------------------------------------------------


def test_a_quote_interrupted_by_its_attribution_is_one_quotation():
    found = quotations(
        [
            "The port of Vaasa reopened on Tuesday.",
            '"The ice came early this year," harbour master Jonas Ek said, "and it cost '
            'us two weeks of work."',
        ]
    )
    assert found == [("The ice came early this year", "Jonas Ek", "person")]


def test_a_second_sentence_after_the_attribution_is_the_same_quotation():
    found = quotations(
        [
            '"We were ready for the storm," said Mayor Ilse Varga. "Nobody in the '
            'town lost power for more than an hour."'
        ]
    )
    assert found == [("We were ready for the storm", "Ilse Varga", "person")]


def test_a_quote_running_over_paragraphs_is_one_quotation():
    found = quotations(
        [
            'Engineer Paavo Rask said: "The bridge was never meant to carry this much',
            '"traffic, and every winter the salt makes it worse."',
        ]
    )
    assert [speaker for _text, speaker, _kind in found] == ["Paavo Rask"]


# --- speakers -----------------------------------------------------------------------


def test_organisations_publications_and_groups_speak():
    found = quotations(
        [
            '"The line will reopen on Monday after repairs to the signals," the '
            "Ministry of Transport said in a statement.",
            '"Passengers should expect delays for the rest of the week," the Harbour '
            "Gazette reported.",
            '"Nobody told us the trains would stop for a whole week," commuters said.',
        ]
    )
    assert [(speaker, kind) for _text, speaker, kind in found] == [
        ("Ministry of Transport", "organization"),
        ("Harbour Gazette", "publication"),
        ("commuters", "group"),
    ]


def test_a_surname_after_a_title_is_the_full_name_the_story_gave():
    found = quotations(
        [
            "Prosecutor Helena Marsh opened the case against the shipping firm on Monday.",
            'Ms. Marsh told the court that "the company knew the hull was cracked for two '
            'whole years".',
        ]
    )
    assert found[0][1] == "Helena Marsh"


def test_according_to_and_in_the_words_of():
    found = quotations(
        [
            'In the words of coach Anders Holm, "the team played the best football of its '
            'life tonight".',
            '"Ticket sales doubled in a single week," according to the Lakeside Courier.',
        ]
    )
    assert [speaker for _text, speaker, _kind in found] == ["Anders Holm", "Lakeside Courier"]


def test_a_tweet_and_a_colon_introduce_the_speaker():
    found = quotations(
        [
            "Senator Clara Osei tweeted on Tuesday morning:",
            '"The bill that passed tonight will help every family in this state."',
        ]
    )
    assert found[0][1] == "Clara Osei"


def test_a_pronoun_is_the_person_the_sentence_was_about():
    found = quotations(
        [
            "Farmer Piet Laan lost half his harvest to the flood. His neighbour Kees Mol "
            "lent him a pump.",
            'He said, "Without that pump we would have lost the whole farm this year."',
        ]
    )
    assert found[0][1] in ("Piet Laan", "Kees Mol")  # the model's sentence split decides
    assert found[0][2] == "person"


def test_it_is_the_organisation_quoted_before():
    found = quotations(
        [
            '"Fares will rise by four percent next year," Nordic Rail said on Monday. '
            '"Season tickets will not change at all this time," it added.'
        ]
    )
    assert [speaker for _text, speaker, _kind in found] == ["Nordic Rail", "Nordic Rail"]


def test_he_is_not_the_woman_the_story_calls_she():
    found = quotations(
        [
            "Tomas Brandt, a beekeeper, moved his hives to the valley in May.",
            "Greta Lund, his neighbour, said she had never seen so many bees. Greta's "
            "sister asked him to move them again, but he replied "
            '"I cannot move a hundred hives in the middle of summer".',
        ]
    )
    assert found[0][1] == "Tomas Brandt"


def test_a_name_with_a_job_after_it_is_the_speaker_not_the_job():
    found = quotations(
        [
            'Karin Vold, the Harbour Authority Spokesperson, said, "We expect the first '
            'ships to dock again by the end of the week".'
        ]
    )
    assert found[0][1] == "Karin Vold"


def test_an_organisation_written_before_a_person_is_split_off():
    found = quotations(
        [
            "After the vote, chair of the Coastal Fishing Council Erik Sandvik told "
            'reporters: "This quota will empty the harbour of boats within two years."'
        ]
    )
    assert found[0][1:] == ("Erik Sandvik", "person")


def test_a_publication_that_saw_a_document_did_not_write_it():
    found = quotations(
        [
            'A leaked letter seen by the Harbour Gazette says "every claim must be '
            'filed within twenty working days or it will lapse".'
        ]
    )
    assert found[0][1] != "Harbour Gazette"


def test_a_misspelt_surname_is_the_person_the_story_named():
    found = quotations(
        [
            "Lydia Brennmann, a spokeswoman for the food agency, said the rules would change.",
            '"We need to make sure nobody gets too much iodine from bread," Ms Brenman said.',
        ]
    )
    assert found[0][1] == "Lydia Brennmann"


def test_every_quotation_says_how_it_was_attributed():
    result = enriched(['"The water is safe to drink again," the health board said.'])
    [quote] = result.quotes
    assert quote.attribution == "after"
    assert quote.cue == "the health board said"
    assert quote.as_dict()["cue"] == "the health board said"


def test_a_straight_mark_closed_by_a_single_one_is_a_short_quote():
    paragraph = "Have you met \"new readers' through the ferry work? Many came to the quay."
    [quote] = find_quotes([paragraph, "The next paragraph opens with no mark."])
    assert quote.text == "new readers"
    assert is_scare_quote(quote, paragraph)


def test_a_possessive_inside_a_closed_quote_stays_one_quote():
    paragraph = '"The players\' lounge was empty all night," the coach said.'
    [quote] = find_quotes([paragraph])
    assert quote.text.startswith("The players' lounge was empty")


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "Marta J. Kowalczyk, a geologist at the harbour institute, said, "
            "\u201cThe sea wall has settled four centimetres since spring.\u201d",
            "Marta J. Kowalczyk",
        ),
        (
            "\u201cWe will reopen the quay before the first storms of winter,\u201d said the "
            "port's chief executive, Henrik Aasland.",
            "Henrik Aasland",
        ),
        (
            "\u201cThe ferries will run every hour from Monday,\u201d said Nordline Ferries "
            "chief executive, Sigrid Moe.",
            "Sigrid Moe",
        ),
        (
            "Harbour master Ola Strand defended the closure, saying, \u201cNo ship could "
            "dock safely in that swell.\u201d",
            "Ola Strand",
        ),
    ],
)
def test_speakers_with_initials_appositives_and_participles(paragraph, speaker):
    assert quotations([paragraph])[0][1] == speaker


def test_someone_only_described_gets_no_speaker_from_their_employer():
    found = quotations(
        [
            "Nordline Ferries cut two routes on Monday.",
            "\u201cThey had no other choice once the fuel bill doubled,\u201d said a "
            "lecturer from the Bergen School of Shipping who studies ferry operators.",
        ]
    )
    assert found[0][1] is None


def test_a_lead_in_before_the_pronoun_still_finds_the_speaker():
    found = quotations(
        [
            "Harbour master Ola Strand closed the port on Friday.",
            "Asked about the repairs he said, \u201cWe will do it right, and we will do it "
            "once.\u201d",
        ]
    )
    assert found[0][1] == "Ola Strand"


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "kind"),
    [
        (  # "he went on to say": the pronoun still speaks
            [
                "\u201cThe ferry is late again,\u201d said Ola Strand, the harbour master. "
                "\u201cWe have heard the same excuse from the operator every winter since "
                "the quay opened,\u201d he went on to say."
            ],
            "Ola Strand",
            "person",
        ),
        (  # a present-tense verb before the quote
            [
                "The Fjord Weekly predicts \u201cthe new tunnel will carry more trucks than "
                "the ferries ever did.\u201d"
            ],
            "Fjord Weekly",
            "publication",
        ),
        (  # words a named subject called something are theirs
            [
                "The Coastal Auditors Group has called it \u201ca clear case of favours for "
                "a single shipyard.\u201d"
            ],
            "Coastal Auditors Group",
            "organization",
        ),
        (  # a body named by its head noun
            [
                "The Harbour Prize committee cited \u201cher patient work for safer crossings "
                "in every season\u201d as its reason."
            ],
            "Harbour Prize committee",
            "organization",
        ),
        (  # a title before a name the model did not mark
            ["\u201cThis decision is hers alone to make,\u201d Judge Ellefsen said."],
            "Ellefsen",
            "person",
        ),
        (  # a long title glued to the name
            [
                "Deputy Undersecretary of the Navy for Procurement Liv Tandberg wrote: "
                "\u201cWe will not sign the tanker lease before the audit is finished.\u201d"
            ],
            "Liv Tandberg",
            "person",
        ),
    ],
)
def test_speakers_beyond_said(paragraphs, speaker, kind):
    assert quotations(paragraphs)[0][1:] == (speaker, kind)


def test_he_is_the_sentence_subject_not_a_name_in_its_opening_phrase():
    found = quotations(
        [
            "During a visit with Mayor Kari Dahl, Governor Maria Lopez said the port would "
            "reopen. \u201cI want to thank every crew that kept the ferries running,\u201d "
            "he said."
        ]
    )
    assert found[0][1] == "Maria Lopez"


def test_it_is_the_organisation_that_opens_the_sentence():
    found = quotations(
        [
            "A letter from Nordhavn Shipping to the mayor urges a quick decision on "
            "favourable terms for Baltic Freight: \u201cSign the lease before the "
            "council meets again,\u201d it said."
        ]
    )
    assert found[0][1] == "Nordhavn Shipping"


def test_words_considered_a_term_are_a_scare_quote():
    paragraph = 'The count was considered "too close to call" and a recount began.'
    [quote] = find_quotes([paragraph])
    assert is_scare_quote(quote, paragraph)


def test_a_short_sentence_said_at_once_is_a_quotation():
    found = quotations(
        [
            "Harbour master Ola Strand watched the storm take the pier.",
            "\u201cIt's wreckage,\u201d he said.",
            "\u201cWe will rebuild it stronger, and we will start on Monday.\u201d",
        ]
    )
    assert [speaker for _text, speaker, _kind in found] == ["Ola Strand", "Ola Strand"]
    assert found[0][0] == "It's wreckage"


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (  # "called" with any short object
            [
                "Mayor Ines Carvalho opened the bridge on Friday.",
                "Carvalho called the crossing \u201cthe best thing this town has built in a "
                "century\u201d.",
            ],
            "Ines Carvalho",
        ),
        (  # a clause joined by "and" after the quote is not an attribution
            [
                "Speaking to the crowd Governor Maria Lopez said that \u201cthe port that "
                "failed you is gone,\u201d and described a new harbour plan."
            ],
            "Maria Lopez",
        ),
        (  # "saying that" with the words before the quote
            [
                "Governor Maria Lopez declined to set a date, saying that it was a "
                "question \u201cbest put to the harbour board and its engineers.\u201d"
            ],
            "Maria Lopez",
        ),
        (  # an organisation, a job, then the person
            [
                "Nordline Ferries spokeswoman Jennifer Holm spoke about the delay: "
                "\u201cWe do not know what caused it, and we are looking into it.\u201d"
            ],
            "Jennifer Holm",
        ),
    ],
)
def test_more_ways_to_name_the_speaker(paragraphs, speaker):
    assert quotations(paragraphs)[0][1] == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (  # a military title with its full stop, then degrees after the name
            [
                "\u201cThe new office will serve every coastal county\u201d said Adm. Marta "
                "Lindqvist M.D. assistant secretary for ports."
            ],
            "Marta Lindqvist",
        ),
        (  # a title longer than most before the name
            [
                "\u201cWe will publish the tide tables in every language spoken here,\u201d "
                "said Director of the Harbour Office for Coastal Safety and Chair of the "
                "Ferry Language Committee Roger Halvorsen."
            ],
            "Roger Halvorsen",
        ),
        (  # introduced by "his speech"
            [
                "Mayor Ines Carvalho spoke to the harbour council. Here is an excerpt from "
                "her speech:",
                "\u201cEvery town on this coast has a role to play in keeping the ferries "
                "running through the winter.\u201d",
            ],
            "Ines Carvalho",
        ),
    ],
)
def test_titles_degrees_and_introductions(paragraphs, speaker):
    assert quotations(paragraphs)[0][1] == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                "Indiana Governor Maria Lopez signed the harbour bill on Monday.",
                "\u201cThis law protects every family on the coast,\u201d the Indiana "
                "governor said.",
            ],
            "Maria Lopez",
        ),
        (
            [
                "Maria Lopez, the governor of Indiana, signed the harbour bill on Monday.",
                "\u201cThis law protects every family on the coast,\u201d the governor told "
                "reporters.",
            ],
            "Maria Lopez",
        ),
        (
            [
                "Harbour master Ola Strand, 70, retired on Friday.",
                "\u201cI have seen every storm since 1975 and this was the worst,\u201d the "
                "70-year-old said.",
            ],
            "Ola Strand",
        ),
        (  # no one was introduced as the governor: nobody is named
            [
                "Maria Lopez signed the harbour bill on Monday.",
                "\u201cThis law protects every family on the coast,\u201d the governor told "
                "reporters.",
            ],
            None,
        ),
    ],
)
def test_a_description_is_the_person_the_story_introduced_so(paragraphs, speaker):
    assert quotations(paragraphs)[0][1] == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (  # "States" in a name is no speech verb
            [
                "United States President Maria Lopez said \u201cthe harbour bill protects "
                "every family on the coast.\u201d"
            ],
            "Maria Lopez",
        ),
        (  # the agent of a passive verb of speech
            [
                "Harbour master Ola Strand opened the quay.",
                "The new quay was praised by Strand as \u201cthe best thing this town has "
                "built in a century.\u201d",
            ],
            "Ola Strand",
        ),
        (  # the one quoted, not the outlet quoting
            [
                "\u201cWe do not need new ferries while the ban stays,\u201d the Fjord Weekly "
                "quoted Ola Strand as saying."
            ],
            "Ola Strand",
        ),
        (  # a person, then descriptions, after a lead-in
            [
                "On the night shift, Ola Strand, chairperson of Local 12, Harbour Workers "
                "union said \u201cThere is a lot of anger here today, and it will not go "
                "away.\u201d"
            ],
            "Ola Strand",
        ),
        (  # a statement on an organisation's website
            [
                "A statement on Nordline Ferries' website, which shows the text "
                "\u201cClosed for winter\u201d, states: \u201cWe have lost a captain and a "
                "friend, and the crossing will not be the same.\u201d"
            ],
            "Nordline Ferries",
        ),
        (  # a description with a lower-case word in it
            [
                "Stock markets rose after harbour chief Ola Strand spoke on Friday.",
                "Addressing a conference in Bergen, the harbour chief said that \u201cthe "
                "prospects for the winter crossings appear good.\u201d",
            ],
            "Ola Strand",
        ),
        (  # a title the story gave a name, used alone later
            [
                "Surgeon General Mira Lund M.D. urged ferry crews to carry first-aid kits.",
                "\u201cEvery crossing needs a kit on board, and every crew needs the training "
                "to use it,\u201d the Surgeon General said.",
            ],
            "Mira Lund",
        ),
        (  # the words of a title that runs on up to the name
            [
                "\u201cWe will keep every harbour open through the storm season,\u201d said "
                "Assistant Secretary for Harbours and Ferries Ola Strand M.D."
            ],
            "Ola Strand",
        ),
        (  # an agency's acronym and a job after the name, credited with a dash
            [
                "\u201cThe review of the ferry contracts will be finished before the winter "
                "timetable starts.\u201d\u2014Ingrid Dahl HFA Spokesperson"
            ],
            "Ingrid Dahl",
        ),
    ],
)
def test_more_attributions_from_real_news(paragraphs, speaker):
    assert quotations(paragraphs)[0][1] == speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        # an outlet quoting an unnamed aide
        "Fjord Weekly quotes a \u201charbour aide\u201d as saying: \u201cThe bill ignores "
        "every study of the crossing and decides the outcome before the review.\u201d",
        # an anonymous source inside a ministry is not the ministry
        "A source within the Harbour Ministry reportedly said \u201cI have been told "
        "to keep the figures quiet until the review is over.\u201d",
    ],
)
def test_someone_unnamed_inside_a_body_names_nobody(paragraph):
    assert quotations([paragraph])[0][1] is None


def test_a_speech_verb_in_an_aside_is_not_the_attribution():
    from newsdigest.core.quotes.attribute import _in_aside

    text = "He hoped for “an America that makes things,” (what Lund once testified) again."
    [quote] = find_quotes([text])
    assert _in_aside(text, text.index("testified"), quote)
    assert not _in_aside(text, text.index("hoped"), quote)


def test_a_paragraph_long_quote_after_a_quote_is_by_its_speaker_not_a_name_inside_it():
    found = quotations(
        [
            "\u201cThe new timetable adds two crossings a day. Mayor Karin Vold asked for "
            "it and the harbour board agreed,\u201d said harbour master Ola Strand.",
            "\u201cIt will cost the town nothing in the first year, and the ferry company "
            "will pay for the extra crews.\u201d",
        ]
    )
    assert [speaker for _text, speaker, _kind in found] == ["Ola Strand", "Ola Strand"]


# --- found on the Wikinews articles of 2019 and 2020 (sentences written for the tests) ---


@pytest.mark.parametrize(
    "paragraphs, speaker",
    [
        (  # a description, then the name, before the verb
            [
                "The study's lead author, doctoral candidate Ana Lima, said, \u201cWe mapped "
                "every ferry route on the coast and measured the fumes on each of them.\u201d"
            ],
            "Ana Lima",
        ),
        (  # a lead-in, the name, its group in quotation marks, a description
            [
                'Calling it "a cheap trick", Ola Strand of "Fair Ferries", a passengers\' '
                'group, told the Fjord Weekly "the company ignored every complaint for a '
                'whole year".'
            ],
            "Ola Strand",
        ),
        (  # a participle with where and when before the quote
            [
                "Harbour master Ola Strand closed the quay on Friday.",
                "Strand took to social media, posting at 9:15 am local time (0815 UTC) on "
                'Twitter, "We will reopen the quay tomorrow morning, weather permitting."',
            ],
            "Ola Strand",
        ),
        (  # the name after the verb, between a short quote and its continuation
            [
                "Harbour master Ola Strand spoke after the storm.",
                '"We stand ready" tweeted Strand "to send every boat we have to the island."',
            ],
            "Ola Strand",
        ),
        (  # a web address in the words before the verb
            [
                "Harbour Institute director Ana Lima, in remarks to Fjord.no, said, \u201cThe "
                "water has never been this warm in spring.\u201d"
            ],
            "Ana Lima",
        ),
        (  # "alleged" reports speech
            [
                "Ola Strand, of the harbour council, counted the cancelled crossings.",
                "Strand also alleged the ferry company was \u201chiding the true number of "
                "cancelled crossings from its passengers\u201d.",
            ],
            "Ola Strand",
        ),
        (  # "Speaking to X, he said": X only listened
            [
                "Harbour master Ola Strand accepted the blame for the closure.",
                "Speaking to Marta Lindqvist of the Fjord Weekly, he said, \u201cIt happened on my "
                "watch, and I take all the responsibility for it.\u201d",
            ],
            "Ola Strand",
        ),
        (  # "Name of the Body … told those gathered"
            [
                '"Bringing the boats back here is going to heal this town[,]" Ana Lima of '
                "the Harbour Museum education office told those gathered."
            ],
            "Ana Lima",
        ),
        (  # "read the statement": whoever the story said issued it
            [
                "On Friday, the Harbour Safety Board released a statement about the fire.",
                '"No crew members were hurt in the fire," read the statement.',
            ],
            "Harbour Safety Board",
        ),
        (  # "Name of The Paper told the radio": the person, not the paper
            [
                "Ana Lima of The Fjord Times told the radio, \u201cThe harbour master had "
                "been warned a year ago about the state of the quay.\u201d"
            ],
            "Ana Lima",
        ),
        (  # a sentence that opens "According to X," is X's
            [
                "According to Fjord Weekly editor Marta Lindqvist, the ferry campaign was "
                "able to tap into the public mistrust after the crash and \u201creally "
                "hammer home its message.\u201d"
            ],
            "Marta Lindqvist",
        ),
        (  # a lead-in before the sentence's subject and its participle
            [
                "Harbour master Ola Strand lost the vote to Marta Lindqvist.",
                "Following the announcement of Lindqvist's win, Strand issued a statement at "
                "his office saying, \u201cThe simple fact is this count is far from "
                "over.\u201d",
            ],
            "Ola Strand",
        ),
        (  # "calling it" is the subject's own words
            [
                "Ola Strand, the harbour master, spoke out against the plan, calling it "
                "\u201can attack on every family that lives by the sea\u201d."
            ],
            "Ola Strand",
        ),
        (  # "X called it …, according to the paper": X, not the paper
            [
                "Mayor Karin Vold met the harbour board on Monday.",
                "Vold called the plan a \u201cbetrayal of every worker in this town,\u201d "
                "according to Fjord Weekly.",
            ],
            "Karin Vold",
        ),
        (  # the subject of the clause before a colon, not a name inside it
            [
                "In a statement released after the storm, the Harbour Safety Board "
                "defended the closure, which was approved by Mayor Karin Vold, as "
                "\u201cnecessary\u201d: \u201cWe closed the quay to protect the crews and "
                "their families.\u201d"
            ],
            "Harbour Safety Board",
        ),
        (  # "according to a tweet … by X"
            [
                "\u201cThe ferry line moves cargo nobody will name across the whole "
                "coast,\u201d according to a tweet on Monday evening by Harbour and Ferries "
                "Secretary Ola Strand."
            ],
            "Ola Strand",
        ),
        (  # "The summary of the decision read": the court that ruled
            [
                "On Tuesday, the Fjord Appeal Court issued a ruling on the harbour fees.",
                "The summary of the decision read in part: \u201cThe fees were unlawful, "
                "void and of no effect, and they must be repaid.\u201d",
            ],
            "Fjord Appeal Court",
        ),
        (  # the agent of a passive verb, before the subject of "was described"
            [
                "Bishop Ola Strand died on Sunday.",
                "Strand was described by the HCB as \u201ca strong voice for the coast in "
                "a region threatened by mining.\u201d",
            ],
            "HCB",
        ),
        (  # an adverb between the name and the verb
            [
                "In a statement, the harbour master, Ola Strand, said the quay would close.",
                "Strand also asked people to \u201cplease keep away from the water until "
                "the storm has passed\u201d.",
            ],
            "Ola Strand",
        ),
        (  # a job after an organisation with a comma in its name, then the name
            [
                "\u201cShe was the best scientist I have ever known,\u201d said University "
                "of Fjordland, Bergen's chancellor, Ola Strand."
            ],
            "Ola Strand",
        ),
        (  # "X's partner Y": Y, not X
            [
                "\u201cHeartbroken and numb,\u201d writes Strand's longtime rowing partner "
                "Karin Vold on Instagram."
            ],
            "Karin Vold",
        ),
        (  # an organisation's press release
            ["\u201cHe was respected and loved in every way,\u201d reads an HFA press release."],
            "HFA",
        ),
        (  # a first name after a family word
            [
                "Harbour master Ola Strand died on Monday at the age of 101.",
                'His wife Mary said "We thought he would live forever, and his legacy '
                'will be the sea."',
            ],
            "Mary",
        ),
        (  # "went on to add"
            [
                '"The boats are safe," said harbour master Ola Strand. He went on to add '
                '"The exceptions to the rule are the old wooden ferries in the north."'
            ],
            "Ola Strand",
        ),
        (  # "the president" after "President of Norland Ola Strand"
            [
                "President of Norland Ola Strand opened the new bridge on Sunday.",
                "The president had previously called it \u201ca matter of public safety\u201d.",
            ],
            "Ola Strand",
        ),
        (  # after a lead-in with quoted words and no comma; a title after the job
            [
                "The plan was criticised by archbishop Monsenor Ola Strand.",
                'Calling it a "culture of waste" the archbishop said "We need to pray so '
                'that the town chooses the sea over the car."',
            ],
            "Ola Strand",
        ),
        (  # "the commission" named in full before
            [
                "The Fjordland Ferry Safety Commission cancelled the second inspection.",
                "In an official statement, the commission said, \u201cIt is now apparent "
                "there will be no inspection on Friday.\u201d",
            ],
            "Fjordland Ferry Safety Commission",
        ),
        (  # "as X put it"
            [
                "For four days traffic \u201cground to a halt\u201d \u2014 as the Harbour "
                "Court decision put it \u2014 at the old bridge."
            ],
            "Harbour Court",
        ),
        (  # a chancellor's spokesperson, not the chancellor
            [
                "Chancellor Karin Vold's spokesperson, Ola Strand, said it is possible "
                "\u201cthat this ferry carries goods that affect our security.\u201d"
            ],
            "Ola Strand",
        ),
    ],
)
def test_attributions_found_on_newer_wikinews(paragraphs, speaker):
    assert quotations(paragraphs)[0][1] == speaker


def test_a_straight_mark_after_a_nested_quote_and_a_space_closes_it():
    paragraphs = [
        "Lawyer Ola Strand said: \"If I saw a contract like this, I'd think, 'Wow, they "
        "are open about it.' \"",
        '"The only answer is that the board wants him gone," tweeted Karin Vold.',
    ]
    quotes = find_quotes(paragraphs)
    assert [(q.paragraph, q.continues_previous) for q in quotes] == [(0, False), (1, False)]


@pytest.mark.parametrize(
    "paragraphs, speakers",
    [
        (  # he in a sentence after a name is not that name
            [
                "According to Mayor Karin Vold, Ola Strand had a licence for the boat he used.",
                "Vold said at a press conference the rules should change. She said, \u201cWe "
                "will change the rules before the summer season starts.\u201d",
            ],
            ["Karin Vold"],
        ),
        (  # a new speaker before a quote starts a new quotation
            [
                '"Thank you for the help this winter," wrote Marta Lindqvist on Twitter. Ola '
                'Strand wrote, "Congratulations to the crews on a long, hard winter."'
            ],
            ["Marta Lindqvist", "Ola Strand"],
        ),
        (  # a quote in a sentence of its own is a new quotation
            [
                "Mayor Karin Vold opened the inquiry.",
                '"The council is moving forward with the review," she announced. Specifically, '
                "she was directing six of the board's committees to \"proceed with their "
                'investigations under the umbrella" of the review.',
            ],
            ["Karin Vold", "Karin Vold"],
        ),
        (  # he added is the one just quoted not a name in his sentence
            [
                "Mayor Karin Vold refused the resignation of harbour master Ola Strand.",
                "Strand resigned on Wednesday. He said Vold is \u201ca model of honesty for "
                "me\u201d; however, \u201cto remove any doubt, I wrote a resignation letter\u201d, "
                "he added.",
            ],
            ["Ola Strand", "Ola Strand"],
        ),
        (  # a surname with a particle is the full name
            [
                "Ana de Souza, the mayor of Porto Alegre, left the race on Friday.",
                "Mayor de Souza, a member of the council, spoke on Fjord Radio's morning show "
                "Harbour Talk when she made the announcement: \u201cI have given all I can to "
                "this race, and it is not my time.\u201d",
            ],
            ["Ana de Souza"],
        ),
        (  # quoted as saying two parts is one quotation
            [
                'Fjord Weekly quoted Ola Strand, a former harbour master, as saying "the port '
                'has a big role in the rescue plan" and "[i]f there is a storm, the port must '
                'be ready."'
            ],
            ["Ola Strand"],
        ),
        (  # she after someone only described is not the last name
            [
                'Lawyer Karin Vold told reporters "my client is relieved and glad it is over."',
                'The head of the harbour inquiry told the court "Basic checks were not done." '
                'She also said "I regret we were not called at once to the quay."',
            ],
            ["Karin Vold", None, None],
        ),
        (  # described as one thing who was another is one quotation
            [
                'Museum director Karin Vold said "Strand has been a treasure for the town." '
                'She described him as "a guiding force for eighty years" who was "one of the '
                'most honoured sailors in the world" and "always curious about the sea."'
            ],
            ["Karin Vold", "Karin Vold"],
        ),
        (  # the health minister is not the aviation minister
            [
                "Aviation Minister Ola Strand said the airport would reopen on Friday.",
                'The local health minister said, "The injured have been taken to the two '
                'hospitals nearest the airport."',
            ],
            [None],
        ),
    ],
)
def test_the_speaker_of_every_quotation(paragraphs, speakers):
    assert [speaker for _text, speaker, _kind in quotations(paragraphs)] == speakers


@pytest.mark.parametrize(
    "paragraphs, speakers",
    [
        (  # "went on to add" after a surname
            [
                "According to harbour historian Karin Vold, \u201cThe ferries carried more "
                "people in 1950 than they do today.\u201d Vold went on to add, \u201cThe "
                "tunnel changed the town for good, and not only for the better.\u201d"
            ],
            ["Karin Vold", "Karin Vold"],
        ),
        (  # a surname alone, for a whole name the model took for something else
            [
                "The mayor of the region, Halvard Eikrem, expressed his sadness.",
                "Eikrem tweeted, \u201cI announce with sadness the loss of my friend and "
                "colleague of many years.\u201d",
            ],
            ["Halvard Eikrem"],
        ),
        (  # a name before "from the … camp"
            [
                "Marta Lindqvist from the pro-harbour camp said in a press conference: "
                "\u201cThe behaviour of my colleagues in the chamber today was a disgrace "
                "to the town.\u201d"
            ],
            ["Marta Lindqvist"],
        ),
        (  # verbs: reacted, informed, pointed out
            [
                "Ola Strand reacted on Twitter, \u201cSad news today, I remember sailing with "
                "him very early on in the old harbour.\u201d"
            ],
            ["Ola Strand"],
        ),
        (  # a long attribution between two parts: one quotation
            [
                "\u201cNow we see a new process at work,\u201d said co-author Ana Lima of "
                "the Fjord University's Institute for Research in Coastal Sciences (IRCS). "
                "\u201cLike scoring a plate of glass, the current renders the shelf weak.\u201d"
            ],
            ["Ana Lima"],
        ),
        (  # the subject after "According to its press release,"
            [
                "According to its press release, the Fjord Ferry Board was \u201csuspending "
                "all crossings until further notice after the storm.\u201d"
            ],
            ["Fjord Ferry Board"],
        ),
        (  # a relative clause names its own subject
            [
                "Ana Lima wrote the 2009 novel Saltwater, which the Fjord Weekly called "
                "\u201cthe wettest book ever written by a harbour master.\u201d"
            ],
            ["Fjord Weekly"],
        ),
        (  # a participle of its own after a quote starts a new quotation
            [
                "Senator Ola Strand remarked, \u201cIt has been a long, hard fight for all of "
                "us,\u201d further remarking, \u201cThe town has said it is time to change "
                "the rules.\u201d"
            ],
            ["Ola Strand", "Ola Strand"],
        ),
        (  # "The Fjord professor added": no one called The Fjord
            [
                "\u201cWarm water is attacking the quay from below,\u201d said co-author "
                "Karin Vold. The Wooster professor added, \u201cBut exactly how much, we "
                "do not yet know.\u201d"
            ],
            ["Karin Vold", None],
        ),
    ],
)
def test_attributions_found_on_a_fifth_round_of_wikinews(paragraphs, speakers):
    assert [speaker for _text, speaker, _kind in quotations(paragraphs)] == speakers


@pytest.mark.parametrize(
    "paragraphs, speakers",
    [
        (  # a platform carries the words and is never the speaker
            [
                "Mayor Karin Vold, who hired the harbour master in 2017, responded to his "
                "letter on Twitter, calling for a review \u201cin the best interests of the "
                "whole town\u201d."
            ],
            ["Karin Vold"],
        ),
        (  # the name before a long appositive, the model's company or not
            [
                "In a statement, Marta Lindqvist Strand, his wife and the chair of the "
                "Harbour Green Party, said he \u201cworked until his very last breath\u201d."
            ],
            ["Marta Lindqvist Strand"],
        ),
        (  # a well-known organisation the model did not mark
            [
                "Facebook released a statement which read, in part, \u201cThis judgment "
                "raises critical questions around freedom of expression.\u201d Facebook "
                "further claimed, \u201cIt undermines a long-standing principle.\u201d"
            ],
            ["Facebook", "Facebook"],
        ),
        (  # the verb first, then the speaker
            [
                "Remarked harbour scientist Karin Vold, \u201cThis reprieve is a thank-you "
                "from the birds to everyone who planted trees.\u201d"
            ],
            ["Karin Vold"],
        ),
        (  # one subject, two verbs
            [
                "Local actor Ola Strand was on hand. He then approached a director and "
                "said, \u201cI want you to make a pure horror movie.\u201d"
            ],
            ["Ola Strand"],
        ),
        (  # the agent of a passive verb, not its subject
            [
                "President Karin Vold flew to the town. In a meeting that day she was told "
                "by Harbour Minister Ola Strand of \u201cpresumably between 36 and 40 people "
                "under the rubble\u201d."
            ],
            ["Ola Strand"],
        ),
        (  # "with X describing": X speaks
            [
                "Harbour Minister Ola Strand visited the quay.",
                "Rescue work was suspended on Tuesday, with Strand describing the \u201creal "
                "threat of another part of the quay collapsing\u201d.",
            ],
            ["Ola Strand"],
        ),
        (  # "the party" is the story's one party
            [
                "The Harbour Green Party withdrew its candidate on Saturday.",
                "\u201cThe Harbour Green Party complies with the royal command,\u201d the "
                "party informed the press.",
            ],
            ["Harbour Green Party"],
        ),
        (  # a person introduced by name
            [
                "A university student named Wong said, \u201cEven though the weather was "
                "so bad, Hong Kong people never back down.\u201d"
            ],
            ["Wong"],
        ),
    ],
)
def test_attributions_found_on_a_sixth_round_of_wikinews(paragraphs, speakers):
    assert [speaker for _text, speaker, _kind in quotations(paragraphs)] == speakers


def test_a_long_description_a_speaker_called_something_is_a_quotation():
    paragraph = (
        "Which the Fjord Weekly called \u201cthe wettest book ever written by a harbour "
        "master.\u201d A town called \u201cthe end of the road\u201d waits."
    )
    first, second = find_quotes([paragraph])
    assert not is_scare_quote(first, paragraph)
    assert is_scare_quote(second, paragraph)  # short, or a name: still a term


@pytest.mark.parametrize(
    ("paragraph", "scare"),
    [
        ('The town is governed under the "one harbour, two ferries" model.', True),
        ('Its "never again, never ever" policy stands.', True),
        ('She called it a "breach of all our harbour rules," according to Fjord Radio.', False),
        ('He called it the "worst winter in many years" and left.', False),
    ],
)
def test_quoted_words_before_a_noun_name_a_kind_of_thing(paragraph, scare):
    [quote] = find_quotes([paragraph])
    assert is_scare_quote(quote, paragraph) is scare


@pytest.mark.parametrize(
    ("name", "cue", "listens"),
    [
        ("Martin Smith", "Speaking to Martin Smith of PBS, he said", True),
        ("Jon Huber", "writes Huber's longtime tag team partner Erick Rowan", True),
        ("Jon Huber", "Huber said", False),
        ("PC World", "PC World's recent analysis of its own traffic concluded", False),
        ("Fjord Weekly", "according to Fjord Weekly", False),
        ("Ann Roe", "Ann Roe told Fjord Radio", False),
        ("Ann Roe", "he said in an interview with Ann Roe", True),
    ],
)
def test_a_name_in_the_cue_only_as_listener_or_owner_is_no_speaker(name, cue, listens):
    from newsdigest.core.quotes.attribute import Speaker, _only_listens

    kind = "organization" if name.endswith(("World", "Weekly")) else "person"
    assert _only_listens(Speaker(name, kind), cue) is listens


@pytest.mark.parametrize(
    "paragraphs, speakers",
    [
        (  # a whole short sentence right after the verb
            [
                "Harbour Minister Ola Strand said \u201cWe couldn\u2019t win,\u201d and the "
                "town flag is at half-mast."
            ],
            ["Ola Strand"],
        ),
        (  # "One of these groups, the X (X), … said"
            [
                "Several unions backed the ferry. One of these groups, the Fjord Dock "
                "Workers Union (FDWU), opposed the closure and said it was given "
                "\u201cassurances from the council that it would not sell the quay.\u201d"
            ],
            ["Fjord Dock Workers Union"],
        ),
        (  # verbs beyond "said": defended, spoke, thanked
            [
                "Harbour master Ola Strand, also on Twitter, defended his decision, "
                "\u201cAs I have stated before, the quay must close for the winter.\u201d",
                "Senator Karin Vold spoke on Fjord Radio, \u201cThis is going to cost the "
                "town its ferry.\u201d",
                "The mayor of Fjordby, Mette Lund, thanked \u201cthe lifeboat crews and the "
                "coast guard for their swift and courageous response\u201d.",
            ],
            ["Ola Strand", "Karin Vold", "Mette Lund"],
        ),
        (  # the owner of the words the sentence introduces
            [
                "Mayor Karin Vold posted twice on Monday.",
                "Part of Vold\u2019s tweet included the statement, \u201cwhen the tide "
                "rises, the whole town rises.\u201d",
            ],
            ["Karin Vold"],
        ),
        (  # after a quote that ends "[.]", the next sentence attributes the next quote
            [
                "Harbour expert Karin Vold said the name would place \u201ca tremendous "
                "burden on the people of the town[.]\u201d She went on to say, \u201cPeople "
                "tend to think of the town as the place where the ferry sank.\u201d"
            ],
            ["Karin Vold", "Karin Vold"],
        ),
        (  # ... and a sentence after such a quote does not attribute it
            [
                "Harbour scientist Ola Strand told the press in a separate interview, "
                "\u201cBoats with a foreign flag have always been blamed for the oil[.]\u201d "
                "As of Tuesday there had been reports of boats turned away."
            ],
            ["Ola Strand"],
        ),
        (  # the cue is read whole, not its first 80 characters; "Ola S." is "Ola"
            [
                "Fjord News reached out to Ola S., one of the maintainers of the harbour "
                "timetable app, however Ola said he \u201cwon\u2019t give any comments at "
                "this time\u201d."
            ],
            ["Ola S."],
        ),
        (  # the one interviewing is not the speaker
            [
                "Some of the protesters Fjord News interviewed said they had come to "
                "\u201cdefend our children\u2019s right to fish in the fjord\u201d."
            ],
            [None],
        ),
        (  # a job's field the model took for a name names nobody
            [
                "The Tory Shadow Harbour Secretary has criticized the plan as a \u201cnew "
                "nanny state approach to the quay\u201d."
            ],
            [None],
        ),
    ],
)
def test_attributions_found_on_a_seventh_round_of_wikinews(paragraphs, speakers):
    assert [speaker for _text, speaker, _kind in quotations(paragraphs)] == speakers


def test_words_quoted_from_someone_outside_the_story_do_not_lead_the_next_quote():
    found = quotations(
        [
            "The builders learned more from failed boats than good ones, citing the Ola "
            "Strand quote that \u201cevery builder has thousands of bad hulls,\u201d and "
            "that you have to work through them. They\u2019re \u201clike sticking your hand "
            "in an oven.\u201d"
        ]
    )
    assert [speaker for _text, speaker, _kind in found] == ["Ola Strand", None]


@pytest.mark.parametrize(
    "paragraph",
    [
        'Protesters carried a banner from Harbour Vote saying "put it to the people".',
        "The committee named the new ferry that replaces it \u201charbour express "
        "number two\u201d (HE2).",
    ],
)
def test_words_on_a_sign_and_a_name_given_are_not_quotations(paragraph):
    [quote] = find_quotes([paragraph])
    assert is_scare_quote(quote, paragraph)


@pytest.mark.parametrize(
    "paragraphs, speakers",
    [
        (  # praise and blame "as": the one who lauds speaks
            [
                "Mayor Ola Strand lauded the skipper as a \u201cpowerful voice of the "
                "harbour.\u201d Karin Vold hailed the deal as the \u201cdawn of a new ferry "
                "age.\u201d"
            ],
            ["Ola Strand", "Karin Vold"],
        ),
        (  # "opines"
            [
                "\u201cThe quay can probably rest easy this winter\u201d, Ola Strand opines, "
                "\u201cthe ferry will not be blocked.\u201d"
            ],
            ["Ola Strand"],
        ),
        (  # a campaign speaks as a body, not as its candidate
            [
                "The Strand campaign described Karin Vold as \u201cjust another harbour "
                "insider who loved the ferry until it cost her money\u201d."
            ],
            ["Strand campaign"],
        ),
        (  # "I" in someone's own words, no one named near it: no speaker
            [
                "Three candidates gave their final plea to voters: Ola Strand, Karin Vold "
                "and Mette Lund.",
                "Mette Lund",
                "I am counting on the fishermen because they know I am the real deal.",
                "To the fishermen stuck with a council that closed the quay, I say, "
                "\u201cThere is a real party of boats and harbours.\u201d",
            ],
            [None],
        ),
        (  # a sentence that opens with someone else does not go on with the last speaker
            [
                "Ola Strand said the ferry was \u201cnever coming back to this town.\u201d "
                "Karin Vold held her first rally at the quay, where she stood by her "
                "father\u2019s boat, crying \u201cI almost lost my father that night!\u201d"
            ],
            ["Ola Strand", None],
        ),
        (  # the outlet that reported an unnamed source's words is not their speaker
            [
                "According to Fjord Radio, a spokesman for the harbour office expressed "
                "disappointment and said it would appeal; \u201cThe town needs a strong "
                "plan for the quay. Closing it is the legal way of delivering this.\u201d"
            ],
            [None],
        ),
    ],
)
def test_attributions_found_on_the_long_wikinews_articles(paragraphs, speakers):
    assert [speaker for _text, speaker, _kind in quotations(paragraphs)] == speakers


@pytest.mark.parametrize(
    "paragraph",
    [
        "The 14th Amendment states: \u201call persons born in the harbour towns are "
        "citizens of the harbour.\u201d",
        "Article 2, Section 1 sets the rule for harbour masters: \u201cNo person except a "
        "natural born fisher shall be eligible.\u201d",
        "At the quay they held a sign that read \u201cNo Ferry.\u201d",
        "The Harbour Act prohibits grants from being spent \u201con boats that fish "
        "inside the protected bay.\u201d",
        "The rule keeps the statutory ban on funding \u201cany quay where ferries are "
        "repaired for profit.\u201d",
    ],
)
def test_the_wording_of_a_law_or_a_sign_is_no_quotation(paragraph):
    [quote] = find_quotes([paragraph])
    assert is_scare_quote(quote, paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Under Article 5, the alliance\u2019s chief says: \u201cAn attack on one harbour "
        "is an attack on all of them.\u201d",
        "A regulatory filing by the ferry company said \u201cthe quay will close for "
        "repairs in the spring.\u201d",
    ],
)
def test_someone_speaking_under_an_article_is_quoted(paragraph):
    [quote] = find_quotes([paragraph])
    assert not is_scare_quote(quote, paragraph)


@pytest.mark.parametrize(
    ("paragraph", "scare"),
    [
        (
            "As I was talking, I was thinking, \u201coh I should have said this, and that, and "
            "the other thing\u201d, but I forgot.",
            True,
        ),
        (
            "With a good sample we can say, \u201cyes this piece is a reindeer; we know "
            "that.\u201d",
            True,
        ),
        ("Some people say \u201coh it's because the ferry could never make money\u201d.", True),
        (
            "All our friends would say, \u201cHey, you'd get along with him really well.\u201d",
            False,
        ),
    ],
)
def test_thought_and_imagined_speech_are_not_quotations(paragraph, scare):
    [quote] = find_quotes([paragraph])
    assert is_scare_quote(quote, paragraph) is scare


def test_you_in_an_interviewers_question_is_the_one_who_answers():
    found = quotations(
        [
            "((WN)) On your website, you wrote \u201cthe quay is too precious to be used as a "
            "test lab for half-baked plans.\u201d What plans do you mean?",
            "((Karin Vold)) The ferry plans, mostly.",
            "((WN)) In your blog post, you had mentioned the town \u201cdid not necessarily "
            "need a second ferry at all\u201d. Why?",
            "((Karin Vold)) Because one is enough.",
        ]
    )
    assert [speaker for _text, speaker, _kind in found] == ["Karin Vold", "Karin Vold"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "A statement by Fjordline given by Fjordline spokesman Daniel Harper said “We are "
            "very disappointed and we will review our options once we have read the ruling.”",
            "Daniel Harper",
        ),
        (
            "A letter from the Harbour Trust signed by trust chairman Robert Ellis said “The "
            "quay will stay open to the public for as long as we run it.”",
            "Robert Ellis",
        ),
    ],
)
def test_a_person_the_parse_finds_speaking_wins_over_the_body_in_the_cue(paragraph, speaker):
    """Where the cue's pattern finds a body and the speech verb's subject names a
    person, the person speaks (first reads: it changed one speaker, rightly)."""
    [(_text, found, kind)] = quotations([paragraph])
    assert (found, kind) == (speaker, "person")


def test_two_speech_verbs_share_the_sentences_subject():
    paragraph = (
        "Ola Strand spoke at the quay on Monday. She noted that the ferry had been repaired "
        "after the storm that closed the harbour at Rye for most of the winter last year "
        "but also stressed that \u201cthe quay is not safe for passengers yet.\u201d"
    )
    [(_text, speaker, kind)] = quotations([paragraph])
    assert (speaker, kind) == ("Ola Strand", "person")


def test_a_long_attribution_between_two_parts_keeps_one_quotation():
    paragraph = (
        "\u201cThe report is a first step for the harbour\u201d said Working Group Chair "
        "Peter N. Hale M.D. associate professor Rye University School of Medicine and "
        "director of the Rye Harbour Lyme Disease Research Center. \u201cThe bottom line is: "
        "we need better ways to care for the fishermen.\u201d"
    )
    quotes = enriched([paragraph]).quotes
    assert len(quotes) == 2
    assert quotes[0].quotation == quotes[1].quotation
    assert quotes[1].speaker == quotes[0].speaker == "Peter N. Hale"


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Statement from the Harbour Trust on the Ferry Strike", "Harbour Trust"),
        ("Harbour Trust Statement on the Ferry Strike", "Harbour Trust"),
        ("Ferry Strike Ends After Three Weeks", None),
    ],
)
def test_a_statement_named_only_in_its_headline_is_its_authors(headline, speaker):
    paragraphs = [
        "\u201cThe Harbour Trust regrets the strike and will meet the crews on Monday to "
        "agree a new timetable for the winter.\u201d",
        "The trust runs the ferries between Rye and the islands.",
    ]
    [quote] = enriched(paragraphs, headline).quotes
    assert quote.speaker == speaker
    assert (quote.attribution == "headline") == (speaker is not None)


@pytest.mark.parametrize(
    ("credit", "speaker"),
    [
        ("-- Harbour Trust spokesman Peter Hale", "Peter Hale"),
        ("\u2014 Mayor Ines Carvalho", "Ines Carvalho"),
        ("The ferries run again on Monday.", None),
    ],
)
def test_a_quoted_paragraph_is_credited_on_the_line_after_it(credit, speaker):
    paragraphs = [
        "\u201cThis morning the trust accepted the harbour master\u2019s resignation and "
        "thanks him for his service to the town.\u201d",
        credit,
    ]
    [quote] = enriched(paragraphs).quotes
    assert quote.speaker == speaker


def test_a_speaker_made_of_words_the_story_writes_in_lower_case_is_no_one():
    # the model reads "Pricing Reform" as a person; the story writes "pricing reform"
    [(_, speaker, _)] = quotations(
        [
            'The Secretary for Drug Pricing Reform stated, "We will move quickly." '
            "Drug pricing reform has stalled."
        ]
    )
    assert speaker is None
    [(_, speaker, kind)] = quotations(
        ['Mara Quint stated, "We will move quickly." Drug pricing reform has stalled.']
    )
    assert (speaker, kind) == ("Mara Quint", "person")
