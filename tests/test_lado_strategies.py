"""The LADO strategies, and the LADO rules in the registry (strategies._lado, lado.*)."""

import datetime as dt
import importlib
import inspect
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import safeguarding.lado
from safeguarding.citations import Verification
from safeguarding.lado.editions import commencement
from safeguarding.lado.outcomes import OUTCOMES
from safeguarding.rules import DatedRule, rule_table
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies import _lado
from safeguarding.strategies._lado import (
    STRATEGIES,
    allegations,
    kcsie_dates,
    lado_contacts,
    lado_people,
    lado_service_measures,
    lado_tally_calls,
)

LADO_MODULES = ("editions", "measures", "models", "outcomes", "records", "threshold", "timescales")


def public_lado_classes() -> set[type[Any]]:
    found: set[type[Any]] = set()
    for name in LADO_MODULES:
        module = importlib.import_module(f"safeguarding.lado.{name}")
        for attr in module.__all__:
            obj = getattr(module, attr)
            if inspect.isclass(obj) and attrs.has(obj) and obj.__module__ == module.__name__:
                found.add(obj)
    return found


def lado_rules() -> list[DatedRule[Any]]:
    rules: list[DatedRule[Any]] = []
    for name in LADO_MODULES:
        module = importlib.import_module(f"safeguarding.lado.{name}")
        rules.extend(
            obj for attr in module.__all__ if isinstance(obj := getattr(module, attr), DatedRule)
        )
    return rules


def test_every_public_lado_class_has_a_strategy():
    assert public_lado_classes() == set(STRATEGIES)


# Every strategy output passes the validators again and round-trips through JSON.
@pytest.mark.parametrize("model", sorted(STRATEGIES, key=repr), ids=str)
@given(data=st.data())
def test_strategies_draw_valid_objects_that_round_trip(model, data):
    obj = data.draw(STRATEGIES[model]())
    assert isinstance(obj, model)
    assert attrs.evolve(obj) == obj
    assert from_json(to_json(obj), model) == obj


def test_package_exports_are_unique_and_present():
    assert len(set(safeguarding.lado.__all__)) == len(safeguarding.lado.__all__)
    for name in safeguarding.lado.__all__:
        assert hasattr(safeguarding.lado, name)


# Every rule is in the `safeguarding rules` table with its source and status.
def test_every_lado_rule_is_in_the_rules_table_with_source_and_status():
    rules = lado_rules()
    keys = {rule.key for rule in rules}
    assert len(keys) == len(rules) == 17
    rows = [row for row in rule_table() if row.key.startswith("lado.")]
    assert {row.key for row in rows} == keys
    assert len(rows) == sum(len(rule.versions) for rule in rules)
    for row in rows:
        assert row.source.instrument
        assert row.source.provision
        assert isinstance(row.source.status, Verification)
        assert row.value
        if row.source.status is not Verification.PRIMARY:
            assert row.source.note, f"{row.key} {row.in_force_from} needs a note on its status"


def test_rules_table_renders_values_in_words():
    rows = {
        (row.key, row.in_force_from): row for row in rule_table() if row.key.startswith("lado.")
    }
    assert rows["lado.record_removal", dt.date(2021, 9, 1)].value == (
        "malicious or false removed unless the person consents"
    )
    assert rows["lado.resolution_targets", dt.date(2016, 9, 5)].value.startswith(
        "80% within 1 month; 90% within 3 months"
    )
    assert rows["lado.outcomes", dt.date(2021, 9, 1)].value.endswith(
        "unfounded: there is no evidence or proper basis which supports the allegation being made"
    )
    assert rows["lado.employer_referral", dt.date(2015, 3, 26)].value == (
        "1 working day after the employer became aware of the allegation"
    )


@given(kcsie_dates(min_value=dt.date(2020, 8, 25), max_value=dt.date(2020, 9, 5)))
def test_kcsie_dates_respect_bounds(day):
    assert dt.date(2020, 8, 25) <= day <= dt.date(2020, 9, 5)


def test_kcsie_dates_cluster_on_commencement_days():
    drawn = set(_lado._change_days())
    for year in (2016, 2020, 2021, 2025):
        start = commencement(year)
        assert {start - dt.timedelta(days=1), start, start + dt.timedelta(days=1)} <= drawn
    assert dt.date(2024, 2, 29) in drawn
    assert dt.date(2024, 3, 29) in drawn  # Good Friday
    assert OUTCOMES.in_force_from in drawn


@given(kcsie_dates(min_value=dt.date(2017, 3, 1), max_value=dt.date(2017, 3, 2)))
def test_kcsie_dates_without_change_days_in_range(day):
    assert day in (dt.date(2017, 3, 1), dt.date(2017, 3, 2))


@given(lado_people(with_birth_details=True))
def test_people_with_birth_details(person):
    assert person.date_of_birth is not None
    assert person.normal_pension_age is not None


@given(lado_people(with_birth_details=False))
def test_people_without_birth_details(person):
    assert person.date_of_birth is None
    assert "<hidden>" not in repr(person)


@given(lado_contacts(received_by=dt.date(2019, 3, 31)))
def test_contacts_received_by(contact):
    assert contact.received <= dt.date(2019, 3, 31)


@pytest.mark.parametrize(
    "make",
    [
        lambda: kcsie_dates(min_value=dt.datetime(2020, 1, 1)),
        lambda: kcsie_dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2020, 1, 1)),
        lambda: allegations(max_behaviours=0),
        lambda: lado_contacts(received_by=dt.date(2014, 1, 1)),
        lambda: lado_contacts(received_by="2019-03-31"),  # type: ignore[arg-type]
        lambda: lado_service_measures(max_contacts=-1),
        lambda: lado_tally_calls(max_contacts=-1),
    ],
)
def test_impossible_arguments(make):
    with pytest.raises(InvalidArgument):
        make()
