"""Presets and links set widgets through the Session State API; the shared builders must not
draw those widgets with a default as well. Streamlit logs "created with a default value but
also had its value set via the Session State API" (with a stack trace) when they do — once per
process, so each check below re-arms that warning first."""

from __future__ import annotations

import logging

import pytest
from streamlit.elements.lib import policies

from convviz.presets import presets_for
from tests.app.conftest import open_app

DUPLICATE = "had its value set via the Session State API"

# page file, picker key (preset_<page>) and the page's preset tables
PRESET_PAGES = [
    ("pages/standard.py", "standard"),
    ("pages/transposed.py", "transposed"),
    ("pages/dilated.py", "dilated"),
    ("pages/dilated.py", "dilated_stack"),  # on the stacks tab (VIEWS)
    ("pages/grouped.py", "grouped"),
    ("pages/conv3d.py", "conv3d"),
]

VIEWS = {"dilated_stack": {"view": "stacks"}}  # a picker not on the page's first tab

# Links that set a choice whose default is not its first option (image lab's Sobel x, the 3-D
# page's random kernel, the deformable page's shape field) and the input values' menu.
LINKS = [
    ("pages/image-lab.py", {"filter": "box"}),
    ("pages/conv3d.py", {"kernel3d": "box"}),
    ("pages/deformable.py", {"offsets": "zero"}),
    ("pages/standard.py", {"input_values": "ones", "padding_mode": "reflect"}),
]


class Records(logging.Handler):
    """Keeps the messages of the records it is given."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def duplicates(monkeypatch):
    """The duplicate-value warnings logged from now on (the once-per-process latch re-armed
    before every :func:`rearm`)."""
    handler = Records()
    logger = logging.getLogger(policies.__name__)
    logger.addHandler(handler)
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    yield handler
    logger.removeHandler(handler)


def rearm(monkeypatch) -> None:
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)


def warned(handler: Records) -> list[str]:
    return [m for m in handler.messages if DUPLICATE in m]


@pytest.mark.parametrize(("page", "table"), PRESET_PAGES, ids=[t for _, t in PRESET_PAGES])
def test_choosing_a_preset_logs_no_duplicate_value_warning(page, table, duplicates, monkeypatch):
    at = open_app("en", page, **VIEWS.get(table, {}))
    assert not at.exception
    for preset in presets_for(table):
        rearm(monkeypatch)
        at.selectbox(key=f"preset_{table}").set_value(preset.name).run()
        assert not at.exception
        assert warned(duplicates) == [], preset.name
        for name, value in preset.values.items():  # the preset did set its widgets
            if name in at.session_state and name != "layers":
                assert at.session_state[name] == value, (preset.name, name)


@pytest.mark.parametrize(("page", "link"), LINKS, ids=[p for p, _ in LINKS])
def test_a_link_to_a_choice_logs_no_duplicate_value_warning(page, link, duplicates):
    at = open_app("en", page, **link)
    assert not at.exception
    assert warned(duplicates) == []
    for key, value in link.items():
        assert at.session_state[key] == value
