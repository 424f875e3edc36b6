"""Entity pages (every story that mentions the entity) and the entity index."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from newsdigest.core.entities import DirectoryError, site_directory
from newsdigest.core.entities.extract import KIND_ORDER, group_by_kind
from newsdigest.core.entities.related import most_shared
from newsdigest.core.entities.site_names import site_aliases
from newsdigest.core.settings import setting
from newsdigest.site.templates import FallbackTemplates

logger = logging.getLogger(__name__)
KIND_LABELS = {"person": "People", "organization": "Organizations", "place": "Places"}


@dataclass
class EntityPage:
    """One entity across the whole site."""

    name: str
    kind: str
    slug: str
    url: str
    save_as: str
    description: str | None = None
    wikidata: str | None = None
    articles: list[Any] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None


class EntitiesGenerator(FallbackTemplates, Generator):
    """Collects the tagged entities of all published stories into pages."""

    fallback_templates = Path(__file__).parent / "templates"

    def generate_context(self) -> None:
        self._one_name_per_entity(self.context.get("articles", []))
        pages: dict[str, EntityPage] = {}
        kinds: dict[str, Counter] = {}
        slugs: dict[str, str] = {}
        for article in self.context.get("articles", []):
            for entity in getattr(article, "entities", None) or []:
                page = pages.get(entity.name)
                if page is None:
                    page = pages[entity.name] = self._new_page(entity, slugs)
                page.articles.append(article)
                page.description = page.description or entity.description
                page.wikidata = page.wikidata or entity.wikidata
                kinds.setdefault(entity.name, Counter())[entity.kind] += 1
        for name, page in pages.items():
            page.kind = kinds[name].most_common(1)[0][0]  # the site-wide consensus
            page.articles.sort(key=lambda a: (a.date, a.source_path), reverse=True)
        for article in [*self.context.get("articles", [])]:
            for entity in getattr(article, "entities", None) or []:
                entity.url = pages[entity.name].url
                entity.kind = pages[entity.name].kind
        self._relate(self.context.get("articles", []))
        ordered = sorted(pages.values(), key=lambda p: p.name.casefold())
        self.context["entity_pages"] = ordered
        self.context["entities_by_kind"] = [
            (kind, KIND_LABELS[kind], [p for p in ordered if p.kind == kind])
            for kind in KIND_ORDER
            if any(p.kind == kind for p in ordered)
        ]

    def _one_name_per_entity(self, articles: list[Any]) -> None:
        """Rename each tag that another story settled under a fuller or commoner name
        (see ``site_names``), merging two tags of one story that become one."""
        try:
            protected = set(site_directory(self.settings).entries)
        except DirectoryError:
            protected = set()  # the enrichment step has warned about the file already
        tags = []
        for article in articles:
            for entity in getattr(article, "entities", None) or []:
                tags.append((entity.name, entity.kind))
                if entity.from_header:
                    protected.add(entity.name)
        aliases = site_aliases(tags, protected)
        if not aliases:
            return
        for article in articles:
            entities = getattr(article, "entities", None) or []
            if not any(entity.name in aliases for entity in entities):
                continue
            kept: dict[str, Any] = {}
            for entity in entities:
                entity.name = aliases.get(entity.name, entity.name)
                if entity.name in kept:
                    kept[entity.name].mentions += entity.mentions
                else:
                    kept[entity.name] = entity
            survivors = list(kept.values())
            shown = {id(e) for e in getattr(article, "entity_tags", survivors)}
            article.entities = survivors
            article.entity_tags = [e for e in survivors if id(e) in shown]
            article.entity_more = [e for e in survivors if id(e) not in shown]
            article.entity_groups = group_by_kind(article.entity_tags)

    def _relate(self, articles: list[Any]) -> None:
        """``article.related``: the stories sharing the most entities they are about (the
        tags each page shows first, not its incidental mentions), newest first on ties."""
        limit = int(setting(self.settings, "NEWSDIGEST_RELATED_MAX"))
        newest_first = sorted(articles, key=lambda a: (-a.date.timestamp(), a.source_path))
        names = [
            [e.name for e in getattr(a, "entity_tags", getattr(a, "entities", None)) or []]
            for a in newest_first
        ]
        for article, related in zip(newest_first, most_shared(names, limit), strict=True):
            article.related = [newest_first[i] for i in related]

    def _new_page(self, entity: Any, slugs: dict[str, str]) -> EntityPage:
        slug = entity.slug
        if slug in slugs and slugs[slug] != entity.name:  # "Foo Bar" vs "Foo-Bar"
            slug = f"{slug}-{entity.kind}"
            suffix = 2
            while slug in slugs:
                slug, suffix = f"{entity.slug}-{suffix}", suffix + 1
        slugs[slug] = entity.name
        url = self.settings["ENTITY_URL"].format(slug=slug)
        save_as = self.settings["ENTITY_SAVE_AS"].format(slug=slug)
        return EntityPage(entity.name, entity.kind, slug, url, save_as)

    def generate_output(self, writer) -> None:
        relative = self.settings.get("RELATIVE_URLS", False)
        template = self.get_template("entity")
        for page in self.context["entity_pages"]:
            writer.write_file(
                page.save_as,
                template,
                self.context,
                relative_urls=relative,
                paginated={"articles": page.articles},
                template_name="entity",  # paginated when PAGINATED_TEMPLATES lists it
                url=page.url,
                entity=page,
            )
        index_as = self.settings["ENTITIES_SAVE_AS"]
        if index_as:
            writer.write_file(
                index_as,
                self.get_template("entities"),
                self.context,
                relative_urls=relative,
                url=self.settings["ENTITIES_URL"],
            )
