"""The W3C Feed Validation Service's rules that our feeds can break, checked here.

The validator is not packaged in any registry this project can reach, so the tests
apply the same rules to every RSS and Atom file: the ones it reports as errors
(missing required elements, bad dates, duplicate ids) and as warnings (entries sharing
``atom:updated``, ``DuplicateUpdated``; a ``guid`` that is not a permalink yet looks
like a URL; HTML in an RSS description that could run script, ``SecurityRisk``;
duplicate ids inside one feed's HTML). Each problem is one line naming the feed.
"""

from __future__ import annotations

import email.utils
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
# In an RSS description (HTML once the XML is read), any "<" that starts a tag is markup
# the feed's reader will render; escaped text never has one.
_RISKY = re.compile(r"<\s*[A-Za-z!/?]")


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def _html_ids(fragments: list[str]) -> list[str]:
    parser = _Ids()
    for fragment in fragments:
        parser.feed(fragment)
    return [name for name, count in Counter(parser.ids).items() if count > 1]


def atom_problems(path: Path) -> list[str]:
    root = etree.parse(str(path)).getroot()
    found = []
    for name in ("id", "title", "updated"):
        if root.find(ATOM + name) is None:
            found.append(f"{path.name}: feed has no {name}")
    if not any(link.get("rel") == "self" for link in root.findall(ATOM + "link")):
        found.append(f"{path.name}: no rel=self link")
    entries = root.findall(ATOM + "entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            if entry.find(ATOM + name) is None:
                found.append(f"{path.name}: an entry has no {name}")
        for name in ("updated", "published"):
            node = entry.find(ATOM + name)
            if node is not None and not RFC3339.match(node.text or ""):
                found.append(f"{path.name}: {name} '{node.text}' is not RFC 3339")
        if not any(link.get("rel") in (None, "alternate") for link in entry.findall(ATOM + "link")):
            found.append(f"{path.name}: an entry has no alternate link")
    for name, label in (("id", "DuplicateEntries"), ("updated", "DuplicateUpdated")):
        values = Counter(entry.findtext(ATOM + name) for entry in entries)
        found += [f"{path.name}: {label}: {value}" for value, n in values.items() if n > 1]
    contents = [entry.findtext(ATOM + "content") or "" for entry in entries]
    found += [f"{path.name}: duplicate HTML id '{name}'" for name in _html_ids(contents)]
    return found


def rss_problems(path: Path) -> list[str]:
    channel = etree.parse(str(path)).getroot().find("channel")
    found = []
    for name in ("title", "link", "description"):
        if channel.find(name) is None:
            found.append(f"{path.name}: channel has no {name}")
    items = channel.findall("item")
    for item in items:
        if item.find("title") is None and item.find("description") is None:
            found.append(f"{path.name}: an item has neither title nor description")
        date = item.findtext("pubDate")
        if date is not None and email.utils.parsedate_to_datetime(date) is None:
            found.append(f"{path.name}: pubDate '{date}' is not RFC 822")
        guid = item.find("guid")
        if (
            guid is not None
            and guid.get("isPermaLink") == "false"
            and guid.text.startswith(("http://", "https://"))
        ):
            found.append(f"{path.name}: guid {guid.text} looks like a permalink")
        description = item.findtext("description") or ""
        if _RISKY.search(description):
            found.append(f"{path.name}: live markup in a description: {description}")
    guids = Counter(item.findtext("guid") for item in items)
    found += [f"{path.name}: duplicate guid {g}" for g, n in guids.items() if n > 1]
    contents = [
        item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or "" for item in items
    ]
    found += [f"{path.name}: duplicate HTML id '{name}'" for name in _html_ids(contents)]
    return found


def feed_problems(output: Path) -> list[str]:
    """Every rule broken by any RSS or Atom feed under ``output``."""
    found = []
    for path in sorted(output.rglob("*.atom.xml")) + sorted(output.glob("feeds/atom.xml")):
        found += atom_problems(path)
    for path in sorted(output.rglob("*.rss.xml")) + sorted(output.glob("feeds/rss.xml")):
        found += rss_problems(path)
    return found
