"""The README and docs/ describe the repository as it is: the files they name exist, they cite
no file the repository does not hold, and the numbers of docs/teaching-notes.md are the
engine's."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from convviz import conv_output_size, conv_transpose2d, receptive_field
from convviz.engine.hdc import hdc_check
from convviz.engine.paths import gridding_holes, path_counts
from convviz.engine.video_counts import VIDEO_LAYERS, r2plus1d_mid_channels, video_layers
from convviz.figures.common import counts

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "deploy" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NOTES = (ROOT / "docs" / "teaching-notes.md").read_text(encoding="utf-8")
# `a/b.py`, `docs/x.md`, `tests/support/` and [text](path) links: paths, not URLs or code
PATH = re.compile(r"`([\w.-]+(?:/[\w.-]+)*(?:\.(?:md|py|txt|toml)|/))`|\]\(([\w./-]+)\)")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_docs_cite_no_file_outside_the_repository(doc):
    text = _text(doc)
    assert "CURRICULUM.md" not in text and "DESIGN.md" not in text


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_path_a_doc_names_exists(doc):
    named = {a or b for a, b in PATH.findall(_text(doc))}
    named = {name for name in named if "/" in name or name.endswith(".md")}
    named = {name for name in named if not name.startswith("test-artifacts/")}  # test output
    missing = [
        name
        for name in sorted(named)
        if not any((base / name).exists() for base in (ROOT, ROOT / "convviz", doc.parent))
    ]
    assert missing == []


def test_architecture_doc_describes_conv_as_the_code_does():
    architecture = _text(ROOT / "docs" / "architecture.md")
    line = next(line for line in architecture.splitlines() if line.strip().startswith("conv.py"))
    assert "einsum" not in line and "einsum" not in _text(ROOT / "convviz" / "engine" / "conv.py")
    assert "im2col" in line


def test_the_readme_points_to_the_teaching_notes():
    readme = _text(ROOT / "README.md")
    assert "docs/teaching-notes.md" in readme
    assert "happens to be installed" not in readme  # PyTorch is a test dependency now


def test_teaching_notes_numbers_are_the_engines():
    assert conv_output_size(4, 3, 2, 3) == 4
    assert "4 × 4, k = 3, s = 2, p = 3 gives 4 × 4" in NOTES
    assert receptive_field([(3, 1, 1), (3, 1, 2), (3, 1, 4)]) == [3, 7, 15]
    assert "reach 3, 7\n  and 15" in NOTES
    assert gridding_holes(path_counts([(3, 1, 2)] * 3))[:2] == (120, 169)
    assert "120 of the 169 pixels" in NOTES
    assert hdc_check([(3, 1, r) for r in (1, 2, 5)]).m2 == 2
    assert hdc_check([(3, 1, r) for r in (1, 2, 9)]).m2 == 5
    assert "rates 1, 2, 5 give M_2 = 2 and pass; 1, 2, 9 give M_2 = 5" in NOTES
    assert gridding_holes(path_counts([(3, 1, 2), (3, 1, 3)])).count > 0  # "2, 3 … holes"
    inception = counts.INCEPTION_DEFAULTS
    plain = counts.block_params(counts.inception_layers(**inception, reduced=False))
    reduced = counts.block_params(counts.inception_layers(**inception, reduced=True))
    assert (plain, reduced) == (387_072, 163_328)
    assert "= 387,072 weights" in NOTES and "163,328" in NOTES
    basic = counts.block_params(counts.bottleneck_layers(256, 64, bottleneck=False))
    bottleneck = counts.block_params(counts.bottleneck_layers(256, 64, bottleneck=True))
    assert (basic, bottleneck) == (1_179_648, 69_632)
    assert "69,632 weights, against 1,179,648" in NOTES
    ones = conv_transpose2d(np.ones((1, 5, 5)), np.ones((1, 1, 3, 3)), stride=2)[0, 5]
    assert ones[2:-2].tolist() == [2, 1, 2, 1, 2, 1, 2]  # "1 and 2 alternate"


def test_teaching_notes_3d_numbers_are_the_engines():
    layers = dict(zip(VIDEO_LAYERS, video_layers(64, 128, 16, 56), strict=True))
    assert layers["c3d"].weights == 221_184 and "3·3·3·64·128 = 221,184" in NOTES
    assert layers["c3d"].macs == 221_184 * 16 * 56 * 56
    assert r2plus1d_mid_channels(64, 64) == 144 and "M = 144" in NOTES
    assert layers["r2plus1d"].convs[0].out_channels == 230
    assert layers["r2plus1d"].weights == 220_800
    assert "M = 230 and 220,800 weights against\n  221,184" in NOTES
