"""Colour by role (the default) or by value: the on-screen grids, their highlights, the
animation frames and the files all follow the page's one choice."""

from __future__ import annotations

import threading

import numpy as np

from convviz.controls.colour import made_under
from convviz.export import GridPanel
from convviz.figures.common.grid import GridSpec, Highlight, panels_figure, text_colours
from convviz.figures.common.panels import line_trace, values_update
from convviz.style.colouring import colouring, current_colouring
from convviz.style.palette import (
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    KIND_TEXT,
    ROLE_FILL,
    SECONDARY_HIGHLIGHT,
    SEQUENTIAL_SCALE,
    TEXT_DARK,
    CellKind,
)

VALUES = np.array([[0.0, 5.0], [10.0, -3.0]])
KINDS = np.array([[CellKind.BORDER_PAD, CellKind.REAL], [CellKind.REAL, CellKind.INSERTED_ZERO]])


def _heatmap_and_text(fig):
    heat = next(t for t in fig.data if t.type == "heatmap")
    text = next(t for t in fig.data if t.type == "scatter")
    return heat, text


def test_role_is_the_default_and_every_real_cell_takes_the_role_tint():
    assert current_colouring() == "role"
    for role in ("input", "kernel", "output", "other"):
        fig = panels_figure([GridSpec(values=VALUES, role=role, kinds=KINDS)])
        heat, text = _heatmap_and_text(fig)
        assert {colour for _, colour in heat.colorscale} == {ROLE_FILL[role]}
        # dark numbers on the real cells, quieter ones on padding and inserted zeros
        assert list(text.textfont.color) == [KIND_TEXT, TEXT_DARK, TEXT_DARK, KIND_TEXT]


def test_colour_by_value_uses_cividis_with_readable_text():
    with colouring("value"):
        spec = GridSpec(values=VALUES, role="input", kinds=KINDS)
    heat, text = _heatmap_and_text(panels_figure([spec]))
    assert [list(stop) for stop in heat.colorscale] == SEQUENTIAL_SCALE
    assert (heat.zmin, heat.zmax) == (5.0, 10.0)  # the real cells' range
    # 5 is the darkest real value (light text), 10 the lightest (dark text)
    assert list(text.textfont.color)[1:3] == ["#FFFFFF", TEXT_DARK]


def test_a_value_from_a_link_that_is_no_colouring_falls_back_to_role():
    with colouring("rainbow") as mode:
        assert mode == "role" and GridSpec(values=VALUES).colour_by == "role"


def test_the_window_is_a_bold_outline_over_a_translucent_fill():
    spec = GridSpec(
        values=VALUES,
        highlights=(Highlight(0, 0, 2, 2), Highlight(0, 0, 1, 1, colour=SECONDARY_HIGHLIGHT)),
    )
    window, tap = panels_figure([spec]).layout.shapes
    assert window.line.color == HIGHLIGHT and window.line.width >= 4
    assert window.fillcolor == HIGHLIGHT_FILL and "rgba" in HIGHLIGHT_FILL
    assert tap.fillcolor == "rgba(0,0,0,0)"  # other outlines stay unfilled
    step = line_trace([0, 1, 1, 0, 0], [0, 0, 1, 1, 0], panel=0)  # a plain trace dict
    assert step["fill"] == "toself" and step["fillcolor"] == HIGHLIGHT_FILL
    assert step["line"]["width"] >= 4
    other = line_trace([0], [0], panel=0, colour=SECONDARY_HIGHLIGHT)
    assert other["fill"] == "none" and "fillcolor" not in other


def test_animation_frames_keep_the_texts_dark_by_role():
    spec = GridSpec(values=VALUES, role="output")
    update = values_update(spec, np.array([[1.0, np.nan], [2.0, 3.0]]))
    assert set(update[1]["textfont"]["color"]) == {TEXT_DARK}
    assert text_colours(VALUES, np.ones((2, 2), bool), -3, 10, by_value=True) != [TEXT_DARK] * 4


def test_files_are_made_under_the_choice_of_the_page_even_on_another_thread():
    seen = {}

    def build():
        seen["mode"] = GridPanel(np.ones((1, 1))).colour_by

    worker = threading.Thread(target=made_under, args=("value", build))
    worker.start()
    worker.join()
    assert seen["mode"] == "value" and current_colouring() == "role"


def test_heat_maps_of_counts_keep_their_values_colours_by_role_too():
    """Overlap counts, path counts and stamp counts are patterns of values: cividis always."""
    from convviz.engine.checkerboard import overlap_counts
    from convviz.figures.dilated.paths import path_count_figure
    from convviz.figures.image_lab.upsampling import overlap_figure
    from convviz.figures.transposed.extras import checkerboard_specs

    assert current_colouring() == "role"
    counts = overlap_counts((4, 4), 3, stride=2)
    specs = checkerboard_specs(counts, counts, kernel_size=3, stride=2, lang="en")
    assert {spec.colour_by for spec in specs} == {"value"}
    paths = path_count_figure(np.array([[1, 2], [0, 4]]), (0, 0), lang="en")
    for fig in (paths, overlap_figure(lang="en")):
        heat = next(t for t in fig.data if t.type == "heatmap")
        assert [list(stop) for stop in heat.colorscale] == SEQUENTIAL_SCALE
