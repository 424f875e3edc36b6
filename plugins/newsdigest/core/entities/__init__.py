"""Entity tagging without Pelican: canonical people, organizations and places."""

from newsdigest.core.entities.directory import (
    DirectoryError,
    EntityDirectory,
    EntityInfo,
    load_directory,
    site_directory,
)
from newsdigest.core.entities.extract import Entity, EntityOptions, extract_entities
from newsdigest.core.entities.slug import entity_slug

__all__ = [
    "DirectoryError",
    "Entity",
    "EntityDirectory",
    "EntityInfo",
    "EntityOptions",
    "entity_slug",
    "extract_entities",
    "load_directory",
    "site_directory",
]
