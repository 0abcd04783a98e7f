Feature: How a claim is said
  The reporting word tells a reader how far the source itself commits: an allegation or a claim
  is contested by its nature, an estimate is a guess with a number on it. A claim one source
  passes on from another (a prisoner's account told by his captors) is second-hand.

  Scenario: An allegation is flagged
    Given a claim whose cue is one of:
      | alleged |
      | claimed |
      | accused |
    Then flag it as "allegation"

  Scenario: An estimate is flagged
    Given a claim whose cue is one of:
      | estimated |
      | believed  |
      | assessed  |
    Then flag it as "estimate"

  Scenario: An estimated figure is flagged
    Given a claim that states an estimate
    Then flag it as "estimate"

  Scenario: A second-hand claim is flagged
    Given a claim relayed by another source
    Then flag it as "relayed"
    And its information credibility is "4"

  # "X denied that A" is stored as A, denied by X: the flag keeps that in sight wherever A is shown
  Scenario: A denial is flagged
    Given a claim that its source denies
    Then flag it as "denial"
