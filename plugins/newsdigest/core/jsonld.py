"""schema.org ``NewsArticle`` data for a story page, as a plain dict.

The theme serializes it with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&``
and ``'``, so no story text can close the ``<script>`` element it sits in.
"""

from __future__ import annotations

import json
from typing import Any

from newsdigest.core.settings import setting

SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}


def html_safe_json(data: Any) -> str:
    """JSON whose text holds no ``<``, ``>`` or ``&``: inert even if a browser renders it."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def absolute_site_url(settings: dict[str, Any]) -> str:
    """The site's absolute base URL, without a trailing slash."""
    siteurl = settings.get("SITEURL") or ""
    if not siteurl.startswith(("http://", "https://")):
        siteurl = setting(settings, "NEWSDIGEST_PREVIEW_URL")
    return siteurl.rstrip("/")


def absolute(siteurl: str, url: str) -> str:
    """Join SITEURL and a site-relative URL (SITEURL may itself be relative in preview)."""
    return f"{siteurl.rstrip('/')}/{url.lstrip('/')}" if siteurl else url


def plain_title(item: Any) -> str:
    """A story's headline as plain text: ``article.title`` is HTML (Pelican's convention,
    escaped by our readers), ``title_text`` the words themselves."""
    metadata = getattr(item, "metadata", None) or {}
    return str(metadata.get("title_text") or item.title)


def news_article(article: Any, siteurl: str, sitename: str) -> dict[str, Any]:
    """The JSON-LD object for one article (a Pelican Article or anything shaped like one)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": plain_title(article),
        "url": absolute(siteurl, article.url),
        "datePublished": article.date.isoformat(),
        "description": article.metadata.get("summary_text") or "",
        "articleSection": article.category.name,
        "publisher": {"@type": "Organization", "name": sitename},
    }
    if getattr(article, "modified", None):
        data["dateModified"] = article.modified.isoformat()
    if article.metadata.get("dateline"):
        data["locationCreated"] = {"@type": "Place", "name": article.metadata["dateline"]}
    authors = getattr(article, "authors", None) or []
    if article.metadata.get("byline") and authors:
        data["author"] = [{"@type": "Person", "name": author.name} for author in authors]
    if article.metadata.get("agency_credit"):
        # Wire copy: the agency that wrote it, as its dateline credits it ("(AP)").
        data["sourceOrganization"] = {
            "@type": "NewsMediaOrganization",
            "name": article.metadata["agency_credit"],
        }
    entities = getattr(article, "entities", None) or []
    shown = getattr(article, "entity_tags", None)
    shown = entities if shown is None else shown
    about = [_thing(entity, siteurl) for entity in shown]
    mentions = [_thing(entity, siteurl) for entity in entities if entity not in shown]
    if about:
        data["about"] = about  # what the story is about: the tags its page shows first
    if mentions:
        data["mentions"] = mentions  # the rest, listed on the page as "and N more"
    return data


def _thing(entity: Any, siteurl: str) -> dict[str, Any]:
    thing: dict[str, Any] = {"@type": SCHEMA_TYPES[entity.kind], "name": entity.name}
    if entity.wikidata:
        thing["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    if getattr(entity, "url", None):
        thing["url"] = absolute(siteurl, entity.url)
    return thing


def collection_page(name: str, items: Any, siteurl: str, title: str = "title") -> dict[str, Any]:
    """schema.org CollectionPage + ItemList for a list page: one ListItem per item (anything
    with ``url`` and a ``title`` attribute, by default ``title``), in page order."""
    elements = [
        {
            "@type": "ListItem",
            "position": position,
            "url": f"{siteurl}/{item.url}",
            "name": plain_title(item) if title == "title" else str(getattr(item, title)),
        }
        for position, item in enumerate(items, 1)
    ]
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": str(name),
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(elements),
            "itemListElement": elements,
        },
    }
