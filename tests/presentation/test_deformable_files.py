"""The deformable page's files: PNG and GIF of the chosen cell, the bilinear read in LaTeX, the
offsets as CSV, each checked against the engine's numbers."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from PIL import Image

from convviz.engine.deform_trace import cell_sampling
from convviz.export import budget
from convviz.figures.deformable import data, files
from tests.support.deformable import SMALL

SETTING = SMALL
HYPER = {"stride": 1, "padding": 0, "dilation": 1}


def _arrays(offsets: str, **changes):
    return data.page_arrays(**{**SETTING, "offsets": offsets, **changes})


def _cell(arrays, cell=(0, 0)):
    return cell_sampling(
        arrays["x"], arrays["offset"], arrays["kernel"], cell=cell, mask=arrays["mask"], **HYPER
    )


@pytest.mark.parametrize(
    ("offsets", "side"), [("shift", 2), ("zero", 1)]
)  # half-pixel points read 2×2 pixels, whole-pixel points one
def test_png_outlines_the_pixels_each_point_reads(offsets, side):
    arrays = _arrays(offsets)
    sampling = _cell(arrays)
    scene = files.sampling_scene(
        arrays["x"], arrays["output"], sampling, m=0, masked=False, lang="en"
    )
    squares = scene.panels[0].secondary
    assert len(squares) == 9
    for (r0, c0, r1, c1), (y, x) in zip(squares, sampling.points, strict=True):
        assert (r1 - r0, c1 - c0) == (side, side)
        assert (r0, c0) == (int(np.floor(y)), int(np.floor(x)))
    assert scene.panels[1].highlights == ((0, 0, 1, 1),)
    assert scene.caption.endswith(f"= {sampling.total:g}")
    image = Image.open(io.BytesIO(files.sampling_png(
        arrays["x"], arrays["output"], sampling, m=0, masked=False, lang="zh"
    )))  # fmt: skip
    assert image.format == "PNG" and image.width > image.height > 100


def _sweep(size, monkeypatch, **changes):
    """The GIF of row 1 for a setting, its plan, and the cells whose scenes were built."""
    arrays = _arrays("random", input_size=size, mask=True, **changes)
    gif_arrays = {k: arrays[k] for k in ("x", "offset", "kernel", "mask", "output")}
    hyper = {**HYPER, "padding": changes.get("padding", 0)}
    setting = {"row": 1, "m": data.margin(arrays["points"], size, hyper["padding"]), **hyper}
    built: list[tuple[int, int]] = []
    scene = files.sampling_scene

    def counting(x, output, sampling, **kwargs):
        built.append(sampling.cell)
        return scene(x, output, sampling, **kwargs)

    monkeypatch.setattr(files, "sampling_scene", counting)
    plan = files.sweep_gif_plan(**gif_arrays, lang="en", **setting)
    built.clear()
    gif = Image.open(io.BytesIO(files.sweep_gif(**gif_arrays, lang="en", **setting)))
    return gif, plan, built, arrays["output"].shape[1]


@pytest.mark.parametrize(
    ("size", "changes"), [(5, {}), (12, {}), (16, {"kernel_size": 1, "padding": 3})]
)  # rows of 3, 10 and 22 cells
def test_gif_sweeps_the_whole_row_within_the_export_budget(size, changes, monkeypatch):
    gif, plan, built, width = _sweep(size, monkeypatch, **changes)
    assert plan.total == width and plan.steps == tuple(range(width))  # every cell fits
    assert gif.format == "GIF" and gif.n_frames == width
    # one frame laid out to plan, then one scene per planned cell, nothing more
    assert built == [(1, 0)] + [(1, j) for j in range(width)]
    assert gif.width * gif.height <= budget.MAX_FRAME_PIXELS
    assert gif.n_frames * gif.width * gif.height <= budget.MAX_GIF_PIXELS
    base = (gif.height // plan.scale, gif.width // plan.scale)
    assert plan.scale == budget.fit_scale(base, 2)
    assert plan.reduced == (plan.scale < 2)


def test_gif_keeps_the_budgets_evenly_spaced_cells_when_it_must_cut(monkeypatch):
    monkeypatch.setattr(budget, "MAX_GIF_FRAMES", 3)
    gif, plan, built, width = _sweep(9, monkeypatch)  # a row of 7 cells
    assert width == 7 and plan.reduced
    assert plan.steps == budget.spaced_steps(7, 3) == (0, 3, 6)
    assert gif.n_frames == 3
    assert built == [(1, 0), (1, 0), (1, 3), (1, 6)]  # the other cells are never built


def test_latex_writes_the_bilinear_read_and_the_sum():
    arrays = _arrays("shift")  # every point at (a + 0.5, b + 0.5): four weights of 1/4
    sampling = _cell(arrays)
    tex = files.bilinear_latex(sampling, 0)
    assert (
        "\\tilde{x}(0.5, 0.5) = 0.25 \\cdot 1 + 0.25 \\cdot 2 + 0.25 \\cdot 6 + 0.25 \\cdot 7 = 4"
        in tex
    )
    assert tex.rstrip().endswith("\\end{document}")
    assert f"= {sampling.total:g}\n\\]" in tex
    assert sampling.total == arrays["output"][0, 0] == 90


def test_csv_holds_the_offset_field():
    arrays = _arrays("random", amount=1.0)
    rows = list(csv.reader(io.StringIO(files.offsets_csv(arrays["offset"]))))
    o = arrays["output"].shape[0]
    assert rows[0][0] == "channel" and len(rows[0]) == 1 + o * o
    assert [row[0] for row in rows[1:4]] == ["dy0", "dx0", "dy1"]
    back = np.array([[float(v) for v in row[1:]] for row in rows[1:]]).reshape(18, o, o)
    np.testing.assert_array_equal(back, arrays["offset"])


def test_file_stem_says_the_setting():
    stem = files.file_stem(
        offsets="scale", input_size=7, kernel_size=3, stride=2, padding=1, dilation=1
    )
    assert stem == "deformable_scale_i7_k3_s2_p1_d1"
