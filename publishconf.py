"""Production settings: absolute URLs (pages and feeds use them), no drafts.

SITEURL comes from the environment (`SITEURL=https://news.example.org make publish`)
or the default below.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://digest.example.org").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

DRAFT_SAVE_AS = ""  # drafts are previewed locally, never published

# newsdigest deploy (see README, "Deploying"; the other NEWSDIGEST_DEPLOY_* settings
# keep their defaults: at most 20 deletes, no gzip, output/_newsdigest/ not deployed)
NEWSDIGEST_CNAME = os.environ.get("CNAME")  # custom domain for GitHub Pages, or None
