"""Plotly figure builders: engine arrays in, ``plotly.graph_objects.Figure`` out."""
