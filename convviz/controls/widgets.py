"""Shared widget builders. Each returns plain values; keys are engine parameter names.

Every widget is bound to the URL, so the address bar always holds a link that reproduces the
current state — what a teacher pastes into lecture notes. Integers are read from a link through
one parser and clamped to the control's range before anything is computed from them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import streamlit as st

from convviz.controls.caching import cached
from convviz.controls.predict import predict_on
from convviz.controls.urlstate import (
    explain_url_int,
    seed_from_url,
    seed_int_from_url,
    seed_real_from_url,
    write_to_url,
)
from convviz.figures.common import paging
from convviz.i18n import has_key, translate
from convviz.inputs import MAX_CUSTOM_TEXT, make_values
from convviz.param_specs import INPUT_KINDS, PARAM_SPECS
from convviz.presets import matching_preset, presets_for


def _container(container: Any) -> Any:
    return st.sidebar if container is None else container


def unless_set(key: str, **default: Any) -> dict[str, Any]:
    """The default-value argument of widget ``key`` (e.g. ``value=3``, ``index=2``), or nothing
    when the session already holds its value.

    A link, a preset or a callback writes a widget's value through the Session State API
    before the widget is drawn; a widget drawn with a default as well then has two sources
    of truth, and Streamlit warns ("created with a default value but also had its value set
    via the Session State API"). Every builder here therefore passes its default only on the
    widget's first appearance, when nothing else has set it.
    """
    return {} if key in st.session_state else default


def url_int_widget(
    draw: Any, key: str, lang: str, box: Any, *, low: int, high: int, default: int, **kwargs: Any
) -> int:
    """Draw integer widget ``key`` with ``draw`` (e.g. ``box.slider``), kept in ``?key=``.

    The link's value is read and clamped before the widget exists (an explanation is shown
    when it had to change); the value is written back to the URL after, and dropped from it
    while it equals ``default``.

    Parameters
    ----------
    draw : callable
        A Streamlit widget function taking ``key=`` and ``value=`` (slider, number_input).
    low, high, default : int
        The control's range and default value.
    **kwargs
        Further arguments of ``draw`` (label, range, step, help, ...).
    """
    seed_int_from_url(key, low=low, high=high, default=default)
    explain_url_int(key, lang, box)
    kwargs.update(unless_set(key, value=min(max(default, low), high)))
    value = int(draw(key=key, **kwargs))
    write_to_url(key, str(value), str(default))
    return value


def int_param(
    key: str,
    lang: str,
    *,
    container: Any = None,
    min_value: int | None = None,
    max_value: int | None = None,
    default: int | None = None,
    label: str | None = None,
) -> int:
    """An integer slider for the hyper-parameter ``key`` (see :data:`PARAM_SPECS`).

    Parameters
    ----------
    key : str
        Engine parameter name; also the widget key and the URL query parameter.
    lang : {"en", "zh"}
    container : Streamlit container, optional
        Where to draw it (default: the sidebar).
    min_value, max_value, default : int, optional
        Page-specific overrides of the spec's range and default.
    label : str, optional
        Translated label overriding the spec's.
    """
    spec = PARAM_SPECS[key]
    lo = spec.min_value if min_value is None else min_value
    hi = spec.max_value if max_value is None else max_value
    value = spec.default if default is None else default
    box = _container(container)
    return url_int_widget(
        box.slider,
        key,
        lang,
        box,
        low=lo,
        high=hi,
        default=value,
        label=label or translate(spec.label_key, lang),
        min_value=lo,
        max_value=hi,
        step=1,
        help=translate(spec.help_key, lang),
    )


def param_controls(
    keys: Sequence[str],
    lang: str,
    *,
    container: Any = None,
    overrides: Mapping[str, Mapping[str, int]] | None = None,
) -> dict[str, int]:
    """Sliders for several hyper-parameters, in order; returns ``{key: value}``.

    ``overrides`` maps a key to keyword overrides of :func:`int_param` (``min_value``,
    ``max_value``, ``default``).
    """
    overrides = overrides or {}
    return {
        key: int_param(key, lang, container=container, **overrides.get(key, {})) for key in keys
    }


def count_fields(
    prefix: str,
    defaults: Mapping[str, int],
    lang: str,
    *,
    label_key: str,
    columns: int = 7,
    max_value: int = 4096,
) -> dict[str, int]:
    """Number inputs for counts (channels, frames, …) in one row, bound to the URL.

    Field ``name`` has the key ``<prefix>_<name>`` (also its URL parameter), the label
    ``label_key.format(name=name)`` translated, and takes 1 … ``max_value``.
    """
    values = {}
    row = st.columns(max(columns, len(defaults)))
    for column, (name, default) in zip(row, defaults.items(), strict=False):
        values[name] = url_int_widget(
            column.number_input,
            f"{prefix}_{name}",
            lang,
            column,
            low=1,
            high=max_value,
            default=default,
            label=translate(label_key.format(name=name), lang),
            min_value=1,
            max_value=max_value,
            step=1,
        )
    return values


def choice_control(
    key: str,
    options: Sequence[str],
    lang: str,
    *,
    container: Any = None,
    default: str | None = None,
    horizontal: bool = True,
    text_prefix: str = "",
) -> str:
    """A radio choice among ``options`` labelled ``choice.<key>.<option>``, bound to the URL.

    The label is ``param.<key>`` and the help ``help.<key>`` when those keys exist. The URL
    holds the option code (``?padding_mode=reflect``), whatever the language.
    ``text_prefix`` is put before those three text keys (``"practice."`` reads
    ``practice.param.level``, ``practice.choice.level.<option>``, ``practice.help.level``),
    so a page can own the texts of a short URL key such as ``level``.
    """
    default = default if default in options else options[0]
    seed_from_url(key, options)
    help_key = f"{text_prefix}help.{key}"
    value = _container(container).radio(
        translate(f"{text_prefix}param.{key}", lang),
        options,
        format_func=lambda option: translate(f"{text_prefix}choice.{key}.{option}", lang),
        horizontal=horizontal,
        key=key,
        help=translate(help_key, lang) if has_key(help_key) else None,
        **unless_set(key, index=list(options).index(default)),
    )
    write_to_url(key, value, default)
    return value


def input_values_control(
    shape: tuple[int, ...],
    lang: str,
    *,
    key: str = "input_values",
    container: Any = None,
    default: str = "arange",
) -> np.ndarray:
    """Choose how a grid is filled (counting numbers, random, ones or typed) and return it.

    Parameters
    ----------
    shape : tuple of int
        Shape of the grid, e.g. ``(H, W)``.
    key : str
        Widget key (and URL parameter); the seed uses ``seed`` and typed values ``<key>_text``.

    Returns
    -------
    np.ndarray
        float64 array of ``shape``.

    Raises
    ------
    ConvValueError
        When typed values are not numbers or not as many as the grid needs; the page shows it.
    """
    box = _container(container)
    seed_from_url(key, INPUT_KINDS)
    kind = box.selectbox(
        translate("param.input_values", lang),
        INPUT_KINDS,
        format_func=lambda option: translate(f"choice.input_values.{option}", lang),
        key=key,
        **unless_set(key, index=INPUT_KINDS.index(default)),
    )
    write_to_url(key, kind, default)
    seed = 0
    text = ""
    if kind == "random":
        seed = int_param("seed", lang, container=box)
    elif kind == "custom":
        text = box.text_area(
            translate("param.input_values_text", lang, count=int(np.prod(shape))),
            value=" ".join(["1"] * int(np.prod(shape))),
            key=f"{key}_text",
            help=translate("help.input_values_text", lang),
            max_chars=MAX_CUSTOM_TEXT,
            bind="query-params",
        )
    return cached(make_values)(kind, tuple(shape), seed=seed, text=text)


def _apply_preset(page: str, picker_key: str) -> None:
    """on_change of the preset menu: copy the chosen preset into the widgets, reset the menu."""
    chosen = st.session_state.get(picker_key)
    for preset in presets_for(page):
        if preset.name == chosen:
            for name, value in preset.values.items():
                st.session_state[name] = value
    st.session_state[picker_key] = None


def preset_title(page: str, name: str, lang: str, *, with_result: bool = True) -> str:
    """The title of preset ``name`` of ``page``: its setting (``preset.<page>.<name>``) and,
    when it has one and ``with_result`` is true, what that setting gives
    (``preset.<page>.<name>.result``, e.g. "4×4 output") — the part a learner who predicts
    first must not see."""
    title = translate(f"preset.{page}.{name}", lang)
    result_key = f"preset.{page}.{name}.result"
    if not with_result or not has_key(result_key):
        return title
    return translate("common.preset_result", lang, title=title, result=translate(result_key, lang))


def preset_picker(
    page: str, lang: str, current: Mapping[str, object], *, container: Any = None
) -> None:
    """A "load a preset" menu for ``page`` and a note when the state matches a preset.

    It may be drawn after the widgets it sets (its on_change runs before the script), e.g. into
    a container made above them. Choosing a preset sets its parameters (and
    so the URL); the menu then resets, and the caption names the preset the current
    ``current`` values match, if any. While "predict first" is on, the titles leave out what
    the settings give (:func:`preset_title`): the presets still load, the answers wait.
    """
    presets = presets_for(page)
    if not presets:
        return
    box = _container(container)
    picker_key = f"preset_{page}"
    with_result = not predict_on()
    box.selectbox(
        translate("common.preset", lang),
        [p.name for p in presets],
        index=None,
        placeholder=translate("common.preset_placeholder", lang),
        format_func=lambda name: preset_title(page, name, lang, with_result=with_result),
        key=picker_key,
        on_change=_apply_preset,
        args=(page, picker_key),
    )
    match = matching_preset(page, dict(current))
    if match is not None:
        title = preset_title(page, match.name, lang, with_result=with_result)
        box.caption(translate("common.preset_match", lang, name=title))


def float_param(
    key: str,
    label: str,
    lang: str,
    *,
    min_value: float,
    max_value: float,
    step: float,
    default: float,
    help: str | None = None,
    container: Any = None,
) -> float:
    """A float slider kept in ``?key=``, read from a link like the integer controls.

    The link's value is parsed (finite, length-capped) and clamped to the range before the
    slider exists, with a note beside it when it had to change; the value is written back to
    the URL after, and dropped from it while it equals ``default``.
    """
    box = _container(container)
    seed_real_from_url(key, low=min_value, high=max_value, default=default)
    explain_url_int(key, lang, box)
    kwargs = unless_set(key, value=float(min(max(default, min_value), max_value)))
    value = float(
        box.slider(
            label,
            min_value=float(min_value),
            max_value=float(max_value),
            step=float(step),
            key=key,
            help=help,
            **kwargs,
        )
    )
    write_to_url(key, str(value), str(float(default)))
    return value


def follow_page(key: str, pages: int | Sequence[int], count: int) -> None:
    """Before drawing page picker ``key``: when ``pages`` (0-based: the pages that show the
    pinned row, or one page) differ from those of the last run and the page shown is not
    among them, turn to the first — the pin moved, so it stays in view.

    On the picker's first appearance it opens there unless a link gives ``?key=`` (the link's
    page wins); the learner may page away until the pin moves again.
    """
    wanted = tuple(min(max(int(p), 0), count - 1) for p in np.atleast_1d(pages))
    seen = f"{key}_followed"
    if not wanted or st.session_state.get(seen) == wanted:
        return
    first_time = seen not in st.session_state
    st.session_state[seen] = wanted
    if first_time and key in st.query_params:
        return
    shown = st.session_state.get(key)
    if first_time or not isinstance(shown, int) or shown - 1 not in wanted:
        st.session_state[key] = wanted[0] + 1


def page_picker(
    key: str,
    count: int,
    lang: str,
    *,
    label_key: str,
    container: Any = None,
    page_text: Any = None,
    follow: int | Sequence[int] | None = None,
) -> int:
    """Which of ``count`` pages to show (0-based): a slider "k of n", kept in ``?key=``.

    Big objects (one output filter's maps, one channel's grids) are shown a page at a time at
    a readable size instead of all at once in small type. The link's value is clamped to
    ``1 … count``; a value left over from a larger ``count`` is clamped too. With one page,
    nothing is drawn, ``?key=`` leaves the link (it would page nothing) and 0 is returned.

    ``page_text`` (a callable: 0-based page -> translated text, e.g. "rows 9–16 of 25")
    labels each page instead of "k of n"; ``follow`` is the page (or pages, 0-based) that
    show the pinned row, turned to when the pin moves (:func:`follow_page`).
    """
    if count <= 1:
        write_to_url(key, None, None)
        return 0
    if follow is not None:
        follow_page(key, follow, count)
    if isinstance(st.session_state.get(key), int) and st.session_state[key] > count:
        st.session_state[key] = count  # fewer pages than before: the last one
    box = _container(container)
    if page_text is None:
        draw, options = (
            box.slider,
            {
                "min_value": 1,
                "max_value": count,
                "step": 1,
                "format": translate("common.page_of", lang, n=count),
            },
        )
    else:
        draw, options = (
            box.select_slider,
            {
                "options": range(1, count + 1),
                "format_func": lambda shown: page_text(shown - 1),
            },
        )
    shown = url_int_widget(
        draw,
        key,
        lang,
        box,
        low=1,
        high=count,
        default=1,
        label=translate(label_key, lang),
        **options,
    )
    return shown - 1


def url_switch(key: str, lang: str, *, text: str, container: Any = None) -> bool:
    """A toggle kept in the link as ``?<key>=true`` (off by default, and then not in the link).

    ``text`` is the string key of its label; ``<text>_help`` is the key of its help. Only
    ``true`` counts as on in a link; anything else is off. The toggle keeps its state while
    a tab that does not draw it is open, and such a tab keeps it in the link with
    :func:`linked_switch` (Streamlit's own URL binding drops the parameter of a widget that
    is not drawn, so a link copied there would lose it). Returns whether the toggle is on.
    """
    linked_switch(key)  # the link's value on the toggle's first appearance
    on = _container(container).toggle(
        translate(text, lang),
        key=key,
        help=translate(f"{text}_help", lang),
        persist_state="session",
    )
    write_to_url(key, "true" if on else None, None)
    return on


def linked_switch(key: str) -> bool:
    """Whether :func:`url_switch` ``key`` is on, for a run that does not draw it.

    Its last state in this session, else the link's (``?<key>=true``); written back to the
    link, so that a link copied from any tab of the page keeps it.
    """
    if key not in st.session_state:
        st.session_state[key] = str(st.query_params.get(key, "")).lower() == "true"
    on = bool(st.session_state[key])
    write_to_url(key, "true" if on else None, None)
    return on


def paged_span(
    key: str,
    total: int,
    per_page: int,
    lang: str,
    *,
    noun: str,
    container: Any = None,
    follow: int | None = None,
    first_number: int = 0,
) -> tuple[int, int]:
    """Which of ``total`` panels a row shows, ``per_page`` at a time: items ``[start, stop)``.

    When everything fits on one page nothing is drawn and ``(0, total)`` is returned;
    otherwise a :func:`page_picker` kept in ``?key=`` (read and clamped like every link
    value) and a caption such as "outputs 0–3 of 0–7", numbered as the panels are: item 0
    is ``first_number`` (``noun`` and ``first_number``: see
    :func:`convviz.figures.common.paging.span_text`). ``follow`` is the item (0-based) the
    page turns to when it changes (the chosen output channel, the pinned pixel).
    """
    count = paging.page_count(total, per_page)
    if count <= 1:
        return 0, total
    box = _container(container)
    page = page_picker(
        key,
        count,
        lang,
        label_key=f"paging.label.{noun}",
        container=box,
        follow=None if follow is None else paging.page_of(follow, per_page),
    )
    span = paging.page_span(page, per_page, total)
    box.caption(paging.span_text(span, total, noun=noun, lang=lang, first_number=first_number))
    return span
