"""The raw story format: header detection and paragraph splitting."""

from newsdigest.core.text.normalize import decode_bytes, normalize_whitespace, repair_text
from newsdigest.core.text.rawformat import parse_document, split_header, split_paragraphs


def test_header_then_body():
    header, body, problems = split_header("Title: A headline\nDate: 2026-11-23\n\nBody text.")
    assert header == {"title": "A headline", "date": "2026-11-23"}
    assert body == "Body text."
    assert problems == []


def test_no_header_when_first_block_is_prose():
    text = "BRUSSELS: NATO said on Monday that it would meet.\n\nMore text."
    header, body, _ = split_header(text)
    assert header == {}
    assert body == text


def test_unknown_keys_are_kept_with_a_problem():
    header, _, problems = split_header("Title: T\nMood: grim\n\nBody.")
    assert header["mood"] == "grim"
    assert problems == ["unknown header key 'mood' (kept, but no plugin uses it)"]


def test_folded_header_lines_continue_the_value():
    header, _, _ = split_header("Title: T\nStories:\n    a.txt | one\n    b.txt\n\nIntro.")
    assert header["stories"] == "a.txt | one\nb.txt"


def test_blank_lines_separate_paragraphs():
    assert split_paragraphs("One.\n\nTwo.\n \nThree.") == ["One.", "Two.", "Three."]


def test_single_newlines_separate_pasted_paragraphs():
    assert split_paragraphs("First paragraph.\nIn Other News\nLoad More") == [
        "First paragraph.",
        "In Other News",
        "Load More",
    ]


def test_hard_wrapped_prose_is_joined():
    body = (
        "The council voted on Monday to approve a new tram line that will link\n"
        "the airport with the northern districts of the city.\n\nSecond paragraph."
    )
    assert split_paragraphs(body) == [
        "The council voted on Monday to approve a new tram line that will link the airport "
        "with the northern districts of the city.",
        "Second paragraph.",
    ]


def test_windows_line_ends():
    document = parse_document(repair_text("Title: T\r\n\r\nOne.\r\n\r\nTwo.\r\n"))
    assert document.header == {"title": "T"}
    assert document.paragraphs == ["One.", "Two."]


def test_mojibake_is_repaired_and_curly_quotes_kept():
    assert repair_text("donâ€™t") == "don’t"
    assert repair_text("“Quoted,” she said.") == "“Quoted,” she said."


def test_whitespace_is_normalized():
    assert normalize_whitespace("  a\u00a0 b\u200b\tc  ") == "a b c"


def test_windows_1252_file_is_read_with_a_warning():
    text, warning = decode_bytes("Caf\u00e9 \u201cquote\u201d".encode("cp1252"))
    assert text == "Café “quote”"
    assert "not valid UTF-8" in warning


def test_utf8_bom_is_dropped():
    assert decode_bytes("\ufeffTitle: T".encode()) == ("Title: T", None)
