"""The shared per-story language analysis: one spaCy pass, cached on disk.

Entities, quotes and facts all read the same ``Analysis``; none of them parses a
story again. An ``Analysis`` is plain data (offsets and labels), small enough to
cache as JSON, never a pickled spaCy ``Doc``.
"""

from newsdigest.core.nlp.cache import AnalysisCache
from newsdigest.core.nlp.document import Analysis, Span, TokenTable, Unit
from newsdigest.core.nlp.pipeline import ANALYSIS_FORMAT, AnalysisConfig, Analyzer

__all__ = [
    "ANALYSIS_FORMAT",
    "Analysis",
    "AnalysisCache",
    "AnalysisConfig",
    "Analyzer",
    "Span",
    "TokenTable",
    "Unit",
]
