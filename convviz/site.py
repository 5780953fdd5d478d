"""The page table: which page files exist, their fixed URL paths, title keys and icons.

``app.py`` builds ``st.navigation`` from this table; tests iterate over it. URL paths never
change with the language, so shared links keep working.
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
    PageInfo("pages/image_lab.py", "image-lab", "page.image_lab", ":material/image:"),
    PageInfo("pages/practice.py", "practice", "page.practice", ":material/quiz:"),
)
