"""Reading article files: text, Markdown and HTML in, metadata and the text spans index out;
bad files refused with one line that names them."""

from __future__ import annotations

import hashlib
import os
from datetime import date

import pytest

from verify.articles import read_article
from verify.errors import InputError, VerifyError

PLAIN = (
    "Bridge reopens after repairs\n"
    "\n"
    "The regional roads office said on Monday that the river bridge would reopen to lorries.\n"
    "\n"
    "Engineers replaced 14 bearings, according to the contractor.\n"
)

HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Bridge reopens after repairs | Valley Courier</title>
<meta name="author" content="Ines Halvorsen">
<meta property="og:site_name" content="Valley Courier">
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="article:published_time" content="2025-05-06T07:30:00Z">
<link rel="canonical" href="https://courier.example/roads/bridge-reopens">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/roads">Roads</a> | <a href="/weather">Weather</a></nav></header>
<article>
<h1>Bridge reopens after repairs</h1>
<p>The regional roads office said on Monday that the river bridge would reopen to lorries after
eleven weeks of work, and that buses could use it from Wednesday.</p>
<p>Engineers replaced 14 bearings and resurfaced the deck, according to the contractor, which put the
cost at about 2.3 million euros, well above the first estimate.</p>
<p>Residents of the east bank told the council that the detour had added forty minutes to each trip
to the hospital, and asked for the work to be finished before the winter.</p>
</article>
<footer>Subscribe to our newsletter. Copyright Valley Courier.</footer>
</body></html>
"""


def write(tmp_path, name: str, data: str | bytes):
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


# -- plain text and Markdown -------------------------------------------------------------------------


def test_plain_text_is_kept_exactly_with_headline_title(tmp_path):
    p = write(tmp_path, "bridge.txt", PLAIN)
    loaded = read_article(p)
    assert loaded.text == PLAIN
    assert loaded.article.title == "Bridge reopens after repairs"
    assert loaded.article.format == "text"
    assert loaded.article.sha256 == hashlib.sha256(PLAIN.encode()).hexdigest()
    assert loaded.article.text is None  # the file itself is the text
    assert loaded.path == str(p)


def test_windows_line_ends_are_not_normalised(tmp_path):
    p = write(tmp_path, "crlf.txt", PLAIN.replace("\n", "\r\n").encode())
    loaded = read_article(p)
    assert "\r\n" in loaded.text
    assert loaded.text == PLAIN.replace("\n", "\r\n")


@pytest.mark.parametrize(
    "first_line",
    [
        "The roads office said the bridge would reopen on Monday after repairs.",  # a sentence
        "x" * 200,  # too long for a headline
    ],
)
def test_a_first_line_that_is_not_a_headline_is_no_title(tmp_path, first_line):
    p = write(tmp_path, "a.txt", first_line + "\n\nMore text follows here.\n")
    assert read_article(p).article.title is None


def test_a_one_line_article_has_no_title(tmp_path):
    p = write(tmp_path, "a.txt", "Ferries resume on Friday\n")
    assert read_article(p).article.title is None


def test_markdown_title_from_first_heading_and_text_kept(tmp_path):
    md = "Filed late\n\n# Ferry *service* resumes on the [island](https://example.org)\n\nThe operator said it would run daily.\n"
    p = write(tmp_path, "ferry.md", md)
    loaded = read_article(p)
    assert loaded.article.format == "markdown"
    assert loaded.article.title == "Ferry service resumes on the island"
    assert loaded.text == md


def test_markdown_suffix_variant(tmp_path):
    p = write(tmp_path, "ferry.markdown", "# Ferry news\n\nBoats run again.\n")
    loaded = read_article(p)
    assert (loaded.article.format, loaded.article.title) == ("markdown", "Ferry news")


def test_byte_order_mark_is_kept_so_offsets_match_a_utf8_reading(tmp_path):
    raw = "\ufeff" + PLAIN
    p = write(tmp_path, "bom.txt", raw.encode("utf-8"))
    loaded = read_article(p)
    assert loaded.text == p.read_bytes().decode("utf-8")
    assert loaded.text[0] == "\ufeff"
    assert loaded.article.title == "Bridge reopens after repairs"


def test_other_scripts_read_as_they_are(tmp_path):
    text = ("Мост снова открыт\n\nДорожное управление сообщило, что мост откроется в понедельник.\n\n"
            "도로 관리국은 다리가 월요일에 다시 열린다고 밝혔다.\n")
    p = write(tmp_path, "mixed.txt", text)
    loaded = read_article(p)
    assert loaded.text == text
    assert loaded.article.title == "Мост снова открыт"


# -- HTML ----------------------------------------------------------------------------------------------


def test_html_metadata_and_article_body(tmp_path):
    p = write(tmp_path, "bridge.html", HTML)
    loaded = read_article(p)
    a = loaded.article
    assert a.format == "html"
    assert a.title == "Bridge reopens after repairs"
    assert a.author == "Ines Halvorsen"
    assert a.outlet == "Valley Courier"
    assert a.published == date(2025, 5, 6)
    assert a.url == "https://courier.example/roads/bridge-reopens"
    assert a.sha256 == hashlib.sha256(HTML.encode()).hexdigest()
    # the body, not the navigation or the footer; the text spans index is carried along
    assert "replaced 14 bearings" in loaded.text
    assert "Subscribe" not in loaded.text and "Weather" not in loaded.text
    assert "<p>" not in loaded.text
    assert a.text == loaded.text
    # paragraphs stay apart, as in plain-text copy
    assert "\n\n" in loaded.text


def test_html_is_sniffed_without_a_suffix(tmp_path):
    p = write(tmp_path, "page", HTML)
    assert read_article(p).article.format == "html"


def test_html_with_no_article_text_is_refused(tmp_path):
    p = write(tmp_path, "empty.html", "<html><head><title>Nothing</title><script>var x = 1;</script></head><body><div></div></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_article(p)


SHORT_HTML = """<!DOCTYPE html><html><head><title>Ferry service halted on the lake | Shore Gazette</title>
<meta name="author" content="Tomas Brandt"><meta property="og:site_name" content="Shore Gazette">
<meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>
<body><nav>Home | Region | Sport</nav><article><h1>Ferry service halted on the lake</h1>
<p class="byline">By Tomas Brandt</p>
<p>The harbour authority said the ferries would stay in port until Thursday.</p>
<p>\u201cIce has closed the northern channel,\u201d the captain told passengers.</p>
<p>Operators said 300 commuters were affected.</p></article>
<footer>\u00a9 Shore Gazette. Subscribe today.</footer></body></html>
"""


@pytest.mark.parametrize("one_line", [False, True])
def test_short_html_keeps_its_paragraphs_and_drops_the_byline(tmp_path, one_line):
    """A brief of three paragraphs: headline, byline and first sentence must not run together, or
    the reporter reads as the first speaker."""
    page = SHORT_HTML.replace("\n", "") if one_line else SHORT_HTML
    loaded = read_article(write(tmp_path, "brief.html", page))
    assert loaded.article.author == "Tomas Brandt"
    assert loaded.text.split("\n\n") == [
        "Ferry service halted on the lake",
        "The harbour authority said the ferries would stay in port until Thursday.",
        "\u201cIce has closed the northern channel,\u201d the captain told passengers.",
        "Operators said 300 commuters were affected.",
    ]


def test_short_html_sources_are_not_glued_to_the_byline(tmp_path):
    from verify.extract import extract_claims

    loaded = read_article(write(tmp_path, "brief.html", SHORT_HTML))
    mentions = [s.mention for c in extract_claims(loaded.text) for s in c.sources]
    assert mentions and not any("Brandt" in m or "lake" in m for m in mentions)


def test_a_byline_naming_someone_else_is_kept(tmp_path):
    page = SHORT_HTML.replace("By Tomas Brandt", "By the captain of the Meridian")
    assert "By the captain of the Meridian" in read_article(write(tmp_path, "brief.html", page)).text


def test_deeply_nested_html_is_said_to_be_unparseable(tmp_path):
    depth = 100_000
    page = ("<html><head><title>Deep</title></head><body>" + "<div>" * depth
            + "<p>The mayor said the dam held through the night.</p>" + "</div>" * depth + "</body></html>")
    msg = one_line_error(write(tmp_path, "deep.html", page))
    assert "nested too deeply" in msg and "no article text" not in msg


@pytest.mark.parametrize("text", [
    "Мост снова открыт\n\nДорожное управление сообщило, что мост откроется в понедельник, заявил министр.\n",
    "다리 재개통\n\n도로 관리국은 다리가 월요일에 다시 열린다고 밝혔다. 장관이 말했다.\n",
    "إعادة فتح الجسر\n\nقال الوزير إن الجسر سيفتح يوم الاثنين بعد الإصلاحات.\n",
], ids=["cyrillic", "hangul", "arabic"])
def test_text_not_in_english_gets_one_note(tmp_path, text):
    loaded = read_article(write(tmp_path, "other.txt", text))
    assert loaded.text == text
    assert len(loaded.notes) == 1
    assert str(tmp_path / "other.txt") in loaded.notes[0] and "English only" in loaded.notes[0]


def test_english_with_foreign_names_gets_no_note(tmp_path):
    text = ("Bridge reopens\n\nThe mayor of Zaporizhzhia, Ivan Fedorov, said the bridge (мост) would reopen, "
            "and the café owner agreed.\n")
    assert read_article(write(tmp_path, "en.txt", text)).notes == []
    assert read_article(write(tmp_path, "page.html", SHORT_HTML)).notes == []


# -- bad input -----------------------------------------------------------------------------------------


def one_line_error(path) -> str:
    with pytest.raises(InputError) as info:
        read_article(path)
    msg = str(info.value)
    assert "\n" not in msg
    assert str(path) in msg
    return msg


def test_missing(tmp_path):
    assert "no such file" in one_line_error(tmp_path / "absent.txt")


def test_directory(tmp_path):
    assert "directory" in one_line_error(tmp_path)


def test_empty_and_whitespace_only(tmp_path):
    assert "empty" in one_line_error(write(tmp_path, "e.txt", b""))
    assert "empty" in one_line_error(write(tmp_path, "w.txt", " \n\t\r\n  \n"))
    assert "empty" in one_line_error(write(tmp_path, "b.txt", "\ufeff  \n".encode()))


def test_binary(tmp_path):
    assert "binary" in one_line_error(write(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20))
    assert "binary" in one_line_error(write(tmp_path, "ctl.txt", bytes(range(1, 32)) * 50))


def test_undecodable_bytes_are_refused(tmp_path):
    msg = one_line_error(write(tmp_path, "junk.txt", bytes(range(0x80, 0x100)) * 20))
    assert "UTF-8" in msg
    # too little text to know what encoding it is in
    assert "UTF-8" in one_line_error(write(tmp_path, "short.txt", b"caf\xe9 noir"))


def test_legacy_encoding_is_decoded_with_a_note(tmp_path):
    text = ("The mayor’s office said the café on the quay would reopen — after 12 days of repairs, "
            "a spokeswoman noted on Tuesday.\n")
    p = write(tmp_path, "legacy.txt", text.encode("cp1252"))
    loaded = read_article(p)
    assert loaded.text == text
    assert loaded.encoding == "cp1252"
    assert loaded.notes and "cp1252" in loaded.notes[0] and str(p) in loaded.notes[0]
    # spans index the decoded text, which is not the file read as UTF-8, so it is carried
    assert loaded.article.text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_read_with_a_note(tmp_path, codec):
    text = "Harbour news\n\nThe port said 12 ships were waiting, and the café stayed open.\n"
    loaded = read_article(write(tmp_path, "wide.txt", text.encode(codec)))
    assert loaded.text == text and loaded.article.text == text
    assert len(loaded.notes) == 1 and codec.upper() in loaded.notes[0] and "byte-order mark" in loaded.notes[0]


def test_utf16_without_byte_order_mark_cut_short_is_not_called_binary(tmp_path):
    data = "Harbour news\n\nThe port said ships were waiting.\n".encode("utf-16-le") + b"x"
    msg = one_line_error(write(tmp_path, "cut.txt", data))
    assert "UTF-16 without a byte-order mark" in msg and "UTF-8" in msg and "binary" not in msg


def test_utf16_with_byte_order_mark(tmp_path):
    p = write(tmp_path, "wide.txt", ("Harbour news\n\n" + "The port said ships were waiting.\n").encode("utf-16"))
    loaded = read_article(p)
    assert loaded.text.startswith("Harbour news")
    assert loaded.notes


def test_huge_file_limit_from_environment(tmp_path, monkeypatch):
    p = write(tmp_path, "big.txt", "The office said the road was shut. " * 100)
    monkeypatch.setenv("VERIFY_MAX_BYTES", "1000")
    msg = one_line_error(p)
    assert "too large" in msg and "VERIFY_MAX_BYTES" in msg
    monkeypatch.setenv("VERIFY_MAX_BYTES", "lots")
    with pytest.raises(VerifyError, match="VERIFY_MAX_BYTES"):
        read_article(p)


def test_five_megabytes_is_the_default_limit_and_a_larger_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    para = "The roads office said on Monday that the bridge would reopen to lorries after repairs.\n\n"
    body = para * (5 * 1024 * 1024 // len(para))
    p = write(tmp_path, "five.txt", body)
    assert len(read_article(p).text) == len(body)
    big = write(tmp_path, "ten.txt", body * 2)
    # refused on its size alone: not even opened
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("the file was opened"))
    assert one_line_error(big) == f"{big}: too large (10.0 MB; the limit is 5.0 MB, set VERIFY_MAX_BYTES to raise it)"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    p = write(tmp_path, "locked.txt", PLAIN)
    p.chmod(0)
    try:
        assert "permission denied" in one_line_error(p)
    finally:
        p.chmod(0o644)


def test_unreadable_file_as_the_system_reports_it(tmp_path, monkeypatch):
    # the same path as above, for machines where tests run as root
    import verify.articles as articles

    p = write(tmp_path, "locked.txt", PLAIN)

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(articles, "open", refuse, raising=False)
    assert "permission denied" in one_line_error(p)
