"""The example links in the README open their page at exactly that setting."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from convviz.site import PAGES
from tests.app.conftest import open_app

README = Path(__file__).resolve().parents[2] / "README.md"
LINKS = re.findall(r"http://<server>:8501/(\S+)", README.read_text(encoding="utf-8"))
FILES = {page.url_path: page.file for page in PAGES}


def test_the_readme_has_example_links():
    assert len(LINKS) >= 3


def _shown(at, key: str) -> str:
    """What widget ``key`` shows, as a link writes it (a radio's option code, ``45`` for 45.0,
    ``true`` for a switch that is on)."""
    if key in [r.key for r in at.radio]:
        return str(at.radio(key=key).value)
    if key in [t.key for t in at.toggle]:  # a switch: ?predict_first=true
        return str(at.toggle(key=key).value).lower()
    if key in [s.key for s in at.select_slider]:  # a page picker labelled by what it shows
        return str(at.select_slider(key=key).value)
    value = at.slider(key=key).value
    return str(int(value)) if float(value).is_integer() else str(value)


@pytest.mark.parametrize("link", LINKS)
def test_readme_link_opens_its_setting(link):
    parts = urlsplit(link)
    query = dict(parse_qsl(parts.query))
    at = open_app(query.pop("lang", None), FILES[parts.path], **query)
    assert not at.exception
    assert not at.error
    for key, value in query.items():
        if key == "layers":
            table = at.data_editor[0].value.to_numpy().tolist()
            assert ",".join("-".join(str(int(v)) for v in row) for row in table) == value
        elif key != "view":
            assert _shown(at, key) == value, key
