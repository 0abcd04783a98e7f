"""Reporting verbs in a sense that reports nothing, and names the tokenizer must keep whole."""

from __future__ import annotations

from verify.extract import extract_claims
from verify.models import Claim


def attributed(text: str) -> list[Claim]:
    return [c for c in extract_claims(text) if c.attribution != "unattributed"]


def test_a_name_with_a_combining_accent_stays_one_name() -> None:
    # "c" followed by a combining cedilla: one word, so the whole name is the source
    text = "\u201cThe convoy will not pass,\u201d Defence Minister Franc\u0327ois Durand said on Tuesday."
    cs = attributed(text)
    assert [(c.text, c.sources[0].mention) for c in cs] == [
        ("\u201cThe convoy will not pass,\u201d", "Defence Minister Franc\u0327ois Durand"),
    ]


def test_a_name_garbled_by_a_wrong_decoding_stays_one_name() -> None:
    # the same name as its UTF-8 bytes read as another encoding: accents, a control and a symbol
    name = "FranA\u0303\x83A\u0302\xa7ois Durand"
    text = f"\u201cThe convoy will not pass,\u201d Defence Minister {name} said on Tuesday."
    cs = attributed(text)
    assert [(c.text, c.sources[0].mention) for c in cs] == [
        ("\u201cThe convoy will not pass,\u201d", f"Defence Minister {name}"),
    ]


def test_adding_to_a_tally_reports_nothing() -> None:
    text = "The rebels took two more villages on Sunday, adding to their gains in the north."
    assert attributed(text) == []
    text = "The shelling added to the confusion at the crossing."
    assert attributed(text) == []


def test_adding_to_a_listener_still_reports() -> None:
    text = "\u201cWe will hold the bridge,\u201d the commander added to reporters."
    cs = attributed(text)
    assert [(c.text, c.sources[0].mention) for c in cs] == [
        ("\u201cWe will hold the bridge,\u201d", "the commander"),
    ]


def test_taking_on_an_office_is_no_belief() -> None:
    assert attributed("The general assumed command of the northern front in March.") == []
    assert attributed("Her deputy will assume office once the ceasefire is signed.") == []


def test_assuming_a_claim_is_still_a_belief() -> None:
    cs = attributed("The envoy assumes the talks will fail.")
    assert [(c.text, c.sources[0].mention) for c in cs] == [("the talks will fail", "The envoy")]


def test_backing_down_and_calling_off_report_nothing() -> None:
    assert attributed("The militia backed down after two days of shelling.") == []
    assert attributed("The two sides called off the prisoner exchange on Friday.") == []


def test_finding_oneself_somewhere_is_no_finding() -> None:
    assert attributed("By nightfall Colonel Okafor found himself cut off from the coast road.") == []
    assert attributed("Lindqvist found herself at the centre of the dispute over the pier.") == []
    c = attributed("The inspectors found that the pier had been shelled.")[0]
    assert c.sources[0].mention == "The inspectors"


def test_a_contest_decided_by_something_is_no_decision() -> None:
    assert attributed("The battle for the port will be decided by air power, not by the number of troops.") == []
    assert attributed("The harbour vote was narrowly decided by fewer than forty ballots.") == []
    c = attributed("The harbour board decided to close the pier for the winter.")[0]
    assert c.sources[0].mention == "The harbour board"


def test_responding_with_an_act_is_no_statement() -> None:
    assert attributed("The garrison responded by shelling the coast road.") == []
    c = attributed("The mayor responded by saying the pier would reopen on Monday.")[0]
    assert (c.text, c.sources[0].mention) == ("the pier would reopen on Monday", "The mayor")
    c = attributed("The mayor responded by citing tide tables to show that the pier was safe.")[0]
    assert c.sources[0].mention == "The mayor"


def test_a_byline_place_is_no_report() -> None:
    assert attributed("Okafor reported from Goma; Lindqvist from Kigali.") == []



def test_when_and_where_remarks_were_made_is_no_content() -> None:
    assert attributed("The governor made the remarks Tuesday during a visit to the camp.") == []
    assert attributed("The envoy made the pledge at a donors' meeting in Oslo.") == []


def test_remarks_with_what_they_said_keep_it() -> None:
    cs = attributed("The governor made comments about the curfew on Tuesday.")
    assert [c.text for c in cs] == ["the curfew on Tuesday"]


def test_releasing_tax_returns_is_no_statement() -> None:
    assert attributed("The opposition leader released her tax returns last spring.") == []


def test_releasing_a_report_still_is() -> None:
    cs = attributed("The monitors released a report that the shelling had resumed.")
    assert [(c.text, c.sources[0].mention) for c in cs] == [("a report that the shelling had resumed", "The monitors")]


def test_an_editors_note_with_a_curly_apostrophe_is_boilerplate() -> None:
    text = ("The ceasefire held for a third day, the monitors said.\n\n"
            "Editor\u2019s note: The governor has repeatedly vowed to close every crossing on the river.\n")
    assert [c.cue.text for c in attributed(text)] == ["said"]


def test_a_bare_cue_word_after_a_and_a_modifier_is_a_noun() -> None:
    # one thing ("a snappy ...") takes no bare verb: the cue word is the phrase's noun
    assert attributed("The mayor delivered a snappy retort to the council on Monday.") == []
    assert attributed("There is an old quip among harbour pilots about the fog.") == []
    # a few, a third: a plural takes the bare verb
    cs = attributed("A third say the ferry will never run again.")
    assert [(c.text, c.sources[0].mention) for c in cs] == [("the ferry will never run again", "A third")]


def test_a_past_form_after_of_or_for_is_no_verb() -> None:
    # after a preposition the word is its object's adjective or noun: "for added security", "food for thought"
    assert attributed("Requests were made to the mayor for added security.") == []
    assert attributed("The carriers are fighting over a combination of pledged and reserve berths.") == []
    assert attributed("The talk gave the council food for thought.") == []
