Feature: The review queue
  A reviewer works down the claims that need a person, most urgent first, in `verify review` with
  no claim ID. The example article (examples/odesa-grain-terminal.txt) is ingested and checked with
  the default rulebook. Claims are named here by words they state.

  Background:
    Given the example article is ingested into a new store

  Scenario: A figure nobody named comes first, a routine corroborated statement last
    When "ana" opens the review queue
    Then the claim at hand states "300,000 tonnes"
    And the claim stating "military infrastructure" comes before the claim stating "struck a grain terminal"
    And the last claim of the queue states "strikes on civilian infrastructure"

  Scenario: Quitting in the middle and coming back
    When "ana" opens the review queue
    And she disputes the claim at hand with the note "Port authority figures are far lower"
    And she skips the claim at hand
    And she marks the claim at hand "single-source"
    And she quits
    And "ana" opens the review queue
    Then the claim at hand is the fourth of her first pass
    And the claims she reviewed are no longer in the queue
    And the claim she skipped is the last of the queue

  Scenario: Undo is a new event and the claim needs a person again
    When "ana" opens the review queue
    And she confirms the claim at hand with the note "The diplomat's embassy confirms it"
    And she undoes her last action
    Then the first claim of her pass has the status "unverified" and no standing review
    And its history holds a status event and an undo event
    And it is in the queue again

  Scenario: Someone else's verdict is never overwritten
    When "ana" opens the review queue
    And "ben" refutes the claim she is shown with the note "The photos are from another port"
    And she marks the claim at hand "unverified"
    Then she is told "ben set it to refuted"
    And that claim's status is "refuted"
    And when she marks it "unverified" again, having seen it, it is recorded
