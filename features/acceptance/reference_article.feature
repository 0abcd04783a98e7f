Feature: The reference article, ingested and checked against the default rulebook
  An editor ingests the wire report on North Korean soldiers captured in Kursk
  (../shared/corpus/kursk-north-korean-soldiers.txt) and checks it with the default rulebook.
  Claims are named here by their cue or by a figure they state, never by the article's words.

  Background:
    Given the reference article is ingested into a new store
    And the default rulebook has been checked

  Scenario: The President of Ukraine is a party to the conflict and stands alone
    Then the claims cued "stated", "revealed", "described" and "alleged" are attributed to "Volodymyr Zelenskyy"
    And each of those claims has the status "single-source"
    And each of those claims is flagged "party-to-conflict"
    And each of those claims has the Admiralty credibility "3"

  Scenario: An allegation is marked as one
    Then the claim cued "alleged" is flagged "allegation"

  Scenario: The security service's account is its own, and continues without a cue
    Then the claim cued "noted" is attributed to "Security Service of Ukraine"
    And each of those claims has the status "single-source"
    And 2 claims inherit their attribution from "Security Service of Ukraine"

  Scenario: What a prisoner said reaches us through his captors
    Then the claim cued "claimed" is attributed to "captured North Korean soldier"
    And that claim was relayed by "Security Service of Ukraine"
    And that claim is flagged "relayed"

  Scenario: The anonymous official's casualty estimate is flagged
    Then the claim cued "estimated" is attributed to "senior Ukrainian military official"
    And that claim's source is of kind "anonymous"
    And that claim states a figure of about 200
    And that claim is flagged "anonymous-source"
    And that claim has the Admiralty reliability "F"

  Scenario: The White House and the Pentagon count as one source
    Then the claim cued "confirmed" is attributed to "White House" and "Pentagon"
    And that claim has 1 independent source
    And that claim's status is not "corroborated"

  Scenario: The outlet's own casualty figures are flagged for review
    Then the claim stating "40%" has no source and is "unattributed"
    And that claim is flagged "unattributed"
    And that claim needs review
