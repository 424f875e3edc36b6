"""Unicode repair and whitespace normalization for pasted text.

Pasted wire copy arrives as mojibake ("donâ€™t"), with non-breaking and zero-width
spaces, and with Windows line ends. ftfy repairs the encoding damage; we keep curly
quotes because they carry meaning for quotation detection later.
"""

from __future__ import annotations

import re

import ftfy

_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # curly quotes are real typography, not damage
    fix_line_breaks=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)

# Spaces that render like a space, and invisible characters that only break matching.
_SPACE_LIKE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200e\u200f\u2060\ufeff\u00ad]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class BinaryData(ValueError):
    """The file is not text at all (an image, an archive, a stray binary)."""


def looks_binary(data: bytes) -> bool:
    """Many NUL or control bytes in the first 8 KB: an image or an archive, not a story.
    A stray control character in pasted text is not enough (it is stripped later)."""
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return head.count(0) > 2 or controls / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a story file; return the text and a warning when it was not UTF-8.

    Editors save files from many tools: UTF-8 (with or without BOM) is the norm, and
    Windows-1252 is what a pasted Windows file usually is. Binary data raises.
    """
    if looks_binary(data):
        raise BinaryData("binary data, not a text file")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        text = data.decode("cp1252", errors="replace")
        return text, f"not valid UTF-8 (byte {error.start}); read as Windows-1252"


def repair_text(text: str) -> str:
    """Fix mojibake, line ends and control characters in a whole document."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ftfy.fix_text(text, config=_FTFY_CONFIG)


def normalize_whitespace(text: str) -> str:
    """Collapse spacing inside one paragraph or header value to single spaces."""
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = text.replace("\n", " ")
    return _RUNS_OF_SPACES.sub(" ", text).strip()
