"""Strategies for the thresholds package: continua, local procedures, journeys and cohorts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from safeguarding.calendar import ENGLAND_AND_WALES, FIRST_COVERED, LAST_COVERED
from safeguarding.procedures import NATIONAL_NAME, Procedures
from safeguarding.rules import Version
from safeguarding.strategies._cases import EARLIEST_REFERRAL, episodes, inconsistent_episodes
from safeguarding.strategies._core import calendar_dates, citations, working_calendars
from safeguarding.thresholds.cohorts import (
    AttendanceThreshold,
    Cohort,
    CohortCriterion,
    Concern,
    IdentifiedConcern,
    RiskRating,
)
from safeguarding.thresholds.continuum import (
    CONTINUUM,
    SECTION_47_THRESHOLD,
    Continuum,
    ContinuumLevel,
    DecisionLimit,
    Level,
    Response,
)
from safeguarding.thresholds.journey import JourneyReport, JourneyStep, check_journey
from safeguarding.thresholds.timescales import INITIAL_CONFERENCE_ANCHOR, IcpcAnchor

__all__ = [
    "STRATEGIES",
    "attendance_thresholds",
    "cohort_criteria",
    "cohorts",
    "continua",
    "continuum_levels",
    "front_door_calls",
    "identified_concerns",
    "journey_reports",
    "journey_steps",
    "threshold_procedures",
]

_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")


def continuum_levels() -> st.SearchStrategy[ContinuumLevel]:
    """Single levels of a continuum: any level, name, response and description."""
    return st.builds(
        ContinuumLevel,
        level=st.sampled_from(Level),
        name=_text,
        response=st.sampled_from(Response),
        description=st.one_of(st.just(""), _text),
    )


def continua() -> st.SearchStrategy[Continuum]:
    """Partnerships' own continua: four levels whose responses never decrease."""

    @st.composite
    def build(draw: st.DrawFn) -> Continuum:
        responses = sorted(
            draw(st.lists(st.sampled_from(Response), min_size=4, max_size=4)),
            key=lambda r: r.rank,
        )
        levels = tuple(
            ContinuumLevel(
                level=level,
                name=draw(_text),
                response=response,
                description=draw(st.one_of(st.just(""), _text)),
            )
            for level, response in zip(Level, responses, strict=True)
        )
        return Continuum(
            name=draw(_text),
            levels=levels,
            source=draw(citations()),
            decision_limit=draw(st.sampled_from(DecisionLimit)),
        )

    return build()


def threshold_procedures() -> st.SearchStrategy[Procedures]:
    """Procedures that may choose the ICPC anchor (from a drawn date) and local closures."""

    @st.composite
    def build(draw: st.DrawFn) -> Procedures:
        anchor = draw(st.one_of(st.none(), st.sampled_from(IcpcAnchor)))
        calendar = draw(st.one_of(st.just(ENGLAND_AND_WALES), working_calendars()))
        if anchor is None:
            return Procedures(name=draw(_text), calendar=calendar)
        local = Version(
            in_force_from=draw(calendar_dates()), value=anchor, source=draw(citations())
        )
        return Procedures(
            name=draw(_text.filter(lambda text: text != NATIONAL_NAME)),
            calendar=calendar,
            overrides={INITIAL_CONFERENCE_ANCHOR.key: local},
        )

    return build()


def front_door_calls() -> st.SearchStrategy[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Valid calls of [`front_door_response`][safeguarding.thresholds.front_door_response].

    A level, a day from the s47 threshold's commencement, procedures setting a drawn
    continuum from before that day, and a known or unknown s47 threshold.
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[tuple[Any, ...], dict[str, Any]]:
        on = draw(calendar_dates(max(FIRST_COVERED, SECTION_47_THRESHOLD.in_force_from)))
        continuum = draw(continua())
        since = draw(calendar_dates(max_value=on))
        procedures = Procedures(
            name=continuum.name if continuum.name != NATIONAL_NAME else "local",
            overrides={
                CONTINUUM.key: Version(
                    in_force_from=since, value=continuum, source=continuum.source
                )
            },
        )
        kwargs = {
            "on": on,
            "procedures": procedures,
            "significant_harm": draw(st.one_of(st.none(), st.booleans())),
        }
        return (draw(st.sampled_from(Level)),), kwargs

    return build()


def journey_reports() -> st.SearchStrategy[JourneyReport]:
    """Reports of [`check_journey`][safeguarding.thresholds.journey.check_journey]."""
    return st.builds(
        check_journey,
        st.one_of(episodes(), inconsistent_episodes()),
        on=calendar_dates(EARLIEST_REFERRAL, LAST_COVERED - dt.timedelta(days=180)),
        procedures=threshold_procedures(),
    )


def journey_steps() -> st.SearchStrategy[JourneyStep]:
    """Steps taken from [`journey_reports`][]."""
    return (
        journey_reports()
        .filter(lambda report: bool(report.steps))
        .flatmap(lambda report: st.sampled_from(report.steps))
    )


def identified_concerns() -> st.SearchStrategy[IdentifiedConcern]:
    """Concerns, rated red, amber or green, or not rated."""
    return st.builds(
        IdentifiedConcern,
        concern=st.sampled_from(Concern),
        rating=st.one_of(st.none(), st.sampled_from(RiskRating)),
    )


def cohort_criteria() -> st.SearchStrategy[CohortCriterion]:
    """Criteria with age ranges from 0 to 25 (10, 18 and 25 drawn often) and rating sets."""
    ages = st.one_of(st.sampled_from((0, 10, 17, 18, 24, 25)), st.integers(0, 30))

    @st.composite
    def build(draw: st.DrawFn) -> CohortCriterion:
        low, high = sorted((draw(ages), draw(ages)))
        ratings = draw(st.one_of(st.none(), st.frozensets(st.sampled_from(RiskRating), min_size=1)))
        return CohortCriterion(
            concern=draw(st.sampled_from(Concern)), min_age=low, max_age=high, ratings=ratings
        )

    return build()


def cohorts() -> st.SearchStrategy[Cohort]:
    """Partnerships' own cohorts: one to six criteria and a source."""
    return st.builds(
        Cohort,
        name=_text,
        criteria=st.lists(cohort_criteria(), min_size=1, max_size=6).map(tuple),
        source=citations(),
    )


def attendance_thresholds() -> st.SearchStrategy[AttendanceThreshold]:
    """Attendance thresholds per term, per year or both."""
    counts = st.integers(min_value=1, max_value=60)

    @st.composite
    def build(draw: st.DrawFn) -> AttendanceThreshold:
        per_term, per_year = draw(
            st.one_of(
                st.tuples(counts, st.none()),
                st.tuples(st.none(), counts),
                st.tuples(counts, counts),
            )
        )
        return AttendanceThreshold(
            name=draw(_text),
            visits_per_term=per_term,
            visits_per_year=per_year,
            source=draw(citations()),
        )

    return build()


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    AttendanceThreshold: attendance_thresholds,
    Cohort: cohorts,
    CohortCriterion: cohort_criteria,
    Continuum: continua,
    ContinuumLevel: continuum_levels,
    IdentifiedConcern: identified_concerns,
    JourneyReport: journey_reports,
    JourneyStep: journey_steps,
}
"""The strategy for each public model of [`safeguarding.thresholds`][]."""
