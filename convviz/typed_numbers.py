"""Every number a learner types or a link carries, read the one way: checked before any work.

A link or a text field is hostile input: ``?groups=1000000000000``, ``?groups=²``, a 5,000-digit
answer, ``1e309`` or ``inf``. Each is read here, in time linear in a text that is capped first,
and every refusal is a :class:`~convviz.engine.errors.ConvValueError` the pages translate:

- only the ASCII digits 0-9 count as digits (``"²"``, ``"٣"`` are refused, although Python's
  ``str.isdigit`` and ``int`` accept them); full-width digits and signs typed with a Chinese
  input method are read as their ASCII forms;
- a number longer than :data:`MAX_WHOLE_CHARS` / :data:`MAX_REAL_CHARS` characters is refused
  before it is converted (Python refuses ``int`` of more than 4,300 digits with an exception);
- a real number must be finite: ``inf``, ``nan`` and ``1e309`` (which overflows to infinity)
  get the same explanation;
- a whole number from a link is clamped to its control's range (:func:`clamp_whole`), so the
  work a link can ask for is the work the control allows.
"""

from __future__ import annotations

import math
import re
from typing import Any

from convviz.engine.errors import ConvValueError

MAX_WHOLE_CHARS = 18  # a whole number: up to 10**17, far beyond any control or answer
MAX_REAL_CHARS = 40  # a real number: 17 significant digits, a sign, a point and an exponent
SHOWN_CHARS = 20  # how much of a refused text an explanation quotes

_WHOLE = re.compile(r"[+-]?[0-9]+(?:\.0*)?", re.ASCII)
# Unambiguous: digits before the point, then (after a point) more digits; no two parts compete
# for the same digits, so a failed match costs time linear in the text.
_REAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
_NON_FINITE = re.compile(r"[+-]?(?:inf|infinity|nan)", re.ASCII | re.IGNORECASE)
# Full-width digits, signs and point (Chinese input methods), the minus sign and dashes.
_ASCII_FORMS = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "＋": "+",
        "－": "-",
        "−": "-",
        "–": "-",
        "—": "-",
        "．": ".",
    }
)


def shown(text: Any) -> str:
    """The start of ``text`` as an explanation quotes it: at most :data:`SHOWN_CHARS` characters."""
    text = str(text)
    return text[:SHOWN_CHARS] + ("…" if len(text) > SHOWN_CHARS else "")


def ascii_forms(text: str) -> str:
    """``text`` with full-width digits, signs and point and typed minus signs in ASCII."""
    return text.translate(_ASCII_FORMS)


def check_length(text: str, *, name: str, limit: int, what: str = "number") -> str:
    """``text`` if it has at most ``limit`` characters: checked before it is split or read.

    ``what`` is ``"number"`` (one number) or ``"text"`` (a list of numbers, a kernel).

    Raises
    ------
    ConvValueError
        ``number_too_long`` or ``text_too_long`` with the ``length``, the ``limit`` and the
        start of the text.
    """
    if len(text) > limit:
        raise ConvValueError(
            f"{what}_too_long",
            f"{name}: {shown(text)!r} has {len(text)} characters; at most {limit} are read here",
            name=name,
            text=shown(text),
            length=len(text),
            limit=limit,
        )
    return text


def _cleaned(text: Any, name: str, limit: int) -> str:
    """``text`` stripped, in ASCII forms, and no longer than ``limit`` characters."""
    if isinstance(text, bool) or not isinstance(text, str | int):
        raise ConvValueError(
            "number_empty", f"{name}: no number given", name=name, text=shown(text)
        )
    raw = check_length(str(text).strip(), name=name, limit=limit)
    if not raw:
        raise ConvValueError("number_empty", f"{name}: no number given", name=name, text="")
    return ascii_forms(raw)


def parse_whole(text: Any, *, name: str) -> int:
    """``text`` as a whole number written with the digits 0-9 (a trailing ``.0`` is allowed).

    Parameters
    ----------
    text : str or int
        E.g. ``"3"``, ``" -12 "``, ``"４"`` (full-width), ``"4.0"``.
    name : str
        What the number is (a parameter name), named in errors.

    Raises
    ------
    ConvValueError
        ``number_empty``, ``number_too_long`` (more than :data:`MAX_WHOLE_CHARS` characters,
        checked before any conversion) or ``number_not_whole`` (``"²"``, ``"2.5"``, ``"1e3"``).
    """
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    cleaned = _cleaned(text, name, MAX_WHOLE_CHARS)
    if _WHOLE.fullmatch(cleaned) is None:
        raise ConvValueError(
            "number_not_whole",
            f"{name}={shown(text.strip())!r} is not a whole number written with the digits 0-9",
            name=name,
            text=shown(text.strip()),
        )
    return int(cleaned.split(".")[0])


def check_range(number: int, *, name: str, low: int, high: int) -> int:
    """``number`` if ``low <= number <= high``.

    Raises
    ------
    ConvValueError
        ``number_out_of_range`` naming the value and the range, suggesting the nearest end.
    """
    if not low <= number <= high:
        nearest = min(max(number, low), high)
        raise ConvValueError(
            "number_out_of_range",
            f"{name}={number} is outside the range {low} … {high}",
            suggestion={name: nearest},
            name=name,
            value=number,
            low=low,
            high=high,
            nearest=nearest,
        )
    return number


def parse_whole_in_range(text: Any, *, name: str, low: int, high: int) -> int:
    """:func:`parse_whole` then :func:`check_range`: a typed whole number a control allows."""
    return check_range(parse_whole(text, name=name), name=name, low=low, high=high)


def clamp_whole(
    text: Any, *, name: str, low: int, high: int, default: int
) -> tuple[int, ConvValueError | None]:
    """A whole number from a link, as its control will show it, and why it differs if it does.

    Parameters
    ----------
    text : str
        The link's value, e.g. ``"1000000000000"``.
    name : str
    low, high : int
        The control's range (inclusive).
    default : int
        Used when ``text`` is not a whole number at all.

    Returns
    -------
    value : int
        ``text`` read and clamped to ``[low, high]``, or ``default`` when it cannot be read.
    problem : ConvValueError or None
        ``None`` when ``text`` was a whole number inside the range; else the explanation
        (any error of :func:`parse_whole` or ``number_out_of_range``) to show beside the
        control.

    Notes
    -----
    The cost is bounded by :data:`MAX_WHOLE_CHARS`, whatever the link holds; what follows
    works with a value inside the control's range only.
    """
    try:
        return parse_whole_in_range(text, name=name, low=low, high=high), None
    except ConvValueError as error:
        if error.code == "number_out_of_range":
            return error.values["nearest"], error
        return min(max(default, low), high), error


def parse_real(text: Any, *, name: str) -> float:
    """``text`` as a finite real number: a plain decimal with an optional exponent.

    Parameters
    ----------
    text : str
        E.g. ``"-0.25"``, ``".5"``, ``"3e-2"``, ``"１.５"`` (full-width).
    name : str
        What the number is, named in errors.

    Raises
    ------
    ConvValueError
        ``number_empty``, ``number_too_long`` (more than :data:`MAX_REAL_CHARS` characters,
        checked first), ``number_not_number`` (``"0x10"``, ``"1/0"``, code) or
        ``number_not_finite`` (``"inf"``, ``"nan"``, and ``"1e309"`` that overflows to
        infinity: the same explanation for all three).
    """
    cleaned = _cleaned(text, name, MAX_REAL_CHARS)
    if _NON_FINITE.fullmatch(cleaned) is None and _REAL.fullmatch(cleaned) is None:
        raise ConvValueError(
            "number_not_number",
            f"{name}: {shown(cleaned)!r} is not a number",
            name=name,
            text=shown(cleaned),
        )
    number = float(cleaned)
    if not math.isfinite(number):
        raise ConvValueError(
            "number_not_finite",
            f"{name}: {shown(cleaned)!r} is not a finite number",
            name=name,
            text=shown(cleaned),
        )
    return number


def clamp_real(
    text: Any, *, name: str, low: float, high: float, default: float
) -> tuple[float, ConvValueError | None]:
    """A real number from a link, as its slider will show it, and why it differs if it does.

    The real-number twin of :func:`clamp_whole`: :func:`parse_real` (finite, length-capped),
    then clamped to ``[low, high]``; ``default`` when ``text`` is not a number at all.

    Returns
    -------
    value : float
    problem : ConvValueError or None
    """
    try:
        return check_range(parse_real(text, name=name), name=name, low=low, high=high), None
    except ConvValueError as error:
        if error.code == "number_out_of_range":
            return float(error.values["nearest"]), error
        return float(min(max(default, low), high)), error
