"""The HTML report: one self-contained, accessible file in which no stored string is live markup."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest

from verify.reports import write_report

from _claims import HOSTILE, seed


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text_in: dict[str, list[str]] = {}
        self.claims: dict[str, str] = {}  # each highlight's words
        self.tips: dict[str, str] = {}  # what each highlight says of its claim on focus
        self._claim: str | None = None
        self._tip = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "a" and "claim" in (a.get("class") or "").split():
            self._claim = a["id"]
            self.claims[self._claim] = ""
            self.tips[self._claim] = ""
        if tag == "span" and self._claim and "tip" in (a.get("class") or "").split():
            self._tip = True

    def handle_endtag(self, tag):
        if tag == "a":
            self._claim = None
        if tag == "span":
            self._tip = False

    def handle_data(self, data):
        if self._claim:
            (self.tips if self._tip else self.claims)[self._claim] += data


@pytest.fixture
def page(store):
    ids = seed(store)
    buf = io.StringIO()
    write_report(store, "html", buf)
    doc = buf.getvalue()
    p = Page()
    p.feed(doc)
    return ids, doc, p


def test_hostile_strings_are_escaped_everywhere(page):
    ids, doc, p = page
    assert HOSTILE not in doc
    assert "\x1b" not in doc and "\x07" not in doc
    assert "<img" not in doc and "<b>" not in doc and "<i>flag" not in doc
    assert [t for t, _ in p.tags if t in ("script", "img", "iframe", "object", "embed")] == []
    for tag, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    # the hostile text is still there for the reader, as text
    assert "Title &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;" in doc
    assert "Evil &lt;b&gt;Org&lt;/b&gt; &quot;quoted&quot;" in doc


def test_self_contained(page):
    _, doc, p = page
    assert doc.startswith("<!DOCTYPE html>")
    assert [t for t, _ in p.tags if t == "link"] == []
    assert not any("src" in attrs for _, attrs in p.tags)
    assert "url(" not in doc and "@import" not in doc
    assert sum(1 for t, _ in p.tags if t == "style") == 1


def test_claims_are_highlighted_in_the_text_by_status(page):
    ids, doc, p = page
    assert p.claims[f"claim-{ids['bridge']}"] == "a pontoon bridge near the island had been destroyed on Sunday"
    assert p.tips[f"claim-{ids['bridge']}"] == (
        " (claim %d: Single source; source: Government of Ukraine (organisation))" % ids["bridge"]
    )
    classes = {a["id"]: a["class"] for t, a in p.tags if t == "a" and a.get("id", "").startswith("claim-")}
    assert classes[f"claim-{ids['denied']}"] == "claim st-disputed"
    assert classes[f"claim-{ids['evil']}"] == "claim st-refuted"
    # each highlight is a link to its row, so it takes keyboard focus; the row links back
    assert f'href="#row-{ids["bridge"]}"' in doc
    assert f'<tr id="row-{ids["bridge"]}">' in doc and f'href="#claim-{ids["bridge"]}"' in doc


def test_accessible_structure(page):
    _, doc, p = page
    assert '<html lang="en">' in doc
    heads = [t for t, _ in p.tags if t in ("h1", "h2", "h3")]
    assert heads[0] == "h1" and heads.count("h1") == 1 and "h2" in heads and "h3" in heads
    ths = [a for t, a in p.tags if t == "th"]
    assert ths and all(a.get("scope") in ("col", "row") for a in ths)
    assert sum(1 for t, _ in p.tags if t == "caption") >= 4
    svg = [a for t, a in p.tags if t == "svg"]
    assert svg and svg[0]["role"] == "img" and svg[0]["aria-labelledby"] == "chart-title chart-desc"
    assert '<desc id="chart-desc">Unverified: 2, Single source: 2, Corroborated: 0, Confirmed: 1, Disputed: 1, Refuted: 1</desc>' in doc


def test_overlapping_and_bad_spans_never_nest_or_break(store):
    from verify.models import ClaimRecord
    from verify.reports.html import highlight

    def rec(i, a, b):
        return ClaimRecord(id=i, article_id=1, text="x", span=(a, b), attribution="unattributed")

    out = highlight("0123456789", [rec(1, 2, 6), rec(2, 4, 8), rec(3, 5, 6), rec(4, 8, 99)])
    assert out.count("<a ") == 2
    assert '<a class="claim st-unverified" id="claim-2" href="#row-2">67<' in out
    p = Page()
    p.feed(out)
    assert "".join(p.claims.values()) == "2345" + "67"


def test_a_review_the_rules_contradict_is_shown(store):
    from verify.reviews import review_claim

    ids = seed(store)
    review_claim(store, ids["denied"], "confirmed", note="checked", reviewer="ana")
    buf = io.StringIO()
    write_report(store, "html", buf)
    row = buf.getvalue().split(f'<tr id="row-{ids["denied"]}">', 1)[1].split("</tr>", 1)[0]
    assert "(reviewed by ana on " in row and "(the rules now say disputed)" in row


def test_no_human_format_lets_a_bidirectional_override_through(store, tmp_path):
    # an override makes what follows it display reversed ("Trojan Source"): a claim would read as
    # something else; each is shown as U+FFFD instead
    import verify

    art = tmp_path / "bidi.txt"
    art.write_text("Ferry times\n\nThe harbour master said the cargo was \u202egnissim\u202c and the quay "
                   "\u2066closed\u2069 on Monday.\n", encoding="utf-8")
    verify.ingest(store, [art], jobs=1)
    for fmt in ("table", "markdown", "html", "csv"):
        out = verify.report(store, fmt)
        assert "gnissim" in out, fmt
        assert not any(ch in out for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), fmt
