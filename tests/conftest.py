"""Shared test configuration: hypothesis profiles (CI runs more examples, never on a deadline)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

if os.environ.get("CI"):
    # PyTorch is a test dependency: in CI the parity and snippet tests must run, never skip.
    import torch  # noqa: F401
