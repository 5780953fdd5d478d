"""Overview: what each page teaches and how to use the app in a class."""

import streamlit as st

from convviz.controls import current_language
from convviz.i18n import translate
from convviz.site import PAGES

lang = current_language()
st.title(translate("app.title", lang))
st.markdown(f"**{translate('app.tagline', lang)}**")
st.markdown(translate("home.intro", lang))

columns = st.columns(2)
for index, page in enumerate(p for p in PAGES if p.url_path != "home"):
    with columns[index % 2].container(border=True):
        st.page_link(page.file, label=translate(page.title_key, lang), icon=page.icon)
        st.markdown(translate(f"home.teaches.{page.url_path}", lang))

st.subheader(translate("home.teaching.title", lang))
st.markdown(translate("home.teaching.body", lang))
