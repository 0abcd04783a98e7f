"""Writing a report to a file: whole or not at all, and remembered, so that the next report to the same
file can take only what changed since (``--changed-since last``).

When a report was last written to ``DIR/NAME`` is kept beside it in ``DIR/.NAME.verify.json``, once a
report to that file has been asked for with ``--changed-since last`` (a file never written so gets
no record beside it; one that has one keeps it up to date with every report): the moment the
report began reading the store (a change made while it was being written falls after that
moment and so is in the next one), its format and its filters. Deleting that file makes the next
report take every claim again, as the first one did.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from ..errors import VerifyError

STAMP_SUFFIX = ".verify.json"


def stamp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{STAMP_SUFFIX}")


def checked_target(path: str | os.PathLike[str]) -> Path:
    """The report file to write; one line when it cannot be (a directory, no such directory)."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise VerifyError(f"cannot write the report to {target}: it is a directory")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise VerifyError(f"cannot write the report to {target}: no directory {parent}")
    return target


@contextmanager
def replaced(target: Path) -> Iterator[TextIO]:
    """A text file written beside ``target`` and moved over it when the block ends without error:
    never a half-written report."""
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise VerifyError(f"cannot write the report to {target}: {e.strerror or e}") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's file is private; a report is not
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def last_written(target: Path) -> datetime | None:
    """When the last report written to ``target`` began reading the store; None when no report was
    written there (or its record is gone). A record that cannot be read is one line."""
    stamp = stamp_path(target)
    if not target.exists() or not stamp.exists():
        return None
    try:
        at = json.loads(stamp.read_text(encoding="utf-8"))["written_at"]
        t = datetime.fromisoformat(at)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise VerifyError(f"cannot tell when {target} was last written: {stamp} is unreadable ({e});"
                          " delete it to report every claim again") from None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def record_written(target: Path, at: datetime, fmt: str, filters: dict[str, Any]) -> None:
    """Remember that a report in ``fmt`` began reading the store at ``at`` and went to ``target``."""
    data = {"report": target.name, "format": fmt, "written_at": at.isoformat(), "filters": filters}
    try:
        with replaced(stamp_path(target)) as f:
            f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except VerifyError as e:
        raise VerifyError(f"wrote {target}, but {e}; the next --changed-since last would not know it") from None


def pages_dir(target: Path) -> Path:
    """Where the article pages of a large HTML report written to ``target`` go: ``NAME-files/``."""
    return target.with_name(f"{target.stem}-files")


@contextmanager
def pages_beside(target: Path, wanted: bool = True) -> Iterator[Any]:
    """A new directory for a large HTML report's article pages (``verify.reports.html.Pages``), moved
    into place of the old one when the block ends without error; none is left when the report fitted
    on one page. A directory of that name holding anything but such pages is not ours to replace:
    refused, one line, before anything is written."""
    if not wanted:
        yield None
        return
    from .html import Pages

    parent = target.parent if str(target.parent) else Path(".")
    final = pages_dir(target)
    if final.exists() and not _only_pages(final):
        raise VerifyError(f"cannot write the report's article pages to {final}: it exists and holds other files")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".tmp", dir=parent))
    except OSError as e:
        raise VerifyError(f"cannot write the report to {target}: {e.strerror or e}") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp's directory is private; a report is not
        yield Pages(dir=tmp, link=final.name, index=target.name)
        if final.exists():
            shutil.rmtree(final)
        if any(tmp.iterdir()):
            os.replace(tmp, final)
        else:
            tmp.rmdir()
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _only_pages(d: Path) -> bool:
    return d.is_dir() and all(p.is_file() and p.name.startswith("article-") and p.suffix == ".html" for p in d.iterdir())
