"""The page table: which page files exist, their fixed URL paths, title keys and icons.

``app.py`` builds ``st.navigation`` from this table; tests iterate over it. URL paths never
change with the language, so shared links keep working.

Every page file is named after its URL path (``pages/image-lab.py`` for ``/image-lab``). Until
some session has run ``st.navigation``, a fresh Streamlit process serves ``pages/`` as a
folder of pages named after their files; a link whose path matched no file name made the
first visitor's browser show a "Page not found" dialog. With the names equal, the folder
mode finds the page, and ``controls.language`` reruns it through ``app.py``.
"""

from __future__ import annotations

from typing import NamedTuple


class PageInfo(NamedTuple):
    """One page of the app."""

    file: str  # path relative to the project root
    url_path: str  # fixed, language-independent
    title_key: str  # i18n key of the page title
    icon: str


PAGES: tuple[PageInfo, ...] = (
    PageInfo("pages/home.py", "home", "page.home", ":material/home:"),
    PageInfo("pages/standard.py", "standard", "page.standard", ":material/grid_on:"),
    PageInfo("pages/transposed.py", "transposed", "page.transposed", ":material/open_in_full:"),
    PageInfo("pages/dilated.py", "dilated", "page.dilated", ":material/blur_on:"),
    PageInfo("pages/grouped.py", "grouped", "page.grouped", ":material/view_column:"),
    PageInfo("pages/pointwise.py", "pointwise", "page.pointwise", ":material/filter_1:"),
    PageInfo("pages/conv3d.py", "conv3d", "page.conv3d", ":material/view_in_ar:"),
    PageInfo("pages/deformable.py", "deformable", "page.deformable", ":material/gesture:"),
    PageInfo("pages/image-lab.py", "image-lab", "page.image_lab", ":material/image:"),
    PageInfo("pages/practice.py", "practice", "page.practice", ":material/quiz:"),
)
