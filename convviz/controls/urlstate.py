"""Keep choice widgets in the URL by their option *codes*.

Streamlit's ``bind="query-params"`` stores a radio's or selectbox's *formatted* label in the
URL, which would change with the language (``?padding_mode=零填充``). Choice widgets therefore
sync by hand: the URL holds the code (``?padding_mode=reflect``, ``?lang=zh``), read once when
the widget first appears and written back after every run. Integer controls sync by hand as
well: Streamlit's own binding accepts ``?stride=٣`` and raises on ``?resnet_mid=inf``. The
built-in's place is taken by :func:`seed_int_from_url`: a link's integer is read with
:func:`convviz.typed_numbers.clamp_whole` (ASCII digits, length-capped, clamped to the
control's range) before the widget or any computation sees it, and a value that had to change
is explained beside the control.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from convviz.i18n import translate, translate_error
from convviz.typed_numbers import clamp_real, clamp_whole

_NOTE = "url_number_note_{key}"  # session key: (value shown, why the link's value was not)


def seed_from_url(key: str, options: Sequence[str]) -> None:
    """Before drawing widget ``key``: take its value from the URL if it is a valid option."""
    if key in st.session_state:
        return
    value = st.query_params.get(key)
    if value in options:
        st.session_state[key] = value


def write_to_url(key: str, value: str | None, default: str | None) -> None:
    """After drawing widget ``key``: put its code in the URL, or drop it when it is the default."""
    if value is None or value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def seed_int_from_url(key: str, *, low: int, high: int, default: int) -> None:
    """Before drawing integer widget ``key``: take its value from the URL, read and clamped.

    Runs only while ``key`` has no value in the session (the widget's first appearance).
    A value that is not a whole number, too long, or outside ``[low, high]`` is replaced (by
    ``default``, or the nearest end of the range) and the reason kept for
    :func:`explain_url_int`.
    """
    _seed(key, clamp_whole, low=low, high=high, default=default)


def seed_labelled_int_from_url(key: str, prefix: str, *, low: int, high: int, default: int) -> None:
    """:func:`seed_int_from_url` for a choice among numbers shown as ``<prefix><n>``.

    The link keeps the choice's *label* (``?channel=y3``). Before the widget is drawn the
    prefix is taken off and the number read and clamped like any link integer
    (``?channel=y99`` shows the last channel); after it, :func:`write_to_url` puts the label
    shown back. The widget is not bound with ``bind="query-params"``: Streamlit would drop a
    label that is not an option from the link, so the link would no longer say what is shown.
    """
    text = st.query_params.get(key)
    if key in st.session_state or text is None:
        return
    unlabelled = text[len(prefix) :] if text.startswith(prefix) else text
    _store(key, clamp_whole(unlabelled, name=key, low=low, high=high, default=default))


def seed_real_from_url(key: str, *, low: float, high: float, default: float) -> None:
    """:func:`seed_int_from_url` for a real-valued slider (read by ``clamp_real``)."""
    _seed(key, clamp_real, low=low, high=high, default=default)


def linked_int(key: str, *, low: int, high: int, default: int) -> int:
    """The value integer control ``key`` shows, for a tab that does not draw the control.

    Such a control keeps its value in the link (:func:`write_to_url` after every run that
    draws it), while Streamlit drops the state of a widget not drawn; so the link is read,
    and clamped to ``[low, high]`` as the control would read it (a value left from a larger
    range shows its last value). ``default`` when the link has none or it is not a number.
    """
    text = st.query_params.get(key)
    if text is None:
        return min(max(default, low), high)
    return clamp_whole(text, name=key, low=low, high=high, default=default)[0]


def _seed(key: str, clamp, **bounds) -> None:
    if key in st.session_state or key not in st.query_params:
        return
    _store(key, clamp(st.query_params.get(key), name=key, **bounds))


def _store(key: str, read: tuple) -> None:
    """Keep a link's value, read as ``(value, problem)``, and the reason it was changed."""
    value, problem = read
    st.session_state[key] = value
    if problem is not None:
        st.session_state[_NOTE.format(key=key)] = (value, problem)


def explain_url_int(key: str, lang: str, box, *, current: int | None = None) -> None:
    """Beside widget ``key``: why the link's value was replaced, while the replacement stays.

    ``current`` is the value the note is about now (default: the widget's value); once it
    differs from the value the link was read as, the learner has moved on and the note goes.
    """
    note_key = _NOTE.format(key=key)
    note = st.session_state.get(note_key)
    if note is None:
        return
    value, problem = note
    if (st.session_state.get(key) if current is None else current) != value:
        del st.session_state[note_key]
        return
    reason = translate_error(problem, lang)
    box.info(
        translate("common.url_number", lang, reason=reason, name=key, value=value),
        icon=":material/link:",
    )
