import datetime as dt
import importlib
import inspect
import pkgutil
import subprocess
import sys
import types
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies._internal.types import _global_type_lookup

import safeguarding
from safeguarding.calendar import FIRST_COVERED, LAST_COVERED, bank_holidays
from safeguarding.people import age_on
from safeguarding.rules import all_rules
from safeguarding.strategies import (
    STRATEGIES,
    _core,
    calendar_dates,
    children,
    dated_rules,
    dates_of_birth,
    decisions,
    edge_dates,
)


def public_attrs_classes() -> set[type[Any]]:
    found: set[type[Any]] = set()
    for info in pkgutil.walk_packages(safeguarding.__path__, prefix="safeguarding."):
        if info.name == "safeguarding.__main__":
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isclass(obj) and attrs.has(obj) and obj.__module__ == module.__name__:
                found.add(obj)
    return found


def test_every_public_attrs_class_has_a_registered_strategy():
    classes = public_attrs_classes()
    assert classes, "no public attrs classes found"
    missing = sorted(cls.__qualname__ for cls in classes - set(STRATEGIES))
    assert not missing, f"no strategy in safeguarding.strategies.STRATEGIES for {missing}"
    unregistered = sorted(cls.__qualname__ for cls in classes if cls not in _global_type_lookup)
    assert not unregistered, f"not registered through the hypothesis entry point: {unregistered}"


@pytest.mark.parametrize("model", sorted(STRATEGIES, key=repr), ids=str)
@given(data=st.data())
def test_from_type_draws_valid_instances(model: type[Any], data: st.DataObject):
    obj = data.draw(st.from_type(model))
    assert isinstance(obj, model)
    # Rebuilding runs every validator and __attrs_post_init__ again.
    assert attrs.evolve(obj) == obj


def test_edge_dates_include_the_days_rules_break_on():
    drawn = set(_core._edge_dates())
    for day in (dt.date(2024, 2, 29), dt.date(2023, 5, 8), dt.date(2022, 9, 20), FIRST_COVERED):
        assert day in drawn
    for year in (1995, 2012, 2030):
        assert set(bank_holidays(year)) <= drawn
    for rule in all_rules():
        assert set(rule.commencement_dates()) & drawn or rule.in_force_from < FIRST_COVERED


@given(edge_dates(dt.date(2020, 1, 1), dt.date(2020, 12, 31)))
def test_edge_dates_respect_bounds(day: dt.date):
    assert day.year == 2020


@given(calendar_dates(dt.date(2021, 3, 2), dt.date(2021, 3, 3)))
def test_calendar_dates_without_edges_in_range(day: dt.date):
    assert day in (dt.date(2021, 3, 2), dt.date(2021, 3, 3))


@pytest.mark.parametrize(
    "make",
    [
        lambda: edge_dates(dt.date(2021, 3, 2), dt.date(2021, 3, 3)),
        lambda: edge_dates(dt.date(2021, 3, 3), dt.date(2021, 3, 2)),
        lambda: edge_dates(dt.datetime(2021, 3, 3), dt.date(2021, 3, 4)),
        lambda: calendar_dates(dt.date(2021, 3, 3), "2022-01-01"),  # type: ignore[arg-type]
        lambda: dated_rules(st.integers(), max_versions=0),
        lambda: dates_of_birth(on="2020-01-01"),  # type: ignore[arg-type]
        lambda: dates_of_birth(on=dt.date(2020, 1, 1), min_age=5, max_age=4),
        lambda: dates_of_birth(on=dt.date(2020, 1, 1), min_age=-1),
    ],
)
def test_impossible_arguments_raise_invalid_argument(make):
    with pytest.raises(InvalidArgument):
        make().validate()


ON = dt.date(2024, 2, 29)


@given(dates_of_birth(on=ON, min_age=15, max_age=18))
def test_dates_of_birth_respect_the_ages(born: dt.date):
    assert 15 <= age_on(born, ON) <= 18


@given(dates_of_birth(on=dt.date(2026, 9, 1), min_age=0, max_age=0))
def test_dates_of_birth_of_babies(born: dt.date):
    assert age_on(born, dt.date(2026, 9, 1)) == 0


@given(children(on=dt.date(2026, 9, 1), unborn=True))
def test_unborn_children_are_expected_after_the_day(child):
    assert child.expected_date_of_birth > dt.date(2026, 9, 1)


@given(children(on=dt.date(2026, 9, 1), unborn=False))
def test_born_children_are_under_18(child):
    assert 0 <= child.age_on(dt.date(2026, 9, 1)) <= 17


@given(decisions(st.sampled_from(["a", "b"])))
def test_decisions_with_custom_outcomes(decision):
    assert decision.outcome in {"a", "b"}


def test_strategies_reach_the_boundaries():
    # 16th and 18th birthdays on the day asked about are drawn on purpose.
    on = dt.date(2026, 9, 1)
    seen: set[int] = set()

    @given(dates_of_birth(on=on, min_age=0, max_age=17))
    def collect(born: dt.date) -> None:
        if born in (dt.date(2010, 9, 1), dt.date(2008, 9, 2)):
            seen.add(born.year)

    collect()
    assert seen, "no 16th or 18th birthday edge was drawn"


def test_leap_day_births_are_drawn():
    days = _core._LEAP_DAYS
    assert dt.date(2024, 2, 29) in days
    assert all(FIRST_COVERED <= d <= LAST_COVERED for d in days)


_DRAW_A_CHILD = (
    "from hypothesis import strategies as st\n"
    "from safeguarding.people import Child\n"
    "assert isinstance(st.from_type(Child).example(), Child)\n"
)


@pytest.mark.parametrize(
    "first",
    ["import safeguarding.strategies", "import hypothesis", "import safeguarding.strategies._core"],
)
def test_either_import_order_registers_the_strategies(first: str):
    # A fresh interpreter: here Hypothesis and the strategies are already loaded.
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-W", "ignore", "-c", f"{first}\n{_DRAW_A_CHILD}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def test_entry_point_waits_while_the_strategies_module_is_loading(monkeypatch):
    from safeguarding import _hypothesis, strategies

    registered: list[type[Any]] = []
    monkeypatch.setattr(strategies, "_REGISTERED", set())
    monkeypatch.setattr(
        st, "register_type_strategy", lambda model, _strategy: registered.append(model)
    )
    loading = types.ModuleType("safeguarding.strategies")
    monkeypatch.setitem(sys.modules, "safeguarding.strategies", loading)
    _hypothesis._register_strategies()
    assert registered == []

    monkeypatch.setitem(sys.modules, "safeguarding.strategies", strategies)
    _hypothesis._register_strategies()
    assert set(registered) == set(STRATEGIES)
    _hypothesis._register_strategies()
    assert len(registered) == len(STRATEGIES)


def test_registering_twice_keeps_the_registrations():
    from safeguarding.strategies import register_strategies

    register_strategies()
    register_strategies()
    assert set(STRATEGIES) <= set(_global_type_lookup)
