"""What the search index is built from, in pure code (no Pelican, no Pagefind)."""
