"""Tests of the England and Wales working-day calendar (:mod:`safeguarding.calendar`).

Two independent references check the whole covered range:

* the ``holidays`` package (``GB``, subdivision ``ENG``) for *which* days are
  bank holidays, year by year and day by day;
* :func:`numpy.busday_offset` and :func:`numpy.busday_count`, fed the same
  holiday list, for the day-0 arithmetic of :func:`add_working_days` and
  :func:`working_days_between` over 100,000+ seeded random cases.

Then come the worked examples W44-W47 of
``tests/data/indicator_reference_values.md``, golden bank
holidays with the proclamation or event behind each, Hypothesis properties,
the coverage and input errors, local overrides, ``add_months`` and
``bank_holidays``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import holidays
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from safeguarding.calendar import (
    ENGLAND_AND_WALES,
    FIRST_COVERED,
    LAST_COVERED,
    SPECIAL_DAYS,
    WorkingCalendar,
    add_months,
    add_working_days,
    bank_holidays,
    is_working_day,
    working_days_between,
)
from safeguarding.errors import CalendarCoverageError, InvalidInputError, SafeguardingError

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date
ONE_DAY = dt.timedelta(days=1)
COVERED = (FIRST_COVERED, LAST_COVERED)
YEARS = range(FIRST_COVERED.year, LAST_COVERED.year + 1)
# numpy counts datetime64[D] from 1970-01-01; Python dates count from 0001-01-01.
EPOCH_ORDINAL = D(1970, 1, 1).toordinal()
OUT_OF_RANGE = -1  # marks "ours raised CalendarCoverageError" in the numpy comparisons
SATURDAY = 5

# Property tests add up to MAX_N working days; starts stay far enough from the
# end of coverage that every result is covered (2022 working days follow 2022-12-31).
MAX_N = 2000
START_DATES = st.dates(min_value=FIRST_COVERED, max_value=D(2022, 6, 30))
ANY_DATES = st.dates(min_value=FIRST_COVERED, max_value=LAST_COVERED)
COUNTS = st.integers(min_value=0, max_value=MAX_N)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [dt.date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def _weekday_bank_holidays() -> npt.NDArray[np.datetime64]:
    """Every weekday bank holiday the calendar covers, as numpy's holiday list."""
    days = [day for year in YEARS for day in bank_holidays(year) if day.weekday() < SATURDAY]
    return np.array(days, dtype="datetime64[D]")


def _to_datetime64(ordinals: npt.NDArray[np.int64]) -> npt.NDArray[np.datetime64]:
    return (ordinals - EPOCH_ORDINAL).astype("datetime64[D]")


def _to_ordinals(days: npt.NDArray[np.datetime64]) -> npt.NDArray[np.int64]:
    return days.astype("datetime64[D]").astype(np.int64) + EPOCH_ORDINAL


def _assert_all_equal(
    ours: npt.NDArray[np.int64],
    theirs: npt.NDArray[np.int64],
    describe: Callable[[int], str],
    *,
    ordinals: bool = False,
) -> None:
    """Fail with the first case where the two arrays differ, described in full."""

    def show(value: int) -> str:
        if not ordinals:
            return str(value)
        if value == OUT_OF_RANGE:
            return "CalendarCoverageError"
        return dt.date.fromordinal(value).isoformat()

    assert ours.shape == theirs.shape
    mismatches = np.flatnonzero(ours != theirs)
    if mismatches.size:
        first = int(mismatches[0])
        pytest.fail(
            f"{mismatches.size} of {ours.size} cases differ; first: {describe(first)}: "
            f"ours {show(int(ours[first]))}, numpy {show(int(theirs[first]))}"
        )


# ---------------------------------------------------------------------------
# Oracle 1: the `holidays` package
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def england_holidays() -> Any:
    return holidays.country_holidays("GB", subdiv="ENG", years=YEARS)


@pytest.mark.parametrize("year", YEARS)
def test_weekday_holidays_match_the_holidays_package(year: int, england_holidays: Any) -> None:
    theirs = {day for day in england_holidays if day.year == year and day.weekday() < SATURDAY}
    ours = {
        day
        for day in _days(D(year, 1, 1), D(year, 12, 31))
        if day.weekday() < SATURDAY and not is_working_day(day)
    }
    assert ours == theirs
    assert set(bank_holidays(year)) == theirs


def test_every_covered_day_matches_the_holidays_package(england_holidays: Any) -> None:
    wrong = []
    for day in _days(FIRST_COVERED, LAST_COVERED):
        expected = day.weekday() < SATURDAY and day not in england_holidays
        if is_working_day(day) is not expected:
            wrong.append(day)
    assert wrong == []


# ---------------------------------------------------------------------------
# Oracle 2: numpy's business-day functions, on the same holiday list
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def numpy_holidays() -> npt.NDArray[np.datetime64]:
    return _weekday_bank_holidays()


def test_numpy_holiday_list_is_every_weekday_non_working_day(
    numpy_holidays: npt.NDArray[np.datetime64],
) -> None:
    # The oracle is only as good as its holiday list: check it against the calendar.
    expected = [
        day
        for day in _days(FIRST_COVERED, LAST_COVERED)
        if day.weekday() < SATURDAY and not is_working_day(day)
    ]
    assert numpy_holidays.tolist() == expected


def test_add_working_days_matches_numpy_busday_offset(
    numpy_holidays: npt.NDArray[np.datetime64],
) -> None:
    rng = np.random.default_rng(20240325)
    size = 100_000
    uniform = rng.integers(FIRST_COVERED.toordinal(), D(2029, 6, 30).toordinal() + 1, size)
    holiday_ordinals = _to_ordinals(numpy_holidays)
    holiday_ordinals = holiday_ordinals[holiday_ordinals <= D(2029, 6, 30).toordinal()]
    weekend_ordinals = np.array(
        [d.toordinal() for d in _days(D(2023, 1, 1), D(2024, 12, 31)) if d.weekday() >= SATURDAY]
    )
    starts = np.concatenate(
        [
            uniform,
            np.repeat(holiday_ordinals, 4),  # every holiday as a start, four times
            np.repeat(weekend_ordinals, 2),  # two years of weekends as starts
            uniform[:2000],  # uniform starts again, with n = 0 (set below)
            np.array([FIRST_COVERED.toordinal(), LAST_COVERED.toordinal()] * 2),
        ]
    ).astype(np.int64)
    ns = rng.integers(0, 401, starts.size).astype(np.int64)
    ns[size : size + 2000] = 0
    ns[-4:] = (0, 0, 1, 1)  # first and last covered days with n = 0 and n = 1
    assert starts.size >= 100_000
    assert np.any(ns == 0)
    assert np.any((starts - 1) % 7 >= SATURDAY)  # some starts fall at a weekend

    ours = np.empty_like(starts)
    reported: set[dt.date] = set()  # the day each CalendarCoverageError names
    for i, (start, n) in enumerate(zip(starts.tolist(), ns.tolist(), strict=True)):
        try:
            ours[i] = add_working_days(dt.date.fromordinal(start), n).toordinal()
        except CalendarCoverageError as error:
            reported.add(error.day)
            ours[i] = OUT_OF_RANGE
    assert reported == {LAST_COVERED + ONE_DAY}

    expected = starts.copy()  # n = 0: the start itself, whatever day it is
    positive = ns >= 1
    offsets = np.busday_offset(
        _to_datetime64(starts[positive]), ns[positive], roll="backward", holidays=numpy_holidays
    )
    expected[positive] = _to_ordinals(offsets)
    # numpy knows no 2031 holidays, but any answer past 2030-12-31 is out of coverage anyway.
    expected[expected > LAST_COVERED.toordinal()] = OUT_OF_RANGE
    assert np.any(expected == OUT_OF_RANGE)  # the end of coverage was reached and checked

    def describe(i: int) -> str:
        return f"add_working_days({dt.date.fromordinal(int(starts[i]))}, {int(ns[i])})"

    _assert_all_equal(ours, expected, describe, ordinals=True)


def test_working_days_between_matches_numpy_busday_count(
    numpy_holidays: npt.NDArray[np.datetime64],
) -> None:
    rng = np.random.default_rng(20241219)
    first, last = FIRST_COVERED.toordinal(), LAST_COVERED.toordinal()
    far_starts = rng.integers(first, last + 1, 50_000)
    far_ends = rng.integers(first, last + 1, 50_000)  # about half before their start
    near_starts = rng.integers(first, last + 1, 50_000)
    near_ends = np.clip(near_starts + rng.integers(-40, 41, 50_000), first, last)
    same = rng.integers(first, last + 1, 1000)
    starts = np.concatenate([far_starts, near_starts, same, [first, last, first, last]])
    ends = np.concatenate([far_ends, near_ends, same, [last, first, first, last]])
    starts, ends = starts.astype(np.int64), ends.astype(np.int64)
    assert np.any(ends < starts)
    assert np.any(ends == starts)

    ours = np.array(
        [
            working_days_between(dt.date.fromordinal(s), dt.date.fromordinal(e))
            for s, e in zip(starts.tolist(), ends.tolist(), strict=True)
        ],
        dtype=np.int64,
    )
    # busday_count(begin, end) counts [begin, end), so (start, end] is [start + 1, end + 1).
    # When end < start ours is minus the count of (end, start] = [end + 1, start + 1);
    # numpy's own negative convention differs (it counts (end, begin]), so the backward
    # pairs are counted forwards and negated.
    backwards = ends < starts
    low, high = np.minimum(starts, ends), np.maximum(starts, ends)
    counts = np.busday_count(
        _to_datetime64(low + 1), _to_datetime64(high + 1), holidays=numpy_holidays
    )
    theirs = np.where(backwards, -counts, counts).astype(np.int64)
    assert np.all(ours[ends == starts] == 0)

    def describe(i: int) -> str:
        start, end = dt.date.fromordinal(int(starts[i])), dt.date.fromordinal(int(ends[i]))
        return f"working_days_between({start}, {end})"

    _assert_all_equal(ours, theirs, describe)


# ---------------------------------------------------------------------------
# Worked examples: rows W44-W47 of tests/data/indicator_reference_values.md
# ---------------------------------------------------------------------------

WORKED_EXAMPLES = [
    # W44: the 45-working-day assessment timescale from Monday 25 March 2024
    # (Good Friday and Easter Monday fall before it; early May and spring
    # bank holidays are skipped).
    pytest.param(D(2024, 3, 25), 45, D(2024, 5, 31), id="W44"),
    # W45: 15 working days from Thursday 19 December 2024 (Christmas Day,
    # Boxing Day and New Year's Day skipped).
    pytest.param(D(2024, 12, 19), 15, D(2025, 1, 14), id="W45"),
    # W46: 10 working days from Friday 11 April 2025 (the start is day 0; Good
    # Friday 18 April and Easter Monday 21 April are skipped).
    pytest.param(D(2025, 4, 11), 10, D(2025, 4, 29), id="W46"),
    # W47: 20 working days from Monday 16 December 2024.
    pytest.param(D(2024, 12, 16), 20, D(2025, 1, 16), id="W47"),
]


@pytest.mark.parametrize(("start", "n", "deadline"), WORKED_EXAMPLES)
def test_worked_examples(start: dt.date, n: int, deadline: dt.date) -> None:
    assert add_working_days(start, n) == deadline
    assert working_days_between(start, deadline) == n
    assert working_days_between(deadline, start) == -n
    assert add_working_days(start, n - 1) < deadline


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        # W44 and W45 one working day late: the step is out of timescale.
        (D(2024, 3, 25), D(2024, 6, 3), 46),  # Sat 1 and Sun 2 June add nothing
        (D(2024, 12, 19), D(2025, 1, 15), 16),
        (D(2024, 3, 25), D(2024, 3, 25), 0),  # done the same day: 0 working days
        (D(2025, 4, 18), D(2025, 4, 22), 1),  # Good Friday to Tuesday: only Tuesday counts
    ],
)
def test_inverse_counts(start: dt.date, end: dt.date, count: int) -> None:
    assert working_days_between(start, end) == count


def test_start_is_day_zero_even_when_not_a_working_day() -> None:
    saturday = D(2024, 6, 1)
    assert add_working_days(saturday, 0) == saturday
    assert add_working_days(saturday, 1) == D(2024, 6, 3)
    assert add_working_days(D(2025, 4, 18), 1) == D(2025, 4, 22)  # Good Friday start
    assert working_days_between(saturday, D(2024, 6, 2)) == 0


# ---------------------------------------------------------------------------
# Golden bank holidays
# ---------------------------------------------------------------------------

GOLDEN_HOLIDAYS = [
    # Early May bank holiday moved from Monday 1 May to Monday 8 May 1995 for
    # the 50th anniversary of VE Day (proclamation of 1994).
    pytest.param(D(1995, 5, 8), id="1995-VE-Day-50"),
    # Friday 31 December 1999, an extra bank holiday for the millennium.
    pytest.param(D(1999, 12, 31), id="1999-millennium"),
    # Golden Jubilee of Elizabeth II: spring bank holiday moved from 27 May
    # to Tuesday 4 June 2002 and an extra holiday on Monday 3 June.
    pytest.param(D(2002, 6, 3), id="2002-golden-jubilee"),
    pytest.param(D(2002, 6, 4), id="2002-spring-moved"),
    # Wedding of Prince William and Catherine Middleton, Friday 29 April 2011.
    pytest.param(D(2011, 4, 29), id="2011-royal-wedding"),
    # Diamond Jubilee: spring bank holiday moved from 28 May to Monday 4 June
    # 2012 and an extra holiday on Tuesday 5 June.
    pytest.param(D(2012, 6, 4), id="2012-spring-moved"),
    pytest.param(D(2012, 6, 5), id="2012-diamond-jubilee"),
    # Early May bank holiday moved from Monday 4 May to Friday 8 May 2020 for
    # the 75th anniversary of VE Day (proclamation of 2019).
    pytest.param(D(2020, 5, 8), id="2020-VE-Day-75"),
    # Platinum Jubilee: spring bank holiday moved from 30 May to Thursday
    # 2 June 2022 and an extra holiday on Friday 3 June.
    pytest.param(D(2022, 6, 2), id="2022-spring-moved"),
    pytest.param(D(2022, 6, 3), id="2022-platinum-jubilee"),
    # State Funeral of Queen Elizabeth II, Monday 19 September 2022.
    pytest.param(D(2022, 9, 19), id="2022-state-funeral"),
    # Coronation of King Charles III, Monday 8 May 2023 (proclamation of
    # November 2022), in addition to the early May bank holiday on 1 May.
    pytest.param(D(2023, 5, 8), id="2023-coronation"),
    pytest.param(D(2023, 5, 1), id="2023-early-may"),
    # Substitute days (Banking and Financial Dealings Act 1971, Sch 1, and the
    # annual proclamations). 2021: Christmas on a Saturday, Boxing Day on a
    # Sunday, so Monday 27 and Tuesday 28 December.
    pytest.param(D(2021, 12, 27), id="2021-christmas-substitute"),
    pytest.param(D(2021, 12, 28), id="2021-boxing-substitute"),
    # New Year's Day 2022 was a Saturday: Monday 3 January.
    pytest.param(D(2022, 1, 3), id="2022-new-year-substitute"),
    # Christmas Day 2016 was a Sunday: Boxing Day on Monday 26, and Tuesday
    # 27 December in lieu of Christmas Day.
    pytest.param(D(2016, 12, 26), id="2016-boxing"),
    pytest.param(D(2016, 12, 27), id="2016-christmas-substitute"),
    # Boxing Day 2020 was a Saturday: Monday 28 December.
    pytest.param(D(2020, 12, 28), id="2020-boxing-substitute"),
    # Good Friday and Easter Monday 2025.
    pytest.param(D(2025, 4, 18), id="2025-good-friday"),
    pytest.param(D(2025, 4, 21), id="2025-easter-monday"),
]


@pytest.mark.parametrize("day", GOLDEN_HOLIDAYS)
def test_golden_bank_holidays(day: dt.date) -> None:
    assert day.weekday() < SATURDAY
    assert not is_working_day(day)
    assert day in bank_holidays(day.year)


GOLDEN_WORKING_DAYS = [
    # The rule dates of holidays moved by proclamation were ordinary working days.
    pytest.param(D(1995, 5, 1), id="1995-first-Monday-in-May"),
    pytest.param(D(2002, 5, 27), id="2002-last-Monday-in-May"),
    pytest.param(D(2012, 5, 28), id="2012-last-Monday-in-May"),
    pytest.param(D(2020, 5, 4), id="2020-first-Monday-in-May"),
    pytest.param(D(2022, 5, 30), id="2022-last-Monday-in-May"),
    # Christmas Eve and New Year's Eve (other than 1999) are working days.
    pytest.param(D(2024, 12, 24), id="2024-christmas-eve"),
    pytest.param(D(2024, 12, 31), id="2024-new-years-eve"),
    # Tuesday 29 December 2020: only one substitute day (Boxing Day) that year.
    pytest.param(D(2020, 12, 29), id="2020-no-second-substitute"),
]


@pytest.mark.parametrize("day", GOLDEN_WORKING_DAYS)
def test_golden_working_days(day: dt.date) -> None:
    assert is_working_day(day)
    assert day not in bank_holidays(day.year)


def test_weekend_holidays_are_not_counted_twice() -> None:
    # Christmas 2021 (Saturday) and Boxing Day (Sunday) are weekend days; the
    # substitutes are the only extra non-working days that week.
    assert working_days_between(D(2021, 12, 24), D(2021, 12, 31)) == 3
    assert [is_working_day(D(2021, 12, d)) for d in range(24, 32)] == [
        True,
        False,
        False,
        False,
        False,
        True,
        True,
        True,
    ]


def test_special_days_are_all_bank_holidays() -> None:
    for day, name in SPECIAL_DAYS.items():
        assert bank_holidays(day.year)[day] == name
        assert not is_working_day(day)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------


@given(start=START_DATES, n=COUNTS)
def test_counting_inverts_adding(start: dt.date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@given(start=START_DATES, m=COUNTS, n=COUNTS)
def test_adding_is_monotone_in_n(start: dt.date, m: int, n: int) -> None:
    m, n = min(m, n), max(m, n)
    earlier, later = add_working_days(start, m), add_working_days(start, n)
    assert earlier <= later
    if m < n:
        assert earlier < later  # strictly increasing, from n = 0 onwards


@given(start=START_DATES, n=st.integers(min_value=1, max_value=MAX_N))
def test_deadline_is_a_working_day_after_the_start(start: dt.date, n: int) -> None:
    deadline = add_working_days(start, n)
    assert deadline > start
    assert is_working_day(deadline)
    # The deadline is the first day on which the count reaches n.
    assert working_days_between(start, deadline - ONE_DAY) == n - 1


@given(a=ANY_DATES, b=ANY_DATES)
def test_adding_the_count_reaches_a_working_end(a: dt.date, b: dt.date) -> None:
    start, end = min(a, b), max(a, b)
    while end > start and not is_working_day(end):  # the latest working day up to b
        end -= ONE_DAY
    assume(end > start)
    assert add_working_days(start, working_days_between(start, end)) == end


@given(a=ANY_DATES, b=ANY_DATES)
def test_counting_is_antisymmetric(a: dt.date, b: dt.date) -> None:
    assert working_days_between(a, b) == -working_days_between(b, a)


@given(a=ANY_DATES, b=ANY_DATES, c=ANY_DATES)
def test_counting_is_additive(a: dt.date, b: dt.date, c: dt.date) -> None:
    assert working_days_between(a, b) + working_days_between(b, c) == working_days_between(a, c)


@given(day=st.dates(min_value=FIRST_COVERED + ONE_DAY, max_value=LAST_COVERED))
def test_one_day_counts_one_if_working(day: dt.date) -> None:
    assert working_days_between(day - ONE_DAY, day) == int(is_working_day(day))


# ---------------------------------------------------------------------------
# Coverage errors
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "day"),
    [
        pytest.param(lambda: add_working_days(D(1994, 12, 31), 1), D(1994, 12, 31), id="start"),
        pytest.param(lambda: add_working_days(D(1994, 12, 31), 0), D(1994, 12, 31), id="start-0"),
        pytest.param(
            lambda: working_days_between(D(2024, 1, 1), D(2031, 1, 1)), D(2031, 1, 1), id="end"
        ),
        pytest.param(
            lambda: working_days_between(D(1990, 1, 1), D(2024, 1, 1)), D(1990, 1, 1), id="from"
        ),
        pytest.param(lambda: is_working_day(D(2031, 6, 1)), D(2031, 6, 1), id="day"),
        pytest.param(lambda: add_working_days(D(2030, 12, 31), 1), D(2031, 1, 1), id="runs-past"),
        pytest.param(lambda: add_working_days(D(2029, 1, 1), 600), D(2031, 1, 1), id="far-past"),
        pytest.param(lambda: bank_holidays(1994), D(1994, 1, 1), id="year-1994"),
        pytest.param(lambda: bank_holidays(2031), D(2031, 1, 1), id="year-2031"),
    ],
)
def test_coverage_errors(call: Callable[[], object], day: dt.date) -> None:
    with pytest.raises(CalendarCoverageError) as caught:
        call()
    assert caught.value.day == day
    assert caught.value.covered == COVERED
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, SafeguardingError)


def test_the_last_covered_working_day_can_be_reached() -> None:
    assert LAST_COVERED.weekday() < SATURDAY
    days_left = working_days_between(D(2030, 1, 1), LAST_COVERED)
    assert add_working_days(D(2030, 1, 1), days_left) == LAST_COVERED
    assert add_working_days(LAST_COVERED, 0) == LAST_COVERED
    assert add_working_days(FIRST_COVERED, 1) == D(1995, 1, 3)  # Mon 2 Jan 1995 a substitute day
    assert ENGLAND_AND_WALES.covered == COVERED


@pytest.mark.parametrize(
    ("year", "day"),
    [(0, D(dt.MINYEAR, 1, 1)), (-1, D(dt.MINYEAR, 1, 1)), (10_000, D(dt.MAXYEAR, 1, 1))],
)
def test_bank_holidays_for_years_a_date_cannot_hold(year: int, day: dt.date) -> None:
    # The error names 1 January of the year asked about, clamped to what a date can hold.
    with pytest.raises(CalendarCoverageError) as caught:
        bank_holidays(year)
    assert caught.value.day == day
    assert caught.value.covered == COVERED


# ---------------------------------------------------------------------------
# Input errors
# ---------------------------------------------------------------------------

# Wrongly typed arguments, typed Any so that mypy lets the tests pass them.
A_STRING: Any = "2024-01-02"
A_FLOAT: Any = 1.5
NOTHING: Any = None


@pytest.mark.parametrize(
    ("call", "field"),
    [
        pytest.param(lambda: add_working_days(dt.datetime(2024, 1, 2), 1), "start", id="datetime"),
        pytest.param(lambda: add_working_days(A_STRING, 1), "start", id="string"),
        pytest.param(lambda: add_working_days(D(2024, 1, 2), -1), "n", id="n=-1"),
        pytest.param(lambda: add_working_days(D(2024, 1, 2), A_FLOAT), "n", id="n=1.5"),
        pytest.param(lambda: add_working_days(D(2024, 1, 2), n=True), "n", id="n=True"),
        pytest.param(lambda: add_working_days(D(2024, 1, 2), A_STRING), "n", id="n='3'"),
        pytest.param(lambda: is_working_day(dt.datetime(2024, 1, 2)), "day", id="day-datetime"),
        pytest.param(lambda: is_working_day(NOTHING), "day", id="day-None"),
        pytest.param(lambda: working_days_between(D(2024, 1, 2), A_STRING), "end", id="end-string"),
        pytest.param(
            lambda: working_days_between(dt.datetime(2024, 1, 2), D(2024, 2, 1)),
            "start",
            id="start-datetime",
        ),
        pytest.param(lambda: bank_holidays(A_STRING), "year", id="year-string"),
        pytest.param(lambda: bank_holidays(A_FLOAT), "year", id="year-float"),
        pytest.param(lambda: add_months(A_STRING, 1), "start", id="months-start"),
        pytest.param(lambda: add_months(D(2024, 1, 31), A_FLOAT), "n", id="months-n-float"),
        pytest.param(lambda: add_months(D(2024, 1, 31), n=False), "n", id="months-n-bool"),
    ],
)
def test_invalid_input(call: Callable[[], object], field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call()
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(f"{field}: ")


# ---------------------------------------------------------------------------
# Local overrides
# ---------------------------------------------------------------------------


def test_extra_closure_shifts_the_deadline() -> None:
    christmas_eve = D(2024, 12, 24)  # a Tuesday, normally a working day
    council = WorkingCalendar(name="A council", extra_closures=[christmas_eve])
    assert not council.is_working_day(christmas_eve)
    assert not is_working_day(christmas_eve, calendar=council)
    assert add_working_days(D(2024, 12, 19), 15, calendar=council) == D(2025, 1, 15)
    assert working_days_between(D(2024, 12, 19), D(2025, 1, 14), calendar=council) == 14
    # The default calendar is untouched.
    assert add_working_days(D(2024, 12, 19), 15) == D(2025, 1, 14)


def test_extra_working_day_opens_a_saturday() -> None:
    saturday = D(2024, 12, 21)
    council = WorkingCalendar(extra_working_days={saturday})
    assert council.is_working_day(saturday)
    assert not is_working_day(saturday)
    assert add_working_days(D(2024, 12, 19), 2, calendar=council) == saturday
    assert add_working_days(D(2024, 12, 19), 15, calendar=council) == D(2025, 1, 13)


def test_extra_working_day_takes_precedence() -> None:
    boxing_day = D(2024, 12, 26)
    both = WorkingCalendar(extra_closures={boxing_day}, extra_working_days={boxing_day})
    assert both.is_working_day(boxing_day)  # over a closure and a bank holiday alike


def test_with_closures_returns_a_new_calendar() -> None:
    first, second = D(2024, 12, 23), D(2024, 12, 24)
    closed = ENGLAND_AND_WALES.with_closures(first)
    assert closed is not ENGLAND_AND_WALES
    assert closed.name == ENGLAND_AND_WALES.name
    assert closed.extra_closures == frozenset({first})
    assert not closed.is_working_day(first)
    both = closed.with_closures(second, name="Office")
    assert both.name == "Office"
    assert both.extra_closures == frozenset({first, second})
    assert closed.extra_closures == frozenset({first})
    assert ENGLAND_AND_WALES.extra_closures == frozenset()
    assert ENGLAND_AND_WALES.is_working_day(first)
    assert WorkingCalendar() == ENGLAND_AND_WALES


def test_calendars_compare_by_their_fields() -> None:
    day = D(2024, 8, 27)
    one = WorkingCalendar(name="X", extra_closures=[day])
    same = WorkingCalendar(name="X", extra_closures=(day,))
    assert one == same
    assert hash(one) == hash(same)
    assert one != WorkingCalendar(name="Y", extra_closures=[day])
    assert one != WorkingCalendar(name="X")
    assert one != WorkingCalendar(name="X", extra_working_days=[day])
    assert isinstance(one.extra_closures, frozenset)


@pytest.mark.parametrize("field", ["extra_closures", "extra_working_days"])
@pytest.mark.parametrize(
    "days",
    [
        pytest.param([D(1994, 12, 30)], id="before-coverage"),
        pytest.param([D(2024, 1, 2), D(2031, 1, 2)], id="after-coverage"),
        pytest.param([dt.datetime(2024, 1, 2)], id="datetime"),
        pytest.param(["2024-01-02"], id="string"),
    ],
)
def test_bad_overrides(field: str, days: list[object]) -> None:
    overrides: dict[str, Any] = {field: days}
    with pytest.raises(InvalidInputError) as caught:
        WorkingCalendar(**overrides)
    assert caught.value.field == field


def test_bad_closure_through_with_closures() -> None:
    with pytest.raises(InvalidInputError) as caught:
        ENGLAND_AND_WALES.with_closures(D(2031, 1, 1))
    assert caught.value.field == "extra_closures"


@pytest.mark.parametrize("name", ["", "   ", None])
def test_calendar_name_must_be_text(name: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        WorkingCalendar(name=name)  # type: ignore[arg-type]
    assert caught.value.field == "name"


@pytest.mark.parametrize("field", ["extra_closures", "extra_working_days"])
@pytest.mark.parametrize("value", [D(2024, 1, 2), None, "2024-01-02", 20240102, [[1]]])
def test_overrides_must_be_a_collection(field: str, value: object) -> None:
    overrides: dict[str, Any] = {field: value}
    with pytest.raises(InvalidInputError) as caught:
        WorkingCalendar(**overrides)
    assert caught.value.field == field


@pytest.mark.parametrize(("start", "n"), [(D(9999, 12, 1), 1), (D(1, 1, 1), -1)])
def test_add_months_beyond_the_years_a_date_can_hold(start: dt.date, n: int) -> None:
    with pytest.raises(InvalidInputError) as caught:
        add_months(start, n)
    assert caught.value.field == "n"


# ---------------------------------------------------------------------------
# add_months
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2024, 11, 30), 3, D(2025, 2, 28)),  # clamped to the end of February
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # leap day to a common year
        (D(2023, 11, 29), 3, D(2024, 2, 29)),  # into a leap February
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 3, 31), 1, D(2024, 4, 30)),
        (D(2024, 1, 15), 0, D(2024, 1, 15)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),  # negative n, clamped
        (D(2025, 1, 15), -13, D(2023, 12, 15)),
        (D(2040, 6, 30), 6, D(2040, 12, 30)),  # not limited to the calendar's coverage
    ],
)
def test_add_months(start: dt.date, n: int, expected: dt.date) -> None:
    assert add_months(start, n) == expected


# ---------------------------------------------------------------------------
# bank_holidays
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_bank_holidays_are_ordered_and_of_their_year(year: int) -> None:
    days = bank_holidays(year)
    assert isinstance(days, dict)
    assert list(days) == sorted(days)
    assert all(day.year == year for day in days)
    assert all(isinstance(name, str) and name.strip() for name in days.values())
    assert 8 <= len(days) <= 10


def test_bank_holidays_2021_in_full() -> None:
    assert bank_holidays(2021) == {
        D(2021, 1, 1): "New Year's Day",
        D(2021, 4, 2): "Good Friday",
        D(2021, 4, 5): "Easter Monday",
        D(2021, 5, 3): "Early May bank holiday",
        D(2021, 5, 31): "Spring bank holiday",
        D(2021, 8, 30): "Summer bank holiday",
        D(2021, 12, 27): "Christmas Day (substitute day)",
        D(2021, 12, 28): "Boxing Day (substitute day)",
    }


def test_bank_holidays_returns_a_fresh_dict() -> None:
    first = bank_holidays(2024)
    first.clear()
    assert bank_holidays(2024)
