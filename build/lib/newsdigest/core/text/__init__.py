"""Pure text processing for raw stories: no Pelican imports live here."""
