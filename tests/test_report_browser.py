"""The HTML report opened in a real browser (headless Chromium): what a reader sees and can do.

These tests need pip's playwright and a Chromium binary (Debian's ``chromium`` at
/usr/bin/chromium, or $VERIFY_CHROMIUM); playwright's own browser download is never used. Where
either is missing they skip and say which.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import verify
from verify.articles import read_article
from verify.reports.html import BAR, COLOURS

from _claims import seed

CHROMIUM = os.environ.get("VERIFY_CHROMIUM", "/usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not Path(CHROMIUM).is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (on Debian: apt install chromium; or set VERIFY_CHROMIUM)",
                allow_module_level=True)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples"
LONG_LINE = 1_000_000  # characters in the hostile article's one long line


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        # --no-sandbox: CI runs as root, where Chromium refuses its sandbox
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


class Opened:
    """A report page with every dialog, console message and page error it caused."""

    def __init__(self, browser, path: Path, width: int = 1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.events: list[str] = []
        self.page.on("dialog", lambda d: (self.events.append(f"dialog: {d.message}"), d.dismiss()))
        self.page.on("console", lambda m: self.events.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.events.append(f"error: {e}"))
        self.page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:"))
                     else self.events.append(f"request: {r.url}"))
        self.page.goto(path.as_uri())

    def close(self) -> None:
        self.context.close()


def _report(store, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        verify.report(store, "html", out)
    return path


def _rgb(hex_colour: str) -> str:
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i : i + 2], 16) for i in (0, 2, 4)))


@pytest.fixture
def example(tmp_path, browser):
    """The example articles ingested and checked, reported, and opened."""
    store = verify.open_store(f"sqlite:///{tmp_path / 'example.db'}")
    done = verify.ingest(store, sorted(EXAMPLE.glob("*.txt")), jobs=1)
    claims = list(verify.claims(store))
    # the text as stored, which the claims' spans count in
    texts = {f.result.article_id: read_article(f.path).text for f in done.new}
    opened = Opened(browser, _report(store, tmp_path / "report.html"))
    yield opened, claims, texts
    opened.close()
    store.close()


def test_each_claim_is_highlighted_on_exactly_its_words_in_its_status_colour(example):
    opened, claims, texts = example
    page = opened.page
    shown = page.evaluate("""() => [...document.querySelectorAll('a.claim')].map(a => {
        const words = [...a.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.data).join('');
        return [a.id, words, getComputedStyle(a).backgroundColor, getComputedStyle(a).color];
    })""")
    by_id = {c.id: c for c in claims}
    assert len(shown) == len(claims) > 5
    for hid, words, background, colour in shown:
        claim = by_id[int(hid.removeprefix("claim-"))]
        start, end = claim.span
        assert words == texts[claim.article_id][start:end], hid
        assert (background, colour) == tuple(_rgb(c) for c in COLOURS[claim.status]), (hid, claim.status)
    assert opened.events == []


def test_the_keyboard_reaches_every_claim_and_focus_shows_its_source_and_status(example):
    opened, claims, _ = example
    page = opened.page
    reached: dict[str, dict] = {}
    for _ in range(6 * len(claims) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const a = document.activeElement;
            if (!a || !a.classList.contains('claim')) return null;
            const tip = a.querySelector('.tip'), box = tip.getBoundingClientRect();
            return {id: a.id, tip: tip.innerText, width: box.width, height: box.height};
        }""")
        if focused:
            reached[focused["id"]] = focused
    assert set(reached) == {f"claim-{c.id}" for c in claims}
    for c in claims:
        seen = reached[f"claim-{c.id}"]
        # shown, not only announced: the tip has a visible box while its claim has focus
        assert seen["width"] > 40 and seen["height"] > 10, seen
        assert f"claim {c.id}:" in seen["tip"] and "source:" in seen["tip"]
        for s in c.sources:
            assert s.canonical in seen["tip"]
    # and without focus the tips take no room on the page
    page.evaluate("() => document.activeElement.blur()")
    hidden = page.evaluate("() => [...document.querySelectorAll('.tip')].map(t => t.getBoundingClientRect().width)")
    assert max(hidden) <= 1


def test_the_status_chart_renders_a_bar_per_status_in_proportion(example):
    opened, claims, _ = example
    bars = opened.page.evaluate("""() => [...document.querySelectorAll('svg rect')].map(r => {
        const box = r.getBoundingClientRect();
        return [box.width, box.height, getComputedStyle(r).fill];
    })""")
    counts = {}
    for c in claims:
        counts[c.status] = counts.get(c.status, 0) + 1
    peak = max(counts.values())
    assert [b[2] for b in bars] == [_rgb(BAR[s]) for s in BAR]
    for (width, height, _), status in zip(bars, BAR):
        assert height > 10
        assert abs(width - 360 * counts.get(status, 0) / peak) <= 1.5, status
    labels = opened.page.evaluate("() => [...document.querySelectorAll('svg text')].map(t => t.getBBox().width)")
    assert min(labels) > 0


def test_the_print_stylesheet_hides_the_chrome(example):
    opened, _, _ = example
    page = opened.page
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.skip', '.tip'].map(sel =>
        [...document.querySelectorAll(sel)].every(e => getComputedStyle(e).display === 'none'))""")
    assert hidden == [True, True]
    # the highlights keep their colours on paper
    assert page.evaluate("() => getComputedStyle(document.querySelector('a.claim')).printColorAdjust") == "exact"
    page.emulate_media(media="screen")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.skip')).display") != "none"


HOSTILE_TXT = (
    "Markup in the text <script>alert('text')</script>\n\n"
    "The council said <img src=x onerror=\"alert('img')\"> that the ferry was late. "
    "A <a href=\"javascript:alert('link')\">link</a> was posted, the mayor said. "
    "The harbour master said the cargo was \u202egnissim\u202c and the quay \u2066closed\u2069.\n\n"
    + "x" * (LONG_LINE // 2) + " " + "y" * (LONG_LINE // 2) + "\n\n"
    "Officials said the bridge reopened on Tuesday.\n"
)
HOSTILE_HTML = (
    "<html><head><title>Night <script>alert('title')</script> shelling</title>"
    "<script>alert('head')</script></head><body onload=\"alert('body')\"><article>"
    "<h1>Night shelling</h1><p>The governor said <b onmouseover=\"alert('b')\">twelve</b> homes were damaged "
    "in the night.</p><p><a href=\"javascript:alert('a')\">More</a> Police said the roads were closed until "
    "noon.</p><script>alert('body script')</script><iframe src=\"javascript:alert('frame')\"></iframe>"
    "<p>Rescuers said two people were taken to hospital.</p></article></body></html>\n"
)


def test_a_hostile_article_runs_no_script_and_breaks_no_layout(tmp_path, browser):
    store = verify.open_store(f"sqlite:///{tmp_path / 'hostile.db'}")
    (tmp_path / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (tmp_path / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    done = verify.ingest(store, [tmp_path / "hostile.txt", tmp_path / "hostile.html"], jobs=1)
    assert not done.failed
    seed(store)  # and stored strings (titles, outlets, sources, flags, rules) that try to break out
    opened = Opened(browser, _report(store, tmp_path / "report.html"), width=1024)
    page = opened.page
    try:
        # hovering and focusing every element gives event handlers, had any survived, their chance
        page.mouse.move(200, 200)
        for _ in range(30):
            page.keyboard.press("Tab")
        live = page.evaluate("""() => ({
            scripts: document.scripts.length,
            frames: document.querySelectorAll('iframe, object, embed, img').length,
            handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            js_links: [...document.querySelectorAll('a[href]')].filter(a => a.href.toLowerCase().startsWith('javascript:')).length,
            page_width: document.documentElement.scrollWidth,
            view_width: window.innerWidth,
            // a box that scrolls sideways may hold wider content: measure the boxes, not what they hold
            widest: Math.max(...[...document.querySelectorAll('main *')].filter(e => !e.closest('.wide > *'))
                                 .map(e => e.getBoundingClientRect().right)),
        })""")
        assert opened.events == []
        assert (live["scripts"], live["frames"], live["handlers"], live["js_links"]) == (0, 0, 0, 0)
        # the million-character line wraps inside the article's box: nothing is wider than the window
        assert live["page_width"] <= live["view_width"] and live["widest"] <= live["view_width"], live
        text = page.inner_text("main")
        assert "<script>alert('text')</script>" in text  # shown as the text it is
        assert "\u202e" not in text and "\u2066" not in text  # no override reverses what follows
    finally:
        opened.close()
        store.close()
