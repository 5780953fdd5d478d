"""Layer stacks a learner edits on the dilated page, as data: presets, limits and the URL form.

A stack is a tuple of :class:`Layer` ``(kernel_size, stride, dilation)``. The URL holds it as
``layers=3-1-1,3-1-2,3-1-4`` (one ``k-s-d`` triple per layer, in order), so a teacher can
share the exact stack. Parsing is strict (digits and separators only, never evaluated) and every
rejection is a :class:`~convviz.engine.errors.ConvValueError` the page shows translated.

``mode`` says how the layers are combined: ``"stack"`` (one after another; the receptive field
grows layer by layer) or ``"parallel"`` (independent branches on the same input, as in ASPP;
each branch has its own field).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from convviz.engine.errors import ConvValueError


class Layer(NamedTuple):
    """One convolution layer of a stack (square kernel, same stride and dilation on both axes)."""

    kernel_size: int
    stride: int
    dilation: int


class StackPreset(NamedTuple):
    """A named stack; the title is translated from ``preset.dilated_stack.<name>``."""

    name: str
    layers: tuple[Layer, ...]
    mode: str  # "stack" or "parallel"


STACK_MODES = ("stack", "parallel")
COLUMNS = ("kernel_size", "stride", "dilation")
# Inclusive ranges a learner may type; wide enough for ASPP's rate 18 and WaveNet-like doubling.
LIMITS: dict[str, tuple[int, int]] = {"kernel_size": (1, 7), "stride": (1, 4), "dilation": (1, 32)}
MAX_LAYERS = 8
MAX_PARAM_CHARS = 200  # longest ``layers=`` value read from a URL

STACK_PRESETS: tuple[StackPreset, ...] = (
    StackPreset("exponential", (Layer(3, 1, 1), Layer(3, 1, 2), Layer(3, 1, 4)), "stack"),
    StackPreset("gridding", (Layer(3, 1, 2), Layer(3, 1, 2), Layer(3, 1, 2)), "stack"),
    StackPreset("hdc", (Layer(3, 1, 1), Layer(3, 1, 2), Layer(3, 1, 5)), "stack"),
    StackPreset(
        "aspp", (Layer(3, 1, 1), Layer(3, 1, 6), Layer(3, 1, 12), Layer(3, 1, 18)), "parallel"
    ),
)
DEFAULT_LAYERS: tuple[Layer, ...] = STACK_PRESETS[0].layers

_PARAM = re.compile(r"\d{1,3}-\d{1,3}-\d{1,3}(?:,\d{1,3}-\d{1,3}-\d{1,3})*")


def format_layers(layers: Iterable[Sequence[int]]) -> str:
    """The URL form of a stack: ``"3-1-1,3-1-2,3-1-4"``."""
    return ",".join("-".join(str(int(v)) for v in layer) for layer in layers)


def check_layers(layers: Sequence[Layer]) -> tuple[Layer, ...]:
    """Return ``layers`` if their count and every value are inside :data:`LIMITS`.

    Raises
    ------
    ConvValueError
        ``stack_empty``, ``stack_too_many_layers`` or ``stack_value_out_of_range`` (with the
        1-based ``row``, the ``column`` name, the ``value`` and the allowed ``low`` / ``high``).
    """
    if not layers:
        raise ConvValueError("stack_empty", "the stack needs at least one layer")
    if len(layers) > MAX_LAYERS:
        raise ConvValueError(
            "stack_too_many_layers",
            f"{len(layers)} layers given; at most {MAX_LAYERS} are drawn",
            count=len(layers),
            limit=MAX_LAYERS,
        )
    for row, layer in enumerate(layers, start=1):
        for column, value in zip(COLUMNS, layer, strict=True):
            low, high = LIMITS[column]
            if not low <= value <= high:
                raise ConvValueError(
                    "stack_value_out_of_range",
                    f"layer {row}: {column}={value} must be between {low} and {high}",
                    row=row,
                    column=column,
                    value=value,
                    low=low,
                    high=high,
                )
    return tuple(Layer(*map(int, layer)) for layer in layers)


def parse_layers(text: str) -> tuple[Layer, ...]:
    """Read a stack from its URL form, strictly.

    Parameters
    ----------
    text : str
        ``k-s-d`` triples of whole numbers separated by commas, e.g. ``"3-1-1,3-1-2,3-1-4"``;
        spaces around items are ignored, nothing else is accepted.

    Returns
    -------
    tuple of Layer
        One per triple, in order.

    Raises
    ------
    ConvValueError
        ``stack_param_malformed`` (with the offending ``text``) when the text is not of that
        form, or any error of :func:`check_layers`.
    """
    cleaned = "".join(str(text).split())
    if len(cleaned) > MAX_PARAM_CHARS or not _PARAM.fullmatch(cleaned):
        shown = cleaned[:40] + ("…" if len(cleaned) > 40 else "")
        raise ConvValueError(
            "stack_param_malformed",
            f"layers={shown!r} is not a list of kernel-stride-dilation triples like 3-1-2",
            text=shown,
        )
    triples = [tuple(int(v) for v in item.split("-")) for item in cleaned.split(",")]
    return check_layers([Layer(*t) for t in triples])


def linked_stack(
    layers_text: str | None, mode_text: str | None
) -> tuple[tuple[Layer, ...], str, ConvValueError | None]:
    """The stack and its mode as a link gives them (``?layers=`` / ``?stack_mode=``).

    Parameters
    ----------
    layers_text, mode_text : str or None
        The link's values, as typed (hostile until parsed).

    Returns
    -------
    (tuple of Layer, str, ConvValueError or None)
        :func:`parse_layers` of ``layers_text`` and ``mode_text`` when they are valid, else
        ``DEFAULT_LAYERS`` / ``STACK_MODES[0]``: what the stack tab starts from for the same
        link; and why ``layers_text`` was not used (``None`` when it was, or was empty).
    """
    try:
        layers, error = (parse_layers(layers_text) if layers_text else DEFAULT_LAYERS), None
    except ConvValueError as err:
        layers, error = DEFAULT_LAYERS, err
    return layers, mode_text if mode_text in STACK_MODES else STACK_MODES[0], error


def _is_blank(value: object) -> bool:
    """An empty table cell: ``None`` or NaN (pandas' empty number)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _whole_number(value: object, *, row: int, column: str) -> int:
    """``value`` as an int if it is a whole number, else a learner-facing error."""
    if _is_blank(value):
        raise ConvValueError(
            "stack_value_missing", f"layer {row}: {column} is empty", row=row, column=column
        )
    if isinstance(value, bool):
        value = int(value)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = float("nan")
    if not number.is_integer():
        raise ConvValueError(
            "stack_value_not_integer",
            f"layer {row}: {column}={value} is not a whole number",
            row=row,
            column=column,
            value=value,
        )
    return int(number)


def layers_from_rows(rows: Iterable[Mapping[str, object]]) -> tuple[Layer, ...]:
    """A stack from table rows (``{"kernel_size": 3, "stride": 1, "dilation": 2}`` each).

    Used for the rows of the page's layer editor; blank rows (every cell empty) are skipped.

    Raises
    ------
    ConvValueError
        ``stack_value_missing`` / ``stack_value_not_integer`` naming the 1-based row and the
        column, or any error of :func:`check_layers`.
    """
    layers = []
    for row, record in enumerate(rows, start=1):
        cells = [record.get(column) for column in COLUMNS]
        if all(_is_blank(cell) for cell in cells):
            continue
        values = [
            _whole_number(cell, row=row, column=column)
            for cell, column in zip(cells, COLUMNS, strict=True)
        ]
        layers.append(Layer(*values))
    return check_layers(layers)
