"""``verify review ID --status S``: a person's verdict on a claim, kept as an append-only event.

With no ID, `verify review` opens the review queue (``verify.cli.queue``)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from .. import api
from ..errors import InputError
from ..reviews import check_stance
from ..store import open_store
from ..store.filtering import check_polarity
from ..store.records import check_status
from ..printable import printable
from .common import DbOption, out, parse_article, parse_id


def register(app: typer.Typer) -> None:
    @app.command("review")
    def review_cmd(
        claim_id: Annotated[
            str | None,
            typer.Argument(metavar="ID", help="The claim's ID; without one, the review queue opens.", show_default=False),
        ] = None,
        status: Annotated[
            str | None,
            typer.Option("--status", help="unverified, single-source, corroborated, confirmed, disputed or refuted "
                         "(the queue: only claims with this status)."),
        ] = None,
        note: Annotated[str | None, typer.Option("--note", help="Why: what you checked and found.")] = None,
        evidence: Annotated[
            str | None, typer.Option("--evidence", help="An http(s) URL or a file (kept by path with its SHA-256).")
        ] = None,
        stance: Annotated[
            str | None, typer.Option("--stance", help="What the evidence says: supports, refutes or context (default).")
        ] = None,
        reviewer: Annotated[
            str | None, typer.Option("--reviewer", help="Who reviews (default: $VERIFY_REVIEWER, else your login name).")
        ] = None,
        source: Annotated[str | None, typer.Option("--source", help="The queue: only claims a source made or relayed.")] = None,
        flag: Annotated[str | None, typer.Option("--flag", help="The queue: only claims carrying this flag.")] = None,
        article: Annotated[str | None, typer.Option("--article", help="The queue: only claims of this article ID.")] = None,
        polarity: Annotated[
            str | None,
            typer.Option("--polarity", help="The queue: only claims their source asserts (asserted) or denies (denied).",
                         show_default=False),
        ] = None,
        needs_review: Annotated[
            bool, typer.Option("--needs-review", help="The queue: only claims the rules asked a person to review.")
        ] = False,
        db: DbOption = None,
    ) -> None:
        """Set a claim's status as your judgement (it outranks every rule), or add a note or evidence.

        Every review is recorded with who, when, the status before and after, the note and the
        evidence; nothing already recorded is changed (`verify undo EVENT` reverses an event with
        another). Confirmed, disputed and refuted need --note or --evidence.

        Without an ID: the review queue, the claims that need a person, most urgent first, one key per action (? lists them).
        """
        if claim_id is None:
            if note is not None or evidence is not None or stance is not None:
                raise InputError("--note, --evidence and --stance go with a claim ID; in the queue, n adds a note and e evidence")
            if status is not None:
                check_status(status)
            if polarity is not None:
                check_polarity(polarity)
            from .queue import run_queue

            with open_store(db) as store:
                said = run_queue(store, reviewer, status=status, source=source, flag=flag,
                                 article=parse_article(article), polarity=polarity, needs_review=needs_review)
            out.print(Text(printable(said)))
            return
        if source is not None or flag is not None or article is not None or polarity is not None or needs_review:
            raise InputError("--source, --flag, --article, --polarity and --needs-review narrow the queue"
                             " (`verify review` with no ID)")
        cid = parse_id(claim_id)
        if status is not None:
            check_status(status)
        elif note is None and evidence is None:
            raise InputError("give --status S to review the claim, or --note/--evidence to add to its history")
        check_stance(stance)
        with open_store(db) as store:
            if status is not None:
                ev = api.review(store, cid, status, note=note, evidence=evidence, stance=stance, reviewer=reviewer)
                if ev.from_status == ev.to_status:
                    msg = f"claim {cid}: status unchanged ({ev.to_status}); review recorded by {ev.reviewer}, event {ev.id}"
                else:
                    msg = f"claim {cid}: {ev.from_status} → {ev.to_status} (reviewed by {ev.reviewer}, event {ev.id})"
            else:
                ev = api.add_note(store, cid, note, evidence=evidence, stance=stance, reviewer=reviewer)
                what = "evidence" if ev.action == "evidence" else "note"
                msg = f"claim {cid}: {what} added by {ev.reviewer} (event {ev.id})"
        out.print(Text(printable(msg)))
        if ev.evidence_url:
            out.print(Text(printable(f"evidence ({ev.stance}): {ev.evidence_url}"), style="dim"))
