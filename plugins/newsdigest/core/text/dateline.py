"""Datelines: the "BRUSSELS —" that opens a wire lede.

Recognised forms: ``BRUSSELS —``, ``WASHINGTON (AP) —``, ``KYIV, Ukraine (AP) —``,
``LONDON, Nov 23 (Reuters) -``. The place must be in capitals and must be followed by
a dash, so an ordinary lede ("NATO is ready to ...") never loses its first word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdigest.core.text.casing import smart_title

# A month's name or abbreviation, capitalised as a dateline writes it (the junk rules
# match it in any case).
MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_UPPER = r"A-ZÀ-ÖØ-Þ"
_DATELINE = re.compile(
    rf"""^
    (?P<place>[{_UPPER}][{_UPPER}'’.\- ]*[{_UPPER}.])       # BRUSSELS, NEW YORK, ST. LOUIS
    (?:,\s*(?P<region>[A-Z][A-Za-z.'’\- ]{{1,30}}?))?     # , Ukraine / , Calif.
    (?:,\s*(?P<date>{MONTH_NAME}\s+\d{{1,2}}))?               # , Nov 23
    \s*(?:\((?P<agency>[^()]{{1,40}})\))?                # (AP) / (Reuters)
    (?:\s*[—–]\s*|\s*--\s*|\s+-\s+)                      # the dash
    (?=\S)
    """,
    re.VERBOSE,
)


# The credit a wire story carries on the page, by the agency's dateline abbreviation.
AGENCY_CREDITS = {
    "ap": "The Associated Press",
    "afp": "Agence France-Presse",
    "reuters": "Reuters",
    "upi": "United Press International",
    "dpa": "Deutsche Presse-Agentur",
    "pa": "PA Media",
    "cp": "The Canadian Press",
    "aap": "Australian Associated Press",
    "pti": "Press Trust of India",
    "ians": "Indo-Asian News Service",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo News",
    "yonhap": "Yonhap",
    "efe": "EFE",
    "ansa": "ANSA",
    "bloomberg": "Bloomberg",
}


def agency_credit(agency: str | None) -> str | None:
    """ "AP" → "The Associated Press"; an agency we do not know is credited as written."""
    if not agency:
        return None
    return AGENCY_CREDITS.get(agency.strip().casefold(), agency.strip())


@dataclass(frozen=True)
class Dateline:
    """Where a story was filed, as shown to readers ("Kyiv, Ukraine"), and the agency."""

    place: str
    agency: str | None
    raw: str

    @property
    def shown(self) -> str:
        """The dateline as the lede opens with it, the agency kept as its credit:
        "St. Joseph, Mich. (AP)"."""
        return f"{self.place} ({self.agency})" if self.agency else self.place


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """Return (dateline, paragraph without it); (None, paragraph) when there is none."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None, paragraph
    place = smart_title(match.group("place").strip())
    if len(place.replace(".", "").replace(" ", "")) < 2:
        return None, paragraph
    region = match.group("region")
    if region:
        place = f"{place}, {smart_title(region.strip())}"
    agency = match.group("agency")
    rest = paragraph[match.end() :]
    rest = rest[:1].upper() + rest[1:]
    return Dateline(place, agency.strip() if agency else None, match.group(0).strip()), rest
