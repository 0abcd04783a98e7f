"""The source registry: aliases, titles, spelling variants and the affiliation hierarchy."""

import pytest

from verify.errors import VerifyError
from verify.models import Source
from verify.registry import Registry, normalise, read_registry_file


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.starter()


@pytest.mark.parametrize(
    "mention, canonical",
    [
        ("Zelenskyy", "Volodymyr Zelenskyy"),
        ("Ukraine’s President Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
        ("Ukrainian President Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
        ("Zelenskiy", "Volodymyr Zelenskyy"),  # a transliteration the registry does not list
        ("Volodymyr Zelenskyy, Ukraine's president", "Volodymyr Zelenskyy"),
        ("the SBU", "Security Service of Ukraine"),
        ("Ukraine’s Security Service (SBU)", "Security Service of Ukraine"),
        ("the White House", "White House"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("regional governor Oleh Kiper", "Oleh Kiper"),
        ("a senior Ukrainian military official", "senior Ukrainian military official"),
    ],
)
def test_mentions_resolve_to_one_canonical_source(reg, mention, canonical):
    assert reg.resolve(mention).canonical == canonical


@pytest.mark.parametrize("mention", ["Central Bank of Russia", "Russian forces", "a spokesman for the Pentagon", "local residents"])
def test_mentions_that_name_someone_else_do_not_resolve(reg, mention):
    assert reg.resolve(mention) is None


def test_one_government_is_one_independent_source(reg):
    assert reg.independence_key("White House") == reg.independence_key("Pentagon") == "Government of the United States"
    assert reg.independence_key("Security Service of Ukraine") == "Government of Ukraine"
    assert reg.independence_key("Volodymyr Zelenskyy") != reg.independence_key("White House")


def test_tags_are_inherited_from_affiliations(reg):
    assert "party-to-conflict" in reg.tags("senior Ukrainian military official")
    assert "party-to-conflict" not in reg.tags("Pentagon")


def test_affiliation_cycles_do_not_loop():
    r = Registry([Source(canonical="A", affiliation="B"), Source(canonical="B", affiliation="A")])
    assert r.affiliation_chain("A") == ["A", "B"]


def test_adding_a_known_source_merges_aliases(reg):
    r = Registry.starter()
    r.add(Source(canonical="Pentagon", aliases=["DoD"]))
    assert r.resolve("DoD").canonical == "Pentagon"
    assert r.resolve("Defense Department").canonical == "Pentagon"
    assert r.get("Pentagon").affiliation == "Government of the United States"


def test_normalise_ignores_case_article_and_curly_apostrophes():
    assert normalise("  The  Kremlin’s ") == normalise("the kremlin's")


def test_a_user_registry_file_extends_the_starter(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[[source]]\ncanonical = "Harbour Watch"\nkind = "organisation"\naliases = ["HW"]\n', encoding="utf-8")
    r = Registry.load(f)
    assert r.resolve("HW").canonical == "Harbour Watch"
    assert r.resolve("Zelenskyy") is not None


@pytest.mark.parametrize(
    "content, message",
    [
        ("[[source]\n", "not a valid TOML registry"),
        ('[[source]]\ncanonical = "X"\nkind = "robot"\n', "source #1: kind"),
    ],
)
def test_a_broken_registry_file_is_one_clear_error(tmp_path, content, message):
    f = tmp_path / "bad.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(VerifyError, match=message):
        read_registry_file(f)


def test_a_registry_file_cannot_take_another_sources_name(tmp_path):
    f = tmp_path / "clash.toml"
    f.write_text('[[source]]\ncanonical = "Desk Source"\nkind = "person"\naliases = ["Zelenskyy"]\n', encoding="utf-8")
    with pytest.raises(VerifyError, match=r"source #1 'Desk Source': the name 'Zelenskyy' already belongs to 'Volodymyr Zelenskyy'"):
        Registry.load(f)


def test_a_registry_file_may_extend_a_known_source(tmp_path):
    f = tmp_path / "more.toml"
    f.write_text('[[source]]\ncanonical = "Security Service of Ukraine"\naliases = ["SSU"]\n', encoding="utf-8")
    r = Registry.load(f)
    assert r.resolve("SSU").canonical == r.resolve("SBU").canonical == "Security Service of Ukraine"
    r.add(Source(canonical="Volodymyr Zelenskyy", aliases=["V. Zelenskyy"]))
    assert r.get("Volodymyr Zelenskyy").kind == "person"


@pytest.mark.parametrize("name", ["Gen. \x1b[2JIvanov", "bell\x07", "   "])
def test_a_registry_file_with_a_control_character_or_empty_name_is_refused(tmp_path, name):
    f = tmp_path / "bad.toml"
    escaped = name.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    f.write_text(f'[[source]]\ncanonical = "Someone"\naliases = ["{escaped}"]\n', encoding="utf-8")
    with pytest.raises(VerifyError, match="source #1: aliases"):
        read_registry_file(f)
