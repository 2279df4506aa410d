"""Hypothesis strategies for every public model (needs the ``hypothesis`` extra).

Install with ``pip install safeguarding[hypothesis]``. Every strategy draws
*valid* objects (each passes its model's validators), and the date strategies
go out of their way to hit the days where rules break: bank holidays and the
days either side, 29 February, rule commencement dates, and 16th and 18th
birthdays.

The package registers a strategy for every public model through Hypothesis'
entry point, so in a downstream test suite ``st.from_type(Child)`` just works.
Prefer ``st.from_type`` or the strategies here to ``st.builds(Child)``:
``builds`` ignores registrations and does not know the models' validators.

>>> from hypothesis import given
>>> @given(children())
... def test_child_has_one_date(child):
...     assert (child.date_of_birth is None) != (child.expected_date_of_birth is None)
>>> test_child_has_one_date()
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from safeguarding.strategies import _child_death, _core, _indicators, _lado
from safeguarding.strategies._child_death import (
    categorisations,
    category_counts,
    child_death_procedures,
    child_death_reviews,
    child_deaths,
    domain_assessments,
    panel_figures,
    shares,
)
from safeguarding.strategies._core import (
    calendar_dates,
    children,
    citations,
    dated_rules,
    dates_of_birth,
    deadlines,
    decisions,
    edge_dates,
    findings,
    instruments,
    rule_rows,
    timescales,
    versions,
    working_calendars,
)
from safeguarding.strategies._indicators import (
    comparisons,
    counts,
    estimates,
    funnel_limits,
    indicator_values,
    indicators,
    intervals,
    periods,
    published_checks,
    rate_funnel_curves,
    rate_funnel_points,
    standardised_rates,
    tallies,
    targets,
    total_checks,
    two_level_intervals,
)
from safeguarding.strategies._lado import (
    allegations,
    alleged_behaviours,
    kcsie_dates,
    lado_cases,
    lado_contacts,
    lado_people,
    lado_procedures,
    lado_service_measures,
    lado_timelines,
    outcome_definitions,
    record_removals,
    resolution_bands,
)

__all__ = [
    "STRATEGIES",
    "allegations",
    "alleged_behaviours",
    "calendar_dates",
    "categorisations",
    "category_counts",
    "child_death_procedures",
    "child_death_reviews",
    "child_deaths",
    "children",
    "citations",
    "comparisons",
    "counts",
    "dated_rules",
    "dates_of_birth",
    "deadlines",
    "decisions",
    "domain_assessments",
    "edge_dates",
    "estimates",
    "findings",
    "funnel_limits",
    "indicator_values",
    "indicators",
    "instruments",
    "intervals",
    "kcsie_dates",
    "lado_cases",
    "lado_contacts",
    "lado_people",
    "lado_procedures",
    "lado_service_measures",
    "lado_timelines",
    "outcome_definitions",
    "panel_figures",
    "periods",
    "published_checks",
    "rate_funnel_curves",
    "rate_funnel_points",
    "record_removals",
    "resolution_bands",
    "rule_rows",
    "shares",
    "standardised_rates",
    "tallies",
    "targets",
    "timescales",
    "total_checks",
    "two_level_intervals",
    "versions",
    "working_calendars",
]

STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    **_core.STRATEGIES,
    **_child_death.STRATEGIES,
    **_indicators.STRATEGIES,
    **_lado.STRATEGIES,
}
"""The strategy for each public model, as registered with ``st.register_type_strategy``."""
