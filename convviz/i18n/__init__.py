"""English / Simplified Chinese text for every string the app shows.

Strings live in ``convviz/i18n/strings/*.py``; each module defines
``STRINGS: dict[str, tuple[str, str]]`` mapping a dotted key to ``(english, chinese)``.
Modules are merged on first use, so each page or topic owns its own file.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from numbers import Number
from typing import Any

from convviz.i18n import strings
from convviz.i18n.escape import literal

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """All strings of every module in ``convviz.i18n.strings``, keyed by dotted name.

    Raises
    ------
    RuntimeError
        If two modules define the same key (one key, one owner).
    """
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(strings.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{strings.__name__}.{info.name}")
        for key, pair in module.STRINGS.items():
            if key in merged:
                raise RuntimeError(f"translation key {key!r} is defined twice ({info.name})")
            merged[key] = pair
    return merged


def normalise_language(lang: str | None) -> str:
    """Return ``lang`` if it is a supported language code, else the default (``"en"``)."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str, /, **values: Any) -> str:
    """The text for ``key`` in ``lang``, formatted with ``values``.

    Parameters
    ----------
    key : str
        Dotted key, e.g. ``"transposed.formula.title"``.
    lang : {"en", "zh"}
    **values
        ``str.format`` fields of the text.

    Returns
    -------
    str
        The translated text. An unknown key raises ``KeyError`` so missing text is caught by
        the tests rather than shown to a learner.
    """
    english, chinese = catalogue()[key]
    text = chinese if normalise_language(lang) == "zh" else english
    return text.format(**values) if values else text


def has_key(key: str) -> bool:
    """Whether ``key`` has a translation."""
    return key in catalogue()


def translate_error(error: Exception, lang: str) -> str:
    """A learner-facing message for an engine error, in ``lang``, safe to show as Markdown.

    ``ConvValueError`` codes are looked up as ``error.<code>`` and formatted with the
    error's values; anything else (or a code without translation) falls back to ``str(error)``.
    Every value that is not a number (a typed token, a link's text, a name) and the fallback
    pass through :func:`~convviz.i18n.escape.literal`, so what a learner typed is shown as
    typed and never rendered as an image, a link or formatting.
    """
    code = getattr(error, "code", None)
    if code and has_key(f"error.{code}"):
        values = {
            name: value if isinstance(value, Number) else literal(value)
            for name, value in getattr(error, "values", {}).items()
        }
        try:
            return translate(f"error.{code}", lang, **values)
        except (KeyError, IndexError, ValueError):
            return literal(error)
    return literal(error)
