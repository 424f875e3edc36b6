"""The feed model and its renderings (RSS 2.0, Atom, JSON Feed 1.1), without Pelican."""
