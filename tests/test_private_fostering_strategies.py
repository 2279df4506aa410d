"""The private fostering strategies draw valid models, and every rule is in the rules table."""

import datetime as dt
import importlib
import inspect
import pkgutil
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import safeguarding.private_fostering as package
from safeguarding.citations import Verification
from safeguarding.cli import format_markdown
from safeguarding.people import age_on
from safeguarding.private_fostering import Arrangement, CarerCapacity, Link, Setting
from safeguarding.procedures import Procedures
from safeguarding.rules import DatedRule, all_rules, find_rule, rule_table
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._private_fostering import (
    STRATEGIES,
    arrangements,
    fostering_procedures,
    holiday_stays,
)


def wrong(value: object) -> Any:
    """A deliberately ill-typed argument."""
    return value


def public_classes() -> set[type]:
    found: set[type] = set()
    for info in pkgutil.walk_packages(package.__path__, prefix="safeguarding.private_fostering."):
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isclass(obj) and attrs.has(obj) and obj.__module__ == module.__name__:
                found.add(obj)
    return found


def test_every_public_model_has_a_strategy():
    missing = sorted(c.__name__ for c in public_classes() - set(STRATEGIES))
    assert not missing
    assert set(STRATEGIES) <= public_classes()


@pytest.mark.parametrize(
    "model",
    sorted(STRATEGIES, key=repr),
    ids=lambda c: str(getattr(c, "__name__", c)),
)
@given(data=st.data())
def test_strategies_draw_valid_objects_that_round_trip(model, data):
    obj = data.draw(STRATEGIES[model]())
    assert isinstance(obj, model)
    assert attrs.evolve(obj) == obj  # every validator and cross-field check passes again
    assert from_json(to_json(obj), model) == obj


@pytest.mark.parametrize(
    "make",
    [
        lambda: arrangements(on=wrong("2025-01-01")),
        lambda: arrangements(min_age=5, max_age=4),
        lambda: holiday_stays(min_value=dt.date(2025, 2, 1), max_value=dt.date(2025, 1, 1)),
        lambda: holiday_stays(min_value=wrong(dt.datetime(2025, 1, 1))),
    ],
)
def test_impossible_arguments_raise_invalid_argument(make):
    with pytest.raises(InvalidArgument):
        make().validate()


ON = dt.date(2025, 3, 3)


def cared_days(arrangement: Arrangement) -> int:
    return (min(ON, arrangement.end or ON) - arrangement.start).days + 1


@pytest.mark.parametrize(
    ("name", "predicate"),
    [
        ("27-day stay", lambda a: cared_days(a) == 27),
        ("28-day stay", lambda a: cared_days(a) == 28),
        ("intended end on day 28", lambda a: a.intended_end == a.start + dt.timedelta(days=27)),
        ("16th birthday", lambda a: a.child.date_of_birth == dt.date(2009, 3, 3)),
        ("18th birthday", lambda a: a.child.date_of_birth == dt.date(2007, 3, 3)),
        ("disabled 17", lambda a: a.child.disabled and age_on(a.child.date_of_birth, ON) == 17),
        ("holiday stay at school", lambda a: a.holiday_stay is not None),
        ("aunt by civil partnership", lambda a: a.link is Link.CIVIL_PARTNERSHIP),
        (
            "carer acting personally in a school",
            lambda a: a.setting is Setting.SCHOOL and a.carer_capacity is CarerCapacity.PERSONAL,
        ),
    ],
)
def test_arrangement_strategy_reaches_the_boundaries(name, predicate):
    assert find(
        arrangements(on=ON),
        predicate,
        settings=settings(database=None, max_examples=5000, phases=[Phase.generate]),
    ), name


@pytest.mark.parametrize("days", [14, 15])
def test_holiday_stays_reach_the_two_week_line(days):
    found = find(
        holiday_stays(),
        lambda h: h.days == days,
        settings=settings(database=None, max_examples=5000, phases=[Phase.generate]),
    )
    assert found.days == days


def test_every_private_fostering_rule_is_in_the_rules_table():
    rules = [r for r in all_rules() if r.key.startswith("private_fostering.")]
    assert len(rules) == 40
    rows = [row for row in rule_table() if row.key.startswith("private_fostering.")]
    assert {row.key for row in rows} == {r.key for r in rules}
    table = format_markdown(rows)
    for rule in rules:
        assert rule.key in table
    statuses = {row.source.status for row in rows}
    assert statuses == set(Verification)  # primary, secondary and unverified all appear
    for row in rows:
        assert row.source.note or row.source.status is Verification.PRIMARY, row.key


@given(arrangements(on=dt.date(2024, 1, 15), min_age=0, max_age=0))
def test_arrangements_respect_the_age_range_around_29_february(arrangement):
    # A baby on 15 January 2024 cannot have been born on 29 February 2024.
    assert age_on(arrangement.child.date_of_birth, dt.date(2024, 1, 15)) == 0


@given(arrangements(on=dt.date(2024, 2, 29), min_age=15, max_age=18))
def test_arrangements_built_around_29_february(arrangement):
    assert 15 <= age_on(arrangement.child.date_of_birth, dt.date(2024, 2, 29)) <= 18


@given(fostering_procedures())
def test_fostering_procedures_set_only_notice_rules_and_round_trip(local):
    assert from_json(to_json(local), Procedures) == local
    for key, version in local.overrides:
        assert key.startswith("private_fostering.notice.")
        assert version.source.instrument == local.name
        rule = find_rule(key)
        assert isinstance(rule, DatedRule)
        assert isinstance(version.value, type(rule.versions[0].value))
