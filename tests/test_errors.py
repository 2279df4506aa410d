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
