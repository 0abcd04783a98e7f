"""The store: verify's database. ``open_store`` opens (and on first use sets up) a database."""

from .db import mask_url
from .repository import IngestResult, Store, open_store
from .sources import SourceSummary

__all__ = ["IngestResult", "SourceSummary", "Store", "mask_url", "open_store"]
