"""The pipeline: read -> extract (in worker processes) -> store -> match -> check.

``extract_files(paths)`` is what `verify extract` and :func:`verify.extract_files` do: read and
extract, nothing stored. ``ingest(store, paths)`` is what `verify ingest` and :func:`verify.ingest`
do. Files are read and extracted here, in order, one outcome per file, by one set of workers with
one wording for a failure; the store only stores (one transaction per article); matching
(:mod:`verify.store.matches`) pairs each new article's claims with those of the articles before
it; the check applies the rulebook to what changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .articles import ARTICLE_SUFFIXES, expand_paths, read_article
from .errors import InputError, RulebookError, VerifyError
from .models import Claim, Extraction
from .registry import Registry
from .workers import SKIP, Failure, OrderedMap, WorkerDied

if TYPE_CHECKING:  # `verify extract` stores nothing: the store (and SQLAlchemy) load only for ingest
    from .store.repository import IngestResult, Store
    from .rules import CheckReport
    from .store.matches import MatchSummary

PathLike = str | os.PathLike[str]
NoteHandler = Callable[[str], None]


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file given to :func:`store_files`: a result, or the one-line error."""

    path: str
    result: IngestResult | None = None
    error: VerifyError | None = None
    # what the reader noticed (a legacy encoding it decoded, ...)
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None



@dataclass
class IngestSummary:
    """What one :func:`ingest` did: a :class:`FileOutcome` per file, the matching and the check."""

    files: list[FileOutcome] = field(default_factory=list)
    matched: MatchSummary | None = None  # what matching the new articles found
    checked: CheckReport | None = None

    @property
    def new(self) -> list[FileOutcome]:
        return [f for f in self.files if f.ok and f.result.created]

    @property
    def already_stored(self) -> list[FileOutcome]:
        return [f for f in self.files if f.ok and not f.result.created]

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if not f.ok]

    @property
    def claims(self) -> int:
        """Claims stored by this ingest (articles already stored add none)."""
        return sum(f.result.claims for f in self.new)


def ingest(store: Store, paths: Iterable[PathLike], *, jobs: int | None = None, check: bool = True,
           rules: Any = None, allow_plugins: bool = False, registries: Iterable[PathLike] = (),
           on_file: Callable[[FileOutcome], None] | None = None) -> IngestSummary:
    """Read, extract and store each article, match the new ones, then check what changed.

    See :func:`verify.ingest` for the arguments.
    """
    from .rules import check as run_check
    from .rules import last_rulebooks, load_rulebook
    from .store.health import unchecked_articles
    from .store.matches import match_articles, unmatched_articles
    from .store.sources import extend_registry

    # articles are read, stored and matched with the sources people named (not those earlier
    # extraction found), so what a run finds does not depend on what earlier runs stored; rules may
    # name any stored source
    reg = store.registry(found=False)
    added = extend_registry(reg, list(registries))
    book = None
    if check:
        every = store.registry()
        extend_registry(every, list(registries))
        try:
            if rules:
                dirs = list(rules) if isinstance(rules, (list, tuple)) else [rules]
                book = load_rulebook(dirs, allow_plugins=allow_plugins, registry=every, with_default=True)
            else:
                book = load_rulebook(last_rulebooks(store) or None, allow_plugins=allow_plugins, registry=every)
        except RulebookError as e:
            # refused before anything is read or stored; the user should know both
            raise RulebookError(f"{e}; nothing was stored") from None
    if added:
        store.sync_sources(added)
    summary = IngestSummary()
    for outcome in store_files(store, paths, registry=reg, jobs=jobs):
        summary.files.append(outcome)
        if on_file is not None:
            on_file(outcome)
    new_articles = [f.result.article_id for f in summary.new]
    # with the new articles, those an earlier ingest stored but did not finish (killed before it
    # matched or checked them: their claims are unchecked), so a re-run finishes that work too
    waiting = unmatched_articles(store, among=[*new_articles, *unchecked_articles(store)])
    if waiting:
        summary.matched = match_articles(store, waiting, registry=reg)
    if book is not None:
        # what this ingest stored, claims never checked, and the claims of earlier articles that
        # gained a match: the rest of the store keeps the outcomes its last check gave it
        ids = set(store.claim_ids(new_articles, unchecked=True))
        if summary.matched is not None:
            ids |= summary.matched.touched
        if ids:
            summary.checked = run_check(store, book, claim_ids=sorted(ids))
    return summary


def store_files(
    store: Store, paths: Iterable[str | Path], registry: Registry | None = None, jobs: int | None = None
) -> Iterator[FileOutcome]:
    """Read, extract and store each file, yielding one outcome per file in the order given.

    A directory stands for the article files under it (:func:`verify.articles.expand_paths`).
    A file that cannot be read or extracted gives an outcome with its error; the others are
    still stored. An article already stored is recognised by its SHA-256 before any extraction
    is done. Extraction runs in ``jobs`` worker processes (default: one per CPU) when there is
    more than one file.
    """
    reg = registry if registry is not None else store.registry(found=False)
    paths = list(expand_paths(paths))
    jobs = _jobs(jobs)

    def prepared() -> Iterator[tuple[str, Any, FileOutcome | None]]:
        for p in paths:
            loaded = _read(p)
            if isinstance(loaded, VerifyError):
                yield p, None, FileOutcome(p, error=loaded)
                continue
            stored = store.find_article(loaded.article.sha256)
            yield p, loaded, (FileOutcome(p, result=stored, notes=_notes(loaded)) if stored else None)

    if jobs == 1 or len(paths) < 2:
        # one file is not worth starting worker processes for
        for p, loaded, done in prepared():
            if done is not None:
                yield done
                continue
            yield _extract_and_store(store, p, loaded, reg, _extract(loaded.text, reg))
        return

    # Workers extract; this process writes, so each article is still one transaction here.
    # An article already stored (or unreadable) takes its place in the order without a worker.
    results = OrderedMap(_extract_worker, prepared(), jobs, task=_text_to_extract, setup=_init_worker,
                         setup_args=(reg,), window=jobs * 4, failures=True)
    try:
        for (p, loaded, done), claims in results:
            yield _finish(store, p, loaded, done, claims, reg)
    finally:
        results.close()

def _finish(store: Store, p: str, loaded: Any, done: FileOutcome | None, claims: Any, reg: Registry) -> FileOutcome:
    if done is not None:
        return done
    if isinstance(claims, Failure):  # a worker that died (out of memory, killed) fails its file only
        return FileOutcome(p, error=_died(p, claims))
    return _extract_and_store(store, p, loaded, reg, claims)


def _extract_and_store(store: Store, p: str, loaded: Any, reg: Registry, claims: Any) -> FileOutcome:
    if isinstance(claims, VerifyError):
        return FileOutcome(p, error=_named(p, claims))
    try:
        # store_files looked the article up just before extracting it
        return FileOutcome(p, result=store.ingest(loaded, claims, reg, _checked=True), notes=_notes(loaded))
    except VerifyError as e:
        return FileOutcome(p, error=VerifyError(f"{p}: {e}") if p not in str(e) else e)
    except Exception as e:  # the article's transaction was rolled back; the run goes on
        return FileOutcome(p, error=VerifyError(f"{p}: cannot store it ({type(e).__name__}: {e})"))


def _notes(loaded: Any) -> tuple[str, ...]:
    return tuple(getattr(loaded, "notes", None) or ())


# -- extraction without the store --------------------------------------------------------------


def extract_files(paths: Iterable[PathLike], jobs: int | None = None, registry: Registry | None = None,
                  on_note: NoteHandler | None = None, tagger: bool = False) -> Iterator[Extraction | VerifyError]:
    """Read and extract every article under ``paths``; one result per file, in input order.

    A file that cannot be read yields the :class:`VerifyError` naming it instead of raising, so the
    others still go through. ``jobs`` worker processes (default: one per CPU) share the work in
    chunks; at most a bounded window of files is in flight, so memory does not grow with the
    number of files. ``on_note`` receives one-line notes (a file read in a legacy encoding).
    ``tagger``: the grammar combined with the learned tagger (verify/extract/tagger.py).

    The workers start here, before the first result is asked for, so a caller can start threads of
    its own (a progress bar) afterwards; ``close()`` on the returned iterator stops them early.
    """
    reg = registry if registry is not None else Registry.starter()
    files = list(expand_paths(paths))
    jobs = _jobs(jobs)
    if jobs == 1 or len(files) < 2:
        return (_noted(_read_and_extract(f, reg, tagger), on_note) for f in files)
    return _Extracting(files, min(jobs, len(files)), reg, on_note, tagger)


class _Extracting:
    """Each file's result from a pool of workers (:class:`verify.workers.OrderedMap`), in input
    order, with a bounded number of files in flight; ``close()`` stops the workers."""

    def __init__(self, files: list[str], jobs: int, registry: Registry, on_note: NoteHandler | None, tagger: bool = False):
        self.on_note = on_note
        # small chunks keep a slow article from holding up many others; a few per worker keep IPC cheap
        chunk = max(1, min(8, len(files) // (jobs * 8)))
        self.results = OrderedMap(_read_and_extract_worker, files, jobs, setup=_init_worker, setup_args=(registry, tagger),
                                  chunk=chunk, window=max(chunk * jobs * 4, 16), failures=True)

    def __iter__(self) -> _Extracting:
        return self

    def __next__(self) -> Extraction | VerifyError:
        path, found = next(self.results)
        if isinstance(found, Failure):  # a worker that died (out of memory, killed) fails its file only
            return _died(path, found)
        return _noted(found, self.on_note)

    def close(self) -> None:
        self.results.close()


def _noted(found: tuple[Extraction | VerifyError, list[str]], on_note: NoteHandler | None) -> Extraction | VerifyError:
    result, notes = found
    if on_note is not None:
        for n in notes:
            on_note(n)
    return result


def _read_and_extract(path: str, registry: Registry, tagger: bool = False) -> tuple[Extraction | VerifyError, list[str]]:
    """One file's extraction (or the error that says why not) and the reader's notes."""
    loaded = _read(path)
    if isinstance(loaded, VerifyError):
        return loaded, []
    claims = _extract(loaded.text, registry, tagger)
    if isinstance(claims, VerifyError):
        return _named(path, claims), list(_notes(loaded))
    return Extraction(path=loaded.path, article=loaded.article, claims=claims), list(_notes(loaded))


# -- one worker set-up, one wording for a failure ------------------------------------------------


def _jobs(jobs: int | None) -> int:
    return max(1, jobs if jobs is not None else (os.cpu_count() or 1))


def _read(path: str) -> Any:
    """The article read from ``path``, or the error that says why it cannot be (returned)."""
    if os.path.isdir(path):  # expand_paths passes on only directories with no article in them
        return InputError(f"{path}: a directory with no article files in it ({', '.join(ARTICLE_SUFFIXES)})")
    try:
        return read_article(path)
    except VerifyError as e:
        return e
    except Exception as e:  # a reader's own failure on one file must not end a run over many
        return _named(path, _failure(e))


def _extract(text: str, registry: Registry, tagger: bool = False) -> list[Claim] | VerifyError:
    """The claims of one text, or the error that says why not (returned, to cross processes)."""
    try:
        if tagger:
            from .extract.tagger import extract_with_tagger

            return extract_with_tagger(text, registry)
        from .extract import extract_claims

        return extract_claims(text, registry)
    except Exception as e:  # one article's failure must not end a run over many
        return _failure(e)


def _failure(e: Exception) -> VerifyError:
    if isinstance(e, VerifyError):
        return e
    if isinstance(e, RecursionError):
        return VerifyError("extraction failed (text nested too deeply)")
    return VerifyError(f"extraction failed ({type(e).__name__}: {e})")


def _died(path: str, failure: Failure) -> VerifyError:
    if isinstance(failure.error, WorkerDied):
        return VerifyError(f"{path}: extraction failed: {failure.error} (out of memory?)")
    return VerifyError(f"{path}: extraction failed ({type(failure.error).__name__})")


def _named(path: str, e: VerifyError) -> VerifyError:
    """The error with the file's name in front, once."""
    if path in str(e):
        return e
    named = type(e)(f"{path}: {e}")
    named.exit_code = e.exit_code
    return named


_worker_registry: Registry | None = None
_worker_tagger = False


def _init_worker(registry: Registry, tagger: bool = False) -> None:
    global _worker_registry, _worker_tagger
    _worker_registry = registry
    _worker_tagger = tagger


def _text_to_extract(item: tuple[str, Any, FileOutcome | None]) -> Any:
    _, loaded, done = item
    return SKIP if done is not None else loaded.text


def _extract_worker(text: str) -> list[Claim] | VerifyError:
    return _extract(text, _worker_registry or Registry.starter())


def _read_and_extract_worker(path: str) -> tuple[Extraction | VerifyError, list[str]]:
    return _read_and_extract(path, _worker_registry or Registry.starter(), _worker_tagger)
