"""Reading an article file: plain text, Markdown or HTML, into an :class:`Article` and its text.

``read_article(path)`` returns a :class:`LoadedArticle` whose ``text`` is what every span indexes.

- Plain text and Markdown are kept exactly as read: nothing is normalised, line ends and a leading
  byte-order mark included (decoded with ``utf-8``, not ``utf-8-sig``), so ``text[start:end]`` is
  the same whichever tool decodes the file as UTF-8.
- HTML (``.html``/``.htm``, or a file without a text or Markdown suffix that starts like an HTML
  page) goes through trafilatura, which keeps the article body and drops navigation and
  boilerplate; its title, author, date (``published``), site name (``outlet``) and canonical URL
  are kept. The extracted text, with a blank line between blocks, is what spans index, and
  ``article.text`` carries it.

Encodings: UTF-8 is expected. A file that is not UTF-8 is decoded only where that is safe: a
UTF-16/UTF-32 file with a byte-order mark, or a file that charset-normalizer recognises, with no
decoding noise, as a single-byte legacy encoding (cp1252, latin-1, cp1251, ...). Such a file gets a
note (``LoadedArticle.notes``) naming the encoding, and ``article.text`` carries the decoded text
since it is not the file's bytes read as UTF-8. Anything else that is not UTF-8 is refused: a wrong
guess would put every span on the wrong characters.

Refused, with one line naming the file (:class:`InputError`): a missing path, a directory, an
unreadable file, an empty or whitespace-only file, a binary file (NUL bytes or mostly control
characters), undecodable text, a file over the size limit (5 MB, or ``VERIFY_MAX_BYTES``), and an
HTML page with no article text in it.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import InputError, VerifyError
from .models import Article

# Extraction keeps an article's claims in memory, about 30 to 75 times the text for wire copy and
# for the densest run of short attributed sentences: at 5 MB both stay well under 500 MB (and a news
# article is a few kilobytes). A larger file is refused in one line before it is read.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


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


# single-byte encodings a newsroom's older files come in; multi-byte guesses on short or odd
# input are too often wrong ("caf\xe9" reads as UTF-16 to a detector)
_LEGACY_PREFIXES = ("cp125", "latin", "iso8859", "koi8", "mac_", "cp437", "cp850", "cp866", "ascii")
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_HTML_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<!--)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])  # the same, as bytes
_MD_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)[*_`]+|[*_`]+(?!\w)")


@dataclass
class LoadedArticle:
    """An article as read: where from, its metadata, and the text its spans index."""

    path: str
    article: Article
    text: str
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)


def max_bytes() -> int:
    """The size limit for one article file: ``VERIFY_MAX_BYTES`` if set, else 5 MB."""
    raw = os.environ.get("VERIFY_MAX_BYTES")
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw.strip().replace("_", ""))
    except ValueError:
        raise VerifyError(f"VERIFY_MAX_BYTES must be a whole number of bytes, not {raw!r}") from None
    if value <= 0:
        raise VerifyError(f"VERIFY_MAX_BYTES must be positive, not {raw!r}")
    return value


def read_article(path: str | os.PathLike[str]) -> LoadedArticle:
    """Read one article file; :class:`InputError` with a one-line reason if it is not one."""
    shown = str(path)
    data = _read_bytes(Path(path), shown)
    sha = hashlib.sha256(data).hexdigest()
    suffix = Path(shown).suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES + MARKDOWN_SUFFIXES
                                          and bool(_HTML_START.match(data[:1024])))
    text, encoding, notes = _decode(data, shown)
    if not text.replace("\ufeff", "").strip():
        raise InputError(f"{shown}: the file is empty (whitespace only)")
    if is_html:
        return _from_html(shown, text, sha, encoding, notes)
    fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    title = _markdown_title(text) if fmt == "markdown" else None
    if title is None:
        title = _text_title(text)
    article = Article(title=title, sha256=sha, format=fmt, text=text if encoding != "utf-8" else None)
    notes = notes + _language_notes(text, shown)
    return LoadedArticle(path=shown, article=article, text=text, encoding=encoding, notes=notes)


# -- reading and decoding --------------------------------------------------------------------------


def _read_bytes(p: Path, shown: str) -> bytes:
    limit = max_bytes()
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as e:
        raise InputError(f"{shown}: cannot read: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{shown}: is a directory, not an article file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{shown}: not a regular file")
    if st.st_size > limit:
        raise InputError(
            f"{shown}: too large ({_mb(st.st_size)}; the limit is {_mb(limit)}, set VERIFY_MAX_BYTES to raise it)"
        )
    try:
        with open(p, "rb") as f:
            # a buffer of the file's size: read(limit + 1) would set aside the whole limit for
            # every file, which costs more than reading a news article; a file that has grown
            # since stat() is read on up to the limit
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += f.read(limit + 1 - len(data))
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory, not an article file") from None
    except OSError as e:
        raise InputError(f"{shown}: cannot read: {e.strerror or e}") from None
    if len(data) > limit:  # grew while being read
        raise InputError(f"{shown}: too large (over {_mb(limit)}; set VERIFY_MAX_BYTES to raise it)")
    if not data.strip():
        raise InputError(f"{shown}: the file is empty" + (" (whitespace only)" if data else ""))
    return data


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _decode(data: bytes, shown: str) -> tuple[str, str, list[str]]:
    """Text, the encoding used, and notes; refuses binary and undecodable input."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{shown}: starts with a {codec.upper()} byte-order mark but does not decode as {codec.upper()}") from None
            return text, codec, [f"{shown}: not UTF-8; read as {codec.upper()} (it has a byte-order mark)"]
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError(f"{shown}: a binary file, not text (it contains NUL bytes)")
        hint = "looks like UTF-16 without a byte-order mark"
        if len(data) % 2:
            raise InputError(f"{shown}: not UTF-8: {hint}, but has an odd number of bytes; save it as UTF-8")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise InputError(f"{shown}: not UTF-8: {hint}, but does not decode as {codec.upper()}; save it as UTF-8") from None
        _refuse_control_heavy(text, shown)
        return text, codec, [f"{shown}: not UTF-8; read as {codec.upper()} (no byte-order mark; spans index the decoded text)"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text, codec = _legacy(data, shown, e)
        return text, codec, [f"{shown}: not UTF-8; read as {codec} (spans index the decoded text)"]
    _refuse_control_heavy(text, shown, data)
    return text, "utf-8", []


def _legacy(data: bytes, shown: str, err: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    where = f"byte {err.start}"
    best = from_bytes(data[: 1024 * 1024]).best() if len(data) >= 32 else None
    if best is None or best.chaos > 0.1 or not best.encoding.startswith(_LEGACY_PREFIXES):
        if _looks_binary(data):
            raise InputError(f"{shown}: a binary file, not text")
        raise InputError(f"{shown}: not UTF-8 (invalid {where}) and no other text encoding fits; convert it to UTF-8")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{shown}: not UTF-8 (invalid {where}) and not {best.encoding} either; convert it to UTF-8") from None
    _refuse_control_heavy(text, shown)
    codec = best.encoding
    if codec != "cp1252":
        # detectors pick among encodings that agree on this text; name the common one when it does
        try:
            if data.decode("cp1252") == text:
                codec = "cp1252"
        except UnicodeDecodeError:
            pass
    return text, codec


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" where the NULs fall in every other byte, as in UTF-16 text that is
    mostly Latin letters; None otherwise (a binary file has NULs anywhere)."""
    sample = data[:65536]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    zero_even = sample[0:2 * pairs:2].count(0)
    zero_odd = sample[1:2 * pairs:2].count(0)
    # most high bytes are zero for Latin text; a low byte is zero almost never (U+xx00 is rare)
    if zero_odd > pairs * 0.5 and zero_even <= pairs * 0.01:
        return "utf-16-le"
    if zero_even > pairs * 0.5 and zero_odd <= pairs * 0.01:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    odd = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return odd > len(sample) * 0.05


def _refuse_control_heavy(text: str, shown: str, utf8: bytes | None = None) -> None:
    sample = text[:65536]
    if utf8 is not None and len(text) <= len(sample):
        # the text's UTF-8 bytes: each control character is one byte of its own value, and no other
        # character has a byte in that range, so they are counted by deleting those bytes
        controls = len(utf8) - len(utf8.translate(None, _CONTROL_BYTES))
    else:
        controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) * 0.05):
        raise InputError(f"{shown}: a binary file, not text (mostly control characters)")


# -- titles and HTML ------------------------------------------------------------------------------


def _markdown_title(text: str) -> str | None:
    m = _MD_TITLE.search(text)
    if m is None:
        return None
    # the heading as a reader sees it: link text kept, emphasis marks dropped
    title = _MD_LINK.sub(r"\1", m.group(1))
    title = _MD_EMPHASIS.sub("", title)
    return " ".join(title.split()) or None


def _text_title(text: str) -> str | None:
    """The first non-empty line, where it reads as a headline: short, no closing full stop."""
    text = text.replace("\ufeff", "")
    first = _NOT_SPACE.search(text)
    if first is None:
        return None
    # the line holding the first visible character, found without splitting the whole text
    brk = _LINE_BREAK.search(text, first.start())
    end = brk.start() if brk else len(text)
    line = text[first.start() : end].strip()
    rest = brk is not None and _NOT_SPACE.search(text, end) is not None  # a lone line is the article, not its title
    if rest and len(line) <= 160 and len(line.split()) <= 25 and not line.rstrip("\"'”’)").endswith((".", ",", ";", ":")):
        return line.lstrip("# ").strip() or None
    return None


_NOT_SPACE = re.compile(r"\S")
# where str.splitlines breaks a line
_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _from_html(shown: str, html: str, sha: str, encoding: str, notes: list[str]) -> LoadedArticle:
    import logging  # here, with trafilatura (which loads it anyway): plain text needs neither

    import trafilatura

    # trafilatura logs its own warnings; a user sees one line from us instead
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as e:  # a malformed page must not become a traceback
        raise InputError(f"{shown}: cannot read the HTML ({type(e).__name__})") from None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not body.strip():
        depth = _nesting_depth(html)
        if depth > _PARSER_DEPTH:
            raise InputError(f"{shown}: cannot parse the HTML: it is nested too deeply ({depth:,} levels; "
                             f"the parser reads {_PARSER_DEPTH})")
        raise InputError(f"{shown}: no article text found in the HTML")
    author = _clean(getattr(doc, "author", None))
    blocks = body.strip().split("\n")
    if len(blocks) == 1:
        # trafilatura's fallback for short pages joins every paragraph with a space, which glues the
        # headline and byline to the first sentence; the page's own blocks put the breaks back
        blocks = _page_blocks(html, blocks[0])
    blocks = [b.strip() for b in blocks if b.strip() and not _is_byline(b, author)]
    if not blocks:
        raise InputError(f"{shown}: no article text found in the HTML")
    # a blank line between blocks, as in plain-text copy
    text = "\n\n".join(blocks)
    notes = notes + _language_notes(text, shown)
    article = Article(
        title=_clean(getattr(doc, "title", None)),
        outlet=_clean(getattr(doc, "sitename", None)),
        author=author,
        url=_clean(getattr(doc, "url", None)),
        published=_date(getattr(doc, "date", None)),
        sha256=sha,
        text=text,
        format="html",
    )
    return LoadedArticle(path=shown, article=article, text=text, encoding=encoding, notes=notes)


_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption",
               "td", "th", "div")
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|reporting\s+by)\s+(?P<who>.+?)\s*$", re.IGNORECASE)
# libxml2, under trafilatura and lxml, stops reading elements nested deeper than this
_PARSER_DEPTH = 256
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>")
# elements that have no end tag, or whose end tag pages often leave out
_NO_DEPTH = frozenset("area base br col embed hr img input link meta source track wbr p li td tr th dt dd option".split())


def _page_blocks(html: str, flat: str) -> list[str]:
    """``flat`` (the article text on one line) cut where the page's own blocks start. What
    trafilatura kept is kept word for word: its blocks follow one another in ``flat``, so each block
    of the page is looked for where the previous one ended (a block it dropped is not found there)."""
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
    except Exception:  # the structure is a nicety: without it the text is still right
        return [flat]
    starts = {0}
    pos = 0
    for el in root.iter(*_BLOCK_TAGS):
        piece = " ".join(el.text_content().split())
        if not piece:
            continue
        while pos < len(flat) and flat[pos] == " ":
            pos += 1
        if flat.startswith(piece, pos):
            at = pos
        else:
            # resume after something trafilatura left out or reworded, at a sentence boundary only
            at = flat.find(piece, pos)
            if at < 2 or flat[at - 1] != " " or flat[at - 2] not in ".!?\"”’:":
                continue
        starts.add(at)
        if next(el.iterdescendants(*_BLOCK_TAGS), None) is None:  # a container's blocks follow inside it
            pos = at + len(piece)
    cuts = sorted(starts) + [len(flat)]
    return [flat[a:b] for a, b in zip(cuts, cuts[1:])]


def _is_byline(block: str, author: str | None) -> bool:
    """"By Jane Roe": the reporter's name over the story, which the metadata already carries; left in,
    it reads as the speaker of the first sentence."""
    m = _BYLINE.match(block)
    if m is None or author is None or len(block) > len(author) + 60:
        return False
    who, name = m.group("who").casefold(), author.casefold()
    return who.startswith(name) or name.startswith(who) or any(p.strip() and p.strip() in who
                                                               for p in re.split(r",|;| and ", name))


def _nesting_depth(html: str) -> int:
    """How deep the page's elements nest, read from its tags (no parser: a parser is what gives up)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(3) and name not in _NO_DEPTH:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


# letters of the Latin alphabet, accented ones included; and of the other alphabets news comes in
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_OTHER_SCRIPT = (
    "[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u06ff\u0700-\u08ff\u0900-\u0dff\u0e00-\u0eff"
    "\u10a0-\u10ff\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)
# every character of those other alphabets, and more: Latin letters and punctuation (quotation marks,
# dashes) aside, counted as what is left once the runs of those are removed (a run at a time is
# twice as fast as a match per character).  Two ranges compile in a tenth of a millisecond;
# _OTHER_SCRIPT's many take five, so it is compiled only for a text this finds enough of them in.
_LATIN_RUNS = re.compile(r"[\x00-\u036f\u2000-\u206f]+")


def _language_notes(text: str, shown: str) -> list[str]:
    """A note where the text is mostly in another alphabet (Cyrillic, Hangul, Arabic, ...): the
    extractor knows English reporting verbs only, so every sentence would come out unattributed."""
    sample = text[:20000]
    if sample.isascii():  # most copy; the counts below cost a millisecond an article
        return []
    if len(_LATIN_RUNS.sub("", sample)) < 20:  # then fewer than 20 can be in other alphabets
        return []
    other = len(re.findall(_OTHER_SCRIPT, sample))  # compiled once, through re's cache
    if other < 20 or len(_LATIN.findall(sample)) >= other:
        return []
    return [f"{shown}: the text is not in English; attributions are recognised in English only, "
            "so its sentences are kept as unattributed"]


def _clean(value: object) -> str | None:
    if not value:
        return None
    s = " ".join(str(value).split())
    return s[:500] or None


def _date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
