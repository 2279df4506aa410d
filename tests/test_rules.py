import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding import rules
from safeguarding.citations import Citation, Verification
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.rules import (
    DatedRule,
    Version,
    all_rules,
    register,
    render_value,
    rule_table,
)
from safeguarding.strategies import calendar_dates, dated_rules

D = dt.date
SRC = Citation(
    instrument="Example Act 2000", provision="s1", url=None, status=Verification.UNVERIFIED
)
SRC2 = Citation(
    instrument="Example Act 2010",
    provision="s2",
    url="https://example.gov.uk/2",
    status=Verification.PRIMARY,
)


def make_rule(repealed_on: dt.date | None = None) -> DatedRule[int]:
    return DatedRule(
        key="example.limit",
        title="Example limit",
        versions=(
            Version(in_force_from=D(2000, 1, 1), value=10, source=SRC, edition="2000"),
            Version(in_force_from=D(2010, 1, 1), value=15, source=SRC2, edition="2010"),
        ),
        repealed_on=repealed_on,
    )


def test_at_picks_the_version_in_force():
    rule = make_rule()
    assert rule.at(D(2000, 1, 1)).value == 10
    assert rule.at(D(2009, 12, 31)).value == 10
    assert rule.at(D(2010, 1, 1)).value == 15
    assert rule.at(D(2099, 1, 1)).edition == "2010"
    assert rule.in_force_from == D(2000, 1, 1)


def test_before_commencement_raises_with_key_and_date():
    with pytest.raises(RuleNotInForceError) as info:
        make_rule().at(D(1999, 12, 31))
    assert info.value.key == "example.limit"
    assert info.value.on == D(1999, 12, 31)
    assert "first in force on 2000-01-01" in str(info.value)


def test_repeal_ends_the_rule_on_the_repeal_date():
    rule = make_rule(repealed_on=D(2020, 6, 1))
    assert rule.at(D(2020, 5, 31)).value == 15
    with pytest.raises(RuleNotInForceError, match="repealed"):
        rule.at(D(2020, 6, 1))
    assert not rule.is_in_force(D(2020, 6, 1))
    assert rule.is_in_force(D(2020, 5, 31))
    assert not rule.is_in_force(D(1999, 1, 1))
    assert rule.commencement_dates() == (D(2000, 1, 1), D(2010, 1, 1), D(2020, 6, 1))
    assert make_rule().commencement_dates() == (D(2000, 1, 1), D(2010, 1, 1))


@pytest.mark.parametrize("on", [dt.datetime(2010, 1, 1), "2010-01-01", None])
def test_at_refuses_non_dates(on: Any):
    with pytest.raises(InvalidInputError) as info:
        make_rule().at(on)
    assert info.value.field == "on"
    with pytest.raises(InvalidInputError):
        make_rule().is_in_force(on)


def _version(day: dt.date) -> Version[int]:
    return Version(in_force_from=day, value=1, source=SRC)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"versions": ()}, "versions"),
        ({"versions": [_version(D(2000, 1, 1))]}, "versions"),
        ({"versions": (_version(D(2000, 1, 1)), "x")}, "versions[1]"),
        ({"versions": (_version(D(2001, 1, 1)), _version(D(2000, 1, 1)))}, "versions[1]"),
        ({"versions": (_version(D(2000, 1, 1)), _version(D(2000, 1, 1)))}, "versions[1]"),
        ({"key": "Example.Limit"}, "key"),
        ({"key": "nodot"}, "key"),
        ({"key": 5}, "key"),
        ({"title": ""}, "title"),
        ({"repealed_on": D(2000, 1, 1)}, "repealed_on"),
        ({"repealed_on": "2020-01-01"}, "repealed_on"),
    ],
)
def test_invalid_rules_name_the_field(kwargs: dict[str, Any], field: str):
    base: dict[str, Any] = {
        "key": "example.limit",
        "title": "t",
        "versions": (_version(D(2000, 1, 1)),),
    }
    with pytest.raises(InvalidInputError) as info:
        DatedRule(**{**base, **kwargs})
    assert info.value.field == field


def test_version_validates_its_fields():
    with pytest.raises(InvalidInputError, match="in_force_from"):
        Version(in_force_from="2000-01-01", value=1, source=SRC)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="source"):
        Version(in_force_from=D(2000, 1, 1), value=1, source="Act")  # type: ignore[arg-type]


@given(rule=dated_rules(st.integers()), on=calendar_dates())
def test_at_returns_the_latest_version_not_after_the_day(rule: DatedRule[int], on: dt.date):
    started = [v for v in rule.versions if v.in_force_from <= on]
    repealed = rule.repealed_on is not None and on >= rule.repealed_on
    if not started or repealed:
        assert not rule.is_in_force(on)
        with pytest.raises(RuleNotInForceError):
            rule.at(on)
    else:
        assert rule.is_in_force(on)
        assert rule.at(on) == started[-1]


def test_register_accepts_the_same_rule_twice_but_not_a_different_one(
    monkeypatch: pytest.MonkeyPatch,
):
    # Work on a copy so the example rule does not leak into the package registry.
    monkeypatch.setattr(rules, "_REGISTRY", dict(rules._REGISTRY))
    rule = make_rule()
    assert register(rule) is rule
    assert register(make_rule()) == rule  # an equal rule (a module imported twice)
    with pytest.raises(InvalidInputError, match="already registered"):
        register(make_rule(repealed_on=D(2030, 1, 1)))


def test_registry_holds_the_calendar_and_people_rules_with_unique_keys():
    keys = [rule.key for rule in all_rules()]
    assert keys == sorted(set(keys))
    for key in ("calendar.working_day", "calendar.bank_holidays", "people.leap_day_birthday"):
        assert key in keys


def test_every_registered_rule_is_well_sourced():
    for rule in all_rules():
        for version in rule.versions:
            assert version.source.url is None or version.source.url.startswith("https://")
            assert isinstance(version.source.status, Verification)


def test_rule_table_rows_every_version_or_those_in_force():
    rule = make_rule(repealed_on=D(2020, 6, 1))
    rows = rule_table([rule])
    assert [(r.value, r.in_force_from, r.until) for r in rows] == [
        ("10", D(2000, 1, 1), D(2010, 1, 1)),
        ("15", D(2010, 1, 1), D(2020, 6, 1)),
    ]
    assert [r.value for r in rule_table([rule], on=D(2005, 1, 1))] == ["10"]
    assert rule_table([rule], on=D(1990, 1, 1)) == ()
    assert rule_table([rule], on=D(2021, 1, 1)) == ()
    assert {r.key for r in rule_table()} == {r.key for r in all_rules()}


def test_render_value():
    class Described:
        def describe(self) -> str:
            return "described"

    assert render_value(Described()) == "described"
    assert render_value(D(2024, 2, 29)) == "2024-02-29"
    assert render_value(frozenset({"b", "a"})) == "a; b"
    assert render_value([1, (2, 3)]) == "1; 2; 3"
    assert render_value(15) == "15"
