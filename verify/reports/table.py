"""The terminal report: a summary, then each article's claims with source, status, grade and flags.

Every stored string goes into rich as a ``Text`` object, so "[bold]" in an article is printed as it
is and never read as markup.
"""

from __future__ import annotations

import textwrap
from typing import Any, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..models import STATUSES, ClaimRecord
from ..printable import printable
from .common import DENIED_MARK, Report, copy_spool, drift_lines, grade_note, pair_marks, pair_texts, plural, spool

_MEASURE = Console(width=10_000)  # only for wrapping lines of wide characters
STATUS_STYLES = {
    "unverified": "bright_white",
    "single-source": "yellow",
    "corroborated": "cyan",
    "confirmed": "bold green",
    "disputed": "magenta",
    "refuted": "bold red",
}


def status_text(status: str) -> Text:
    return Text(printable(status), style=STATUS_STYLES.get(status, ""))


def safe(value: object, style: str = "") -> Text:
    """A stored string as terminal text: no rich markup read, no control characters passed on."""
    return Text(printable(value), style=style)


def _pct(n: int, total: int) -> str:
    return f"{(100 * n / total):.0f}%" if total else "-"


def summary_tables(report: Report) -> Group:
    s = report.summary
    by_status = Table(title="Claims by status", box=box.SIMPLE_HEAD, title_justify="left")
    by_status.add_column("Status")
    by_status.add_column("Claims", justify="right")
    by_status.add_column("Share", justify="right")
    by_status.add_column("")
    peak = max(s.by_status.values(), default=0) or 1
    for st in STATUSES:
        n = s.by_status.get(st, 0)
        bar = Text("█" * round(20 * n / peak), style=STATUS_STYLES[st])
        by_status.add_row(status_text(st), str(n), _pct(n, s.claims), bar)

    rests = Table(title="What the claims rest on", box=box.SIMPLE_HEAD, title_justify="left")
    rests.add_column("")
    rests.add_column("Claims", justify="right")
    rests.add_column("Share", justify="right")
    for label, n in s.rests_on_rows():
        rests.add_row(label, str(n), _pct(n, s.claims))
    for kind, n in s.by_attribution.items():
        rests.add_row(safe(f"attribution: {kind}", style="dim"), str(n), _pct(n, s.claims))
    return Group(by_status, rests)


def pair_cells(p: Any, a: str, b: str) -> tuple[Text, Text]:
    """The two claims of a match as terminal cells, a denied one with its mark under it in bold."""
    cells = []
    for text, mark in zip((a, b), pair_marks(p)):
        cell = safe(text)
        if mark:
            cell.append("\n" + mark, style="bold")
        cells.append(cell)
    return cells[0], cells[1]


def across_table(report: Report) -> Table | None:
    pairs = report.across()
    if not pairs:
        return None
    t = Table(title="Across articles: the same claim in other articles", box=box.SIMPLE_HEAD, expand=True,
              title_justify="left")
    for name, ratio in (("Claim A", 3), ("Claim B", 3), ("Match", 2)):
        t.add_column(name, ratio=ratio)
    t.add_column("Drift", width=len("A: attribution-mismatch"))
    for p in pairs:
        a, b, how, _drift = pair_texts(p)
        lines = drift_lines(p)
        t.add_row(*pair_cells(p, a, b), safe(how, style="dim"),
                  safe("\n".join(lines) or "none", style="yellow" if lines else "dim"))
    return t


def sources_table(report: Report) -> Table:
    t = Table(title="Sources and their record", box=box.SIMPLE_HEAD, title_justify="left")
    t.add_column("Source")
    t.add_column("Kind")
    t.add_column("Affiliation")
    t.add_column("Claims", justify="right")
    t.add_column("Relayed", justify="right")
    t.add_column("Statuses", min_width=16, overflow="fold")
    for src in report.summary.sources_by_claims():
        statuses = Text()
        for st in STATUSES:
            n = src.by_status.get(st, 0)
            if n:
                if statuses:
                    statuses.append(", ")
                statuses.append(f"{n} {st}", style=STATUS_STYLES[st])
        t.add_row(
            safe(src.canonical),
            safe(src.kind),
            safe(src.affiliation or ""),
            str(src.claims),
            str(src.relayed),
            statuses,
        )
    return t


def short_sources(rec: ClaimRecord) -> str:
    """Source names for a narrow column: the kind only where it matters (anonymous, vague)."""
    if not rec.sources:
        text = "nobody" if rec.attribution == "unattributed" else "no source found"
    else:
        text = "; ".join(v.canonical + (f" ({v.kind})" if v.kind in ("anonymous", "vague") else "") for v in rec.sources)
    if rec.relayed_by:
        text += " via " + "; ".join(v.canonical for v in rec.relayed_by)
    return text


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` terminal cells, broken at spaces (long words are cut)."""
    if text.isascii():
        # one cell per character: a plain greedy fill, several times quicker than textwrap
        if len(text) <= width and "\n" not in text and "\t" not in text:
            return [text]
        lines: list[str] = []
        line = ""
        for word in text.split():
            while len(word) > width:
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:width])
                word = word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        if line or not lines:
            lines.append(line)
        return lines
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]
    if any(cell_len(ln) > width for ln in lines):
        lines = [ln.plain for ln in Text(text).wrap(_MEASURE, width)]
    return lines


def claims_block(title: str, claims: list[ClaimRecord], width: int) -> Text:
    """One article's claims as aligned columns: ID, claim and its flags, source(s), status and grade.

    Laid out here rather than by ``rich.table.Table``, which measures every cell twice and is most of
    the time of a large report; the look is the same.
    """
    return Text.assemble(*claims_segments(title, claims, width))


def claims_segments(title: str, claims: list[ClaimRecord], width: int) -> list[tuple[str, str]]:
    """``claims_block`` as (text, style) pieces, every stored string already made printable; a report
    written without colour joins the texts and never builds rich objects for them."""
    w_id = max(2, *(len(str(r.id)) for r in claims))
    w_st = 15  # "single-source ✓"
    room = max(width - w_id - w_st - 8, 40)
    w_src = max(12, room // 4)
    w_cl = room - w_src
    out: list[tuple[str, str]] = [(printable(title), "bold"), ("\n\n", "")]
    add = out.append
    add((f" {'ID':>{w_id}}  {'Claim · flags':<{w_cl}}  {'Source(s)':<{w_src}}  Status · grade\n", "bold"))
    add((" " + "─" * (w_id + w_cl + w_src + w_st + 6) + "\n", ""))
    for rec in claims:
        lines = [(ln, "") for ln in _wrap(printable(rec.text), w_cl)]
        if rec.polarity == "denied":  # no column holds the attribution: the mark goes under the claim
            lines += [(ln, "bold") for ln in _wrap(DENIED_MARK, w_cl)]
        if rec.flags:
            lines += [(ln, "yellow") for ln in _wrap(printable("⚑ " + ", ".join(rec.flags)), w_cl)]
        src = _wrap(printable(short_sources(rec)), w_src)
        src_style = "" if rec.sources else "dim"
        # a person's verdict that the rules now contradict is shown, not hidden behind the ✓
        extra = printable(f"≠ {rec.rule_status}") if rec.disagreement else None
        for i in range(max(len(lines), len(src), 3 if extra else 2)):
            text, style = lines[i] if i < len(lines) else ("", "")
            pad = w_cl - (len(text) if text.isascii() else cell_len(text))
            add((f" {rec.id if i == 0 else '':>{w_id}}  ", ""))
            add((text + " " * pad, style))
            add(("  ", ""))
            text = src[i] if i < len(src) else ""
            pad = w_src - (len(text) if text.isascii() else cell_len(text))
            add((text + " " * pad + "  ", src_style))
            if i == 0:
                add((printable(rec.status), STATUS_STYLES.get(rec.status, "")))
                if rec.review_status:
                    add((" ✓", "dim"))
            elif i == 1:
                add((printable(grade_note(rec) or "-"), ""))
            elif i == 2 and extra:
                add((extra, "yellow"))
            add(("\n", ""))
    return out


# claims listed by default: a terminal shows a summary and a few screens, not a whole season's store
LIMIT = 200


def write(report: Report, out: TextIO | None = None, console: Console | None = None, limit: int | None = LIMIT) -> None:
    """Print the report to ``console``, or as plain text (no colour codes) to ``out``.

    The summary and the sources cover every selected claim; the claims themselves are listed up to
    ``limit`` (all of them with None), in article order, and a line says how many are left out and
    how to see them.
    """
    if console is None:
        console = Console(file=out, width=140, force_terminal=False, no_color=True, highlight=False, soft_wrap=False)
    with spool() as body:
        # the articles are rendered as the claims stream past, with the console's own settings,
        # and printed after the summary that the stream completes
        side = Console(
            file=body,
            width=console.width,
            force_terminal=console.is_terminal,
            color_system=console.color_system,
            no_color=console.no_color,
            highlight=False,
            soft_wrap=False,
        )
        listed = _articles(report, side, limit)
        s = report.summary
        head = Text("verify report", style="bold")
        head.append(f"  {plural(s.claims, 'claim')} in {plural(len(s.articles), 'article')}")
        filters = ", ".join(f"{k}={v}" for k, v in report.filters().items() if v is not None)
        if filters:
            head.append(printable(f"  ({filters})"), style="dim")
        console.print(head)
        if not s.claims:
            console.print(Text("No claims match. Ingest articles with `verify ingest PATH` and run `verify check`."))
            return
        console.print(summary_tables(report))
        across = across_table(report)
        if across is not None:
            console.print(across)
        console.file.flush()
        copy_spool(body, console.file)
    if listed < s.claims:
        console.print(Text(
            f"{listed:,} of {s.claims:,} claims listed (the first in article order); `verify report --all` lists "
            f"every claim, `--limit N` the first N, and `verify claims list` filters them (`--status`, `--source`, "
            "`--article`). The summary above and the sources below count them all.", style="bold"))
    console.print(sources_table(report))
    console.print(
        Text(
            "✓ reviewed by a person (≠ what the rules now say instead).  ⚑ flags set by the rules.  Grade: Admiralty code, source reliability A-F "
            "and information credibility 1-6.  `verify claims show ID` explains a claim.",
            style="dim",
        )
    )


def _articles(report: Report, console: Console, limit: int | None = None) -> int:
    """Each article's claims, up to ``limit`` claims in all; the walk goes on to the end so that the
    summary counts every claim. Returns how many were listed."""
    current: int | None = None
    batch: list[ClaimRecord] = []
    listed = 0

    def flush() -> None:
        if batch:
            art = report.summary.articles[batch[0].article_id]
            title = f"Article {art.id}: {art.label}"
            if art.outlet:
                title += f" ({art.outlet})"
            segments = claims_segments(title, batch, console.width)
            if console.color_system is None:
                # no colour and no terminal (a file): the text as it is, without rich's rendering
                console.file.write("".join(text for text, _ in segments) + "\n")
            else:
                console.print(Text.assemble(*segments), soft_wrap=True)

    for rec in report.walk():
        if limit is not None and listed >= limit:
            continue
        if rec.article_id != current:
            flush()
            batch = []
            current = rec.article_id
        batch.append(rec)
        listed += 1
    flush()
    return listed
