"""Font discovery: DejaVu then Noto CJK then Pillow's own font; mixed text split into runs."""

from __future__ import annotations

import pytest
from PIL import ImageFont

from convviz.export import fonts


def test_chain_order_and_builtin_last():
    faces = fonts.chain("sans")
    assert faces[-1] == fonts.FontFile(fonts.BUILTIN)
    if fonts.latin_face("sans") is not None:
        assert faces[0] == fonts.latin_face("sans")
        assert "DejaVu" in fonts.load(faces[0], 12).getname()[0]


def test_cjk_font_is_noto_sans_cjk_sc():
    if not fonts.has_cjk():
        pytest.skip("no CJK font installed (Debian: apt install fonts-noto-cjk)")
    sans = fonts.load(fonts.cjk_face("sans"), 20)
    assert sans.getname()[0] == "Noto Sans CJK SC"
    assert fonts.load(fonts.cjk_face("mono"), 20).getname()[0] == "Noto Sans Mono CJK SC"
    assert fonts.covers(fonts.cjk_face("sans"), "卷")
    assert fonts.font(20, cjk=True).getname()[0] == "Noto Sans CJK SC"


def test_runs_pick_a_face_per_character():
    if fonts.latin_face("sans") is None or not fonts.has_cjk():
        pytest.skip("needs DejaVu and Noto CJK")
    pieces = fonts.runs("输入 w₀₀ ⊛ k")
    assert [text for _, text in pieces] == ["输入", " w₀₀ ⊛ k"]
    assert pieces[0][0] == fonts.cjk_face("sans") and pieces[1][0] == fonts.latin_face("sans")
    # Noto CJK has no subscript digits: drawing them with it would give boxes.
    assert not fonts.covers(fonts.cjk_face("sans"), "₀")


def test_missing_fonts_fall_back_to_the_builtin_font(monkeypatch):
    monkeypatch.setattr(fonts, "latin_face", lambda style="sans": None)
    monkeypatch.setattr(fonts, "cjk_face", lambda style="sans": None)
    assert fonts.chain("bold") == (fonts.FontFile(fonts.BUILTIN),)
    assert isinstance(fonts.font(14), ImageFont.FreeTypeFont | ImageFont.ImageFont)
    assert "".join(text for _, text in fonts.runs("x 中")) == "x ?"
