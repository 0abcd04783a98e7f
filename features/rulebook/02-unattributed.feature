Feature: The outlet's own assertions
  A claim with no source is the outlet speaking for itself. Background facts often read this
  way and may well be true, but nobody stands behind them by name, so they stay unverified until
  an independent source or an editor backs them. Figures without a source (casualties, troop
  numbers) are the first thing a reader repeats, so they go to a reviewer.
  Their information credibility is 6, "truth cannot be judged", not 3: the Admiralty 3 ("possibly
  true") says the information agrees with some other information, and with no source named the
  rules have nothing to weigh it against. Once another source corroborates it, the corroboration
  rule grades it like any other claim.

  Scenario: A claim with no source stays unverified
    Given a claim with no attributed source
    When it is corroborated by fewer than 2 independent sources
    Then its status is "unverified"
    And its information credibility is "6"

  Scenario: A claim with no source is flagged
    Given a claim with no attributed source
    Then flag it as "unattributed"

  Scenario: A figure with no source needs a reviewer
    Given a claim with no attributed source
    When it states a number
    Then flag it as "unsourced-figure"
    And it needs review because "it states a figure without saying where the figure comes from"
