"""``newsdigest add``: pages served from 127.0.0.1, extracted, cleaned, written once."""

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path

import pytest

from support.site import ROOT, run_pelican

PARAGRAPHS = [
    "HELSINKI — The city council approved a new night tram line on Monday, the first "
    "all-night service in the capital's history.",
    "The line will run every 20 minutes between midnight and 5 a.m. from the central "
    "railway station to the eastern suburbs.",
    "“People work at night, and they need to get home,” said deputy mayor Aino Laine, who "
    "proposed the plan two years ago.",
    "The council estimated the yearly cost at 3.4 million euros. Trams will start running "
    "in March.",
    "Opposition councillors said the money would be better spent on buses.",
]
ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Helsinki approves night trams | The Harbour Courier</title>
{canonical}
<meta property="og:site_name" content="The Harbour Courier">
<meta name="author" content="Aino Virtanen">
<meta property="article:published_time" content="2026-11-16T08:30:00+02:00">
</head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience.</p>
<button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Helsinki approves night trams</h1>
<p class="byline">By Aino Virtanen</p><time datetime="2026-11-16">16 November 2026</time>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email</a></div>
<p>{p0}</p>
<p>{p1}</p>
<div class="advert"><p>Advertisement</p></div>
<p>{p2}</p>
<p>{p3}</p>
<p>{p4}</p>
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Bus fares rise</a></li>
<li><a href="/b">Metro closes for repairs</a></li></ul></aside>
<section id="comments"><h2>Comments (2)</h2><div class="comment"><p>Finally! — tramfan</p></div>
<div class="comment"><p>What a waste of money. — bob</p></div></section>
</main><footer><p>© 2026 The Harbour Courier. All rights reserved.</p></footer>
</body></html>"""


def article(canonical: str | None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    text = ARTICLE.replace("{canonical}", link)
    for index, paragraph in enumerate(PARAGRAPHS):
        text = text.replace(f"{{p{index}}}", paragraph)
    return text.encode("utf-8")


class Site:
    """A small news site on 127.0.0.1 with the failure modes a curator meets."""

    def __init__(self, robots: str | None = None, pages: dict[str, bytes] | None = None) -> None:
        site = self
        self.user_agents: list[str] = []
        self.requests: list[tuple[float, str]] = []  # (monotonic time, path) of each GET
        self.robots = robots
        self.pages = pages or {}

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                site.user_agents.append(self.headers.get("User-Agent", ""))
                path = self.path.split("?")[0]
                site.requests.append((time.monotonic(), path))
                if path == "/robots.txt" and site.robots is not None:
                    self._send(200, "text/plain", site.robots.encode("utf-8"))
                elif path in site.pages:
                    self._send(200, "text/html; charset=utf-8", site.pages[path])
                elif path == "/news/night-trams":
                    self._send(
                        200,
                        "text/html; charset=utf-8",
                        article("https://courier.example.org/news/night-trams"),
                    )
                elif path == "/plain":
                    self._send(200, "text/html; charset=utf-8", article(None))
                elif path == "/moved":
                    self.send_response(301)
                    self.send_header("Location", "/plain?utm_source=newsletter")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif path == "/broken":
                    self._send(500, "text/html", b"<h1>Internal error</h1>")
                elif path == "/feed.xml":
                    self._send(200, "application/rss+xml", b"<rss></rss>")
                elif path == "/huge":
                    self._send(200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>")
                elif path == "/slow":
                    time.sleep(3)
                    self._send(200, "text/html", article(None))
                else:
                    self._send(404, "text/html", b"<h1>Not found</h1>")

            def _send(self, status, content_type, body):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    server = Site()
    yield server
    server.stop()


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(folder)!r}\nTHEME = {str(ROOT / 'theme')!r}\nNEWSDIGEST_INTAKE_TIMEOUT = 1\n"
        "NEWSDIGEST_INTAKE_MAX_BYTES = 100000\nNEWSDIGEST_INTAKE_DELAY = 0\n",
        encoding="utf-8",
    )
    return folder, settings


def add(content, *args, stdin: str | None = None):
    folder, settings = content
    return subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "add", *args, "--settings", str(settings)],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=folder.parent,
        check=False,
        timeout=120,
    )


def written(content) -> list[Path]:
    return sorted(content[0].rglob("*.txt"))


def test_add_url_writes_a_clean_story(site, content):
    result = add(
        content,
        f"{site.url}/news/night-trams",
        "--section",
        "World",
        "--edition",
        "2026-11-16",
        "--note",
        "Trams at last.",
    )
    assert result.returncode == 0, result.stderr
    [path] = written(content)
    assert path == content[0] / "world/helsinki-approves-night-trams.txt"
    assert f"wrote {path}" in result.stdout
    assert "Helsinki approves night trams" in result.stdout  # the inspect preview
    header, _, body = path.read_text("utf-8").partition("\n\n")
    assert header.splitlines() == [
        "Title: Helsinki approves night trams",
        "Date: 2026-11-16",
        "Byline: Aino Virtanen",
        "Source: The Harbour Courier",
        "URL: https://courier.example.org/news/night-trams",
        "Section: World",
        "Edition: 2026-11-16",
        "Note: Trams at last.",
    ]
    assert [p.strip() for p in body.split("\n\n") if p.strip()] == PARAGRAPHS
    for furniture in (
        "cookies",
        "Accept all",
        "Share on",
        "Advertisement",
        "Related",
        "Comments",
        "tramfan",
        "All rights reserved",
        "Weather",
    ):
        assert furniture not in body, furniture
    assert site.user_agents and all(ua.startswith("newsdigest/") for ua in site.user_agents)


def test_redirects_are_followed_and_the_final_url_kept(site, content):
    result = add(content, f"{site.url}/moved", "--section", "World")
    assert result.returncode == 0, result.stderr
    [path] = written(content)
    assert f"URL: {site.url}/plain?utm_source=newsletter" in path.read_text("utf-8")


def test_duplicates_are_refused_unless_forced(site, content):
    assert add(content, f"{site.url}/news/night-trams", "--section", "World").returncode == 0
    again = add(content, f"{site.url}/news/night-trams?utm_source=x#top", "--section", "World")
    assert again.returncode == 1
    assert (
        "already added as" in again.stderr and "helsinki-approves-night-trams.txt" in again.stderr
    )
    assert len(written(content)) == 1
    forced = add(content, f"{site.url}/news/night-trams", "--section", "World", "--force")
    assert forced.returncode == 0
    assert [p.name for p in written(content)] == [
        "helsinki-approves-night-trams-2.txt",
        "helsinki-approves-night-trams.txt",
    ]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404"),
        ("/broken", "the server answered 500"),
        ("/feed.xml", "is not a web page (Content-Type: application/rss+xml)"),
        ("/huge", "is too large (300,007 bytes; the limit is 100,000"),
        ("/slow", "no answer within 1 seconds"),
    ],
)
def test_network_errors_are_clear_and_write_nothing(site, content, path, message):
    result = add(content, f"{site.url}{path}")
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert written(content) == []


def test_unreachable_host(content):
    result = add(content, "http://127.0.0.1:9/nothing-listens-here")
    assert result.returncode == 1 and "cannot connect" in result.stderr


def test_add_saved_html_file(tmp_path, content):
    saved = tmp_path / "saved.html"
    saved.write_bytes(article("https://courier.example.org/news/night-trams"))
    result = add(content, str(saved), "--section", "Europe")
    assert result.returncode == 0, result.stderr
    [path] = written(content)
    assert path.parent.name == "europe"
    assert "URL: https://courier.example.org/news/night-trams" in path.read_text("utf-8")


def test_add_pasted_text(content):
    pasted = (
        "OSLO — The fjord ferry will run all winter, the operator said on Monday.\n\n"
        "“We have the boats,” a spokesperson said.\n\nIn Other News\nLoad More\n"
    )
    result = add(content, "-", "--section", "World", stdin=pasted)
    assert result.returncode == 0, result.stderr
    [path] = written(content)
    assert path.name.startswith("fjord-ferry-to-run-all-winter")
    text = path.read_text("utf-8")
    assert text.startswith("Section: World\n\nOSLO — The fjord ferry")
    assert "2 removed" in result.stdout  # the preview shows what cleaning will remove


def test_added_story_builds_into_the_site(site, content, tmp_path):
    add(content, f"{site.url}/news/night-trams", "--section", "World")
    build = run_pelican(content[0], tmp_path / "output")
    assert build.returncode == 0, build.log
    page = build.page("world/helsinki-approves-night-trams/index.html")
    assert "<h1>Helsinki approves night trams</h1>" in page
    assert 'href="https://courier.example.org/news/night-trams"' in page
    assert '<span class="dateline">Helsinki —</span>' in page


# --- several stories at once -----------------------------------------------------------

FURNITURE = "Support the Courier: become a member from 3 euros a month."
BATCH_STORIES = {
    "/news/ferry": (
        "Ferry link agreed",
        [
            "TALLINN, Estonia (AP) — Estonia and Finland agreed on Wednesday to share the "
            "cost of a new year-round ferry link, ministers said.",
            "The two governments will each pay 40% of the 210 million euro project.",
        ],
    ),
    "/news/library": (
        "Library opens at night",
        [
            "The central library will stay open around the clock for three weeks so that "
            "students have somewhere warm to work, the council said.",
            "On the first night, 112 people signed in after midnight, staff said.",
        ],
    ),
    "/news/cranes": (
        "Record crane count",
        [
            "Volunteers counted more than 21,000 cranes at the lake reserve on Saturday, "
            "the highest number since counts began, the county board said.",
            "The birds stop at the lake on their way south to Spain and France.",
        ],
    ),
}


def batch_page(title: str, paragraphs: list[str]) -> bytes:
    """A page of the Courier: its member appeal sits inside the article body, where no
    extractor can tell it from the story on one page alone."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:1])
    body += f"<p>{FURNITURE}</p>" + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
        f"</head><body><main><article><h1>{title}</h1>{body}</article></main></body></html>"
    ).encode()


@pytest.fixture
def polite_site():
    server = Site(
        robots="User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n",
        pages={path: batch_page(*story) for path, story in BATCH_STORIES.items()}
        | {"/private/memo": batch_page(*BATCH_STORIES["/news/ferry"])},
    )
    yield server
    server.stop()


def test_several_urls_from_a_list_and_the_command_line(polite_site, content, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# stories for Monday\n"
        f"{polite_site.url}/news/ferry\n\n"
        f"{polite_site.url}/private/memo   # robots.txt keeps us out\n"
        f"{polite_site.url}/missing\n"
        f"{polite_site.url}/news/library\n",
        encoding="utf-8",
    )
    result = add(
        content, f"{polite_site.url}/news/cranes", "--from-file", str(listing), "--progress"
    )
    assert result.returncode == 1  # something failed, and the rest was still added
    assert "Traceback" not in result.stderr
    assert f"{polite_site.url}/private/memo: the site's robots.txt does not allow" in result.stderr
    assert f"{polite_site.url}/missing: the server answered 404" in result.stderr
    assert "added 3 of 5; 2 failed" in result.stdout
    assert "10/10" in result.stderr  # the progress bar ran to its end
    stories = {path.name: path.read_text("utf-8") for path in written(content)}
    assert sorted(stories) == [
        "ferry-link-agreed.txt",
        "library-opens-at-night.txt",
        "record-crane-count.txt",
    ]
    for path, (_title, paragraphs) in BATCH_STORIES.items():
        text = next(t for t in stories.values() if f"URL: {polite_site.url}{path}" in t)
        assert all(paragraph in text for paragraph in paragraphs)
        # The appeal is on every page of the site: furniture, removed from each story.
        assert FURNITURE not in text


def test_a_site_is_fetched_politely(polite_site, content):
    urls = [f"{polite_site.url}{path}" for path in BATCH_STORIES]
    result = add(content, *urls, f"{polite_site.url}/private/memo")
    assert result.returncode == 1
    paths = [path for _time, path in polite_site.requests]
    assert paths.count("/robots.txt") == 1 and "/private/memo" not in paths
    times = [moment for moment, _path in polite_site.requests]
    # Crawl-delay: 1 outweighs NEWSDIGEST_INTAKE_DELAY = 0: a second between requests.
    assert all(later - earlier >= 0.95 for earlier, later in pairwise(times))


def test_one_page_per_site_has_no_furniture_to_learn_from(polite_site, content):
    """A single page cannot tell the site's appeal from the story: it is kept."""
    result = add(content, f"{polite_site.url}/news/ferry")
    assert result.returncode == 0, result.stderr
    [path] = written(content)
    assert FURNITURE in path.read_text("utf-8")


def test_a_batch_reports_stories_already_added(polite_site, content):
    first = add(content, f"{polite_site.url}/news/ferry", f"{polite_site.url}/news/cranes")
    assert first.returncode == 0, first.stderr
    again = add(content, f"{polite_site.url}/news/ferry", f"{polite_site.url}/news/library")
    assert again.returncode == 0  # already there is not a failure
    assert "added 1 of 2; 1 already in content/" in again.stdout
    assert "already added as" in again.stderr
    assert len(written(content)) == 3


def test_mistakes_in_the_sources_are_one_line(content, tmp_path):
    missing = add(content, "--from-file", str(tmp_path / "nowhere.txt"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr
    nothing = add(content)
    assert nothing.returncode == 1 and "nothing to add" in nothing.stderr
    mixed = add(content, "-", "https://example.org/a", stdin="text")
    assert mixed.returncode == 1 and "cannot be combined" in mixed.stderr
    for result in (missing, nothing, mixed):
        assert result.stderr.count("\n") == 1


def test_a_sites_robots_txt_can_be_ignored_by_setting(polite_site, content):
    _folder, settings = content
    settings.write_text(
        settings.read_text("utf-8") + "NEWSDIGEST_INTAKE_ROBOTS = False\n", encoding="utf-8"
    )
    result = add(content, f"{polite_site.url}/private/memo")
    assert result.returncode == 0, result.stderr
    assert "/robots.txt" not in [path for _time, path in polite_site.requests]


def test_a_table_that_is_the_story_reaches_the_page(content, tmp_path):
    saved = ROOT / "tests/data/intake/pages/daily-harbour-league.html"
    assert add(content, str(saved), "--section", "Sport").returncode == 0
    [path] = written(content)
    assert "| Harbour Rovers | 14 | 10 | 2 | 2 | 32 |" in path.read_text("utf-8")
    build = run_pelican(content[0], tmp_path / "output")
    assert build.returncode == 0, build.log
    page = build.page("sport/rovers-go-four-points-clear-after-late-winner/index.html")
    assert "<th>Team</th>" in page and "<td>Harbour Rovers</td>" in page
    assert "| Harbour Rovers" not in page


def test_a_wire_storys_agency_is_kept_as_its_credit(content, tmp_path):
    pasted = (
        "Title: Lake freighter runs aground\nDate: 2026-11-20\n\n"
        "ST. JOSEPH, Mich. (AP) — A lake freighter ran aground near the harbour entrance "
        "on Thursday, the Coast Guard said.\n\nNo one was hurt, officials said.\n"
    )
    assert add(content, "-", "--section", "World", stdin=pasted).returncode == 0
    build = run_pelican(content[0], tmp_path / "output")
    assert build.returncode == 0, build.log
    page = build.page("world/lake-freighter-runs-aground/index.html")
    assert '<span class="dateline">St. Joseph, Mich. (AP) —</span>' in page
    assert '<span class="credit">The Associated Press</span>' in page
    jsonld = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert jsonld["sourceOrganization"] == {
        "@type": "NewsMediaOrganization",
        "name": "The Associated Press",
    }
