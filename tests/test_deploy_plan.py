"""Which headers and which upload order each built file gets (no server needed)."""

from newsdigest.core.deploy.plan import (
    ASSET_CACHE,
    DEFAULT_HEADER_RULES,
    LONG_CACHE,
    SHORT_CACHE,
    headers_for,
    local_files,
)


def cache(key):
    return headers_for(key, DEFAULT_HEADER_RULES)["Cache-Control"]


def test_search_index_chunks_are_immutable_and_its_entry_short_lived():
    assert cache("pagefind/fragment/en_1188d96.pf_fragment") == LONG_CACHE
    assert cache("pagefind/index/en_e730abc.pf_index") == LONG_CACHE
    assert cache("pagefind/filter/en_2977246.pf_filter") == LONG_CACHE
    assert cache("pagefind/pagefind.en_9be6814d11.pf_meta") == LONG_CACHE
    assert cache("pagefind/pagefind-entry.json") == SHORT_CACHE
    assert cache("pagefind/pagefind.js") == SHORT_CACHE
    assert cache("pagefind/wasm.en.pagefind") == SHORT_CACHE
    assert cache("search/search.js") == SHORT_CACHE
    assert cache("theme/css/main.css") == ASSET_CACHE
    entry = headers_for("pagefind/pagefind-entry.json", DEFAULT_HEADER_RULES)
    assert entry["Content-Type"] == "application/json"


def test_the_search_entry_is_uploaded_after_the_chunks_it_names(tmp_path):
    for relative in (
        "index.html",
        "world/a/index.html",
        "pagefind/pagefind-entry.json",
        "pagefind/pagefind.en_9be6814d11.pf_meta",
        "pagefind/fragment/en_1188d96.pf_fragment",
    ):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    order = [f.key for f in local_files(tmp_path)]
    entry = order.index("pagefind/pagefind-entry.json")
    assert entry > order.index("pagefind/pagefind.en_9be6814d11.pf_meta")
    assert entry > order.index("pagefind/fragment/en_1188d96.pf_fragment")
    assert order.index("world/a/index.html") < order.index("index.html")
