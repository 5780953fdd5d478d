"""The NumPy engine: convolution ops, size arithmetic and the teaching views (no UI code)."""
