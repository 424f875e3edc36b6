"""The theme without a browser: validity, weight, no scripts, sitemap, robots, 404."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from support.site import ROOT

VNU = ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"


def test_no_javascript_but_search_and_no_other_hosts(sample_site):
    search_page = sample_site.output / "search/index.html"
    for page in sample_site.html_files():
        html = page.read_text("utf-8")
        scripts = [a for a in re.findall(r"<script([^>]*)>", html) if "ld+json" not in a]
        if page == search_page:  # the one page that needs JavaScript, and only its own
            assert scripts == [' type="module" src="../search/search.js"'], scripts
        else:
            assert scripts == [], page
        for url in re.findall(r'<(?:link|img|script)[^>]+(?:href|src)="([^"]+)"', html):
            if 'rel="alternate"' in html and url.endswith((".xml", ".json")):
                continue  # feed autodiscovery
            assert not re.match(r"^(?:https?:)?//", url) or url.startswith(
                "http://127.0.0.1:8000/"
            ), (page, url)
        assert "@import" not in html and "fonts.googleapis" not in html


def test_every_page_has_the_head_essentials(sample_site):
    for page in sample_site.html_files():
        html = page.read_text("utf-8")
        needles = [
            '<meta property="og:title"',
            '<meta name="twitter:card"',
            'rel="alternate" type="application/atom+xml"',
            'class="skip-link" href="#main"',
            '<main id="main"',
        ]
        if page.name == "404.html":  # an error page has no address of its own
            assert 'rel="canonical"' not in html and 'property="og:url"' not in html
        else:
            needles.append('<link rel="canonical" href="http')
        for needle in needles:
            assert needle in html, (page, needle)


def test_list_pages_carry_collection_json_ld(sample_site):
    for relative in (
        "index.html",
        "world/index.html",
        "entities/index.html",
        "editions/index.html",
        "archive/index.html",
    ):
        html = sample_site.page(relative)
        raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        data = json.loads(raw)
        assert data["@type"] == "CollectionPage", relative
        assert data["mainEntity"]["itemListElement"], relative


def test_related_stories(sample_site):
    html = sample_site.page("world/alpine-avalanche-warning/index.html")
    related = html.split('id="related-heading"')[1].split("</section>")[0]
    assert related.count("<li>") >= 1
    assert "alpine-avalanche-warning" not in related


def test_sitemap_and_robots(sample_site):
    tree = ElementTree.parse(sample_site.output / "sitemap.xml")
    urls = [loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "http://127.0.0.1:8000/world/baltic-ferry-talks/" in urls
    assert "http://127.0.0.1:8000/entities/switzerland/" in urls
    assert len(urls) == len(set(urls))
    robots = sample_site.page("robots.txt")
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots


def test_404_page(sample_site):
    html = sample_site.page("404.html")
    assert "<h1>Page not found</h1>" in html


@pytest.mark.skipif(
    shutil.which("java") is None or not VNU.is_file(),
    reason="the Nu Html Checker needs java and .tools/node_modules/vnu-jar "
    "(.ci/run installs them: npm install --prefix .tools vnu-jar)",
)
def test_every_page_is_valid_html(sample_site):
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(sample_site.output),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
