"""Caching of pure computations behind ``st.cache_data`` (arrays and small results, not figures)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, wraps
from typing import Any, TypeVar

import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure

from convviz.controls.colour import page_colouring
from convviz.figures.common.animation import at_frame
from convviz.figures.common.figure_json import figure_dict
from convviz.style.colouring import colouring

F = TypeVar("F", bound=Callable)
CONTAINERS = (dict, list, tuple, BaseFigure)  # what :func:`frozen` looks into for figures


@cache
def cached(function: F) -> F:
    """``function`` wrapped in ``st.cache_data`` (one wrapper per function, bounded size).

    Arguments must be hashable by Streamlit (ints, strings, tuples, arrays). Results are
    pickled on every hit, so cache engine arrays or figure dicts, not ``go.Figure`` objects.
    """
    return st.cache_data(function, max_entries=128, show_spinner=False)  # type: ignore[return-value]


@cache
def cached_figure(builder: F) -> F:
    """``builder`` (it returns a ``go.Figure``, or a dict / list of them) in ``st.cache_resource``.

    The figure is kept as one shared object: ``st.plotly_chart`` gets it without unpickling
    or re-validating (about 25 ms saved per chart and rerun). Each figure's ``to_dict`` is
    also computed once (see :func:`frozen`). Use it only for figures nobody modifies after
    building them. One wrapper per function, so the function's source is hashed once, not
    on every run.

    The grids are coloured as the session's "colour by value" switch says
    (:func:`convviz.controls.colour.page_colouring`); the choice is part of the cache key.
    """

    @wraps(builder)
    def build(*args: Any, colour_scheme: str, **kwargs: Any) -> Any:
        with colouring(colour_scheme):
            return builder(*args, **kwargs)

    cached_build = st.cache_resource(build, max_entries=64, show_spinner=False)

    @wraps(builder)
    def call(*args: Any, **kwargs: Any) -> Any:
        return frozen(cached_build(*args, colour_scheme=page_colouring(), **kwargs))

    return call  # type: ignore[return-value]


def frozen(value: Any) -> Any:
    """``value`` with ``to_dict`` of each figure in it memoized (in dicts and lists, nested).

    ``st.plotly_chart`` calls ``figure.to_dict()`` on every run: a deep copy of every trace
    and frame plus the base64 packing of every array, 10–70 ms per chart for the app's
    animated grids (cProfile of ``pages/transposed.py``), for a figure that never changes.
    After this the call returns the dict computed the first time, and that first time it is
    built in one walk (:func:`convviz.figures.common.figure_json.figure_dict`); the JSON
    sent is the same.
    The dict is shared by every session: read it, never change it.

    A list or tuple whose first item is not a dict, list, tuple or figure (numbers, text) is
    not walked: the hover views' payloads hold tens of thousands of such lists, and a figure
    inside one would only miss the memo, not be drawn wrong.
    """
    if isinstance(value, list | tuple) and value and not isinstance(value[0], CONTAINERS):
        return value
    if isinstance(value, dict | list | tuple):
        for item in value.values() if isinstance(value, dict) else value:
            if isinstance(item, CONTAINERS):
                frozen(item)
    elif isinstance(value, BaseFigure) and "_convviz_spec" not in vars(value):
        _hand_over(value, figure_dict(value))
    return value


def prepared(spec: dict) -> BaseFigure:
    """A figure whose ``to_dict`` is ``spec`` as it is, for ``st.plotly_chart``.

    ``st.plotly_chart`` checks a dict by building a ``go.Figure`` from it (every property of
    every trace and frame: 0.4–1.4 s for the conv3d page's animated window in lecture mode on
    the busy 2-core development machine, the largest single cost in a profile of a class's
    reruns under ``bench/bench_load.py``), but
    takes a figure's ``to_dict`` as it is. Use it only for a ``spec`` derived from a figure
    Plotly has already checked (``tests/presentation/test_cached_figures.py`` checks that the
    derived specs the app sends come through Plotly's check unchanged). Read it, never change it.
    """
    figure = go.Figure()
    _hand_over(figure, spec)
    return figure


def derived(figure: BaseFigure, name: str, make: Callable[[dict], dict]) -> dict:
    """``make(figure.to_dict())``, computed once per figure object and kept on it.

    A cached figure is shared by every session, so every session showing that setting the
    same way (lecture mode's enlarged copy, say) reuses the first result. ``name`` tells
    different derivations apart. Read the result, never change it.
    """
    attribute = f"_convviz_{name}"
    spec = vars(figure).get(attribute)
    if spec is None:
        spec = make(figure.to_dict())
        object.__setattr__(figure, attribute, spec)  # past Plotly's checks in __setattr__
    return spec


def at_step(figure: BaseFigure, step: int) -> BaseFigure:
    """The cached animated ``figure`` showing animation step ``step``, for ``st.plotly_chart``.

    A page whose step slider only moves the animation builds (and caches) its figure once per
    setting and shows each step through this: the step's frame laid over the figure's dict
    (:func:`convviz.figures.common.animation.at_frame`), instead of a whole new figure per
    step. Made once per (figure, step) and kept on the shared figure, so lecture mode's
    enlarged copy (:func:`derived`) is kept too. A figure without frames (a still one, built
    at its step) is returned as it is. The result carries the figure's width and height for
    Streamlit's sizing; read it, never change it.
    """
    steps = vars(figure).get("_convviz_steps")
    if steps is None:
        steps = {}
        object.__setattr__(figure, "_convviz_steps", steps)  # past Plotly's checks
    shown = steps.get(step)
    if shown is None:
        spec = figure.to_dict()
        if not spec.get("frames"):
            return figure
        size = {key: spec["layout"][key] for key in ("width", "height") if key in spec["layout"]}
        shown = go.Figure(layout=size)
        _hand_over(shown, at_frame(spec, step))
        steps[step] = shown
    return shown


def _hand_over(figure: BaseFigure, spec: dict) -> None:
    """Make ``figure.to_dict()`` return ``spec`` (plain instance attributes, past Plotly's
    property checks in ``__setattr__``)."""
    object.__setattr__(figure, "_convviz_spec", spec)
    object.__setattr__(figure, "to_dict", lambda spec=spec: spec)
