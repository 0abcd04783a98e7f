"""The attribution grammar: which words are the source, the cue and the content of a claim."""

from __future__ import annotations

import pytest

from verify.extract import extract_claims
from verify.models import Claim


def claims(text: str) -> list[Claim]:
    out = extract_claims(text)
    for c in out:
        # every span indexes the text exactly as given
        assert text[c.span[0] : c.span[1]] in (c.text, text[c.span[0] : c.span[1]])
        for s in c.sources:
            if s.span:
                assert text[s.span[0] : s.span[1]] == s.mention
        if c.cue:
            assert text[c.cue.span[0] : c.cue.span[1]] == c.cue.text
    return out


def one(text: str, words: str) -> Claim:
    """The claim whose content contains ``words``."""
    found = [c for c in claims(text) if words in c.text]
    assert found, f"no claim contains {words!r}: {[c.text for c in claims(text)]}"
    return found[0]


def names(c: Claim) -> list[str]:
    return [s.canonical for s in c.sources]


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("The harbour master said the ferry would resume service on Friday.", "said"),
        ("The harbour master says the ferry will resume service on Friday.", "says"),
        ("The harbour master has said the ferry will resume service on Friday.", "said"),
        ("The harbour master told reporters the ferry would resume service on Friday.", "told"),
        ("The harbour master later confirmed that the ferry would resume service on Friday.", "confirmed"),
        ("The harbour master is quoted as saying the ferry will resume service on Friday.", "saying"),
    ],
)
def test_reporting_verbs_in_any_tense(sentence: str, cue: str) -> None:
    c = one(sentence, "the ferry")
    assert c.attribution == "indirect"
    assert c.cue.text == cue
    assert c.sources[0].mention == "The harbour master"
    assert c.text.startswith("the ferry") and c.text.endswith("on Friday")


def test_content_after_that_leaves_out_time_and_listener() -> None:
    c = one("The mayor told the council on Tuesday that the bridge was unsafe.", "bridge")
    assert c.text == "the bridge was unsafe"
    assert c.sources[0].mention == "The mayor"


def test_inverted_order_after_the_content() -> None:
    c = one("The dam held through the night, said a spokeswoman for the water board.", "dam")
    assert c.text == "The dam held through the night"
    assert c.sources[0].mention.startswith("a spokeswoman")
    assert c.sources[0].kind == "anonymous"


@pytest.mark.parametrize(
    "sentence, speakers",
    [
        ("The dam held through the night, said the engineers who walked its crest at dawn.", ["the engineers"]),
        ("The dam, said Ms. Okafor and others, held through the night.", ["Ms. Okafor", "others"]),
        ("The dam held through the night, said Ms. Okafor and other engineers.", ["Ms. Okafor", "other engineers"]),
        ("The dam held through the night, say engineers like Ms. Okafor.", ["engineers like Ms. Okafor"]),
    ],
)
def test_inverted_speakers_go_on_over_others_examples_and_a_relative(sentence: str, speakers: list[str]) -> None:
    c = one(sentence, "dam")
    assert c.text.startswith("The dam")
    assert [s.mention for s in c.sources] == speakers


def test_source_and_cue_closing_the_sentence() -> None:
    c = one("Three roads were closed by the floods, the regional governor said on Monday.", "roads")
    assert c.text == "Three roads were closed by the floods"
    assert c.sources[0].mention == "the regional governor"


def test_according_to_before_and_after() -> None:
    first = one("According to the Red Cross, forty families were moved overnight.", "families")
    assert first.text == "forty families were moved overnight"
    assert first.cue.text == "According to"
    assert names(first) == ["International Committee of the Red Cross"]
    second = one("Forty families were moved overnight, according to the UN.", "families")
    assert second.text == "Forty families were moved overnight"
    assert names(second) == ["United Nations"]


def test_colon_statement_takes_the_next_paragraph() -> None:
    text = "The minister said:\n\n“We will rebuild every school that was damaged.”\n"
    c = one(text, "rebuild")
    assert c.attribution == "direct"
    assert c.sources[0].mention == "The minister"


def test_headline_style_name_and_colon() -> None:
    c = one("Mayor Ortega: the ferry will run again in spring\n\nThe ferry stopped last year.", "ferry will run")
    assert c.cue.text == ":"
    assert c.sources[0].mention == "Mayor Ortega"


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("''", "''")])
def test_direct_quotation_with_any_quotation_marks(open_: str, close: str) -> None:
    text = f"{open_}We have enough water for a week,{close} the engineer said."
    c = one(text, "enough water")
    assert c.attribution == "direct"
    assert c.text == f"{open_}We have enough water for a week,{close}"
    assert c.sources[0].mention == "the engineer"


def test_quotation_split_around_the_cue() -> None:
    text = "“The pumps are running,” the engineer said, “but the levee is weak.”"
    c = one(text, "pumps")
    assert c.attribution == "direct"
    assert len(c.fragments) == 2
    assert text[c.fragments[1][0] : c.fragments[1][1]] == "“but the levee is weak.”"
    assert "the engineer said" not in c.text


def test_quotation_running_over_several_paragraphs() -> None:
    text = (
        "“The first wave reached the village at dawn,” the fisherman said. “We lost two boats.\n\n"
        "“By noon the water had gone down again.”\n\n"
        "The village council met in the evening.\n"
    )
    c = one(text, "first wave")
    assert c.attribution == "direct"
    covered = " ".join(text[s:e] for s, e in c.fragments)
    assert "By noon the water had gone down again" in covered
    assert one(text, "council met").attribution == "unattributed"


def test_a_quoted_paragraph_after_a_closed_attributed_quotation_goes_on_with_its_speaker() -> None:
    text = (
        "“The dam held through the night,” the engineer said in a radio interview.\n\n"
        "“We will open the sluices on Friday.”\n\n"
        "“The farmers are angry,” a neighbour added.\n\n"
        "The river rose again in the evening.\n"
    )
    c = one(text, "dam held")
    assert c.attribution == "direct" and c.sources[0].mention == "the engineer"
    covered = " ".join(text[s:e] for s, e in c.fragments)
    assert "We will open the sluices on Friday" in covered
    assert one(text, "farmers are angry").sources[0].mention == "a neighbour"
    assert one(text, "river rose").attribution == "unattributed"


def test_aside_between_source_and_cue() -> None:
    c = one("Ana Ruiz, who has farmed the valley for thirty years, said the harvest was the worst she had seen.", "harvest")
    assert c.sources[0].mention == "Ana Ruiz"
    assert c.text == "the harvest was the worst she had seen"


def test_a_hyphen_between_spaces_sets_off_an_aside_like_a_dash() -> None:
    c = one("Ana Ruiz - who said last year the harvest would recover - said on Monday that the wells were dry.", "wells")
    assert c.sources[0].mention == "Ana Ruiz"
    assert c.text == "the wells were dry"
    d = one("Ana Ruiz - who said last year the harvest would recover - said on Monday that the wells were dry.", "harvest")
    assert d.text == "the harvest would recover"


def test_apposition_belongs_to_the_source() -> None:
    c = one("Tomas Berg, a spokesman for the port authority, said the cranes were idle.", "cranes")
    assert c.sources[0].mention == "Tomas Berg, a spokesman for the port authority"
    assert c.sources[0].canonical == "Tomas Berg"


def test_passive_attributions() -> None:
    c = one("It was reported by the Pentagon that two bridges had been damaged.", "bridges")
    assert names(c) == ["Pentagon"]
    assert c.text == "two bridges had been damaged"
    d = one("The crew was told by the harbour master that the storm would pass.", "storm")
    assert d.sources[0].mention == "the harbour master"


def test_statement_noun_does_not_become_the_content() -> None:
    c = one("The ministry said in a statement that the border crossing would reopen.", "crossing")
    assert c.text == "the border crossing would reopen"
    assert c.sources[0].mention == "The ministry"


def test_beliefs_and_wishes_are_attributions() -> None:
    c = one("Local farmers believe the new canal will lower their costs.", "canal")
    assert c.cue.text == "believe"
    assert c.sources[0].mention == "Local farmers"
    d = one("The coach wants the stadium finished before the season.", "stadium")
    assert d.cue.text == "wants"


def test_continuation_after_a_comma_keeps_the_source() -> None:
    text = "The inspector said the wiring was old, adding that the landlord had been warned twice."
    c = one(text, "landlord")
    assert c.cue.text == "adding"
    assert c.sources[0].mention == "The inspector"


def test_quotation_signed_with_a_dash() -> None:
    c = one("“The night shift deserves a raise.” ― Maria Lind", "night shift")
    assert c.attribution == "direct"
    assert c.sources[0].mention == "Maria Lind"


def test_nouns_and_adjectives_are_not_cues() -> None:
    text = "The report was published on Monday. The claims office closed early. The United States sent aid.\n"
    for c in claims(text):
        assert c.attribution == "unattributed", c


def test_verb_before_to_hands_over_its_subject() -> None:
    c = one("The harbour master went on to say that the quay needed repairs.", "quay")
    assert c.sources[0].mention == "The harbour master"
    assert c.cue.text == "went on to say"


def test_participle_after_by_or_a_subject() -> None:
    c = one("The union ended the strike by saying the offer was fair.", "offer was fair")
    assert c.sources[0].mention == "The union"
    d = one("The vote was close, with 52 percent of members saying they backed the deal.", "backed the deal")
    assert d.sources[0].mention == "52 percent of members"


@pytest.mark.parametrize("sentence", [
    "The harbour master resigned, saying the quay was unsafe.",
    "The harbour master began by saying the quay was unsafe.",
    "The harbour master responded by saying the quay was unsafe.",
])
def test_the_clauses_own_verb_is_no_part_of_who_speaks_in_a_participle(sentence: str) -> None:
    (c,) = [x for x in extract_claims(sentence) if x.attribution != "unattributed"]
    assert (c.text, [s.mention for s in c.sources]) == ("the quay was unsafe", ["The harbour master"])


def test_a_participle_after_a_nested_claim_goes_on_with_the_main_speaker() -> None:
    # "he doubted" sits inside the mayor's claim; "arguing ..." is the mayor's, not his
    c = one("Mayor Lena Sato said the engineer doubted the tunnel was sound, arguing that the survey was rushed.", "survey was rushed")
    assert c.sources[0].mention == "Mayor Lena Sato"


@pytest.mark.parametrize("sentence", [
    "Arriving near the depot, the inspectors sealed the gates and said that the fuel had been stolen.",
    "More recently, the inspectors have changed their tone, warning that the fuel had been stolen.",
    "Along with two engineers, the inspectors toured the depot but said that the fuel had been stolen.",
])
def test_an_opening_participle_or_adverbial_is_stepped_over_to_the_subject(sentence: str) -> None:
    # the second verb of the clause speaks for its subject, not for the words that open the sentence
    c = one(sentence, "fuel had been stolen")
    assert [s.mention for s in c.sources] == ["the inspectors"]


def test_a_document_obtained_by_an_outlet_speaks_for_whoever_wrote_it() -> None:
    # the paper that obtained the letter reports it; the warning is the ministry's
    c = one("A letter from the ministry obtained by the Gazette warns that the dam is failing.", "dam is failing")
    assert [s.mention for s in c.sources] != ["the Gazette"]
    assert "the ministry" in c.sources[0].mention


def test_poll_shares_speak_for_no_one_in_particular() -> None:
    c = one("Six in 10 say the ferry fares are too high.", "fares")
    assert c.sources[0].mention == "Six in 10"
    assert c.sources[0].kind == "vague"


def test_headline_line_without_full_stop_is_no_claim() -> None:
    texts = [c.text for c in claims("Port Authority Says Ferries Will Run Again\n\nThe ferries stopped in May, a clerk said.")]
    assert texts == ["The ferries stopped in May"]


def test_title_case_sentence_with_full_stop_is_read_as_a_headline_cue() -> None:
    c = one("Port Authority Says Ferries Will Run Again.\n\nThe ferries stopped in May.", "Ferries Will Run")
    assert c.cue.text == "Says"
    assert c.sources[0].mention == "Port Authority"


def test_interview_transcript_speakers() -> None:
    text = "Q: What did you see that night?\n\nA: The water came over the wall in minutes and we ran upstairs.\n"
    c = one(text, "water came over the wall")
    assert c.sources[0].mention == "A"
    assert c.cue.text == ":"


def test_quotation_closing_with_a_question_mark_keeps_its_speaker() -> None:
    c = one("“Who will pay for the new bridge?” the mayor asked at the meeting.", "Who will pay")
    assert c.sources[0].mention == "the mayor"
    assert c.attribution == "direct"


def test_listener_after_told_is_not_the_source() -> None:
    c = one("“We are close to a deal,” the negotiator told the Daily Courier.", "close to a deal")
    assert c.sources[0].mention == "the negotiator"


def test_dateline_is_not_part_of_the_claim_or_source() -> None:
    c = one("OSLO, May 3 (Wire) - The harbour master, Ola Dahl, said the ferries would run.", "ferries")
    assert c.sources[0].canonical == "Ola Dahl"
    assert "OSLO" not in c.sources[0].mention


def test_a_survey_named_at_the_start_is_the_source_of_what_follows() -> None:
    c = one("In a harbour survey published on Monday, most skippers rated the new fees as too high.", "skippers")
    assert c.cue.text == "In"
    assert c.sources[0].mention == "a harbour survey"
    assert c.attribution == "indirect"
    assert not [x for x in extract_claims("In the morning, the quay was quiet and the cranes stood still.") if x.sources]


def test_seeming_is_the_writers_view_not_an_attribution() -> None:
    found = extract_claims("The mayor seemed ready to approve the new ferry timetable.")
    assert all(c.attribution == "unattributed" for c in found)


def test_decisions_and_what_someone_learned_are_attributed() -> None:
    c = one("The harbour board decided that the night ferry would stop in October.", "night ferry")
    assert (c.cue.text, c.sources[0].mention) == ("decided", "The harbour board")
    d = one("Investigators learned that the crane had not been inspected for years.", "crane")
    assert d.cue.text == "learned"


def test_a_past_participle_before_a_plural_noun_is_an_adjective() -> None:
    found = extract_claims("The mayor has won 40 pledged votes on the council so far this year.")
    assert not [c for c in found if c.cue and c.cue.text == "pledged"]


def test_poll_shares_take_a_stance() -> None:
    c = one("Nearly 60 percent support a ban on night flights over the harbour.", "night flights")
    assert c.cue.text == "support"
    assert "percent" in c.sources[0].mention


def test_an_intention_is_attributed_only_before_to() -> None:
    c = one("The ferry operator plans to add a second boat on the island route next spring.", "second boat")
    assert (c.cue.text, c.sources[0].mention) == ("plans", "The ferry operator")
    d = one("The council intends to sell the old pier to a private buyer.", "old pier")
    assert d.cue.text == "intends"
    found = extract_claims("His plans for the old pier were shelved after the storm.")
    assert not [x for x in found if x.cue and x.cue.text == "plans"]


def test_seeing_someone_as_something_is_a_judgement() -> None:
    c = one("The harbour master sees the new fees as a threat to small fishing crews.", "threat")
    assert (c.cue.text, c.sources[0].mention) == ("sees", "The harbour master")
    found = extract_claims("We will see whether the ferry runs on time next week.")
    assert not [x for x in found if x.cue and x.cue.text == "see"]
    found = extract_claims("The view from the quay was clear and calm that morning.")
    assert not [x for x in found if x.cue and x.cue.text == "view"]


@pytest.mark.parametrize("sentence, cue, source", [
    ("Dock workers still view Mr. Haldane as the union's best negotiator.", "view", "Dock workers"),
    ("The columnist painted Gov. Ortiz as a friend of the ferry lobby.", "painted", "The columnist"),
])
def test_the_full_stop_of_a_title_does_not_end_the_phrase_before_as(sentence: str, cue: str, source: str) -> None:
    c = one(sentence, " as ")
    assert (c.cue.text, c.sources[0].mention) == (cue, source)


def test_votes_focus_and_speaking_out_take_their_preposition() -> None:
    c = one("Senator Okafor voted against the dredging budget in March.", "dredging budget")
    assert (c.cue.text, c.sources[0].mention) == ("voted", "Senator Okafor")
    d = one("The fishermen's union spoke out against the new mooring fees.", "mooring fees")
    assert d.cue.text == "spoke"
    e = one("Ms. Lindqvist focused on the cost of repairing the breakwater.", "breakwater")
    assert e.cue.text == "focused"
    found = extract_claims("The union spoke to the harbour board after the meeting.")
    assert not [x for x in found if x.cue and x.cue.text == "spoke"]
    found = extract_claims("The new brochure focused on the history of the lighthouse.")
    assert not [x for x in found if x.cue and x.cue.text == "focused"]


def test_a_named_owners_claim_or_attack_is_attributed_to_the_owner() -> None:
    found = claims("Officials rejected her claim that the lighthouse keeper had been paid twice.")
    c = [x for x in found if x.cue and x.cue.text == "claim that"][0]
    assert c.sources[0].mention == "her"
    assert c.text.endswith("paid twice")
    d = one("Councillor Brandt’s attacks on the harbour board grew sharper over the summer.", "harbour board")
    assert d.sources[0].mention == "Councillor Brandt’s"
    assert d.text.startswith("the harbour board") and d.cue.text == "attacks on"
    found = extract_claims("The claims that reached the insurer were paid within a month.")
    assert not [x for x in found if x.cue and x.cue.text.startswith("claims")]


def test_a_share_of_support_is_a_figure_not_a_stance() -> None:
    found = extract_claims("The harbour master now has 52% support in the northern wards.")
    assert not [x for x in found if x.cue and x.cue.text == "support"]
    c = one("About 40 percent support the new mooring fees.", "mooring fees")
    assert c.cue.text == "support"


def test_a_poll_named_with_its_release_opens_the_sentence() -> None:
    c = one("In a Gull Radio/Harbour Times poll released Tuesday, 44 percent of skippers backed the levy.", "44 percent")
    assert c.sources[0].mention == "a Gull Radio/Harbour Times poll"
    d = one("In a Harbour Times survey last week, most skippers opposed the levy.", "opposed the levy")
    assert d.sources[0].mention == "a Harbour Times survey"
    assert not [x for x in extract_claims("In the fog released by the cold sea, the ferry waited.") if x.sources]


def test_a_group_supporting_or_backing_someone_takes_a_stance() -> None:
    c = one("Skippers supporting the night-fishing ban met at the quay.", "night-fishing ban")
    assert (c.cue.text, c.sources[0].mention) == ("supporting", "Skippers")
    d = one("Crews backing the harbour master walked out of the meeting.", "harbour master")
    assert (d.cue.text, d.sources[0].mention) == ("backing", "Crews")


def test_a_stance_participle_after_a_comma_goes_on_with_the_same_speaker() -> None:
    found = claims("“The quay is falling apart,” the harbour master said, citing years of storm damage.")
    c = [x for x in found if x.cue and x.cue.text == "citing"][0]
    assert c.sources[0].mention == "the harbour master"
    assert c.text == "years of storm damage"


def test_a_stance_in_the_progressive_is_a_verb() -> None:
    c = one("The port authority is seeking to close the northern slipway.", "northern slipway")
    assert (c.cue.text, c.sources[0].mention) == ("seeking", "The port authority")
    d = one("The skippers were criticizing the new mooring rules at every meeting.", "mooring rules")
    assert d.cue.text == "criticizing"


def test_a_stance_verb_in_the_present_after_a_common_noun() -> None:
    c = one("The fishermen's union endorses the harbour master for a second term.", "second term")
    assert (c.cue.text, c.sources[0].mention) == ("endorses", "The fishermen's union")
    found = extract_claims("The supports under the pier were replaced last spring.")
    assert not [x for x in found if x.cue and x.cue.text == "supports"]


def test_a_state_of_mind_with_that_is_attributed_to_its_holder() -> None:
    c = one("The harbour master is confident that the new breakwater will hold.", "breakwater")
    assert (c.cue.text, c.sources[0].mention) == ("confident", "The harbour master")
    d = one("The ferry crews fear that the timetable will be cut again.", "timetable")
    assert d.sources[0].mention == "The ferry crews"
    e = one("The union worries that the levy will drive boats away.", "levy")
    assert (e.cue.text, e.sources[0].mention) == ("worries", "The union")
    found = extract_claims("The fears that the quay would flood proved wrong.")
    assert not [x for x in found if x.sources]


@pytest.mark.parametrize("sentence, cue, source", [
    ("The pilots came away convinced that the new channel was safe.", "convinced", "The pilots"),
    ("The harbour master seemed hopeful that the new channel would open by May.", "hopeful", "The harbour master"),
    ("Dock owners are now more convinced that the new channel will silt up.", "convinced", "Dock owners"),
    ("The surveyor inspected the quay and came away convinced that the new channel was too shallow.", "convinced", "The surveyor"),
    ("The ferry company kept its summer timetable, confident that the new channel would be dredged.", "confident", "The ferry company"),
])
def test_a_state_of_mind_after_a_verb_of_becoming_an_adverb_or_a_comma_is_the_subjects(sentence: str, cue: str, source: str) -> None:
    c = one(sentence, "the new channel")
    assert (c.cue.text, c.sources[0].mention) == (cue, source)


def test_a_report_set_off_after_its_subject_is_the_agents() -> None:
    c = one("The strike on the depot, first reported by the Harbour Gazette, killed three guards.", "three guards")
    assert (c.cue.text, c.sources[0].mention) == ("reported", "the Harbour Gazette")
    assert c.text == "The strike on the depot killed three guards"


def test_a_reduced_passive_before_by_is_not_a_stance_of_its_subject() -> None:
    found = extract_claims("The compromise offered by the harbour board was turned down.")
    assert not [x for x in found if x.cue and x.cue.text == "offered"]
    c = one("The compromise was offered by the harbour board on Friday.", "compromise")
    assert c.sources[0].mention == "the harbour board"


@pytest.mark.parametrize(
    "sentence",
    ["The deckhand accused of sinking the trawler was released on bail.",
     "Port police detained two pilots accused of smuggling fuel past the breakwater.",
     "The militia, accused of shelling the ferry terminal, has withdrawn from the coast."],
)
def test_the_one_accused_of_something_is_not_its_source(sentence: str) -> None:
    assert not [c for c in claims(sentence) if c.cue and c.cue.text == "accused"]
    for sentence in ("The harbour guild, which the crews accused of lying about the tides, has closed.",
                     "The pilot whom the crews accused of lying has resigned."):
        assert one(sentence, "lying").sources[0].mention == "the crews"


def test_an_adverb_before_a_passive_stance_keeps_it_passive() -> None:
    c = one("The toll rise was sharply criticized by the fishermen's union.", "toll rise")
    assert c.text == "The toll rise"
    assert c.sources[0].mention == "the fishermen's union"


def test_what_follows_the_agent_of_a_passive_is_not_its_content() -> None:
    # the agent's own aside, a second agent or an example goes on with the source; the content is the subject
    for sentence, source in [
        ("The ferry timetable was praised by Mia Lund, the harbour master.", "Mia Lund"),
        ("The ferry timetable was praised by the skippers and several shop owners.", "the skippers"),
        ("The ferry timetable has been welcomed by islanders, including the school board.", "islanders"),
    ]:
        c = one(sentence, "timetable")
        assert c.text == "The ferry timetable"
        assert c.sources[0].mention.startswith(source)


def test_a_thing_called_by_its_name_is_not_a_stance() -> None:
    found = extract_claims("The skippers formed a cooperative called Northern Catch last year.")
    assert not [x for x in found if x.cue and x.cue.text == "called"]
    c = one("The mayor called the new levy a tax on hard work.", "levy")
    assert c.cue.text == "called"


@pytest.mark.parametrize(
    "sentence",
    ["The fishermen joined a cooperative called the Northern Catch Alliance.",
     "The bakery is selling a rye loaf called “Harbour Crust” this winter.",
     "The pilots wrote to the founder of a charity called Harbour Watch about the delays.",
     "The council opposes a pricing rule called the “winter tariff” that would raise fares.",
     "The ferry moors at the old pier, now called Gull Point.",
     "The report blames the practice sometimes called ghost rostering for the delays.",
     "The crews who launched a campaign called #SafeHarbour met on Friday.",
     "The union wants to screen a short film called “Low Tide” at the pier.",
     "A new coalition called the Harbour Front, formed in the spring, is holding talks."],
)
def test_a_name_given_after_a_noun_is_not_a_stance(sentence: str) -> None:
    assert not [c for c in claims(sentence) if c.cue and c.cue.text == "called"]


def test_a_group_introduced_by_its_name_is_the_source_of_its_own_verb() -> None:
    c = one("A little-known militia called the Northern Shield claimed the attack on the depot.", "attack")
    assert (c.cue.text, c.sources[0].mention) == ("claimed", "the Northern Shield")
    assert not [x for x in claims("A little-known militia called the Northern Shield claimed the attack on the depot.")
                if x.cue and x.cue.text == "called"]


@pytest.mark.parametrize(
    "sentence, source, words",
    [("One of the pilots who signed the letter called Roe a danger to the crews.", "the pilots", "danger"),
     ("A spokesman for the harbour board called the strike “reckless.”", "A spokesman for the harbour board", "strike"),
     ("The mayor often called the ferry service a lifeline.", "The mayor", "lifeline")],
)
def test_a_speaker_who_calls_something_a_name_still_labels_it(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.cue.text == "called"
    assert source in c.sources[0].mention


def test_a_clause_after_but_is_content_not_an_introduction() -> None:
    c = one("But the ferry runs on a different timetable, the harbour master said.", "different timetable")
    assert c.attribution == "indirect"
    assert c.sources[0].mention == "the harbour master"


def test_an_introduction_after_but_is_still_stepped_over() -> None:
    c = one("But on Monday, the harbour master said the ferry would run.", "ferry would run")
    assert c.sources[0].mention == "the harbour master"


@pytest.mark.parametrize(
    "sentence, cue, words",
    [
        ("The councillor went so far as to say the budget was a fraud.", "say", "budget was a fraud"),
        ("The mayor attempted to portray the closure as temporary.", "portray", "closure as temporary"),
        ("The union walked out of the talks, pledging that it would strike in May.", "pledging", "strike in May"),
        ("The ministry released a report on the flooding of the lower town.", "released", "report on the flooding"),
        ("The council rejected the harbour plan on Tuesday.", "rejected", "harbour plan"),
    ],
)
def test_more_cues_and_their_sources(sentence: str, cue: str, words: str) -> None:
    c = one(sentence, words)
    assert c.attribution == "indirect"
    assert c.cue is not None and c.cue.text.endswith(cue)


def test_posting_a_picture_is_not_a_statement() -> None:
    text = "Mayor Lena Ortiz said the bridge had reopened. She posted photos of the first cars crossing it.\n"
    c = one(text, "photos of the first cars")
    assert c.attribution == "inherited"
    assert c.sources[0].canonical == "Lena Ortiz"


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("Harbour pilots in Rotterdam, for their part, warned that the channel was silting up.",
         "Harbour pilots in Rotterdam", "channel was silting up"),
        ("Meanwhile Ines Duarte, who runs the ferry cooperative, spoke about the cost of fuel.",
         "Ines Duarte", "cost of fuel"),
        ("Even the oldest skippers, like Duarte and Berg, say the channel is silting up.",
         "the oldest skippers", "channel is silting up"),
        ("Tomas K. Berg, head of the port authority, linked the delays to the strike, saying the backlog would clear by May.",
         "Tomas K. Berg", "backlog would clear"),
    ],
)
def test_the_subject_is_found_past_places_adverbs_and_asides(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.attribution == "indirect"
    assert c.sources[0].mention == source


def test_compared_with_after_a_comma_is_a_comparison() -> None:
    found = claims("Exports rose to 40 tonnes, compared with 25 tonnes a year earlier.")
    assert all(c.attribution == "unattributed" for c in found)


def test_a_plural_noun_before_a_present_tense_cue_is_its_subject() -> None:
    c = one("Shipping analysts estimate the canal will lose a fifth of its traffic.", "lose a fifth")
    assert c.sources[0].mention == "Shipping analysts"
    assert all(x.attribution == "unattributed" for x in claims("The inspectors' notes of the visit were lost."))


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The river was clean again, according to the most recent survey from the water board.",
         "the water board", "river was clean again"),
        ("But according to the harbour log, the tanker left at dawn.", "the harbour log", "tanker left at dawn"),
        ("After the vote, most of them said they would stay in the union.", "most of them", "stay in the union"),
        ("The inspector claims the crane was never tested.", "The inspector", "crane was never tested"),
        ("The union sent out a statement saying the strike would go ahead.", "The union", "strike would go ahead"),
        ("The senator emailed supporters saying the race was not over.", "The senator", "race was not over"),
        ("The ferry sank near the pier, as first reported by the Harbour Courier.", "the Harbour Courier",
         "ferry sank near the pier"),
        ("As reported by the Harbour Courier, the ferry sank near the pier.", "the Harbour Courier",
         "ferry sank near the pier"),
    ],
)
def test_sources_of_common_constructions(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.attribution == "indirect"
    assert c.sources[0].mention == source


def test_a_listener_of_several_words_and_a_clause_opening_with_this() -> None:
    c = one("This is not about the budget, the mayor told her closest aides as the meeting ended.", "not about the budget")
    assert c.sources[0].mention == "the mayor"
    c = one("The mayor told the harbour pilots that the channel would close.", "channel would close")
    assert c.text == "the channel would close"
    # a capitalised adjective and a noun, then the reported clause without "that"
    c = one("A deckhand told Maltese investigators he had seen the fire start in the hold.", "fire start")
    assert c.text == "he had seen the fire start in the hold"


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("The councillor slammed the budget as reckless.", "slammed"),
        ("The minister was referring to the flood defences.", "referring"),
        ("Mayor Ines Duarte preferred the northern route.", "preferred"),
        ("The union lashed out at the port owners.", "lashed"),
        ("The senator distanced herself from the party line.", "distanced"),
    ],
)
def test_verbs_that_double_their_last_consonant_and_other_stances(sentence: str, cue: str) -> None:
    found = [c for c in claims(sentence) if c.attribution == "indirect"]
    assert found and found[0].cue is not None and found[0].cue.text == cue


def test_an_editors_note_long_enough_to_make_claims_is_read() -> None:
    note = ("Editor's note: An earlier version of this report, based on an account from the harbour office, said "
            "that the ferry had sunk. The harbour master said on Tuesday that the ferry ran aground and no one was "
            "hurt, and the coast guard said the hull was intact. The report has been corrected to reflect those "
            "accounts, which the shipping company confirmed in a statement that was released on Wednesday evening.")
    found = claims("The ferry is back in service.\n\n" + note + "\n")
    assert any(c.sources and c.sources[0].mention == "The harbour master" for c in found)


@pytest.mark.parametrize(
    "sentence, source, cue, words",
    [
        ("The harbour master made it clear that the quay would stay shut.", "The harbour master", "made it clear that",
         "quay would stay shut"),
        ("The union took aim at the new shift rota.", "The union", "took aim at", "new shift rota"),
        ("Mayor Ines Duarte has made several sharp comments about the toll.", "Mayor Ines Duarte",
         "made several sharp comments about", "the toll"),
        ("As the ferry captain put it: “The sea decides, not the timetable.”", "the ferry captain", "put it",
         "The sea decides"),
        ("“The sea decides,” as the ferry captain put it.", "the ferry captain", "put it", "The sea decides"),
        ("The port director laid out a plan to dredge the east channel.", "The port director", "laid out",
         "dredge the east channel"),
        ("The harbour master has made no secret of his distrust of the new owners.", "The harbour master",
         "made no secret of", "his distrust of the new owners"),
    ],
)
def test_cues_of_several_words(sentence: str, source: str, cue: str, words: str) -> None:
    c = one(sentence, words)
    assert c.attribution in ("indirect", "direct")
    assert c.sources[0].mention == source
    assert c.cue is not None and c.cue.text == cue


@pytest.mark.parametrize("sentence", ["The storm made landfall on Monday.", "She took the bus to work.",
                                      "They put the boats back in the water."])
def test_light_verbs_alone_are_not_cues(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


def test_interview_questions_and_bare_quantities_name_no_source() -> None:
    found = claims("Q: The ferry will run in winter, then?\n\nA: Only if the harbour stays free of ice.\n")
    assert [c.sources[0].mention for c in found if c.sources] == ["A"]
    found = claims("Voters under 30 were more likely to say the ferry fares were too high.")
    assert all(not c.sources or c.sources[0].mention != "more" for c in found)


def test_a_subject_with_a_relative_clause_and_an_aside() -> None:
    c = one("Residents who lost their homes in the flood, many of them farmers, said the aid came too late.",
            "aid came too late")
    assert c.sources[0].mention == "Residents"


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The port reopened with Kovalenko, now the harbour chief, who in 2019 said the quay was unsafe.", "who",
         "quay was unsafe"),
        ("The pier was never inspected, as the engineers have said.", "the engineers", "pier was never inspected"),
        ("Even Moldova, the ferry line's smallest partner, said it would keep the route.", "Moldova", "keep the route"),
        ("The tender document states that the bridge must carry trains.", "The tender document", "carry trains"),
        ("“The dredging is finished,” said 9/11 survivor Jane Roe.", "9/11 survivor Jane Roe", "dredging is finished"),
    ],
)
def test_sources_after_asides_dates_and_as(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.attribution in ("indirect", "direct")
    assert source in c.sources[0].mention


def test_going_on_to_say_continues_the_speaker() -> None:
    text = "“The ferry is safe,” the captain said, going on to say that the crew had trained for a month."
    c = one(text, "crew had trained")
    assert c.sources[0].mention == "the captain"


def test_member_states_are_not_a_cue() -> None:
    assert all(c.attribution == "unattributed" for c in claims("Several member states that signed the pact objected."))


def test_a_subject_opened_by_a_quantifier_before_an_aside() -> None:
    c = one("As many dock workers, including the crane drivers, have pointed out, the night shift is unsafe.",
            "night shift is unsafe")
    assert c.sources[0].mention == "many dock workers"


def test_a_double_hyphen_sets_off_an_aside() -> None:
    c = one("Dock workers -- including the crane drivers -- said the night shift was unsafe.", "night shift was unsafe")
    assert c.sources[0].mention == "Dock workers"


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The Harbour Institute, a research group, has calculated that dredging will cost 40 million euros.",
         "The Harbour Institute", "dredging will cost"),
        ("Their experience shows that a ferry needs two crews in winter.", "Their experience", "needs two crews"),
        ("The operator has always maintained that the hull was sound.", "The operator", "hull was sound"),
    ],
)
def test_findings_and_positions_introduced_by_that(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert source in c.sources[0].mention


def test_maintaining_a_lead_is_not_a_position() -> None:
    assert all(c.attribution == "unattributed" for c in claims("The ferry company maintained a lead over its rivals."))


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops attacked the village on Monday.",
        "Ukrainian forces blocked the road to the border.",
        "Police fired back at the gunmen.",
        "Tanks supported the infantry near the river.",
    ],
)
def test_acts_of_force_are_the_outlets_report_not_a_stance(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


def test_a_retort_after_a_quotation() -> None:
    c = one("“The ferry will be late,” the captain shot back.", "ferry will be late")
    assert c.sources[0].mention == "the captain"
    assert c.cue is not None and c.cue.text == "shot back"


def test_releasing_prisoners_is_an_event_releasing_a_report_a_statement() -> None:
    assert all(c.attribution == "unattributed" for c in claims("The navy released 40 detained sailors on Friday."))
    c = one("The ministry released a report on the flooding.", "report on the flooding")
    assert c.attribution == "indirect"


@pytest.mark.parametrize(
    "sentence", ["The bomb weighed 500 kilograms.", "The convoy avoided the main road.", "The crate listed to one side."]
)
def test_things_do_not_take_stances(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


def test_a_closing_attribution_is_a_claim_of_its_own() -> None:
    found = claims("The operator agreed to sell the ferry in 2019, records show.")
    shows = [c for c in found if c.cue is not None and c.cue.text == "show"]
    assert shows and shows[0].sources[0].mention == "records"
    agreed = [c for c in found if c.cue is not None and c.cue.text == "agreed"]
    assert agreed and "records show" not in agreed[0].text


def test_a_noun_like_cue_after_an_aside_and_before_that() -> None:
    c = one("Ines Duarte, a harbour pilot, notes that the channel silts up every spring.", "channel silts up")
    assert c.sources[0].mention.startswith("Ines Duarte")


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("“The quay must be rebuilt,” the petition reads.", "the petition", "quay must be rebuilt"),
        ("The engineer expected that the pumps would fail.", "The engineer", "pumps would fail"),
        ("Inspectors have discovered that the welds were never tested.", "Inspectors", "welds were never tested"),
    ],
)
def test_reading_expecting_and_discovering(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.sources[0].mention == source


@pytest.mark.parametrize("sentence", ["The ferry is expected to run on Friday.", "The captain read the report twice."])
def test_expected_to_and_reading_a_text_are_not_cues(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("As reported by the Harbour Gazette, the ferry will not run in March.", "the Harbour Gazette",
         "ferry will not run"),
        ("Lena Ortiz, the port's director, this past week announced a new timetable.", "Lena Ortiz",
         "new timetable"),
        ("A survey by the shipping council, published in May, found that freight fell by a third.",
         "A survey by the shipping council", "freight fell"),
    ],
)
def test_as_reported_by_a_time_phrase_and_a_document_by_its_author(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert source in c.sources[0].mention


def test_put_it_after_an_aside_and_a_participle_after_a_subordinate_clause() -> None:
    c = one("As Ines Duarte, a harbour pilot, put it, “The channel is a moving target.”", "moving target")
    assert c.sources[0].mention.startswith("Ines Duarte")
    c = one("The debate comes as the council is leaning on the port, citing its unpaid fees.", "unpaid fees")
    assert c.sources[0].mention == "the council"


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("Dock workers held up a banner saying “No ships without safe cranes.”", "a banner", "No ships"),
        ("The port fell silent, with the union of the crane drivers from Gdansk saying the night shift was unsafe.",
         "the union of the crane drivers from Gdansk", "night shift was unsafe"),
        ("While saying that the quay was safe, the director closed it for a week.", "the director", "quay was safe"),
    ],
)
def test_signs_speak_and_participles_find_their_subject(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.sources[0].mention == source


@pytest.mark.parametrize(
    "sentence",
    ["The ferry line serves coastal states that have few ports.",
     "A charity called Harbour Watch is raising money for the pilots."],
)
def test_relative_states_and_names_after_called_are_not_cues(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


def test_a_quoted_title_closing_a_trailer_is_not_the_content() -> None:
    c = one("The ferry will run all winter, the captain said on Monday on Radio Harbour’s “Morning Tide.”",
            "ferry will run all winter")
    assert c.sources[0].mention == "the captain"
    assert "Morning Tide" not in c.text


@pytest.mark.parametrize("sentence", ["The president fired the navy chief on Friday.", "The governor vetoed the harbour bill."])
def test_acts_are_the_outlets_report(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


def test_content_with_no_word_in_it_is_no_claim() -> None:
    # found by the property tests: a cue followed by nothing but punctuation gave an empty claim
    assert extract_claims("B said : \n :") == []
    assert extract_claims('He said ""') == []
    assert [c.text for c in extract_claims("Police said: “Roads are closed.”")] == ["“Roads are closed.”"]


def test_reports_nested_in_reports_are_read_to_a_bounded_depth() -> None:
    # news nests reports a few deep, and each level is a claim of its own
    text = "The mayor said police told reporters that officials said the bridge fell."
    assert [(c.sources[0].mention, c.text) for c in extract_claims(text)] == [
        ("The mayor", "police told reporters that officials said the bridge fell"),
        ("police", "officials said the bridge fell"),
        ("officials", "the bridge fell"),
    ]
    # a run of "said" is read eight deep in each sentence, not once per cue: else every cue is a claim
    # running to the end of the sentence, and work and memory grow with the square of its length
    chain = "Police said officials said " * 2000 + "the bridge fell."
    claims = extract_claims(chain)
    assert [c.sources[0].mention for c in claims[:8]] == ["Police", "officials"] * 4
    sentences = len(chain) // 2000 + 1  # a sentence with no full stop is cut every 2,000 characters
    assert 8 <= len(claims) <= 8 * sentences
    assert all(chain[c.span[0] : c.span[1]] == c.text for c in claims)


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The opposition leader cast the harbour deal as a giveaway to foreign owners.", "The opposition leader", "harbour deal"),
        ("The minister painted the strikers as reckless in her speech.", "The minister", "strikers as reckless"),
        ("The union has framed the lockout as an attack on every dock worker.", "The union", "lockout"),
        ("Kask presents himself as the only candidate who can fix the ferries.", "Kask", "only candidate"),
    ],
)
def test_casting_someone_as_something_is_a_stance(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.attribution == "indirect"
    assert c.sources[0].mention == source


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor cast his vote early on Tuesday.",
        "Volunteers painted the old lighthouse white.",
        "The council will present its budget in May.",
        "The shipyard presents an opportunity for the town as it grows.",
        "The key positions of power in the port went to allies of the governor.",
    ],
)
def test_casting_verbs_without_a_portrayal_are_no_cues(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The harbour union has long been critical of the new crane contract.", "The harbour union", "crane contract"),
        ("Several harbour pilots remain deeply skeptical about the dredging plan.", "Several harbour pilots", "dredging plan"),
        ("The mayor is a staunch opponent of Mr. Kask's ferry tax.", "The mayor", "Mr. Kask's ferry tax"),
        ("Kask, who is one of the fiercest critics of the port authority, left early.", "who", "port authority"),
        ("The fishermen were vocal about the closures all summer.", "The fishermen", "closures"),
    ],
)
def test_a_stance_held_as_a_trait_is_the_holders(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.attribution == "indirect"
    assert c.sources[0].mention == source
    assert c.text.startswith(words.split()[0]) or words in c.text


def test_lying_out_in_the_open_lays_out_nothing() -> None:
    assert all(c.attribution == "unattributed" for c in claims("The nets lay out in the sun all afternoon."))


def test_being_eager_to_do_something_is_the_holders_wish() -> None:
    c = one("The ferry company is eager to restart the winter crossings.", "restart the winter crossings")
    assert (c.cue.text, c.sources[0].mention) == ("eager to", "The ferry company")
    assert all(c.attribution == "unattributed" for c in claims("An eager crowd waited at the quay."))


def test_a_trait_skips_the_holders_aside_and_keeps_a_whole_name() -> None:
    c = one("Jane Roe, a harbour pilot for thirty years, is a fierce critic of John Q. Kask.", "Kask")
    assert names(c) == ["Jane Roe"]
    assert c.text == "John Q. Kask"


@pytest.mark.parametrize(
    "sentence",
    [
        "Critics of the crane contract gathered at the gate.",
        "The pumps are a critical part of the dock's defences.",
        "Supporters of the ferry line filled the hall.",
    ],
)
def test_stance_words_without_a_holder_are_no_cues(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The dockworkers showed no sign of ending their strike on Friday.", "The dockworkers", "ending their strike"),
        ("Kask has shown little interest in another term as harbour master.", "Kask", "another term"),
        ("The ferry board shows little inclination to lower its fares.", "The ferry board", "lower its fares"),
        ("The pilots are showing signs of impatience with the new rota.", "The pilots", "impatience"),
        ("The ministry long ago showed its willingness to sell the old piers.", "The ministry", "sell the old piers"),
        ("Jane Roe showed no sign that she would drop the lawsuit.", "Jane Roe", "she would drop the lawsuit"),
    ],
)
def test_a_disposition_someone_shows_is_their_stance(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.sources[0].mention == source
    assert c.text.startswith(words.split()[0])


@pytest.mark.parametrize(
    "sentence",
    [
        "The fishermen have shown little interest.",
        "The new ferry was shown to reporters on Monday.",
        "The harbour tour shows the old piers at dusk.",
    ],
)
def test_showing_without_a_disposition_toward_something_is_no_stance(sentence: str) -> None:
    assert all(c.attribution == "unattributed" for c in claims(sentence))


@pytest.mark.parametrize(
    "sentence, source, words",
    [
        ("The film shows the keeper locking the lighthouse door before the storm.", "The film", "the keeper locking"),
        ("A Harbour Gazette article found no record of the second tender.", "A Harbour Gazette article", "no record"),
        ("The inquiry found nothing the port had not already disclosed.", "The inquiry", "nothing the port"),
        ("The outcome showed Kask had won 51 percent of the dockers' vote.", "The outcome", "Kask had won"),
    ],
)
def test_a_film_an_article_or_an_inquiry_shows_what_it_finds(sentence: str, source: str, words: str) -> None:
    c = one(sentence, words)
    assert c.sources[0].mention == source


@pytest.mark.parametrize("sentence, words", [
    ("The garrison commander said he agreed with the navy's estimate of the damage.", "he agreed with the navy"),
    ("The relief agency announced that it had asked both armies for a day's truce.", "it had asked both armies"),
    ("Colonel Ana Ruiz told reporters she had warned the brigade about the minefield.", "she had warned the brigade"),
])
def test_a_speakers_own_report_opening_their_content_is_no_second_claim(sentence: str, words: str) -> None:
    # the inner report is the outer speaker's account of their own words: one claim, theirs, whole
    found = [c for c in claims(sentence) if c.attribution != "unattributed"]
    assert len(found) == 1, [(c.text, [s.mention for s in c.sources]) for c in found]
    assert words in found[0].text


def test_a_denial_or_another_speaker_inside_a_report_stays_a_claim_of_its_own() -> None:
    found = claims("The brigade said it denied that its drones had struck the convoy.")
    assert [(c.cue.text, c.polarity) for c in found] == [("said", "asserted"), ("denied", "denied")]
    found = claims("The governor said the rebels had agreed to open the road.")
    assert [s.mention for c in found for s in c.sources] == ["The governor", "the rebels"]


@pytest.mark.parametrize("sentence, content", [
    ("The governor said Monday night the road to the border would stay shut.", "the road to the border would stay shut"),
    ("The navy said on Tuesday its divers had found the second hull.", "its divers had found the second hull"),
    ("The admiral said Thursday he agreed with the coast guard's count.", "he agreed with the coast guard's count"),
    # the day is the subject here, not when it was said
    ("The mayor said Friday was the quietest night since the siege began.", "Friday was the quietest night since the siege began"),
])
def test_a_bare_day_after_the_cue_is_when_it_was_said(sentence: str, content: str) -> None:
    found = [c for c in claims(sentence) if c.attribution != "unattributed"]
    assert [c.text for c in found] == [content]
