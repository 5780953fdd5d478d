"""Page furniture shared by every page: the page style, the header, the intro, the PyTorch
code block, charts kept at their width and pictures shown as the PNG they are.

A topic page opens with its title and a one-line lead, then its main figure; the longer intro
sits in a collapsed "About this page" box after the figure, so the figure starts inside the
first screen of a 1024×768 projector.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from convviz.controls.caching import derived, prepared
from convviz.controls.language import current_language
from convviz.figures.common.browser_spec import browser_spec
from convviz.i18n import has_key, translate

# Streamlit's default page has 6rem above the title and 5rem on each side; a projector needs
# that room for the figure. Inline CSS only (nothing is loaded from another host).
PAGE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem; padding-bottom: 3rem; }
@media (min-width: 640px) {
  [data-testid="stMainBlockContainer"] {
    padding-top: 2.25rem; padding-left: 2rem; padding-right: 2rem;
  }
}
[data-testid="stMainBlockContainer"] h1 { font-size: 2rem; padding: 0 0 0.25rem 0; }
/* Inline code in prose wraps like the words around it (a long call ran out of its column). */
[data-testid="stMarkdownContainer"] :not(pre) > code {
  white-space: normal; overflow-wrap: anywhere;
}
</style>
"""


def page_style() -> None:
    """The app's own spacing (inline CSS, drawn once per run by the router)."""
    st.html(PAGE_CSS)


def page_header(page: str, lang: str) -> None:
    """Title ``page.<page>`` and, if it exists, the one-line lead ``<page>.lead``.

    Pages without a lead (the overview, practice) show their intro ``<page>.intro`` here.
    """
    st.title(translate(f"page.{page}", lang))
    if has_key(f"{page}.lead"):
        st.markdown(translate(f"{page}.lead", lang))
    elif has_key(f"{page}.intro"):
        st.markdown(translate(f"{page}.intro", lang))


def page_intro(page: str, lang: str) -> None:
    """The page's intro ``<page>.intro`` in a collapsed box (after the main figure)."""
    if has_key(f"{page}.lead") and has_key(f"{page}.intro"):
        with st.expander(translate("common.about_page", lang)):
            st.markdown(translate(f"{page}.intro", lang))


# A chart's element container scrolls sideways (Streamlit gives it ``overflow-x: auto``); its
# frame kept at the figure's own width makes Plotly draw the figure at that width in it.
PHONE_MAX_PX = 700  # viewports up to this width are phones: charts keep their width there
# The main column is the viewport less 1rem on each side, 2rem from 640 px (PAGE_CSS).
WIDE_PADDING_FROM_PX = 640
KEEP_WIDTH_CSS = (
    "<style>@media (max-width: {phone}px) {{ .st-key-{key} [data-testid='stFullScreenFrame']"
    " {{ min-width: {width}px; }} }}"
    # where the figure is wider than its column, a line above it says the rest is sideways;
    # the container (its flex basis fixed at the chart's height) grows by that line instead of
    # hiding the chart's last rows under it
    " @media (max-width: {narrow}px), (min-width: {wide_from}px) and (max-width: {wide}px) {{"
    " .st-key-{key} {{ flex-basis: auto !important; height: auto !important; }}"
    " .st-key-{key}::before {{ content: {hint}; display: block; position: sticky; left: 0;"
    " font-size: 0.875rem; color: rgba(49, 51, 63, 0.6); padding-bottom: 0.25rem; }} }}</style>"
)


def keep_width(key: str, width: float | None) -> None:
    """On a phone, draw the chart ``key`` at least ``width`` px wide, scrolling sideways in
    its narrower container instead of being squeezed.

    Plotly keeps type sizes when it draws a figure narrower than its layout width, so a grid
    squeezed to a phone's 358 px ran the numbers of neighbouring cells together; at its own
    width every cell has the room :func:`convviz.figures.common.grid.cell_font_px` gave it.
    ``width`` None (a figure without a width of its own) leaves the chart as it is.

    Only viewports up to :data:`PHONE_MAX_PX` wide: on a 1024-px projector the main area
    (about 660 px beside the sidebar) shows the whole figure, slightly scaled, rather than
    hiding its output panel behind a sideways scroll. Where the figure is wider than the
    column, a line above it says so ("swipe sideways…"): a phone shows no scroll bar, and
    the part of a figure out of sight is often its output.
    """
    if not width:
        return
    width = int(width)
    hint = css_string(translate("common.swipe_sideways", current_language()))
    st.html(
        KEEP_WIDTH_CSS.format(
            key=key,
            width=width,
            phone=PHONE_MAX_PX,
            narrow=min(WIDE_PADDING_FROM_PX - 1, width + 31),
            wide_from=WIDE_PADDING_FROM_PX,
            wide=min(PHONE_MAX_PX, width + 63),
            hint=hint,
        )
    )


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string (for ``content:``): every character that is not a
    letter, digit, space or common punctuation is written as a CSS escape, so no quote,
    backslash, ``<`` or newline can end the string or the ``<style>`` element."""
    safe = set(" .,:!?()-_'") | {c for c in text if c.isalnum()}
    return '"' + "".join(c if c in safe else f"\\{ord(c):x} " for c in text) + '"'


def grid_chart(
    figure: Any,
    *,
    key: str | None = None,
    container: Any = st,
    stretch: bool = False,
    keep_on_phone: bool = True,
    **options: Any,
) -> Any:
    """``figure`` in ``container`` at its own width (scaled down in a narrower column; on a
    phone kept at that width, :func:`keep_width`, unless not ``keep_on_phone``: a picture
    without numbers may shrink), or as wide as the container on every screen (``stretch``);
    ``options`` go to ``st.plotly_chart``.

    ``figure`` is a ``go.Figure`` (a cached, shared one is fine: it is never changed; the
    browser's copy of it is made once and kept on it). Returns what ``st.plotly_chart``
    returns.
    """
    chart = derived(figure, "browser", _browser_chart)
    width = chart["width"]
    if key is not None and keep_on_phone and not stretch:
        keep_width(key, width)
    size = "stretch" if stretch or not width else int(width)
    return send_chart(chart["spec"], key=key, width=size, container=container, **options)


def _browser_chart(shown: dict) -> dict:
    """The browser's spec of a figure dict, and the figure's own width (the spec has none)."""
    return {"spec": browser_spec(shown), "width": shown["layout"].get("width")}


def send_chart(
    spec: dict, *, key: str | None, width: int | str, container: Any = st, **options: Any
) -> Any:
    """``st.plotly_chart`` of ``spec``, made by
    :func:`~convviz.figures.common.browser_spec.browser_spec`.

    ``width`` is the chart's width in pixels (the figure's own: the spec has none) or
    ``"stretch"``. The chart goes without Streamlit's theme: the spec carries the same look
    as plain defaults, and a theme would make the browser draw every new chart twice.
    """
    return container.plotly_chart(prepared(spec), width=width, theme=None, key=key, **options)


def png_image(png: bytes, *, caption: str, container: Any = st, **options: Any) -> None:
    """Show the PNG bytes ``png`` as they are, under ``caption``, in ``container``.

    ``st.image`` left to choose a format re-encodes a picture without transparency as JPEG
    (quality 90): lossy, so the single pixels and exact colours a PNG was made to keep are
    blurred, and about 1–2 ms of encoding per picture on every run (nine pictures per image
    lab run). Asked for PNG it sends the bytes unchanged (unless wider than Streamlit's
    largest content width, 1460 px, where it scales them down). ``options`` go to
    ``st.image`` (``width``, say).
    """
    container.image(png, caption=caption, output_format="PNG", **options)
