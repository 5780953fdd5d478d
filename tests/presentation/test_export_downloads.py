"""The shared download row and share link, run in Streamlit's AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import code_blocks


def _app() -> None:
    import streamlit as st

    from convviz.controls.downloads import export_buttons, share_link

    st.query_params["stride"] = "2"

    export_buttons(
        "demo", lang="zh", file_stem="conv_k3", png=lambda: b"\x89PNG", csv=lambda: "1\n"
    )
    export_buttons("none", lang="en", file_stem="x")
    share_link("en")


def _buttons(at: AppTest) -> list:
    return [node.proto for node in at.main if node.type == "download_button"]


def test_buttons_defer_the_file_until_clicked_and_do_not_rerun():
    at = AppTest.from_function(_app)
    at.run()
    assert not at.exception
    buttons = _buttons(at)
    assert [b.label for b in buttons] == ["PNG", "CSV"]
    assert all(b.ignore_rerun and b.deferred_file_id and not b.url for b in buttons)
    assert buttons[0].help.startswith("本视图的图片")
    assert [b.id.rsplit("-", 1)[1] for b in buttons] == ["demo_png", "demo_csv"]


def test_share_link_shows_the_query_in_a_code_block():
    at = AppTest.from_function(_app)
    at.run()
    assert code_blocks(at)[0].value == "?stride=2"
    assert at.markdown[0].value == "**Link to this setting**"
