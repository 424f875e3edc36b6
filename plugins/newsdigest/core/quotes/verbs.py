"""The verbs that attribute a quotation: as written ("said", "tweeted", "predicts")
for the patterns, and as lemmas for the dependency parse. One table, so the quote
finder and the attribution agree on what reports speech."""

# Each verb's lemma (what the parse gives) and the forms the patterns match as written.
_FORMS_BY_LEMMA = {
    "say": "said says say",
    "tell": "told tells",
    "add": "added adds add",
    "ask": "asked asks",
    "warn": "warned warns",
    "write": "wrote writes",
    "explain": "explained explains",
    "insist": "insisted insists",
    "note": "noted",
    "argue": "argued argues",
    "continue": "continued",
    "reply": "replied replies",
    "state": "stated",
    "declare": "declared declares",
    "announce": "announced announces",
    "recall": "recalled recalls",
    "admit": "admitted admits",
    "acknowledge": "acknowledged",
    "caution": "cautioned",
    "urge": "urged",
    "joke": "joked",
    "laugh": "laughed",
    "concede": "conceded",
    "complain": "complained complains",
    "predict": "predicted predicts predict",
    "promise": "promised",
    "tweet": "tweeted",
    "post": "posted",
    "report": "reported",
    "comment": "commented",
    "remark": "remarked",
    "observe": "observed",
    "conclude": "concluded concludes",
    "assert": "asserted asserts",
    "claim": "claimed",
    "reason": "reasoned",
    "read": "reads read",
    "respond": "responded",
    "react": "reacted reacts",
    "inform": "informed informs",
    "suggest": "suggested",
    "describe": "described",
    "characterize": "characterized",
    "characterise": "characterised",
    "emphasize": "emphasized",
    "emphasise": "emphasised",
    "stress": "stressed stresses",
    "maintain": "maintained",
    "reiterate": "reiterated",
    "confirm": "confirmed confirms",
    "reveal": "revealed",
    "testify": "testified",
    "vow": "vowed",
    "pledge": "pledged",
    "boast": "boasted",
    "enthuse": "enthused",
    "quip": "quipped",
    "exclaim": "exclaimed",
    "muse": "mused",
    "counter": "countered",
    "retort": "retorted",
    "recount": "recounted",
    "indicate": "indicated indicates",
    "allege": "alleged alleges",
    "elaborate": "elaborated elaborates",
    "defend": "defended defends",
    "speak": "spoke speaks",
    "criticize": "criticized criticizes",
    "criticise": "criticised criticises",
    "thank": "thanked thanks",
    "opine": "opines opined",
    "mention": "mentioned mentions",
}
# Read as attributions where written out, but no lemma for the parse: a subject that
# denies or accuses something is seldom the one quoted.
_WRITTEN_ONLY = ("denied", "denies", "accused", "accuses", "pointed out", "points out")

SPEECH_LEMMAS = frozenset(_FORMS_BY_LEMMA)
SPEECH_VERBS = "|".join(
    [form for forms in _FORMS_BY_LEMMA.values() for form in forms.split()]
    + list(_WRITTEN_ONLY)
    # Also nouns, and in a name ("United States", "Consumer Reports"): in lower case
    # only, though the patterns match the others in any case.
    + ["(?-i:states|notes|reports|claims)"]
)
