"""Sentences, quotations and hostile text: offsets stay exact and every input goes through quickly."""

from __future__ import annotations

import time

import pytest

from verify.extract import extract_claims
from verify.extract.quotes import paragraph_quotes
from verify.extract.sentences import paragraphs, sentences
from verify.models import Claim


def split(text: str) -> list[str]:
    out = []
    paras = paragraphs(text)
    quotes, _ = paragraph_quotes(text, paras)
    for (s, e), qs in zip(paras, quotes):
        out.extend(text[a:b] for a, b in sentences(text, s, e, qs))
    return out


def test_sentences_respect_abbreviations_initials_and_quotes() -> None:
    text = (
        "Mr. Okafor met Gen. Lund in Washington, D.C. on Monday. "
        "John F. Kennedy Airport was closed. "
        "“We waited. Then we left,” she said. The U.S. Navy sent two ships."
    )
    assert split(text) == [
        "Mr. Okafor met Gen. Lund in Washington, D.C. on Monday.",
        "John F. Kennedy Airport was closed.",
        "“We waited. Then we left,” she said.",
        "The U.S. Navy sent two ships.",
    ]


def test_paragraphs_are_lines() -> None:
    text = "First line here.\r\n\r\n  Second paragraph.  \nThird.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["First line here.", "Second paragraph.", "Third."]


def test_an_unbalanced_quotation_does_not_swallow_the_text() -> None:
    text = "The engineer said “the levee will hold. The river fell overnight. Schools reopened on Monday.\n"
    got = split(text)
    assert len(got) == 3
    assert any(c.text.startswith("Schools reopened") for c in extract_claims(text))


@pytest.mark.parametrize("text, speaker", [
    ("‘The pier was hit twice before noon,’ a harbour pilot said.", "a harbour pilot"),
    ("‘Our divers’ boats are all back in port,’ said the harbour master.", "the harbour master"),
    ("The harbour master said: ‘Nothing moves until the mines are cleared.’", "The harbour master"),
])
def test_single_quotation_marks_quote_speech_as_double_ones_do(text: str, speaker: str) -> None:
    (c,) = extract_claims(text)
    assert (c.attribution, [s.mention for s in c.sources]) == ("direct", [speaker])
    assert c.text.startswith("‘") and c.text.rstrip().endswith("’")
    assert text[c.span[0]:c.span[1]] == c.text  # the claim is the text as given, marks and all


def test_a_word_in_single_quotes_inside_a_quotation_stays_part_of_it() -> None:
    text = "“They told us ‘hold the pier’ and then left,” a deckhand said."
    (c,) = extract_claims(text)
    assert c.text == "“They told us ‘hold the pier’ and then left,”"
    assert c.sources[0].mention == "a deckhand"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "no full stop anywhere " * 20000,
        "“" * 5000 + "said " * 5000,
        "\"" * 9999,
        "Представитель министерства заявил, что мост закрыт. «Мы восстановим его», — сказал он.",
        "국방부 대변인은 다리가 폐쇄되었다고 말했다. \"우리는 다시 지을 것\"이라고 그는 말했다.",
        "said said said, said the said said that said.",
        "According to",
        "He said:",
        "x" * 100000,
    ],
)
def test_hostile_text_goes_through(text: str) -> None:
    claims = extract_claims(text)
    for c in claims:
        assert 0 <= c.span[0] <= c.span[1] <= len(text)


def test_big_articles_run_in_linear_time() -> None:
    # claim-dense copy, then a 10 MB paragraph with no full stop: both must finish
    para = "The agency said the ferry would run on Friday, a spokesman for the port added. “We are ready,” he said.\n\n"
    big = para * (2_000_000 // len(para))
    t0 = time.perf_counter()
    claims = extract_claims(big)
    assert len(claims) >= 2_000_000 // len(para)
    flat = "word " * 2_000_000
    extract_claims(flat)
    # generous: a guard against quadratic work, not a speed measurement (see bench/)
    assert time.perf_counter() - t0 < 120


def test_old_mac_line_endings_break_paragraphs() -> None:
    text = "Harbour notes\rThe minister said the quay would be rebuilt.\rTrade fell in March."
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Harbour notes", "The minister said the quay would be rebuilt.", "Trade fell in March."]
    src = [c for c in extract_claims(text) if "quay" in c.text][0].sources[0]
    assert src.mention == "The minister"


def test_outlet_claim_starts_after_a_linking_marker() -> None:
    text = "The harbour reopened on Monday. However, the ferries stayed in port for a week."
    claim = [c for c in extract_claims(text) if "ferries" in c.text][0]
    assert claim.attribution == "unattributed"
    assert claim.text == "the ferries stayed in port for a week"


def test_claims_one_at_a_time_are_the_claims_of_the_whole_list() -> None:
    from verify.extract import iter_claims

    text = (
        "Kai Tamm said the quay would reopen in May. Tamm added that 40 ships were waiting.\n\n"
        "“We are ready,” the harbour master said. The ministry did not comment.\n"
    ) * 30
    streamed = iter_claims(text)
    assert next(streamed) == extract_claims(text)[0]
    assert [c.model_dump() for c in iter_claims(text)] == [c.model_dump() for c in extract_claims(text)]


@pytest.mark.parametrize("text", [
    "The Mayor’s Office said: “We’ll see.” Then AT&T agreed.",
    "İstanbul’s mayor, ΟΔΟΣ and STRASSE said ''no'' -- twice.",
    "   ",
])
def test_tokens_keep_offsets_lower_case_and_quotation_flags(text: str) -> None:
    from verify.extract.tokens import tokenize

    quotes = [(i, j + 1) for i, j in zip(
        [k for k, c in enumerate(text) if c in "“"], [k for k, c in enumerate(text) if c in "”"])]
    toks = tokenize(text, 0, len(text), quotes)
    assert [text[s:e] for s, e in zip(toks.starts, toks.ends)] == toks.words
    assert len(toks.lows) == len(toks.words)
    if text.isascii() or "İ" not in text:
        assert toks.lows == [w.lower() for w in toks.words]
    inside = [w for w, q in zip(toks.words, toks.inq) if q]
    assert inside == (["We’ll", "see", "."] if quotes else [])
    assert tokenize(text, 2, 2, quotes).lows == []


def test_claims_built_without_validation_behave_as_pydantic_models() -> None:
    # the extractor's claims share what they can (the set of fields set); changing one changes no other
    a, b = extract_claims("Police said the road was closed on Monday. The mayor said the bridge was shut.")
    copy = a.model_copy(update={"text": "changed"})
    a.text = "edited"
    assert (copy.text, a.text, b.text) == ("changed", "edited", "the bridge was shut")
    assert b.model_dump(exclude_unset=True) == b.model_dump()
    assert Claim.model_validate(b.model_dump()) == b
