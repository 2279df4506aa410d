"""Entry-point hook: registers a strategy for every public model with Hypothesis.

Hypothesis runs the ``hypothesis`` entry-point group when it is imported, so
this module must not be imported by anything else in the package.
"""

from __future__ import annotations


def _register_strategies() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - runs only when Hypothesis loads

    from safeguarding.strategies import STRATEGIES  # noqa: PLC0415 - idem

    for model, strategy in STRATEGIES.items():
        st.register_type_strategy(model, st.deferred(strategy))
