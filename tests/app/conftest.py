"""AppTest helpers: open the real app (``app.py``) in a language, optionally on one page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from streamlit.testing.v1 import AppTest

from convviz.controls.code_block import COMPONENT

APP_PATH = str(Path(__file__).resolve().parents[2] / "app.py")


def open_app(lang: str | None = None, page: str | None = None, **query: str) -> AppTest:
    """Run ``app.py`` with ``?lang=`` and other query parameters, then switch to ``page``.

    Parameters
    ----------
    lang : {"en", "zh"}, optional
    page : str, optional
        Page file relative to the project root, e.g. ``"pages/transposed.py"``.
    **query
        Further query parameters (a shared link), e.g. ``stride="2"``.
    """
    at = AppTest.from_file(APP_PATH, default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def kept_widths(at: AppTest) -> dict[str, int]:
    """The width (px) each keyed chart is held at on a phone, by widget key: the figure's own
    width (the chart's spec has none: Streamlit gets it as the element's width)."""
    rules = {}
    for html in at.get("html"):
        found = re.search(r"\.st-key-(\w+) [^{]*\{ min-width: (\d+)px", html.proto.body)
        if found:
            rules[found[1]] = int(found[2])
    return rules


@dataclass(frozen=True)
class CodeBlock:
    """One code block on the page (:func:`convviz.controls.code_block.code_block`): its text,
    and whether it was sent as Python."""

    value: str
    python: bool


def code_blocks(at: AppTest) -> list[CodeBlock]:
    """Every code block of the run, in page order."""
    blocks = []
    for element in at.get("bidi_component"):
        if element.proto.component_name == COMPONENT:
            sent = json.loads(element.proto.json)
            blocks.append(CodeBlock(sent["text"], sent["python"]))
    return blocks
