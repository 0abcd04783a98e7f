"""Property tests over hostile and random input: extraction, the Gherkin loader, the renderers.

Each property is what a user relies on whatever the text: no exception, every span inside the text
and on exactly the words the claim gives, and no stored string ever read as markup. Run longer
with ``HYPOTHESIS_PROFILE=long`` (see bench/fuzz.py).
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from verify.extract import extract_claims
from verify.printable import printable
from verify.reports.csv import cell
from verify.reports.html import esc
from verify.reports.markdown import md
from verify.rules import lint

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# pieces of wire copy and of what breaks parsers: cues, quotation marks, names, figures, asides,
# markup, control, bidirectional and zero-width characters
PIECES = [
    "said", "told reporters", "according to", "claimed", "denied", "estimated that", "reported", ":", ",", ".",
    "“", "”", '"', "'", "‘", "’", "«", "»", "(", ")", " -- ", " — ", ";", "?", "!", "\n", "\n\n", "  ",
    "The ministry", "Ukraine's Air Force", "a senior official", "Police in Odesa", "Oleh Kiper", "the group",
    "who asked not to be named", "on Tuesday", "about 200", "10,000 to 12,000", "at least 40", "3.5 km", "1/2",
    "soldiers were killed", "the bridge was destroyed", "<script>alert(1)</script>", "<b>", "&amp;", "=1+1",
    "\u202e", "\u2066", "\u200b", "\ufeff", "\x00", "\x1b[2J", "\r\n", "\t", "Mr.", "U.S.", "No.", "…",
    "КИЇВ", "키이우", "كييف",
]
wire = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map(" ".join)


def _check_claims(text: str) -> None:
    for c in extract_claims(text):
        start, end = c.span
        assert 0 <= start < end <= len(text), c.span
        if c.fragments:
            assert all(start <= a < b <= end for a, b in c.fragments), c.fragments
            assert " ".join(text[a:b] for a, b in c.fragments) == c.text
        else:
            assert text[start:end] == c.text
        if c.cue is not None:
            assert text[c.cue.span[0] : c.cue.span[1]] == c.cue.text
        for s in (*c.sources, *c.relayed_by):
            if s.span is not None:
                assert 0 <= s.span[0] < s.span[1] <= len(text)
                assert text[s.span[0] : s.span[1]] == s.mention
        for n in c.numbers:
            assert text[n.span[0] : n.span[1]] == n.text


@given(wire)
def test_extraction_keeps_every_span_on_the_words_it_names(text):
    _check_claims(text)


@given(st.text(max_size=400))
def test_extraction_of_any_text_raises_nothing_and_stays_inside_it(text):
    _check_claims(text)


GHERKIN = [
    "Feature:", "Scenario:", "Scenario Outline:", "Examples:", "Background:", "Rule:", "Given", "When", "Then",
    "And", "But", "*", "|", "@tag", "#", '"""', "```", "a claim attributed to", '"SBU"', "its status is",
    '"disputed"', "the claim is flagged", "\n", "\n  ", "<source>", "\u202e", "\x00",
]
gherkin = st.lists(st.one_of(st.sampled_from(GHERKIN), st.text(max_size=8)), max_size=50).map(" ".join)


@given(gherkin)
def test_the_rulebook_loader_reports_problems_of_any_file_and_raises_nothing(text):
    with tempfile.TemporaryDirectory() as d:
        Path(d, "house.feature").write_text(text, encoding="utf-8")
        book = lint(d)
    for p in book.problems:
        assert p.file.endswith("house.feature") and (p.line is None or p.line >= 1)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.data = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.data += data


@given(st.text(max_size=200))
def test_no_stored_string_becomes_markup_in_html(value):
    page = _Tags()
    page.feed(f'<p title="{esc(value)}">{esc(value)}</p>')
    page.close()
    assert page.tags == ["p"]  # the attribute is not broken out of, no tag is made
    assert page.data == printable(value)


@given(st.text(max_size=200))
def test_no_stored_string_breaks_a_markdown_cell(value):
    out = md(value)
    assert "\n" not in out and "\r" not in out
    # every pipe, bracket, backtick, asterisk and angle bracket is escaped
    for i, ch in enumerate(out):
        if ch in "|[]`*<>_":
            assert i > 0 and out[i - 1] == "\\", (value, out)


@given(st.lists(st.text(max_size=60), min_size=1, max_size=5))
def test_no_stored_string_becomes_a_formula_or_another_csv_cell(values):
    buf = io.StringIO()
    csv.writer(buf).writerow([cell(v) for v in values])
    (back,) = list(csv.reader(io.StringIO(buf.getvalue())))
    assert len(back) == len(values)
    for got in back:
        assert not got.startswith(("=", "+", "-", "@", "\t", "\r"))
