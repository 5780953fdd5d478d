"""The one exception type the engine raises for bad arguments.

Learners see these messages in place of a figure, so each error carries a stable ``code``
(looked up as the translation key ``error.<code>``), the offending ``values`` and an
optional ``suggestion`` (the nearest valid setting), besides a plain English message.
"""

from __future__ import annotations

from typing import Any


class ConvValueError(ValueError):
    """A convolution argument broke a rule.

    Parameters
    ----------
    code : str
        Stable identifier of the rule, e.g. ``"output_padding_too_large"``. The app translates
        ``error.<code>`` with ``values`` as format fields.
    message : str
        English explanation naming the values and the rule, e.g.
        ``"output_padding=2 must be smaller than stride=2 or dilation=1"``.
    suggestion : dict, optional
        Parameter name -> nearest valid value, when one exists.
    **values
        The values the message names (used to format translations).
    """

    def __init__(
        self, code: str, message: str, *, suggestion: dict[str, Any] | None = None, **values: Any
    ) -> None:
        super().__init__(message)
        self.code = code
        self.values = values
        self.suggestion = dict(suggestion or {})
