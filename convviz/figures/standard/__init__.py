"""Figures of the standard-convolution page."""
