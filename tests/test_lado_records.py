"""Record removal and retention, references, DBS and TRA (safeguarding.lado.records)."""

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.calendar import add_months
from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.lado.models import (
    Allegation,
    Behaviour,
    Case,
    ConcernCategory,
    Engagement,
    Person,
    Role,
    Sector,
    Setting,
    Timeline,
)
from safeguarding.lado.outcomes import OUTCOMES, Outcome, outcomes_in_force
from safeguarding.lado.records import (
    IICSA_PRESERVATION,
    RECORD_REMOVAL,
    RECORD_RETENTION,
    RecordRemoval,
    RecordTreatment,
    dbs_referral,
    may_mention_in_reference,
    record_treatment,
    retention,
    tra_referral,
)
from safeguarding.strategies._lado import kcsie_dates, lado_cases

D = dt.date
ALLEGED = D(2024, 6, 3)


def person(born: dt.date, pension_age: int = 67, role: Role = Role.TEACHER) -> Person:
    return Person(
        role=role,
        sector=Sector.EDUCATION,
        engagement=Engagement.PAID,
        date_of_birth=born,
        normal_pension_age=pension_age,
    )


def case(
    subject: Person,
    *,
    category: ConcernCategory = ConcernCategory.PHYSICAL,
    outcome: Outcome | None = None,
    left: bool | None = None,
    made_on: dt.date = ALLEGED,
) -> Case:
    behaviour = Behaviour(category=category, setting=Setting.IN_WORK, harmed_child=True)
    return Case(
        person=subject,
        allegation=Allegation(made_on=made_on, behaviours=(behaviour,)),
        timeline=Timeline(
            employer_aware=made_on,
            concluded=None if outcome is None else made_on + dt.timedelta(days=40),
        ),
        outcome=outcome,
        person_left=left,
    )


# Golden: retention "at least until the accused has reached normal retirement age or for a
# period of 10 years from the date of the allegation if that is longer" (Keeping Children Safe
# in Education, April 2014, para 127; primary, verbatim copy on Hertfordshire's schools portal,
# http://thegrid.org.uk/info/welfare/child_protection/allegations/case_summary.shtml ). So the
# end date needs the person's date of birth and pension age, not the date the case closed
# ("pension age" is the wording of later secondary copies, e.g. NEU, "Recording allegations of
# abuse", https://neu.org.uk/advice/recording-allegations-abuse ).
def test_retention_for_a_30_year_old_runs_to_pension_age():
    thirty = person(D(1994, 1, 15))  # 30 on the allegation date
    decision = retention(case(thirty), on=ALLEGED)
    assert decision.outcome == D(2061, 1, 15)  # 67th birthday, long after 2034
    pension, ten_years = decision.findings
    assert pension.met is True
    assert ten_years.met is False
    assert "1994" not in decision.explain()


def test_retention_for_a_62_year_old_runs_ten_years():
    sixty_two = person(D(1962, 3, 1), pension_age=66)  # 66 on 1 March 2028
    decision = retention(case(sixty_two), on=ALLEGED)
    assert decision.outcome == D(2034, 6, 3)
    assert decision.findings[1].criterion == "10 years from the allegation"
    assert decision.findings[1].met is True
    assert decision.findings[0].met is False


def test_retention_ten_years_from_29_february_clamps():
    decision = retention(case(person(D(1960, 1, 1)), made_on=D(2024, 2, 29)), on=D(2024, 2, 29))
    assert decision.outcome == D(2034, 2, 28)


def test_retention_needs_birth_details_and_stops_for_removed_records():
    with pytest.raises(InvalidInputError) as info:
        retention(case(attrs.evolve(person(D(1990, 1, 1)), date_of_birth=None)), on=ALLEGED)
    assert info.value.field == "case.person.date_of_birth"
    with pytest.raises(InvalidInputError) as info:
        retention(case(attrs.evolve(person(D(1990, 1, 1)), normal_pension_age=None)), on=ALLEGED)
    assert info.value.field == "case.person.normal_pension_age"
    with pytest.raises(InvalidInputError) as info:
        retention("case", on=ALLEGED)  # type: ignore[arg-type]
    assert info.value.field == "case"
    malicious = case(person(D(1990, 1, 1)), outcome=Outcome.MALICIOUS)
    removed = retention(malicious, on=ALLEGED)
    assert removed.outcome is None
    assert removed.findings[0].met is False
    kept = retention(
        case(person(D(1990, 1, 1)), outcome=Outcome.FALSE), on=ALLEGED, consents_to_retention=True
    )
    assert kept.outcome == D(2057, 1, 1)


def test_iicsa_hold_on_sexual_abuse_records():
    # KCSIE 2021 para 399 (primary copy); dropped in KCSIE 2023 (The Key, secondary).
    sexual = case(person(D(1990, 1, 1)), category=ConcernCategory.SEXUAL, made_on=D(2022, 1, 5))
    held = retention(sexual, on=D(2022, 1, 5)).findings[-1]
    assert held.criterion == "preserved for the Independent Inquiry into Child Sexual Abuse"
    assert held.met is True
    assert retention(sexual, on=D(2023, 9, 1)).findings[-1].met is False
    assert len(retention(sexual, on=D(2021, 8, 31)).findings) == 2
    assert IICSA_PRESERVATION.at(D(2023, 9, 1)).source.status is Verification.SECONDARY


# KCSIE 2014 para 126 and KCSIE 2016 para 170 remove malicious allegations only (primary: the
# 2014 copy above; a verbatim flipbook copy of KCSIE 2016, contents at
# https://online.flipbuilder.com/ruih/lrev/files/basic-html/page3.html );
# KCSIE 2021 para 397 removes malicious or false unless the person consents (primary, verbatim
# copy: https://user-s7hizqk.cld.bz/1-General-Information/135 ); the edition that made the
# change is unverified. Unsubstantiated and unfounded allegations are kept.
@pytest.mark.parametrize(
    ("outcome", "on", "consents", "expected"),
    [
        (Outcome.MALICIOUS, D(2014, 4, 3), True, RecordTreatment.REMOVE),
        (Outcome.MALICIOUS, D(2019, 1, 1), False, RecordTreatment.REMOVE),
        (Outcome.FALSE, D(2021, 8, 31), False, RecordTreatment.KEEP),
        (Outcome.FALSE, D(2021, 9, 1), False, RecordTreatment.REMOVE),
        (Outcome.FALSE, D(2021, 9, 1), True, RecordTreatment.KEEP),
        (Outcome.MALICIOUS, D(2023, 1, 1), True, RecordTreatment.KEEP),
        (Outcome.UNSUBSTANTIATED, D(2023, 1, 1), False, RecordTreatment.KEEP),
        (Outcome.UNFOUNDED, D(2023, 1, 1), False, RecordTreatment.KEEP),
        (Outcome.SUBSTANTIATED, D(2016, 9, 5), False, RecordTreatment.KEEP),
    ],
)
def test_record_treatment(outcome, on, consents, expected):
    decision = record_treatment(outcome, on=on, consents_to_retention=consents)
    assert decision.outcome is expected
    assert (decision.findings[0].met is True) == (expected is RecordTreatment.KEEP)


def test_record_rules_and_statuses():
    assert RECORD_REMOVAL.at(D(2021, 9, 1)).value.describe() == (
        "malicious or false removed unless the person consents"
    )
    assert RECORD_REMOVAL.at(D(2016, 9, 5)).value.describe() == "malicious removed"
    assert RecordRemoval(removed=frozenset(), unless_consent=False).describe() == (
        "nothing removed"
    )
    assert RECORD_REMOVAL.at(D(2014, 4, 3)).source.status is Verification.PRIMARY
    assert RECORD_REMOVAL.at(D(2019, 1, 1)).source.status is Verification.UNVERIFIED
    assert RECORD_RETENTION.at(D(2014, 4, 3)).source.status is Verification.PRIMARY
    assert RECORD_RETENTION.at(D(2022, 1, 1)).source.status is Verification.SECONDARY
    with pytest.raises(InvalidInputError) as info:
        RecordRemoval(removed={Outcome.FALSE}, unless_consent=True)  # type: ignore[arg-type]
    assert info.value.field == "removed"
    with pytest.raises(InvalidInputError) as info:
        RecordRemoval(removed=frozenset(), unless_consent=None)  # type: ignore[arg-type]
    assert info.value.field == "unless_consent"


def test_record_treatment_bad_input():
    with pytest.raises(InvalidInputError) as info:
        record_treatment(Outcome.UNFOUNDED, on=D(2019, 1, 1))
    assert info.value.field == "outcome"
    with pytest.raises(InvalidInputError) as info:
        record_treatment(Outcome.FALSE, on=D(2019, 1, 1), consents_to_retention="yes")  # type: ignore[arg-type]
    assert info.value.field == "consents_to_retention"
    with pytest.raises(InvalidInputError) as info:
        record_treatment("false", on=D(2019, 1, 1))  # type: ignore[arg-type]
    assert info.value.field == "outcome"
    with pytest.raises(RuleNotInForceError):
        record_treatment(Outcome.FALSE, on=D(2014, 4, 2))


# KCSIE 2016 para 173 (primary copy): false, unsubstantiated or malicious allegations stay out
# of references. 'Unfounded' from 2021: the library's unverified reading.
@pytest.mark.parametrize(
    ("outcome", "on", "allowed"),
    [
        (Outcome.SUBSTANTIATED, D(2017, 1, 1), True),
        (Outcome.FALSE, D(2017, 1, 1), False),
        (Outcome.UNSUBSTANTIATED, D(2019, 1, 1), False),
        (Outcome.MALICIOUS, D(2024, 1, 1), False),
        (Outcome.UNFOUNDED, D(2024, 1, 1), False),
        (Outcome.SUBSTANTIATED, D(2024, 1, 1), True),
    ],
)
def test_references(outcome, on, allowed):
    decision = may_mention_in_reference(outcome, on=on)
    assert decision.outcome is allowed
    assert decision.findings[0].met is allowed


def test_reference_finding_names_the_excluded_outcomes():
    finding = may_mention_in_reference(Outcome.FALSE, on=D(2017, 1, 1)).findings[0]
    assert finding.criterion == "not found malicious, false or unsubstantiated"
    assert finding.source.status is Verification.PRIMARY
    later = may_mention_in_reference(Outcome.FALSE, on=D(2022, 1, 1)).findings[0]
    assert later.source.status is Verification.UNVERIFIED


# KCSIE 2021 paras 383-384 (primary copy): DBS referral when substantiated and the person left;
# teachers: consider a referral to the TRA (NCTL before KCSIE 2018).
@pytest.mark.parametrize(
    ("outcome", "left", "expected"),
    [
        (Outcome.SUBSTANTIATED, True, True),
        (Outcome.SUBSTANTIATED, False, False),
        (Outcome.SUBSTANTIATED, None, None),
        (Outcome.FALSE, True, False),
        (None, True, None),
        (None, False, False),
    ],
)
def test_dbs_referral(outcome, left, expected):
    subject = person(D(1980, 1, 1))
    decision = dbs_referral(case(subject, outcome=outcome, left=left), on=D(2024, 8, 1))
    assert decision.outcome is expected
    assert decision.findings[0].criterion == "allegation substantiated"
    assert decision.findings[0].source.provision == "Part four, para 383"


def test_tra_referral_by_role_and_edition():
    teacher = case(person(D(1980, 1, 1)), outcome=Outcome.SUBSTANTIATED, made_on=D(2017, 3, 1))
    decision = tra_referral(teacher, on=D(2017, 5, 1))
    assert decision.outcome is True
    assert "National College for Teaching and Leadership" in decision.findings[0].detail
    later = tra_referral(teacher, on=D(2021, 9, 1))
    assert "Teaching Regulation Agency" in later.findings[0].detail
    assert later.findings[0].source.status is Verification.PRIMARY
    assistant = case(
        person(D(1980, 1, 1), role=Role.TEACHING_ASSISTANT), outcome=Outcome.SUBSTANTIATED
    )
    other = tra_referral(assistant, on=D(2024, 9, 1))
    assert other.outcome is False
    assert "teaching assistant" in other.findings[0].detail
    with pytest.raises(InvalidInputError):
        tra_referral(None, on=D(2024, 9, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        dbs_referral(None, on=D(2024, 9, 1))  # type: ignore[arg-type]


# Property: the retention date is never before ten years from the allegation, nor before the
# normal pension age; a removed record has no retention date.
@given(case=lado_cases(), on=kcsie_dates(), consent=st.booleans())
def test_retention_is_the_later_of_the_two_limits(case, on, consent):
    if case.person.date_of_birth is None or case.person.normal_pension_age is None:
        with pytest.raises(InvalidInputError):
            retention(case, on=on)
        return
    if (
        case.outcome is not None
        and OUTCOMES.is_in_force(on)
        and case.outcome not in outcomes_in_force(on=on)
    ):
        with pytest.raises(InvalidInputError):
            retention(case, on=on, consents_to_retention=consent)
        return
    decision = retention(case, on=on, consents_to_retention=consent)
    if decision.outcome is None:
        assert case.outcome is not None
        assert record_treatment(case.outcome, on=on, consents_to_retention=consent).outcome is (
            RecordTreatment.REMOVE
        )
        return
    made_on = case.allegation.made_on
    assert decision.outcome >= add_months(made_on, 120) - dt.timedelta(days=1)
    assert decision.outcome.year >= case.person.date_of_birth.year + case.person.normal_pension_age
