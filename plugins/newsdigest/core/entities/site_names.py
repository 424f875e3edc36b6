"""One name per entity across the whole site, so an entity page gathers every story
about it: each story settles its own names (``extract``), and this joins what stories
settled differently ("Southeast Asia" and "South East Asia", "Stoltenberg" alone in one
story and "Jens Stoltenberg" in another, "AFP" and "Agence France-Presse").

The editor's names (``entities.yml``) are never renamed; other names may join them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsdigest.core.entities.names import initials, surname
from newsdigest.core.entities.slug import spelling_key


def site_aliases(tags: Iterable[tuple[str, str]], protected: set[str]) -> dict[str, str]:
    """{name: canonical name} for every tag (name, kind) of the site that another name
    of the same entity should replace; a name missing from the result stays."""
    uses = Counter(tags)
    names = {name for name, _kind in uses}
    by_use = sorted(uses, key=lambda tag: (tag[0] not in protected, -uses[tag], tag[0]))
    aliases: dict[str, str] = {}
    spelled: dict[tuple[str, str], str] = {}
    for name, kind in by_use:  # the editor's or the most used spelling wins
        key = (spelling_key(name), kind)
        if key in spelled and spelled[key] != name and name not in protected:
            aliases[name] = spelled[key]
        spelled.setdefault(key, name)
    full_names = [(n, k) for n, k in uses if " " in n and n not in aliases]
    for name, kind in uses:
        if name in aliases or name in protected or " " in name:
            continue
        if kind == "person":
            matches = {n for n, k in full_names if k == "person" and surname(n) == name}
        elif name.isupper() and 2 <= len(name) <= 6:
            matches = {n for n, k in full_names if k == kind and initials(n) == name}
        else:
            continue
        if len(matches) == 1:
            aliases[name] = matches.pop()
    return {alias: canonical for alias, canonical in aliases.items() if canonical in names}
