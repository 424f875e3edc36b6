"""The quotation dev set: the hand annotations parse, are big enough, and (where the
public corpus is on this machine) still point at the texts they were made on."""

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from evaluation.annotate import _LINE, build  # noqa: E402
from evaluation.quotes import Found, pull_quote_verdict, score, speaker_is_right  # noqa: E402

QUOTE_DATA = ROOT / "tests" / "data" / "quotes"
# Each annotation file and the article ids it may hold.
JUDGMENTS = {
    QUOTE_DATA / "judgments.txt": r"gum:GUM_(news|interview)_\w+",
    QUOTE_DATA / "judgments-wikinews-2004.txt": r"wikinews:\d+",
    QUOTE_DATA / "judgments-meantime.txt": r"meantime:(Airbus|Apple|GM|Stock_Market)/\S+",
    QUOTE_DATA / "judgments-hhs.txt": r"hhs:20(18|19)/\d+",
    QUOTE_DATA / "judgments-wikinews-2019.txt": r"wn:20(19|20)/\d+",
}
KINDS = {"person", "organization", "publication", "group"}


def blocks(path: Path | None = None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for judgments in [path] if path else JUDGMENTS:
        current = None
        for raw in judgments.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if line.startswith("=="):
                current = found.setdefault(line[2:].split()[0], [])
            elif line:
                current.append(line)
    return found


@pytest.mark.parametrize("path", list(JUDGMENTS), ids=lambda p: p.name)
def test_every_judgment_line_is_well_formed(path):
    for article, lines in blocks(path).items():
        assert re.fullmatch(JUDGMENTS[path], article)
        for line in lines:
            match = _LINE.match(line)
            assert match, f"{article}: {line!r}"
            if match.group("verdict") == "quote":
                fields = [f.strip() for f in match.group("rest").split("|")]
                assert fields[1] in KINDS, f"{article}: {line!r}"


def test_the_dev_set_is_two_hundred_articles_with_four_hundred_quotations():
    judged = blocks()
    quotations = sum(1 for lines in judged.values() for line in lines if " quote " in line)
    assert len(judged) >= 200
    assert quotations >= 400


def test_scoring_counts_matches_misses_and_wrong_speakers():
    gold = {
        "quotations": [
            {
                "parts": [[0, 1, 20, ""]],
                "speaker": "Ana Lima / Lima",
                "speaker_kind": "person",
                "named": True,
            },
            {
                "parts": [[1, 0, 30, ""]],
                "speaker": "officials",
                "speaker_kind": "group",
                "named": False,
            },
        ]
    }
    found = [
        Found([(0, 2, 20)], "Lima"),
        Found([(1, 5, 30)], "Ports officials"),
        Found([(2, 0, 9)], None),
    ]
    tally = score(found, gold, ["x" * 40] * 3, "test")
    assert (tally.found, tally.matched, tally.annotated) == (3, 2, 2)
    assert tally.figures()["precision"] == pytest.approx(2 / 3)
    assert tally.figures()["speaker_precision"] == 1.0
    assert not speaker_is_right("Ana Silva", gold["quotations"][0])


def test_a_pull_quote_is_right_only_as_a_real_quotation_by_the_speaker_shown():
    from newsdigest.core.quotes import Quote

    gold = {
        "quotations": [
            {"parts": [[0, 1, 20, ""]], "speaker": "Ana Lima / Lima", "speaker_kind": "person"}
        ]
    }

    def pulled(paragraph: int, start: int, end: int, speaker: str) -> str | None:
        quote = Quote("x" * (end - start), paragraph, start, end, speaker=speaker)
        return pull_quote_verdict(quote, gold)

    assert pulled(0, 1, 20, "Ana Lima") == "right"
    assert pulled(0, 3, 18, "Lima") == "right"  # most of the same words
    assert pulled(0, 1, 20, "Ola Strand") == "wrong speaker"
    assert pulled(1, 1, 20, "Ana Lima") == "no quotation"  # a stretch nobody annotated
    assert pull_quote_verdict(None, gold) is None  # the story shows none


@pytest.mark.skipif(
    not os.environ.get("NEWSDIGEST_CORPORA"),
    reason="NEWSDIGEST_CORPORA is not set: the annotated corpora are not on this machine",
)
@pytest.mark.parametrize("path", list(JUDGMENTS), ids=lambda p: p.name)
def test_annotations_still_fit_the_texts(path):
    from evaluation.annotate import misaligned
    from evaluation.corpus import CorpusMissing, load

    corpora = Path(os.environ["NEWSDIGEST_CORPORA"])
    try:
        gold = build(corpora, path)
    except CorpusMissing as missing:
        pytest.skip(str(missing))
    assert misaligned(gold, {article_id: load(corpora, article_id) for article_id in gold}) == []


# --- the entity dev set: GUM's annotations read and scored ----------------------------

# Our own sentence in GUM's CoNLL-U shape (the ten columns, Entity= in the last).
SAMPLE_CONLLU = re.sub(
    r" +",
    "\t",
    """\
1 Mayor mayor NOUN NN _ 3 nsubj _ Entity=(1-person-new-x-c-1-coref
2 Ines Ines PROPN NNP _ 1 flat _ _
3 Dahl Dahl PROPN NNP _ 0 root _ Entity=1)
4 visited visit VERB VBD _ 3 dep _ _
5 Oskarvik Oskarvik PROPN NNP _ 4 obj _ Entity=(2-place-new-x-c-1-coref-Oskarvik)|SpaceAfter=No
6 , , PUNCT , _ 5 punct _ _
7 Bangladeshis Bangladeshi PROPN NNPS _ 4 obj _ Entity=(3-person-new-x-c-1-coref)
8 and and CCONJ CC _ 9 cc _ _
9 the the DET DT _ 10 det _ Entity=(4-event-new-x-c-1-coref
10 Harbour Harbour PROPN NNP _ 11 compound _ _
11 Fair Fair PROPN NNP _ 4 obj _ Entity=4)
""",
)


def test_gold_entities_are_the_named_people_organisations_and_places():
    from evaluation.entities import gold_entities

    gold = gold_entities("# newpar\n# text = Mayor Ines Dahl visited Oskarvik.\n" + SAMPLE_CONLLU)
    assert (gold["1"].etype, gold["1"].names) == ("person", {"ines dahl", "dahl"})
    assert (gold["2"].etype, gold["2"].identity) == ("place", "Oskarvik")
    assert (gold["4"].etype, gold["4"].names) == ("event", {"harbour fair"})
    assert gold["3"].names == set()  # "Bangladeshis": a group of people, no tag


def test_letters_after_a_name_are_no_part_of_it():
    from evaluation.entities import gold_entities

    conllu = re.sub(
        r" +",
        "\t",
        """\
1 Ines Ines PROPN NNP _ 3 nsubj _ Entity=(1-person-new-x-c-1-coref
2 Dahl Dahl PROPN NNP _ 1 flat _ _
3 SC SC PROPN NNP _ 0 root _ Entity=1)
4 spoke speak VERB VBD _ 3 dep _ _
""",
    )
    gold = gold_entities("# newpar\n# text = Ines Dahl SC spoke\n" + conllu)
    assert {"ines dahl sc", "ines dahl"} <= gold["1"].names


def test_entity_scoring_counts_wrong_tags_second_names_and_kinds():
    from evaluation.entities import gold_entities, score_tags

    gold = gold_entities("# newpar\n" + SAMPLE_CONLLU)
    tally = score_tags(
        [
            ("Ines Dahl", "person", []),
            ("Dahl", "person", []),  # a second name for the same person
            ("Oskarvik", "organization", []),  # right entity, wrong kind
            ("Harbour Fair", "organization", []),  # an event
        ],
        gold,
        "sample",
    )
    assert (tally.tags, tally.gold, tally.matched_tags, tally.kind_right) == (4, 2, 2, 1)
    assert tally.figures() == {"precision": 0.5, "recall": 1.0, "kind_accuracy": 0.5}


DESK_ENTITIES = ROOT / "tests" / "data" / "entities" / "judgments-wikinews-2019.txt"


def test_the_news_desk_entity_set_is_seventy_two_articles_of_nine_hundred_tags():
    from evaluation.entities import judged_entities

    judged = judged_entities(DESK_ENTITIES.read_text(encoding="utf-8"))
    assert len(judged) == 72
    assert all(re.fullmatch(r"wn:20(19|20)/\d+", article) for article in judged)
    required = [e for entities in judged.values() for e in entities.values() if not e.optional]
    assert len(required) >= 900
    assert {e.etype for e in required} == {"person", "organization", "place"}


def test_judged_entities_read_kinds_other_names_and_optional_ones():
    from evaluation.entities import judged_entities, score_tags

    [gold] = judged_entities(
        "== wn:2019/1\n"
        "Ines Dahl | person | Dahl\n"
        "White House | place/organization\n"
        "?Twitter | organization  # a platform: neither right nor wrong\n"
    ).values()
    assert gold["Ines Dahl"].names == {"ines dahl", "dahl"}
    tally = score_tags(
        [
            ("Dahl", "person", []),
            ("White House", "organization", []),  # either kind is right
            ("Twitter", "organization", []),  # optional: not counted
            ("Oslo", "place", []),  # no such entity
        ],
        gold,
        "wn:2019/1",
    )
    assert (tally.tags, tally.matched_tags, tally.kind_right, tally.found_gold) == (3, 2, 2, 2)
    assert tally.gold == 2  # the optional entity is never missed
    with pytest.raises(ValueError, match="line 2"):
        judged_entities("== wn:2019/1\nInes Dahl | human\n")


@pytest.mark.skipif(
    not os.environ.get("NEWSDIGEST_CORPORA"),
    reason="NEWSDIGEST_CORPORA is not set: the annotated corpora are not on this machine",
)
def test_every_judged_entity_is_named_in_its_story():
    from evaluation.corpus import CorpusMissing, load
    from evaluation.entities import judged_entities, normal

    def words(text: str) -> str:  # "Brussels-based", "Afghanistan/Pakistan": the words
        return " " + " ".join(re.findall(r"\w+", normal(re.sub(r"[–—/]", " ", text)))) + " "

    corpora = Path(os.environ["NEWSDIGEST_CORPORA"])
    unnamed = []
    for article_id, entities in judged_entities(DESK_ENTITIES.read_text("utf-8")).items():
        try:
            article = load(corpora, article_id)
        except CorpusMissing as missing:
            pytest.skip(str(missing))
        text = words(" ".join((article.title, *article.paragraphs)))
        for entity in entities.values():
            if not any(words(name) in text for name in entity.names):
                unnamed.append(f"{article_id}: {entity.key}")
    assert unnamed == []


def test_meantime_tokens_are_joined_back_as_written():
    from evaluation.meantime import join_tokens

    tokens = ["``", "We", "'ve", "won", ",", "''", "said", "Boeing", "'s", "chief", "(", "CEO", ")"]
    assert join_tokens(tokens) == "“We've won,” said Boeing's chief (CEO)"
    assert join_tokens(["$", "15", "billion", "."]) == "$15 billion."


@pytest.mark.parametrize(
    ("tokens", "etype", "names"),
    [
        (["European", "aircraft", "manufacturer", ",", "Airbus"], "organization", {"airbus"}),
        (["Spokeswoman", "Sandy", "Angers"], "person", {"sandy angers", "angers"}),
        (["its"], "organization", set()),
        (["Qatar", "Airways"], "organization", {"qatar airways"}),
    ],
)
def test_meantime_mentions_give_the_names_they_contain(tokens, etype, names):
    from evaluation.meantime import _name_forms

    assert names <= _name_forms(tokens, etype)
    if not names:
        assert _name_forms(tokens, etype) == set()


@pytest.mark.skipif(
    not os.environ.get("NEWSDIGEST_CORPORA"), reason="NEWSDIGEST_CORPORA is not set"
)
def test_meantime_gold_reads_from_the_pinned_commit():
    from evaluation.corpus import CorpusMissing
    from evaluation.meantime import meantime_article, meantime_gold, meantime_ids

    corpora = Path(os.environ["NEWSDIGEST_CORPORA"])
    try:
        ids = meantime_ids(corpora)
    except CorpusMissing as error:
        pytest.skip(str(error))
    assert len(ids) == 120 and not any("aida" in i for i in ids)
    article = meantime_article(corpora, ids[0])
    gold = meantime_gold(corpora, ids[0])
    assert article.paragraphs and all("``" not in p for p in article.paragraphs)
    assert any(entity.etype == "organization" for entity in gold.values())


def test_wikitext_becomes_the_paragraph_a_reader_sees():
    from evaluation.corpus import wikitext_paragraph

    raw = (
        "{{Norway}}[[File:Quay.jpg|thumb|left|The quay]]{{byline|date"
        "The {{w|Harbour Board of Oslo|harbour board}} told [[w:Fjord Weekly|''Fjord Weekly'']]"
        " that [[Bergen]]'s ferries run &mdash; ''on time'' [http://example.org its report]"
        "<ref>a note</ref><!-- check -->."
    )
    assert wikitext_paragraph(raw) == (
        "The harbour board told Fjord Weekly that Bergen's ferries run — on time its report."
    )
    assert wikitext_paragraph("{{haveyoursay}}\n{publish}}\n{{archive}}") == ""


def test_a_middle_initial_does_not_make_a_speaker_wrong():
    gold = {"speaker": "Eric Hargan / Hargan", "speaker_kind": "person"}
    assert speaker_is_right("Eric D. Hargan", gold)
    assert not speaker_is_right("Eric Holcomb", gold)
