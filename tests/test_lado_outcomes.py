"""Outcome categories and their definitions by edition (safeguarding.lado.outcomes)."""

import datetime as dt

import pytest
from hypothesis import given

from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.lado.editions import (
    KCSIE_EDITION,
    commencement,
    edition_label,
    kcsie_edition,
)
from safeguarding.lado.outcomes import (
    OUTCOMES,
    Outcome,
    check_outcome_in_force,
    outcome_definition,
    outcomes_in_force,
)
from safeguarding.strategies._lado import kcsie_dates

D = dt.date
FOUR = (Outcome.SUBSTANTIATED, Outcome.MALICIOUS, Outcome.FALSE, Outcome.UNSUBSTANTIATED)


# Golden: Keeping Children Safe in Education (September 2016), Part four, para 150: four
# outcomes, no "unfounded" (primary, verbatim copy:
# https://online.flipbuilder.com/ruih/lrev/files/basic-html/page42.html ). KCSIE 2021 para 381
# adds "unfounded" and widens "malicious" (primary, verbatim copy:
# https://user-s7hizqk.cld.bz/1-General-Information/132 ). The library applies the change from
# KCSIE 2021 (1 September 2021) because the 2018-2020 texts were not read: which edition first
# made it is unverified.
def test_availability_before_and_after_kcsie_2016():
    with pytest.raises(RuleNotInForceError):
        outcomes_in_force(on=D(2016, 9, 4))
    assert outcomes_in_force(on=D(2016, 9, 5)) == FOUR


def test_unfounded_is_available_from_kcsie_2021():
    assert outcomes_in_force(on=D(2021, 8, 31)) == FOUR
    assert outcomes_in_force(on=D(2021, 9, 1)) == (*FOUR, Outcome.UNFOUNDED)
    with pytest.raises(InvalidInputError) as info:
        outcome_definition(Outcome.UNFOUNDED, on=D(2021, 8, 31))
    assert info.value.field == "outcome"
    assert "KCSIE 2020" in info.value.reason
    unfounded = outcome_definition(Outcome.UNFOUNDED, on=D(2021, 9, 1))
    assert unfounded.meaning == (
        "there is no evidence or proper basis which supports the allegation being made"
    )


def test_malicious_widened_in_kcsie_2021():
    before = outcome_definition(Outcome.MALICIOUS, on=D(2021, 8, 31)).meaning
    after = outcome_definition(Outcome.MALICIOUS, on=D(2021, 9, 1)).meaning
    assert "deliberate act to deceive" in before
    assert "cause harm" not in before
    assert after.endswith("or to cause harm to the person subject of the allegation")


@pytest.mark.parametrize(
    ("outcome", "words"),
    [
        (Outcome.SUBSTANTIATED, "sufficient evidence to prove the allegation"),
        (Outcome.FALSE, "sufficient evidence to disprove the allegation"),
        (Outcome.UNSUBSTANTIATED, "does not imply guilt or innocence"),
    ],
)
def test_unchanged_definitions(outcome, words):
    for on in (D(2016, 9, 5), D(2021, 8, 31), D(2021, 9, 1), D(2025, 10, 1)):
        definition = outcome_definition(outcome, on=on)
        assert words in definition.meaning
        assert definition.describe().startswith(f"{outcome.value}: ")


def test_statuses_are_honest():
    by_edition = {v.edition: v.source.status for v in OUTCOMES.versions}
    assert by_edition["KCSIE 2016"] is Verification.PRIMARY
    assert by_edition["KCSIE 2021"] is Verification.PRIMARY
    for year in (2018, 2019, 2020, 2022, 2023, 2024, 2025):
        assert by_edition[f"KCSIE {year}"] is Verification.UNVERIFIED


def test_check_outcome_in_force():
    check_outcome_in_force("outcome", Outcome.FALSE, on=D(2017, 1, 1))
    with pytest.raises(InvalidInputError) as info:
        check_outcome_in_force("contacts[3].outcome", Outcome.FALSE, on=D(2015, 1, 1))
    assert info.value.field == "contacts[3].outcome"
    with pytest.raises(InvalidInputError) as info:
        check_outcome_in_force("outcome", "false", on=D(2017, 1, 1))
    assert info.value.field == "outcome"
    with pytest.raises(InvalidInputError) as info:
        outcome_definition("malicious", on=D(2017, 1, 1))  # type: ignore[arg-type]
    assert info.value.field == "outcome"


# KCSIE edition commencement days (editions.py; secondary to 2021, unverified after).
@pytest.mark.parametrize(
    ("on", "edition"),
    [
        (D(2014, 4, 3), 2014),
        (D(2015, 3, 25), 2014),
        (D(2015, 3, 26), 2015),
        (D(2016, 9, 4), 2015),
        (D(2016, 9, 5), 2016),
        (D(2018, 9, 2), 2016),  # there was no KCSIE 2017
        (D(2018, 9, 3), 2018),
        (D(2019, 9, 2), 2019),
        (D(2020, 9, 1), 2020),
        (D(2025, 9, 1), 2025),
    ],
)
def test_kcsie_edition(on, edition):
    assert kcsie_edition(on=on) == edition
    assert edition_label(on=on) == f"KCSIE {edition}"


def test_commencement_and_its_errors():
    assert commencement(2021) == D(2021, 9, 1)
    for year in (2017, 2013):
        with pytest.raises(InvalidInputError) as info:
            commencement(year)
        assert info.value.field == "year"
    with pytest.raises(InvalidInputError):
        commencement("2020")  # type: ignore[arg-type]
    with pytest.raises(RuleNotInForceError):
        kcsie_edition(on=D(2014, 4, 2))
    assert KCSIE_EDITION.versions[-1].source.status is Verification.UNVERIFIED


# Property: the outcomes in force always start with the four 2016 categories, in order, and
# every category has exactly one definition.
@given(kcsie_dates(min_value=D(2016, 9, 5)))
def test_outcomes_in_force_shape(on):
    outcomes = outcomes_in_force(on=on)
    assert outcomes[:4] == FOUR
    assert len(set(outcomes)) == len(outcomes)
    assert (Outcome.UNFOUNDED in outcomes) == (on >= commencement(2021))
    for outcome in outcomes:
        assert outcome_definition(outcome, on=on).outcome is outcome
