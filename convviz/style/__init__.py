"""What both renderers share: the colour-blind-safe palette and the colour of each cell kind.

Plotly figures and Pillow exporters both import from here; nothing here imports either.
"""
