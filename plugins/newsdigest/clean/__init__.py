"""Pelican plugin ``newsdigest.clean``: read raw wire stories and Markdown, cleaned.

Registers a reader for ``.txt`` raw wire stories and a markdown-it-py reader for
``.md`` (stories, pages and editions), turns every story into clean paragraphs with
metadata (derived headline, dateline, byline, summary) and writes a report of what
cleaning removed. Story text is untrusted: titles and summaries reach templates as
escaped ``Markup`` and the body as sanitized HTML, so they are safe in any theme,
whether it autoescapes (ours does) or prints them as they are (Pelican's own).
"""

from __future__ import annotations

from pelican import signals

from newsdigest.clean.dates import save_ledger
from newsdigest.clean.readers import MarkdownStoryReader, RawStoryReader
from newsdigest.clean.report import collect_articles, reset_report, write_report
from newsdigest.site.articles import read_articles, warn
from newsdigest.site.startup import register_startup


def add_readers(readers) -> None:
    """Our readers replace Pelican's for .txt and .md (no Python-Markdown needed)."""
    for reader_class in (RawStoryReader, MarkdownStoryReader):
        for extension in reader_class.file_extensions:
            readers.reader_classes[extension] = reader_class


def forget_disabled_readers(generator) -> None:
    """Pelican lists its own Markdown reader as disabled (no Python-Markdown) and would
    warn on every .md file even though ours reads them; drop that stale entry."""
    for reader_class in (RawStoryReader, MarkdownStoryReader):
        for extension in reader_class.file_extensions:
            generator.readers.disabled_readers.pop(extension, None)


def separate_duplicate_urls(generator) -> None:
    """Two stories that would be written to the same place (``world/inject.txt`` and
    ``world/inject.md``) both get published: the later ones get ``-2``, ``-3`` … slugs."""
    taken: dict[str, str] = {}
    articles = read_articles(generator)
    for article in sorted(articles, key=lambda a: a.source_path):
        wanted, base, suffix = article.save_as, article.slug, 2
        while article.save_as in taken:
            article.slug = f"{base}-{suffix}"
            suffix += 1
        if article.slug != base:
            warn(article, f"the same URL as {taken[wanted]}; published as {article.url}")
        taken[article.save_as] = article.relative_source_path


def freeze_urls(generator) -> None:
    """Once the articles are final, fix each one's URL and output path with Pelican's own
    ``override_url``/``override_save_as`` (what a ``URL:`` header sets): the same values,
    but every later ``article.url`` in pages, lists and feeds is a lookup instead of a
    format of the URL pattern (a few thousand per build)."""
    articles = read_articles(generator)
    for article in articles + [t for a in articles for t in a.translations]:
        article.override_url, article.override_save_as = article.url, article.save_as


def register() -> None:
    register_startup()
    signals.readers_init.connect(add_readers)
    signals.article_generator_init.connect(reset_report)
    signals.article_generator_pretaxonomy.connect(separate_duplicate_urls)
    signals.article_generator_init.connect(forget_disabled_readers)
    signals.page_generator_init.connect(forget_disabled_readers)
    signals.article_generator_finalized.connect(freeze_urls)
    signals.article_generator_finalized.connect(collect_articles)
    signals.finalized.connect(save_ledger)
    signals.finalized.connect(write_report)
