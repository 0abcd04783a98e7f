"""verify: who says so, can they know, who else confirms it. Claims, their sources and how they are
attributed, extracted from articles, stored, checked against a Gherkin rulebook, reviewed, reported.

    >>> import verify
    >>> claims = verify.extract_claims('"We hold the bridge," the regional governor said on Monday.')
    >>> claims[0].attribution
    'direct'

The calls (see :mod:`verify.api`): ``extract_claims``, ``extract_files``, ``open_store``, ``ingest``,
``match_articles``, ``matches``, ``review_match``, ``compare``, ``check``, ``load_rules``, ``claims``, ``claim``,
``explain``, ``grade_meaning``, ``review``, ``review_queue``, ``add_note``, ``history``, ``undo``, ``claim_evidence``,
``link``, ``unlink``, ``source_record``, ``source_history``, ``merge_sources``, ``report``, ``export_store``,
``import_store``; the data they pass are the pydantic models of :mod:`verify.models` (``Claim``,
``ClaimRecord``, ...) and the errors of :mod:`verify.errors`, each one line for a person to read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import Conflict, InputError, NotFound, RulebookError, StoreError, VerifyError

if TYPE_CHECKING:
    from .api import (
        IngestSummary, add_note, check, claim, claim_evidence, claims, compare, explain, export_store,
        extract_claims, extract_files, grade_meaning, history, import_store, ingest, link, load_rules,
        match_articles, matches, merge_sources, open_store, report, review, review_match, review_queue,
        source_history, source_record, undo, unlink,
    )
    from .models import Claim, ClaimRecord, Extraction, Source
    from .registry import Registry

_API = (
    "IngestSummary", "add_note", "check", "claim", "claim_evidence", "claims", "compare", "explain", "export_store",
    "extract_claims", "extract_files", "grade_meaning", "history", "import_store", "ingest", "link", "load_rules",
    "match_articles", "matches", "merge_sources", "open_store", "report", "review", "review_match", "review_queue",
    "source_history", "source_record", "undo", "unlink",
)
_MODELS = ("Claim", "ClaimRecord", "Extraction", "Source")

__all__ = [*_API, *_MODELS, "Registry", "Conflict", "InputError", "NotFound", "RulebookError", "StoreError", "VerifyError"]


def __getattr__(name: str):
    # imported on first use, so `import verify` (and every CLI start) stays light
    if name in _API:
        from . import api

        return getattr(api, name)
    if name in _MODELS:
        from . import models

        return getattr(models, name)
    if name == "Registry":
        from .registry import Registry

        return Registry
    raise AttributeError(f"module 'verify' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
