"""newsdigest: Pelican plugins that clean raw wire stories and build a curated news digest.

The package keeps pure text logic (``newsdigest.core.text``, ``newsdigest.core.story``,
``newsdigest.core.editions.file``) apart from the Pelican glue (``newsdigest.clean``,
``newsdigest.editions``) so the CLI and tests can use the same code without Pelican.
"""

__version__ = "0.1.0"
