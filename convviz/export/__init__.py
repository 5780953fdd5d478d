"""Files of every view for slides and lecture notes: PNG, animated GIF, LaTeX and CSV.

Describe a view with :mod:`~convviz.export.scene` (grids, graphs, scenes, animations; no
Pillow), built from an engine trace (:mod:`~convviz.export.animations`) or from an on-screen
figure (:mod:`~convviz.export.onscreen`), then render it: :func:`render_scene_png`,
:func:`render_animation_gif`, :func:`bmatrix` / :func:`size_formula_latex`, :func:`grid_csv`.
The pictures share the on-screen palette (:mod:`convviz.style.palette`) and print the
numbers in the cells.

A page offers its view for download like this (files are made only on click)::

    scene = Scene(tuple(panel_from_spec(spec) for spec in specs), caption, ("⊛", "="))
    export_buttons("window", lang=lang, file_stem="conv_k3_s2",
                   png=partial(render_scene_png, scene, lang=lang),
                   gif=partial(render_animation_gif, animation, lang=lang),
                   latex=partial(bmatrix, kernel), csv=partial(grid_csv, kernel))

(``export_buttons`` lives in :mod:`convviz.controls.downloads`.)
"""

from convviz.export.animations import (
    products_caption,
    scatter_add_animation,
    sliding_window_animation,
)
from convviz.export.budget import GifPlan, plan_gif
from convviz.export.csvtext import grid_csv
from convviz.export.gif import budgeted_gif, plan_for, render_animation_gif
from convviz.export.latex import bmatrix, latex_document, size_formula_latex, symbolic_entry
from convviz.export.onscreen import animation_from_frames, panel_from_spec, scene_from_specs
from convviz.export.png import render_scene_image, render_scene_png
from convviz.export.scene import (
    Animation,
    Bilingual,
    Edge,
    GraphPanel,
    GridPanel,
    NodeColumn,
    Scene,
    bilingual,
    format_number,
)

__all__ = [
    "Animation",
    "Bilingual",
    "Edge",
    "GifPlan",
    "GraphPanel",
    "GridPanel",
    "NodeColumn",
    "Scene",
    "animation_from_frames",
    "bilingual",
    "bmatrix",
    "budgeted_gif",
    "format_number",
    "grid_csv",
    "latex_document",
    "panel_from_spec",
    "plan_for",
    "plan_gif",
    "products_caption",
    "render_animation_gif",
    "render_scene_image",
    "render_scene_png",
    "scatter_add_animation",
    "scene_from_specs",
    "size_formula_latex",
    "sliding_window_animation",
    "symbolic_entry",
]
