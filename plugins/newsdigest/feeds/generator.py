"""Collecting the site's feeds and writing them after every page is known."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import os
import re
from typing import Any

from pelican.generators import Generator

from newsdigest.core.feeds.model import FORMATS, Feed, FeedItem, tag_uri
from newsdigest.core.feeds.render import render
from newsdigest.core.feeds.written import WrittenFeeds
from newsdigest.core.jsonld import absolute, absolute_site_url, plain_title
from newsdigest.core.nlp.config import cache_root
from newsdigest.core.settings import setting
from newsdigest.core.story import CleanOptions
from newsdigest.core.text.render import feed_fragment

logger = logging.getLogger(__name__)
_TAG = re.compile(r"<[^>]+>")


class FeedsGenerator(Generator):
    """Builds every feed once every generator's context is complete (``collect``, from
    ``all_generators_finalized``: sections, editions and entity pages exist whatever the
    order of ``PLUGINS``), before any page is written, so pages can link them."""

    feeds: list[Feed]

    def generate_context(self) -> None:
        self.feeds = []  # collected later, when every other generator's context is known

    def collect(self) -> None:
        settings = self.settings
        self.site = self._site_settings()
        self._items: dict[int, FeedItem] = {}  # id(article) -> its item, made once
        self._times: set[dt.datetime] = set()  # published times given so far
        articles = sorted(
            self.context.get("articles", []), key=lambda a: (a.date, a.source_path), reverse=True
        )
        limit = int(setting(settings, "NEWSDIGEST_FEED_LIMIT"))
        sitename = settings.get("SITENAME", "")
        feeds = [
            Feed(
                "",
                sitename,
                settings.get("SITESUBTITLE", ""),
                self.site["home"],
                "feeds/",
                [self._item(a) for a in articles[:limit]],
            )
        ]
        section_feeds: dict[str, Feed] = {}
        for category, _articles in self.context.get("categories", []):
            ordered = [a for a in articles if a.category == category][:limit]
            feed = Feed(
                f"sections/{category.slug}",
                f"{category.name} · {sitename}",
                f"{category.name} stories from {sitename}",
                absolute(self.site["base_url"], category.url),
                f"feeds/sections/{category.slug}",
                [self._item(a) for a in ordered],
            )
            section_feeds[category.slug] = feed
            feeds.append(feed)
        minimum = int(setting(settings, "NEWSDIGEST_ENTITY_FEED_MIN"))
        for page in self.context.get("entity_pages", []):
            if len(page.articles) < minimum:
                page.feeds = []
                continue
            feed = Feed(
                f"entities/{page.slug}",
                f"{page.name} · {sitename}",
                page.description or f"Stories about {page.name} from {sitename}",
                absolute(self.site["base_url"], page.url),
                f"feeds/entities/{page.slug}",
                [self._item(a) for a in page.articles[:limit]],
            )
            feeds.append(feed)
            page.feeds = self._links(feed)
        editions = self.context.get("editions") or []
        if editions:
            feeds.append(
                Feed(
                    "editions",
                    f"Editions · {sitename}",
                    f"Every edition of {sitename}",
                    absolute(self.site["base_url"], settings["EDITIONS_URL"]),
                    "feeds/editions",
                    [self._edition_item(e) for e in editions[:limit]],
                )
            )
        self.feeds = feeds
        self.context["feed_links"] = self._links(feeds[0])
        self.context["section_feed_links"] = {
            slug: self._links(feed) for slug, feed in section_feeds.items()
        }
        self.context["editions_feed_links"] = self._links(feeds[-1]) if editions else []

    def generate_output(self, writer) -> None:
        root = cache_root(self.settings)
        written = WrittenFeeds(None if root is None else root / "feeds-written.json")
        skipped = 0
        for feed in self.feeds:
            for fmt in FORMATS:
                target = os.path.abspath(os.path.join(self.output_path, feed.file(fmt)))
                fingerprint = written.fingerprint(feed, fmt, self.site)
                if written.unchanged(target, fingerprint):
                    skipped += 1
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as stream:
                    stream.write(render(feed, fmt, self.site))
                written.record(target, fingerprint)
        written.save()
        logger.info(
            "newsdigest: %d feeds in %d formats (%d files unchanged since the last build)",
            len(self.feeds),
            len(FORMATS),
            skipped,
        )

    def _site_settings(self) -> dict[str, Any]:
        settings = self.settings
        base = absolute_site_url(settings) + "/"
        authority = setting(settings, "NEWSDIGEST_GUID_AUTHORITY")
        return {
            "base_url": base,
            "home": base,
            "language": settings.get("DEFAULT_LANG", "en"),
            "publisher": settings.get("SITENAME", ""),
            "hub": setting(settings, "NEWSDIGEST_WEBSUB_HUB"),
            "authority": authority,
            "feed_id_prefix": f"tag:{authority},2000:feeds/",
            "tz": CleanOptions.from_settings(settings).tzinfo,
        }

    def _item(self, article: Any) -> FeedItem:
        """The story as a feed item; made once, however many feeds carry it."""
        if id(article) not in self._items:
            self._items[id(article)] = self._new_item(article)
        return self._items[id(article)]

    def _new_item(self, article: Any) -> FeedItem:
        url = absolute(self.site["base_url"], article.url)
        guid = article.metadata.get("guid") or tag_uri(
            self.site["authority"],
            article.date.date(),
            os.path.splitext(article.relative_source_path)[0],
        )
        categories = [article.category.name]
        categories += [e.name for e in getattr(article, "entities", None) or []]
        summary = article.metadata.get("summary_text") or html.unescape(
            _TAG.sub("", str(article.summary))
        )
        key = os.path.splitext(article.relative_source_path)[0]
        return FeedItem(
            id=guid,
            url=url,
            title=plain_title(article),
            summary=summary,
            content=feed_fragment(article.content, key),
            published=self._distinct_time(article.date, key),
            modified=getattr(article, "modified", None) if "modified" in article.metadata else None,
            authors=[author.name for author in getattr(article, "authors", [])]
            if article.metadata.get("byline")
            else [],
            categories=list(dict.fromkeys(categories)),
        )

    def _distinct_time(self, date: dt.datetime, key: str) -> dt.datetime:
        """A story dated by day only (midnight) gets a time of its own within the day's
        first hour, from its path: the same on every build, and no two entries of a
        feed share ``updated`` (feed readers and validators want them distinct)."""
        if date.timetz().replace(tzinfo=None) == dt.time():
            offset = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 3600
            date = date + dt.timedelta(seconds=offset)
        while date in self._times:  # each story's item is made once (``_item``)
            date += dt.timedelta(seconds=1)
        self._times.add(date)
        return date

    def _edition_item(self, edition: Any) -> FeedItem:
        url = absolute(self.site["base_url"], edition.url)
        rows = "".join(
            f'<li><a href="{html.escape(absolute(self.site["base_url"], entry.article.url))}">'
            f"{html.escape(plain_title(entry.article))}</a>"
            + (f" — {html.escape(entry.note)}" if entry.note else "")
            + "</li>"
            for entry in edition.stories
        )
        content = f"{edition.intro}\n<ol>{rows}</ol>"
        published = dt.datetime.combine(edition.date, dt.time(), tzinfo=self.site["tz"])
        return FeedItem(
            id=tag_uri(self.site["authority"], edition.date, f"editions/{edition.slug}"),
            url=url,
            title=edition.title,
            summary=f"{len(edition.stories)} stories",
            content=content,
            published=published,
        )

    def _links(self, feed: Feed) -> list[dict[str, str]]:
        return [
            {
                "type": FORMATS[fmt][0],
                "title": f"{feed.title} ({label})",
                "href": self.site["base_url"] + feed.file(fmt),
            }
            for fmt, label in (("atom", "Atom"), ("rss", "RSS"), ("json", "JSON Feed"))
        ]
