"""Page furniture shared by every page: the page style, the header, the intro, the PyTorch
code block, charts kept at their width and pictures shown as the PNG they are.

A topic page opens with its title and a one-line lead, then its main figure; the longer intro
sits in a collapsed "About this page" box after the figure, so the figure starts inside the
first screen of a 1024×768 projector.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

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


def pytorch_code(code: str, lang: str, *, note: str = "common.pytorch_code_note") -> None:
    """The equivalent PyTorch code, ready to copy, under ``note``: what it reproduces.

    The default note says the engine matches the code number for number; a page whose code
    runs on random data passes a key that says what it reproduces instead.
    """
    st.subheader(translate("common.pytorch_code", lang))
    st.caption(translate(note, lang))
    st.code(code, language="python")


# A chart's element container scrolls sideways (Streamlit gives it ``overflow-x: auto``); its
# frame kept at the figure's own width makes Plotly draw the figure at that width in it.
PHONE_MAX_PX = 700  # viewports up to this width are phones: charts keep their width there
KEEP_WIDTH_CSS = (
    "<style>@media (max-width: {phone}px) {{ .st-key-{key} [data-testid='stFullScreenFrame']"
    " {{ min-width: {width}px; }} }}</style>"
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
    hiding its output panel behind a sideways scroll.
    """
    if width:
        st.html(KEEP_WIDTH_CSS.format(key=key, width=int(width), phone=PHONE_MAX_PX))


def grid_chart(figure: Any, *, key: str, **options: Any) -> Any:
    """``st.plotly_chart`` of ``figure`` at its own width (``width="content"``), kept at that
    width on a narrower screen (:func:`keep_width`); ``options`` go to ``st.plotly_chart``.

    ``figure`` is a ``go.Figure`` with its layout (cached figures are). Returns what
    ``st.plotly_chart`` returns.
    """
    keep_width(key, figure.layout.width)
    return st.plotly_chart(figure, width="content", key=key, **options)


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
