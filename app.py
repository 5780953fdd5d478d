"""ConvViz router: page config, language, and navigation over the pages in ``convviz.site``."""

from pathlib import Path

import streamlit as st

import convviz.controls.collector  # noqa: F401  (first: preload, then the collector; see both)
from convviz.controls import language_selector
from convviz.controls.layout import page_style
from convviz.controls.lecture import lecture_keys, lecture_on, lecture_switch
from convviz.i18n import translate
from convviz.site import PAGES

# A local picture, not an icon name or emoji: the page must need nothing from an outside host.
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
st.set_page_config(
    page_title="ConvViz",
    page_icon=str(FAVICON),
    layout="wide",
    initial_sidebar_state="collapsed" if lecture_on() else "auto",
)
page_style()
lang = language_selector()
lecture_switch(lang)
navigation = st.navigation(
    [
        st.Page(
            page.file,
            title=translate(page.title_key, lang),
            icon=page.icon,
            url_path=page.url_path,
            default=page.url_path == "home",
        )
        for page in PAGES
    ]
)
navigation.run()
lecture_keys()
