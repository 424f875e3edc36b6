"""What every newsdigest plugin needs at start-up, whichever of them a site enables.

Each plugin's ``register()`` calls ``register_startup()``; the hooks connect once
however many plugins call it (blinker keeps one connection per function), so no
plugin depends on another being listed, or listed first:

- the ``NEWSDIGEST_*`` settings are checked (a typo or a wrong type stops the build
  with one message naming the setting, no traceback);
- ``NEWSDIGEST_SITE_URL`` is set (feeds, sitemap and canonical links need it);
- edition and entity page URLs get their defaults, and the editions folder is kept
  out of Pelican's article and page paths;
- the template globals our theme and the plugins' templates call are registered.
"""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals

from newsdigest.core.jsonld import absolute_site_url, collection_page, news_article
from newsdigest.core.settings import URL_DEFAULTS, SettingsError, setting, validate
from newsdigest.site.cards import forget_cards, story_card

logger = logging.getLogger(__name__)


def check_settings(pelican: Any) -> None:
    try:
        validate(pelican.settings)
    except SettingsError as error:
        logger.critical("newsdigest: %s", error)
        raise SystemExit(2) from None  # not an Exception: Pelican prints no traceback


def set_site_url(pelican: Any) -> None:
    """``NEWSDIGEST_SITE_URL``: SITEURL when absolute, else the preview server's address."""
    pelican.settings["NEWSDIGEST_SITE_URL"] = absolute_site_url(pelican.settings)


def set_url_defaults(pelican: Any) -> None:
    """Edition and entity page locations a site did not set (Pelican-style URL settings)."""
    for name, default in URL_DEFAULTS.items():
        pelican.settings.setdefault(name, default)


def exclude_editions_folder(pelican: Any) -> None:
    """Edition files are read by the editions plugin, never as stories or pages."""
    folder = setting(pelican.settings, "NEWSDIGEST_EDITIONS_DIR")
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES"):
        excludes = list(pelican.settings.get(key) or [])
        if folder and folder not in excludes:
            pelican.settings[key] = [*excludes, folder]


def add_template_globals(pelican: Any) -> None:
    """``news_article_jsonld(article, SITEURL, SITENAME)`` and ``collection_jsonld(name,
    items, SITEURL[, title attribute])`` for JSON-LD (pass them through ``tojson``), and
    ``story_card(article, note, heading)`` for lists of stories."""
    template_globals = dict(pelican.settings.get("JINJA_GLOBALS") or {})
    template_globals.setdefault("news_article_jsonld", news_article)
    template_globals.setdefault("collection_jsonld", collection_page)
    template_globals.setdefault("story_card", story_card)
    pelican.settings["JINJA_GLOBALS"] = template_globals


def register_startup() -> None:
    signals.initialized.connect(check_settings)
    signals.initialized.connect(set_site_url)
    signals.initialized.connect(set_url_defaults)
    signals.initialized.connect(exclude_editions_folder)
    signals.initialized.connect(add_template_globals)
    signals.article_generator_init.connect(forget_cards)
