"""Fact candidates from the shared analysis: figures, years and spans, who, where.

A figure is a CARDINAL, MONEY, PERCENT or QUANTITY entity; the dependency parse says
what it counts ("29 member countries"), what it measures ("a budget of 210 million
euros"), or what changed by it ("container volumes fell 3.2%"). Hedges ("about",
"more than", "nearly") stay in the value. Every value is a stretch of one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdigest.core.entities.extract import Entity
from newsdigest.core.facts.parse import Parse
from newsdigest.core.nlp import Analysis, Span

FIGURE_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
HEDGES = (
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "just over",
    "just under",
    "approximately",
    "an estimated",
)
_HEDGE_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(HEDGES)})\s+)$", re.IGNORECASE)
VAGUE = re.compile(
    r"^(?:(?:about|some|over|nearly|more than)\s+)?(?:a few|few|several|many|hundreds|thousands"
    r"|dozens|millions|billions|tens of thousands|a couple(?: of \w+)?|a number|a handful"
    r"|one|two|half|a half|a third|a quarter|two thirds|three quarters)$",
    re.IGNORECASE,
)
CURRENCIES = frozenset(
    [
        "euro",
        "euros",
        "dollar",
        "dollars",
        "pound",
        "pounds",
        "yen",
        "yuan",
        "franc",
        "francs",
        "krona",
        "kronor",
        "krone",
        "kroner",
        "rupee",
        "rupees",
        "peso",
        "pesos",
        "real",
        "reais",
        "rand",
        "naira",
        "cedi",
        "cedis",
        "shilling",
        "shillings",
    ]
)
CHANGE_VERBS = {
    "rise": "Rise in",
    "increase": "Rise in",
    "grow": "Growth in",
    "climb": "Rise in",
    "jump": "Jump in",
    "fall": "Fall in",
    "drop": "Fall in",
    "decline": "Fall in",
    "slump": "Fall in",
    "cut": "Cut in",
    "reduce": "Cut in",
    "lose": "Loss in",
}
MONEY_VERBS = {
    "cost": "Cost",
    "raise": "Raised",
    "appeal": "Appeal",
    "commit": "Committed",
    "spend": "Spending",
    "pay": "Payment",
    "fund": "Funding",
    "invest": "Investment",
    "approve": "Approved",
    "borrow": "Borrowed",
    "award": "Awarded",
    "seek": "Sought",
}
# "Launched" only when the sentence says so: the verb that governs the year.
YEAR_VERBS = {
    "launch": "Launched",
    "found": "Founded",
    "establish": "Established",
    "open": "Opened",
    "reopen": "Reopened",
    "create": "Created",
    "build": "Built",
    "start": "Started",
    "begin": "Began",
    "sign": "Signed",
    "borrow": "Borrowed",
    "collect": "Collected",
    "close": "Closed",
    "elect": "Elected",
    "introduce": "Introduced",
    "complete": "Completed",
}
UNITS = frozenset(
    [
        "gigawatts",
        "megawatts",
        "kilowatts",
        "tonnes",
        "tons",
        "kilograms",
        "kilometers",
        "kilometres",
        "miles",
        "meters",
        "metres",
        "hectares",
        "acres",
        "liters",
        "litres",
        "barrels",
        "gallons",
        "degrees",
    ]
)
# Nouns a number does not describe on its own ("4 on a scale of 5").
BOUND_NOUNS = frozenset({"scale", "out", "total", "range"})
STATIVE_VERBS = frozenset({"be", "stand", "reach", "hit", "total", "remain", "account", "exceed"})
TRANSITIVE_CHANGE = frozenset({"cut", "reduce", "raise", "increase", "lose"})
MEASURE_ADJECTIVES = {
    "wide": "Width",
    "thick": "Thickness",
    "long": "Length",
    "tall": "Height",
    "high": "Height",
    "deep": "Depth",
    "old": "Age",
}
_AGE = re.compile(r"\d[\d,]*\s+years?\s+old$")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_SPAN = re.compile(
    r"^(?:(?:about|nearly|more than|almost|over)\s+)?(?:\d[\d,.]*|a|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+(?:years?|decades?"
    r"|months?|weeks?|days?|centur(?:y|ies))$",
    re.IGNORECASE,
)
_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+", re.I)
_LABEL_MAX = 40


@dataclass
class Fact:
    """One row of a fact box, with the sentence that states it."""

    label: str
    value: str
    sentence: str
    paragraph: int
    kind: str  # figure, when, who, where, editor
    score: float = 0.0
    vague: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "value": self.value,
            "sentence": self.sentence,
            "paragraph": self.paragraph,
            "kind": self.kind,
        }


def find_candidates(analysis: Analysis, entities: list[Entity]) -> list[Fact]:
    """Every fact the story states that a box could show, in story order."""
    facts: list[Fact] = []
    for index, unit in enumerate(analysis.paragraphs):
        parse = Parse(unit)
        if not parse.available:
            continue
        for ent in unit.ents:
            if ent.label in FIGURE_LABELS:
                fact = _figure(parse, ent, index)
            elif ent.label == "DATE":
                fact = _date(parse, ent, index)
            else:
                fact = None
            if fact is not None:
                facts.append(fact)
    facts += _who(analysis, entities) + _where(analysis, entities)
    return facts


def _sentence(parse: Parse, start: int) -> tuple[str, Span]:
    span = parse.sentence_of(start)
    return parse.unit.text[span.start : span.end].strip(), span


def _value_span(parse: Parse, ent: Span, sentence: Span) -> tuple[int, int]:
    """The entity text, widened to a hedge just before it and a currency just after."""
    start, end = ent.start, ent.end
    hedge = _HEDGE_BEFORE.search(parse.unit.text[sentence.start : start])
    if hedge:
        start = sentence.start + hedge.start()
    root = parse.root_of(ent)
    if root is not None and parse.dep(root) == "nummod":
        counted = parse.lower(parse.head(root))
        if counted in CURRENCIES or counted in UNITS:
            end = max(end, parse.t.ends[parse.head(root)])  # "6.4 gigawatts"
    if ent.label == "PERCENT":
        rest = re.match(
            r"\s+of\s+(?:(?:the|their|its|his|her|our|all)\s+)?\w+",
            parse.unit.text[end : sentence.end],
        )
        if rest:
            end += rest.end()  # "23% of capacity"
    return start, end


def _figure(parse: Parse, ent: Span, paragraph: int) -> Fact | None:
    sentence_text, sentence = _sentence(parse, ent.start)
    start, end = _value_span(parse, ent, sentence)
    value = parse.unit.text[start:end]
    root = parse.root_of(ent)
    if root is None:
        return None
    money = ent.label == "MONEY" or parse.lower(parse.head(root)) in CURRENCIES
    label = _figure_label(parse, root, money)
    if not label:
        return None
    score = (
        (3.0 if ent.label in ("MONEY", "PERCENT") or money else 2.5)
        if any(ch.isdigit() for ch in value)
        else 2.0
    )
    return Fact(
        _tidy(label),
        value,
        sentence_text,
        paragraph,
        "figure",
        score - 0.1 * paragraph,
        bool(VAGUE.match(value)),
    )


def _figure_label(parse: Parse, root: int, money: bool) -> str | None:
    if parse.pos(root) == "ADP":  # the model put the preposition in: "above 2,000 meters"
        objects = parse.children(root, "pobj")
        if parse.lower(root) not in ("at", "to", "by", "for") or not objects:
            return None
        root = objects[0]
    head = parse.head(root)
    dep = parse.dep(root)
    of_object = _of_object(parse, root)
    if of_object is not None and parse.children(of_object, "nummod"):
        return None  # "14 of its 38 cables": the 38 is the fact, not the 14
    if dep == "nummod" and parse.lower(head) in UNITS:
        of_object = _of_object(parse, head)  # "6.4 gigawatts of offshore wind capacity"
        if of_object is not None and parse.pos(of_object) == "NOUN":
            return parse.noun_phrase(of_object)
        root, head, dep = head, parse.head(head), parse.dep(head)
    elif dep == "nummod" and parse.pos(head) in ("NOUN", "PROPN") and not money:
        return parse.noun_phrase(head)  # "29 member countries"
    if money and dep == "nummod":
        root, head, dep = head, parse.head(head), parse.dep(head)  # "340 million euros"
    if of_object is not None and parse.lower(root) not in ("%", "percent"):
        if parse.pos(of_object) != "NOUN":
            return None  # "within 62 million kilometers of Earth": a distance, not a thing
        return parse.noun_phrase(of_object)  # "more than 1.5 meters of snow"
    if dep == "pobj" and parse.lower(head) == "of" and parse.pos(parse.head(head)) == "NOUN":
        holder = parse.head(head)
        return None if parse.lower(holder) in BOUND_NOUNS else parse.noun_phrase(holder)
    if dep in ("dobj", "pobj") and parse.lemma(head) in ("number", "total", "comprise"):
        holder = parse.head(head)  # "the current training force numbering about 500"
        if parse.pos(holder) in ("NOUN", "PROPN"):
            return parse.noun_phrase(holder)
    if dep == "npadvmod" and parse.lower(head) in MEASURE_ADJECTIVES:
        return MEASURE_ADJECTIVES[parse.lower(head)]  # "5 kilometers wide"
    verb = head
    if parse.pos(head) == "ADP":
        if parse.lower(head) not in ("at", "to", "by", "for"):
            return None  # "slopes above 2,000 meters" says where, not how much
        verb = parse.head(head)  # "appealed for 95 million dollars", "stood at 23%"
    if parse.pos(verb) not in ("VERB", "AUX"):
        return None
    lemma = parse.lemma(verb)
    if lemma in CHANGE_VERBS:
        deps = ("dobj",) if lemma in TRANSITIVE_CHANGE and dep != "dobj" else ("nsubj",)
        changed = _phrase_of(parse, verb, deps) or _phrase_of(parse, verb, ("nsubj",))
        return f"{CHANGE_VERBS[lemma]} {_lower_first(changed)}" if changed else None
    if money and lemma in MONEY_VERBS:
        return MONEY_VERBS[lemma]
    if lemma in STATIVE_VERBS:
        return _phrase_of(parse, verb, ("nsubj", "nsubjpass"))  # "Reservoirs stood at 23%"
    return None


def _of_object(parse: Parse, token: int) -> int | None:
    of = next((c for c in parse.children(token, "prep") if parse.lower(c) == "of"), None)
    objects = parse.children(of, "pobj") if of is not None else []
    return objects[0] if objects and parse.pos(objects[0]) in ("NOUN", "PROPN") else None


def _phrase_of(parse: Parse, verb: int, deps: tuple[str, ...]) -> str | None:
    token = next(iter(parse.children(verb, *deps)), None)
    if token is None or parse.pos(token) in ("PRON", "NUM") or parse.dep(token) == "nummod":
        return None
    named = _of_object(parse, token)
    if named is not None and parse.pos(named) == "PROPN":
        token = named  # "the city of Seville reached 31 degrees" -> Seville
    return parse.noun_phrase(token, keep_possessor=False)


def _lower_first(phrase: str) -> str:
    first = phrase.split()[0]
    return (
        phrase
        if first.isupper() or (first[:1].isupper() and first[1:].islower() is False)
        else (phrase[:1].lower() + phrase[1:])
    )


def _date(parse: Parse, ent: Span, paragraph: int) -> Fact | None:
    """Years only when a verb says what happened then; spans only as "N years of X"."""
    text = ent.text(parse.unit.text)
    root = parse.root_of(ent)
    if root is None:
        return None
    sentence_text, sentence = _sentence(parse, ent.start)
    if _AGE.search(text):
        start, end = _value_span(parse, ent, sentence)
        return Fact(
            "Age",
            parse.unit.text[start:end],
            sentence_text,
            paragraph,
            "figure",
            2.5 - 0.1 * paragraph,
        )
    if _YEAR.fullmatch(text.strip()) or re.fullmatch(r"(?:in )?\d{4}", text):
        verb = parse.head(root)
        preposition = parse.lower(verb) if parse.pos(verb) == "ADP" else None
        if preposition:
            verb = parse.head(verb)
        future = preposition == "by" or any(
            parse.lower(aux) in ("will", "would", "shall") for aux in parse.children(verb, "aux")
        )  # a plan, not an event: "would build two reservoirs by 2030"
        label = (
            YEAR_VERBS.get(parse.lemma(verb)) if parse.pos(verb) == "VERB" and not future else None
        )
        if label:
            return Fact(label, text, sentence_text, paragraph, "when", 2.2 - 0.05 * paragraph)
        return None
    if _SPAN.match(text):
        of = next((c for c in parse.children(root, "prep") if parse.lower(c) == "of"), None)
        objects = parse.children(of, "pobj") if of is not None else []
        if objects:
            start, end = _value_span(parse, ent, sentence)
            return Fact(
                _tidy(parse.noun_phrase(objects[0])),
                parse.unit.text[start:end],
                sentence_text,
                paragraph,
                "when",
                1.5 - 0.05 * paragraph,
            )
    return None


def _who(analysis: Analysis, entities: list[Entity]) -> list[Fact]:
    """The most salient person, with the role the story gives them where it gives one."""
    people = [e for e in entities if e.kind == "person" and not e.from_header]
    if not people:
        return []
    person = people[0]
    for index, unit in enumerate(analysis.paragraphs):
        parse = Parse(unit)
        for ent in unit.ents:
            if ent.label == "PERSON" and ent.text(unit.text).endswith(person.name.split()[-1]):
                sentence_text, _ = _sentence(parse, ent.start)
                start = _role_start(parse, ent)
                value = unit.text[start : ent.end]
                if person.name not in value and len(value.split()) < len(person.name.split()):
                    continue
                return [Fact("Who", value, sentence_text, index, "who", 1.8)]
    return []


def _role_start(parse: Parse, ent: Span) -> int:
    """Back over title words in the same noun phrase: "NATO Secretary-General Jens …"."""
    if not parse.available:
        return ent.start
    root = parse.root_of(ent)
    first = parse.token_at(ent.start)
    if root is None or first is None:
        return ent.start
    phrase = {root} | {i for i in range(len(parse)) if ent.start <= parse.t.starts[i] < ent.end}
    i = first - 1
    while (
        i >= 0
        and parse.dep(i) in ("compound", "amod", "punct", "nmod")
        and (parse.text(i)[:1].isupper() or parse.text(i) == "-")
        and _leads_into(parse, i, phrase)
    ):
        phrase.add(i)
        i -= 1
    return parse.t.starts[i + 1]


def _leads_into(parse: Parse, token: int, phrase: set[int]) -> bool:
    seen = set()
    while token not in phrase and token not in seen:
        seen.add(token)
        token = parse.head(token)
    return token in phrase


def _where(analysis: Analysis, entities: list[Entity]) -> list[Fact]:
    """The most salient place the body names (the dateline is already on the page)."""
    for entity in entities:
        if entity.kind != "place":
            continue
        for index, unit in enumerate(analysis.paragraphs):
            position = unit.text.find(entity.name)
            if position >= 0:
                sentence_text, _ = _sentence(Parse(unit), position)
                return [Fact("Where", entity.name, sentence_text, index, "where", 1.6)]
    return []


def _tidy(label: str) -> str:
    label = _DETERMINERS.sub("", " ".join(label.split()))
    if len(label) > _LABEL_MAX:
        label = label[:_LABEL_MAX].rsplit(" ", 1)[0]
    return label[:1].upper() + label[1:]
