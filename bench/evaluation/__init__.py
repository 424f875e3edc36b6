"""Quality evaluation on real news nobody here wrote (``make eval``).

The article texts stay in their public repositories (they are never committed here);
``corpus`` reads them from local copies of those repositories, at pinned commits. Our
hand annotations live under ``tests/data/`` and point into the texts by paragraph and
character offsets, each with a checksum of the text it marks.
"""
