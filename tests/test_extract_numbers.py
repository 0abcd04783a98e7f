"""Figures in text: what is read as a number, with which value, bounds and unit, and what is not."""

from __future__ import annotations

import pytest

from verify.extract.numbers import find_numbers


def one(text: str):
    found = find_numbers(text)
    assert len(found) == 1, f"{text!r}: {[n.text for n in found]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("The brigade lost 350 men.", "350", 350),
        ("Officials counted 1,200 displaced families.", "1,200", 1200),
        ("Three drones were shot down.", "Three", 3),
        ("The convoy had twenty-four trucks.", "twenty-four", 24),
        ("It cost four hundred and sixty thousand to rebuild.", "four hundred and sixty thousand", 460_000),
        ("Shelling damaged a hundred homes.", "a hundred", 100),
        ("A dozen villages lost power.", "A dozen", 12),
        ("They registered 2.5 million refugees.", "2.5 million", 2_500_000),
        ("Roughly one soldier in every unit deserted.", "Roughly one", 1),
        ("The strike killed one civilian.", "one", 1),
        ("Medics treated one wounded fighter.", "one", 1),
        ("They found only one more survivor.", "one", 1),
    ],
)
def test_counts(text, figure, value):
    n = one(text)
    assert n.text == figure
    assert n.value == value


def test_exact_figure_is_its_own_bounds():
    n = one("The patrol found 41 mines.")
    assert (n.value, n.low, n.high, n.bound, n.approximate) == (41, 41, 41, "exact", False)


@pytest.mark.parametrize(
    ("text", "figure", "low", "high", "unit"),
    [
        ("Between 5 and 10 bridges were hit.", "Between 5 and 10", 5, 10, None),
        ("A force of 8,000 to 9,500 troops massed.", "8,000 to 9,500", 8000, 9500, None),
        ("A force of 8,000-9,500 troops massed.", "8,000-9,500", 8000, 9500, None),
        ("Prices rose 15–20% in a month.", "15–20%", 15, 20, "%"),
        ("It lasted two or three days.", "two or three days", 2, 3, "days"),
        ("From 30 to 45 km of front moved.", "From 30 to 45 km", 30, 45, "km"),
        ("Aid of $2 to $3 billion was pledged.", "$2 to $3 billion", 2e9, 3e9, "USD"),
        ("Aid of 2 to 3 billion dollars was pledged.", "2 to 3 billion dollars", 2e9, 3e9, "USD"),
    ],
)
def test_ranges(text, figure, low, high, unit):
    n = one(text)
    assert n.text == figure
    assert (n.low, n.high, n.unit, n.bound) == (low, high, unit, "range")
    assert n.value is None


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("Turnout reached 62% in the east.", "62%", 62, "%"),
        ("Turnout reached 62 percent in the east.", "62 percent", 62, "%"),
        ("Turnout reached 62 per cent in the east.", "62 per cent", 62, "%"),
        ("Support fell by 4 percentage points.", "4 percentage points", 4, "percentage points"),
        ("The pocket covered 412 square kilometers.", "412 square kilometers", 412, "km2"),
        ("The pocket covered 412 sq km.", "412 sq km", 412, "km2"),
        ("The pocket covered 412 km².", "412 km²", 412, "km2"),
        ("The pocket covered 160 square miles.", "160 square miles", 160, "mi2"),
        ("The shells landed 12 km from the plant.", "12 km", 12, "km"),
        ("The shells landed 12km from the plant.", "12km", 12, "km"),
        ("The column stretched 40 miles.", "40 miles", 40, "mi"),
        ("A loan of $1.5 billion was signed.", "$1.5 billion", 1.5e9, "USD"),
        ("A loan of €300m was signed.", "€300m", 3e8, "EUR"),
        ("A loan of £2bn was signed.", "£2bn", 2e9, "GBP"),
        ("A loan of $4 bln was signed.", "$4 bln", 4e9, "USD"),
        ("A fine of 5,000 rubles was set.", "5,000 rubles", 5000, "RUB"),
        ("The harvest was 30,000 tonnes.", "30,000 tonnes", 30000, "t"),
        ("The ceasefire held for 72 hours.", "72 hours", 72, "hours"),
        ("A 19-year-old conscript was detained.", "19-year-old", 19, "years old"),
    ],
)
def test_units(text, figure, value, unit):
    n = one(text)
    assert (n.text, n.value, n.unit) == (figure, value, unit)


@pytest.mark.parametrize(
    ("text", "figure", "bound", "value", "low", "high", "approximate"),
    [
        ("Approximately 200 were wounded.", "Approximately 200", "approximate", 200, None, None, True),
        ("About 70 vehicles were lost.", "About 70", "approximate", 70, None, None, True),
        ("Some 40 civilians sheltered there.", "Some 40", "approximate", 40, None, None, True),
        ("An estimated 3,000 fled.", "An estimated 3,000", "approximate", 3000, None, None, True),
        ("Nearly 300 were captured.", "Nearly 300", "approximate", 300, None, 300, True),
        ("More than 50 drones flew in.", "More than 50", "lower", 50, 50, None, False),
        ("At least 5 people died.", "At least 5", "lower", 5, 5, None, False),
        ("Over 40% of the town is gone.", "Over 40%", "lower", 40, 40, None, False),
        ("500 or more troops crossed.", "500 or more", "lower", 500, 500, None, False),
        ("Up to 12,000 may be deployed.", "Up to 12,000", "upper", 12000, None, 12000, False),
        ("Under 10 remain.", "Under 10", "upper", 10, None, 10, False),
        ("Fewer than 20 returned.", "Fewer than 20", "upper", 20, None, 20, False),
        # a total said to have passed a mark is at least that mark, not that figure
        ("The toll had surpassed 9,000 by Friday.", "surpassed 9,000", "lower", 9000, 9000, None, False),
        ("Arrivals exceeded 600 a day.", "exceeded 600", "lower", 600, 600, None, False),
        ("Losses topped 70 tanks.", "topped 70", "lower", 70, 70, None, False),
    ],
)
def test_qualifiers(text, figure, bound, value, low, high, approximate):
    n = one(text)
    assert (n.text, n.bound, n.value, n.low, n.high, n.approximate) == (
        figure, bound, value, low, high, approximate)


def test_qualified_range_is_approximate():
    n = one("Roughly 10,000 to 12,000 soldiers were sent.")
    assert (n.bound, n.low, n.high, n.approximate) == ("range", 10000, 12000, True)
    assert n.text == "Roughly 10,000 to 12,000"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Dozens of buildings burned.", 24, 144),
        ("Hundreds were evacuated.", 200, 999),
        ("Thousands marched.", 2000, 9999),
        ("Tens of thousands marched.", 20_000, 99_000),
        ("Several hundred marched.", 300, 900),
        ("Scores of shops closed.", 40, 200),
    ],
)
def test_vague_quantities(text, low, high):
    n = one(text)
    assert (n.bound, n.value, n.low, n.high, n.approximate) == ("vague", None, low, high, True)


@pytest.mark.parametrize(
    "text",
    [
        "The talks resumed in 2024.",
        "The offensive began in August 2024.",
        "It was signed on 12 August.",
        "It was signed on Aug. 12, 2024.",
        "It was signed on 2024-08-12.",
        "It was signed on 12/08/2024.",
        "Sirens sounded at 04:30.",
        "Sirens sounded at 6 p.m. local time.",
        "Sirens sounded at 0800 GMT.",
        "It was the first time.",
        "It was the 21st attempt.",
        "The 47th brigade moved.",
        "Veterans of World War II attended.",
        "Veterans of World War 2 attended.",
        "Pilots trained on F-16 jets.",
        "The G7 met.",
        "Su-34 bombers struck.",
        "COVID-19 spread.",
        "Members invoked Article 5.",
        "Prices peaked in the 1990s.",
        "The 2014-2015 winter was hard.",
        "No one answered.",
        "One of them spoke.",
        "They blamed one another.",
        "It was one that nobody expected.",
        "The footage ended showing one with a splinted arm.",
        "Of the detained men, one was later released.",
        "The guards led one into the yard.",
        "One in every household lost water.",
        "He spoke to one who had fled, and to one carrying a child.",
        "The team scores often.",
        "The 100m sprint was cancelled.",
        "Two-thirds of the town was cut off.",
        "One half of the bridge stands.",
        "The line was open 24/7.",
        "A 5-4 ruling settled it.",
        "The match ended 2-2.",
        "Talks were held on March 3 and 4.",
        "Talks were held on 3 and 4 March.",
        "Talks were held on March 3, 4 and 5.",
        "Talks were held from May 3 to 5.",
        "A 14-month siege ended.",
        "A three-day truce began.",
        "They held a 48-hour ceasefire.",
        "A nine-storey block was hit.",
        "The 16-floor tower burned.",
        "They tabled a 12-page plan."
    ],
)
def test_not_figures(text):
    assert find_numbers(text) == []


def test_year_is_a_count_when_it_counts_something():
    n = one("About 2000 troops crossed.")
    assert n.value == 2000


def test_spans_are_absolute_and_respect_bounds():
    text = "First 12 tanks, then 30 km further, then 7 more."
    found = find_numbers(text, start=15, end=35)
    assert [n.text for n in found] == ["30 km"]
    s, e = found[0].span
    assert text[s:e] == "30 km"
    # a window that cuts a figure does not read past its end
    cut = find_numbers("Losses of $1.5 billion", 0, 15)
    assert [n.text for n in cut] == ["$1.5"]


def test_every_span_gives_its_text_back():
    text = ("Officials said more than 1,500 people left, about 40% of the town; "
            "between 3 and 4 trains a day ran 120 km, up to two hundred cars.")
    found = find_numbers(text)
    assert len(found) == 5
    for n in found:
        assert text[n.span[0]:n.span[1]] == n.text


def test_other_scripts_and_odd_case_do_not_break_offsets():
    # "İ" lower-cases to two characters; offsets must still index the original text
    text = "İİİ Korps: 200 людей, 한국 300 명, THOUSANDS left."
    found = find_numbers(text)
    assert [n.text for n in found] == ["200", "300", "THOUSANDS"]
    for n in found:
        assert text[n.span[0]:n.span[1]] == n.text


def test_long_runs_of_digits_and_words_stay_linear():
    # pathological inputs finish (no catastrophic backtracking); correctness is what is asserted
    digits = "1" * 200_000
    assert find_numbers(digits) == []  # too long to be a quantity: an identifier
    words = " ".join(["two"] * 20_000)
    assert len(find_numbers(words)) == 20_000
    commas = ",".join(["123"] * 50_000)
    assert find_numbers(commas) == []


def test_a_date_list_leaves_the_count_beside_it():
    # "12" is a count; the days of the month beside it are not
    assert [n.text for n in find_numbers("Strikes on June 8 and 9 killed 12 people.")] == ["12"]


def test_a_duration_said_plainly_is_still_a_figure():
    n = one("The siege lasted 14 months.")
    assert (n.value, n.unit) == (14, "months")
