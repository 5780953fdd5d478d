"""Hostile text in every link parameter of every page.

Each page is opened once with its defaults to learn the keys of its controls (every keyed
widget is a possible link parameter), then again with every one of those keys — plus ``view``,
``lecture``, ``topic`` and (once) ``lang`` — set to the same hostile text. The page must run without
an exception box, and the text must never reach the page as Markdown or HTML unescaped.
"""

from __future__ import annotations

import re

import pytest

from convviz.site import PAGES
from tests.app.conftest import open_app

HOSTILE = {
    "markup": "<img src=x onerror=alert(1)>**bold**[link](http://x)",
    "long": "7" * 5000,
    "control": "\x00\x1b[31m\u202e\ufeff",
    "negative": "-1",
    "float": "1e309",
}
UNESCAPED = re.compile(r"(?<!\\)<img|(?<!\\)\*\*bold|(?<!\\)\[link\]")
ALWAYS = ("view", "lecture", "topic", "colour_by_value", "predict_first")
WIDGET_KINDS = (
    "slider",
    "select_slider",
    "number_input",
    "selectbox",
    "radio",
    "toggle",
    "checkbox",
    "text_input",
    "text_area",
)


def _link_keys(page_file: str) -> list[str]:
    at = open_app("en", page_file)
    keys = set(ALWAYS)
    for kind in WIDGET_KINDS:
        keys.update(w.key for w in getattr(at, kind) if w.key and w.key.isidentifier())
    return sorted(keys)


def _shown_text(at) -> list[str]:
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "title", "header")
    return [str(element.value) for kind in kinds for element in getattr(at, kind)]


@pytest.mark.parametrize("page", [p.file for p in PAGES], ids=[p.url_path for p in PAGES])
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_in_every_link_parameter(page, name):
    value = HOSTILE[name]
    keys = _link_keys(page)
    query = dict.fromkeys(keys, value)
    if name == "markup":  # the language parameter itself is hostile: English is the fallback
        at = open_app(value, page, **query)
    else:
        at = open_app("zh" if name in ("long", "negative") else "en", page, **query)
    assert not at.exception, [e.value for e in at.exception]
    for text in _shown_text(at):
        assert not UNESCAPED.search(text), text  # quoted values are escaped for Markdown
        assert name != "long" or value[:100] not in text  # long text is quoted cut short
