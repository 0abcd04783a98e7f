"""Denials: a claim whose source denies it is ``denied``, and its content is the thing denied."""

from __future__ import annotations

import json

import pytest

from verify.extract import extract_claims


def _claims(text: str) -> list[tuple[str, str, list[str]]]:
    return [(c.polarity, c.text, [s.canonical for s in c.sources]) for c in extract_claims(text)]


def _one(text: str) -> tuple[str, str]:
    found = _claims(text)
    assert len(found) == 1, found
    return found[0][0], found[0][1]


@pytest.mark.parametrize("sentence, denied", [
    ("The coast guard denied that its cutters had rammed the ferry.", "its cutters had rammed the ferry"),
    ("The interior ministry rejected reports that the dam had been mined.", "the dam had been mined"),
    ("Tbilisi dismissed claims that mercenaries were crossing the pass.", "mercenaries were crossing the pass"),
    ("The militia denied responsibility for the bombing of the depot.", "responsibility for the bombing of the depot"),
    ("The air force has denied using cluster munitions near the lake.", "using cluster munitions near the lake"),
    ("The garrison commander refuted reports that the fort had fallen.", "the fort had fallen"),
])
def test_a_denial_verb_makes_the_claim_denied_and_its_content_what_is_denied(sentence, denied):
    assert _one(sentence) == ("denied", denied)


def test_the_source_saying_it_did_not_act_is_a_denial_without_the_negation():
    text = "The border police said they had not fired on the lorry."
    [claim] = extract_claims(text)
    assert (claim.polarity, claim.text) == ("denied", "they had fired on the lorry")
    # the content's pieces leave the negation out; together they still index the text as read
    assert [text[s:e] for s, e in claim.fragments] == ["they had", "fired on the lorry"]
    assert text[claim.span[0] : claim.span[1]] == "they had not fired on the lorry"


@pytest.mark.parametrize("sentence, denied", [
    ("The navy said its frigates were not involved in the collision.", "its frigates were involved in the collision"),
    ("The battalion said it never entered the school.", "it entered the school"),
])
def test_other_negations_of_the_sources_own_acts(sentence, denied):
    assert _one(sentence) == ("denied", denied)


@pytest.mark.parametrize("sentence", [
    "The ministry did not deny that the depot had burned.",
    "The council has never denied that the plant was hit.",
    "The port authority said it had not yet reopened the quay.",
    "The ministry said it had not been told of the convoy.",
    "The ministry said it was not clear who fired first.",
    "The governor said the bridge had not collapsed.",
    "The brigade rejected the ceasefire proposal.",
    "Border guards denied the reporters entry to the zone.",
    "The mayor said the water supply was restored.",
    "“We didn’t touch the granary,” the colonel said.",  # a quotation stays as said
])
def test_what_is_no_denial_stays_asserted(sentence):
    assert {p for p, _, _ in _claims(sentence)} == {"asserted"}


def test_an_account_dismissed_in_the_content_is_denied():
    assert _one('The junta called reports of the massacre "baseless propaganda".')[0] == "denied"
    assert _one("The ministry said the reports of looting were false.")[0] == "denied"


def test_one_sentence_can_hold_a_denial_and_an_assertion():
    found = _claims("The rebel command denied that its fighters had looted the clinic, saying they had guarded it.")
    assert [(p, t) for p, t, _ in found] == [("denied", "its fighters had looted the clinic"),
                                              ("asserted", "they had guarded it")]
    assert found[0][2] == found[1][2]  # one source for both


def test_the_outlets_own_negation_is_not_a_denial():
    assert {p for p, _, _ in _claims("The ferry did not sail on Tuesday.")} == {"asserted"}


def test_verify_extract_prints_the_polarity_of_every_claim(cli, tmp_path):
    p = tmp_path / "denial.txt"
    p.write_text("Ferry Row Deepens\n\nThe coast guard denied that its cutters had rammed the ferry. "
                 "The harbour master said the ferry had sunk in minutes.\n", encoding="utf-8")
    r = cli("extract", p, "--format", "json")
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert [(c["text"], c["polarity"]) for c in out["claims"]] == [
        ("its cutters had rammed the ferry", "denied"), ("the ferry had sunk in minutes", "asserted")]


def test_each_of_two_sides_denying_is_a_denial_by_both():
    # "each" after the subject is a floated quantifier, not "each report": the verb is a verb
    found = _claims("Tbilisi and Sukhumi each denied that their patrols had fired on the fishing boat.")
    assert found == [("denied", "their patrols had fired on the fishing boat", ["Tbilisi", "Sukhumi"])]
    found = _claims("The two militias each said the ceasefire line had held overnight.")
    assert [(p, t) for p, t, _ in found] == [("asserted", "the ceasefire line had held overnight")]
    assert _claims("Each report said the ferry had sailed.")[0][2] == ["each report"]


@pytest.mark.parametrize(("sentence", "deniers"), [
    ("The militia and the border police have both been accused of looting, which they deny.",
     ["The militia", "the border police"]),
    ("The navy has accused the coast guard of ramming the trawler, which it denies.", ["the coast guard"]),
    ("Port officials blamed the shipping agents for the delays, which they deny.", ["the shipping agents"]),
])
def test_which_they_deny_is_the_denial_of_those_accused_in_the_sentence(sentence: str, deniers: list[str]) -> None:
    text = "Aid workers say the road north is closed. " + sentence
    denial = [c for c in extract_claims(text) if c.polarity == "denied"]
    assert [[s.mention for s in c.sources] for c in denial] == [deniers]


def test_where_the_sources_own_forces_were_posted_is_stated_not_denied() -> None:
    # nothing is answered here: the navy says where its ships were, an assertion of a negative fact
    assert _one("The navy said its patrol boats had not been deployed in the bay that week.") == (
        "asserted", "its patrol boats had not been deployed in the bay that week")
    assert _one("The navy said its patrol boats were not stationed near the pier.")[0] == "asserted"
