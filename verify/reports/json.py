"""The report as one JSON document, described by the JSON Schema in ``schema.json``.

The claims are read once and written one by one (to a spool, so that the summary can come first),
so a report of 100,000 claims never holds them all as one Python object. Shape: ``{"format", "generated_at", "filters", "summary", "across_articles": [...], "claims": [...]}``
(``across_articles``: the matches between the selected claims and claims of other articles); each
claim is the stored record (``verify.models.ClaimRecord``) plus its Admiralty ``grade`` as shown and
the rules' ``rule_grade``, the person's latest status review (``reviewed``), whether the rules' review
reason is still open (``needs_review_open``) and the ``disagreement`` between a person's review and the
rules, if any (how a review changes what is shown: ``verify.reports.common``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

from .common import Report, claim_json, copy_spool, pair_dict, spool

FORMAT_ID = "verify-report/1"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of this format."""
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


def write(report: Report, out: TextIO) -> None:
    with spool() as body:
        n = 0
        lines: list[str] = []
        for rec in report.walk(numbers_and_links=True):
            lines.append(claim_json(rec))
            n += 1
            if len(lines) == 500:  # written in batches: a spool's write is a Python call
                body.write(("\n    " if n == len(lines) else ",\n    ") + ",\n    ".join(lines))
                lines = []
        if lines:
            body.write(("\n    " if n == len(lines) else ",\n    ") + ",\n    ".join(lines))
        head = {
            "format": FORMAT_ID,
            "generated_at": report.generated_at.isoformat(),
            "filters": report.filters(),
            "summary": report.summary.to_dict(),
            "across_articles": [pair_dict(p) for p in report.across()],
        }
        text = json.dumps(head, ensure_ascii=False, indent=2)
        out.write(text[:-2] + ',\n  "claims": [')
        copy_spool(body, out)
    out.write("\n  ]\n}\n" if n else "]\n}\n")
