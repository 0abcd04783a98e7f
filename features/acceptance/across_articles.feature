Feature: The same claims across articles
  An editor ingests reports of the same events from different outlets (the articles in
  tests/articles/across, written for these tests) one after the other, and the default rulebook
  checks them. Matching pairs the claims that state the same thing and flags what changed between
  the two versions. Claims are named here by words they state.

  Scenario: A rewrite that gives an estimate to another source and inflates it
    Given the articles "vovchansk-first.txt" and "vovchansk-rewrite.txt" are ingested into a new store
    Then the claims stating "soldiers were killed" are matched to each other
    And both are flagged "attribution-mismatch"
    And both are flagged "number-conflict"

  Scenario: A rewrite that drops an attribution
    Given the articles "vovchansk-first.txt" and "vovchansk-rewrite.txt" are ingested into a new store
    Then the claims stating "rail depot" are matched to each other
    And the one in "vovchansk-rewrite.txt" is flagged "attribution-dropped"
    And the one in "vovchansk-first.txt" is not flagged "attribution-dropped"

  Scenario: A rewrite that rounds a range honestly
    Given the articles "vovchansk-first.txt" and "vovchansk-rewrite.txt" are ingested into a new store
    Then the claims stating "northern border" are matched to each other
    And neither is flagged "number-conflict"

  Scenario: A rewrite that drops a hedge
    Given the articles "vovchansk-first.txt" and "vovchansk-rewrite.txt" are ingested into a new store
    Then the claims stating "cluster munitions" are matched to each other
    And the one in "vovchansk-rewrite.txt" is flagged "hedge-dropped"
    And the one in "vovchansk-first.txt" is not flagged "hedge-dropped"

  Scenario: A faithful rewrite changes nothing and confirms nothing
    Given the articles "faithful-first.txt" and "faithful-rewrite.txt" are ingested into a new store
    Then the claims stating "ferry crossings" are matched to each other
    And neither carries a drift flag
    And neither has the status "corroborated"

  Scenario: Two independent reports of one event corroborate each other
    Given the articles "power-iaea.txt" and "power-local.txt" are ingested into a new store
    Then the claims stating "four hours" are matched to each other
    And neither carries a drift flag
    And both have the status "corroborated"

  Scenario: Two outlets carrying one wire story are one source
    Given the articles "wire-ledger.txt" and "wire-courier.txt" are ingested into a new store
    Then the claims stating "Synkivka" are matched to each other
    And neither has the status "corroborated"

  Scenario: The White House and the Pentagon are one government
    Given the articles "aid-whitehouse.txt" and "aid-pentagon.txt" are ingested into a new store
    Then the claims stating "interceptors" are matched to each other
    And neither has the status "corroborated"

  Scenario: A match a reviewer rejects counts for nothing
    Given the articles "power-iaea.txt" and "power-local.txt" are ingested into a new store
    When a reviewer rejects the match of the claims stating "four hours" and the rulebook is checked again
    Then neither has the status "corroborated"
