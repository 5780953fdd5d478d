"""Spatially separable kernels: when a k×k convolution is a k×1 one followed by a 1×k one.

A kernel splits into a column times a row exactly when it has rank 1, i.e. one nonzero
singular value. Then convolving with the column and then with the row gives the same output
as the full kernel, for ``k_h + k_w`` multiplications per output instead of ``k_h·k_w``.
Any other kernel (a Laplacian, most random ones) has a best rank-1 approximation
``σ₁·u₁·v₁ᵀ`` (Eckart–Young) and a nonzero error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from convviz.engine.errors import ConvValueError
from convviz.engine.params import as_float_array, check_ndim

_SIGNIFICANT_ROW = 1e-3  # a row this small (relative) is not used as the split's pivot


@dataclass(frozen=True, eq=False)
class KernelSplit:
    """What the singular values of a kernel say about splitting it.

    Attributes
    ----------
    singular_values : np.ndarray
        (min(k_h, k_w),) float64, descending.
    rank : int
        Number of singular values above ``tol``.
    tol : float
        The threshold used.
    column, row : np.ndarray or None
        (k_h, 1) and (1, k_w) with ``column @ row == kernel`` (to rounding) when
        ``rank <= 1``, else ``None``.
    rank1 : np.ndarray
        (k_h, k_w) best rank-1 approximation ``σ₁·u₁·v₁ᵀ`` (the kernel itself when it splits).
    rank1_column, rank1_row : np.ndarray
        (k_h, 1) and (1, k_w) factors of ``rank1``.
    error : float
        Frobenius norm of ``kernel − rank1``, ``sqrt(σ₂² + σ₃² + …)``.
    max_error : float
        Largest ``|kernel − rank1|`` entry.
    """

    singular_values: np.ndarray
    rank: int
    tol: float
    column: np.ndarray | None
    row: np.ndarray | None
    rank1: np.ndarray
    rank1_column: np.ndarray
    rank1_row: np.ndarray
    error: float
    max_error: float

    @property
    def separable(self) -> bool:
        """Whether the kernel is a column times a row (rank 0 or 1)."""
        return self.rank <= 1


def _factors(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column (k_h, 1) and row (1, k_w) with ``column @ row == matrix`` for a rank-1 matrix.

    The row is the first row of ``matrix`` that is not negligible, and the column is scaled so
    its entry there is 1: integer kernels give readable factors, e.g. Sobel
    ``[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] = [1, 2, 1]ᵀ · [-1, 0, 1]``.
    """
    size = np.abs(matrix).max(axis=1)  # (k_h,) largest entry of each row
    if not size.any():
        return np.zeros((matrix.shape[0], 1)), np.zeros((1, matrix.shape[1]))
    pivot_row = int(np.argmax(size >= _SIGNIFICANT_ROW * size.max()))
    pivot_col = int(np.argmax(np.abs(matrix[pivot_row])))
    column = matrix[:, pivot_col] / matrix[pivot_row, pivot_col]  # (k_h,), 1 at pivot_row
    return column.reshape(-1, 1), matrix[pivot_row].reshape(1, -1)  # (k_h, 1), (1, k_w)


def separate_kernel(kernel: Any, *, tol: float | None = None) -> KernelSplit:
    """Split a 2-D kernel into a k_h×1 column and a 1×k_w row, or say how far it is from one.

    Parameters
    ----------
    kernel : array_like
        (k_h, k_w) real numbers.
    tol : float, optional
        Singular values at or below ``tol`` count as zero. By default
        ``σ₁ · max(k_h, k_w) · eps`` (as ``numpy.linalg.matrix_rank``).

    Returns
    -------
    KernelSplit
        Singular values, rank, the factors when the rank is at most 1, and the best rank-1
        approximation with its error either way.

    Raises
    ------
    ConvValueError
        ``bad_ndim`` unless 2-D, ``bad_dtype`` unless real numbers,
        ``separable_kernel_empty`` for a zero-sized kernel, ``separable_kernel_not_finite`` for
        NaN or infinite entries, ``separable_bad_tolerance`` for a negative or non-finite ``tol``.

    Notes
    -----
    With ``kernel = Σ σ_i u_i v_iᵀ`` (SVD), the best rank-1 kernel is ``σ₁ u₁ v₁ᵀ`` and its
    Frobenius error is ``sqrt(Σ_{i≥2} σ_i²)``. The factors' scale is a choice
    (``c·column`` with ``row / c`` works too); here the column has a 1 at the first
    non-negligible row, so the row is that row of the kernel.

    Examples
    --------
    Sobel-x in OpenCV's and SciPy's sign (cross-correlation gives +ve on a rising ramp):

    >>> split = separate_kernel([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    >>> split.rank, split.column.ravel().tolist(), split.row.ravel().tolist()
    (1, [1.0, 2.0, 1.0], [-1.0, 0.0, 1.0])
    """
    matrix = as_float_array("kernel", kernel).astype(np.float64)
    check_ndim("kernel", matrix, (2,))
    if matrix.size == 0:
        raise ConvValueError(
            "separable_kernel_empty",
            f"kernel has shape {matrix.shape}; it needs at least one row and one column",
            shape=str(matrix.shape),
        )
    if not np.isfinite(matrix).all():
        raise ConvValueError(
            "separable_kernel_not_finite",
            "kernel has NaN or infinite entries; every entry must be a finite number",
            count=int(np.count_nonzero(~np.isfinite(matrix))),
        )
    u, sigma, vt = np.linalg.svd(matrix)  # (k_h, k_h), (min,), (k_w, k_w)
    if tol is None:
        tol = float(sigma[0]) * max(matrix.shape) * np.finfo(np.float64).eps
    elif not (isinstance(tol, int | float | np.floating) and np.isfinite(tol) and tol >= 0):
        raise ConvValueError(
            "separable_bad_tolerance",
            f"tol={tol!r} must be a finite number >= 0",
            suggestion={"tol": None},
            value=repr(tol),
        )
    rank = int(np.count_nonzero(sigma > tol))
    rank1 = sigma[0] * np.outer(u[:, 0], vt[0])  # (k_h, k_w)
    if rank <= 1:
        rank1 = matrix.copy()
    column, row = _factors(rank1)
    residual = matrix - column @ row  # (k_h, k_w)
    split_ok = rank <= 1
    return KernelSplit(
        singular_values=sigma,
        rank=rank,
        tol=float(tol),
        column=column if split_ok else None,
        row=row if split_ok else None,
        rank1=column @ row,
        rank1_column=column,
        rank1_row=row,
        error=float(np.sqrt(np.sum(sigma[1:] ** 2))),
        max_error=float(np.abs(residual).max()),
    )


# The name the grouped page's figures call; the same function.
separable_split = separate_kernel
