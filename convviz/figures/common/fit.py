"""Figure text that fits a phone and reads on a projector: captions and panel titles broken
into lines, axis and legend text at 14 px.

A page draws a figure at its own width, or at the page's width where that is narrower: on a
390-px phone the plot is about 358 px wide, while the text keeps its size (14 px). Text that
is one line on a laptop then runs past the chart's right edge. The builders here break such
text at spaces into lines (``<br>``) that fit the phone, so the same figure reads on both.
A chart that keeps its own width on a phone (scrolling sideways) is drawn at most about
640 px wide beside a 1024-px laptop's sidebar: its text is broken to fit
``min(its width, WRAP_PX)`` instead.

Widths are counted in columns: a wide (CJK) character is two columns, any other one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

PHONE_PLOT_PX = 358  # a figure's width on a 390-px phone (the page's side padding taken off)
CAPTION_COLUMNS = 36  # monospace 14 px captions: ~8.4 px a column, from x = 0 of the plot
CAPTION_COLUMN_PX = 8.4
# The widest a figure is drawn beside the sidebar of a 1024-px laptop (its main area is about
# 660 px): a wider figure is scaled down there, its text is not. On a phone a chart keeps
# its own width and scrolls sideways, so text wrapped at min(figure width, WRAP_PX) fits both.
WRAP_PX = 640
LINE_PX = 18  # one line of 14-px text
# Never at the start of a line: closing brackets and punctuation (they stay with the
# character before them), and "=" (it stays with both sides: "p = 0" is never split).
CLOSING = "、，。：；！？）》」』】〉”’)]},.:;!?=≈"
OPENING = "（《「『【〈“‘([{"  # never at the end of a line
OPENING_ENDS = tuple(OPENING)
SHUTTING = "）》」』】〉”’)]}"  # the brackets that close a group opened by one of OPENING
GLUE = ("=", "→", "≈", "第")  # never left at the end of a line ("第" starts an ordinal)
GLUE_BACK = ("+", "−", "-")  # signs never at the start of one
TITLE_COLUMN_PX = 8.0  # bold 14-px title text: px per column, with a little to spare


def text_columns(text: str) -> int:
    """Columns ``text`` takes: 2 for a wide (East Asian W / F) character, else 1.

    >>> text_columns("y = 3"), text_columns("输出 3")
    (5, 6)

    Every caption of an animation is measured word by word while it is wrapped (about a
    hundred thousand characters for a 25-step figure), so ASCII text is counted at once and
    each other character's width is looked up once.
    """
    if text.isascii():
        return len(text)
    return sum(map(_char_columns, text))


@lru_cache(maxsize=4096)  # the characters the app's texts use: a few hundred
def _char_columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _wide(ch: str) -> bool:
    return _char_columns(ch) == 2


NARROW_BREAK = re.compile(r"(?<=[ _])(?=[^ ])")  # after a space or "_", before a non-space


def _atoms(line: str) -> list[str]:
    """``line`` cut at every place a line may break: after a space or "_" and before or
    after a wide character (Chinese has no spaces). Spaces stay with what is before them."""
    if not line:
        return []
    if not any(map(_wide, set(line))):  # one regular-expression pass (every caption step)
        return NARROW_BREAK.split(line)
    atoms: list[str] = []
    for n, ch in enumerate(line):
        prev = line[n - 1] if n else ""
        new = n == 0 or (
            ch != " " and (prev in " _" or _wide(ch) or _wide(prev))
        )  # "conv_transpose2d" may break after its "_" if it must
        if new:
            atoms.append(ch)
        else:
            atoms[-1] += ch
    return atoms


def _groups(atoms: list[str], columns: int) -> set[int]:
    """Breaks (after atom ``i``) inside a bracketed group no wider than ``columns``: such a
    group ("（3×3）", "(p = 0)") stays on one line."""
    owner = [i for i, atom in enumerate(atoms) for _ in atom]  # atom of each character
    text = "".join(atoms)
    kept: set[int] = set()
    stack: list[int] = []
    for n, ch in enumerate(text):
        if ch in OPENING:
            stack.append(n)
        elif ch in SHUTTING and stack:
            start = stack.pop()
            if text_columns(text[start : n + 1]) <= columns:
                kept.update(range(owner[start], owner[n]))
    return kept


def _words(line: str, columns: int) -> list[str]:
    """``line`` cut into the pieces that :func:`wrap_text` keeps on one line each."""
    atoms = _atoms(line)
    kept = _groups(atoms, columns)
    words: list[str] = []
    for i, atom in enumerate(atoms):
        if i:
            before = atoms[i - 1]
            last = before.split()  # the sign or word before this atom: last[-1]
            joined = (
                i - 1 in kept
                or atom[0] in CLOSING  # ")", "，", "=" never start a line
                or before.rstrip().endswith(OPENING_ENDS)  # "(" never ends one
                or (last and last[-1] in GLUE)  # "= 681", "→ 5": a sign stays with what follows
                or atom.strip() in GLUE_BACK  # "+" stays with what is before it
                or (last and last[-1][-1].isdigit() and _wide(atom[0]))  # "0–14 列", "3 个"
            )
            if joined:
                words[-1] += atom
                continue
        words.append(atom)
    return words


def title_min_px(text: str) -> float:
    """Pixels the narrowest :func:`wrap_text` of a panel title takes at 14 px in bold.

    A title is broken into lines of at least 6 columns (:func:`phone_columns`), and a word,
    or a bracketed group of at most 6 columns, is never broken: the widest of those, or the
    whole title when it is shorter, times :data:`TITLE_COLUMN_PX`.

    >>> title_min_px("output 2×2"), title_min_px("x0"), title_min_px("kernel, d = 3")
    (48.0, 16.0, 56.0)
    >>> title_min_px("")
    0.0
    """
    if not text:
        return 0.0
    lines = text.split("<br>")
    widest_word = max(text_columns(word.rstrip()) for line in lines for word in _words(line, 6))
    shortest = min(6, max(text_columns(line) for line in lines))
    return TITLE_COLUMN_PX * max(widest_word, shortest)


def wrap_text(text: str, columns: int) -> str:
    """``text`` with ``<br>`` inserted so that no line is wider than ``columns``.

    Lines break after a space or between wide characters, never before closing punctuation
    or "=" nor after an opening bracket; a bracketed group that fits a line stays on one,
    and a Chinese character stays with the number before it ("第 0–14 列"). A single word
    wider than ``columns`` stays whole. Existing ``<br>`` breaks are kept, and
    so is every character (a line keeps the space it ends with), so :func:`unwrap_text`
    gives ``text`` back.

    >>> wrap_text("y[0, 0] = 1·1 + 2·2 + 3·3 = 14", 16)
    'y[0, 0] = 1·1 + <br>2·2 + 3·3 = 14'
    """
    columns = max(int(columns), 1)
    out: list[str] = []
    for line in text.split("<br>"):
        if text_columns(line) <= columns:  # it fits as it is (no prefix is wider)
            out.append(line)
            continue
        current, width = "", 0  # width: text_columns(current)
        for word in _words(line, columns):
            shown = word.rstrip()
            # columns of (current + word).rstrip(), counted without re-measuring current
            wanted = width + text_columns(shown) if shown else text_columns(current.rstrip())
            if current and wanted > columns:
                out.append(current)  # its trailing space kept: nothing is lost
                current, width = word, text_columns(word)
            else:
                current, width = current + word, width + text_columns(word)
        out.append(current)
    return "<br>".join(out)


def unwrap_text(text: str) -> str:
    """The one-line text that :func:`wrap_text` (or a wrapped bold title) was made from.

    >>> unwrap_text("<b>3×3 kernel (9 </b><br><b>weights)</b>")
    '<b>3×3 kernel (9 weights)</b>'
    """
    return text.replace("</b><br><b>", "").replace("<br>", "")


def line_count(text: str) -> int:
    """How many lines ``text`` has (``<br>`` separated)."""
    return text.count("<br>") + 1


def caption_lines(text: str, columns: int = CAPTION_COLUMNS) -> str:
    """A step caption (monospace, 14 px) broken into lines of at most ``columns`` (default:
    what fits a phone's plot; :func:`caption_columns` gives a figure's own)."""
    return wrap_text(text, columns)


def caption_columns(figure_px: float) -> int:
    """Columns of a 14-px monospace caption under a figure ``figure_px`` wide (its 16 px of
    margins taken off): as many as fit ``min(plot width, WRAP_PX)``, at least
    :data:`CAPTION_COLUMNS`.

    >>> caption_columns(300), caption_columns(500), caption_columns(1200)
    (36, 57, 76)
    """
    plot = min(float(figure_px) - 16, WRAP_PX)
    return max(int(plot / CAPTION_COLUMN_PX), CAPTION_COLUMNS)


def caption_room(captions: list[str]) -> int:
    """Pixels to keep under the panels for the tallest of ``captions`` (already wrapped)."""
    return LINE_PX * max((line_count(c) for c in captions), default=1) + 16


def phone_columns(paper_width: float, figure_px: int, *, widest: int = PHONE_PLOT_PX) -> int:
    """Columns of 14-px title text in ``paper_width`` (a fraction of the plot) on a phone.

    ``figure_px`` is the figure's own plot width; on a phone it is drawn at most
    :data:`PHONE_PLOT_PX` wide. A figure that keeps its own width on a phone passes
    ``widest=WRAP_PX``: its titles then fit the plot as a 1024-px laptop draws it.
    """
    drawn = min(float(figure_px), widest)
    return max(int(paper_width * drawn / TITLE_COLUMN_PX), 6)


def title_room(annotations: list[dict]) -> int:
    """Top margin (px) for panel titles drawn above the plot: 30 for one line, one
    :data:`LINE_PX` more for every further line of the tallest title."""
    lines = max((line_count(str(a.get("text", ""))) for a in annotations), default=1)
    return 30 + LINE_PX * (lines - 1)


LEGIBLE_FONT = {"size": 14}


def legible_layout(axes: Sequence[str] = ("xaxis", "yaxis")) -> dict:
    """Layout entries that draw the ticks and titles of ``axes``, the legend and bar labels
    at 14 px (Plotly and the page's chart theme draw them at 12 px, too small for a
    projector; a size given on the axis wins over the theme's).

    For a figure built in one go (``go.Figure({"data": …, "layout": {…, **this}})``): each
    later ``update_*`` call re-walks and copies the figure (the four of :func:`legible` took
    11 ms of a 25-ms bar chart).
    """
    layout: dict[str, Any] = {
        axis: {"tickfont": LEGIBLE_FONT, "title": {"font": LEGIBLE_FONT}} for axis in axes
    }
    layout["legend"] = {"font": LEGIBLE_FONT}
    # Bar labels: Plotly shrinks a label to fit inside its bar unless told a smallest size.
    layout["uniformtext"] = {"minsize": LEGIBLE_FONT["size"], "mode": "show"}
    return layout


def legible(fig: Any) -> Any:
    """Axis ticks and titles, the legend, bar labels and colour bars of ``fig`` at 14 px
    (in place; :func:`legible_layout` says why). Returns ``fig``."""
    fig.update_xaxes(tickfont=LEGIBLE_FONT, title_font=LEGIBLE_FONT)
    fig.update_yaxes(tickfont=LEGIBLE_FONT, title_font=LEGIBLE_FONT)
    fig.update_layout(legend_font=LEGIBLE_FONT, uniformtext=legible_layout(())["uniformtext"])
    fig.update_traces(textfont=LEGIBLE_FONT, selector={"type": "bar"})
    bars = {"colorbar_tickfont": LEGIBLE_FONT, "colorbar_title_font": LEGIBLE_FONT}
    fig.update_traces(bars, selector={"type": "heatmap"})
    return fig
