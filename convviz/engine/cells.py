"""What a cell of a lowered grid is: a real value, an inserted zero, padding, and so on.

The engine's views (zero insertion, the direct form, scatter-add canvases) label every cell
with one of these kinds; the figures and exporters colour cells by kind.
"""

from __future__ import annotations

from enum import IntEnum


class CellKind(IntEnum):
    """What a cell of a grid represents, independent of its value."""

    REAL = 0  # a real input / output value
    INSERTED_ZERO = 1  # zero inserted between input values (stride of a transposed conv)
    BORDER_PAD = 2  # border padding (zeros or a padding-mode copy)
    OUTPUT_PAD = 3  # extra row / column added by output_padding
    OUTSIDE = 4  # never reached by the window (floor in the size formula), or a gap
    KERNEL = 5  # a kernel tap
