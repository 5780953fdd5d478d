"""Download buttons for a view (PNG, GIF, LaTeX, CSV) and the link to the current setting.

Files are made only when their button is clicked: each button gets a zero-argument callable
(``st.download_button(data=callable, on_click="ignore")``), so drawing a page costs nothing
and a click neither reruns the page nor resets an animation.

Progress while a file is built: Streamlit 1.67 runs the callable on a worker thread outside
the script run and ignores Streamlit commands made there, so a ``st.progress`` bar cannot be
driven from it. While the callable runs, the button itself turns into a spinner and is
disabled (the frontend does this for deferred downloads); every export builds in under 2 s
for the largest settings the app allows (``bench/bench_export.py``), so that spinner is the
progress shown. The ``progress`` callback of :func:`convviz.export.render_animation_gif`
serves scripts such as ``bench/make_gallery.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from convviz.controls.code_block import code_block
from convviz.controls.colour import made_under, page_colouring
from convviz.export.budget import MAX_GIF_FRAMES, MAX_GIF_PIXELS, GifPlan
from convviz.i18n import translate

FileMaker = Callable[[], bytes | str]
FORMATS = (  # (argument name, file suffix, MIME type)
    ("png", "png", "image/png"),
    ("gif", "gif", "image/gif"),
    ("latex", "tex", "application/x-tex"),
    ("csv", "csv", "text/csv"),
)


def export_buttons(
    key: str,
    *,
    lang: str,
    file_stem: str,
    png: FileMaker | None = None,
    gif: FileMaker | None = None,
    latex: FileMaker | None = None,
    csv: FileMaker | None = None,
    gif_plan: GifPlan | None = None,
    container: Any = None,
) -> None:
    """A compact row of download buttons, one per file maker given.

    Parameters
    ----------
    key : str
        Unique prefix of the button keys (``<key>_png``, ``<key>_gif``, …).
    lang : {"en", "zh"}
        Language of the labels and tooltips.
    file_stem : str
        File name without suffix, e.g. ``"transposed_k3_s2"``.
    png, gif, latex, csv : callable, optional
        Zero-argument functions returning the file (bytes, or str for LaTeX / CSV). They run
        on a worker thread after the click, so they must not call Streamlit: bind the values
        they need, e.g. ``functools.partial(render_scene_png, scene, lang=lang)``.
    gif_plan : GifPlan, optional
        The export budget's plan for ``gif`` (:mod:`convviz.export.budget`); when it keeps
        fewer frames or a smaller scale than the full animation, the GIF button says so.
    container : Streamlit container, optional
        Where to draw the row (default: the main area).
    """
    makers = {"png": png, "gif": gif, "latex": latex, "csv": csv}
    if not any(makers.values()):
        return
    box = st if container is None else container
    row = box.container(horizontal=True, gap="small", key=f"{key}_downloads")
    mode = page_colouring()  # files are coloured as the screen is
    for name, suffix, mime in FORMATS:
        maker = makers[name]
        if maker is None:
            continue
        label = translate(f"export.download.{name}", lang)
        help_text = translate(f"export.download.help.{name}", lang)
        if name == "gif" and gif_plan is not None and gif_plan.reduced:
            label, help_text = reduced_gif_text(gif_plan, lang)
        row.download_button(
            label,
            data=partial(made_under, mode, maker),
            file_name=f"{file_stem}.{suffix}",
            mime=mime,
            key=f"{key}_{name}",
            help=help_text,
            on_click="ignore",
            icon=":material/download:",
        )


def reduced_gif_text(plan: GifPlan, lang: str) -> tuple[str, str]:
    """Label and tooltip of a GIF button whose export budget cut frames or scale.

    Parameters
    ----------
    plan : GifPlan
        The budget's plan, with ``plan.reduced`` true.
    lang : {"en", "zh"}
        Language of the text.

    Returns
    -------
    label, help_text : str
        The label names what was cut: the steps kept (and the scale) when frames were
        dropped, only the scale when every step is kept.
    """
    values = {
        "frames": len(plan.steps),
        "total": plan.total,
        "scale": plan.scale,
        "asked": plan.asked_scale,
        "max_frames": MAX_GIF_FRAMES,
        "max_mpixels": MAX_GIF_PIXELS // 1_000_000,
    }
    variant = "gif_reduced" if len(plan.steps) < plan.total else "gif_rescaled"
    return (
        translate(f"export.download.{variant}", lang, **values),
        translate(f"export.download.help.{variant}", lang, **values),
    )


def current_url() -> str:
    """The address of this page with the current query parameters (the shareable state).

    ``st.context.url`` gives scheme, host, port and page path without the query; the query
    is rebuilt from ``st.query_params`` (repeated keys kept). Without a browser connection
    (e.g. in tests) only ``"?…"`` is returned.
    """
    base = st.context.url or ""
    pairs = [(name, value) for name in st.query_params for value in st.query_params.get_all(name)]
    query = urlencode(pairs)
    return f"{base}?{query}" if query else base


def share_link(lang: str, *, container: Any = None) -> str:
    """Show the link to the current setting in a copyable code block; return it.

    Widgets bound to the URL keep only non-default values there, so the link is short and
    still reproduces every setting.
    """
    box = st if container is None else container
    url = current_url()
    box.markdown(f"**{translate('export.share.title', lang)}**")
    code_block(url or "?", key="share_link", lang=lang, container=container)
    note = "export.share.explain" if url.startswith("http") else "export.share.no_url"
    box.caption(translate(note, lang))
    return url
