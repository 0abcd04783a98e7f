"""The store: verify's database. ``open_store`` opens (and on first use sets up) a database."""

from .db import mask_url, open_store
from .repository import IngestResult, SourceSummary, Store

__all__ = ["IngestResult", "SourceSummary", "Store", "mask_url", "open_store"]
