"""The SQLite store: one file, written one article per transaction, read through ``stancemap.query``."""

from .sqlite import DEFAULT_DB, Store, open_store

__all__ = ["DEFAULT_DB", "Store", "open_store"]
