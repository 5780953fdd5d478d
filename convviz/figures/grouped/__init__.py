"""Figures of the grouped / depthwise-separable page."""
