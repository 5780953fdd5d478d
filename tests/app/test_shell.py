"""The shell: router, overview page and the language switch, driven through AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest

from convviz.i18n import translate
from convviz.site import PAGES
from tests.app.conftest import open_app as _app

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overview_lists_every_page_in_the_language(lang):
    at = _app(lang)
    assert not at.exception
    assert at.title[0].value == translate("app.title", lang)
    text = " ".join(m.value for m in at.markdown)
    for page in PAGES:
        if page.url_path != "home":
            assert translate(f"home.teaches.{page.url_path}", lang) in text
    assert at.radio(key="lang").value == lang


def test_language_switch_changes_text_and_survives_page_switch():
    at = _app()
    assert translate("app.tagline", "en") in at.markdown[0].value
    at.radio(key="lang").set_value("zh").run()
    assert translate("app.tagline", "zh") in at.markdown[0].value
    at.switch_page("pages/home.py").run()
    assert translate("app.tagline", "zh") in at.markdown[0].value


def test_unknown_language_falls_back_to_english():
    at = _app("fr")
    assert not at.exception
    assert translate("app.tagline", "en") in at.markdown[0].value


def test_page_table_paths_are_unique_and_files_exist():
    assert len({p.url_path for p in PAGES}) == len(PAGES)
    for page in PAGES:
        assert (ROOT / page.file).is_file(), page.file
