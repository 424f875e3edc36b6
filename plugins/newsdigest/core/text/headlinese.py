"""A lede's clause rewritten the way headlines are written: present tense, no articles,
no auxiliaries ("Estonia and Finland agreed to share the cost of a new ferry link" →
"Estonia and Finland agree to share cost of new ferry link").

Rules only, no language model: the clean step runs before any analysis. What the rules
do not recognise is left as it was, so the worst case is the lede's own wording.
"""

from __future__ import annotations

import re

# Irregular past tenses and participles of verbs that lead news stories: past → base.
_IRREGULAR = {
    "began": "begin", "begun": "begin", "became": "become", "beat": "beat", "bid": "bid",
    "broke": "break", "brought": "bring", "built": "build", "bought": "buy", "caught": "catch",
    "chose": "choose", "came": "come", "cut": "cut", "dealt": "deal", "drew": "draw",
    "drove": "drive", "ate": "eat", "fell": "fall", "fought": "fight", "found": "find",
    "fled": "flee", "flew": "fly", "forgave": "forgive", "froze": "freeze", "got": "get",
    "gave": "give", "went": "go", "grew": "grow", "hung": "hang", "had": "have", "heard": "hear",
    "hid": "hide", "hit": "hit", "held": "hold", "hurt": "hurt", "kept": "keep", "knew": "know",
    "laid": "lay", "led": "lead", "left": "leave", "lent": "lend", "let": "let", "lit": "light",
    "lost": "lose", "made": "make", "meant": "mean", "met": "meet", "overtook": "overtake",
    "paid": "pay", "put": "put", "quit": "quit", "ran": "run", "rang": "ring", "rose": "rise",
    "said": "say", "saw": "see", "sought": "seek", "sold": "sell", "sent": "send", "set": "set",
    "shook": "shake", "shot": "shoot", "shut": "shut", "sang": "sing", "sank": "sink",
    "slid": "slide", "spoke": "speak", "spent": "spend", "split": "split", "spread": "spread",
    "stood": "stand", "stole": "steal", "struck": "strike", "swept": "sweep", "swore": "swear",
    "took": "take", "taught": "teach", "tore": "tear", "told": "tell", "thought": "think",
    "threw": "throw", "underwent": "undergo", "understood": "understand", "upheld": "uphold",
    "woke": "wake", "wore": "wear", "won": "win", "withdrew": "withdraw", "wrote": "write",
    "overturned": "overturn", "forecast": "forecast", "foresaw": "foresee",
    "undertook": "undertake", "withheld": "withhold", "overran": "overrun",
    "rebuilt": "rebuild", "reset": "reset",
}  # fmt: skip
_PARTICIPLES = frozenset(
    {"been", "born", "broken", "chosen", "done", "driven", "eaten", "fallen", "flown", "forgiven",
     "frozen", "gone", "given", "grown", "hidden", "known", "ridden", "risen", "seen", "shaken",
     "shown", "spoken", "stolen", "sworn", "taken", "thrown", "torn", "woken", "worn", "written",
     "withdrawn", "overtaken", "undertaken", "beaten", "forgotten", "sunk", "sung", "struck"}
)  # fmt: skip
# Stems that take their final e back when "-ed" goes, where the spelling alone is not
# enough to tell (invit-ed: invite; visit-ed: visit).
_E_STEMS = frozenset(
    {"invit", "unit", "cit", "excit", "ignit", "incit", "recit", "ignor", "restor", "explor",
     "scor", "stor", "deplor", "implor", "ador", "postpon", "phon", "zon", "clon", "condon",
     "scal", "inhal", "exhal", "tim"}
)  # fmt: skip
_NO_E_STEMS = frozenset({"focus", "develop", "gallop", "envelop", "visit", "limit", "edit"})
_VOWELS = "aeiou"
_ARTICLES = frozenset({"a", "an", "the"})
# An article stays in set phrases: "more than a year", "around the clock", "a dozen".
_ARTICLE_KEPT_AFTER = frozenset({"than", "once", "twice", "around", "all", "such", "half", "quite"})
_ARTICLE_KEPT_BEFORE = frozenset(
    {"year", "week", "month", "day", "decade", "century", "dozen", "few", "lot", "third",
     "quarter", "hundred", "thousand", "million", "billion", "time", "while"}
)  # fmt: skip
# Past forms that are also present forms or nouns: never taken for the main verb.
_AMBIGUOUS_PAST = frozenset({"set", "cut", "put", "hit", "let", "beat", "forecast", "reset"})
_RELATIVE = frozenset({"that", "which", "who", "whose"})
_PROMISE = re.compile(
    r"^(?P<subject>.+?) (?:said|says|announced|confirmed) (?:on \w+ )?(?:that )?"
    r"(?:it|they|he|she) (?:would|will) (?P<rest>.+)$"
)
_KEEP_THE = frozenset({"Hague", "Gambia", "Bahamas"})
_AUXILIARIES = frozenset({"was", "were", "is", "are"})
_PERFECT = frozenset({"has", "have", "had"})
_PRONOUN_SUBJECTS = frozenset({"it", "he", "she", "they", "we", "i", "you"})
_PREPOSITIONS = frozenset(
    {"at", "of", "in", "on", "from", "for", "with", "near", "across", "outside", "inside",
     "behind", "under", "over", "around", "along", "off", "into", "by", "between"}
)  # fmt: skip
_PLURAL_PROPER = re.compile(r"(?:ans|ers|ists|ats|ites|ees|ians)$")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def base_form(past: str) -> str | None:
    """The base form of a past tense or participle ("agreed" → "agree"), or None."""
    word = past.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if not word.endswith("ed") or len(word) < 4:
        return None
    if word.endswith("eed"):  # agreed, freed, guaranteed
        return word[:-1]
    if word.endswith("ied") and len(word) > 4:  # carried
        return word[:-3] + "y"
    if word.endswith("ued"):  # argued, continued, rescued
        return word[:-1]
    stem = word[:-2]
    if stem.endswith("ell") and len(stem) > 4:  # travelled, cancelled, labelled
        return stem[:-1]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz" + _VOWELS:
        return stem[:-1]  # stopped, planned, banned
    return stem + "e" if _needs_e(stem) else stem


def _needs_e(stem: str) -> bool:
    """Does the stem lose an "e" before "-ed" (vote-d, close-d, change-d)?"""
    if stem in _E_STEMS:
        return True
    if stem in _NO_E_STEMS or len(stem) < 2:
        return False
    last, before = stem[-1], stem[-2]
    single = before in _VOWELS and (len(stem) < 3 or stem[-3] not in _VOWELS)
    if last in "vzc":
        return True
    if last == "s":
        return not stem.endswith(("ss", "us")) or stem.endswith(("aus", "eus"))
    if last == "g":
        return stem.endswith(("ang", "eng", "rg", "dg", "lg"))
    if last in "dkbm":
        return single
    if last in "rl":
        return single and before in "aiu"
    if last == "t":
        return (single and before in "aou") or stem.endswith(("let", "pet"))
    if last == "p":
        return single and before in "aiy"
    if last == "n":
        return single and before == "i" and len(stem) > 3
    return False


def third_person(verb: str) -> str:
    """ "agree" → "agrees", "push" → "pushes", "carry" → "carries", "have" → "has"."""
    if verb == "have":
        return "has"
    if verb == "be":
        return "is"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _is_plural(subject: list[str]) -> bool:
    if any(word.lower() in ("and", "&") for word in subject):
        return True
    head = []
    for word in subject:
        if word.lower() in _PREPOSITIONS or word.endswith((",",)):
            break
        head.append(word)
    last = (head or subject)[-1].strip(",'’") if (head or subject) else ""
    if not last:
        return False
    if last[:1].isupper():
        return bool(_PLURAL_PROPER.search(last)) and len(last) > 4
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "'s", "’s"))


def _participle(word: str) -> bool:
    lower = word.lower()
    return lower in _PARTICIPLES or lower in _IRREGULAR or (lower.endswith("ed") and len(lower) > 3)


def headlinese(clause: str) -> str:
    """The clause in headline style; unchanged where its main verb is not found."""
    promise = _PROMISE.match(clause)
    if promise:  # "The museum said it would return …" → "Museum to return …"
        clause = f"{promise.group('subject')} will {promise.group('rest')}"
    words = clause.split()
    if not words:
        return clause
    words = _drop_articles(words)
    verb_at = _main_verb(words)
    if verb_at is None:
        return " ".join(words)
    subject, verb = words[:verb_at], words[verb_at]
    lower = verb.lower()
    rest = words[verb_at + 1 :]
    if lower == "will" and rest:  # "will open" → "to open"
        return " ".join([*subject, "to", *rest])
    if lower in _AUXILIARIES and rest:
        if rest[0].lower() == "not":
            return " ".join([*subject, *rest])
        return " ".join([*subject, *rest])  # "is ready" → "ready", "was arrested" → "arrested"
    if lower in _PERFECT and rest and _participle(rest[0]):
        base = base_form(rest[0]) or rest[0]
        return " ".join([*subject, _agree(base, subject), *rest[1:]])
    base = base_form(verb)
    if base is None:
        return " ".join(words)
    return " ".join([*subject, _agree(base, subject), *rest])


def _agree(base: str, subject: list[str]) -> str:
    return base if _is_plural(subject) else third_person(base)


def _drop_articles(words: list[str]) -> list[str]:
    kept = []
    for index, word in enumerate(words):
        lower = word.lower()
        following = words[index + 1] if index + 1 < len(words) else ""
        previous = words[index - 1].lower() if index else ""
        set_phrase = previous in _ARTICLE_KEPT_AFTER or following.lower() in _ARTICLE_KEPT_BEFORE
        if (
            lower in _ARTICLES
            and following
            and not set_phrase
            and following.strip("“\"'‘") not in _KEEP_THE
        ):
            if word[:1].isupper() and index > 0:
                kept.append(word)  # "The" inside a name: "Hotel The Grand"
                continue
            continue
        if lower == "its" and following:
            continue
        kept.append(word)
    if kept:
        kept[0] = kept[0][:1].upper() + kept[0][1:]
    return kept


def _main_verb(words: list[str]) -> int | None:
    """Where the main verb is: the first past tense, perfect, copula or "will" after a
    subject of at least one word, before any comma. A past form that only describes the
    subject ("a book borrowed in 1962 was returned", "the piano that stood there is
    back") gives way to the verb after it."""
    found = None
    for index, word in enumerate(words[1:], start=1):
        if words[index - 1].endswith((",", ";", ":")):
            return found  # a comma ends the clause: what came before it is all there is
        bare = word.strip(",;:").lower()
        if not _WORD.fullmatch(bare) or word[:1].isupper():
            continue
        if bare in _PRONOUN_SUBJECTS:
            return found
        previous = words[index - 1].lower()
        if previous in _RELATIVE:
            continue  # the verb of a relative clause
        if bare in _AUXILIARIES or bare in _PERFECT or bare == "will":
            return index
        if found is not None:
            continue  # a past form was seen: only an auxiliary after it can replace it
        if previous.endswith("ly") or previous in _ARTICLES:
            continue  # "the newly elected mayor": a participle describing the subject
        irregular = bare in _IRREGULAR and bare not in _AMBIGUOUS_PAST
        if irregular or (bare.endswith("ed") and base_form(bare)):
            found = index
    return found
