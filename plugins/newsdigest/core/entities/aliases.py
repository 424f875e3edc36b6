"""The alias table shipped with the plugin: common names for the same entity.

Country names and their other spellings come from ``countryinfo``; the rest are the
names news copy uses most that the model cannot canonicalize by itself. An editor's
``entities.yml`` can add to and override all of it.
"""

from __future__ import annotations

from functools import lru_cache

PLACE, ORGANIZATION, PERSON = "place", "organization", "person"

SHIPPED_ALIASES: dict[str, tuple[str, str]] = {
    # alias: (canonical name, kind)
    "U.S.": ("United States", PLACE),
    "US": ("United States", PLACE),
    "U.S.A.": ("United States", PLACE),
    "U. S.": ("United States", PLACE),
    "USA": ("United States", PLACE),
    "America": ("United States", PLACE),
    "United States of America": ("United States", PLACE),
    "U.K.": ("United Kingdom", PLACE),
    "UK": ("United Kingdom", PLACE),
    "Britain": ("United Kingdom", PLACE),
    "Great Britain": ("United Kingdom", PLACE),
    "England": ("England", PLACE),
    "Scotland": ("Scotland", PLACE),
    "Wales": ("Wales", PLACE),
    "Northern Ireland": ("Northern Ireland", PLACE),
    "Washington, D.C.": ("Washington DC", PLACE),
    "Washington D.C.": ("Washington DC", PLACE),
    "Washington, DC": ("Washington DC", PLACE),
    "D.C.": ("Washington DC", PLACE),
    "Mideast": ("Middle East", PLACE),
    "U.S. Congress": ("United States Congress", ORGANIZATION),
    "US Congress": ("United States Congress", ORGANIZATION),
    "U.S. Senate": ("United States Senate", ORGANIZATION),
    "US Senate": ("United States Senate", ORGANIZATION),
    "Senate of the United States": ("United States Senate", ORGANIZATION),
    "Congress of the United States": ("United States Congress", ORGANIZATION),
    "U.S. House of Representatives": ("United States House of Representatives", ORGANIZATION),
    "US House of Representatives": ("United States House of Representatives", ORGANIZATION),
    "Middle East": ("Middle East", PLACE),
    "Europe": ("Europe", PLACE),
    "IS": ("Islamic State", ORGANIZATION),
    "ISIS": ("Islamic State", ORGANIZATION),
    "ISIL": ("Islamic State", ORGANIZATION),
    "Daesh": ("Islamic State", ORGANIZATION),
    "Islamic State": ("Islamic State", ORGANIZATION),
    "Islamic State group": ("Islamic State", ORGANIZATION),
    "Islamic State of Iraq and Syria": ("Islamic State", ORGANIZATION),
    "NATO": ("NATO", ORGANIZATION),
    "North Atlantic Treaty Organization": ("NATO", ORGANIZATION),
    "U.N.": ("United Nations", ORGANIZATION),
    "UN": ("United Nations", ORGANIZATION),
    "United Nations": ("United Nations", ORGANIZATION),
    "EU": ("European Union", ORGANIZATION),
    "E.U.": ("European Union", ORGANIZATION),
    "European Union": ("European Union", ORGANIZATION),
    "WHO": ("World Health Organization", ORGANIZATION),
    "World Health Organization": ("World Health Organization", ORGANIZATION),
    "IMF": ("International Monetary Fund", ORGANIZATION),
    "International Monetary Fund": ("International Monetary Fund", ORGANIZATION),
    "World Health Organisation": ("World Health Organization", ORGANIZATION),
    "DPRK": ("North Korea", PLACE),
    "ROK": ("South Korea", PLACE),
    # Companies and platforms the model often takes for people or places.
    "Twitter": ("Twitter", ORGANIZATION),
    "Facebook": ("Facebook", ORGANIZATION),
    "YouTube": ("YouTube", ORGANIZATION),
    "Google": ("Google", ORGANIZATION),
    "Instagram": ("Instagram", ORGANIZATION),
    "TikTok": ("TikTok", ORGANIZATION),
    "Reddit": ("Reddit", ORGANIZATION),
    "Wikipedia": ("Wikipedia", ORGANIZATION),
    "Wikinews": ("Wikinews", ORGANIZATION),
    "Microsoft": ("Microsoft", ORGANIZATION),
}


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, tuple[str, str]]:
    """Every country's name and longer alternative spellings, mapped to its common name.

    Two-letter codes are left out: "IS" is Iceland's code but, in news copy, the
    Islamic State.
    """
    from countryinfo import all_countries

    table: dict[str, tuple[str, str]] = {}
    for country in all_countries():
        try:
            name = country.name()
            spellings = country.alt_spellings() or []
        except (KeyError, AttributeError, ValueError):
            continue
        table[name] = (name, PLACE)
        for spelling in spellings:
            if len(spelling) > 3 and spelling not in table:
                table[spelling] = (name, PLACE)
    return table


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality words ("Iraqi", "German"): never tags unless an editor maps them."""
    from countryinfo import all_countries

    words = set()
    for country in all_countries():
        try:
            demonym = country.demonym()
        except (KeyError, AttributeError, ValueError):
            continue
        if demonym:
            words.add(demonym)
    return frozenset(words | {"European", "African", "Asian", "Arab", "Western", "Kurdish"})
