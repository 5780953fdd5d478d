"""ConvViz: a NumPy engine and an interactive app for teaching convolution arithmetic.

The public engine API (PyTorch semantics, channels-first, PyTorch weight layouts)::

    from convviz import conv1d, conv2d, conv3d, conv_transpose2d, conv_matrix
    y = conv2d(x, w, stride=2, padding=1)
    clip_out = conv3d(clip, w3, padding=(1, 1, 1))  # clip: (N, C, D, H, W)

Invalid arguments raise :class:`ValueError` (a :class:`convviz.engine.errors.ConvValueError`)
whose message names the values and the rule that was broken.
"""

from convviz.engine.conv import conv1d, conv2d, conv3d
from convviz.engine.counting import conv_params
from convviz.engine.deform import deform_conv2d
from convviz.engine.matrix import conv_matrix
from convviz.engine.receptive import receptive_field
from convviz.engine.sizes import (
    conv_output_size,
    conv_transpose_output_size,
    effective_kernel_size,
)
from convviz.engine.transpose import conv_transpose2d

__all__ = [
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_matrix",
    "conv_output_size",
    "conv_params",
    "conv_transpose2d",
    "conv_transpose_output_size",
    "deform_conv2d",
    "effective_kernel_size",
    "receptive_field",
]
