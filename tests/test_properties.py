"""Properties of the text pipeline, checked on generated input with hypothesis."""

from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdigest.core.quotes import find_quotes
from newsdigest.core.story import CleanOptions, clean_story
from newsdigest.core.text.junk import DEFAULT_RULES, classify
from newsdigest.core.text.render import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    paragraphs_to_html,
    render_markdown,
)

QUOTEY = st.text(alphabet=st.sampled_from(list("ab cd.,’'\"“”‘—\n")), max_size=120)
PROSE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=1, max_codepoint=0x2FFF),
    max_size=200,
)
JUNK_OR_PROSE = st.one_of(
    PROSE,
    st.sampled_from(
        [
            "In Other News",
            "Load More",
            "Advertisement",
            "___",
            "Share this",
            "Read more",
            "The council met.",
            "“We will stay,” she said.",
        ]
    ),
)


@given(st.lists(JUNK_OR_PROSE, max_size=12))
def test_cleaning_never_drops_a_paragraph_no_rule_names(paragraphs):
    verdicts = classify(paragraphs, DEFAULT_RULES)
    assert len(verdicts) == len(paragraphs)
    for paragraph, verdict in zip(paragraphs, verdicts, strict=True):
        if verdict is not None:
            assert verdict.text == paragraph and verdict.rule  # removed, and says why


@given(st.lists(st.text(alphabet="abc .\n", min_size=1, max_size=40), min_size=1, max_size=8))
def test_every_body_paragraph_survives_cleaning(paragraphs):
    body = "\n\n".join(p for p in paragraphs)
    story = clean_story(f"Date: 2026-11-20\n\n{body}", "p.txt", CleanOptions(), markdown=False)
    kept = " ".join(story.paragraphs).split()
    removed = " ".join(r.text for r in story.removed).split()
    assert sorted(kept + removed) == sorted(body.split())


@given(st.lists(QUOTEY, min_size=1, max_size=6))
def test_every_quote_is_a_substring_of_its_paragraph(paragraphs):
    for quote in find_quotes(paragraphs):
        assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text
        assert quote.text


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


@given(st.lists(PROSE, max_size=5), st.one_of(st.none(), PROSE))
def test_plain_text_renders_to_only_its_own_markup(paragraphs, dateline):
    html = paragraphs_to_html(paragraphs, dateline)
    parser = Elements()
    parser.feed(html)
    assert {tag for tag, _ in parser.tags} <= {"p", "span"}
    assert all(attrs in ([], [("class", "dateline")]) for _, attrs in parser.tags)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_markdown_renders_to_allowed_markup_only(source):
    html, _paragraphs = render_markdown(source)
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
            assert name in allowed, (tag, name)
            if name in ("href", "src") and value:
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))


NUMBERS = st.sampled_from(
    [
        "29",
        "about 500",
        "three",
        "more than 3,000",
        "nearly 2 million",
        "12 million euros",
        "3.2%",
        "a couple of hundred",
        "2018",
    ]
)
NOUNS = st.sampled_from(["member countries", "bases", "troops", "ships", "samples", "homes"])
VERBS = st.sampled_from(
    [
        "The council counted",
        "Officials said there were",
        "The agency has",
        "The fund raised",
        "The plan adds",
    ]
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(VERBS, NUMBERS, NOUNS), min_size=1, max_size=4))
def test_every_fact_value_is_in_its_sentence(rows):
    from newsdigest.core.entities import extract_entities
    from newsdigest.core.facts import find_candidates
    from newsdigest.core.nlp import AnalysisConfig
    from newsdigest.core.nlp.config import analyzer_for

    paragraphs = [
        f"{verb} {number} {noun} in {2000 + i} after talks."
        for i, (verb, number, noun) in enumerate(rows)
    ]
    config = AnalysisConfig(capabilities=frozenset({"entities", "syntax"}))
    [analysis] = analyzer_for(config).analyse_here([(paragraphs, False)])
    for fact in find_candidates(analysis, extract_entities(analysis)):
        assert fact.value in fact.sentence
        assert fact.sentence in paragraphs[fact.paragraph]
