"""ConvViz: a NumPy engine and an interactive app for teaching convolution arithmetic."""
