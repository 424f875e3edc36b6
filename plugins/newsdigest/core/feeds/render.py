"""Serializing a Feed: RSS 2.0 and Atom with feedgen, JSON Feed 1.1 with json."""

from __future__ import annotations

import html
from typing import Any

from feedgen.feed import FeedGenerator
from lxml import etree

from newsdigest.core.feeds.model import FORMATS, Feed
from newsdigest.core.jsonld import html_safe_json

ATOM_NS = "http://www.w3.org/2005/Atom"


def render(feed: Feed, fmt: str, site: dict[str, Any]) -> bytes:
    if fmt == "json":
        return _json(feed, site)
    generator = FeedGenerator()
    self_url = site["base_url"] + feed.file(fmt)
    generator.id(site["feed_id_prefix"] + (feed.key or "all"))
    generator.title(feed.title)
    generator.description(feed.description or feed.title)
    generator.subtitle(feed.description or feed.title)
    generator.language(site["language"])
    generator.author({"name": site["publisher"]})
    generator.link(href=self_url, rel="self", type=FORMATS[fmt][0])
    generator.link(href=feed.home_url, rel="alternate")  # last: feedgen's RSS <link>
    if fmt == "atom" and site.get("hub"):
        generator.link(href=site["hub"], rel="hub")
    updated = feed.updated
    if updated is not None:
        generator.lastBuildDate(updated)
        generator.updated(updated)
    for item in feed.items:
        entry = generator.add_entry(order="append")
        entry.id(item.id)
        entry.guid(item.id, permalink=False)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate")
        # RSS descriptions are HTML: the plain-text summary goes in escaped. Atom's
        # summary is type text, JSON Feed's summary plain text: they take it as it is.
        entry.description(html.escape(item.summary, quote=False))
        entry.summary(item.summary)
        entry.content(item.content_html, type="html")
        entry.published(item.published)
        entry.updated(item.modified or item.published)  # Atom requires one
        for category in item.categories:
            entry.category(term=category)
        if fmt == "rss" and item.authors:
            entry.load_extension("dc")
            for name in item.authors:
                entry.dc.dc_creator(name)
        elif item.authors:
            entry.author([{"name": name} for name in item.authors])
    if fmt == "atom":
        return generator.atom_str(pretty=True)
    return _with_hub(generator.rss_str(pretty=True), site.get("hub"))


def _with_hub(rss: bytes, hub: str | None) -> bytes:
    """feedgen's RSS has no hub link (and would take it for the channel link): add it."""
    if not hub:
        return rss
    root = etree.fromstring(rss)
    channel = root.find("channel")
    etree.SubElement(channel, f"{{{ATOM_NS}}}link", href=hub, rel="hub")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _json(feed: Feed, site: dict[str, Any]) -> bytes:
    data: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": site["base_url"] + feed.file("json"),
        "description": feed.description,
        "language": site["language"],
        "authors": [{"name": site["publisher"]}],
    }
    if site.get("hub"):
        data["hubs"] = [{"type": "WebSub", "url": site["hub"]}]
    data["items"] = []
    for item in feed.items:
        entry: dict[str, Any] = {
            "id": item.id,
            "url": item.url,
            "title": item.title,
            "content_html": item.content_html,
            "summary": item.summary,
            "date_published": item.published.isoformat(),
        }
        if item.modified:
            entry["date_modified"] = item.modified.isoformat()
        if item.authors:
            entry["authors"] = [{"name": name} for name in item.authors]
        if item.categories:
            entry["tags"] = item.categories
        data["items"].append(entry)
    return (html_safe_json(data) + "\n").encode("utf-8")
