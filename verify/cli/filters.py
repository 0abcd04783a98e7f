"""The claim filters that ``verify claims list`` and ``verify report`` share (``verify.filters``)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..filters import ClaimFilter
from .common import parse_article

_WHEN = "An ISO date (2026-12-01: the whole day) or date and time (2026-12-01T08:00Z; UTC without an offset)."

StatusOption = Annotated[str | None, typer.Option("--status", help="Only claims with this status.", show_default=False)]
SourceOption = Annotated[str | None, typer.Option("--source", help="Only claims a source (name or alias) made or relayed.", show_default=False)]
ArticleOption = Annotated[str | None, typer.Option("--article", help="Only claims of this article ID.", show_default=False)]
FlagOption = Annotated[str | None, typer.Option("--flag", help="Only claims carrying this flag.", show_default=False)]
KindOption = Annotated[
    str | None,
    typer.Option("--kind", "--attribution", help="Only claims of this attribution kind: direct, indirect, inherited or unattributed.",
                 show_default=False),
]
PolarityOption = Annotated[
    str | None,
    typer.Option("--polarity", help="Only claims their source asserts (asserted) or denies (denied).", show_default=False),
]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Only claims of articles from this outlet (any case).", show_default=False)]
SinceOption = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", show_default=False,
                 help="Only articles dated on or after DATE: the publication date, or the ingest time of an article"
                      " that has none. " + _WHEN),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", metavar="DATE", show_default=False,
                 help="Only articles dated on or before DATE (publication date, else ingest time). " + _WHEN),
]
_CHANGED = ("Only claims stored, changed by a check (status, flags, grade, review reasons) or reviewed (status, note,"
            " evidence, link, match) at or after TIME. ")
ChangedSinceOption = Annotated[
    str | None, typer.Option("--changed-since", metavar="TIME", show_default=False, help=_CHANGED + _WHEN),
]
ChangedSinceLastOption = Annotated[
    str | None,
    typer.Option("--changed-since", metavar="TIME|last", show_default=False,
                 help=_CHANGED + _WHEN + " `last`: since the last report written to the --output file began (every"
                      " claim the first time)."),
]
NeedsReviewOption = Annotated[
    bool,
    typer.Option("--needs-review", help="Only claims the rules ask a person to review that no person has answered"
                                       " (those `verify check` counts)."),
]


def claim_filter(*, status=None, source=None, article=None, flag=None, kind=None, polarity=None, outlet=None,
                 since=None, until=None, changed_since=None, needs_review=False) -> ClaimFilter:
    """The filter the options give; one line for a value that is wrong in itself."""
    return ClaimFilter.of(status=status, source=source, article=parse_article(article), flag=flag, kind=kind,
                          polarity=polarity, outlet=outlet, since=since, until=until, changed_since=changed_since,
                          needs_review=needs_review)
