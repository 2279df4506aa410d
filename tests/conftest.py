"""Test configuration: the Hypothesis profiles.

``quick`` (``scripts/test.sh --quick``), ``dev`` (the default, for pytest run by hand)
and ``thorough`` (``scripts/test.sh``, what CI runs); ``HYPOTHESIS_PROFILE`` chooses.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("quick", max_examples=10, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "thorough",
    max_examples=300,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
