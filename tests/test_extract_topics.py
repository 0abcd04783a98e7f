"""Questions asked and topics talked about: the content is the question or the topic, the source
the one who asks or talks."""

from __future__ import annotations

import pytest

from verify.extract import extract_claims
from verify.models import Claim


def attributed(text: str) -> list[Claim]:
    return [c for c in extract_claims(text) if c.attribution != "unattributed"]


def one(text: str, words: str) -> Claim:
    """The attributed claim whose content contains ``words``."""
    found = [c for c in attributed(text) if words in c.text]
    assert found, f"no attributed claim contains {words!r}: {[c.text for c in attributed(text)]}"
    return found[0]


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The harbour master is now talking about a second breakwater.", "The harbour master", "second breakwater"),
        ("The fishermen’s union is once again questioning the cost of the dredging.", "The fishermen’s union", "cost of the dredging"),
        ("Councillor Ames began talking about the flood money after the vote.", "Councillor Ames", "flood money"),
        ("Ms. Okafor keeps asking whether the ferry can run in winter.", "Ms. Okafor", "ferry can run in winter"),
    ],
)
def test_an_ing_form_after_is_with_an_adverb_or_after_began_is_the_clauses_verb(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [source]


@pytest.mark.parametrize(
    "sentence, asker, question, answer",
    [
        ("Asked by a local radio host whether the ferry would run all winter, the mayor said it would.",
         "a local radio host", "the ferry would run all winter", "it would"),
        ("When asked by Ms. Okafor about the dredging contract, the port director declined to comment.",
         "Ms. Okafor", "the dredging contract", None),
        ("“Not this year,” the harbour master said when asked by a reporter if the pier would reopen.",
         "a reporter", "the pier would reopen", "Not this year"),
    ],
)
def test_the_one_who_asks_is_named_after_asked_by(sentence: str, asker: str, question: str, answer: str | None) -> None:
    c = one(sentence, question)
    assert [s.mention for s in c.sources] == [asker]
    assert "said" not in c.text  # the answer after the comma is another claim
    if answer:
        assert asker not in [s.mention for s in one(sentence, answer).sources]


@pytest.mark.parametrize(
    "sentence, source, topic",
    [
        ("The harbour master will come on the program to talk about the new locks.", "The harbour master", "the new locks"),
        ("Ms. Okafor flew to Lisbon on Tuesday to discuss the shipyard strike.", "Ms. Okafor", "the shipyard strike"),
        ("When the governor appeared before reporters this week to discuss the floods, she looked tired.", "the governor", "the floods"),
        ("The club, whose members met last week to discuss the merger, raised its fees.", "whose members", "the merger"),
    ],
)
def test_a_purpose_to_talk_or_discuss_is_the_subjects_topic(sentence: str, source: str, topic: str) -> None:
    c = one(sentence, topic)
    assert [s.mention for s in c.sources] == [source]
    assert "looked" not in c.text and "raised" not in c.text  # the clause ends at its comma


@pytest.mark.parametrize(
    "sentence",
    [
        "A port official, speaking on condition of anonymity to discuss the tender, confirmed the date.",
        "The council asked the engineers to discuss the plans.",
        "There are many topics to discuss at the summit.",
    ],
)
def test_an_infinitive_that_is_no_purpose_of_the_subject_is_no_topic(sentence: str) -> None:
    assert not [c for c in attributed(sentence) if c.cue and c.cue.text in ("discuss", "talk")]


def test_what_someone_named_by_a_common_noun_discussed_is_theirs() -> None:
    c = one("The retired judge also discussed the flaws in the new ferry law.", "flaws in the new ferry law")
    assert [s.mention for s in c.sources] == ["The retired judge"]


@pytest.mark.parametrize(
    "sentence, source, topic",
    [
        ("Councillor Ames has raised questions about the harbour board's accounts.", "Councillor Ames", "harbour board's accounts"),
        ("The pilots association is raising serious doubts about whether the new pier is safe.", "The pilots association", "the new pier is safe"),
        ("The mayor is making the case for a second ferry.", "The mayor", "a second ferry"),
    ],
)
def test_questions_someone_raises_are_theirs(sentence: str, source: str, topic: str) -> None:
    cs = [c for c in attributed(sentence) if topic in c.text]
    assert [[s.mention for s in c.sources] for c in cs] == [[source]]  # one claim: "doubts" is no second cue


def test_questions_a_document_raises_are_no_ones() -> None:
    assert attributed("The audit raised new questions about the ferry contract.") == []


def test_doubts_after_an_adjective_is_a_noun() -> None:
    assert attributed("The audit raised serious doubts about the ferry contract.") == []
    c = one("Mr. Roe doubts the pier will hold.", "the pier will hold")
    assert [s.mention for s in c.sources] == ["Mr. Roe"]


@pytest.mark.parametrize(
    "sentence, source, topic",
    [
        ("Councillor Ames now talks freely of her years on the trawlers.", "Councillor Ames", "her years on the trawlers"),
        ("Ms. Okafor often questions the board's ties to the shipyard.", "Ms. Okafor", "the board's ties"),
    ],
)
def test_a_verb_that_looks_like_a_noun_is_a_verb_after_an_adverb_of_time(sentence: str, source: str, topic: str) -> None:
    c = one(sentence, topic)
    assert [s.mention for s in c.sources] == [source]


def test_an_adverb_may_stand_between_a_verb_and_the_preposition_it_needs() -> None:
    c = one("The old skipper spoke warmly of the lifeboat crews at the dinner.", "the lifeboat crews")
    assert [s.mention for s in c.sources] == ["The old skipper"]
