"""Figures of the transposed-convolution page."""
