"""``verify extract``: the JSON contract, many files in a stable order, and bad files reported one
line each without stopping the run or printing a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from process_support import CLI_CODE, ctrl_c, left_running, start_with_workers
from verify.models import ATTRIBUTION_KINDS, SOURCE_KINDS

HARBOUR = (
    "Grain ships leave the eastern port\n"
    "\n"
    "The harbour master said on Tuesday that three grain ships had left the port overnight. "
    "According to the shipping ministry, about 40 more vessels were waiting to load.\n"
    "\n"
    "\"We have cleared the channel of mines,\" the navy's spokesman told reporters, adding that "
    "between 5 and 7 minesweepers were still at work.\n"
    "\n"
    "Prices for wheat fell by 4% in the week.\n"
)

FIELDS = (
    "Farmers return to the southern fields\n"
    "\n"
    "A farmers' union said more than 1,200 families had gone back to their land this spring. "
    "The regional governor said the clearance of the fields would take at least two years.\n"
)

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Power restored in the river district | Delta Post</title>
<meta property="og:site_name" content="Delta Post">
<meta property="og:title" content="Power restored in the river district">
</head><body><nav>Home | Energy</nav><article>
<h1>Power restored in the river district</h1>
<p>The grid operator said on Sunday that electricity had been restored to some 18,000 homes in the river
district after three days without power.</p>
<p>Repairs to the substation would take up to two weeks, according to the city's energy department, which
asked residents to limit their use in the evenings.</p>
</article><footer>All rights reserved.</footer></body></html>
"""


def run_process(*args, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    """``verify ARGS`` as a separate process, as a user runs it."""
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-c", CLI_CODE, *map(str, args)], capture_output=True, text=True,
                          env=full_env, cwd=cwd, timeout=600)


def check_contract(obj: dict, text: str) -> None:
    """An extraction object as ``../shared/README.md`` describes it, every span indexing ``text``."""
    assert {"path", "article", "claims"} <= set(obj)
    assert {"title", "outlet", "sha256"} <= set(obj["article"])
    for c in obj["claims"]:
        assert {"text", "span", "attribution", "cue", "sources", "relayed_by", "numbers"} <= set(c)
        s, e = c["span"]
        assert isinstance(c["span"], list) and 0 <= s < e <= len(text)
        if c.get("fragments"):
            pieces = [text[fs:fe] for fs, fe in c["fragments"]]
            assert all(s <= fs < fe <= e for fs, fe in c["fragments"])
            assert all(p in c["text"] for p in pieces)
        else:
            assert text[s:e] == c["text"]
        assert c["attribution"] in ATTRIBUTION_KINDS
        if c["attribution"] == "unattributed":
            assert c["sources"] == []
        if c["cue"] is not None:
            assert set(c["cue"]) == {"text", "span"}
            assert text[c["cue"]["span"][0]:c["cue"]["span"][1]] == c["cue"]["text"]
        for src in c["sources"] + c["relayed_by"]:
            assert {"mention", "span", "canonical", "kind"} <= set(src)
            assert src["canonical"].strip()
            assert src["kind"] in SOURCE_KINDS
            if src["span"] is not None:
                assert text[src["span"][0]:src["span"][1]] == src["mention"]
        for n in c["numbers"]:
            assert text[n["span"][0]:n["span"][1]] == n["text"]


@pytest.fixture
def articles(tmp_path) -> Path:
    """A small day of copy: text, Markdown and HTML, one in a sub-directory, plus a non-article."""
    d = tmp_path / "wires"
    (d / "sub").mkdir(parents=True)
    (d / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (d / "fields.md").write_text("# " + FIELDS, encoding="utf-8")
    (d / "power.html").write_text(HTML, encoding="utf-8")
    (d / "sub" / "again.txt").write_text(FIELDS.replace("spring", "summer"), encoding="utf-8")
    (d / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (d / ".hidden.txt").write_text(HARBOUR, encoding="utf-8")
    return d


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# -- output ----------------------------------------------------------------------------------------


def test_one_file_gives_one_object_following_the_contract(cli, tmp_path):
    p = tmp_path / "harbour.txt"
    p.write_text(HARBOUR, encoding="utf-8")
    r = cli("extract", p, "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    obj = json.loads(r.stdout)
    assert obj["path"] == str(p)
    assert obj["article"]["title"] == "Grain ships leave the eastern port"
    assert obj["article"]["text"] is None
    check_contract(obj, HARBOUR)
    assert obj["claims"], "a wire with four reported statements has claims"
    attributed = [c for c in obj["claims"] if c["sources"]]
    assert attributed
    # figures in the claims come out structured
    figures = {n["text"] for c in obj["claims"] for n in c["numbers"]}
    assert figures & {"three", "about 40", "between 5 and 7", "4%"}


def test_several_files_json_list_and_jsonl_lines(cli, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(HARBOUR, encoding="utf-8")
    b.write_text(FIELDS, encoding="utf-8")
    r = cli("extract", a, b, "--format", "json")
    assert r.exit_code == 0, r.stderr
    objs = json.loads(r.stdout)
    assert [o["path"] for o in objs] == [str(a), str(b)]
    r = cli("extract", a, b, "--format", "jsonl")
    lines = r.stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [str(a), str(b)]
    check_contract(json.loads(lines[1]), FIELDS)


def test_directory_is_expanded_in_sorted_order_and_jobs_do_not_change_output(cli, articles):
    one = cli("extract", articles, "--format", "jsonl", "--jobs", "1")
    two = cli("extract", articles, "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout
    paths = [Path(json.loads(line)["path"]) for line in one.stdout.splitlines()]
    assert [p.relative_to(articles).as_posix() for p in paths] == [
        "fields.md", "harbour.txt", "power.html", "sub/again.txt"]


def test_html_output_carries_the_text_its_spans_index(cli, articles):
    r = cli("extract", articles / "power.html", "--format", "json")
    assert r.exit_code == 0, r.stderr
    obj = json.loads(r.stdout)
    art = obj["article"]
    assert art["format"] == "html" and art["outlet"] == "Delta Post"
    assert "18,000 homes" in art["text"] and "All rights reserved" not in art["text"]
    check_contract(obj, art["text"])


def test_registry_file_adds_sources(cli, tmp_path):
    reg = tmp_path / "extra.toml"
    reg.write_text('[[source]]\ncanonical = "Eastport Harbour Authority"\nkind = "organisation"\n'
                   'aliases = ["harbour master", "the harbour master"]\n', encoding="utf-8")
    p = tmp_path / "harbour.txt"
    p.write_text(HARBOUR, encoding="utf-8")
    r = cli("extract", p, "--registry", reg)
    assert r.exit_code == 0, r.stderr
    canon = {s["canonical"] for c in json.loads(r.stdout)["claims"] for s in c["sources"]}
    assert "Eastport Harbour Authority" in canon


def test_bad_registry_file_is_one_line(cli, tmp_path):
    reg = tmp_path / "broken.toml"
    reg.write_text("[[source]\ncanonical = ", encoding="utf-8")
    p = tmp_path / "harbour.txt"
    p.write_text(HARBOUR, encoding="utf-8")
    r = cli("extract", p, "--registry", reg)
    assert r.exit_code != 0
    assert len(stderr_lines(r)) == 1 and "broken.toml" in r.stderr
    assert r.stdout == ""


def test_table_shows_claims_and_prints_stored_text_literally(cli, tmp_path):
    p = tmp_path / "markup.txt"
    p.write_text("[bold red]Alarm[/bold red] over the dam\n\n"
                 "The water board said the dam was safe. Crowds chanted [blink]slogans[/blink] at the gate.\n",
                 encoding="utf-8")
    r = cli("extract", p, "--format", "table")
    assert r.exit_code == 0, r.stderr
    assert "[bold red]Alarm[/bold red]" in r.stdout
    assert "[blink]slogans[/blink]" in r.stdout
    assert "\x1b[" not in r.stdout  # not a terminal: no colour codes


HOSTILE = "\x1b[31mRed\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07\x1b[2J\x9b2J"


def test_table_passes_no_control_characters_to_the_terminal(cli, tmp_path):
    """Title, claim text, source names and figures may come from anyone: escape sequences (colour,
    OSC-8 links, clear-screen, BEL, C1) are shown as U+FFFD, as the other terminal views show them."""
    p = tmp_path / "hostile.txt"
    p.write_text(f"Storm warning {HOSTILE}\n\nThe coastguard said 12 boats had returned {HOSTILE}.\n\n"
                 + FIELDS.split("\n\n", 1)[1] * 3, encoding="utf-8")
    r = cli("extract", p, "--format", "table")
    assert r.exit_code == 0, r.stderr
    assert "Storm warning" in r.stdout and "\ufffd" in r.stdout.split("\n", 2)[0] + r.stdout.split("\n", 2)[1]
    for ch in ("\x1b", "\x07", "\x9b"):
        assert ch not in r.stdout


def test_table_source_names_are_made_safe():
    """A registry file travels between newsrooms: its names reach the table as text, controls as U+FFFD."""
    from rich.console import Console

    from verify.cli.extract import _table
    from verify.models import Article, Claim, Cue, Extraction, SourceMention

    evil = SourceMention(mention=f"Iva{HOSTILE}nov", span=None, canonical=f"Gen. {HOSTILE} Ivanov", kind="person")
    claim = Claim(text="the bridge was down", span=(12, 31), attribution="indirect", cue=Cue(text="said", span=(7, 11)),
                  sources=[evil], relayed_by=[evil])
    ex = Extraction(path="x.txt", article=Article(title=f"T{HOSTILE}", sha256="0" * 64), claims=[claim])
    console = Console(record=True, width=200, force_terminal=True, color_system=None)
    console.print(_table(ex))
    shown = console.export_text()
    assert "Gen." in shown and "Ivanov" in shown and "\ufffd" in shown
    for ch in ("\x1b", "\x07", "\x9b"):
        assert ch not in shown


# -- bad input -------------------------------------------------------------------------------------


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    cases = {}
    cases["missing"] = (tmp_path / "absent.txt", "no such file")
    empty_dir = tmp_path / "empty-dir"
    empty_dir.mkdir()
    cases["directory"] = (empty_dir, "directory")
    (tmp_path / "empty.txt").write_bytes(b"")
    cases["empty"] = (tmp_path / "empty.txt", "empty")
    (tmp_path / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    cases["whitespace"] = (tmp_path / "blank.txt", "empty")
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 50)
    cases["binary"] = (tmp_path / "photo.txt", "binary")
    (tmp_path / "latin.txt").write_bytes(bytes(range(0x80, 0x100)) * 10)
    cases["not-utf8"] = (tmp_path / "latin.txt", "UTF-8")
    return cases


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "whitespace", "binary", "not-utf8"])
def test_a_single_bad_file_is_one_line_and_a_failure(cli, tmp_path, case):
    path, reason = _bad_files(tmp_path)[case]
    r = cli("extract", path, "--format", "jsonl")
    assert r.exit_code != 0
    lines = stderr_lines(r)
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("verify: error: ") and str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


def test_too_large_file_is_one_line(cli, tmp_path, monkeypatch):
    p = tmp_path / "long.txt"
    p.write_text(HARBOUR * 20, encoding="utf-8")
    monkeypatch.setenv("VERIFY_MAX_BYTES", "2000")
    r = cli("extract", p)
    assert r.exit_code != 0
    lines = stderr_lines(r)
    assert len(lines) == 1 and "too large" in lines[0] and str(p) in lines[0]


def test_unreadable_file_is_one_line(cli, tmp_path, monkeypatch):
    import verify.articles as articles

    p = tmp_path / "locked.txt"
    p.write_text(HARBOUR, encoding="utf-8")

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(articles, "open", refuse, raising=False)
    r = cli("extract", p, "--jobs", "1")
    assert r.exit_code != 0
    lines = stderr_lines(r)
    assert len(lines) == 1 and "permission denied" in lines[0] and str(p) in lines[0]


def test_unreadable_file_among_others_is_the_house_line(cli, tmp_path, monkeypatch):
    """What the system says of a file the user may not read (os.access and open both refuse): one
    line from the reader, not a usage box, and the readable file still goes through."""
    import verify.articles as articles

    locked, good = tmp_path / "locked.txt", tmp_path / "good.txt"
    locked.write_text(HARBOUR, encoding="utf-8")
    good.write_text(FIELDS, encoding="utf-8")
    real_access, real_open = os.access, open

    def access(path, mode, *args, **kwargs):
        return False if Path(path) == locked else real_access(path, mode, *args, **kwargs)

    def guarded_open(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(articles, "open", guarded_open, raising=False)
    r = cli("extract", locked, good, "--format", "jsonl", "--jobs", "1")
    assert r.exit_code != 0
    assert stderr_lines(r) == [f"verify: error: {locked}: permission denied"]
    assert [json.loads(line)["path"] for line in r.stdout.splitlines()] == [str(good)]


def test_bad_files_among_good_ones_do_not_stop_the_run(cli, tmp_path, articles):
    bad = _bad_files(tmp_path / "bad")
    args = [articles / "harbour.txt", *(p for p, _ in bad.values()), articles / "fields.md"]
    r = cli("extract", *args, "--format", "jsonl", "--jobs", "2")
    assert r.exit_code != 0
    assert [json.loads(line)["path"] for line in r.stdout.splitlines()] == [
        str(articles / "harbour.txt"), str(articles / "fields.md")]
    lines = stderr_lines(r)
    assert len(lines) == len(bad)
    # in input order, one line per file
    assert [line.split(": ")[2] for line in lines] == [str(p) for p, _ in bad.values()]
    assert "Traceback" not in r.stderr


def test_a_real_process_shows_no_traceback(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"GIF89a\x00\x00\x01\x00" * 30)
    r = run_process("extract", tmp_path / "photo.txt")
    assert r.returncode != 0
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("verify: error: ")
    assert "Traceback" not in r.stderr
    r = run_process("extract", tmp_path / "nothing-here.txt", "--format", "table")
    assert r.returncode != 0 and r.stderr.count("\n") == 1


def test_legacy_encoding_is_read_with_a_note(cli, tmp_path):
    text = ("The mayor’s office said the café on the quay would reopen — after 12 days of repairs, "
            "a spokeswoman noted on Tuesday.\n")
    p = tmp_path / "old.txt"
    p.write_bytes(text.encode("cp1252"))
    r = cli("extract", p)
    assert r.exit_code == 0
    assert r.stderr.startswith("verify: note: ") and "cp1252" in r.stderr
    obj = json.loads(r.stdout)
    assert obj["article"]["text"] == text
    check_contract(obj, text)


# -- hard text -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # no sentences at all
        "———\n\n* * *\n\n12 34 56\n",
        "\n\n\n                x",
        # quotation marks that never close, across paragraphs
        "\"The column will not stop,\" the mayor said. \"We have heard it all night\n\n"
        "and nobody came, he told the council.\n\n“Then it began again, said a neighbour.\n",
        "He said: “ “ ” ” \" ' ‘ ’ « » and left.\n",
        # other scripts
        "Мэр города заявил, что колонна прошла ночью. «Мы слышали её всю ночь», — сказал он.\n",
        "시장은 밤새 행렬이 지나갔다고 말했다. “우리는 밤새 그것을 들었다”고 그는 말했다.\n",
        # mixed, with a leading byte-order mark
        "\ufeffThe mayor said 200 people left. Мэр сказал, что ушли 200 человек. 시장은 200명이 떠났다고 말했다.\n",
    ],
)
def test_hard_text_goes_through(cli, tmp_path, text):
    p = tmp_path / "hard.txt"
    p.write_text(text, encoding="utf-8")
    r = cli("extract", p, "--format", "json")
    assert r.exit_code == 0, r.stderr
    check_contract(json.loads(r.stdout), p.read_bytes().decode("utf-8"))


def test_five_megabyte_article_and_a_ten_megabyte_one_refused_in_one_line(tmp_path):
    paras = [HARBOUR.split("\n\n", 1)[1], FIELDS.split("\n\n", 1)[1]]
    body = "Day of wires\n\n"
    chunk = "\n".join(paras) + "\n"
    body += chunk * (5 * 1024 * 1024 // len(chunk.encode()) - 1)
    ten = tmp_path / "ten.txt"
    ten.write_text(body * 2, encoding="utf-8")
    r = run_process("extract", ten, "--format", "jsonl")
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr == f"verify: error: {ten}: too large (10.0 MB; the limit is 5.0 MB, set VERIFY_MAX_BYTES to raise it)\n"
    p = tmp_path / "five.txt"
    p.write_text(body, encoding="utf-8")
    assert p.stat().st_size >= 5 * 1024 * 1024 - 2 * len(chunk.encode())
    r = run_process("extract", p, "--format", "jsonl")
    assert r.returncode == 0, r.stderr[-2000:]
    obj = json.loads(r.stdout)
    assert len(obj["claims"]) > 1000
    # spot-check spans at the start, middle and end of the text
    for c in obj["claims"][:50] + obj["claims"][len(obj["claims"]) // 2:][:50] + obj["claims"][-50:]:
        if not c.get("fragments"):
            assert body[c["span"][0]:c["span"][1]] == c["text"]


# -- terminal --------------------------------------------------------------------------------------


def _in_terminal(pexpect, command: str) -> tuple[int, str]:
    """``command`` run by a shell whose terminal is a pseudo-terminal, as typed by a person; what
    reached the screen."""
    import shlex

    code = f"{shlex.quote(sys.executable)} -c {shlex.quote(CLI_CODE)}"
    child = pexpect.spawn("/bin/sh", ["-c", command.replace("VERIFY", code)],
                          env={**os.environ, "COLUMNS": "120", "TERM": "xterm"}, encoding="utf-8", timeout=120)
    screen = child.read()
    child.close()
    return child.exitstatus, screen


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_output_redirected_from_a_terminal_reaches_the_file(tmp_path, articles, fmt):
    pexpect = pytest.importorskip("pexpect")
    out = tmp_path / f"out.{fmt}"
    # the progress bar is drawn on the terminal (stderr); every result goes to the file
    status, screen = _in_terminal(pexpect, f"VERIFY extract {articles} --format {fmt} > {out}")
    assert status == 0, screen[-2000:]
    assert "extracting" in screen
    assert '"path"' not in screen
    text = out.read_text(encoding="utf-8")
    objs = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    assert [Path(o["path"]).name for o in objs] == ["fields.md", "harbour.txt", "power.html", "again.txt"]
    # the same as without a terminal
    r = run_process("extract", articles, "--format", fmt)
    assert r.returncode == 0 and r.stderr == "" and r.stdout == text


def test_no_progress_bar_for_one_file_or_output_on_the_terminal(tmp_path, articles):
    pexpect = pytest.importorskip("pexpect")
    status, screen = _in_terminal(pexpect, f"VERIFY extract {articles / 'harbour.txt'} > {tmp_path / 'one.json'}")
    assert status == 0 and "extracting" not in screen
    # results on the screen show the progress themselves, and a bar would tear them
    status, screen = _in_terminal(pexpect, f"VERIFY extract {articles} --format jsonl")
    assert status == 0 and "extracting" not in screen
    assert screen.count('"path"') == 4


# -- the reference article -------------------------------------------------------------------------


def test_reference_article_follows_the_contract(cli, shared_dir):
    path = shared_dir / "corpus" / "kursk-north-korean-soldiers.txt"
    r = cli("extract", path, "--format", "json")
    assert r.exit_code == 0, r.stderr
    obj = json.loads(r.stdout)
    check_contract(obj, path.read_bytes().decode("utf-8"))
    assert any(c["attribution"] == "unattributed" for c in obj["claims"])
    assert any(s["canonical"] for c in obj["claims"] for s in c["sources"])


# -- the library under the command -----------------------------------------------------------------


def test_extract_paths_yields_results_and_errors_in_input_order(articles, tmp_path):
    from verify.errors import InputError
    from verify.pipeline import extract_files
    from verify.models import Extraction

    old = tmp_path / "old.txt"
    old.write_bytes("The port authority’s café said — on Tuesday — that ferries were late again.\n".encode("cp1252"))
    missing = tmp_path / "gone.txt"
    inputs = [articles, missing, old]
    notes: list[str] = []
    one = list(extract_files(inputs, jobs=1, on_note=notes.append))
    two = list(extract_files(inputs, jobs=2))
    assert [type(r) for r in one] == [Extraction] * 4 + [InputError, Extraction]
    assert isinstance(one[4], InputError) and str(missing) in str(one[4])
    assert [r.model_dump() if isinstance(r, Extraction) else str(r) for r in one] == \
        [r.model_dump() if isinstance(r, Extraction) else str(r) for r in two]
    assert len(notes) == 1 and str(old) in notes[0]
    assert list(extract_files([articles / "harbour.txt"])) == [one[1]]


# -- interrupts, dead parents, closed pipes --------------------------------------------------------


def _many_files(tmp_path: Path, n: int = 40, paragraphs: int = 2000) -> Path:
    """A directory of articles big enough that a run takes a while."""
    d = tmp_path / "many"
    d.mkdir()
    body = HARBOUR + "\n".join([HARBOUR.split("\n\n", 1)[1]] * paragraphs)
    for i in range(n):
        (d / f"wire{i:03d}.txt").write_text(body, encoding="utf-8")
    return d


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see the workers")
@pytest.mark.parametrize("settle", [0.0, 0.5], ids=["as-the-workers-start", "mid-run"])
def test_ctrl_c_says_interrupted_once_and_leaves_no_worker(tmp_path, settle):
    many = _many_files(tmp_path)
    proc, workers = start_with_workers(["extract", many, "--format", "jsonl", "--jobs", "2"], settle=settle)
    ctrl_c(proc, workers)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see the workers")
def test_workers_end_when_the_parent_is_killed(tmp_path):
    # long articles: a worker in the middle of one would otherwise go on for many seconds
    d = tmp_path / "long"
    d.mkdir()
    body = HARBOUR + "\n".join([HARBOUR.split("\n\n", 1)[1]] * 14000)  # 4.7 MB: under the 5 MB limit
    for i in range(4):
        (d / f"long{i}.txt").write_text(body, encoding="utf-8")
    proc, workers = start_with_workers(["extract", d, "--format", "jsonl", "--jobs", "2"], settle=2.0)
    proc.kill()
    proc.wait(timeout=60)  # not communicate(): that would wait for the workers to close stderr
    left = left_running(workers, seconds=2)
    proc.stderr.close()
    assert not left, f"workers outlived their parent: {left}"


def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    many = _many_files(tmp_path, n=30, paragraphs=40)
    for fmt in ("jsonl", "json", "table"):
        head = subprocess.run(f"{sys.executable} -c \"{CLI_CODE}\" extract {many} --format {fmt} --jobs 2 | head -1;"
                              " echo \"rc=${PIPESTATUS[0]}\" >&2",
                              shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=300)
        assert head.stdout.strip(), fmt
        assert head.stderr.strip().splitlines() == ["rc=0"], (fmt, head.stderr)


def test_verify_extract_loads_no_database_code(tmp_path):
    # extraction stores nothing: SQLAlchemy and the store would more than double its start-up
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("The mayor said the bridge was shut.\n", encoding="utf-8")
    code = ("import sys\nfrom verify.cli import main\nsys.argv = ['verify', 'extract', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'verify.store'))), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, timeout=60)
    assert "the bridge was shut" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"
