"""Figures of the 1×1 (pointwise) convolution page."""
