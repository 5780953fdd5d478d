"""Every control of every page pushed to its ends, and mixed at random, in both languages.

For each page of ``convviz.site.PAGES`` — and for each tab of a page with tabs (``?view=``,
found from the ``<page>.tab.<code>`` translation keys) — the sweep finds the keyed sliders,
select sliders, number inputs, select boxes, radios, checkboxes, toggles and text areas the
page shows, sets each one alone to its first and its last value (for a text area: empty, and
text that is not numbers), then runs seeded random mixes of all of them (a link with random
numbers, then random choices for the other controls; typed text that is right, short, long or
not numbers). No setting may end in an uncaught exception; a page that refuses a setting
shows an ``st.error`` with text (the engine's explanation), never an empty box. Data editors
are not driven: AppTest cannot edit one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from streamlit import config
from streamlit.proto.Slider_pb2 import Slider as SliderProto
from streamlit.runtime.state.common import TESTING_KEY

from convviz.i18n import catalogue
from convviz.site import PAGES
from tests.app.conftest import open_app

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("en", "zh")
MIXES = 10  # per language: 20 random mixes per page
TAB_MIXES = 3  # per language and further tab (the first tab is the page's default view)
# The language switch has its own tests (test_shell); the sweep runs each language instead.
SKIP_KEYS = frozenset({"lang"})
# Widget kinds and the AppTest accessor of each.
KINDS = (
    "slider",
    "select_slider",
    "number_input",
    "selectbox",
    "radio",
    "checkbox",
    "toggle",
    "text_area",
)
# Typed text a learner might send: nothing, not numbers, too many digits, not finite.
ODD_TEXT = ("", "1, 2; x", "1" * 40, "1e309 -inf nan", "0.5 " * 600)
# Options shown by label: the label itself is what these widgets send (format_func aside).
LABELLED = frozenset({"select_slider", "selectbox", "radio"})
NUMERIC = frozenset({"slider", "number_input"})


@dataclass(frozen=True)
class Control:
    """A keyed widget found on a page at its defaults."""

    kind: str
    key: str


@pytest.fixture(autouse=True)
def full_error_details():
    """Exception texts and tracebacks in AppTest: .streamlit/config.toml shows learners only
    the exception type, which would leave a failing sweep without its message."""
    before = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", "full")
    yield
    config.set_option("client.showErrorDetails", before)


def _require(page_file: str) -> None:
    if not (ROOT / page_file).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{page_file} is listed in convviz.site.PAGES but does not exist")
        pytest.skip(f"{page_file} does not exist yet")


def _controls(at) -> list[Control]:
    found = []
    for kind in KINDS:
        for widget in getattr(at, kind):
            key = widget.key
            if key and key not in SKIP_KEYS and Control(kind, key) not in found:
                found.append(Control(kind, key))
    return found


def _widget(at, control: Control):
    """The control's widget in the last run, or ``None`` if the page no longer shows it."""
    try:
        return getattr(at, control.kind)(key=control.key)
    except KeyError:
        return None


def _set_label(at, widget, label: str) -> None:
    """Choose an option by its label: what the browser sends, whatever the format_func.

    AppTest turns the value into a label with the page's format_func before the run; that
    function expects option codes, so for this widget it is made the identity until the
    script registers its own again during the run.
    """
    at.session_state[TESTING_KEY][widget.id] = str
    widget.set_value(label)


def _slider_range(widget) -> tuple[Any, Any]:
    """A slider's ends, as ints for an integer slider (the proto holds doubles)."""
    if widget.proto.data_type == SliderProto.INT:
        return int(widget.min), int(widget.max)
    return widget.min, widget.max


def _ends(widget, kind: str) -> list[Any]:
    """The first and the last value of a control (as value, or label for labelled kinds)."""
    if kind == "slider":
        low, high = _slider_range(widget)
        if isinstance(widget.value, tuple | list):
            return [(low, low), (high, high)]
        return [low, high]
    if kind in LABELLED:
        return [widget.options[0], widget.options[-1]] if widget.options else []
    if kind == "number_input":
        return [end for end in (widget.min, widget.max) if end is not None]
    if kind == "text_area":
        return [ODD_TEXT[0], ODD_TEXT[1]]
    return [True, False]


def _current(widget, kind: str) -> Any:
    if kind == "select_slider":
        return widget.format_func(widget.value)
    if kind in LABELLED:
        index = widget.index
        return None if index is None else widget.options[index]
    return widget.value


def _random_value(widget, kind: str, rng: np.random.Generator) -> Any:
    if kind == "slider":
        low, high = _slider_range(widget)
        if isinstance(low, int):
            value = int(rng.integers(low, high + 1))
        else:
            value = float(low + (high - low) * rng.random())
        return (value, value) if isinstance(widget.value, tuple | list) else value
    if kind in LABELLED:
        return widget.options[int(rng.integers(len(widget.options)))] if widget.options else None
    if kind == "number_input":
        low = widget.min if widget.min is not None else widget.value - 10 * widget.step
        high = widget.max if widget.max is not None else widget.value + 10 * widget.step
        steps = round((high - low) / widget.step)
        value = low + widget.step * int(rng.integers(steps + 1))
        return int(value) if isinstance(widget.step, int) else float(value)
    if kind == "text_area":
        return _random_text(widget.value, rng)
    return bool(rng.integers(2))


def _random_text(current: str, rng: np.random.Generator) -> str:
    """Typed numbers: as many as the text holds now, one fewer or more, or odd text."""
    count = max(1, len(current.replace(",", " ").replace(";", " ").split()))
    choice = int(rng.integers(4))
    if choice == 3:
        return ODD_TEXT[int(rng.integers(len(ODD_TEXT)))]
    count += (0, -1, 1)[choice]
    numbers = rng.normal(0.0, float(rng.choice([1.0, 1e3, 1e6])), max(count, 0))
    places = int(rng.integers(0, 6))
    return " ".join(f"{v:.{places}f}" for v in numbers)


def _apply(at, control: Control, value: Any) -> bool:
    """Stage ``value`` for ``control``; ``False`` when the page does not show it now."""
    widget = _widget(at, control)
    if widget is None or value is None:
        return False
    if control.kind in LABELLED:
        _set_label(at, widget, value)
    else:
        widget.set_value(value)
        # The browser rewrites a URL-bound value in the address bar as the widget changes;
        # a stale one would contradict the widget state, which no browser sends.
        if control.key in at.query_params:
            at.query_params[control.key] = str(value)
    return True


def _check(at, what: str) -> None:
    """No exception; every error box has text."""
    problems = [f"{e.message}\n{''.join(e.stack_trace[-4:])}" for e in at.exception]
    assert not problems, f"{what}:\n" + "\n".join(problems)
    for box in at.error:
        assert str(box.value).strip(), f"{what}: an st.error without text"


def _views(page_file: str) -> list[str | None]:
    """None (the page as opened) and every further tab code of the page (``?view=``)."""
    prefix = f"{Path(page_file).stem}.tab."
    codes = [key.removeprefix(prefix) for key in catalogue() if key.startswith(prefix)]
    return [None, *codes[1:]]  # the first tab is what the page opens on


def _pages() -> Iterator:
    for info in PAGES:
        for view in _views(info.file):
            for lang in LANGS:
                name = info.url_path + (f"-{view}" if view else "")
                yield pytest.param(info.file, view, lang, id=f"{name}-{lang}")


def _open(lang: str, page_file: str, view: str | None, **query: str):
    return open_app(lang, page_file, **({"view": view} if view else {}), **query)


def _typed_link(controls: list[Control]) -> dict[str, str]:
    """A link that switches every "type your own" choice on, so its text area shows."""
    return {
        c.key: "custom"
        for c in controls
        if c.kind in LABELLED and f"choice.{c.key}.custom" in catalogue()
    }


def _text_areas(lang: str, page_file: str, view: str | None, typed: dict) -> list[Control]:
    """The text areas the page shows once its typed choices are on."""
    if not typed:
        return []
    at = _open(lang, page_file, view, **typed)
    _check(at, f"{page_file} ({lang}) with {typed}")
    return [c for c in _controls(at) if c.kind == "text_area"]


@pytest.mark.parametrize(("page_file", "view", "lang"), list(_pages()))
def test_each_control_at_its_first_and_last_value(page_file, view, lang):
    _require(page_file)
    at = _open(lang, page_file, view)
    if view:
        assert at.query_params.get("view") in (view, [view]), f"{page_file}: no tab {view}"
    _check(at, f"{page_file} at its defaults")
    controls = _controls(at)
    defaults = {c: _current(_widget(at, c), c.kind) for c in controls}

    for control in controls:
        widget = _widget(at, control)
        if widget is None:  # hidden by the previous control's extreme value
            continue
        for end in _ends(widget, control.kind):
            if not _apply(at, control, end):
                break
            at.run()
            _check(at, f"{page_file} ({lang}) with {control.key} = {end!r}")
        # Back to the default; it takes effect with the next control's run.
        _apply(at, control, defaults[control])

    typed = _typed_link(controls)
    for control in _text_areas(lang, page_file, view, typed):
        at = _open(lang, page_file, view, **typed)
        for end in ODD_TEXT:
            if not _apply(at, control, end):
                break
            at.run()
            _check(at, f"{page_file} ({lang}) with {typed}, {control.key} = {end[:40]!r}")


@pytest.mark.parametrize(("page_file", "view", "lang"), list(_pages()))
def test_random_mixes_of_all_controls(page_file, view, lang):
    # Each mix is what a browser can send: a link with random values for the URL-bound
    # numbers (a link typed by hand), then random choices for every other control at once.
    _require(page_file)
    at = _open(lang, page_file, view)
    controls = _controls(at)
    if not controls:
        pytest.skip(f"{page_file} has no keyed controls")
    start = {c: _widget(at, c) for c in controls}
    linked = [c for c in controls if c.kind in NUMERIC and start[c].proto.query_param_key]
    typed = _typed_link(controls)  # every other mix opens with typed values
    controls += [c for c in _text_areas(lang, page_file, view, typed) if c not in controls]
    rng = np.random.default_rng([sum(map(ord, page_file + (view or ""))), LANGS.index(lang)])

    for mix in range(TAB_MIXES if view else MIXES):
        link = {c.key: _random_value(start[c], c.kind, rng) for c in linked}
        link.update(typed if mix % 2 else {})
        at = _open(lang, page_file, view, **{key: str(value) for key, value in link.items()})
        _check(at, f"{page_file} ({lang}) link {link}")
        chosen = {}
        for control in controls:
            widget = _widget(at, control)
            if control in linked or widget is None or control.key in link:
                continue
            value = _random_value(widget, control.kind, rng)
            if _apply(at, control, value):
                chosen[control.key] = value
        at.run()
        _check(at, f"{page_file} ({lang}) mix {mix}: link {link}, then {chosen}")
