"""Figures of the 3-D convolution page: frames, voxels, layer counts, code."""
