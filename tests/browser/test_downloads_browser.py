"""Every download button a page shows at its default setting, pressed in Chromium: the file
arrives, is named for the setting, and decodes (PNG and GIF through Pillow, LaTeX with
balanced environments, CSV as a table of numbers or symbolic entries)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from PIL import Image

from convviz.site import PAGES
from tests.browser.page_tools import assert_no_exception

pytestmark = pytest.mark.browser

PAGES_WITH_FILES = [p.url_path for p in PAGES if p.url_path not in ("home", "practice")]
# Tabs computed only when open (?view=), with downloads of their own.
TAB_CASES = [
    ("standard", "padding"),
    ("standard", "flip"),
    ("standard", "matrix"),
    ("transposed", "direct"),
    ("transposed", "matrix"),
    ("transposed", "check"),
    ("transposed", "output_padding"),
    ("transposed", "checkerboard"),
    ("dilated", "stacks"),
    ("grouped", "compute"),
    ("grouped", "separable"),
]
BUTTONS = "[data-testid='stDownloadButton'] button"


def _check_png(data: bytes) -> None:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and min(image.size) >= 16


def _check_gif(data: bytes) -> None:
    image = Image.open(io.BytesIO(data))
    assert image.format == "GIF" and image.n_frames >= 2


def _check_tex(data: bytes) -> None:
    text = data.decode("utf-8")
    begins = re.findall(r"\\begin\{(\w+\*?)\}", text)
    ends = re.findall(r"\\end\{(\w+\*?)\}", text)
    assert begins and sorted(begins) == sorted(ends)
    assert text.count("{") == text.count("}")


def _check_csv(data: bytes) -> None:
    rows = [row for row in csv.reader(io.StringIO(data.decode("utf-8"))) if row]
    assert rows and all(cell.strip() for row in rows for cell in row)
    # A table: numbers, or symbolic entries such as w_{0,1} (a symbolic C).
    cells = [cell for row in rows for cell in row]
    assert any(re.fullmatch(r"-?\d+(\.\d+)?(e-?\d+)?|w_\{\d+,\d+\}", c) for c in cells), rows[:3]


CHECKS = {"png": _check_png, "gif": _check_gif, "tex": _check_tex, "csv": _check_csv}


@pytest.mark.parametrize(
    ("url_path", "view"),
    [(path, None) for path in PAGES_WITH_FILES] + TAB_CASES,
    ids=lambda v: v or "",
)
def test_every_download_on_the_page_decodes(open_page, url_path, view):
    page = open_page(url_path, lang="zh", **({"view": view} if view else {}))
    buttons = page.locator(BUTTONS)
    # Buttons inside closed expanders or hidden tabs are not pressable; the visible ones are.
    shown = [buttons.nth(i) for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    count = len(shown)
    assert count >= 1, f"/{url_path} shows no download button"
    seen = set()
    for button in shown:
        button.scroll_into_view_if_needed()
        with page.expect_download(timeout=30_000) as download:
            button.click()
        name = download.value.suggested_filename
        suffix = name.rsplit(".", 1)[-1]
        assert suffix in CHECKS, name
        with open(download.value.path(), "rb") as handle:
            CHECKS[suffix](handle.read())
        seen.add(name)
    assert len(seen) == count, "each button gives its own file"
    assert_no_exception(page)
