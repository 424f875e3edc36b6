"""Story cards rendered once per story and page depth, however many lists show them.

A story appears in its section, the archive, editions and every entity page it is
tagged with: several thousand cards per build for a few hundred stories. The
``story_card()`` template global renders ``_story_card.html`` the first time and reuses
the markup after (it depends only on the story, the note, the heading, whether it
leads the page and SITEURL).
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

CARD_TEMPLATE = "_story_card.html"
LEAD_TEMPLATE = "_lead_story.html"
# (id(article), SITEURL, note, heading, lead) -> (article, card); the article is kept so its id
# cannot be reused by another object during the build.
_cards: dict[tuple, tuple[Any, Markup]] = {}


def forget_cards(*_args: Any) -> None:
    """A new build: stories may have changed."""
    _cards.clear()


@pass_context
def story_card(
    context, article: Any, note: str | None = None, heading: str = "h3", lead: bool = False
) -> Markup:
    """A story's card; ``lead=True`` gives the larger lead-story card (with its pull-quote
    or first key fact) that opens a front, edition or section page."""
    siteurl = context.get("SITEURL", "")
    key = (id(article), siteurl, note, heading, lead)
    if key not in _cards:
        template = context.environment.get_template(LEAD_TEMPLATE if lead else CARD_TEMPLATE)
        card = template.render(article=article, note=note, heading=heading, SITEURL=siteurl)
        _cards[key] = (article, Markup(card + "\n"))
    return _cards[key][1]
