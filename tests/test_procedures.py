"""Local procedures: one object for every local choice, each citing its local document."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.calendar import WorkingCalendar
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, Timescale, Unit
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.procedures import LOCAL_NOTE, NATIONAL, NATIONAL_NAME, Procedures
from safeguarding.rules import DatedRule, LocalRule, Version, all_rules, find_rule
from safeguarding.strategies import calendar_dates, procedures

D = dt.date
EMPLOYER_REFERRAL = "lado.employer_referral"
ONE_CALENDAR_DAY = Timescale(
    amount=1, unit=Unit.CALENDAR_DAYS, clock_starts="the employer became aware"
)
SEFTON = Citation(
    instrument="Sefton Safeguarding Children Partnership, LADO procedure 2021",
    provision="'within 24 hours'",
    url=None,
    status=Verification.SECONDARY,
)


class Stub:
    """Overrides from a plain dict: checks DatedRule.at without Procedures' validation."""

    def __init__(self, overrides: dict[str, Version[Any]]) -> None:
        self.overrides = overrides

    def override(self, key: str) -> Version[Any] | None:
        return self.overrides.get(key)


@given(rule=st.sampled_from(all_rules()), on=calendar_dates())
def test_national_procedures_change_no_answer(rule: DatedRule[Any], on: dt.date):
    if not rule.is_in_force(on):
        with pytest.raises(RuleNotInForceError):
            rule.at(on, procedures=NATIONAL)
        return
    assert rule.at(on, procedures=NATIONAL) is rule.at(on)


@given(local=procedures(), on=calendar_dates())
def test_a_local_version_applies_from_its_own_date(local: Procedures, on: dt.date):
    for key, version in local.overrides:
        rule = find_rule(key)
        assert isinstance(rule, DatedRule)
        if not rule.is_in_force(on):
            continue
        answer = rule.at(on, procedures=local)
        if version.in_force_from <= on:
            assert answer is version
        else:
            assert answer is rule.at(on)


def test_a_local_deadline_cites_the_local_document():
    sefton = Procedures(
        name="Sefton SCP procedures 2021",
        overrides={
            EMPLOYER_REFERRAL: Version(
                in_force_from=D(2021, 4, 1), value=ONE_CALENDAR_DAY, source=SEFTON
            )
        },
    )
    rule = find_rule(EMPLOYER_REFERRAL)
    assert isinstance(rule, DatedRule)
    # Friday 7 January 2022: one calendar day is Saturday; one working day is Monday.
    local = Deadline.from_rule(rule, D(2022, 1, 7), procedures=sefton)
    national = Deadline.from_rule(rule, D(2022, 1, 7))
    assert (local.due, local.source) == (D(2022, 1, 8), SEFTON)
    assert national.due == D(2022, 1, 10)
    assert national.source.instrument.startswith("Working Together")
    # Before the local procedures applied, the national rule did.
    assert Deadline.from_rule(rule, D(2021, 3, 31), procedures=sefton).source != SEFTON


def test_adopt_cites_the_named_procedures_as_unverified_local_choices():
    local = Procedures.adopt(
        "Sefton SCP procedures 2021",
        {EMPLOYER_REFERRAL: ONE_CALENDAR_DAY},
        in_force_from=D(2021, 4, 1),
    )
    version = local.override(EMPLOYER_REFERRAL)
    assert version is not None
    assert version.value == ONE_CALENDAR_DAY
    assert version.source.instrument == "Sefton SCP procedures 2021"
    assert version.source.status is Verification.UNVERIFIED
    assert version.source.note == LOCAL_NOTE
    with_source = Procedures.adopt(
        "Sefton", {EMPLOYER_REFERRAL: ONE_CALENDAR_DAY}, in_force_from=D(2021, 4, 1), source=SEFTON
    )
    assert with_source.override(EMPLOYER_REFERRAL).source == SEFTON  # type: ignore[union-attr]


def test_the_working_day_calendar_is_the_procedures_calendar():
    closed = WorkingCalendar(name="Council closure", extra_closures=[D(2024, 12, 27)])
    local = Procedures(calendar=closed)
    rule = find_rule(EMPLOYER_REFERRAL)
    assert isinstance(rule, DatedRule)
    # Tuesday 24 December 2024: Christmas and Boxing Day, then the closure on the 27th.
    assert Deadline.from_rule(rule, D(2024, 12, 24)).due == D(2024, 12, 27)
    assert Deadline.from_rule(rule, D(2024, 12, 24), procedures=local).due == D(2024, 12, 30)


def test_a_local_version_does_not_revive_a_repealed_rule():
    rule = find_rule("reviews.scr.decision_timescale")
    assert isinstance(rule, DatedRule)
    assert rule.repealed_on is not None
    local = Stub({rule.key: Version(in_force_from=D(2010, 1, 1), value=1, source=SEFTON)})
    with pytest.raises(RuleNotInForceError):
        rule.at(rule.repealed_on, procedures=local)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        (
            {
                "name": "Local",
                "overrides": {
                    "no.such_rule": Version(in_force_from=D(2020, 1, 1), value=1, source=SEFTON)
                },
            },
            "key",
        ),
        (
            {
                "name": "Local",
                "overrides": {
                    EMPLOYER_REFERRAL: Version(in_force_from=D(2020, 1, 1), value=24, source=SEFTON)
                },
            },
            "overrides['lado.employer_referral']",
        ),
        (
            {"name": "Local", "overrides": {EMPLOYER_REFERRAL: ONE_CALENDAR_DAY}},
            "overrides['lado.employer_referral']",
        ),
        (
            {
                "overrides": {
                    EMPLOYER_REFERRAL: Version(
                        in_force_from=D(2020, 1, 1), value=ONE_CALENDAR_DAY, source=SEFTON
                    )
                }
            },
            "name",
        ),
        ({"name": "Local", "overrides": 3}, "overrides"),
        ({"name": "Local", "overrides": [("a.b",)]}, "overrides"),
        ({"name": "Local", "overrides": [(1, ONE_CALENDAR_DAY)]}, "overrides"),
        ({"name": "Local", "calendar": "England"}, "calendar"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_procedures_are_refused_naming_the_field(kwargs: dict[str, Any], field: str):
    with pytest.raises(InvalidInputError) as info:
        Procedures(**kwargs)
    assert info.value.field == field


def test_a_rule_is_set_only_once():
    version = Version(in_force_from=D(2020, 1, 1), value=ONE_CALENDAR_DAY, source=SEFTON)
    with pytest.raises(InvalidInputError, match="twice"):
        Procedures(name="Local", overrides=[(EMPLOYER_REFERRAL, version)] * 2)


def test_adopt_checks_its_arguments():
    with pytest.raises(InvalidInputError):
        Procedures.adopt("Local", {EMPLOYER_REFERRAL: ONE_CALENDAR_DAY}, in_force_from="2021")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        Procedures.adopt("Local", [EMPLOYER_REFERRAL], in_force_from=D(2021, 1, 1))  # type: ignore[arg-type]


def test_deadline_refuses_what_is_not_procedures():
    rule = find_rule(EMPLOYER_REFERRAL)
    assert isinstance(rule, DatedRule)
    with pytest.raises(InvalidInputError) as info:
        Deadline.from_rule(rule, D(2022, 1, 7), procedures=WorkingCalendar())  # type: ignore[arg-type]
    assert info.value.field == "procedures"


def test_national_procedures_are_named_and_plain():
    assert NATIONAL.name == NATIONAL_NAME
    assert NATIONAL.overrides == ()
    assert NATIONAL.override(EMPLOYER_REFERRAL) is None
    assert Procedures() == NATIONAL


class TestLocalRule:
    RULE: LocalRule[int] = LocalRule(key="tests.local_limit", title="local limit", kind=int)

    def test_without_procedures_it_must_be_set(self):
        with pytest.raises(InvalidInputError) as info:
            self.RULE.at(D(2024, 1, 1), procedures=None)
        assert info.value.field == "procedures"
        with pytest.raises(InvalidInputError):
            self.RULE.at(D(2024, 1, 1), procedures=NATIONAL)

    def test_it_applies_from_the_procedures_date(self):
        version = Version(in_force_from=D(2024, 1, 1), value=3, source=SEFTON)
        local = Stub({self.RULE.key: version})
        assert self.RULE.at(D(2024, 1, 1), procedures=local) is version
        with pytest.raises(RuleNotInForceError):
            self.RULE.at(D(2023, 12, 31), procedures=local)
        with pytest.raises(InvalidInputError):
            self.RULE.at("2024-01-01", procedures=local)  # type: ignore[arg-type]

    def test_it_is_a_value(self):
        same = LocalRule(key="tests.local_limit", title="local limit", kind=int)
        assert same == self.RULE
        assert hash(same) == hash(self.RULE)
        assert same != LocalRule(key="tests.local_limit", title="local limit", kind=str)
        assert self.RULE != "tests.local_limit"
        assert repr(self.RULE) == "LocalRule(key='tests.local_limit', kind=int)"

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"key": "Bad Key", "title": "t", "kind": int},
            {"key": "a.b", "title": " ", "kind": int},
            {"key": "a.b", "title": "t", "kind": 3},
        ],
    )
    def test_bad_definitions_are_refused(self, kwargs: dict[str, Any]):
        with pytest.raises(InvalidInputError):
            LocalRule(**kwargs)
