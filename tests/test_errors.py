import datetime as dt
import pickle

import pytest

from safeguarding.errors import (
    CalendarCoverageError,
    InvalidInputError,
    RuleNotInForceError,
    SafeguardingError,
)


def test_hierarchy_matches_builtin_expectations():
    assert issubclass(InvalidInputError, SafeguardingError)
    assert issubclass(InvalidInputError, ValueError)
    assert issubclass(RuleNotInForceError, SafeguardingError)
    assert issubclass(RuleNotInForceError, LookupError)
    assert issubclass(CalendarCoverageError, SafeguardingError)
    assert issubclass(CalendarCoverageError, LookupError)


def test_invalid_input_names_field_and_reason():
    err = InvalidInputError("arrangement.start", "must be a date")
    assert err.field == "arrangement.start"
    assert err.reason == "must be a date"
    assert str(err) == "arrangement.start: must be a date"


def test_rule_not_in_force_carries_key_and_date():
    err = RuleNotInForceError("lado.outcomes", dt.date(2019, 1, 1), "first in force on 2020-09-01")
    assert err.key == "lado.outcomes"
    assert err.on == dt.date(2019, 1, 1)
    assert "2019-01-01" in str(err)
    assert "first in force" in str(err)
    assert str(RuleNotInForceError("a.b", dt.date(2019, 1, 1))).endswith("on 2019-01-01")


def test_calendar_coverage_carries_day_and_range():
    covered = (dt.date(1995, 1, 1), dt.date(2030, 12, 31))
    err = CalendarCoverageError(dt.date(2031, 1, 1), covered)
    assert err.day == dt.date(2031, 1, 1)
    assert err.covered == covered
    assert "2031-01-01" in str(err)


@pytest.mark.parametrize(
    "err",
    [
        InvalidInputError("f", "r"),
        RuleNotInForceError("a.b", dt.date(2020, 1, 1), "d"),
        CalendarCoverageError(dt.date(2031, 1, 1), (dt.date(1995, 1, 1), dt.date(2030, 12, 31))),
    ],
    ids=type,
)
def test_errors_pickle_round_trip(err):
    copy = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own object
    assert type(copy) is type(err)
    assert str(copy) == str(err)
    assert copy.__dict__ == err.__dict__


def test_wrong_typed_arguments_raise_library_errors_naming_them():
    import datetime as dt

    from safeguarding.calendar import add_working_days, is_working_day, working_days_between
    from safeguarding.errors import InvalidInputError, RuleNotInForceError
    from safeguarding.io import CensusReading, read_census

    day = dt.date(2024, 3, 25)
    for call in (
        lambda: add_working_days(day, 3, calendar=None),  # type: ignore[arg-type]
        lambda: working_days_between(day, day, calendar="England"),  # type: ignore[arg-type]
        lambda: is_working_day(day, calendar=None),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidInputError) as caught:
            call()
        assert caught.value.field == "calendar"
    for source in (None, 3, ["<Message/>"]):
        with pytest.raises(InvalidInputError) as caught:
            read_census(source)  # type: ignore[arg-type]
        assert caught.value.field == "source"
        with pytest.raises(InvalidInputError):
            CensusReading(source)  # type: ignore[arg-type]
    # An error is always made, whatever it is given.
    odd = RuleNotInForceError(None, "2020-01-01", "")  # type: ignore[arg-type]
    assert str(odd) == "rule None was not in force on a day that is not a date"
