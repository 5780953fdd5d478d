"""Finish the heavy first imports before any page runs.

Every session runs ``app.py`` in its own thread. When a whole class opens a link to a fresh
server, those threads import Plotly at the same moment, and Plotly looks pandas up in
``sys.modules`` without waiting for it: one thread can find the pandas another thread is still
importing and fail with ``partially initialized module 'pandas' has no attribute 'Series'``.
``app.py`` imports this module first (through :mod:`convviz.controls.collector`). Python lets
only one thread execute a module's first import and makes the others wait for it, so by the
time any session goes on, pandas and Plotly are complete.
"""

import numpy  # noqa: F401
import pandas  # noqa: F401
import plotly.graph_objects
import plotly.io  # noqa: F401
import scipy.sparse  # noqa: F401
