"""The verbs that attribute a quotation: as written ("said", "tweeted", "predicts")
for the patterns, and as lemmas for the dependency parse. One list, so the quote
finder and the attribution agree on what reports speech."""

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|asked|asks|warned|warns|wrote|writes|explained"
    r"|insisted|noted|argued|continued|replied|stated|declared|announced|recalled|admitted"
    r"|acknowledged|cautioned|urged|joked|laughed|conceded|complained|predicted|promised"
    r"|tweeted|posted|reported|commented|remarked|observed|concluded|asserted|claimed"
    r"|reasoned|reads|read|responded|suggested|described|characterized|characterised"
    r"|emphasized|emphasised|stressed|maintained|reiterated|confirmed|revealed|testified"
    r"|vowed|pledged|boasted|enthused|quipped|exclaimed|mused|countered|retorted|recounted"
    r"|explains|insists|argues|replies|declares|announces|recalls|admits|predicts"
    r"|predict|complains|stresses|concludes|asserts|confirms|indicated|indicates"
    r"|denied|denies|alleged|alleges|add|elaborated|elaborates|accused|accuses"
    r"|reacted|reacts|informed|informs|pointed out|points out|defended|defends|spoke|speaks"
    r"|criticized|criticised|criticizes|criticises|thanked|thanks|opines|opined"
    r"|mentioned|mentions"
    # Also nouns, and in a name ("United States", "Consumer Reports"): in lower case
    # only, though the patterns match the others in any case.
    r"|(?-i:states|notes|reports|claims)"
)
SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "ask",
        "warn",
        "write",
        "explain",
        "insist",
        "note",
        "argue",
        "continue",
        "reply",
        "state",
        "declare",
        "announce",
        "recall",
        "admit",
        "acknowledge",
        "caution",
        "urge",
        "joke",
        "laugh",
        "concede",
        "complain",
        "predict",
        "promise",
        "tweet",
        "post",
        "report",
        "comment",
        "remark",
        "observe",
        "conclude",
        "assert",
        "claim",
        "reason",
        "read",
        "respond",
        "react",
        "inform",
        "suggest",
        "describe",
        "characterize",
        "characterise",
        "emphasize",
        "emphasise",
        "stress",
        "maintain",
        "reiterate",
        "confirm",
        "reveal",
        "testify",
        "vow",
        "pledge",
        "boast",
        "enthuse",
        "quip",
        "exclaim",
        "muse",
        "counter",
        "retort",
        "recount",
        "indicate",
        "allege",
        "elaborate",
        "defend",
        "speak",
        "criticize",
        "criticise",
        "thank",
        "opine",
        "mention",
    ]
)
