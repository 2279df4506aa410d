"""Strategies for the foundation models: citations, rules, decisions, the calendar, children."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.calendar import (
    ENGLAND_AND_WALES,
    FIRST_COVERED,
    LAST_COVERED,
    WorkingCalendar,
    bank_holidays,
)
from safeguarding.citations import Citation, Instrument, Verification
from safeguarding.decisions import Deadline, Decision, Finding, Timescale, Unit
from safeguarding.people import Child, age_on
from safeguarding.procedures import NATIONAL_NAME, Procedures
from safeguarding.rules import DatedRule, RuleRow, Version, all_rules, render_value
from safeguarding.sources import EDITIONS, CitedDate, Edition, Series, Transition

__all__ = [
    "STRATEGIES",
    "calendar_dates",
    "children",
    "citations",
    "cited_dates",
    "dated_rules",
    "dates_of_birth",
    "deadlines",
    "decisions",
    "edge_dates",
    "findings",
    "guidance_editions",
    "instruments",
    "procedures",
    "rule_rows",
    "timescales",
    "transitions",
    "versions",
    "working_calendars",
]

T = TypeVar("T")

_LEAP_DAYS = tuple(
    dt.date(year, 2, 29)
    for year in range(FIRST_COVERED.year, LAST_COVERED.year + 1)
    if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
)


@functools.cache
def _edge_dates() -> tuple[dt.date, ...]:
    one = dt.timedelta(days=1)
    edges: set[dt.date] = set()
    for year in range(FIRST_COVERED.year, LAST_COVERED.year + 1):
        for day in bank_holidays(year):
            edges.update((day - one, day, day + one))
        edges.update((dt.date(year, 1, 1), dt.date(year, 12, 31)))
    for leap_day in _LEAP_DAYS:
        edges.update((leap_day - one, leap_day, leap_day + one))
    for rule in all_rules():
        for day in rule.commencement_dates():
            edges.update((day - one, day, day + one))
    return tuple(sorted(day for day in edges if FIRST_COVERED <= day <= LAST_COVERED))


def _check_range(min_value: dt.date, max_value: dt.date) -> None:
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if type(value) is not dt.date:
            raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is after max_value={max_value!r}")


def edge_dates(
    min_value: dt.date = FIRST_COVERED, max_value: dt.date = LAST_COVERED
) -> st.SearchStrategy[dt.date]:
    """Dates where rules break, and only those.

    Bank holidays and the days either side, 1 January, 31 December,
    29 February (and its neighbours), and every registered rule's
    commencement and repeal dates (and their neighbours).

    Args:
        min_value: Earliest date drawn (default: the calendar's first day).
        max_value: Latest date drawn (default: the calendar's last day).

    Raises:
        InvalidArgument: bounds are not dates, are out of order, or no edge
            date lies between them.
    """
    _check_range(min_value, max_value)
    chosen = tuple(day for day in _edge_dates() if min_value <= day <= max_value)
    if not chosen:
        raise InvalidArgument(f"no edge date between {min_value} and {max_value}")
    return st.sampled_from(chosen)


def calendar_dates(
    min_value: dt.date = FIRST_COVERED, max_value: dt.date = LAST_COVERED
) -> st.SearchStrategy[dt.date]:
    """Dates within the working-day calendar, with edge dates drawn often.

    Args:
        min_value: Earliest date drawn.
        max_value: Latest date drawn.
    """
    _check_range(min_value, max_value)
    if any(min_value <= day <= max_value for day in _edge_dates()):
        return st.one_of(
            edge_dates(min_value, max_value),
            st.dates(min_value=min_value, max_value=max_value),
        )
    return st.dates(min_value=min_value, max_value=max_value)


_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")

_urls = st.one_of(
    st.none(),
    st.from_regex(
        r"https://[a-z]{1,12}\.(gov\.uk|org\.uk|example)/[a-z0-9/_-]{0,30}", fullmatch=True
    ),
)


def citations() -> st.SearchStrategy[Citation]:
    """Valid citations: non-empty texts, https URLs or None, every status."""
    return st.builds(
        Citation,
        instrument=_text,
        provision=_text,
        url=_urls,
        status=st.sampled_from(Verification),
        note=st.one_of(st.just(""), _text),
    )


def instruments() -> st.SearchStrategy[Instrument]:
    """Instruments: a title and an https URL or None."""
    return st.builds(Instrument, title=_text, url=_urls)


def cited_dates(
    min_value: dt.date = FIRST_COVERED, max_value: dt.date = LAST_COVERED
) -> st.SearchStrategy[CitedDate]:
    """Days within the calendar, each with a valid citation."""
    return st.builds(CitedDate, day=calendar_dates(min_value, max_value), source=citations())


@st.composite
def transitions(draw: st.DrawFn) -> Transition:
    """Transitions whose three days are in order (the table's 2018 transition often)."""
    if draw(st.booleans()):
        return draw(st.sampled_from([e.transition for e in EDITIONS if e.transition is not None]))
    first, second, third = sorted(draw(st.lists(calendar_dates(), min_size=3, max_size=3)))
    return Transition(
        framework=draw(_text),
        framework_in_force=draw(cited_dates(first, first)),
        publish_by=draw(cited_dates(second, second)),
        implement_by=draw(cited_dates(third, third)),
    )


def guidance_editions() -> st.SearchStrategy[Edition]:
    """Guidance editions: the table's own, or invented ones with valid fields."""
    return st.one_of(
        st.sampled_from(EDITIONS),
        st.builds(
            Edition,
            key=_text,
            series=st.sampled_from(Series),
            year=st.integers(min_value=1989, max_value=2100),
            instrument=instruments(),
            published=cited_dates(),
            in_effect=cited_dates(),
            transition=st.one_of(st.none(), transitions()),
        ),
    )


def versions(values: st.SearchStrategy[T]) -> st.SearchStrategy[Version[T]]:
    """Single rule versions whose value is drawn from *values*."""
    return st.builds(
        Version,
        in_force_from=calendar_dates(),
        value=values,
        source=citations(),
        edition=st.one_of(st.just(""), _text),
    )


_keys = st.from_regex(r"[a-z][a-z0-9_]{0,10}(\.[a-z0-9_]{1,10}){1,3}", fullmatch=True)


def dated_rules(
    values: st.SearchStrategy[T], *, max_versions: int = 4
) -> st.SearchStrategy[DatedRule[T]]:
    """Valid dated rules: 1 to *max_versions* chronological versions, maybe repealed.

    Args:
        values: Strategy for each version's value.
        max_versions: Most versions in one rule (at least 1).
    """
    if max_versions < 1:
        raise InvalidArgument(f"max_versions={max_versions!r} must be at least 1")

    @st.composite
    def build(draw: st.DrawFn) -> DatedRule[T]:
        starts = sorted(
            draw(
                st.sets(
                    calendar_dates(max_value=LAST_COVERED - dt.timedelta(days=1)),
                    min_size=1,
                    max_size=max_versions,
                )
            )
        )
        drawn = tuple(
            Version(in_force_from=start, value=draw(values), source=draw(citations()))
            for start in starts
        )
        repealed_on = draw(
            st.one_of(
                st.none(),
                calendar_dates(min_value=starts[-1] + dt.timedelta(days=1)),
            )
        )
        return DatedRule(
            key=draw(_keys), title=draw(_text), versions=drawn, repealed_on=repealed_on
        )

    return build()


def rule_rows() -> st.SearchStrategy[RuleRow]:
    """Rows of the rules table, as [`rule_table`][safeguarding.rules.rule_table] makes them."""

    @st.composite
    def build(draw: st.DrawFn) -> RuleRow:
        start = draw(calendar_dates(max_value=LAST_COVERED - dt.timedelta(days=1)))
        until = draw(st.one_of(st.none(), calendar_dates(min_value=start + dt.timedelta(days=1))))
        return RuleRow(
            key=draw(_keys),
            title=draw(_text),
            value=render_value(draw(st.integers())),
            in_force_from=start,
            until=until,
            edition=draw(st.one_of(st.just(""), _text)),
            source=draw(citations()),
        )

    return build()


def findings() -> st.SearchStrategy[Finding]:
    """Findings: met, not met or undecided (``None``), each with a citation."""
    return st.builds(
        Finding,
        criterion=_text,
        met=st.one_of(st.none(), st.booleans()),
        detail=_text,
        source=citations(),
    )


def decisions(
    outcomes: st.SearchStrategy[T] | None = None,
) -> st.SearchStrategy[Decision[Any]]:
    """Decisions with 0 to 5 findings; outcomes from *outcomes* (booleans by default)."""
    return st.builds(
        Decision,
        outcome=st.booleans() if outcomes is None else outcomes,
        findings=st.lists(findings(), max_size=5).map(tuple),
        rule_version=_text,
    )


_MAX_AMOUNT = {
    Unit.WORKING_DAYS: 400,
    Unit.CALENDAR_DAYS: 400,
    Unit.WEEKS: 104,
    Unit.MONTHS: 120,
    Unit.YEARS: 100,
}


def timescales() -> st.SearchStrategy[Timescale]:
    """Timescales of every unit, from 0 up to a plausible maximum for the unit."""
    return st.sampled_from(Unit).flatmap(
        lambda unit: st.builds(
            Timescale,
            amount=st.integers(min_value=0, max_value=_MAX_AMOUNT[unit]),
            unit=st.just(unit),
            clock_starts=_text,
        )
    )


def deadlines(*, calendar: WorkingCalendar = ENGLAND_AND_WALES) -> st.SearchStrategy[Deadline]:
    """Deadlines whose due date really follows from their start and timescale.

    Args:
        calendar: The working-day calendar used for working-day timescales.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Deadline:
        started = draw(calendar_dates(max_value=LAST_COVERED - dt.timedelta(days=600)))
        timescale = draw(timescales())
        return Deadline(
            due=timescale.due(started, calendar=calendar),
            started=started,
            timescale=timescale,
            source=draw(citations()),
            rule_key=draw(_keys),
        )

    return build()


def working_calendars() -> st.SearchStrategy[WorkingCalendar]:
    """Calendars with a few local closure days and extra working days."""
    days = st.sets(calendar_dates(), max_size=5)
    return st.builds(
        WorkingCalendar,
        name=_text,
        extra_closures=days.map(frozenset),
        extra_working_days=days.map(frozenset),
    )


def _plain_values(rule: DatedRule[Any]) -> bool:
    """Whether every version's value is a number, text, enum member or timescale, of one type."""
    kinds = {type(version.value) for version in rule.versions}
    if len(kinds) != 1:
        return False
    (kind,) = kinds
    return kind in {int, float, str, bool, Timescale} or issubclass(kind, enum.Enum)


def procedures(*, max_overrides: int = 3) -> st.SearchStrategy[Procedures]:
    """Procedures with a calendar and up to *max_overrides* local versions of real rules.

    Each override takes a value the rule itself has had (so it has the rule's type),
    from a date of its own, citing a drawn local document.

    Args:
        max_overrides: Most rules overridden (0 gives national-only procedures).
    """
    if max_overrides < 0:
        raise InvalidArgument(f"max_overrides={max_overrides!r} must be at least 0")
    rules = [rule for rule in all_rules() if _plain_values(rule)]

    @st.composite
    def build(draw: st.DrawFn) -> Procedures:
        chosen = draw(st.lists(st.sampled_from(rules), max_size=max_overrides, unique_by=id))
        overrides = {
            rule.key: draw(versions(st.sampled_from([v.value for v in rule.versions])))
            for rule in chosen
        }
        name = draw(_text.filter(lambda text: text != NATIONAL_NAME) if overrides else _text)
        return Procedures(name=name, calendar=draw(working_calendars()), overrides=overrides)

    return build()


def _birth_for_birthday(on: dt.date, years: int) -> dt.date:
    """A date of birth that makes *on* (or the day after, for 29 February) the birthday."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # on is 29 February and the birth year is a common year
        return dt.date(on.year - years, 2, 28)


def dates_of_birth(
    *, on: dt.date | None = None, min_age: int = 0, max_age: int = 17
) -> st.SearchStrategy[dt.date]:
    """Dates of birth of people aged *min_age* to *max_age* on *on*.

    Births on 29 February are drawn on purpose, and when *on* is given the
    strategy clusters on the days that make *on* a 16th or 18th birthday (and
    the days either side), where age limits change.

    Args:
        on: The day the ages refer to; if ``None``, any birth from 1990 to
            the calendar's last day is drawn (*min_age* and *max_age* unused).
        min_age: Youngest age on *on*.
        max_age: Oldest age on *on*.

    Raises:
        InvalidArgument: *on* is not a date, or the ages are out of order.
    """
    if on is None:
        return st.one_of(
            st.sampled_from(_LEAP_DAYS),
            st.dates(min_value=dt.date(1990, 1, 1), max_value=LAST_COVERED),
        )
    if type(on) is not dt.date:
        raise InvalidArgument(f"on={on!r} must be a datetime.date")
    if not 0 <= min_age <= max_age or max_age > 100:
        raise InvalidArgument(f"need 0 <= min_age <= max_age <= 100, got {min_age}, {max_age}")

    def in_range(day: dt.date) -> bool:
        return day <= on and min_age <= age_on(day, on) <= max_age

    one = dt.timedelta(days=1)
    edges = [
        day
        for age in (16, 18)
        for birth in (_birth_for_birthday(on, age),)
        for day in (birth - one, birth, birth + one)
    ]
    earliest = _birth_for_birthday(on, max_age + 1) - one
    candidates = sorted({d for d in (*edges, *_LEAP_DAYS) if earliest <= d and in_range(d)})
    plain = st.dates(min_value=max(earliest, dt.date(1, 1, 1)), max_value=on).filter(in_range)
    return st.one_of(st.sampled_from(candidates), plain) if candidates else plain


def children(*, on: dt.date | None = None, unborn: bool | None = None) -> st.SearchStrategy[Child]:
    """Children, born or unborn, with identifiers, boundary birth dates and a disability flag.

    Args:
        on: If given, born children are 0 to 17 on this day (clustered on 16th
            and 18th birthdays) and unborn children are expected after it.
        unborn: ``True`` for unborn children only, ``False`` for born only,
            ``None`` for both.
    """
    identifiers = st.from_regex(r"[A-Z0-9]{1,20}", fullmatch=True)
    disabled = st.one_of(st.none(), st.booleans())
    born = st.builds(
        Child,
        identifier=identifiers,
        date_of_birth=dates_of_birth(on=on),
        disabled=disabled,
    )
    lower = FIRST_COVERED if on is None else on + dt.timedelta(days=1)
    expected = st.builds(
        Child,
        identifier=identifiers,
        expected_date_of_birth=st.dates(min_value=lower, max_value=lower + dt.timedelta(days=280)),
        disabled=disabled,
    )
    if unborn is None:
        return st.one_of(born, expected)
    return expected if unborn else born


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Child: children,
    Citation: citations,
    CitedDate: cited_dates,
    Edition: guidance_editions,
    Transition: transitions,
    DatedRule: lambda: dated_rules(st.integers()),
    Deadline: deadlines,
    Decision: decisions,
    Finding: findings,
    Instrument: instruments,
    Procedures: procedures,
    RuleRow: rule_rows,
    Timescale: timescales,
    Version: lambda: versions(st.integers()),
    WorkingCalendar: working_calendars,
}
"""The strategy for each public model, as registered with ``st.register_type_strategy``."""
