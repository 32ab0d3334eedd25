"""`summit export pdf`: the briefing book printed by headless Chromium, with page numbers in its contents.

Chromium has no CSS `target-counter()`, so the book is printed twice: first with an invisible mark at the start of
each part (absolutely positioned: it moves nothing), whose page `pdftotext` (poppler-utils) gives back; then with
those page numbers in the contents, laid out in the same space the first print kept for them. Without pdftotext
the book is printed once, and the contents are without page numbers (a note on stderr says so).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from summitcli.errors import SummitError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 300  # seconds a print may take


def browser() -> str:
    """The browser to print with: `$SUMMIT_BROWSER`, else the first of BROWSERS on PATH."""
    named = os.environ.get("SUMMIT_BROWSER")
    found = shutil.which(named) if named else next((p for b in BROWSERS if (p := shutil.which(b))), None)
    if not found:
        wanted = f"'{named}' (SUMMIT_BROWSER)" if named else "Chromium (chromium or google-chrome on PATH)"
        raise SummitError(f"export pdf prints with {wanted}, which was not found; install it, or use export html")
    return found


def print_pdf(page: str, workdir: Path, name: str) -> bytes:
    """`page` (an HTML document) printed to PDF by headless Chromium."""
    source, target = workdir / f"{name}.html", workdir / f"{name}.pdf"
    source.write_text(page, encoding="utf-8")
    command = [
        browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={workdir / 'profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={target}",
        source.as_uri(),
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SummitError(f"export pdf: the browser failed: {exc}") from exc
    if not target.is_file() or target.stat().st_size == 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no PDF written"]
        raise SummitError(f"export pdf: the browser printed nothing: {said[0]}")
    return target.read_bytes()


def page_texts(pdf: bytes, workdir: Path) -> list[str] | None:
    """The text of each page (pdftotext), or None where pdftotext is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    path = workdir / "measure.pdf"
    path.write_bytes(pdf)
    done = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=TIMEOUT, check=False)
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace").split("\f")


def pages_of(texts: Sequence[str], anchors: Sequence[str], mark: str) -> dict[str, int]:
    """Part anchor -> the page (from 1) its mark fell on."""
    found: dict[str, int] = {}
    for number, text in enumerate(texts, start=1):
        for anchor in anchors:
            if anchor not in found and mark.format(anchor) in text:
                found[anchor] = number
    return found


def printed_book(render: Callable[[Mapping[str, int] | None, bool], str], anchors: Sequence[str], mark: str) -> bytes:
    """The book as PDF: `render(pages, page_marks)` gives its HTML; printed once to learn each part's page, then
    with the pages in the contents."""
    with tempfile.TemporaryDirectory(prefix="summit-pdf-") as tmp:
        workdir = Path(tmp)
        placeholder = dict.fromkeys(anchors, 888)  # as wide as the numbers to come: the layout stays
        measured = print_pdf(render(placeholder, True), workdir, "measure")
        texts = page_texts(measured, workdir)
        if texts is None:
            print(
                "summit: note: pdftotext (poppler-utils) not found: the contents have no page numbers", file=sys.stderr
            )
            return print_pdf(render(None, False), workdir, "book")
        return print_pdf(render(pages_of(texts, anchors, mark), False), workdir, "book")
