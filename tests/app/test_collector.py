"""The router's first import leaves the garbage collector settled: libraries frozen, and
collections as rare as :data:`convviz.controls.collector.THRESHOLDS` says."""

from __future__ import annotations

import gc

import pandas

from convviz.controls import collector
from tests.app.conftest import open_app


def test_after_the_router_runs_libraries_are_frozen_and_thresholds_set():
    at = open_app("en")
    assert not at.exception
    assert gc.get_threshold() == collector.THRESHOLDS
    assert gc.get_freeze_count() > 100_000  # the imported libraries
    namespace = vars(pandas)  # a dict alive since the preload: frozen, no collection walks it
    assert gc.is_tracked(namespace)
    assert not any(obj is namespace for obj in gc.get_objects())
