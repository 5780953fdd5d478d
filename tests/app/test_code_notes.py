"""The caption over each page's PyTorch code says what the code reproduces: the page's own
numbers only where the code runs on them (image lab and dilated stacks run on random data)."""

from __future__ import annotations

import pytest

from convviz.i18n import translate
from tests.app.conftest import code_blocks, open_app

NOTES = {
    "pages/standard.py": "common.pytorch_code_note",
    "pages/transposed.py": "common.pytorch_code_note",
    "pages/grouped.py": "common.pytorch_code_note",
    "pages/pointwise.py": "common.pytorch_code_note",
    "pages/dilated.py": "dilated.code.note",
    "pages/image-lab.py": "image_lab.code.note",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", sorted(NOTES))
def test_code_note_says_what_the_code_reproduces(page, lang):
    tabbed = page in (
        "pages/standard.py",
        "pages/transposed.py",
        "pages/dilated.py",
        "pages/grouped.py",
    )
    at = open_app(lang, page, view="code") if tabbed else open_app(lang, page)
    captions = [c.value for c in at.caption]
    assert translate(NOTES[page], lang) in captions
    codes = [c.value for c in code_blocks(at) if "import torch" in c.value]
    assert codes
    random = any("torch.rand(" in code or "torch.randn(" in code for code in codes)
    assert random == (NOTES[page] != "common.pytorch_code_note")
