"""Fewer and shorter pauses of Python's garbage collector in a server full of students.

Each full collection walks every object the process tracks: the imported libraries (NumPy,
pandas, Plotly, SciPy, Streamlit: about 150 000 objects) and every cached figure, while no
session's script can run. On one process serving 30 students (``bench/bench_load.py``, a
busy 2-core machine) that was about 16 full collections a minute of up to 370 ms CPU
(580 ms wall) each, 2.4 s of CPU in all. Two changes, made once per process when ``app.py``
first imports this module (right after :mod:`convviz.controls.preload` has finished the
heavy imports):

- ``gc.freeze()`` moves everything alive then (the libraries) out of the collector's reach:
  those objects live as long as the process, and no collection walks them again;
- the young generation is collected after :data:`THRESHOLDS`\\ [0] new objects instead of 700,
  and the older ones less often, so that a run's short-lived objects (a figure's dict, a
  page's widgets) are mostly freed by reference counting before any collection looks at them.

Reference counting frees everything that is not in a cycle at once, whatever the thresholds.
Measured in the same setting: 4 full collections a minute of at most 70 ms CPU; every
collection together about 1.0 s of CPU instead of 3.2 s; the longest pause of any generation
120–140 ms CPU instead of 370–390. The price is memory: garbage in cycles waits longer for a
collection (``bench/bench_pages.py`` in one process, every page: peak about 525 MiB instead
of 500).
"""

from __future__ import annotations

import gc

import convviz.controls.preload  # noqa: F401  (the heavy imports, before the freeze)

# (young, middle, old): allocations before a young collection; young collections before a
# middle one; middle collections before an old (full) one. Python's default is (700, 10, 10).
THRESHOLDS = (20_000, 20, 20)


def settle() -> None:
    """Collect what is garbage now, freeze what is left, and set :data:`THRESHOLDS`."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


settle()
