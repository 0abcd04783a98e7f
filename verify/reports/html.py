"""The report as one self-contained HTML file: inline CSS, inline SVG, no scripts, no external assets.

Each article's text is shown with its claims highlighted by status (``verify.reports.html_articles``);
how the pages look and what they let through: ``verify.reports.html_style``. A large report is an
index page and a page per article (``Pages``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from ..models import STATUSES, ClaimRecord
from .common import ACROSS_NOTE, STATUS_LABELS, STATUS_MEANINGS, Report, pair_marks, pair_texts, plural, spool
from .html_articles import article_section, highlight  # noqa: F401  (highlight: taken from here)
from .html_style import BAR, COLOURS, FOOTER, esc, page_top, pct, status_chart  # noqa: F401  (BAR, COLOURS too)

# a report of more claims than this is not one page: an index and a page per article (``Pages``),
# or, where there is only one file to write, the first articles up to this many claims
PAGE_CLAIMS = 2_000


@dataclass(frozen=True)
class Pages:
    """Where a large report's article pages go: the directory written to, its name as the index links
    to it (the index and the directory sit side by side), and the index's file name (for the way back)."""

    dir: Path
    link: str
    index: str


@dataclass
class _Placed:
    """An article's section as it lies in the spool: where it starts, how long it is, its claims."""

    id: int
    at: int
    chars: int
    claims: int


def write(report: Report, out: TextIO, pages: Pages | None = None) -> None:
    """The report as one page; a large one (over ``PAGE_CLAIMS`` claims) as an index page that links
    to a page per article in ``pages.dir``, or without ``pages``, the first articles and a note.

    The article sections are written to a spool as the claims stream past, each one's place noted,
    and copied from it in pieces: memory holds one article's claims at a time, whatever the size.
    """
    with spool() as body:
        placed = _write_articles(report, body, pages)
        _write_head(report, out)
        _write_across(report, out)
        total = report.summary.claims
        _open_articles(out)
        if total <= PAGE_CLAIMS:
            _copy(body, out, placed)
        elif pages is not None:
            _write_index(report, out, placed, pages)  # (the pages are written)
        else:
            shown: list[_Placed] = []
            for p in placed:
                if shown and sum(x.claims for x in shown) + p.claims > PAGE_CLAIMS:
                    break
                shown.append(p)
            n = sum(x.claims for x in shown)
            out.write(f'<p class="review-open">This page shows the first {plural(len(shown), "article")} ({n:,} of '
                      f"{total:,} claims); the summary above and the sources below count them all. Written to a "
                      "file (<code>--output report.html</code>), the report has a page for every article.</p>")
            _copy(body, out, shown)
        if not placed:
            out.write("<p>No claims match.</p>")
        out.write("</section>")
    _write_sources(report, out)


def _open_articles(out: TextIO) -> None:
    out.write('<section aria-labelledby="articles-h"><h2 id="articles-h" tabindex="-1">Articles</h2>')
    out.write('<ul class="legend" aria-label="Highlight colours">')
    for st in STATUSES:
        out.write(f'<li><span class="badge st-{st}">{esc(STATUS_LABELS[st])}</span></li>')
    out.write("</ul>")


def _copy(body: TextIO, out: TextIO, placed: list[_Placed]) -> None:
    for p in placed:
        body.seek(p.at)
        left = p.chars
        while left:
            chunk = body.read(min(left, 1 << 20))
            if not chunk:
                break
            out.write(chunk)
            left -= len(chunk)
    body.seek(0, 2)


def _page_name(article_id: int) -> str:
    return f"article-{article_id}.html"


def _write_index(report: Report, out: TextIO, placed: list[_Placed], pages: Pages) -> None:
    """The articles as a table of links to their pages, with how their claims stand."""
    s = report.summary
    out.write(f"<p>{s.claims:,} claims are too many for one page: each article has its own page, "
              "with its text, its claims highlighted and its table of claims.</p>")
    out.write('<div class="wide" role="region" tabindex="0" aria-label="Articles (scrolls sideways)">')
    out.write('<table><caption>Articles, with how their claims stand</caption><thead><tr><th scope="col">Article</th>'
              '<th scope="col">Outlet</th><th scope="col" class="n">Claims</th>')
    for st in STATUSES:
        out.write(f'<th scope="col" class="n">{esc(STATUS_LABELS[st])}</th>')
    out.write("</tr></thead><tbody>")
    for p in placed:
        art = s.articles[p.id]
        href = esc(quote(pages.link) + "/" + _page_name(art.id))
        out.write(f'<tr><th scope="row"><a href="{href}">{esc(art.label)}</a></th><td>{esc(art.outlet or "")}</td>'
                  f'<td class="n">{art.claims}</td>'
                  + "".join(f'<td class="n">{art.by_status.get(st, 0)}</td>' for st in STATUSES) + "</tr>")
    out.write("</tbody></table></div>")


def _write_page(report: Report, body: TextIO, p: _Placed, pages: Pages, section: str | None = None) -> None:
    art = report.summary.articles[p.id]
    with open(pages.dir / _page_name(art.id), "w", encoding="utf-8", newline="") as f:
        f.write(page_top(f"verify report: {art.label}"))
        f.write(f'<header><p><a href="../{esc(quote(pages.index))}">Back to the report</a></p>'
                f"<h1>{esc(art.label)}</h1></header><main>")
        f.write('<ul class="legend" aria-label="Highlight colours">')
        for st in STATUSES:
            f.write(f'<li><span class="badge st-{st}">{esc(STATUS_LABELS[st])}</span></li>')
        f.write("</ul>")
        if section is None:
            _copy(body, f, [p])
        else:
            f.write(section)
        f.write("</main>" + FOOTER + "</body></html>\n")


def _write_head(report: Report, out: TextIO) -> None:
    s = report.summary
    title = "verify report"
    out.write(
        page_top(title) +
        '<a class="skip" href="#articles-h">Skip to the articles</a>'
        f"<header><h1>{esc(title)}</h1>"
        f'<p class="meta">{plural(s.claims, "claim")} in {plural(len(s.articles), "article")} · generated '
        f'<time datetime="{esc(report.generated_at.isoformat())}">{esc(report.generated_at.isoformat())}</time>'
    )
    filters = ", ".join(f"{esc(k)}={esc(v)}" for k, v in report.filters().items() if v is not None)
    if filters:
        out.write(f" · filters: {filters}")
    out.write("</p></header><main>")

    out.write('<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>')
    out.write(status_chart(s))
    out.write('<table><caption>Claims by status</caption><thead><tr><th scope="col">Status</th>'
              '<th scope="col">Meaning</th><th scope="col" class="n">Claims</th><th scope="col" class="n">Share</th></tr></thead><tbody>')
    for st in STATUSES:
        n = s.by_status.get(st, 0)
        out.write(
            f'<tr><th scope="row"><span class="badge st-{st}">{esc(STATUS_LABELS[st])}</span></th>'
            f"<td>{esc(STATUS_MEANINGS[st])}</td><td class=\"n\">{n}</td><td class=\"n\">{pct(n, s.claims)}</td></tr>"
        )
    out.write("</tbody></table>")
    out.write('<table><caption>What the claims rest on</caption><thead><tr><th scope="col">Resting on</th>'
              '<th scope="col" class="n">Claims</th><th scope="col" class="n">Share</th></tr></thead><tbody>')
    for label, n in s.rests_on_rows():
        out.write(f'<tr><th scope="row">{esc(label)}</th><td class="n">{n}</td><td class="n">{pct(n, s.claims)}</td></tr>')
    out.write("</tbody></table>")
    out.write('<table><caption>Claims by attribution kind</caption><thead><tr><th scope="col">Attribution</th>'
              '<th scope="col" class="n">Claims</th><th scope="col" class="n">Share</th></tr></thead><tbody>')
    for kind, n in s.by_attribution.items():
        out.write(f'<tr><th scope="row">{esc(kind)}</th><td class="n">{n}</td><td class="n">{pct(n, s.claims)}</td></tr>')
    out.write("</tbody></table></section>")


def _marked(mark: str) -> str:
    return f", <strong>{esc(mark)}</strong>" if mark else ""


def _write_across(report: Report, out: TextIO) -> None:
    pairs = report.across()
    out.write('<section aria-labelledby="across-h"><h2 id="across-h">Across articles</h2>')
    if not pairs:
        out.write("<p>No claim is matched to a claim of another article.</p></section>")
        return
    out.write(f"<p>{esc(ACROSS_NOTE)}</p>")
    out.write('<table><caption>Claims matched across articles</caption><thead><tr><th scope="col">Claim A</th>'
              '<th scope="col">Claim B</th><th scope="col">Match</th><th scope="col">Drift</th></tr></thead><tbody>')
    for p in pairs:
        a, b, how, drift = pair_texts(p)
        mark_a, mark_b = pair_marks(p)
        out.write(f"<tr><td>{esc(a)}{_marked(mark_a)}</td><td>{esc(b)}{_marked(mark_b)}</td><td>{esc(how)}</td>"
                  f"<td>{esc(drift)}</td></tr>")
    out.write("</tbody></table></section>")


def _write_articles(report: Report, out: TextIO, pages: Pages | None = None) -> list[_Placed]:
    """Each article's section, written to ``out`` as its claims stream past; where each one lies.

    With ``pages``, once the claims outnumber a page, the sections so far are copied to their own
    pages and the rest are written straight to theirs (not to ``out``).
    """
    placed: list[_Placed] = []
    claims = 0
    with report.texts() as text_of:

        def put(batch: list[ClaimRecord]) -> None:
            nonlocal claims
            section = article_section(report, batch, text_of(batch[0].article_id))
            claims += len(batch)
            if claims > PAGE_CLAIMS and pages is not None:
                if placed and placed[-1].at >= 0:  # the first article past the limit: earlier ones to their pages
                    for p in placed:
                        _write_page(report, out, p, pages)
                placed.append(_Placed(batch[0].article_id, -1, len(section), len(batch)))
                _write_page(report, out, placed[-1], pages, section)
                return
            placed.append(_Placed(batch[0].article_id, out.tell(), len(section), len(batch)))
            out.write(section)

        current: int | None = None
        batch: list[ClaimRecord] = []
        for rec in report.walk():
            if rec.article_id != current and batch:
                put(batch)
                batch = []
            current = rec.article_id
            batch.append(rec)
        if batch:
            put(batch)
    return placed


def _write_sources(report: Report, out: TextIO) -> None:
    s = report.summary
    out.write('<section aria-labelledby="sources-h"><h2 id="sources-h">Sources and their record</h2>')
    # one column per status makes this table wider than a narrow window: it scrolls in its own box
    out.write('<div class="wide" role="region" tabindex="0" aria-label="Sources (scrolls sideways)">')
    out.write('<table><caption>Sources, with how their claims stand</caption><thead><tr>'
              '<th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Affiliation</th>'
              '<th scope="col">Tags</th><th scope="col" class="n">Claims</th><th scope="col" class="n">Relayed</th>')
    for st in STATUSES:
        out.write(f'<th scope="col" class="n">{esc(STATUS_LABELS[st])}</th>')
    out.write("</tr></thead><tbody>")
    for src in s.sources_by_claims():
        out.write(
            f'<tr><th scope="row">{esc(src.canonical)}</th><td>{esc(src.kind)}</td><td>{esc(src.affiliation or "")}</td>'
            f'<td>{esc(", ".join(src.tags))}</td><td class="n">{src.claims}</td><td class="n">{src.relayed}</td>'
            + "".join(f'<td class="n">{src.by_status.get(st, 0)}</td>' for st in STATUSES)
            + "</tr>"
        )
    out.write("</tbody></table></div></section>")
    out.write("</main>")
    out.write(FOOTER)
    out.write("</body></html>\n")

