"""Shared Streamlit controls: the only package modules that import ``streamlit``.

Pages build their sidebars from these widgets (keyed by the engine's parameter names and bound
to the URL), show engine errors through :func:`show_error`, and cache computations with
:func:`cached`.
"""

from convviz.controls.caching import cached
from convviz.controls.code_block import pytorch_code
from convviz.controls.colour import colour_control
from convviz.controls.feedback import show_error, show_notice
from convviz.controls.language import current_language, language_selector
from convviz.controls.layout import grid_chart, page_header, page_intro, png_image
from convviz.controls.widgets import (
    choice_control,
    input_values_control,
    int_param,
    page_picker,
    param_controls,
    preset_picker,
)

__all__ = [
    "cached",
    "choice_control",
    "colour_control",
    "current_language",
    "grid_chart",
    "input_values_control",
    "int_param",
    "language_selector",
    "page_header",
    "page_intro",
    "page_picker",
    "param_controls",
    "png_image",
    "preset_picker",
    "pytorch_code",
    "show_error",
    "show_notice",
]
