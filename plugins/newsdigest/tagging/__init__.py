"""Entity tagging without Pelican: canonical people, organizations and places."""

from .directory import DirectoryError, EntityDirectory, EntityInfo, load_directory, site_directory
from .extract import Entity, TaggingOptions, extract_entities
from .slug import entity_slug

__all__ = [
    "DirectoryError",
    "Entity",
    "EntityDirectory",
    "EntityInfo",
    "TaggingOptions",
    "entity_slug",
    "extract_entities",
    "load_directory",
    "site_directory",
]
