"""Build the exported files the README gallery shows, into ``assets/gallery/``.

Run from the project root::

    python bench/make_gallery.py

Each file is a real export of the app's exporters. The numbers come from the engine when its
modules are importable (``convviz.engine.conv`` / ``transpose`` / ``matrix`` /
``checkerboard``) and the script checks the pictures against it; until then they are
computed here with plain loops. The gallery stays small (well under 1 MB in total).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from convviz.export import (
    GridPanel,
    Scene,
    bilingual,
    bmatrix,
    latex_document,
    render_animation_gif,
    render_scene_png,
    scatter_add_animation,
    size_formula_latex,
    sliding_window_animation,
)
from convviz.style.palette import CellKind

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "gallery"
SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
BUDGET_BYTES = 1_000_000


def engine(module: str, name: str) -> Callable | None:
    """``convviz.engine.<module>.<name>`` if it exists yet, else None."""
    try:
        return getattr(importlib.import_module(f"convviz.engine.{module}"), name)
    except (ImportError, AttributeError):
        return None


def save(name: str, data: bytes | str) -> None:
    path = OUT / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size / 1e3:.1f} kB")


def transposed_scatter() -> None:
    """Scatter-add of a 2×2 input with a 3×3 kernel at stride 2 (output 5×5)."""
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    kernel = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
    animation = scatter_add_animation(x, kernel, stride=2, duration_ms=1200)
    final = animation.frames[-1].panels[2].values
    if (conv_transpose2d := engine("transpose", "conv_transpose2d")) is not None:
        expected = conv_transpose2d(x[None, None], kernel[None, None], stride=2)[0, 0]
        np.testing.assert_allclose(final, expected)
    save("transposed_scatter_2x2_k3_s2.gif", render_animation_gif(animation))


def sliding_window() -> None:
    """The window over a 5×5 input with padding 1 and stride 2 (output 3×3)."""
    x = np.arange(1.0, 26.0).reshape(5, 5)
    kernel = np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])
    padded = np.pad(x, 1)  # (7, 7)
    kinds = np.full(padded.shape, CellKind.BORDER_PAD, dtype=np.int8)
    kinds[1:-1, 1:-1] = CellKind.REAL
    animation = sliding_window_animation(padded, kernel, stride=2, kinds=kinds, duration_ms=1200)
    result = animation.frames[-1].panels[2].values
    if (conv2d := engine("conv", "conv2d")) is not None:
        expected = conv2d(x[None, None], kernel[None, None], stride=2, padding=1)[0, 0]
        np.testing.assert_allclose(result, expected)
    save("sliding_window_5x5_k3_p1_s2.gif", render_animation_gif(animation))
    formula = size_formula_latex("standard", size=5, kernel_size=3, stride=2, padding=1)
    save("size_formula_5x5_k3_p1_s2.tex", latex_document(formula))


def symbolic_c(size: int = 4, k: int = 3) -> np.ndarray:
    """Labels ``w₀₀ …`` of C for a ``size``² input, a ``k``² kernel, stride 1, no padding."""
    out = size - k + 1
    labels = np.full((out * out, size * size), "", dtype=object)  # (H_out·W_out, H·W)
    for r in range(out):
        for c in range(out):
            for i in range(k):
                for j in range(k):
                    name = f"w{str(i).translate(SUBSCRIPT)}{str(j).translate(SUBSCRIPT)}"
                    labels[r * out + c, (r + i) * size + c + j] = name
    return labels


def conv_matrix_c() -> None:
    """Seed 002's C: i=4, k=3, s=1, p=0 gives a 4×16 matrix of kernel rows with gaps."""
    labels = symbolic_c()
    if (symbolic := engine("matrix", "conv_matrix_symbolic")) is not None:
        print(f"(engine conv_matrix_symbolic found: {symbolic.__name__}; labels built here)")
    taps = labels != ""
    kinds = np.where(taps, CellKind.KERNEL, CellKind.INSERTED_ZERO).astype(np.int8)
    shown = np.where(taps, labels, "0")
    panel = GridPanel(
        taps.astype(float),
        bilingual("export.title.conv_matrix", rows=4, cols=16),
        "kernel",
        kinds=kinds,
        labels=shown,
    )
    scene = Scene((panel,), bilingual("export.caption.conv_matrix", size=4, k=3, gap=1))
    save("conv_matrix_c_i4_k3.png", render_scene_png(scene))
    save("conv_matrix_c_i4_k3.tex", latex_document(bmatrix(labels, symbolic=True)))


def overlap_counts() -> None:
    """How many 3×3 stamps land on each output cell at stride 2 (all-ones input and kernel)."""
    size, k, s = 4, 3, 2
    full = (size - 1) * s + k
    counts = np.zeros((full, full))  # (full, full): one stamp of ones per input cell
    for i in range(size):
        for j in range(size):
            counts[i * s : i * s + k, j * s : j * s + k] += 1
    if (counts_of := engine("checkerboard", "overlap_counts")) is not None:
        try:
            from_engine = np.asarray(counts_of((size, size), kernel_size=k, stride=s))
        except TypeError as error:  # the engine's signature differs from this guess
            print(f"(overlap_counts not compared: {error})")
        else:
            np.testing.assert_array_equal(from_engine, counts)
    panel = GridPanel(  # a heat map: the checkerboard is a pattern of values
        counts,
        bilingual("export.title.overlap", k=k, s=s),
        "output",
        value_range=(0, 4),
        colour_by="value",
    )
    caption = bilingual("export.caption.overlap", k=k, s=s)
    for lang in ("en", "zh"):
        suffix = "" if lang == "en" else "_zh"
        save(
            f"overlap_counts_k3_s2{suffix}.png",
            render_scene_png(Scene((panel,), caption), lang=lang),
        )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    transposed_scatter()
    sliding_window()
    conv_matrix_c()
    overlap_counts()
    total = sum(path.stat().st_size for path in OUT.iterdir())
    print(f"total {total / 1e3:.1f} kB")
    if total > BUDGET_BYTES:
        raise SystemExit(f"gallery is {total} bytes, over the {BUDGET_BYTES} byte budget")


if __name__ == "__main__":
    main()
