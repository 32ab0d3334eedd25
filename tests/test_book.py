"""The briefing book is a delegation's book (issue 22, point 8): each counterpart's pages carry its brief and then
its own numbered sources; a title page sums up the week; the PDF's contents give the page each part starts on."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, run

JAPAN = ROOT / "tests" / "fixtures" / "japan"


def country_page(book: str, name: str) -> str:
    """A country's part of the Markdown book: its brief and its own sources, up to the next part."""
    return book.split(f"\n## South Korea – {name}\n")[1].split("\n## ")[0]


def test_each_country_has_its_own_sources_numbered_from_one_after_its_brief() -> None:
    book = run("export", "markdown").stdout
    for name, slug in (("Canada", "canada"), ("United States", "united-states")):
        page = country_page(book, name)
        brief, sources = page.split(f"\n### Sources: South Korea – {name}\n")
        cited = {int(n) for n in re.findall(r"\\\[(\d+)\\\]", brief)}
        listed = [int(n) for n in re.findall(r"^(\d+)\. ", sources, flags=re.M)]
        assert listed == list(range(1, len(listed) + 1)), "numbered from 1 on each country's pages"
        assert cited == set(listed), "every marker on the pages points into the pages' own list"
        # The same sources as the brief on its own cites.
        assert len(listed) == len(run("brief", slug, "--sources").stdout.splitlines())


def test_the_title_page_sums_up_the_week_and_says_the_date_the_data_speaks_for() -> None:
    book = run("export", "markdown", "-c", "canada", "-c", "japan").stdout
    head = book.split("## Contents")[0]
    assert "Data as of " in head
    assert re.search(r"Meetings: \d+ bilateral meetings? with South Korea", head)
    assert re.search(r"Open items as of [^:]+: \d+ follow-ups? not done, \d+ outcomes? not yet in force", head)
    dated = run("export", "markdown", "-c", "canada", "--as-of", "2025-11-15").stdout.split("## Contents")[0]
    assert "Open items as of 15 Nov 2025: " in dated
    assert "Counterparts: Canada (Mark Carney); Japan (" in head
    whole = run("export", "markdown", "-c", "canada", "-c", "mexico").stdout.split("## Contents")[0]
    assert "Counterparts: Canada (Mark Carney)\n" in whole.replace("  \n", "\n")  # Mexico: met only at APEC


def test_a_users_book_says_its_own_home_and_dates(tmp_path: Path) -> None:
    book = run("--data", str(JAPAN), "export", "markdown").stdout
    head = book.split("## Contents")[0]
    assert "with Japan" in head and "South Korea (Min Park)" in head
    assert "Korea" not in head.split("Counterparts:")[0].replace("South Korea (", "")
    dates = re.search(r"Data as of (\d+ \w+ \d{4})", head)
    assert dates and dates.group(1).endswith("2026")
    assert "\n### Sources: Japan – South Korea\n" in book


def test_the_html_book_links_each_countrys_markers_to_its_own_list() -> None:
    page = run("export", "html", "-c", "canada").stdout
    canada = page.split('<section id="country-ca"')[1].split('<section id="agreements"')[0]
    assert '<section id="sources-country-ca">' in canada
    targets = set(re.findall(r'href="#(src-[^"]+)"', canada))
    anchors = set(re.findall(r'<li id="(src-[^"]+)"', canada))
    assert targets and targets <= anchors and all(t.startswith("src-country-ca-") for t in targets)


def _tools() -> bool:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    return bool(browser and shutil.which("pdftotext"))


@pytest.mark.skipif(not _tools(), reason="needs Chromium and pdftotext (.ci/run installs chromium, poppler-utils)")
def test_the_pdf_has_a_contents_page_with_the_pages_each_part_starts_on(tmp_path: Path) -> None:
    pdf = tmp_path / "book.pdf"
    result = run("export", "pdf", "-c", "canada", "-c", "united-states", "-c", "north-korea", "-o", str(pdf))
    assert result.exit_code == 0, result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    contents = next(p for p in pages if p.lstrip().startswith("Contents"))
    listed = dict(re.findall(r"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", contents, flags=re.M))
    canada, us = int(listed["South Korea – Canada"]), int(listed["South Korea – United States"])
    assert "Countries without a page" in listed  # North Korea: a line, not a page
    assert canada < us
    assert pages[canada - 1].lstrip().startswith("South Korea – Canada")
    assert pages[us - 1].lstrip().startswith("South Korea – United States")
    # Each page shows its number, and Canada's own sources are on Canada's pages, before the next country's.
    assert pages[canada - 1].rstrip().endswith(str(canada))
    assert any("Sources: South Korea – Canada" in p for p in pages[canada - 1 : us - 1])


def test_export_pdf_refuses_to_write_binary_to_a_terminal() -> None:
    result = run("export", "pdf", env={"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"})
    assert result.exit_code == 2 and "give --output PATH" in result.stderr


def test_export_pdf_without_a_browser_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run("export", "pdf", "-o", str(tmp_path / "book.pdf"), env={"SUMMIT_BROWSER": "no-such-browser"})
    assert result.exit_code == 1
    assert "'no-such-browser' (SUMMIT_BROWSER), which was not found" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "book.pdf").exists()
