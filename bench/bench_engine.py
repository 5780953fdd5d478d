"""Time the engine's convolutions against a plain NumPy version and, if installed, PyTorch.

Run ``python bench/bench_engine.py [--repeats N] [--fresh-memory]``. Prints the median wall time
(``time.perf_counter``) of each case after one warm-up call, and the largest difference of
each column from the engine's result, so a fast but wrong column shows up at once.

The "plain NumPy" column is a direct implementation without im2col or matrix multiplies:
one broadcast multiply-and-sum per kernel tap (what a careful NumPy user would write first).
``--fresh-memory`` reruns the script with glibc told to map every allocation above 64 KB
afresh and give it back on free (``MALLOC_MMAP_THRESHOLD_`` / ``MALLOC_TRIM_THRESHOLD_``), so
each call pays for the system zeroing its new pages, as a call does in a process that has not
yet grown its heap; by default the allocator is left alone and, after the first large free,
mostly reuses memory.

Both sides get the same thread count, set before anything is imported (``--threads``, default
1): ``OMP_NUM_THREADS``, ``OPENBLAS_NUM_THREADS``, ``MKL_NUM_THREADS`` and the like for NumPy's
BLAS, and ``torch.set_num_threads`` for PyTorch; the script prints what each side then uses.
One thread is the default because NumPy's element-wise work runs on one core whatever the
setting, and a server under load gives each rerun about one core. With ``--threads N > 1`` a
"torch 1t" column adds PyTorch on one thread. The PyTorch columns and the "engine / torch"
ratio are skipped when PyTorch is not importable.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# BLAS / OpenMP pools read these once, when NumPy (or PyTorch) is first imported.
THREAD_ENV = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def _threads_argument(argv: list[str]) -> int:
    """``--threads N`` from the command line (default 1), read before NumPy is imported."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--threads", type=int, default=1)
    threads = parser.parse_known_args(argv)[0].threads
    return max(threads, 1)


THREADS = _threads_argument(sys.argv[1:])
os.environ.update(dict.fromkeys(THREAD_ENV, str(THREADS)))

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from machine import machine_line  # noqa: E402

from convviz.engine.conv import conv2d, conv3d  # noqa: E402
from convviz.engine.transpose import conv_transpose2d  # noqa: E402

try:
    import torch
except ImportError:  # PyTorch is optional: the column is left out
    torch = None
else:
    torch.set_num_threads(THREADS)


GOAL_RATIO = 2.0  # engine time over PyTorch's, same threads (issue 19)

# glibc: allocations above 64 KB are mapped afresh and returned to the system when freed
FRESH_MEMORY_ENV = {"MALLOC_MMAP_THRESHOLD_": "65536", "MALLOC_TRIM_THRESHOLD_": "65536"}


def direct_conv2d(x: np.ndarray, w: np.ndarray, *, padding: int, groups: int) -> np.ndarray:
    """Stride-1 grouped convolution, tap by tap, with broadcasting only.

    x: (C_in, H, W); w: (C_out, C_in/G, k, k); returns (C_out, H_out, W_out).
    """
    _, h, width = x.shape
    c_out, cg, k, _ = w.shape
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    oh, ow = h + 2 * padding - k + 1, width + 2 * padding - k + 1
    xg = xp.reshape(groups, 1, cg, *xp.shape[1:])  # (G, 1, C_in/G, Hp, Wp)
    wg = w.reshape(groups, c_out // groups, cg, k, k)  # (G, C_out/G, C_in/G, k, k)
    out = np.zeros((groups, c_out // groups, oh, ow), dtype=x.dtype)
    for i in range(k):
        for j in range(k):
            taps = wg[:, :, :, i, j, None, None]  # (G, C_out/G, C_in/G, 1, 1)
            out += (taps * xg[:, :, :, i : i + oh, j : j + ow]).sum(axis=2)
    return out.reshape(c_out, oh, ow)  # (C_out, H_out, W_out)


def direct_conv3d(x: np.ndarray, w: np.ndarray, *, padding: int) -> np.ndarray:
    """Stride-1 3-D convolution (groups 1), tap by tap, with broadcasting only.

    x: (C_in, D, H, W); w: (C_out, C_in, k, k, k); returns (C_out, D_out, H_out, W_out).
    """
    c_out, _, k = w.shape[:3]
    xp = np.pad(x, ((0, 0), *((padding, padding),) * 3))  # (C_in, Dp, Hp, Wp)
    od, oh, ow = (size - k + 1 for size in xp.shape[1:])
    out = np.zeros((c_out, od, oh, ow), dtype=x.dtype)
    for a in range(k):
        for i in range(k):
            for j in range(k):
                taps = w[:, :, a, i, j]  # (C_out, C_in)
                window = xp[:, a : a + od, i : i + oh, j : j + ow]  # (C_in, D_out, H_out, W_out)
                out += np.tensordot(taps, window, axes=1)
    return out


def direct_conv_transpose2d(
    x: np.ndarray, w: np.ndarray, *, stride: int, padding: int
) -> np.ndarray:
    """Transposed convolution (groups 1), stamping tap by tap with broadcasting only.

    x: (C_in, H, W); w: (C_in, C_out, k, k); returns (C_out, H_out, W_out).
    """
    _, h, width = x.shape
    _, c_out, k, _ = w.shape
    full = np.zeros((c_out, (h - 1) * stride + k, (width - 1) * stride + k), dtype=x.dtype)
    for i in range(k):
        for j in range(k):
            taps = w[:, :, i, j, None, None]  # (C_in, C_out, 1, 1)
            stamp = (x[:, None] * taps).sum(axis=0)  # (C_out, H, W)
            full[
                :, i : i + (h - 1) * stride + 1 : stride, j : j + (width - 1) * stride + 1 : stride
            ] += stamp
    return full[:, padding : full.shape[1] - padding, padding : full.shape[2] - padding]


def median_ms(call: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``call`` in milliseconds, after one warm-up call."""
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def cases(rng: np.random.Generator) -> list[dict]:
    """The four benchmark shapes, float32 throughout."""
    image = rng.standard_normal((3, 512, 512), dtype=np.float32)
    w_image = rng.standard_normal((16, 3, 3, 3), dtype=np.float32)
    feat = rng.standard_normal((16, 128, 128), dtype=np.float32)
    w_up = rng.standard_normal((16, 8, 4, 4), dtype=np.float32)
    depth = rng.standard_normal((32, 128, 128), dtype=np.float32)
    w_depth = rng.standard_normal((32, 1, 3, 3), dtype=np.float32)
    clip = rng.standard_normal((16, 8, 64, 64), dtype=np.float32)
    w_clip = rng.standard_normal((16, 16, 3, 3, 3), dtype=np.float32)
    result = [
        {
            "name": "conv2d 3x512x512 -> 16, k=3 p=1",
            "engine": lambda: conv2d(image, w_image, padding=1),
            "numpy": lambda: direct_conv2d(image, w_image, padding=1, groups=1),
        },
        {
            "name": "conv_transpose2d 16x128x128 -> 8, k=4 s=2 p=1",
            "engine": lambda: conv_transpose2d(feat, w_up, stride=2, padding=1),
            "numpy": lambda: direct_conv_transpose2d(feat, w_up, stride=2, padding=1),
        },
        {
            "name": "depthwise 32x128x128, k=3 p=1 g=32",
            "engine": lambda: conv2d(depth, w_depth, padding=1, groups=32),
            "numpy": lambda: direct_conv2d(depth, w_depth, padding=1, groups=32),
        },
        {
            "name": "conv3d 16x8x64x64 -> 16, k=3 p=1",
            "engine": lambda: conv3d(clip, w_clip, padding=1),
            "numpy": lambda: direct_conv3d(clip, w_clip, padding=1),
        },
    ]
    if torch is not None:
        functional = torch.nn.functional
        # inputs get a batch axis of 1; weights are taken as they are
        t = {"image": image[None], "feat": feat[None], "depth": depth[None], "clip": clip[None],
             "w_image": w_image, "w_up": w_up, "w_depth": w_depth, "w_clip": w_clip}  # fmt: skip
        t = {name: torch.from_numpy(a) for name, a in t.items()}
        result[0]["torch"] = lambda: functional.conv2d(t["image"], t["w_image"], padding=1)
        result[1]["torch"] = lambda: functional.conv_transpose2d(
            t["feat"], t["w_up"], stride=2, padding=1
        )
        result[2]["torch"] = lambda: functional.conv2d(
            t["depth"], t["w_depth"], padding=1, groups=32
        )
        result[3]["torch"] = lambda: functional.conv3d(t["clip"], t["w_clip"], padding=1)
        for case in result:
            case["torch 1t"] = one_thread(case["torch"])
    return result


def one_thread(call: Callable[[], object]) -> Callable[[], object]:
    """``call`` run with PyTorch limited to one thread (the default is restored after)."""

    def limited() -> object:
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            return call()
        finally:
            torch.set_num_threads(threads)

    return limited


def as_array(value: object) -> np.ndarray:
    """A result as a (C, ...) NumPy array (torch tensors lose their batch axis)."""
    if torch is not None and isinstance(value, torch.Tensor):
        return value.detach().numpy()[0]
    return np.asarray(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="timed calls per cell")
    parser.add_argument(
        "--fresh-memory",
        action="store_true",
        help="every allocation above 64 KB on new pages (glibc), as in a young process",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="BLAS/OpenMP threads for NumPy and PyTorch alike (default 1)",
    )
    args = parser.parse_args()
    if args.fresh_memory and FRESH_MEMORY_ENV.items() - os.environ.items():
        # glibc reads these once at start-up, so the script runs again with them set
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, **FRESH_MEMORY_ENV})

    extra = ["torch 1t"] if THREADS > 1 else []
    columns = ["engine", "numpy"] + (["torch", *extra] if torch is not None else [])
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs", end=""
    )
    if torch is not None:
        print(f", torch {torch.__version__}", end="")
    memory = "fresh pages every call" if args.fresh_memory else "allocator left alone"
    print(f"; {memory}; median of {args.repeats} after 1 warm-up, milliseconds, float32")
    print(thread_line())
    print(machine_line())
    ratio = ["engine / torch"] if torch is not None else []
    header = (
        f"{'case':<48}"
        + "".join(f"{c:>12}" for c in columns)
        + "".join(f"{c:>16}" for c in ratio)
        + f"{'max |diff|':>14}"
    )
    print(header)
    print("-" * len(header))
    ratios: dict[str, float] = {}
    for case in cases(np.random.default_rng(0)):
        reference = as_array(case["engine"]())
        diff = max(float(np.abs(as_array(case[c]()) - reference).max()) for c in columns)
        times = {c: median_ms(case[c], args.repeats) for c in columns}
        cells = "".join(f"{times[c]:12.1f}" for c in columns)
        if ratio:
            ratios[case["name"]] = times["engine"] / times["torch"]
            cells += f"{ratios[case['name']]:15.2f}×"
        print(f"{case['name']:<48}{cells}{diff:14.1e}")
    for name, value in ratios.items():
        # depthwise stays pure NumPy (no compiled kernel is shipped): its ratio is reported
        if name.startswith("depthwise"):
            goal = "(pure NumPy, no goal)"
        else:
            goal = "within 2×" if value <= GOAL_RATIO else "NOT within 2×"
        print(f"{name.split()[0]}: engine / torch = {value:.2f}× {goal}")


def openblas_threads() -> int | None:
    """The thread count NumPy's OpenBLAS reports, or ``None`` when it is another BLAS."""
    libraries = {
        line.split()[-1] for line in Path("/proc/self/maps").read_text().splitlines()
        if "openblas" in line.lower()
    }  # fmt: skip
    for library in sorted(libraries):
        with contextlib.suppress(OSError):
            loaded = ctypes.CDLL(library)
            for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
                         "openblas_get_num_threads"):  # fmt: skip
                if hasattr(loaded, name):
                    return int(getattr(loaded, name)())
    return None


def thread_line() -> str:
    """The thread counts each side runs with, as set and as the libraries report them."""
    settings = ", ".join(f"{name}={os.environ[name]}" for name in THREAD_ENV[:3])
    line = f"threads: {THREADS} for both sides ({settings}); NumPy's OpenBLAS reports "
    line += str(openblas_threads() or "– (not OpenBLAS)")
    if torch is not None:
        line += f", torch.get_num_threads() {torch.get_num_threads()}"
    return line


if __name__ == "__main__":
    main()
