"""Spatially separable kernels: a rank-1 ``k × k`` kernel is a ``k × 1`` column times a
``1 × k`` row, so one ``k × k`` convolution becomes two thin ones (``2k`` instead of ``k²``
multiplications per output). Any other kernel has more than one nonzero singular value and
cannot be split exactly. The split and the singular values come from the engine.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convviz.engine import separable
from convviz.figures.common.grid import GridSpec, format_number, panels_figure
from convviz.i18n import translate
from convviz.inputs import make_values

# Classic 3 × 3 kernels (integers, so the split is readable); "random" is drawn per seed.
EXAMPLES: dict[str, tuple[tuple[int, ...], ...] | None] = {
    "sobel": ((1, 0, -1), (2, 0, -2), (1, 0, -1)),  # [1, 2, 1]ᵀ · [1, 0, −1]
    "gaussian": ((1, 2, 1), (2, 4, 2), (1, 2, 1)),  # [1, 2, 1]ᵀ · [1, 2, 1]
    "box": ((1, 1, 1), (1, 1, 1), (1, 1, 1)),
    "laplacian": ((0, 1, 0), (1, -4, 1), (0, 1, 0)),
    "random": None,
}


def example_kernel(name: str, *, kernel_size: int = 3, seed: int = 0) -> np.ndarray:
    """The ``(k, k)`` kernel of example ``name``; ``random`` has integers in [-3, 3]."""
    rows = EXAMPLES[name]
    if rows is None:
        return make_values("random", (kernel_size, kernel_size), seed=seed)
    return np.array(rows, dtype=np.float64)


def separable_view(kernel: np.ndarray) -> dict[str, object]:
    """The engine's verdict on ``kernel``: rank, singular values, and the split if rank 1.

    Returns
    -------
    dict
        ``singular_values`` ``(k,)`` descending; ``rank``; ``column`` ``(k, 1)`` and ``row``
        ``(1, k)`` with ``column @ row == kernel`` when ``rank == 1``, else ``None``;
        ``approximation`` — the best rank-1 kernel ``σ₁ u₁ v₁ᵀ`` — and ``max_error``, its
        largest distance from ``kernel``.
    """
    split = separable.separable_split(kernel)
    column = None if split.column is None else np.asarray(split.column).reshape(-1, 1)
    row = None if split.row is None else np.asarray(split.row).reshape(1, -1)
    approximation = np.asarray(split.rank1, dtype=float)  # (k, k)
    return {
        "singular_values": np.asarray(split.singular_values, dtype=float),
        "rank": int(split.rank),
        "column": column,
        "row": row,
        "approximation": approximation,
        "max_error": float(np.abs(approximation - kernel).max()),
    }


def split_specs(
    kernel: np.ndarray, view: dict[str, object], *, lang: str
) -> tuple[list[GridSpec], tuple[str, str]]:
    """Panels ``column · row = kernel`` when the kernel splits, else ``kernel ≈ rank-1 + rest``.

    Parameters
    ----------
    kernel : np.ndarray
        ``(k, k)``.
    view : dict
        From :func:`separable_view`.

    Returns
    -------
    specs : list of GridSpec
        ``k×1``, ``1×k``, kernel; or kernel, best rank-1 kernel, residual ``(k, k)``.
    operators : (str, str)
    """
    kernel_spec = GridSpec(kernel, title=translate("separable.kernel", lang), role="kernel")
    if view["column"] is not None:
        specs = [
            GridSpec(view["column"], title="k×1", role="kernel"),
            GridSpec(view["row"], title="1×k", role="kernel"),
            kernel_spec,
        ]
        return specs, ("·", "=")
    residual = kernel - view["approximation"]  # (k, k)
    specs = [
        kernel_spec,
        GridSpec(view["approximation"], title=translate("separable.rank1", lang), role="other"),
        GridSpec(residual, title=translate("separable.residual", lang), role="other"),
    ]
    return specs, ("≈", "+")


def split_figure(kernel: np.ndarray, view: dict[str, object], *, lang: str) -> go.Figure:
    """:func:`split_specs` as one figure."""
    specs, operators = split_specs(kernel, view, lang=lang)
    return panels_figure(specs, operators=operators)


def verdict_text(kernel: np.ndarray, view: dict[str, object], *, lang: str) -> str:
    """What the singular values say, with the numbers and the multiplication counts."""
    k = kernel.shape[0]
    sigmas = ", ".join(format_number(float(s)) for s in view["singular_values"])
    if view["column"] is not None:
        return translate("separable.splits", lang, sigmas=sigmas, k=k, two_k=2 * k, k2=k * k)
    return translate(
        "separable.no_split",
        lang,
        sigmas=sigmas,
        rank=view["rank"],
        error=format_number(view["max_error"]),
    )
