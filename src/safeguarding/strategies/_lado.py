"""Strategies for the LADO models: people, allegations, cases, contacts and service counts.

Dates cluster on the days the guidance changed: each edition of Keeping Children
Safe in Education (mostly 1 September) and the other LADO rules' commencement
days, with the days either side, mixed with bank holidays and plain dates.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.calendar import ENGLAND_AND_WALES, WorkingCalendar, bank_holidays
from safeguarding.lado import editions, measures, outcomes, records, threshold
from safeguarding.lado import timescales as lado_timescales
from safeguarding.lado.editions import KCSIE_EDITION
from safeguarding.lado.measures import ServiceMeasures
from safeguarding.lado.models import (
    Allegation,
    Behaviour,
    Case,
    ConcernCategory,
    Contact,
    Engagement,
    Person,
    Role,
    Sector,
    Setting,
    Timeline,
)
from safeguarding.lado.outcomes import OUTCOMES, Outcome, OutcomeDefinition, outcomes_in_force
from safeguarding.lado.records import RecordRemoval
from safeguarding.lado.timescales import (
    EMPLOYER_REFERRAL,
    HEARING_DECISION,
    INVESTIGATION_REPORT,
    ResolutionBand,
)
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.rules import DatedRule
from safeguarding.strategies._core import citations, timescales

__all__ = [
    "STRATEGIES",
    "allegations",
    "alleged_behaviours",
    "kcsie_dates",
    "lado_cases",
    "lado_contacts",
    "lado_people",
    "lado_procedures",
    "lado_service_measures",
    "lado_tally_calls",
    "lado_timelines",
    "outcome_definitions",
    "record_removals",
    "resolution_bands",
    "threshold_calls",
]

FIRST_DAY = KCSIE_EDITION.in_force_from
"""The first day any LADO rule applies (KCSIE 2014, 3 April 2014)."""
LAST_DAY = dt.date(2029, 12, 31)
"""The last day drawn by default: a year inside the calendar, so deadlines stay covered."""


_MODULES = (editions, measures, outcomes, records, threshold, lado_timescales)


@functools.cache
def _change_days() -> tuple[dt.date, ...]:
    """Days the LADO rules changed (three days either side), bank holidays and 29 February.

    Built from the LADO modules' own rules, not the package registry, so that
    drawing LADO dates never imports unrelated modules.
    """
    days: set[dt.date] = set()
    for module in _MODULES:
        for name in module.__all__:
            rule = getattr(module, name)
            if isinstance(rule, DatedRule):
                for start in rule.commencement_dates():
                    days.update(start + dt.timedelta(days=d) for d in range(-3, 4))
    for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
        for holiday in bank_holidays(year):
            days.update(holiday + dt.timedelta(days=d) for d in (-1, 0, 1))
        if year % 4 == 0:
            days.add(dt.date(year, 2, 29))
    return tuple(sorted(days))


def kcsie_dates(
    min_value: dt.date = FIRST_DAY, max_value: dt.date = LAST_DAY
) -> st.SearchStrategy[dt.date]:
    """Dates clustered around the days the LADO rules changed (1 September of each KCSIE year).

    Half the draws come from those days (and the three days either side), bank
    holidays and their neighbours, and 29 February; the rest are plain dates.

    Args:
        min_value: Earliest date drawn.
        max_value: Latest date drawn.

    Raises:
        InvalidArgument: bounds are not dates or are out of order.
    """
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if type(value) is not dt.date:
            raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is after max_value={max_value!r}")
    near = [day for day in _change_days() if min_value <= day <= max_value]
    plain = st.dates(min_value=min_value, max_value=max_value)
    return st.one_of(st.sampled_from(near), plain) if near else plain


_BIRTHS = st.one_of(
    st.sampled_from([dt.date(1960, 2, 29), dt.date(1972, 2, 29), dt.date(1996, 2, 29)]),
    st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2008, 12, 31)),
)
_PENSION_AGES = st.one_of(st.sampled_from([60, 65, 66, 67, 68]), st.integers(50, 75))


def lado_people(*, with_birth_details: bool | None = None) -> st.SearchStrategy[Person]:
    """People allegations are made about: every role, sector and engagement.

    Foster carers always have the role and engagement foster carer and the
    sector fostering.

    Args:
        with_birth_details: ``True`` for people with a date of birth and a
            normal pension age (needed for retention), ``False`` for people
            without, ``None`` for both.
    """
    if with_birth_details is None:
        births: st.SearchStrategy[dt.date | None] = st.one_of(st.none(), _BIRTHS)
        ages: st.SearchStrategy[int | None] = st.one_of(st.none(), _PENSION_AGES)
    elif with_birth_details:
        births, ages = _BIRTHS, _PENSION_AGES
    else:
        births, ages = st.none(), st.none()
    others = st.builds(
        Person,
        role=st.sampled_from([r for r in Role if r is not Role.FOSTER_CARER]),
        sector=st.sampled_from(Sector),
        engagement=st.sampled_from([e for e in Engagement if e is not Engagement.FOSTER_CARER]),
        date_of_birth=births,
        normal_pension_age=ages,
    )
    carers = st.builds(
        Person,
        role=st.just(Role.FOSTER_CARER),
        sector=st.just(Sector.FOSTERING),
        engagement=st.just(Engagement.FOSTER_CARER),
        date_of_birth=births,
        normal_pension_age=ages,
    )
    return st.one_of(others, carers)


_MAYBE = st.one_of(st.none(), st.booleans())


def alleged_behaviours() -> st.SearchStrategy[Behaviour]:
    """Alleged behaviours of every category and setting, each test true, false or unknown."""
    return st.builds(
        Behaviour,
        category=st.sampled_from(ConcernCategory),
        setting=st.sampled_from(Setting),
        harmed_child=_MAYBE,
        criminal_offence=_MAYBE,
        risk_to_children=_MAYBE,
        unsuitable=_MAYBE,
        breaches_code_of_conduct=_MAYBE,
    )


def allegations(*, max_behaviours: int = 4) -> st.SearchStrategy[Allegation]:
    """Allegations of 1 to *max_behaviours* behaviours, made on dates near rule changes.

    Args:
        max_behaviours: Most behaviours in one allegation (at least 1).

    Raises:
        InvalidArgument: *max_behaviours* is less than 1.
    """
    if max_behaviours < 1:
        raise InvalidArgument(f"max_behaviours={max_behaviours!r} must be at least 1")
    return st.builds(
        Allegation,
        made_on=kcsie_dates(),
        behaviours=st.lists(alleged_behaviours(), min_size=1, max_size=max_behaviours).map(tuple),
    )


_GAPS = st.integers(min_value=0, max_value=60)


def _timeline(draw: st.DrawFn, aware: dt.date) -> Timeline:
    steps: dict[str, dt.date | None] = {}
    latest = aware
    for name in (
        "referred_to_lado",
        "strategy_discussion",
        "investigation_report",
        "decision",
        "hearing",
        "concluded",
    ):
        if draw(st.booleans()):
            latest = min(latest + dt.timedelta(days=draw(_GAPS)), LAST_DAY)
            steps[name] = latest
        else:
            steps[name] = None
    return Timeline(employer_aware=aware, **steps)


def lado_timelines() -> st.SearchStrategy[Timeline]:
    """Timelines whose steps, where present, are in order (0 to 60 days apart)."""

    @st.composite
    def build(draw: st.DrawFn) -> Timeline:
        return _timeline(draw, draw(kcsie_dates()))

    return build()


def _outcome_on(draw: st.DrawFn, on: dt.date) -> Outcome | None:
    if not OUTCOMES.is_in_force(on):
        return None
    return draw(st.one_of(st.none(), st.sampled_from(outcomes_in_force(on=on))))


def lado_cases() -> st.SearchStrategy[Case]:
    """Cases: a person, an allegation, its timeline and, once concluded, an outcome.

    The outcome is a category in force on the date of the allegation (none
    before KCSIE 2016).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Case:
        allegation = draw(allegations())
        aware = min(allegation.made_on + dt.timedelta(days=draw(_GAPS)), LAST_DAY)
        timeline = _timeline(draw, aware)
        outcome = _outcome_on(draw, allegation.made_on) if timeline.concluded else None
        return Case(
            person=draw(lado_people()),
            allegation=allegation,
            timeline=timeline,
            outcome=outcome,
            person_left=draw(_MAYBE),
        )

    return build()


def lado_contacts(*, received_by: dt.date = LAST_DAY) -> st.SearchStrategy[Contact]:
    """Contacts to the LADO: advice or investigations, resolved or open.

    Resolution takes 0 to 400 days, so every band (7 and 31 days, 1, 3 and 12
    months, over 12 months) is drawn.

    Args:
        received_by: Latest day a contact is received (for a reporting date).

    Raises:
        InvalidArgument: *received_by* is not a date after 3 April 2014.
    """
    if type(received_by) is not dt.date or received_by < FIRST_DAY:
        raise InvalidArgument(f"received_by={received_by!r} must be a date from {FIRST_DAY}")

    @st.composite
    def build(draw: st.DrawFn) -> Contact:
        received = draw(kcsie_dates(max_value=received_by))
        investigated = draw(st.booleans())
        resolved = draw(
            st.one_of(
                st.none(),
                st.integers(min_value=0, max_value=400).map(
                    lambda d: received + dt.timedelta(days=d)
                ),
            )
        )
        outcome = _outcome_on(draw, received) if investigated and resolved else None
        return Contact(
            received=received, investigated=investigated, resolved=resolved, outcome=outcome
        )

    return build()


def lado_service_measures(*, max_contacts: int = 2000) -> st.SearchStrategy[ServiceMeasures]:
    """Consistent service counts (every part within its whole), including zeros.

    Args:
        max_contacts: Most contacts.

    Raises:
        InvalidArgument: *max_contacts* is negative.
    """
    if max_contacts < 0:
        raise InvalidArgument(f"max_contacts={max_contacts!r} must be at least 0")

    def upto(n: int) -> st.SearchStrategy[int]:
        return st.integers(min_value=0, max_value=n)

    @st.composite
    def build(draw: st.DrawFn) -> ServiceMeasures:
        contacts = draw(upto(max_contacts))
        investigations = draw(upto(contacts))
        resolved = draw(upto(contacts))
        concluded = draw(upto(min(investigations, resolved)))
        within_31 = draw(upto(resolved))
        within_12m = draw(upto(resolved))
        within_3m = draw(upto(within_12m))
        return ServiceMeasures(
            contacts=contacts,
            investigations=investigations,
            concluded=concluded,
            substantiated=draw(upto(concluded)),
            resolved=resolved,
            within_7_days=draw(upto(within_31)),
            within_31_days=within_31,
            within_1_month=draw(upto(within_3m)),
            within_3_months=within_3m,
            within_12_months=within_12m,
        )

    return build()


def _local_calendars() -> st.SearchStrategy[WorkingCalendar]:
    """England and Wales with up to three local closure days near rule changes."""
    closures = st.sets(kcsie_dates(), max_size=3).map(frozenset)
    return st.builds(WorkingCalendar, name=st.just("local closures"), extra_closures=closures)


_NAMES = st.sampled_from(
    ["Sefton SCP procedures 2021", "Cheshire East LSCB", "London Child Protection Procedures"]
)


_LOCAL_TIMESCALES = tuple(
    rule.key for rule in (EMPLOYER_REFERRAL, INVESTIGATION_REPORT, HEARING_DECISION)
)
"""The LADO timescales areas commonly set for themselves."""


def lado_procedures() -> st.SearchStrategy[Procedures]:
    """National guidance, and local procedures that set LADO timescales, with closure days.

    Local procedures set any of ``lado.employer_referral``, ``lado.investigation_report``
    and ``lado.hearing_decision`` to a timescale of any unit, in force from a date near
    a rule change (so that deadlines are drawn on both sides of it), citing either the
    named procedures (as [`Procedures.adopt`][safeguarding.procedures.Procedures.adopt]
    does) or a drawn citation.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Procedures:
        keys = draw(st.lists(st.sampled_from(_LOCAL_TIMESCALES), unique=True))
        return Procedures.adopt(
            draw(_NAMES),
            {key: draw(timescales()) for key in keys},
            in_force_from=draw(kcsie_dates()),
            source=draw(st.one_of(st.none(), citations())),
            calendar=draw(st.one_of(st.just(ENGLAND_AND_WALES), _local_calendars())),
        )

    return st.one_of(st.just(NATIONAL), build())


def outcome_definitions() -> st.SearchStrategy[OutcomeDefinition]:
    """Every outcome with each of the definitions any edition gave it."""
    known = sorted(
        {d for version in OUTCOMES.versions for d in version.value},
        key=lambda d: (d.outcome.value, d.meaning),
    )
    return st.sampled_from(known)


def resolution_bands() -> st.SearchStrategy[ResolutionBand]:
    """Resolution bands: a percentage (or "all but exceptional") within 1 to 120 months."""
    return st.builds(
        ResolutionBand,
        percent=st.one_of(st.none(), st.integers(min_value=1, max_value=100)),
        months=st.integers(min_value=1, max_value=120),
    )


def record_removals() -> st.SearchStrategy[RecordRemoval]:
    """Any set of removed outcomes, with or without the consent exception."""
    return st.builds(
        RecordRemoval,
        removed=st.frozensets(st.sampled_from(Outcome)),
        unless_consent=st.booleans(),
    )


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Allegation: allegations,
    Behaviour: alleged_behaviours,
    Case: lado_cases,
    Contact: lado_contacts,
    OutcomeDefinition: outcome_definitions,
    Person: lado_people,
    RecordRemoval: record_removals,
    ResolutionBand: resolution_bands,
    ServiceMeasures: lado_service_measures,
    Timeline: lado_timelines,
}
"""The strategy for each public LADO model."""


Call = tuple[tuple[Any, ...], dict[str, Any]]


def threshold_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess_threshold`][safeguarding.lado.assess_threshold]."""
    return st.tuples(allegations(), kcsie_dates(), lado_procedures()).map(
        lambda drawn: ((drawn[0],), {"on": drawn[1], "procedures": drawn[2]})
    )


def lado_tally_calls(*, max_contacts: int = 12) -> st.SearchStrategy[Call]:
    """Valid calls of [`tally_contacts`][safeguarding.lado.tally_contacts].

    A reporting date near a rule change, up to *max_contacts* contacts received by
    then (each resolved or not, in any band), and national or local procedures.

    Args:
        max_contacts: Most contacts in one call.

    Raises:
        InvalidArgument: *max_contacts* is negative.
    """
    if max_contacts < 0:
        raise InvalidArgument(f"max_contacts={max_contacts!r} must be at least 0")

    @st.composite
    def build(draw: st.DrawFn) -> Call:
        on = draw(kcsie_dates())
        contacts = draw(st.lists(lado_contacts(received_by=on), max_size=max_contacts))
        return (contacts,), {"on": on, "procedures": draw(lado_procedures())}

    return build()
