"""Local procedures in the LADO rules: a local version applies and cites its local document."""

import datetime as dt

import pytest
from hypothesis import given

from safeguarding.citations import Citation, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.lado.editions import edition_label, kcsie_edition
from safeguarding.lado.measures import ServiceMeasures, meets_resolution_targets
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
from safeguarding.lado.outcomes import (
    OUTCOMES,
    Outcome,
    check_outcome_in_force,
    outcome_definition,
    outcomes_in_force,
)
from safeguarding.lado.records import (
    RECORD_REMOVAL,
    RecordTreatment,
    dbs_referral,
    may_mention_in_reference,
    record_treatment,
    retention,
    tra_referral,
)
from safeguarding.lado.threshold import (
    Limb,
    ThresholdOutcome,
    assess_threshold,
    is_lado_referral,
    limbs_in_force,
)
from safeguarding.lado.timescales import ResolutionBand
from safeguarding.procedures import LOCAL_NOTE, NATIONAL, Procedures
from safeguarding.strategies._lado import allegations, kcsie_dates, lado_procedures

D = dt.date
EVE_OF_KCSIE_2020 = D(2020, 8, 31)
LOCAL_SOURCE = Citation(
    instrument="Example Safeguarding Children Partnership, allegations procedure",
    provision="section 4",
    url=None,
    status=Verification.SECONDARY,
    note="An illustrative local procedure.",
)

AT_HOME = Behaviour(
    category=ConcernCategory.CONDUCT,
    setting=Setting.OUTSIDE_WORK,
    harmed_child=False,
    criminal_offence=False,
    risk_to_children=False,
    unsuitable=True,
)
HOME_ONLY = Allegation(made_on=EVE_OF_KCSIE_2020, behaviours=(AT_HOME,))


MADE_ON = D(2022, 1, 10)


def teacher_case(outcome: Outcome | None, *, made_on: dt.date = MADE_ON) -> Case:
    teacher = Person(
        role=Role.TEACHER,
        sector=Sector.EDUCATION,
        engagement=Engagement.PAID,
        date_of_birth=D(1962, 6, 1),
        normal_pension_age=66,
    )
    push = Behaviour(category=ConcernCategory.PHYSICAL, setting=Setting.IN_WORK, harmed_child=True)
    return Case(
        person=teacher,
        allegation=Allegation(made_on=made_on, behaviours=(push,)),
        timeline=Timeline(employer_aware=made_on, concluded=made_on + dt.timedelta(days=60)),
        outcome=outcome,
        person_left=True,
    )


def test_a_local_harm_threshold_applies_and_cites_the_local_document():
    # A partnership whose procedures named transferable risk before KCSIE 2020 did
    # (illustrative): the fourth limb applies on the eve of KCSIE 2020, citing them.
    four_limbs = tuple(Limb)
    local = Procedures.adopt(
        "Example SCP allegations procedure 2019",
        {"lado.harm_threshold": four_limbs},
        in_force_from=D(2019, 4, 1),
    )
    decision = assess_threshold(HOME_ONLY, on=EVE_OF_KCSIE_2020, procedures=local)
    assert decision.outcome is ThresholdOutcome.LADO_REFERRAL
    for finding in decision.findings[:4]:
        assert finding.source.instrument == "Example SCP allegations procedure 2019"
        assert finding.source.status is Verification.UNVERIFIED
        assert finding.source.note == LOCAL_NOTE
    assert limbs_in_force(on=EVE_OF_KCSIE_2020, procedures=local) == four_limbs
    assert is_lado_referral(HOME_ONLY, on=EVE_OF_KCSIE_2020, procedures=local) is True
    # National guidance is unchanged: three limbs, citing KCSIE.
    national = assess_threshold(HOME_ONLY, on=EVE_OF_KCSIE_2020)
    assert national.outcome is ThresholdOutcome.NEITHER
    assert national.findings[0].source.instrument.startswith("Keeping Children Safe")
    assert is_lado_referral(HOME_ONLY, on=EVE_OF_KCSIE_2020) is False
    assert assess_threshold(HOME_ONLY, on=EVE_OF_KCSIE_2020, procedures=NATIONAL) == national
    # Before the local procedure applied, national guidance did.
    assert assess_threshold(HOME_ONLY, on=D(2019, 3, 31), procedures=local) == assess_threshold(
        HOME_ONLY, on=D(2019, 3, 31)
    )


def test_local_low_level_concern_criteria_cite_the_local_document():
    local = Procedures.adopt(
        "Example SCP",
        {"lado.low_level_concern": ("breaches the code of conduct", "below the harm threshold")},
        in_force_from=D(2022, 1, 1),
        source=LOCAL_SOURCE,
    )
    favourites = Behaviour(
        category=ConcernCategory.CONDUCT,
        setting=Setting.IN_WORK,
        harmed_child=False,
        criminal_offence=False,
        risk_to_children=False,
        unsuitable=False,
        breaches_code_of_conduct=True,
    )
    allegation = Allegation(made_on=D(2022, 3, 1), behaviours=(favourites,))
    decision = assess_threshold(allegation, on=D(2022, 3, 1), procedures=local)
    assert decision.outcome is ThresholdOutcome.LOW_LEVEL_CONCERN
    assert [f.criterion for f in decision.findings[-2:]] == [
        "breaches the code of conduct",
        "below the harm threshold",
    ]
    assert {f.source for f in decision.findings[-2:]} == {LOCAL_SOURCE}
    national = assess_threshold(allegation, on=D(2022, 3, 1))
    assert national.outcome is ThresholdOutcome.LOW_LEVEL_CONCERN
    assert LOCAL_SOURCE not in {f.source for f in national.findings}


def test_local_outcome_categories():
    # Procedures that adopted 'unfounded' before the library's KCSIE 2021 date (illustrative).
    five = OUTCOMES.at(D(2021, 9, 1)).value
    local = Procedures.adopt("Example SCP", {"lado.outcomes": five}, in_force_from=D(2020, 1, 1))
    assert Outcome.UNFOUNDED in outcomes_in_force(on=D(2020, 6, 1), procedures=local)
    assert Outcome.UNFOUNDED not in outcomes_in_force(on=D(2020, 6, 1))
    assert outcome_definition(Outcome.UNFOUNDED, on=D(2020, 6, 1), procedures=local).meaning
    check_outcome_in_force("outcome", Outcome.UNFOUNDED, on=D(2020, 6, 1), procedures=local)
    with pytest.raises(InvalidInputError) as info:
        check_outcome_in_force("outcome", Outcome.UNFOUNDED, on=D(2020, 6, 1))
    assert info.value.field == "outcome"


def test_local_record_rules_cite_the_local_document():
    local = Procedures.adopt(
        "Example SCP",
        {
            "lado.record_removal": RECORD_REMOVAL.at(D(2021, 9, 1)).value,
            "lado.record_retention": 15,
            "lado.references": frozenset({Outcome.FALSE, Outcome.MALICIOUS}),
            "lado.dbs_referral": "refer every substantiated allegation",
            "lado.tra_referral": "Teaching Regulation Agency (TRA)",
        },
        in_force_from=D(2020, 1, 1),
        source=LOCAL_SOURCE,
    )
    on = D(2020, 6, 1)
    removed = record_treatment(Outcome.FALSE, on=on, procedures=local)
    assert removed.outcome is RecordTreatment.REMOVE
    assert removed.findings[0].source == LOCAL_SOURCE
    national = record_treatment(Outcome.FALSE, on=on)
    assert national.outcome is RecordTreatment.KEEP
    assert national.findings[0].source == RECORD_REMOVAL.at(on).source

    case = teacher_case(Outcome.UNSUBSTANTIATED, made_on=D(2020, 1, 6))
    kept = retention(case, on=on, procedures=local)
    assert kept.outcome == D(2035, 1, 6)  # 15 local years beat pension age (2028)
    assert {f.source for f in kept.findings} == {LOCAL_SOURCE}
    assert retention(case, on=on).outcome == D(2030, 1, 6)  # national: 10 years

    reference = may_mention_in_reference(Outcome.UNSUBSTANTIATED, on=on, procedures=local)
    assert reference.outcome is True
    assert reference.findings[0].source == LOCAL_SOURCE
    assert may_mention_in_reference(Outcome.UNSUBSTANTIATED, on=on).outcome is False

    substantiated = teacher_case(Outcome.SUBSTANTIATED, made_on=D(2020, 1, 6))
    for decide in (dbs_referral, tra_referral):
        local_decision = decide(substantiated, on=on, procedures=local)
        assert {f.source for f in local_decision.findings} == {LOCAL_SOURCE}
        assert local_decision.outcome == decide(substantiated, on=on).outcome is True
        assert LOCAL_SOURCE not in {f.source for f in decide(substantiated, on=on).findings}


def test_local_resolution_targets_cite_the_local_document():
    local = Procedures.adopt(
        "Example LADO service plan",
        {"lado.resolution_targets": (ResolutionBand(percent=95, months=1),)},
        in_force_from=D(2018, 4, 1),
    )
    lewisham = ServiceMeasures(
        contacts=342,
        investigations=137,
        concluded=129,
        substantiated=18,
        resolved=334,
        within_7_days=227,
        within_31_days=301,
        within_1_month=301,
        within_3_months=330,
        within_12_months=334,
    )
    decision = meets_resolution_targets(lewisham, on=D(2019, 3, 31), procedures=local)
    assert decision.outcome is False  # 90.1% within a month, under the local 95%
    (finding,) = decision.findings
    assert finding.source.instrument == "Example LADO service plan"
    assert meets_resolution_targets(lewisham, on=D(2019, 3, 31)).outcome is True


def test_a_local_edition_table_changes_the_label():
    local = Procedures.adopt(
        "Example SCP", {"lado.kcsie_edition": 2024}, in_force_from=D(2024, 6, 1)
    )
    assert kcsie_edition(on=D(2024, 7, 1), procedures=local) == 2024
    assert edition_label(on=D(2024, 7, 1)) == "KCSIE 2023"


@pytest.mark.parametrize(
    "call",
    [
        lambda p: kcsie_edition(on=D(2022, 1, 1), procedures=p),
        lambda p: edition_label(on=D(2022, 1, 1), procedures=p),
        lambda p: limbs_in_force(on=D(2022, 1, 1), procedures=p),
        lambda p: assess_threshold(HOME_ONLY, on=D(2022, 1, 1), procedures=p),
        lambda p: is_lado_referral(HOME_ONLY, on=D(2022, 1, 1), procedures=p),
        lambda p: outcomes_in_force(on=D(2022, 1, 1), procedures=p),
        lambda p: outcome_definition(Outcome.FALSE, on=D(2022, 1, 1), procedures=p),
        lambda p: check_outcome_in_force("outcome", Outcome.FALSE, on=D(2022, 1, 1), procedures=p),
        lambda p: record_treatment(Outcome.FALSE, on=D(2022, 1, 1), procedures=p),
        lambda p: retention(teacher_case(None), on=D(2022, 1, 1), procedures=p),
        lambda p: may_mention_in_reference(Outcome.FALSE, on=D(2022, 1, 1), procedures=p),
        lambda p: dbs_referral(teacher_case(None), on=D(2022, 1, 1), procedures=p),
        lambda p: tra_referral(teacher_case(None), on=D(2022, 1, 1), procedures=p),
        lambda p: meets_resolution_targets(
            ServiceMeasures(
                contacts=0,
                investigations=0,
                concluded=0,
                substantiated=0,
                resolved=0,
                within_7_days=0,
                within_31_days=0,
                within_1_month=0,
                within_3_months=0,
                within_12_months=0,
            ),
            on=D(2022, 1, 1),
            procedures=p,
        ),
    ],
)
def test_what_is_not_procedures_is_refused_naming_procedures(call):
    with pytest.raises(InvalidInputError) as info:
        call("Sefton")
    assert info.value.field == "procedures"


# Property: procedures that set only local timescales (and closure days) change no decision.
@given(allegation=allegations(), on=kcsie_dates(), procedures=lado_procedures())
def test_timescale_procedures_change_no_threshold_decision(allegation, on, procedures):
    assert assess_threshold(allegation, on=on, procedures=procedures) == assess_threshold(
        allegation, on=on
    )
