"""Hypothesis strategies for every public model (needs the ``hypothesis`` extra).

Install with ``pip install safeguarding[hypothesis]``. Every strategy draws
*valid* objects (each passes its model's validators), and the date strategies
go out of their way to hit the days where rules break: bank holidays and the
days either side, 29 February, rule commencement dates, and 16th and 18th
birthdays.

The package registers a strategy for every public model, through Hypothesis'
entry point and again when this module finishes loading (whichever of the two
is imported first), so in a downstream test suite ``st.from_type(Child)`` just
works.
Prefer ``st.from_type`` or the strategies here to ``st.builds(Child)``:
``builds`` ignores registrations and does not know the models' validators.

Examples:
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

from safeguarding.strategies import (
    _cases,
    _child_death,
    _core,
    _indicators,
    _io,
    _lado,
    _private_fostering,
    _report,
    _reviews,
    _schema,
    _thresholds,
)
from safeguarding.strategies._cases import (
    assessments,
    child_protection_plans,
    child_records,
    cin_plans,
    episodes,
    inconsistent_episodes,
    looked_after_periods,
    section47_enquiries,
    strategy_discussions,
)
from safeguarding.strategies._child_death import (
    categorisations,
    categorise_calls,
    category_counts,
    child_death_procedures,
    child_death_reviews,
    child_death_tally_calls,
    child_deaths,
    domain_assessments,
    expectedness_calls,
    in_scope_calls,
    joint_agency_response_calls,
    modifiable_factors_calls,
    panel_figures,
    shares,
)
from safeguarding.strategies._core import (
    calendar_dates,
    children,
    citations,
    cited_dates,
    dated_rules,
    dates_of_birth,
    deadlines,
    decisions,
    edge_dates,
    findings,
    guidance_editions,
    instruments,
    procedures,
    rule_rows,
    timescales,
    transitions,
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
    year_on_year_changes,
)
from safeguarding.strategies._io import (
    census_children,
    census_headers,
    pre_proceedings,
    problems,
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
    lado_tally_calls,
    lado_timelines,
    outcome_definitions,
    record_removals,
    resolution_bands,
    threshold_calls,
)
from safeguarding.strategies._private_fostering import (
    arrangement_records,
    arrangements,
    assess_calls,
    assess_carer_calls,
    carer_circumstances,
    fostering_notices,
    fostering_procedures,
    fostering_visits,
    holiday_stays,
    notice_rules,
    notification_records,
    relatives_definitions,
    required_visits,
    visit_clocks,
)
from safeguarding.strategies._report import pack_parts, packs, synthetic_summaries
from safeguarding.strategies._reviews import (
    advance_copy_calls,
    child_death_review_calls,
    domestic_homicide_review_calls,
    duties,
    incidents,
    local_partnerships,
    local_review_calls,
    looked_after_death_calls,
    notification_calls,
    notification_schemes,
    offensive_weapons_homicide_review_calls,
    panel_performances,
    rapid_review_calls,
    review_actions,
    review_cases,
    review_dates,
    review_decisions,
    review_procedures,
    review_regime_calls,
    review_tally_calls,
    safeguarding_adults_review_calls,
    serious_case_review_calls,
    serious_harm_calls,
    transition_windows,
)
from safeguarding.strategies._schema import (
    census_schemas,
    complex_types,
    element_declarations,
    simple_types,
)
from safeguarding.strategies._thresholds import (
    attendance_thresholds,
    cohort_criteria,
    cohorts,
    continua,
    continuum_levels,
    front_door_calls,
    identified_concerns,
    journey_reports,
    journey_steps,
    threshold_procedures,
)

__all__ = [
    "STRATEGIES",
    "advance_copy_calls",
    "allegations",
    "alleged_behaviours",
    "arrangement_records",
    "arrangements",
    "assess_calls",
    "assess_carer_calls",
    "assessments",
    "attendance_thresholds",
    "calendar_dates",
    "carer_circumstances",
    "categorisations",
    "categorise_calls",
    "category_counts",
    "census_children",
    "census_headers",
    "census_schemas",
    "child_death_procedures",
    "child_death_review_calls",
    "child_death_reviews",
    "child_death_tally_calls",
    "child_deaths",
    "child_protection_plans",
    "child_records",
    "children",
    "cin_plans",
    "citations",
    "cited_dates",
    "cohort_criteria",
    "cohorts",
    "comparisons",
    "complex_types",
    "continua",
    "continuum_levels",
    "counts",
    "dated_rules",
    "dates_of_birth",
    "deadlines",
    "decisions",
    "domain_assessments",
    "domestic_homicide_review_calls",
    "duties",
    "edge_dates",
    "element_declarations",
    "episodes",
    "estimates",
    "expectedness_calls",
    "findings",
    "fostering_notices",
    "fostering_procedures",
    "fostering_visits",
    "front_door_calls",
    "funnel_limits",
    "guidance_editions",
    "holiday_stays",
    "identified_concerns",
    "in_scope_calls",
    "incidents",
    "inconsistent_episodes",
    "indicator_values",
    "indicators",
    "instruments",
    "intervals",
    "joint_agency_response_calls",
    "journey_reports",
    "journey_steps",
    "kcsie_dates",
    "lado_cases",
    "lado_contacts",
    "lado_people",
    "lado_procedures",
    "lado_service_measures",
    "lado_tally_calls",
    "lado_timelines",
    "local_partnerships",
    "local_review_calls",
    "looked_after_death_calls",
    "looked_after_periods",
    "modifiable_factors_calls",
    "notice_rules",
    "notification_calls",
    "notification_records",
    "notification_schemes",
    "offensive_weapons_homicide_review_calls",
    "outcome_definitions",
    "pack_parts",
    "packs",
    "panel_figures",
    "panel_performances",
    "periods",
    "pre_proceedings",
    "problems",
    "procedures",
    "published_checks",
    "rapid_review_calls",
    "rate_funnel_curves",
    "rate_funnel_points",
    "record_removals",
    "register_strategies",
    "relatives_definitions",
    "required_visits",
    "resolution_bands",
    "review_actions",
    "review_cases",
    "review_dates",
    "review_decisions",
    "review_procedures",
    "review_regime_calls",
    "review_tally_calls",
    "rule_rows",
    "safeguarding_adults_review_calls",
    "section47_enquiries",
    "serious_case_review_calls",
    "serious_harm_calls",
    "shares",
    "simple_types",
    "standardised_rates",
    "strategy_discussions",
    "synthetic_summaries",
    "tallies",
    "targets",
    "threshold_calls",
    "threshold_procedures",
    "timescales",
    "total_checks",
    "transition_windows",
    "transitions",
    "two_level_intervals",
    "versions",
    "visit_clocks",
    "working_calendars",
    "year_on_year_changes",
]

STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    **_core.STRATEGIES,
    **_child_death.STRATEGIES,
    **_indicators.STRATEGIES,
    **_lado.STRATEGIES,
    **_reviews.STRATEGIES,
    **_private_fostering.STRATEGIES,
    **_cases.STRATEGIES,
    **_thresholds.STRATEGIES,
    **_io.STRATEGIES,
    **_report.STRATEGIES,
    **_schema.STRATEGIES,
}
"""The strategy for each public model, as registered with ``st.register_type_strategy``."""


_REGISTERED: set[type[Any]] = set()


def register_strategies() -> None:
    """Register the strategy of every model in [`STRATEGIES`][] with Hypothesis.

    Idempotent: a model already registered by this function is left alone, so
    the Hypothesis entry point and the import of this module can both call it
    (it already runs when this module is imported).

    Examples:
        >>> from hypothesis import given, strategies as st
        >>> from safeguarding.people import Child
        >>> register_strategies()
        >>> register_strategies()
        >>> @given(st.from_type(Child))
        ... def test_children(child):
        ...     assert isinstance(child, Child)
        >>> test_children()
    """
    for model, strategy in STRATEGIES.items():
        if model in _REGISTERED:
            continue
        st.register_type_strategy(model, st.deferred(strategy))
        _REGISTERED.add(model)


register_strategies()

_INITIALISED = True
"""Set once this module has finished loading (the entry-point hook checks it)."""
