"""Entry-point hook: registers a strategy for every public model with Hypothesis.

Hypothesis runs the ``hypothesis`` entry-point group when it is imported, so
this module must not be imported by anything else in the package.

Both import orders work. When Hypothesis is imported first, the hook imports
[`safeguarding.strategies`][], which registers every strategy as it finishes
loading. When [`safeguarding.strategies`][] is imported first, it imports
Hypothesis while it is still loading, so the hook runs against a partially
initialised module: it then does nothing, and the module registers every
strategy itself once it has finished loading.
"""

from __future__ import annotations

import sys


def _register_strategies() -> None:
    loading = sys.modules.get("safeguarding.strategies")
    if loading is not None and not getattr(loading, "_INITIALISED", False):
        # safeguarding.strategies is importing Hypothesis: it registers its
        # strategies itself at the end of its own import.
        return

    from safeguarding.strategies import register_strategies  # noqa: PLC0415 - runs only when Hypothesis loads

    register_strategies()
