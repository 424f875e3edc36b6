"""Fact boxes without Pelican: key figures, when, who and where, each traceable."""

from newsdigest.core.facts.build import FactOptions, build_fact_box, parse_facts_header
from newsdigest.core.facts.candidates import Fact, find_candidates

__all__ = ["Fact", "FactOptions", "build_fact_box", "find_candidates", "parse_facts_header"]
