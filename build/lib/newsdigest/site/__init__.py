"""Pelican glue shared by the newsdigest plugins: story articles and their warnings,
the one enrichment per build, story bodies with their asides, template support and the
settings check. Each plugin package (``newsdigest.clean`` …) imports from here, never
from another plugin."""
