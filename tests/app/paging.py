"""Page pickers opened from hostile links: every value is read and clamped, never an error."""

from __future__ import annotations

from collections.abc import Sequence

from tests.app.conftest import open_app

# A link's page number: too large, below the range, not a number, a non-ASCII digit.
HOSTILE = {"999999999999": "last", "-7": "first", "abc": "first", "٣": "first"}


def assert_pages_clamped(page: str, lang: str, pickers: Sequence[str], **query: str) -> None:
    """Open ``page`` with every picker key in ``pickers`` set to each hostile value in turn (on
    top of ``query``, which must leave each of them more than one page): no exception, and
    each picker shows a page that exists (the last for a too-large value, the first for any
    other) and is written back to the link as such."""
    for text, end in HOSTILE.items():
        at = open_app(lang, page, **query, **dict.fromkeys(pickers, text))
        assert not at.exception, (text, at.exception)
        for key in pickers:
            slider = at.slider(key=key)
            last = int(slider.max)
            assert slider.min == 1 < last, key
            assert slider.value == (last if end == "last" else 1), (key, text, slider.value)
            linked = at.query_params.get(key)  # the page shown, or nothing for the first
            assert linked in ((str(last), [str(last)]) if end == "last" else (None, [])), key
