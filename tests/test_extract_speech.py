"""Reports of speech: the content of each statement, where a sentence holds more than one shape."""

from __future__ import annotations

import pytest

from verify.extract import extract_claims
from verify.models import Claim


def texts(text: str) -> list[str]:
    return [c.text for c in extract_claims(text) if c.attribution != "unattributed"]


def one(text: str, words: str) -> Claim:
    """The attributed claim whose content contains ``words``."""
    found = [c for c in extract_claims(text) if words in c.text and c.attribution != "unattributed"]
    assert found, f"no attributed claim contains {words!r}: {texts(text)}"
    return found[0]


def test_a_colon_after_a_second_verb_opens_only_that_verbs_content():
    text = "The commander noted that the bridge was shelled, and added: “Our engineers will rebuild it.”"
    first = one(text, "the bridge was shelled")
    assert "rebuild" not in first.text
    assert [s.mention for s in first.sources] == ["The commander"]
    second = one(text, "Our engineers will rebuild it")
    assert [s.mention for s in second.sources] == ["The commander"]


def test_a_speaker_ending_in_a_noun_in_ly_is_still_the_speaker():
    # "family" ends like an adverb ("repeatedly said") but closes the source phrase here
    c = one("The convoy reached the border before dawn, a lawyer for the family said.", "The convoy reached the border")
    assert [s.mention for s in c.sources] == ["a lawyer for the family"]
    c = one("The governor repeatedly said the dam would hold.", "the dam would hold")
    assert [s.mention for s in c.sources] == ["The governor"]


def test_a_paragraph_opening_with_a_turned_quotation_mark_is_a_quotation():
    text = ("The talks ended without a deal.\n\n"
            "” … the ceasefire was never more than a pause,” the envoy wrote.")
    c = one(text, "the ceasefire was never more than a pause")
    assert [s.mention for s in c.sources] == ["the envoy"]
    assert c.text.startswith("” …")


def test_a_listener_verb_after_a_quotation_is_followed_by_its_speaker():
    text = "The river rose overnight.\n\n“Nobody should try to cross the bridge,” warned the fire chief."
    c = one(text, "Nobody should try to cross the bridge")
    assert [s.mention for s in c.sources] == ["the fire chief"]
    # without a quotation before it, what follows the verb is the listener, not the speaker
    c = one("The fire chief warned residents that the bridge was unsafe.", "the bridge was unsafe")
    assert [s.mention for s in c.sources] == ["The fire chief"]


def test_a_relative_clause_set_off_by_dashes_ends_at_the_closing_dash():
    text = "The audit -- which says that the levee was never inspected -- was shelved by the council."
    c = one(text, "the levee was never inspected")
    assert "shelved" not in c.text
    assert [s.mention for s in c.sources] == ["which"]


def test_an_opening_participle_whose_content_ends_in_a_quotation():
    text = "Before saying the harvest was “the worst in living memory,” the minister cancelled the fair."
    c = one(text, "the harvest was")
    assert c.text.endswith("memory,”")
    assert [s.mention for s in c.sources] == ["the minister"]


def test_a_subject_with_an_aside_and_an_adverb_speaks_through_by_saying():
    text = "Okafor, a retired engineer, then appeared before the panel and began by saying the pumps had failed twice."
    c = one(text, "the pumps had failed twice")
    assert [s.mention for s in c.sources] == ["Okafor"]


def test_took_to_a_channel_to_say_is_the_subjects_statement():
    text = "The senator took to Facebook on Sunday to say that the vote had been rigged."
    c = one(text, "the vote had been rigged")
    assert [s.mention for s in c.sources] == ["The senator"]


def test_a_speaker_described_as_a_parent_of_a_number_of_children():
    c = one("The father of two said the school bus never arrived.", "the school bus never arrived")
    assert [s.mention for s in c.sources] == ["The father of two"]


def test_a_series_of_messages_saying_is_the_senders_statement():
    text = "The governor fired off a string of tweets late Sunday saying that the audit was a witch hunt."
    c = one(text, "the audit was a witch hunt")
    assert [s.mention for s in c.sources] == ["The governor"]


def test_a_sentence_opening_with_said_and_its_speaker_then_the_quotation():
    text = "The dam held through the night.\n\nSaid the site manager, “We were lucky, and luck runs out.”"
    c = one(text, "We were lucky")
    assert [s.mention for s in c.sources] == ["the site manager"]
    assert c.attribution == "direct"


def test_what_a_written_text_reads_beside_a_quotation_is_its_statement():
    c = one("“Polls close at eight sharp,” the leaflet read.", "Polls close at eight sharp")
    assert [s.mention for s in c.sources] == ["the leaflet"]
    c = one('"Bring your own chairs," read the invitation from the parish.', "Bring your own chairs")
    assert [s.mention for s in c.sources] == ["the invitation"]
    c = one("The old placard reads: “No trucks after dusk.”", "No trucks after dusk")
    assert [s.mention for s in c.sources] == ["The old placard"]
    c = one("She lifted a banner — which read “Save the mill” — above the crowd.", "Save the mill")
    assert [s.mention for s in c.sources] == ["which"]


def test_reading_without_a_quotation_is_no_statement():
    assert texts("The inspector read the report twice before the hearing.") == []
    assert texts("Volunteers read to the children every Saturday.") == []


def test_a_participle_after_a_quotation_that_holds_the_comma():
    text = "The mayor has mounted a stout defence of “harbour towns,” saying the coast kept the “grit and soul of the region.”"
    c = one(text, "the coast kept")
    assert c.cue.text == "saying"
    assert [s.mention for s in c.sources] == ["The mayor"]


def test_upon_saying_is_the_subjects_statement():
    text = "Ms. Okafor, herself a former miner, drew loud jeers upon saying, “The pit will not reopen.”"
    c = one(text, "The pit will not reopen")
    assert [s.mention for s in c.sources] == ["Ms. Okafor"]


@pytest.mark.parametrize("sentence, share", [
    ("Almost seven out of 10 say they would ride the new tram to work.", "Almost seven out of 10"),
    ("Just over a third, 36%, say the tram fares are too high.", "36%"),
    ("Among riders polled, roughly a quarter, 24 percent, say they will stop using the line.", "24 percent"),
])
def test_a_poll_share_says_what_those_asked_say(sentence: str, share: str):
    c = [c for c in extract_claims(sentence) if c.cue and c.cue.text == "say"]
    assert [s.mention for s in c[0].sources] == [share]


@pytest.mark.parametrize("sentence, words, pronoun", [
    ("The harbour master took questions at noon. He’s predicted a calm winter for the fleet.", "a calm winter", "He"),
    ("The two ferry owners met the council. They've argued that the fares must rise.", "the fares must rise", "They"),
    ("The coach spoke after the match. She's not saying who will start on Sunday.", "who will start", "She"),
    ("I'd add that the pier needs new lights.", "the pier needs new lights", "I"),
])
def test_a_pronoun_and_its_auxiliary_in_one_word_is_the_speaker(sentence: str, words: str, pronoun: str):
    # the contraction is one token: the pronoun in it speaks, and "’s" before a participle is "has"
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [pronoun]


def test_is_in_a_contraction_before_a_participle_is_a_passive():
    # "she's quoted as saying": the quotation's "saying" is hers, "quoted" makes no claim of its own
    text = "The clerk left in May. She's quoted as saying the archive was lost."
    assert [c.cue.text for c in extract_claims(text) if c.attribution != "unattributed"] == ["saying"]


@pytest.mark.parametrize("sentence, words, speaker", [
    ("The mayor met workers at the depot and said the line would reopen in June.", "the line would reopen", "The mayor"),
    ("The coach went to the clubhouse, saying the pitch was too wet to play.", "the pitch was too wet", "The coach"),
])
def test_a_past_tense_without_ed_ends_the_subject(sentence: str, words: str, speaker: str):
    # "met", "went": the subject's verb, not a word of the phrase naming who speaks
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [speaker]



@pytest.mark.parametrize("sentence, words, speaker", [
    ("The ferry captain and the harbour master met on Friday. “We will not sail,” the two said.", "We will not sail", "the two"),
    ("Five island councils were asked about the levy, and all five say it is too high.", "it is too high", "all five"),
])
def test_a_number_standing_for_the_people_named_before_is_who_speaks(sentence: str, words: str, speaker: str):
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [speaker]


@pytest.mark.parametrize("sentence, share", [
    ("Twelve mayors answered the survey. Several said the buses ran late.", "Several"),
    ("The fishermen were asked about the quota. Few said it was fair.", "Few"),
])
def test_a_quantifier_standing_alone_is_who_speaks(sentence: str, share: str):
    # "several", "few" stand for the group named before, as "some" and "many" do
    c = [c for c in extract_claims(sentence) if c.cue and c.cue.text == "said"]
    assert [s.mention for s in c[0].sources] == [share]


@pytest.mark.parametrize("sentence, source", [
    ("The depot will close in March, according to one of her senior aides.", "one of her senior aides"),
    ("According to some on the council, the depot will close in March.", "some"),
])
def test_the_phrase_after_according_to_keeps_its_owner_and_a_lone_quantifier(sentence: str, source: str):
    c = one(sentence, "depot will close in March")
    assert [s.mention for s in c.sources] == [source]
    assert "council" not in c.text


@pytest.mark.parametrize("sentence", [
    "The port director on Thursday evening said the cranes would be replaced.",
    "The port director late Tuesday night said the cranes would be replaced.",
])
def test_a_day_and_its_part_between_speaker_and_verb(sentence: str):
    c = one(sentence, "the cranes would be replaced")
    assert [s.mention for s in c.sources] == ["The port director"]


@pytest.mark.parametrize("sentence, source", [
    ("According to a March 2019 audit by the water board, the pipes were never replaced.", "the water board"),
    ("According to the recently published harbour report, the pipes were never replaced.", "the recently published harbour report"),
])
def test_a_month_or_an_adverb_inside_the_phrase_after_according_to(sentence: str, source: str):
    c = one(sentence, "the pipes were never replaced")
    assert [s.mention for s in c.sources] == [source]


@pytest.mark.parametrize("sentence, words, source", [
    ("In the planner's view, the new bridge will ease traffic within a year.", "the new bridge will ease traffic", "the planner's"),
    ("The levy, in the words of one council member, was a tax on the poor.", "was a tax on the poor", "one council member"),
])
def test_a_view_or_words_framed_with_in_belong_to_their_owner(sentence: str, words: str, source: str):
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [source]


def test_in_or_by_before_an_opening_participle_is_the_subjects_act():
    # "In describing ..., X said": the participle's words are the main clause's subject's
    text = "In describing the new stadium, the mayor said it would open in May."
    c = [c for c in extract_claims(text) if c.cue and c.cue.text == "describing"]
    assert c and [s.mention for s in c[0].sources] == ["the mayor"]


@pytest.mark.parametrize("sentence, words, source", [
    ("The rebel commander did not demand the release of the prisoners.", "the release of the prisoners", "The rebel commander"),
    ("The ministry’s statement does not claim the depot was a military target.", "the depot was a military target",
     "The ministry’s statement"),
])
def test_a_negated_verb_that_looks_like_a_noun_is_still_a_verb(sentence: str, words: str, source: str):
    # after "did not", "didn’t", "does not" a form like "claim" is the verb
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [source]


@pytest.mark.parametrize("sentence, words, source", [
    ("The harbour master would call the new timetable a step backwards.", "a step backwards", "The harbour master"),
    ("The island council will call for a second ferry next spring.", "a second ferry", "The island council"),
    ("The skippers did claim the quota was unfair.", "the quota was unfair", "The skippers"),
])
def test_a_verb_that_looks_like_a_noun_after_a_modal_is_a_verb(sentence: str, words: str, source: str):
    # after "would", "will", "did" a form like "call" or "claim" is the verb
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [source]


@pytest.mark.parametrize("sentence", [
    "The rebel commander did not mention the ceasefire in his radio address.",
    "The envoy didn’t mention the prisoner swap at the press conference.",
    "The governor did not refer to the flooded villages in her evening address.",
])
def test_what_a_source_did_not_mention_is_the_outlets_note_not_a_claim(sentence: str):
    assert [c.attribution for c in extract_claims(sentence)] == ["unattributed"]


def test_cannot_is_an_auxiliary_not_part_of_the_speaker():
    c = one("The spokesman cannot say whether the convoy reached the city.", "the convoy reached the city")
    assert [s.mention for s in c.sources] == ["The spokesman"]


def test_not_answering_questions_is_no_statement():
    assert texts("The defence minister would not answer questions about the lost helicopter.") == []


@pytest.mark.parametrize("sentence, words, source", [
    ("One villager said the well had dried up. Another said the army had taken the pumps.", "the army had taken the pumps", "Another"),
    ("One count puts the dead at 40, while another says the toll is twice that.", "the toll is twice that", "another"),
    ("Yet another wrote, “The ferry has not run for a week.”", "The ferry has not run for a week.", "another"),
])
def test_another_standing_alone_is_the_speaker(sentence: str, words: str, source: str):
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [source]


def test_another_before_a_noun_or_after_after_speaks_for_no_one():
    # "another reported raid" is a raid; "one after another" is an adverb
    assert texts("Another reported raid hit the depot overnight.") == []
    c = one("One after another, the unions, including the dockers, announced strikes.", "strikes")
    assert [s.mention for s in c.sources] == ["the unions"]


@pytest.mark.parametrize("sentence, words, source", [
    ("The harbour master posted on her Facebook page that the quay would reopen.", "the quay would reopen", "The harbour master"),
    ("The ferry union posted: “No crossings until the wages are paid.”", "No crossings until the wages are paid", "The ferry union"),
])
def test_posting_a_clause_or_a_quotation_says_it(sentence: str, words: str, source: str):
    c = one(sentence, words)
    assert [s.mention for s in c.sources] == [source]


@pytest.mark.parametrize("sentence", [
    "The militia released prisoners that it had held for months.",
    "The coast guard released 40 fishermen that day.",
])
def test_releasing_people_says_nothing(sentence: str):
    assert texts(sentence) == []


def test_a_quotation_signed_by_one_of_a_group_named_before():
    text = ("Two fishermen reached the harbour at dawn. \"The wave came over the deck twice,\" said one of them, "
            "a deckhand who asked not to be named.\n")
    c = one(text, "The wave came over the deck twice")
    assert c.attribution == "direct"
    assert [s.mention for s in c.sources] == ["one of them"] and c.sources[0].kind == "anonymous"


def test_how_a_source_spoke_is_not_what_it_said() -> None:
    for text in ("Casualties are expected to climb, a police officer told Wire, speaking on condition of anonymity.",
                 "Casualties are expected to climb, a police officer said, speaking on condition of anonymity "
                 "because he was not cleared to talk to journalists."):
        assert texts(text) == ["Casualties are expected to climb"]


def test_neither_nor_negates_a_verb_of_silence_as_not_does() -> None:
    for text in ("The ministry did not comment on the report.", "Neither the ministry nor the police commented on the report."):
        assert texts(text) == []


def test_a_state_after_its_town_is_no_speaker_of_the_participle_after_it():
    text = "The governor spent Friday in Dover, Delaware, promising to rebuild the flooded harbour."
    c = one(text, "rebuild the flooded harbour")
    assert [s.mention for s in c.sources] == ["The governor"]
    # a name set off in commas before the participle still speaks through it
    c = one("The mayor of Leeds, Jane Roe, citing the floods, said the fair was off.", "the floods")
    assert [s.mention for s in c.sources] == ["Jane Roe"]


def test_a_question_put_to_you_reports_no_view_of_yours():
    text = ("The ferry pier closed on Monday. Do you support the closure? "
            "What do you think of the new timetable? The harbour master said the pier was unsafe.")
    assert texts(text) == ["the pier was unsafe"]
    # "you" elsewhere still speaks: an interview's answer, a statement put to the reader
    assert texts("“You know the pier is unsafe,” the harbour master said.") == ["“You know the pier is unsafe,”"]
