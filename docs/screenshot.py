"""Make docs/report.png: the HTML report of the example article, as headless Chromium shows it.

    python docs/screenshot.py [--chromium /usr/bin/chromium]

Needs pip's playwright and a Chromium binary (Debian's ``chromium``); playwright's own browser
download is never used. The claim first in the text has keyboard focus, so its tip shows.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--output", default=str(ROOT / "docs" / "report.png"))
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    import verify

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        example = Path(tmp) / "odesa-grain-terminal.txt"
        example.write_bytes((ROOT / "examples" / example.name).read_bytes())
        os.chdir(tmp)  # the page shows the article's path as it was given
        with verify.open_store(f"sqlite:///{Path(tmp) / 'example.db'}") as store:
            verify.ingest(store, [example.name], jobs=1)
            with page_file.open("w", encoding="utf-8") as out:
                verify.report(store, "html", out)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 1000})
            page.goto(page_file.as_uri())
            page.locator("#articles-h").scroll_into_view_if_needed()
            page.locator("a.claim").nth(1).focus()
            page.evaluate("() => window.scrollTo(0, document.querySelector('#articles-h').offsetTop - 10)")
            page.screenshot(path=args.output)
            browser.close()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
