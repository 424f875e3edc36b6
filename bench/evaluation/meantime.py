"""The MEANTIME corpus (NewsReader): 120 English Wikinews articles on Airbus and Boeing,
Apple, the car makers and the stock markets, with every entity mention annotated by
hand (type, and a DBpedia link), read from the NAF files of D2KLab/relink's ``GOLD/``.

The NAF files hold the text as tokens and sentences (paragraph breaks were lost), so
an article is rebuilt here: tokens joined back as they were written ("Boeing 's" →
"Boeing's", ```` `` ```` → “), one paragraph per sentence, except that a quotation still
open at a sentence's end keeps the next sentence in its paragraph. The headline and
the dateline (the first two sentences) are not paragraphs: the headline is given to
the system as the story's headline, as a build gives it.

The gold tags of an article (``GoldEntity``, as ``evaluation.entities`` scores them):
its entities of type PER, ORG and LOC that some mention names (a mention of capitalised
words, or a capitalised run at the end of a description: "European aircraft
manufacturer, Airbus" names "Airbus"). Mentions of one DBpedia resource are one
entity. Products, financial terms and mixed entities (PRO, FIN, MIX) are entities a
tag must not be given to.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path
from urllib.parse import unquote

from evaluation.corpus import Article, list_at_commit, read_at_commit
from evaluation.entities import GoldEntity, normal

TOPICS = ("Airbus", "Apple", "GM", "Stock_Market")  # GOLD/aida_* is Reuters text: not used
TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "&", "'s", "'", "-", ",", "."})
_GLUED = re.compile(r"[.,;:!?%)\]]|'s|'S|n't|'re|'ve|'ll|'d|'m|'")


def meantime_ids(corpora: Path) -> list[str]:
    return [
        f"meantime:{path.removeprefix('GOLD/').removesuffix('.naf')}"
        for path in sorted(list_at_commit(corpora, "meantime", "GOLD/"))
        if path.endswith(".naf") and path.split("/")[1] in TOPICS
    ]


@cache
def _document(corpora: Path, article_id: str):
    text = read_at_commit(corpora, "meantime", f"GOLD/{article_id.partition(':')[2]}.naf")
    root = ElementTree.fromstring(text.encode("utf-8"))
    words = {
        wf.get("id"): (int(wf.get("sent")), html.unescape(wf.text or "")) for wf in root.iter("wf")
    }
    return root, words


def meantime_article(corpora: Path, article_id: str) -> Article:
    _root, words = _document(corpora, article_id)
    sentences: dict[int, list[str]] = {}
    for sentence, form in words.values():
        sentences.setdefault(sentence, []).append(form)
    texts = [join_tokens(tokens) for _n, tokens in sorted(sentences.items())]
    paragraphs: list[str] = []
    for text in texts[2:]:
        still_open = paragraphs and paragraphs[-1].count("“") > paragraphs[-1].count("”")
        if still_open:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    return Article(article_id, texts[0] if texts else "", tuple(paragraphs), "")


def join_tokens(tokens: list[str]) -> str:
    """Tokens back into text as written."""
    text = ""
    quote_open = False
    for token in tokens:
        if token == "``" or (token == '"' and not quote_open):
            text += (" " if text else "") + "“"
            quote_open = True
        elif token in ("''", '"'):
            text += "”"
            quote_open = False
        elif not text or text.endswith(("“", "(", "$", "[")) or _GLUED.fullmatch(token):
            text += token
        else:
            text += " " + token
    return text


def meantime_gold(corpora: Path, article_id: str) -> dict[str, GoldEntity]:
    root, words = _document(corpora, article_id)
    entities: dict[str, GoldEntity] = {}
    for element in root.iter("entity"):
        etype = TYPES.get(element.get("type") or "", "other")
        reference = next((ref.get("reference") for ref in element.iter("externalRef")), None)
        identity = None
        if reference and reference != "None":
            identity = unquote(reference.rsplit("/", 1)[-1]).replace("_", " ")
        for span in element.iter("span"):
            ids = [t.get("id") for t in span.iter("target") if t.get("id") in words]
            tokens = [words[i] for i in ids]
            if not tokens or any(sentence == 2 for sentence, _form in tokens):
                continue  # the dateline (the headline counts: the system reads it)
            if len(tokens) == 1 and ids[0] in _sentence_starts(words):
                continue  # "We", "Some", "Developers": capitalised only as a first word
            forms = _name_forms([form for _sentence, form in tokens], etype)
            if " and " not in (identity or "").lower():  # "GM and Chrysler": two entities
                forms = {form for form in forms if " and " not in form}
            if not forms and identity is None:
                continue
            key = f"{etype}:{identity or sorted(forms, key=len)[-1]}"
            entity = entities.setdefault(key, GoldEntity(key, etype, identity))
            entity.names |= forms
            entity.mentions += 1
    return _joined({key: entity for key, entity in entities.items() if entity.names})


def _joined(entities: dict[str, GoldEntity]) -> dict[str, GoldEntity]:
    """One entity per name and type: the annotators linked "Chrysler" to two DBpedia
    pages in one story, or left a mention unlinked."""
    joined: dict[str, GoldEntity] = {}
    by_name: dict[tuple[str, str], GoldEntity] = {}
    for key, entity in sorted(entities.items(), key=lambda item: -item[1].mentions):
        same = next(
            (by_name[(entity.etype, n)] for n in entity.names if (entity.etype, n) in by_name), None
        )
        if same is None:
            joined[key] = same = entity
        else:
            same.names |= entity.names
            same.mentions += entity.mentions
        for name in entity.names:
            by_name.setdefault((entity.etype, name), same)
    return joined


def _sentence_starts(words: dict[str, tuple[int, str]]) -> set[str]:
    starts, seen = set(), set()
    for word_id, (sentence, _form) in words.items():
        if sentence not in seen:
            seen.add(sentence)
            starts.add(word_id)
    return starts


def _name_forms(tokens: list[str], etype: str) -> set[str]:
    """The names a mention gives: all of it when its words are capitalised, and the
    capitalised run it ends with after a lower-case description; for a person, also
    each capitalised run of two words or more and the surname ("Spokeswoman Sandy
    Angers" gives "Sandy Angers" and "Angers")."""
    content = [t for t in tokens if t.lower() not in _CONNECTORS]
    forms = set()
    if content and all(t[:1].isupper() or t[:1].isdigit() for t in content):
        forms.add(normal(join_tokens(tokens)))
    run: list[str] = []
    for token in reversed(tokens):
        if token[:1].isupper() or (run and token.lower() in _CONNECTORS - {",", "."}):
            run.insert(0, token)
        else:
            break
    while run and run[0].lower() in _CONNECTORS:
        run.pop(0)
    if run and len(run) < len(tokens):
        forms.add(normal(join_tokens(run)))
    if etype == "person":
        for part in re.split(r"\s*,\s*|\s+(?:of|and|for|the)\s+", join_tokens(tokens)):
            names: list[str] = []
            for word in reversed(part.split()):  # the capitalised words it ends with
                if not word[:1].isupper():
                    break
                names.insert(0, word)
            for size in range(2, len(names) + 1):
                forms.add(normal(" ".join(names[-size:])))
            if len(names) >= 2:
                forms.add(normal(names[-1]))
    return {form for form in forms if form}
