"""ConvViz router: page config, language, and navigation over the pages in ``convviz.site``."""

import streamlit as st

import convviz.controls.preload  # noqa: F401  (first: see its docstring)
from convviz.controls import language_selector
from convviz.controls.layout import page_style
from convviz.i18n import translate
from convviz.site import PAGES

st.set_page_config(page_title="ConvViz", page_icon=":material/grid_view:", layout="wide")
page_style()
lang = language_selector()
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
