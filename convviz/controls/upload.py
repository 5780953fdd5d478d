"""Where a page's picture comes from: the bundled sample or a file the learner uploads.

The choice is a URL-bound radio (``?image_source=upload``); the uploaded file itself never goes
into the URL. Decoding goes through :func:`convviz.images.load_image` (size, pixel and format
checks) behind the cache, and a refused file is explained with :func:`show_error`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import streamlit as st

from convviz.controls.caching import cached
from convviz.controls.feedback import show_error
from convviz.controls.widgets import choice_control
from convviz.engine.errors import ConvValueError
from convviz.i18n import translate
from convviz.images import (
    DEFAULT_MAX_SIDE,
    MAX_UPLOAD_MB,
    UPLOAD_TYPES,
    load_image,
    load_sample_image,
)

SOURCES = ("sample", "upload")
UPLOAD_CACHE_ENTRIES = 16  # decoded uploads kept (a few MB each at most)


@cache
def _decoder():
    """``load_image`` behind its own small cache, so uploads cannot crowd out the rest."""
    return st.cache_data(load_image, max_entries=UPLOAD_CACHE_ENTRIES, show_spinner=False)


def image_source(
    lang: str,
    *,
    key: str = "image_source",
    container: Any = None,
    max_side: int = DEFAULT_MAX_SIDE,
) -> np.ndarray | None:
    """Let the learner pick the sample picture or upload one; return it as an array.

    Parameters
    ----------
    lang : {"en", "zh"}
    key : str
        Key (and URL parameter) of the source choice; the uploader uses ``<key>_file``.
    container : Streamlit container, optional
        Where to draw the controls (default: the sidebar).
    max_side : int
        Pictures are shrunk so that neither side exceeds this many pixels.

    Returns
    -------
    np.ndarray or None
        ``(H, W, 3)`` float32 in ``[0, 1]``; the sample while no file is uploaded; ``None``
        when the uploaded file was refused (the reason is already shown).
    """
    box = st.sidebar if container is None else container
    source = choice_control(key, SOURCES, lang, container=box)
    if source == "upload":
        upload = box.file_uploader(
            translate("images.upload_label", lang, limit_mb=MAX_UPLOAD_MB),
            type=list(UPLOAD_TYPES),
            key=f"{key}_file",
            help=translate("images.upload_help", lang, max_side=max_side),
            max_upload_size=MAX_UPLOAD_MB,
        )
        if upload is not None:
            try:
                return _decoder()(upload.getvalue(), max_side=max_side)
            except ConvValueError as error:
                with box:
                    show_error(error, lang, key=f"{key}_error")
                return None
        box.caption(translate("images.waiting_for_upload", lang))
    return cached(load_sample_image)(max_side=max_side)
