"""The evaluation articles, read from local copies of the public repositories that hold them.

The sources, all licence-compatible:

- the news documents of GUM (Georgetown University Multilayer corpus): Wikinews
  articles, CC BY 2.5, read from the corpus's CoNLL-U files (``# newpar`` starts a
  paragraph, ``# text =`` gives each sentence);
- U.S. Department of Health and Human Services press releases (federal works, public
  domain under 17 U.S.C. 105), read from a CSV of scraped pages (``<p>`` elements);
- the English Wikinews articles of November 2004 that WikinewsSum collected (public
  domain, or CC BY 2.5 from September 2005 on), read as wikitext from its JSON lines
  and turned back into plain paragraphs;
- the English Wikinews articles of 2019 and 2020 that vanatteveldt/wikinews scraped
  from the published pages (CC BY 2.5): a CSV whose text column has the page's
  paragraphs, blank-line separated, and on some rows the dateline first.

A source is looked up under the corpora folder (``--corpora``, default
``$NEWSDIGEST_CORPORA``) as ``owner+name/repo`` (a bare git directory, as the search
tool's ``fetch`` leaves it) or ``owner/name`` (a clone); files are read at the pinned
commit with ``git show``, so every machine sees the same text.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SOURCES = {
    "gum": {
        "repo": "amir-zeldes/gum",
        "commit": "72ce5ac14978a324c2fd18d49484e65292cbe316",
        "licence": "CC BY 2.5 (Wikinews); GUM annotations CC BY 4.0",
    },
    "meantime": {
        "repo": "D2KLab/relink",
        "commit": "9d7d5e49d0697097078cb9ba66ee27c33bc6b200",
        "licence": "CC BY 2.5 (Wikinews); MEANTIME annotations (NewsReader) CC BY 4.0",
    },
    "zyte": {
        "repo": "scrapinghub/article-extraction-benchmark",
        "commit": "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010",
        "licence": "MIT (the benchmark); the pages' text belongs to their publishers",
    },
    "trafilatura": {
        "repo": "adbar/trafilatura",
        "commit": "e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5",
        "licence": "Apache-2.0 (the evaluation data); the pages' text belongs to their publishers",
    },
    "hhs": {
        "repo": "pballent/Web-Scraping-HHS-Press-Releases",
        "commit": "df847e1436606ba196e49f0fb7e7aa54dc418d11",
        "licence": "public domain (U.S. federal government work, 17 U.S.C. 105)",
    },
    "wn": {
        "repo": "vanatteveldt/wikinews",
        "commit": "347254178bf343f3801aac1d03c41cc09c35decb",
        "licence": "CC BY 2.5 (Wikinews)",
    },
    "wikinews": {
        "repo": "airKlizz/WikinewsSum",
        "commit": "1d985031625909c908766812e8a18d0c88116ec8",
        "licence": "public domain (Wikinews {{PD-Article}}, 2004) or CC BY 2.5 (Wikinews)",
    },
}
WIKINEWS_FILE = "endataset.json"
WN_FILE = "data/wikinews_{year}.csv"
HHS_FILES = {"2018": "2018 HHS Press Releases.csv", "2019": "2019_HHS_Press_Releases.csv"}


class CorpusMissing(RuntimeError):
    """A source repository is not on this machine; the message says how to get it."""


@dataclass(frozen=True)
class Article:
    id: str  # "gum:GUM_news_afghan" or "hhs:2018/3"
    title: str
    paragraphs: tuple[str, ...]
    url: str


def checksum(text: str) -> str:
    """Eight hex digits of SHA-1: enough to notice an annotation that points at other text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def git_dir(corpora: Path, source: str) -> Path:
    owner, name = SOURCES[source]["repo"].split("/")
    for candidate in (corpora / f"{owner}+{name}" / "repo", corpora / owner / name):
        if candidate.exists():
            return candidate
    raise CorpusMissing(
        f"{SOURCES[source]['repo']} is not under {corpora}: clone it there as "
        f"{owner}/{name} (commit {SOURCES[source]['commit'][:12]}) or pass --corpora"
    )


def read_at_commit(corpora: Path, source: str, path: str) -> str:
    repo = git_dir(corpora, source)
    spec = f"{SOURCES[source]['commit']}:{path}"
    result = subprocess.run(
        ["git", "--git-dir", str(_git_path(repo)), "show", spec],
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8", errors="replace")


def _git_path(repo: Path) -> Path:
    return repo / ".git" if (repo / ".git").exists() else repo


def load(corpora: Path, article_id: str) -> Article:
    source, _, key = article_id.partition(":")
    if source == "gum":
        return _gum(corpora, key)
    if source == "hhs":
        return _hhs(corpora, key)
    if source == "wikinews":
        return _wikinews(corpora, key)
    if source == "wn":
        return _wn(corpora, key)
    if source == "meantime":
        from evaluation.meantime import meantime_article  # it reads through this module

        return meantime_article(corpora, article_id)
    raise ValueError(f"unknown source in {article_id!r}")


def list_at_commit(corpora: Path, source: str, folder: str) -> list[str]:
    """Every file path under ``folder`` of a source repository, at its pinned commit."""
    repo = git_dir(corpora, source)
    command = ["git", "--git-dir", str(_git_path(repo)), "ls-tree", "-r", "--name-only"]
    listing = subprocess.run(
        [*command, SOURCES[source]["commit"], folder],
        capture_output=True,
        text=True,
        check=True,
    )
    return listing.stdout.split("\n")


def gum_news_ids(corpora: Path) -> list[str]:
    listing = list_at_commit(corpora, "gum", "dep/")
    return [f"gum:{Path(p).stem}" for p in listing if Path(p).name.startswith("GUM_news_")]


@cache
def gum_conllu(corpora: Path, article_id: str) -> str:
    """The CoNLL-U file of a GUM document, with its annotations (read once: the quotes
    take its text, the entity tags its annotations)."""
    return read_at_commit(corpora, "gum", f"dep/{article_id.partition(':')[2]}.conllu")


def _gum(corpora: Path, name: str) -> Article:
    text = gum_conllu(corpora, f"gum:{name}")
    title, url = "", ""
    paragraphs: list[list[str]] = []
    headings: list[str] = []
    heading = False
    for line in text.splitlines():
        if line.startswith("# meta::title = "):
            title = line.split(" = ", 1)[1]
        elif line.startswith("# meta::sourceURL = "):
            url = line.split(" = ", 1)[1]
        elif line.startswith("# newpar_block = ") or line.startswith("# newpar = "):
            heading = line.split(" = ", 1)[1].startswith("head")
            paragraphs.append([])
        elif line == "# newpar":
            paragraphs.append([])
        elif line.startswith("# text = ") and heading:
            headings.append(line.split(" = ", 1)[1])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line.split(" = ", 1)[1])
    joined = tuple(" ".join(p) for p in paragraphs if p)
    # The headline as the text has it (the metadata's may drop a diacritic: "Licen").
    return Article(f"gum:{name}", headings[0] if headings else title, joined, url)


_P = re.compile(r"<p(?P<attrs>[^>]*)>(?P<body>.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")
# The scrape kept Python's escapes as text: "\\u2019", "\\xa0", "\\n\\t".
_ESCAPE = re.compile(r"\\u(?P<u>[0-9a-fA-F]{4})|\\x(?P<x>[0-9a-fA-F]{2})|\\[nt]")


def _unescape(match: re.Match) -> str:
    code = match.group("u") or match.group("x")
    return chr(int(code, 16)) if code else " "


def hhs_rows(corpora: Path, year: str) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    raw = read_at_commit(corpora, "hhs", HHS_FILES[year])
    return list(csv.DictReader(io.StringIO(raw)))


def _hhs(corpora: Path, key: str) -> Article:
    year, _, row = key.partition("/")
    record = hhs_rows(corpora, year)[int(row)]
    page = record.get("Text") or record.get("text") or ""
    url = record.get("URL") or record.get("url") or ""
    title, paragraphs = "", []
    for match in _P.finditer(page):
        body = _ESCAPE.sub(_unescape, match.group("body"))
        plain = " ".join(html.unescape(_TAG.sub("", body)).split())
        if "breadcrumb" in match.group("attrs"):
            title = plain.rsplit(" > ", 1)[-1]
            continue
        if plain.strip("# ") == "":
            if plain.startswith("#"):
                break  # "###": the release ends; what follows is boilerplate
            continue
        paragraphs.append(plain)
    return Article(f"hhs:{key}", title, tuple(paragraphs), url)


@cache
def wikinews_rows(corpora: Path) -> tuple[dict, ...]:
    raw = read_at_commit(corpora, "wikinews", WIKINEWS_FILE)
    return tuple(json.loads(line) for line in raw.splitlines() if line.strip())


def wikinews_ids(corpora: Path) -> list[str]:
    return [f"wikinews:{index}" for index in range(len(wikinews_rows(corpora)))]


_TEMPLATE_LINK = re.compile(r"\{\{w\|(?:[^|{}]*\|)?(?P<label>[^|{}]*)\}\}")
_WIKI_LINK = re.compile(r"\[\[(?!File:|Image:)(?:[^|\]]*\|)?(?P<label>[^\]|]*)\]\]")
_FILE_LINK = re.compile(r"\[\[(?:File|Image):[^\]]*\]\]")
_OTHER_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}|\{[a-z]+\}\}")
# The collector cut "{{byline|date=…|location=…}}" down to "{{byline|date", taking the
# lede's first letter with it: the paragraph is kept from what is left.
_BYLINE_STUB = re.compile(r"\{\{[Bb]yline\|date")
_REF = re.compile(r"<ref[^>]*?/>|<ref[^>]*>.*?</ref>|<!--.*?-->", re.S)
_EXTERNAL_LINK = re.compile(r"\[https?://[^\s\]]*(?: (?P<label>[^\]]*))?\]")
_BROKEN_LINK = re.compile(r"\[w:[^|\]]*\|(?P<label>[^\]]*)\]\]")  # "[[" cut to "["


def wikitext_paragraph(text: str) -> str:
    """Plain text of one wikitext paragraph: links become their labels, templates,
    files, references and bold or italic marks go."""
    text = _REF.sub("", _FILE_LINK.sub("", _BYLINE_STUB.sub("", text)))
    text = _TEMPLATE_LINK.sub(lambda m: m.group("label"), text)
    text = _WIKI_LINK.sub(lambda m: m.group("label"), text)
    text = _BROKEN_LINK.sub(lambda m: m.group("label"), text)
    text = _EXTERNAL_LINK.sub(lambda m: m.group("label") or "", text)
    text = _OTHER_TEMPLATE.sub("", text)
    text = re.sub(r"'{2,}", "", html.unescape(text))
    return " ".join(text.split())


def _wikinews(corpora: Path, key: str) -> Article:
    record = wikinews_rows(corpora)[int(key)]
    paragraphs = tuple(p for p in map(wikitext_paragraph, record["text"]) if p)
    return Article(f"wikinews:{key}", record["title"], paragraphs, "")


@cache
def wn_rows(corpora: Path, year: str) -> tuple[dict[str, str], ...]:
    csv.field_size_limit(1 << 30)
    raw = read_at_commit(corpora, "wn", WN_FILE.format(year=year))
    return tuple(csv.DictReader(io.StringIO(raw)))


def wn_ids(corpora: Path, year: str) -> list[str]:
    return [f"wn:{year}/{row}" for row in range(len(wn_rows(corpora, year)))]


# "Friday, January 4, 2019": the page's dateline, which the 2019 scrape kept.
_DATELINE = re.compile(r"^\w+day, \w+ \d{1,2}, \d{4}$")


def _wn(corpora: Path, key: str) -> Article:
    year, _, row = key.partition("/")
    record = wn_rows(corpora, year)[int(row)]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", record["text"])]
    paragraphs = [p for p in paragraphs if p and not _DATELINE.match(p)]
    return Article(f"wn:{key}", record["title"], tuple(paragraphs), record["url"])
