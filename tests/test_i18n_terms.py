"""The Chinese text reads as the English does: one term per idea, and bold that renders.

Bold is ``**…**``. In CommonMark (what Streamlit's markdown follows) a ``**`` run opens only
when it is left-flanking and closes only when it is right-flanking; next to full-width
punctuation (，。：？（）) a marker on the wrong side of the punctuation is neither, and the
page shows the asterisks. :func:`literal_markers` applies those rules.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from convviz.i18n import catalogue, translate

CODE_OR_MATH = re.compile(r"`[^`]*`|\$[^$]*\$")
BOLD = re.compile(r"(?<!\*)\*\*(?!\*)")


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"  # CommonMark: Unicode P and S categories


def literal_markers(text: str) -> list[int]:
    """Offsets of the ``**`` runs that CommonMark leaves as literal asterisks."""
    text = CODE_OR_MATH.sub("x", text)
    opened, literal = [], []
    for match in BOLD.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        left = not after.isspace() and (
            not _punctuation(after) or before.isspace() or _punctuation(before)
        )
        right = not before.isspace() and (
            not _punctuation(before) or after.isspace() or _punctuation(after)
        )
        if right and opened:
            opened.pop()
        elif left:
            opened.append(match.start())
        else:
            literal.append(match.start())
    return literal + opened


def test_the_rule_on_known_cases():
    assert literal_markers("**不对：**你的答案是 3") == [0, 5]  # the old practice text
    assert literal_markers("**不对**：你的答案是 3") == []
    assert literal_markers("它的转置**：y = Cᵀ·x**，形状") != []
    assert literal_markers("它的转置：**y = Cᵀ·x**，形状") == []
    assert literal_markers("**HDC 规则二：** 两个") == []  # a space after the marker is fine
    assert literal_markers("`a**b` and $x^{**}$") == []


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_bold_markers_render_in_both_languages(key):
    for lang, text in zip(("en", "zh"), catalogue()[key], strict=True):
        assert literal_markers(text) == [], f"{key} ({lang}) would show literal **: {text}"


def test_one_chinese_term_for_stride_and_for_scatter_add():
    chinese = {key: zh for key, (_, zh) in catalogue().items()}
    assert not [key for key, zh in chinese.items() if "步幅" in zh]  # stride is 步长
    assert not [key for key, zh in chinese.items() if "逐点盖章" in zh]  # scatter-add: 散布相加
    scatter = [key for key, (en, _) in catalogue().items() if "scatter-add" in en.lower()]
    assert len(scatter) >= 5
    assert [key for key in scatter if "散布相加" not in chinese[key]] == []
    strides = [key for key, (en, _) in catalogue().items() if re.search(r"\bstrides?\b", en)]
    named = ("步长", "stride")  # the term, or the parameter's own name
    assert [key for key in strides if not any(n in chinese[key] for n in named)] == []


def test_pytorch_same_padding_is_a_total_per_axis_in_chinese_too():
    en, zh = (translate("standard.pad.same_intro", lang) for lang in ("en", "zh"))
    assert "k − 1 cells per axis" in en
    assert "在每个轴上一共填 k − 1 格" in zh and "每个方向" not in zh


def test_dilated_floor_note_says_no_window_covers_the_rows():
    zh = translate("dilated.window.floor", "zh", leftover=1)
    assert "没有任何窗口覆盖" in zh and "起点" not in zh


def test_no_text_cites_an_article_the_app_does_not_have():
    cited = [k for k, (en, zh) in catalogue().items() if "the article" in en or "原文" in zh]
    assert cited == []
