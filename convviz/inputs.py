"""Input and kernel values a learner can choose: counting numbers, random integers, ones, or typed.

Typed values are parsed as numbers only (never evaluated as code). Small integers keep the
arithmetic readable on screen ("1·0 + 2·1 + … = 7").
"""

from __future__ import annotations

import re

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.typed_numbers import MAX_REAL_CHARS, check_length, parse_real, shown

MAX_CUSTOM_ENTRIES = 400
# The longest typed text read: every entry at the longest number, with a separator each.
MAX_CUSTOM_TEXT = MAX_CUSTOM_ENTRIES * (MAX_REAL_CHARS + 1)


def make_values(kind: str, shape: tuple[int, ...], *, seed: int = 0, text: str = "") -> np.ndarray:
    """Values of the given ``shape`` for a grid the learner sees.

    Parameters
    ----------
    kind : {"arange", "random", "ones", "custom"}
        ``arange``: 1, 2, 3, … row-major; ``random``: integers in [-3, 3] from
        ``default_rng(seed)``; ``ones``: all ones; ``custom``: numbers parsed from ``text``.
    shape : tuple of int
        E.g. ``(H, W)`` or ``(C, H, W)``.
    seed : int
        Seed of the random generator (only ``random``).
    text : str
        Numbers separated by spaces, commas, semicolons or new lines (only ``custom``); rows are
        read in row-major order and must give exactly ``prod(shape)`` numbers.

    Returns
    -------
    np.ndarray
        float64 array of ``shape``.
    """
    size = int(np.prod(shape))
    if kind == "arange":
        return np.arange(1, size + 1, dtype=np.float64).reshape(shape)
    if kind == "random":
        rng = np.random.default_rng(seed)
        return rng.integers(-3, 4, size=shape).astype(np.float64)
    if kind == "ones":
        return np.ones(shape, dtype=np.float64)
    if kind == "custom":
        numbers = parse_numbers(text)
        if numbers.size != size:
            raise ConvValueError(
                "custom_values_count",
                f"custom values: expected {size} numbers for shape {shape}, got {numbers.size}",
                expected=size,
                got=numbers.size,
                shape="×".join(map(str, shape)),
            )
        return numbers.reshape(shape)
    raise ConvValueError("unknown_input_kind", f"unknown input kind {kind!r}", kind=kind)


def parse_numbers(text: str) -> np.ndarray:
    """Numbers in ``text`` (separated by spaces, commas, semicolons or new lines), as float64.

    Raises
    ------
    ConvValueError
        ``text_too_long`` for text over :data:`MAX_CUSTOM_TEXT` characters (checked before
        it is split) or an entry over ``MAX_REAL_CHARS``; ``custom_values_too_many`` for more
        than :data:`MAX_CUSTOM_ENTRIES` entries; ``custom_values_not_number`` for an entry
        that is not a plain decimal number; ``number_not_finite`` for ``inf``, ``nan`` or
        ``1e309`` (an overflow to infinity), all read by
        :func:`convviz.typed_numbers.parse_real`.
    """
    check_length(text, name="input_values_text", limit=MAX_CUSTOM_TEXT, what="text")
    tokens = [t for t in re.split(r"[\s,;]+", text.strip()) if t]
    if len(tokens) > MAX_CUSTOM_ENTRIES:
        raise ConvValueError(
            "custom_values_too_many",
            f"custom values: at most {MAX_CUSTOM_ENTRIES} numbers, got {len(tokens)}",
            limit=MAX_CUSTOM_ENTRIES,
            got=len(tokens),
        )
    return np.array([_entry(token) for token in tokens], dtype=np.float64)


def _entry(token: str) -> float:
    """One typed entry as a finite float; a text that is not a number is named as such."""
    try:
        return parse_real(token, name="input_values_text")
    except ConvValueError as error:
        if error.code != "number_not_number":
            raise
        raise ConvValueError(
            "custom_values_not_number",
            f"custom values: {shown(token)!r} is not a number",
            token=shown(token),
        ) from None
