"""The England and Wales working-day calendar.

A *working day* is any day other than a Saturday, a Sunday, Christmas Day,
Good Friday or a bank holiday in England and Wales (Banking and Financial
Dealings Act 1971, Schedule 1, and the days appointed each year by royal
proclamation). This is the meaning the children's regulations give the term.

**Day 0 convention.** The day a clock starts is day 0 and is never counted;
"within N working days" means the step is done no later than the N-th working
day *after* the start. So ``add_working_days(start, 0)`` is ``start`` itself,
and ``working_days_between(start, end)`` counts the working days in the
half-open interval ``(start, end]``. This is how the Department for Education
counts durations in the children-in-need statistics (a step done the same day
takes 0 working days).

Bank holidays are computed by rule (Easter by `dateutil.easter.easter`,
fixed Mondays, substitute days when a holiday falls at a weekend) plus a table
of moved and one-off days. Future moved or extra days are announced year by
year, so the calendar covers a fixed range of years
([`FIRST_COVERED`][] to [`LAST_COVERED`][]) and raises
[`CalendarCoverageError`][safeguarding.errors.CalendarCoverageError] outside it rather than
guess.

Every calculation is arithmetic on precomputed tables indexed by the day's
ordinal: the cost of a call does not grow with the number of days added.

Examples:
    >>> import datetime as dt
    >>> add_working_days(dt.date(2024, 12, 19), 15)   # Christmas, Boxing Day, New Year skipped
    datetime.date(2025, 1, 14)
    >>> working_days_between(dt.date(2024, 12, 19), dt.date(2025, 1, 14))
    15
    >>> is_working_day(dt.date(2025, 4, 18))          # Good Friday
    False
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Any

import attrs
from dateutil.easter import easter
from dateutil.relativedelta import MO, relativedelta

from safeguarding._validate import check_date, check_int, is_text
from safeguarding.citations import Citation, Verification
from safeguarding.errors import CalendarCoverageError, InvalidInputError
from safeguarding.rules import DatedRule, Version, register

__all__ = [
    "ENGLAND_AND_WALES",
    "FIRST_COVERED",
    "LAST_COVERED",
    "SPECIAL_DAYS",
    "WorkingCalendar",
    "add_months",
    "add_working_days",
    "bank_holidays",
    "is_working_day",
    "working_days_between",
]

FIRST_COVERED = dt.date(1995, 1, 1)
"""The first day the calendar covers."""
LAST_COVERED = dt.date(2030, 12, 31)
"""The last day the calendar covers."""

_SATURDAY = 5

WORKING_DAY_SOURCE = Citation(
    instrument="Children Act 1989 Representations Procedure (England) Regulations 2006 "
    "(SI 2006/1738)",
    provision="reg 2 (meaning of 'working day')",
    url="https://www.legislation.gov.uk/uksi/2006/1738/regulation/2/made",
    status=Verification.SECONDARY,
    note="A working day is any day other than a Saturday, Sunday, Christmas Day, Good Friday "
    "or a bank holiday under the Banking and Financial Dealings Act 1971. The regulations "
    "came into force on 1 September 2006; the calendar applies the same meaning to every day "
    "it covers.",
)
BANK_HOLIDAYS_SOURCE = Citation(
    instrument="Banking and Financial Dealings Act 1971",
    provision="s1 and Schedule 1, para 1 (England and Wales)",
    url="https://www.legislation.gov.uk/ukpga/1971/80/schedule/1",
    status=Verification.SECONDARY,
    note="Easter Monday, the last Mondays in May and August, 26 December (27 December when "
    "25 or 26 December is a Sunday); New Year's Day and the early May bank holiday are "
    "appointed each year by royal proclamation under s1(3).",
)
SPECIAL_DAYS_SOURCE = Citation(
    instrument="Royal proclamations under the Banking and Financial Dealings Act 1971, s1(2)-(3)",
    provision="moved and additional bank holidays, England and Wales",
    url="https://www.gov.uk/bank-holidays",
    status=Verification.SECONDARY,
    note="Dates as listed by the UK government's bank holiday service and the proclamations "
    "reported in the London Gazette.",
)
DAY_ZERO_SOURCE = Citation(
    instrument="Department for Education, Children in need statistics",
    provision="duration tables (assessments completed the same day count as 0 working days)",
    url="https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need",
    status=Verification.SECONDARY,
    note="The day a clock starts is day 0; 'within N working days' means no later than the "
    "N-th working day after it.",
)

SPECIAL_DAYS: dict[dt.date, str] = {
    dt.date(1995, 5, 8): "Early May bank holiday (moved for VE Day 50th anniversary)",
    dt.date(1999, 12, 31): "Millennium celebrations",
    dt.date(2002, 6, 3): "Golden Jubilee of Elizabeth II",
    dt.date(2002, 6, 4): "Spring bank holiday (moved for the Golden Jubilee)",
    dt.date(2011, 4, 29): "Wedding of Prince William and Catherine Middleton",
    dt.date(2012, 6, 4): "Spring bank holiday (moved for the Diamond Jubilee)",
    dt.date(2012, 6, 5): "Diamond Jubilee of Elizabeth II",
    dt.date(2020, 5, 8): "Early May bank holiday (moved for VE Day 75th anniversary)",
    dt.date(2022, 6, 2): "Spring bank holiday (moved for the Platinum Jubilee)",
    dt.date(2022, 6, 3): "Platinum Jubilee of Elizabeth II",
    dt.date(2022, 9, 19): "State Funeral of Queen Elizabeth II",
    dt.date(2023, 5, 8): "Coronation of King Charles III",
}
"""Moved and one-off bank holidays, by date (England and Wales)."""

# Years in which a rule-based holiday was moved: the rule date is not a holiday.
_MOVED_FROM: dict[tuple[int, str], bool] = {
    (1995, "early_may"): True,
    (2002, "spring"): True,
    (2012, "spring"): True,
    (2020, "early_may"): True,
    (2022, "spring"): True,
}

register(
    DatedRule(
        key="calendar.working_day",
        title="What counts as a working day (England)",
        versions=(
            Version(
                in_force_from=FIRST_COVERED,
                value="not a Saturday, Sunday, Christmas Day, Good Friday or bank holiday",
                source=WORKING_DAY_SOURCE,
            ),
        ),
    )
)
register(
    DatedRule(
        key="calendar.bank_holidays",
        title="Bank holidays in England and Wales, by rule",
        versions=(
            Version(
                # The early May bank holiday was first appointed for 1978.
                in_force_from=dt.date(1978, 1, 1),
                value=(
                    "New Year's Day (or next Monday); Good Friday; Easter Monday; "
                    "first Monday in May; last Monday in May; last Monday in August; "
                    "Christmas Day and Boxing Day (with substitute weekdays)"
                ),
                source=BANK_HOLIDAYS_SOURCE,
            ),
        ),
    )
)
register(
    DatedRule(
        key="calendar.special_bank_holidays",
        title="Moved and one-off bank holidays in England and Wales",
        versions=(
            Version(
                in_force_from=FIRST_COVERED,
                value=tuple(f"{day.isoformat()} {name}" for day, name in SPECIAL_DAYS.items()),
                source=SPECIAL_DAYS_SOURCE,
            ),
        ),
    )
)
register(
    DatedRule(
        key="calendar.day_zero",
        title="Counting working days: the start is day 0",
        versions=(
            Version(
                in_force_from=FIRST_COVERED,
                value="within N working days = no later than the N-th working day after the start",
                source=DAY_ZERO_SOURCE,
            ),
        ),
    )
)


def _rule_holidays(year: int) -> dict[dt.date, str]:
    """The bank holidays of *year* that follow from the standing rules."""
    days: dict[dt.date, str] = {}
    new_year = dt.date(year, 1, 1)
    if new_year.weekday() < _SATURDAY:
        days[new_year] = "New Year's Day"
    else:
        days[new_year + relativedelta(weekday=MO)] = "New Year's Day (substitute day)"
    easter_sunday = easter(year)
    days[easter_sunday - dt.timedelta(days=2)] = "Good Friday"
    days[easter_sunday + dt.timedelta(days=1)] = "Easter Monday"
    if not _MOVED_FROM.get((year, "early_may")):
        days[dt.date(year, 5, 1) + relativedelta(weekday=MO)] = "Early May bank holiday"
    if not _MOVED_FROM.get((year, "spring")):
        days[dt.date(year, 5, 31) + relativedelta(weekday=MO(-1))] = "Spring bank holiday"
    days[dt.date(year, 8, 31) + relativedelta(weekday=MO(-1))] = "Summer bank holiday"
    christmas = dt.date(year, 12, 25)
    boxing = dt.date(year, 12, 26)
    # Christmas and Boxing Day, each moved to the next free weekday if at a weekend.
    for day, name in ((christmas, "Christmas Day"), (boxing, "Boxing Day")):
        observed = day
        while observed.weekday() >= _SATURDAY or observed in days:
            observed += dt.timedelta(days=1)
        days[observed] = name if observed == day else f"{name} (substitute day)"
    return days


def _all_holidays() -> dict[dt.date, str]:
    holidays: dict[dt.date, str] = {}
    for year in range(FIRST_COVERED.year, LAST_COVERED.year + 1):
        holidays.update(_rule_holidays(year))
    holidays.update(SPECIAL_DAYS)
    return dict(sorted(holidays.items()))


_HOLIDAYS = _all_holidays()
_BASE = FIRST_COVERED.toordinal()
_SIZE = LAST_COVERED.toordinal() - _BASE + 1
_HOLIDAY_ORDINALS = frozenset(day.toordinal() for day in _HOLIDAYS)
# Whether each covered day is a working day nationally. date.fromordinal(1) is a
# Monday, so (ordinal - 1) % 7 is the day's weekday().
_NATIONAL_WORKING = tuple(
    (ordinal - 1) % 7 < _SATURDAY and ordinal not in _HOLIDAY_ORDINALS
    for ordinal in range(_BASE, _BASE + _SIZE)
)


def _frozen_dates(field: str, value: object) -> frozenset[dt.date]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidInputError(field, "must be a collection of dates")
    try:
        return frozenset(value)
    except TypeError:
        raise InvalidInputError(field, "must be a collection of dates") from None


def _closures(value: object) -> frozenset[dt.date]:
    return _frozen_dates("extra_closures", value)


def _openings(value: object) -> frozenset[dt.date]:
    return _frozen_dates("extra_working_days", value)


def _check_override(
    _instance: object, attribute: attrs.Attribute[Any], value: frozenset[dt.date]
) -> None:
    for day in value:
        check_date(attribute.name, day)
        if not FIRST_COVERED <= day <= LAST_COVERED:
            raise InvalidInputError(
                attribute.name, "every day must be within the calendar's coverage"
            )


@attrs.frozen(kw_only=True)
class WorkingCalendar:
    """A working-day calendar: England and Wales bank holidays plus local overrides.

    Attributes:
        name: What the calendar is (``"England and Wales"``, ``"Lewisham council"``).
        extra_closures: Further non-working days (local office closures).
        extra_working_days: Days that are working days although they would not
            be (a Saturday the office opened). Takes precedence over closures.
    """

    name: str = attrs.field(default="England and Wales", validator=is_text)
    extra_closures: frozenset[dt.date] = attrs.field(
        default=frozenset(), converter=_closures, validator=_check_override
    )
    extra_working_days: frozenset[dt.date] = attrs.field(
        default=frozenset(),
        converter=_openings,
        validator=_check_override,
    )
    # Lookup tables, built once per calendar:
    # _working[i]: whether day _BASE + i is a working day;
    # _count[i]: working days in [FIRST_COVERED, day _BASE + i];
    # _ordinals[k]: the ordinal of the (k+1)-th working day of the range.
    _working: tuple[bool, ...] = attrs.field(init=False, repr=False, eq=False)
    _count: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _ordinals: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Build the lookup tables (C-speed list operations, about a millisecond)."""
        working = list(_NATIONAL_WORKING)
        for day in self.extra_closures:
            working[day.toordinal() - _BASE] = False
        for day in self.extra_working_days:
            working[day.toordinal() - _BASE] = True
        object.__setattr__(self, "_working", tuple(working))
        object.__setattr__(self, "_count", tuple(itertools.accumulate(working, initial=0))[1:])
        object.__setattr__(
            self, "_ordinals", tuple(itertools.compress(range(_BASE, _BASE + _SIZE), working))
        )

    @property
    def covered(self) -> tuple[dt.date, dt.date]:
        """The first and last days this calendar can answer for."""
        return (FIRST_COVERED, LAST_COVERED)

    def _index(self, name: str, day: object) -> int:
        index = check_date(name, day).toordinal() - _BASE
        if not 0 <= index < _SIZE:
            raise CalendarCoverageError(day, self.covered)  # type: ignore[arg-type]
        return index

    def is_working_day(self, day: dt.date) -> bool:
        """Whether *day* is a working day in this calendar."""
        return self._working[self._index("day", day)]

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The *n*-th working day after *start* (day 0); *start* itself when *n* is 0."""
        index = self._index("start", start)
        if type(n) is not int or n < 0:
            check_int("n", n, minimum=0)
        if n == 0:
            return start
        position = self._count[index] + n - 1
        if position >= len(self._ordinals):
            raise CalendarCoverageError(LAST_COVERED + dt.timedelta(days=1), self.covered)
        return dt.date.fromordinal(self._ordinals[position])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in ``(start, end]``; minus those in ``(end, start]`` if end < start."""
        return self._count[self._index("end", end)] - self._count[self._index("start", start)]

    def with_closures(self, *days: dt.date, name: str | None = None) -> WorkingCalendar:
        """A copy of this calendar with further closure days (and optionally a new name)."""
        return attrs.evolve(
            self,
            name=self.name if name is None else name,
            extra_closures=self.extra_closures | frozenset(days),
        )


ENGLAND_AND_WALES = WorkingCalendar()
"""Working days in England and Wales: no weekends, no bank holidays, no overrides."""


def _check_calendar(calendar: object) -> WorkingCalendar:
    if not isinstance(calendar, WorkingCalendar):
        raise InvalidInputError("calendar", "must be a WorkingCalendar")
    return calendar


def add_working_days(
    start: dt.date, n: int, *, calendar: WorkingCalendar = ENGLAND_AND_WALES
) -> dt.date:
    """Return the *n*-th working day after *start*.

    *start* is day 0 and is never counted, whether or not it is itself a
    working day: ``n = 0`` returns *start*; for ``n >= 1`` the result is always
    a working day. "Within N working days of X" means "on or before
    ``add_working_days(X, N)``".

    Legal basis:
        Meaning of "working day": SI 2006/1738 reg 2; bank holidays: Banking
        and Financial Dealings Act 1971, Schedule 1.

    Args:
        start: The day the clock starts (day 0).
        n: How many working days to add; ``n >= 0``.
        calendar: The working-day calendar; England and Wales by default.

    Returns:
        The date of the *n*-th working day after *start*.

    Raises:
        InvalidInputError: *start* is not a plain ``date``, or *n* is not an
            integer of at least 0.
        CalendarCoverageError: *start* or the result is outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> add_working_days(dt.date(2025, 4, 11), 10)   # Good Friday and Easter Monday skipped
        datetime.date(2025, 4, 29)
    """
    return _check_calendar(calendar).add_working_days(start, n)


def working_days_between(
    start: dt.date, end: dt.date, *, calendar: WorkingCalendar = ENGLAND_AND_WALES
) -> int:
    """Count the working days after *start* up to and including *end*.

    The start is day 0, so a step done on the day its clock started took 0
    working days; ``add_working_days(start, working_days_between(start, end))``
    is *end* whenever *end* is a working day after *start*. If *end* is
    before *start* the count is negative.

    Legal basis:
        As [`add_working_days`][].

    Args:
        start: The day the clock started (day 0).
        end: The day the step was done.
        calendar: The working-day calendar; England and Wales by default.

    Returns:
        The number of working days in ``(start, end]``, or minus the number in
        ``(end, start]`` when *end* is before *start*.

    Raises:
        InvalidInputError: a date is not a plain ``date``.
        CalendarCoverageError: a date is outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> working_days_between(dt.date(2024, 3, 25), dt.date(2024, 5, 31))
        45
    """
    return _check_calendar(calendar).working_days_between(start, end)


def is_working_day(day: dt.date, *, calendar: WorkingCalendar = ENGLAND_AND_WALES) -> bool:
    """Whether *day* is a working day: not a weekend day and not a holiday.

    Legal basis:
        As [`add_working_days`][].

    Args:
        day: The day asked about.
        calendar: The working-day calendar; England and Wales by default.

    Raises:
        InvalidInputError: *day* is not a plain ``date``.
        CalendarCoverageError: *day* is outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> is_working_day(dt.date(2023, 5, 8))   # the Coronation bank holiday
        False
    """
    return _check_calendar(calendar).is_working_day(day)


def add_months(start: dt.date, n: int) -> dt.date:
    """Add *n* calendar months to *start*, clamping to the end of a short month.

    Used for timescales stated in months ("within 3 months"). The statutory
    texts do not say what "3 months after 30 November" is; the library takes
    the last day of the target month when the day does not exist there, as
    `dateutil.relativedelta.relativedelta` does.

    Args:
        start: The day the period starts.
        n: Months to add (may be negative).

    Returns:
        The same day of the month *n* months later, or the last day of that
        month if it is shorter.

    Raises:
        InvalidInputError: *start* is not a plain ``date`` or *n* not an integer.

    Examples:
        >>> import datetime as dt
        >>> add_months(dt.date(2024, 11, 30), 3)
        datetime.date(2025, 2, 28)
    """
    check_date("start", start)
    check_int("n", n)
    try:
        return start + relativedelta(months=n)
    except (ValueError, OverflowError):
        raise InvalidInputError("n", "gives a date outside the years 1 to 9999") from None


def bank_holidays(year: int) -> dict[dt.date, str]:
    """The bank holidays of *year* in England and Wales, by date, with their names.

    Includes Christmas Day and Good Friday (common-law holidays), substitute
    days for holidays falling at a weekend, and moved and one-off days.

    Args:
        year: A year the calendar covers.

    Returns:
        An ordered mapping from date to name.

    Raises:
        InvalidInputError: *year* is not an integer.
        CalendarCoverageError: *year* is outside the calendar's coverage.

    Examples:
        >>> for day, name in bank_holidays(2022).items():
        ...     if day.month in (6, 9):
        ...         print(day, name)
        2022-06-02 Spring bank holiday (moved for the Platinum Jubilee)
        2022-06-03 Platinum Jubilee of Elizabeth II
        2022-09-19 State Funeral of Queen Elizabeth II
    """
    check_int("year", year)
    if not FIRST_COVERED.year <= year <= LAST_COVERED.year:
        # 1 January of the year asked about (clamped to the years a date can hold).
        day = dt.date(min(max(year, dt.MINYEAR), dt.MAXYEAR), 1, 1)
        raise CalendarCoverageError(day, ENGLAND_AND_WALES.covered)
    return {day: name for day, name in _HOLIDAYS.items() if day.year == year}
