"""Extraction over files and directories: one :class:`Extraction` per article, in input order.

``extract_file(path)`` reads one article and extracts its claims. ``extract_paths(paths, jobs)``
does the same for many paths (directories expanded), in worker processes, yielding each file's
:class:`Extraction` (or the :class:`VerifyError` that says why that file could not be read) in the
order of the input, so a run over a day's wires is repeatable and one bad file does not stop it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from ..articles import ARTICLE_SUFFIXES, read_article
from ..errors import InputError, VerifyError
from ..models import Extraction
from ..registry import Registry
from ..workers import OrderedMap

NoteHandler = Callable[[str], None]


def extract_file(path: str | os.PathLike[str], registry: Registry | None = None,
                 on_note: NoteHandler | None = None) -> Extraction:
    """Read one article and extract its claims; :class:`InputError` if it cannot be read."""
    from . import extract_claims

    loaded = read_article(path)
    if on_note is not None:
        for note in loaded.notes:
            on_note(note)
    claims = extract_claims(loaded.text, registry)
    return Extraction(path=loaded.path, article=loaded.article, claims=claims)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Each path as given; a directory becomes the article files under it, sorted, recursively.

    Files named on the command line are taken whatever their suffix; inside a directory only
    ``.txt``, ``.md``, ``.markdown``, ``.html`` and ``.htm`` files count, and hidden files and
    directories are skipped. A directory with no article file in it is yielded as itself, so
    that reading it reports the problem.
    """
    for p in paths:
        shown = str(p)
        if not os.path.isdir(shown):
            yield shown
            continue
        found = False
        for root, dirs, files in os.walk(shown):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                    continue
                found = True
                yield os.path.join(root, name)
        if not found:
            yield shown


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    jobs: int | None = None,
    registry: Registry | None = None,
    on_note: NoteHandler | None = None,
) -> Iterator[Extraction | VerifyError]:
    """Extract every article under ``paths``; one result per file, in input order.

    A file that cannot be read yields the :class:`VerifyError` naming it instead of raising, so the
    others still go through. ``jobs`` worker processes (default: one per CPU) share the work in
    chunks; at most a bounded window of files is in flight, so memory does not grow with the
    number of files. ``on_note`` receives one-line notes (a file read in a legacy encoding).

    The workers start here, before the first result is asked for, so a caller can start threads of
    its own (a progress bar) afterwards; ``close()`` on the returned iterator stops them early.
    """
    jobs = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    files = list(expand_paths(paths))
    if jobs == 1 or len(files) < 2:
        return (_unpack(r, on_note) for r in _serial(files, registry))
    return _Parallel(files, min(jobs, len(files)), registry, on_note)


# -- workers ---------------------------------------------------------------------------------------

# (path, the extraction or None, a one-line error or None, its exit code, notes)
_Result = tuple[str, "Extraction | None", "str | None", int, "list[str]"]
_worker_registry: Registry | None = None


def _init_worker(registry: Registry | None) -> None:
    global _worker_registry
    _worker_registry = registry if registry is not None else Registry.starter()


def _work(path: str) -> _Result:
    notes: list[str] = []
    if os.path.isdir(path):  # expand_paths passes on only directories with no article in them
        return path, None, f"{path}: a directory with no article files in it ({', '.join(ARTICLE_SUFFIXES)})", \
            InputError.exit_code, notes
    try:
        ex = extract_file(path, _worker_registry, notes.append)
        return path, ex, None, 0, notes
    except VerifyError as e:
        return path, None, str(e), e.exit_code, notes
    except RecursionError:
        return path, None, f"{path}: extraction failed (text nested too deeply)", 1, notes
    except Exception as e:  # one article's failure must not end a run over thousands
        return path, None, f"{path}: extraction failed ({type(e).__name__}: {e})", 1, notes


def _unpack(r: _Result, on_note: NoteHandler | None) -> Extraction | VerifyError:
    path, ex, error, code, notes = r
    if on_note is not None:
        for n in notes:
            on_note(n)
    if error is not None:
        e: VerifyError = InputError(error) if code == InputError.exit_code else VerifyError(error)
        e.exit_code = code
        return e
    return ex


def _serial(files: list[str], registry: Registry | None) -> Iterator[_Result]:
    _init_worker(registry)
    for f in files:
        yield _work(f)


class _Parallel:
    """Each file's result from a pool of workers (:class:`verify.workers.OrderedMap`), in input
    order, with a bounded number of files in flight; ``close()`` stops the workers."""

    def __init__(self, files: list[str], jobs: int, registry: Registry | None, on_note: NoteHandler | None):
        self.on_note = on_note
        # small chunks keep a slow article from holding up many others; a few per worker keep IPC cheap
        chunk = max(1, min(8, len(files) // (jobs * 8)))
        self.results = OrderedMap(_work, files, jobs, setup=_init_worker, setup_args=(registry,),
                                  chunk=chunk, window=max(chunk * jobs * 4, 16))

    def __iter__(self) -> _Parallel:
        return self

    def __next__(self) -> Extraction | VerifyError:
        _, r = next(self.results)
        return _unpack(r, self.on_note)

    def close(self) -> None:
        self.results.close()
