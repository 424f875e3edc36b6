"""Local preview settings: relative URLs, drafts written, no feeds.

`pelican content` (or `make html` / `make serve`) reads this file.
"""

AUTHOR = "The Digest desk"
SITENAME = "The Weekly Wire"
SITESUBTITLE = "A curated digest of the week's news, cleaned and explained"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_CATEGORY = "News"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# Our plugins, by dotted name (installed with the project: `pip install -e .`).
PLUGINS = [
    "newsdigest.clean",
    "newsdigest.editions",
    "newsdigest.entities",
    "newsdigest.quotes",
    "newsdigest.facts",
    "newsdigest.feeds",
    "newsdigest.search",
]

# Stories live in section folders; pages and editions are not stories.
ARTICLE_EXCLUDES = ["pages", "editions"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
SLUGIFY_SOURCE = "basename"  # URLs follow file names, so a new headline never moves a story

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
CATEGORIES_SAVE_AS = "sections/index.html"
ARCHIVES_URL = "archive/"
ARCHIVES_SAVE_AS = "archive/index.html"
EDITION_URL = "editions/{slug}/"
EDITION_SAVE_AS = "editions/{slug}/index.html"
EDITIONS_URL = "editions/"
EDITIONS_SAVE_AS = "editions/index.html"
ENTITY_URL = "entities/{slug}/"
ENTITY_SAVE_AS = "entities/{slug}/index.html"
ENTITIES_URL = "entities/"
ENTITIES_SAVE_AS = "entities/index.html"

# Entity tags replace Pelican's tags and authors pages (a later plugin).
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "categories", "archives", "404", "sitemap", "robots"]
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"
# Long lists are split by Pelican's own paginator: section, entity and archive pages,
# 24 stories a page (the archive, a compact list, 100), the rest at .../page/2/ etc.
DEFAULT_PAGINATION = 24
PAGINATED_TEMPLATES = {"category": None, "entity": None, "archives": 100}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{url}page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Pelican's own feeds are off: newsdigest.feeds writes RSS, Atom and JSON Feed.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Story text is untrusted: templates escape everything not marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# newsdigest settings: only what this site changes. Every NEWSDIGEST_* setting, its
# default and type: the README's "Settings reference", or `newsdigest settings`.
# A misspelt or mistyped one stops the build with a message naming it.
#
# The feeds' GUID authority is set once and never changed, even if the site moves:
# every item's id is tag:AUTHORITY,DATE:PATH, so readers never see a story twice.
NEWSDIGEST_GUID_AUTHORITY = "digest.example.org"
