"""``verify`` as a library: every command of the CLI is one call here.

    >>> import verify
    >>> claims = verify.extract_claims('"We hold the bridge," the regional governor said on Monday.')
    >>> claims[0].attribution
    'direct'

A store is opened once and passed to the calls that read or write it; it closes at the end of a
``with`` block. Give ``open_store`` a ``sqlite:///path.db`` or PostgreSQL URL, or nothing for the
embedded SQLite file (``$VERIFY_DATABASE_URL`` when it is set).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from .errors import VerifyError
from .models import BackupSummary, Claim, ClaimRecord, Event, Extraction, LinkView, MatchView
from .registry import Registry

if TYPE_CHECKING:
    from .comparison import Comparison
    from .filters import ClaimFilter
    from .pipeline import FileOutcome, IngestSummary
    from .queue import ReviewQueue
    from .rules import CheckReport, Rulebook
    from .store import Store
    from .store.matches import MatchSummary
    from .evidence import EvidenceView
    from .track_record import TrackRecord

__all__ = [
    "IngestSummary", "add_note", "check", "claim", "claim_evidence", "claims", "compare", "explain", "export_store",
    "extract_claims", "extract_files", "grade_meaning", "history", "import_store", "ingest", "link", "load_rules",
    "match_articles", "matches", "merge_sources", "open_store", "report", "review", "review_match", "review_queue",
    "source_history", "source_record", "undo", "unlink",
]

PathLike = str | os.PathLike[str]
Rules = PathLike | list[PathLike] | None


def explain(store: Store, claim_id: int, width: int = 100) -> str:
    """Everything about one stored claim as plain text (no colour), as `verify claims show` prints it.

    Raises :class:`verify.errors.NotFound` for an unknown ID.
    """
    from .describe import explain as _explain

    return _explain(store, claim_id, width)


def grade_meaning(grade: str) -> str:
    """An Admiralty grade in words: ``grade_meaning("B2")`` is
    "source usually reliable, information probably true"."""
    from .describe import grade_meaning as _meaning

    return _meaning(grade)


def extract_claims(text: str, registry: Registry | None = None, *, tagger: bool = False) -> list[Claim]:
    """Every claim of ``text`` with the source(s) it is attributed to, in reading order.

    Nothing is stored. ``registry`` adds sources the starter registry does not know
    (``Registry.starter()`` plus your own ``Source`` entries). ``tagger=True`` adds the attributed
    claims the learned tagger finds and the grammar misses (see ``verify.extract.tagger``).

        >>> import verify
        >>> [c.attribution for c in verify.extract_claims("Shelling hit the port, officials said.")]
        ['indirect']
    """
    if tagger:
        from .extract.tagger import extract_with_tagger

        return extract_with_tagger(text, registry)
    from .extract import extract_claims as _extract

    return _extract(text, registry)


def extract_files(paths: Iterable[PathLike], *, jobs: int | None = None,
                  registry: Registry | None = None, tagger: bool = False) -> Iterator[Extraction | VerifyError]:
    """Read and extract each article file (a directory stands for the article files under it).

    One result per file in the order given: an :class:`Extraction`, or the :class:`VerifyError`
    that says in one line why that file could not be read, so one bad file does not stop a run.
    ``jobs`` worker processes share the work (default: one per CPU). Nothing is stored. ``tagger``
    as for :func:`extract_claims`.

        >>> for ex in verify.extract_files(["examples/"]):      # doctest: +SKIP
        ...     print(ex.path, len(ex.claims))
    """
    from .pipeline import extract_files as _extract_files

    return _extract_files(paths, jobs=jobs, registry=registry, tagger=tagger)


def open_store(url: str | None = None) -> Store:
    """The store at ``url`` (SQLite or PostgreSQL), upgraded to the newest schema; use it in ``with``.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     verify.ingest(store, ["examples/"])
    """
    from .store import open_store as _open

    return _open(url)


def load_rules(rules: Rules = None, *, store: Store | None = None, with_default: bool = True,
               allow_plugins: bool = False) -> Rulebook:
    """The shipped rulebook with the house rulebook directories ``rules`` added (only ``rules`` when
    ``with_default`` is False), read against the ``store``'s sources when one is given.

    Raises :class:`verify.errors.RulebookError` (file:line) unless it lints clean. A rulebook's
    ``steps.py`` plug-in runs only with ``allow_plugins=True``.
    """
    from .rules import load_rulebook

    dirs = None if rules is None else (list(rules) if isinstance(rules, (list, tuple)) else [rules])
    if not with_default and not dirs:
        raise VerifyError("with_default=False needs at least one rulebook directory")
    return load_rulebook(dirs, allow_plugins=allow_plugins, registry=store.registry() if store else None,
                         with_default=with_default)


def check(store: Store, rules: Rulebook | Rules = None, *, claim_ids: Iterable[int] | None = None,
          allow_plugins: bool = False) -> CheckReport:
    """Apply the rulebook to the stored claims (all, or ``claim_ids``); what `verify check` does.

    ``rules`` is a loaded :class:`Rulebook`, or house rulebook directories added to the shipped one.
    Returns the :class:`CheckReport`: claims checked, statuses, changes, what each rule selected.
    """
    from .rules import Rulebook as _Rulebook
    from .rules import check as _check

    book = rules if isinstance(rules, _Rulebook) else load_rules(rules, store=store, allow_plugins=allow_plugins)
    return _check(store, book, claim_ids=claim_ids)


def ingest(store: Store, paths: Iterable[PathLike], *, jobs: int | None = None, check: bool = True,
           rules: Rules = None, allow_plugins: bool = False, registries: Iterable[PathLike] = (),
           on_file: Callable[[FileOutcome], None] | None = None) -> IngestSummary:
    """Read, extract and store each article, match its claims against the other stored articles
    (:func:`match_articles`), then check the new claims; what `verify ingest` does.

    The new claims are checked with the rulebooks of the last check (so a house rulebook stays
    applied), or with the shipped rulebook plus ``rules``. A rulebook that does not load stops the
    ingest before anything is stored. Articles already stored (same SHA-256) are left as they are; a
    file that cannot be read gives an outcome with its error and the others are still stored.
    ``registries`` are extra source registry files (TOML), whose sources are stored; ``on_file``
    hears each file's outcome as soon as it is known.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     done = verify.ingest(store, ["examples/"])
        ...     print(len(done.new), done.claims, done.checked.statuses)
    """
    from .pipeline import ingest as _ingest

    return _ingest(store, paths, jobs=jobs, check=check, rules=rules, allow_plugins=allow_plugins,
                   registries=registries, on_file=on_file)


def match_articles(store: Store, article_ids: Iterable[int] | None = None, *,
                   registry: Registry | None = None) -> MatchSummary:
    """Match the claims of these stored articles (default: every article not matched yet) against
    the claims of every other stored article, and store what is found; `verify ingest` does it for
    each new article. Each article is matched once; the next check counts and flags the matches.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     print(verify.match_articles(store).found)
    """
    from .store.matches import match_articles as _match, unmatched_articles

    ids = unmatched_articles(store) if article_ids is None else list(article_ids)
    return _match(store, ids, registry=registry)


def matches(store: Store, claim_id: int) -> list[MatchView]:
    """The claims of other articles matched to this one, best first, with score, reason and drift."""
    from .store.matches import matches_of

    return matches_of(store, claim_id)


def review_match(store: Store, a: int, b: int, state: str, *, reviewer: str | None = None,
                 note: str | None = None) -> MatchView:
    """Confirm or reject the match of claims ``a`` and ``b`` (``state``: confirmed, rejected or
    proposed); a rejected match neither corroborates nor flags drift at the next check."""
    from .config import reviewer_name
    from .store.matches import set_match_state

    return set_match_state(store, a, b, state, reviewer=reviewer or reviewer_name(), note=note)


def compare(a: PathLike | int, b: PathLike | int, *, store: Store | None = None,
            registry: Registry | None = None) -> Comparison:
    """Two articles' claims side by side, matched, with every difference; what `verify compare` does.

    ``a`` and ``b`` are article files, or stored article IDs (with ``store``). ``a`` is read as the
    earlier of the two.
    """
    from .comparison import compare_sides

    return compare_sides(a, b, store=store, registry=registry)


def claims(store: Store, *, status: str | None = None, source: str | None = None, flag: str | None = None,
           article: int | None = None, attribution: str | None = None, kind: str | None = None,
           polarity: str | None = None, outlet: str | None = None,
           since: date | datetime | str | None = None, until: date | datetime | str | None = None,
           changed_since: date | datetime | str | None = None,
           needs_review: bool = False, limit: int | None = None,
           claim_filter: ClaimFilter | None = None) -> Iterator[ClaimRecord]:
    """Stored claims with everything a reviewer needs, filtered as `verify claims list` filters them
    (:class:`verify.filters.ClaimFilter` says what each filter means; ``attribution`` is ``kind``).

    An unknown status, kind, polarity, flag, source, article or outlet, or a date that is not ISO
    8601, is one :class:`VerifyError` line before any claim is read.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     [c.id for c in verify.claims(store, flag="estimate", since="2026-12-01")]
    """
    from .filters import ClaimFilter as _Filter

    chosen = claim_filter or _Filter.of(status=status, source=source, flag=flag, article=article,
                                        kind=kind or attribution, polarity=polarity, outlet=outlet, since=since,
                                        until=until, changed_since=changed_since, needs_review=needs_review)
    chosen.check(store)
    return chosen.claims(store, limit=limit)


def claim(store: Store, claim_id: int) -> ClaimRecord:
    """One stored claim in full; :class:`verify.errors.NotFound` for an unknown ID."""
    from .store.records import get_claim

    return get_claim(store, claim_id)


def review(store: Store, claim_id: int, status: str, *, note: str | None = None, evidence: str | None = None,
           stance: str | None = None, reviewer: str | None = None, expected_last_event: int | None = None) -> Event:
    """Record a person's judgement of a claim (one append-only event); what `verify review` does.

    ``evidence`` is a URL or a local file (stored with its SHA-256), ``stance`` what it says
    (supports, refutes, context; default context). Confirmed, disputed and refuted need a ``note`` or
    ``evidence`` unless ``VERIFY_BARE_VERDICTS=allow``. ``reviewer`` defaults to ``$VERIFY_REVIEWER``,
    else the login name. With ``expected_last_event`` (the ID of the claim's latest event when it was
    shown; 0 for none), a claim that has changed since is refused with :class:`verify.errors.Conflict`,
    which names who changed it and how (``.latest``), and nothing is recorded.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     ev = verify.review(store, 3, "refuted", note="Port photos show no fire", reviewer="desk")
        ...     print(ev.id, ev.from_status, "->", ev.to_status)
    """
    from .reviews import review_claim

    return review_claim(store, claim_id, status, note=note, evidence=evidence, reviewer=reviewer, stance=stance,
                        expected_last=expected_last_event)


def add_note(store: Store, claim_id: int, note: str | None = None, *, evidence: str | None = None,
             stance: str | None = None, reviewer: str | None = None, expected_last_event: int | None = None) -> Event:
    """Add a note, or evidence with its stance and a note, to a claim's history without changing its
    status; what `verify review ID --note ... [--evidence X --stance S]` does. ``expected_last_event``
    as for :func:`review`.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     verify.add_note(store, 3, "Satellite image of the berth", evidence="berth.png", stance="refutes")
    """
    from .reviews import add_note as _add_note

    return _add_note(store, claim_id, note, evidence=evidence, reviewer=reviewer, stance=stance,
                     expected_last=expected_last_event)


def history(store: Store, claim_id: int) -> list[Event]:
    """Every event of a claim, oldest first: reviews, notes, evidence, links and their withdrawal,
    status changes by a check, undos; what `verify claims history ID` shows.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     for e in verify.history(store, 3):
        ...         print(e.id, e.reviewer, e.what())
    """
    from .store.events import claim_history

    return claim_history(store, claim_id)


def undo(store: Store, event_id: int, *, reviewer: str | None = None, note: str | None = None) -> Event:
    """Reverse an event by appending another (nothing is deleted); what `verify undo EVENT` does.

    A review gives the claim back the status a person gave it before (or the rules' status); a link is
    withdrawn, a withdrawal linked again; a note or evidence stops counting; a source edit, alias or
    merge goes back; an undo is done again. :class:`verify.errors.Conflict` where the claim changed
    since in a way the undo would overwrite; a check's status change is not undone.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     print(verify.undo(store, 41, reviewer="desk").what())
        undid event 41, status now single-source
    """
    from .config import reviewer_name
    from .store.undo import undo_event

    return undo_event(store, event_id, reviewer=reviewer_name(reviewer), note=note)


def claim_evidence(store: Store, claim_id: int) -> list[EvidenceView]:
    """A claim's evidence (not undone), oldest first, each file checked now against the SHA-256
    recorded when it was attached (``state``: url, unchanged, changed, missing, unreadable)."""
    from .evidence import evidence_of

    return evidence_of(claim(store, claim_id))


def review_queue(store: Store, reviewer: str | None = None, *, status: str | None = None, source: str | None = None,
                 flag: str | None = None, article: int | None = None, polarity: str | None = None,
                 needs_review: bool = False) -> ReviewQueue:
    """The claims that need a person, most urgent first, as ``reviewer``'s pass over them; what
    `verify review` with no ID works through (the order is documented in :mod:`verify.queue`).

    It starts where this reviewer stopped last time on this database. ``queue.view`` is the claim at
    hand; ``set_status``, ``add_note``, ``link``, ``skip``, ``next``, ``back`` and ``undo`` act on it,
    and an action on a claim someone changed since it was shown raises :class:`verify.errors.Conflict`.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     q = verify.review_queue(store, "desk")
        ...     print(q.claim_id, q.urgencies[q.claim_id].reasons)
        ...     q.set_status("disputed", note="Port authority figures are far lower")
    """
    from .queue import ReviewQueue

    return ReviewQueue(store, reviewer, status=status, source=source, flag=flag, article=article,
                       polarity=polarity, needs_review=needs_review)


def link(store: Store, a: int, b: int, relation: str = "corroborates", *, reviewer: str | None = None,
         note: str | None = None) -> LinkView:
    """Link two claims as corroborating or contradicting each other; what `verify link` does."""
    from .config import reviewer_name
    from .store.links import link_claims

    return link_claims(store, a, b, relation, reviewer=reviewer or reviewer_name(), note=note)


def unlink(store: Store, a: int, b: int, *, reviewer: str | None = None, note: str | None = None) -> int:
    """Withdraw the link between two claims (both histories keep it); how many links there were;
    what `verify unlink` does."""
    from .config import reviewer_name
    from .store.links import unlink_claims

    return unlink_claims(store, a, b, reviewer=reviewer or reviewer_name(), note=note)


def source_record(store: Store, name: str) -> TrackRecord:
    """A source's track record: each claim it made or relayed with its outcome (confirmed,
    corroborated, disputed, refuted, open), the counts, and the Admiralty reliability grade the record
    suggests with why (the rule: ``verify/data/track-record.toml``, or ``$VERIFY_TRACK_RECORD``);
    what `verify sources show NAME` lists. Claims of sources merged into it count as its own.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     rec = verify.source_record(store, "SBU")
        ...     print(rec.source, rec.counts, rec.suggested, rec.why)
    """
    from .track_record import record_of

    return record_of(store, name)


def source_history(store: Store, name: str) -> list[Event]:
    """A source's events (a person's additions, edits, aliases, merges and undos), with those of the
    sources merged into it, oldest first."""
    from .store.events import source_history as _history
    from .store.merge import source_row_ids

    _canonical, ids = source_row_ids(store, name)
    return _history(store, ids)


def merge_sources(store: Store, a: str, b: str, *, reviewer: str | None = None, note: str | None = None) -> Event:
    """Merge source ``a`` into source ``b``: two names that turn out to be one source; what `verify
    sources merge A B` does. Every claim of ``a`` then names ``b``, ``a``'s names become ``b``'s
    aliases, both histories stay, and the merge is an event (undone with :func:`undo`).

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     verify.merge_sources(store, "Sluzhba Bezpeky Ukrainy", "SBU", reviewer="desk")
    """
    from .config import reviewer_name
    from .store.merge import merge_sources as _merge

    return _merge(store, a, b, reviewer=reviewer_name(reviewer), note=note)


def report(store: Store, fmt: str = "markdown", out: TextIO | PathLike | None = None, *,
           include_unreviewed: bool = False, **filters: Any) -> str | None:
    """The report in ``fmt`` (table, markdown, html, json, csv, claimreview); what `verify report` does.

    ``out`` is a text stream to write to; a file path, written whole or not at all (and remembered,
    so ``changed_since="last"`` takes the claims changed since the last report to that file); or
    None: the report is returned as a string. ``filters`` are those of :func:`claims` (``status``,
    ``source``, ``flag``, ``article``, ``kind``, ``polarity``, ``outlet``, ``since``, ``until``,
    ``changed_since``, ``needs_review``).
    """
    from .reports import write_report, write_report_file

    if isinstance(out, (str, os.PathLike)):
        write_report_file(store, fmt, out, include_unreviewed=include_unreviewed, **filters)
        return None
    target = out if out is not None else io.StringIO()
    console = None
    if fmt == "table":
        from rich.console import Console

        console = Console(file=target, width=100, color_system=None, highlight=False)
    write_report(store, fmt, target, console=console, include_unreviewed=include_unreviewed, **filters)
    return None if out is not None else target.getvalue()


def export_store(store: Store, out: PathLike | BinaryIO | TextIO | None = None, *,
                 on_rows: Callable[[str, int, int], None] | None = None) -> BackupSummary:
    """Write the whole store, every table, as JSON Lines to the file ``out`` (written whole or not at
    all) or a stream (default: standard output); what `verify export` does.

    The first line is a header (format, format version, schema revision, rows per table); rows come
    table by table in a fixed order, so the same store gives the same bytes on SQLite and PostgreSQL.
    ``on_rows(table, rows, total)`` hears each batch written, for a progress bar.

        >>> with verify.open_store("sqlite:///desk.db") as store:   # doctest: +SKIP
        ...     print(verify.export_store(store, "desk.jsonl").rows)
    """
    from .store.backup import export_store as _export

    header = _export(store, out, on_rows)
    return BackupSummary(format_version=header["version"], schema_revision=header["schema"],
                         tables=header["tables"], database=store.url)


def import_store(store: Store | str | None, file: PathLike | BinaryIO | TextIO, *,
                 on_rows: Callable[[str, int, int], None] | None = None) -> BackupSummary:
    """Read an export (:func:`export_store`) into an empty database, of either backend; what
    `verify import` does. IDs are kept, so exporting the result gives the same bytes again.

    ``store`` is an open store or a database URL (None: the default one), opened, and its schema
    set up, only once the file's header has been read and accepted; ``file`` is a path ("-" for
    standard input) or a stream. A database that holds anything, or an export of a newer format or
    schema, is refused with one line; a cut or garbled file too, and then nothing is imported.

        >>> with verify.open_store("postgresql+psycopg://me@db-host/desk") as store:   # doctest: +SKIP
        ...     print(verify.import_store(store, "desk.jsonl").tables["claims"])
    """
    from .store import Store as _Store
    from .store.restore import ExportReader, import_store as _import, read_header

    reader = ExportReader(file)
    try:
        # read first: a file that is no export, or a newer one, must not create a database
        header = read_header(reader)
        if isinstance(store, _Store):
            _import(store, reader, header, on_rows)
            where = store.url
        else:
            with open_store(store) as opened:
                _import(opened, reader, header, on_rows)
                where = opened.url
    finally:
        reader.close()
    return BackupSummary(format_version=header["version"], schema_revision=header["schema"],
                         tables=header["tables"], database=where)


def __getattr__(name: str):
    # the pipeline (and with it the database layer) is imported when first asked for
    if name in ("IngestSummary", "FileOutcome"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'verify.api' has no attribute {name!r}")
