"""Child death review: scope, expectedness, JAR, categories and modifiable factors.

Golden answers cite where they come from: the statute (Children Act 2004 s16M,
https://www.legislation.gov.uk/ukpga/2004/31/section/16M ), the national guidance and forms
(Child Death Review: Statutory and Operational Guidance (England), October 2018; Working
Together to Safeguard Children; the CDOP analysis form; NCMD guidance), the DfE and NHS Digital
child death review statistics, or the Lewisham Safeguarding Children Board Annual Report
2018/19. Where the guidance text itself was not read, the restatement used is named and marked
secondary or unverified.
"""

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.people import Child
from safeguarding.places import Place, Residence
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.reviews.child_death import (
    APPLY_CATEGORY_HIERARCHY,
    CATEGORY_HIERARCHY,
    REVIEW_DUTY,
    REVIEW_NON_RESIDENT_DEATHS,
    SUDEP_CATEGORY,
    Categorisation,
    Category,
    ChildDeath,
    ChildDeathReview,
    Domain,
    DomainAssessment,
    Expectedness,
    FactorLevel,
    JointAgencyResponse,
    ModifiableConclusion,
    ReviewScope,
    assess_modifiable_factors,
    categorise,
    compute_figures,
    expectedness,
    in_scope,
    joint_agency_response,
)
from safeguarding.rules import all_rules, render_value, rule_table
from safeguarding.strategies._child_death import (
    child_death_procedures,
    child_deaths,
    domain_assessments,
)
from safeguarding.strategies._core import calendar_dates

D = dt.date
AFTER_2019 = calendar_dates(min_value=D(2019, 4, 1))
PARTNERS_PROCEDURES = Citation(
    instrument="Anytown child death review partners, CDR procedures 2019",
    provision="section 2",
    url=None,
    status=Verification.SECONDARY,
)


def local(values: dict[str, object]) -> Procedures:
    """The partners' procedures setting *values* from 1 April 2019, citing their document."""
    return Procedures.adopt(
        "Anytown CDR procedures",
        values,
        in_force_from=D(2019, 4, 1),
        source=PARTNERS_PROCEDURES,
    )


BORN, DIED = D(2019, 3, 1), D(2019, 3, 9)


def death(born: dt.date = BORN, died: dt.date = DIED, **facts: Any) -> ChildDeath:
    facts.setdefault("residence", Residence.IN_AREA)
    return ChildDeath(
        child=Child(identifier="C123", date_of_birth=born), date_of_death=died, **facts
    )


def finding(decision: Decision[Any], criterion: str) -> Finding:
    (found,) = [f for f in decision.findings if f.criterion == criterion]
    return found


# ---------------------------------------------------------------- scope


def test_stillbirth_is_not_a_child_death():
    # Child Death Review Statutory and Operational Guidance 2018, terminology: stillbirths (no
    # signs of life, 24 weeks or more) are excluded (secondary: Cambridgeshire and Peterborough
    # CDOP protocol, https://www.safeguardingcambspeterborough.org.uk/children-board/professionals/procedures/cp-cdop-protocol/ ).
    # Lewisham Safeguarding Children Board, Annual Report 2018/19, "Child Death Overview Panel
    # (CDOP)" (p. 15): "Babies who are stillborn ... are excluded from the review".
    d = death(born=D(2021, 5, 3), died=D(2021, 5, 3), born_alive=False, gestation_weeks=38)
    decision = in_scope(d, on=D(2021, 5, 3))
    assert decision.outcome is ReviewScope.NOT_IN_SCOPE
    born = finding(decision, "born alive")
    assert born.met is False
    assert "a stillbirth" in born.detail


def test_late_foetal_loss_is_not_a_child_death():
    # CDR guidance 2018, terminology (secondary, as above): no signs of life before 24 weeks is
    # a late foetal loss, excluded.
    d = death(born=D(2021, 5, 3), died=D(2021, 5, 3), born_alive=False, gestation_weeks=22)
    decision = in_scope(d, on=D(2021, 5, 3))
    assert decision.outcome is ReviewScope.NOT_IN_SCOPE
    assert "late foetal loss" in finding(decision, "born alive").detail
    # Gestation not given: still excluded, the label says it could be either.
    d = death(born=D(2021, 5, 3), died=D(2021, 5, 3), born_alive=False)
    assert "gestation not given" in finding(in_scope(d, on=D(2021, 5, 3)), "born alive").detail


def test_live_birth_after_lawful_termination_is_excluded():
    # CDR guidance 2018, terminology (secondary, as above): lawful terminations of any
    # gestation are excluded, including a baby born alive after a planned lawful termination.
    d = death(born=D(2020, 2, 10), died=D(2020, 2, 10), gestation_weeks=21, lawful_termination=True)
    decision = in_scope(d, on=D(2020, 2, 10))
    assert decision.outcome is ReviewScope.NOT_IN_SCOPE
    assert finding(decision, "born alive").met is True
    assert finding(decision, "not a lawful termination").met is False


def test_live_birth_at_22_weeks_who_then_dies_is_reviewed():
    # A live birth at 22 weeks (no termination) that then dies is a child death (CDR guidance
    # 2018: any death after birth and before the 18th birthday); the CDR partners of the area
    # of residence must review it (CA 2004 s16M(1)).
    d = death(born=D(2020, 2, 10), died=D(2020, 2, 12), gestation_weeks=22)
    decision = in_scope(d, on=D(2020, 2, 12))
    assert decision.outcome is ReviewScope.REQUIRED
    assert decision.rule_version == "CDR partners 2018"
    assert finding(decision, "link to the area").source.status is Verification.PRIMARY


def test_harmed_at_17_died_at_18_is_not_reviewed():
    # Harmed at 17, dies after turning 18: no CDR, since the guidance covers deaths before the
    # 18th birthday (the age at death counts, recorded separately from the age at the incident).
    d = death(born=D(2002, 5, 10), died=D(2020, 5, 10), date_of_incident=D(2020, 3, 1))
    decision = in_scope(d, on=D(2020, 5, 10))
    assert decision.outcome is ReviewScope.NOT_IN_SCOPE
    age = finding(decision, "died before the 18th birthday")
    assert age.met is False
    assert "Aged 18 at death" in age.detail
    assert "Aged 17 at the incident" in age.detail
    # The day before the 18th birthday the same child would be reviewed.
    d = death(born=D(2002, 5, 10), died=D(2020, 5, 9), date_of_incident=D(2020, 3, 1))
    assert in_scope(d, on=D(2020, 5, 9)).outcome is ReviewScope.REQUIRED


@pytest.mark.parametrize(
    ("died", "outcome"),
    [
        # Born 29 February 2008: the 18th birthday in 2026 is 1 March (people.leap_day_birthday).
        (D(2026, 2, 28), ReviewScope.REQUIRED),
        (D(2026, 3, 1), ReviewScope.NOT_IN_SCOPE),
    ],
)
def test_leap_day_birth_reaches_18_on_1_march(died, outcome):
    assert in_scope(death(born=D(2008, 2, 29), died=died), on=died).outcome is outcome


@pytest.mark.parametrize(
    ("on", "resident", "died_here", "outcome"),
    [
        # CA 2004 s16M(1): normally resident -> must review, wherever the death happened
        # (so also a child resident here who dies abroad).
        (D(2020, 1, 1), True, False, ReviewScope.REQUIRED),
        # s16M(2): died in the area, not normally resident -> may review.
        (D(2020, 1, 1), False, True, ReviewScope.DISCRETIONARY),
        (D(2020, 1, 1), False, False, ReviewScope.NOT_IN_SCOPE),
        (D(2020, 1, 1), False, None, ReviewScope.UNDETERMINED),
        (D(2020, 1, 1), None, True, ReviewScope.UNDETERMINED),
        # LSCB era (Local Safeguarding Children Boards Regulations 2006, SI 2006/90, reg 6,
        # https://www.legislation.gov.uk/uksi/2006/90 ): children normally resident only.
        (D(2017, 6, 1), False, True, ReviewScope.NOT_IN_SCOPE),
        (D(2017, 6, 1), False, None, ReviewScope.NOT_IN_SCOPE),
        (D(2017, 6, 1), True, None, ReviewScope.REQUIRED),
    ],
)
def test_link_to_the_area(on, resident, died_here, outcome):
    # True/False/None stand for in the area, elsewhere (abroad for the place, to cover the
    # child resident here who dies abroad), and not yet known.
    residence = {True: Residence.IN_AREA, False: Residence.ELSEWHERE_IN_ENGLAND, None: None}
    place = {True: Place.IN_AREA, False: Place.OUTSIDE_UK, None: None}
    d = death(born=D(2010, 1, 1), died=on, residence=residence[resident], place=place[died_here])
    assert (d.normally_resident_in_area, d.died_in_area) == (resident, died_here)
    assert in_scope(d, on=on).outcome is outcome


def test_the_power_to_review_non_residents_starts_29_june_2018():
    d = death(born=D(2010, 1, 1), died=D(2018, 6, 29), residence=Residence.ELSEWHERE_IN_ENGLAND)
    d = attrs.evolve(d, place=Place.IN_AREA)
    assert in_scope(d, on=D(2018, 6, 28)).outcome is ReviewScope.NOT_IN_SCOPE
    assert in_scope(d, on=D(2018, 6, 29)).outcome is ReviewScope.DISCRETIONARY
    assert REVIEW_DUTY.at(D(2018, 6, 28)).edition == "LSCB 2008"


def test_local_choice_to_review_non_residents_is_reported_not_imposed():
    d = death(born=D(2010, 1, 1), died=D(2020, 1, 1), residence=Residence.ELSEWHERE_IN_ENGLAND)
    d = attrs.evolve(d, place=Place.IN_AREA)
    procedures = local({"child_death.review_non_resident_deaths": True})
    decision = in_scope(d, on=D(2020, 1, 1), procedures=procedures)
    assert decision.outcome is ReviewScope.DISCRETIONARY
    assert finding(decision, "local arrangements").met is True
    assert "do review" in finding(decision, "local arrangements").detail
    assert finding(decision, "local arrangements").source == PARTNERS_PROCEDURES
    national = in_scope(d, on=D(2020, 1, 1))
    assert national.outcome is ReviewScope.DISCRETIONARY
    assert finding(national, "local arrangements").met is False
    # The national default: the power is not used; s16M(2), read.
    source = finding(national, "local arrangements").source
    assert source == REVIEW_NON_RESIDENT_DEATHS.at(D(2020, 1, 1)).source
    assert (source.provision, source.status) == ("s16M(2)", Verification.PRIMARY)
    # Before the procedures applied, the national default did.
    earlier = in_scope(d, on=D(2019, 3, 31), procedures=procedures)
    assert finding(earlier, "local arrangements").met is False


def test_unknown_facts_leave_the_scope_undetermined():
    d = death(born_alive=None, lawful_termination=None)
    decision = in_scope(d, on=D(2019, 3, 9))
    assert decision.outcome is ReviewScope.UNDETERMINED
    assert {f.criterion for f in decision.undecided} == {"born alive", "not a lawful termination"}
    # A known exclusion wins over an unknown fact.
    d = death(born_alive=None, lawful_termination=True)
    assert in_scope(d, on=D(2019, 3, 9)).outcome is ReviewScope.NOT_IN_SCOPE


def test_no_duty_before_1_april_2008():
    # LSCB child death reviews (SI 2006/90 reg 6) from 1 April 2008 (secondary: DfE, Child
    # Death Reviews statistical release OSR 11/2011; Lewisham LSCB Annual Report 2018/19,
    # "Child Death Overview Panel (CDOP)", p. 15: "a statutory duty since April 2008").
    d = death(born=D(2007, 1, 1), died=D(2008, 3, 31))
    with pytest.raises(RuleNotInForceError) as info:
        in_scope(d, on=D(2008, 3, 31))
    assert info.value.key.startswith("child_death.")
    assert in_scope(attrs.evolve(d, date_of_death=D(2008, 4, 1)), on=D(2008, 4, 1)).outcome is (
        ReviewScope.REQUIRED
    )


def test_explain_names_the_sources_and_hides_the_child():
    d = death()
    text = in_scope(d, on=D(2019, 3, 9)).explain()
    assert "Children Act 2004, s16M(1), (2) [primary]" in text
    assert "C123" not in text
    assert "2019-03-01" not in text


@given(d=child_deaths(), on=calendar_dates(min_value=D(2008, 4, 1)))
def test_scope_invariants(d, on):
    decision = in_scope(d, on=on)
    if decision.outcome in (ReviewScope.REQUIRED, ReviewScope.DISCRETIONARY):
        assert d.born_alive is True
        assert d.lawful_termination is False
        assert d.age_at_death < 18
    if decision.outcome is ReviewScope.REQUIRED:
        assert d.residence is Residence.IN_AREA
        assert d.normally_resident_in_area is True
    if d.born_alive is False or d.lawful_termination is True or d.age_at_death >= 18:
        assert decision.outcome is ReviewScope.NOT_IN_SCOPE
    assert all(f.source is not None for f in decision.findings)


# ---------------------------------------------------------------- expected / unexpected


@pytest.mark.parametrize(
    ("anticipated", "collapse", "outcome"),
    [
        # Working Together 2010/2013/2015 (child death chapter) and WT2023 ch. 6: unexpected if
        # not anticipated as a significant possibility (for example 24 hours before), or if a
        # similarly unexpected collapse or incident led to the death (secondary: Staffordshire
        # SCB procedures, "Definitions"; Wakefield SCP one-minute guide citing WT2023 ch. 6,
        # https://www.wakefieldscp.org.uk/resources/child-death-joint-agency-response-meeting-omg/ ).
        (False, None, Expectedness.UNEXPECTED),
        (False, False, Expectedness.UNEXPECTED),
        (True, True, Expectedness.UNEXPECTED),
        (None, True, Expectedness.UNEXPECTED),
        (True, False, Expectedness.EXPECTED),
        (True, None, Expectedness.UNDETERMINED),
        (None, False, Expectedness.UNDETERMINED),
        (None, None, Expectedness.UNDETERMINED),
    ],
)
def test_expectedness(anticipated, collapse, outcome):
    d = death(anticipated=anticipated, unexpected_collapse=collapse)
    assert expectedness(d, on=D(2019, 3, 9)).outcome is outcome


def test_expectedness_edition_follows_the_date():
    d = death(born=D(2023, 1, 1), died=D(2024, 1, 2), anticipated=False)
    assert expectedness(d, on=D(2024, 1, 2)).rule_version == "WT2023"
    assert expectedness(d, on=D(2016, 1, 1)).rule_version == "WT2015"
    assert expectedness(d, on=D(2010, 1, 1)).rule_version == "WT2010"


# ---------------------------------------------------------------- joint agency response


def test_jar_triggers_since_2018():
    # The five circumstances that need a joint agency response, from the CDR Statutory and
    # Operational Guidance 2018 (secondary: restated by Nottinghamshire SCP, "Child death review
    # procedures", https://nottinghamshirescp.trixonline.co.uk/chapter/child-death-review-procedures ).
    on = D(2022, 6, 1)
    base = death(born=D(2022, 1, 4), died=on)
    assert joint_agency_response(base, on=on).outcome is JointAgencyResponse.UNDETERMINED
    all_false = attrs.evolve(
        base,
        external_causes=False,
        sudden_without_apparent_cause=False,
        in_custody_or_detained=False,
        suspicion_not_natural=False,
    )
    decision = joint_agency_response(all_false, on=on)
    assert decision.outcome is JointAgencyResponse.NOT_REQUIRED
    assert len(decision.findings) == 5
    assert decision.findings[0].source.status is Verification.SECONDARY
    for fact in (
        "external_causes",
        "sudden_without_apparent_cause",
        "in_custody_or_detained",
        "suspicion_not_natural",
    ):
        one = attrs.evolve(all_false, **{fact: True})  # type: ignore[arg-type]
        assert joint_agency_response(one, on=on).outcome is JointAgencyResponse.REQUIRED


def test_unattended_stillbirth_needs_a_jar_but_no_review():
    # The fifth circumstance (same source): a stillbirth with no healthcare professional present
    # calls for a JAR, though it is not a child death under the 2018 guidance's scope.
    on = D(2021, 7, 7)
    base = death(born=on, died=on, born_alive=False, gestation_weeks=39)
    unattended = attrs.evolve(base, healthcare_professional_present=False)
    assert joint_agency_response(unattended, on=on).outcome is JointAgencyResponse.REQUIRED
    assert in_scope(unattended, on=on).outcome is ReviewScope.NOT_IN_SCOPE
    attended = attrs.evolve(
        base,
        healthcare_professional_present=True,
        external_causes=False,
        sudden_without_apparent_cause=False,
        in_custody_or_detained=False,
        suspicion_not_natural=False,
    )
    assert joint_agency_response(attended, on=on).outcome is JointAgencyResponse.NOT_REQUIRED
    unknown_birth = attrs.evolve(attended, born_alive=None)
    trigger = finding(
        joint_agency_response(unknown_birth, on=on),
        "a stillbirth with no healthcare professional in attendance",
    )
    assert trigger.met is None


def test_rapid_response_before_2018_follows_unexpectedness():
    # LSCB Regulations 2006 reg 6(1)(b): a coordinated response to an unexpected death.
    on = D(2015, 6, 1)
    d = death(born=D(2015, 1, 1), died=on)
    assert joint_agency_response(attrs.evolve(d, anticipated=False), on=on).outcome is (
        JointAgencyResponse.REQUIRED
    )
    expected = attrs.evolve(d, anticipated=True, unexpected_collapse=False)
    assert joint_agency_response(expected, on=on).outcome is JointAgencyResponse.NOT_REQUIRED
    assert joint_agency_response(d, on=on).outcome is JointAgencyResponse.UNDETERMINED
    stillbirth = death(born=on, died=on, born_alive=False, anticipated=False)
    assert joint_agency_response(stillbirth, on=on).outcome is JointAgencyResponse.NOT_REQUIRED


# ---------------------------------------------------------------- categories


def test_the_ten_categories():
    # The ten categories of the CDOP analysis form, in hierarchy order (names as in DfE, Child
    # Death Reviews completed in England, year ending 31 March 2012,
    # https://gov.uk/government/statistics/child-death-reviews-completed-in-england-year-ending-31-march-2012 ,
    # and NCMD; the "includes" notes are unverified).
    assert [c.number for c in Category] == list(range(1, 11))
    assert Category(1).title == "Deliberately inflicted injury, abuse or neglect"
    assert Category.PERINATAL_NEONATAL.describe() == "8 Perinatal/neonatal event"
    assert "SUDEP" in Category.ACUTE_MEDICAL.includes
    assert "excludes SUDEP" in Category.SUDDEN_UNEXPLAINED.includes


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        # Hierarchy rule (unverified): the highest-listed candidate wins. That the scheme is
        # hierarchical is secondary (Arch Dis Child 2017;102(Suppl 1):A53,
        # https://adc.bmj.com/content/102/Suppl_1/A53.3 ; Pearson et al., "How children die:
        # classifying child deaths", Arch Dis Child 2011;96:922); the instruction itself was
        # not seen.
        ((Category.PERINATAL_NEONATAL, Category.INFECTION), Category.PERINATAL_NEONATAL),
        ((Category.INFECTION, Category.PERINATAL_NEONATAL), Category.PERINATAL_NEONATAL),
        (
            (Category.SUDDEN_UNEXPLAINED, Category.CHROMOSOMAL_GENETIC_CONGENITAL, Category.TRAUMA),
            Category.TRAUMA,
        ),
        # SUDI presenting as unexplained but with an overlay (accidental suffocation): 3 wins.
        ((Category.SUDDEN_UNEXPLAINED, Category.TRAUMA), Category.TRAUMA),
        ((Category.MALIGNANCY,), Category.MALIGNANCY),
    ],
)
def test_hierarchy(candidates, expected):
    decision = categorise(candidates, on=D(2020, 1, 6))
    assert decision.outcome.category is expected
    assert not decision.outcome.overridden
    hierarchy = finding(decision, "hierarchy")
    assert hierarchy.source.status is Verification.UNVERIFIED
    assert decision.rule_version == "NCMD 2019"


def test_override_is_recorded():
    decision = categorise(
        [Category.TRAUMA, Category.SUDDEN_UNEXPLAINED],
        on=D(2020, 1, 6),
        override=Category.SUDDEN_UNEXPLAINED,
        reason="Panel judged the bed-sharing incidental.",
    )
    outcome = decision.outcome
    assert outcome.category is Category.SUDDEN_UNEXPLAINED
    assert outcome.hierarchy_choice is Category.TRAUMA
    assert outcome.overridden
    assert str(outcome) == "10 Sudden unexpected, unexplained death (panel override)"
    override = finding(decision, "panel override")
    assert "instead of the highest-listed candidate, 3 Trauma" in override.detail
    assert "bed-sharing" not in decision.explain()
    assert "bed-sharing" not in repr(outcome)


@pytest.mark.parametrize(
    "candidates",
    [
        (Category.SUDDEN_UNEXPLAINED,),
        (Category.ACUTE_MEDICAL,),
        (Category.CHRONIC_MEDICAL, Category.SUDDEN_UNEXPLAINED),
        (Category.INFECTION, Category.SUDDEN_UNEXPLAINED),
    ],
)
def test_sudep_goes_to_acute_medical_never_to_10(candidates):
    # NCMD, "Category of death: clarifications", https://www.ncmd.info/professionals/ (primary):
    # SUDEP is category 5, never 10.
    decision = categorise(candidates, sudep=True, on=D(2021, 2, 1))
    assert decision.outcome.category is Category.ACUTE_MEDICAL
    assert Category.SUDDEN_UNEXPLAINED not in decision.outcome.candidates
    assert finding(decision, "SUDEP").source.status is Verification.PRIMARY
    assert SUDEP_CATEGORY.at(D(2021, 2, 1)).value is Category.ACUTE_MEDICAL


def test_sudep_with_a_higher_category_keeps_the_hierarchy():
    decision = categorise(
        [Category.TRAUMA, Category.SUDDEN_UNEXPLAINED], sudep=True, on=D(2021, 2, 1)
    )
    assert decision.outcome.category is Category.TRAUMA


def test_sudep_cannot_be_overridden_to_10():
    with pytest.raises(InvalidInputError) as info:
        categorise(
            [Category.SUDDEN_UNEXPLAINED],
            sudep=True,
            on=D(2021, 2, 1),
            override=Category.SUDDEN_UNEXPLAINED,
            reason="unexplained",
        )
    assert info.value.field == "override"


def test_sudep_rule_starts_with_the_ncmd_forms():
    with pytest.raises(RuleNotInForceError) as info:
        categorise([Category.SUDDEN_UNEXPLAINED], sudep=True, on=D(2019, 3, 31))
    assert info.value.key == "child_death.sudep_category"
    # Without the SUDEP flag the old Form C listing applies.
    assert categorise([Category.INFECTION], on=D(2019, 3, 31)).rule_version == "CDOP Form C"


def test_hierarchy_switched_off_needs_the_panels_choice():
    switched_off = local({"child_death.apply_category_hierarchy": False})
    two = [Category.PERINATAL_NEONATAL, Category.INFECTION]
    with pytest.raises(InvalidInputError) as info:
        categorise(two, on=D(2020, 1, 6), procedures=switched_off)
    assert info.value.field == "override"
    chosen = categorise(
        two,
        on=D(2020, 1, 6),
        procedures=switched_off,
        override=Category.INFECTION,
        reason="Late-onset sepsis.",
    )
    assert chosen.outcome.category is Category.INFECTION
    assert finding(chosen, "hierarchy").met is None
    assert finding(chosen, "hierarchy").source == PARTNERS_PROCEDURES
    single = categorise([Category.INFECTION], on=D(2020, 1, 6), procedures=switched_off)
    assert single.outcome.category is Category.INFECTION
    assert CATEGORY_HIERARCHY.at(D(2020, 1, 6)).source.status is Verification.UNVERIFIED
    # Before the procedures applied (1 April 2019) the hierarchy did.
    before = categorise(two, on=D(2019, 3, 29), procedures=switched_off)
    assert before.outcome.category is Category.PERINATAL_NEONATAL


def test_the_hierarchy_applies_by_national_default():
    two = [Category.PERINATAL_NEONATAL, Category.INFECTION]
    national = categorise(two, on=D(2020, 1, 6))
    assert national == categorise(two, on=D(2020, 1, 6), procedures=NATIONAL)
    assert national.outcome.category is Category.PERINATAL_NEONATAL
    assert finding(national, "hierarchy").source == CATEGORY_HIERARCHY.at(D(2020, 1, 6)).source
    assert APPLY_CATEGORY_HIERARCHY.at(D(2020, 1, 6)).value is True
    assert APPLY_CATEGORY_HIERARCHY.at(D(2020, 1, 6)).source.status is Verification.UNVERIFIED
    # Procedures that keep it on, in their own words, cite their document.
    kept = categorise(two, on=D(2020, 1, 6), procedures=local({APPLY_CATEGORY_HIERARCHY.key: True}))
    assert kept.outcome == national.outcome
    assert finding(kept, "hierarchy").source == PARTNERS_PROCEDURES


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        (([],), {}, "candidates"),
        (("8",), {}, "candidates"),
        ((5,), {}, "candidates"),
        ((["8"],), {}, "candidates[0]"),
        (([Category.INFECTION, 9],), {}, "candidates[1]"),
        (([Category.INFECTION],), {"sudep": 1}, "sudep"),
        (([Category.INFECTION],), {"override": 3, "reason": "x"}, "override"),
        (([Category.INFECTION],), {"override": Category.TRAUMA}, "reason"),
        (([Category.INFECTION],), {"override": Category.TRAUMA, "reason": "  "}, "reason"),
        (([Category.INFECTION],), {"reason": "no override"}, "reason"),
        (([Category.INFECTION],), {"reason": None}, "reason"),
        (([Category.INFECTION],), {"procedures": "local"}, "procedures"),
        (([Category.INFECTION],), {"on": dt.datetime(2020, 1, 1)}, "on"),
    ],
)
def test_categorise_bad_input(args, kwargs, field):
    kwargs.setdefault("on", D(2020, 1, 6))
    with pytest.raises(InvalidInputError) as info:
        categorise(*args, **kwargs)
    assert info.value.field == field


@given(
    candidates=st.sets(st.sampled_from(Category), min_size=1),
    override=st.one_of(st.none(), st.sampled_from(Category)),
    sudep=st.booleans(),
    on=AFTER_2019,
    procedures=child_death_procedures(),
)
def test_categorise_returns_a_candidate_or_the_recorded_override(
    candidates, override, sudep, on, procedures
):
    if sudep and override is Category.SUDDEN_UNEXPLAINED:
        override = None
    several = len(candidates - ({Category.SUDDEN_UNEXPLAINED} if sudep else set())) > 1
    applied = APPLY_CATEGORY_HIERARCHY.at(on, procedures=procedures).value
    if not applied and override is None and (several or sudep):
        override = Category.ACUTE_MEDICAL if sudep else min(candidates, key=lambda c: c.number)
    reason = "" if override is None else "panel reason"
    outcome = categorise(
        candidates, on=on, sudep=sudep, override=override, reason=reason, procedures=procedures
    ).outcome
    if override is None:
        assert outcome.category in outcome.candidates
        assert outcome.category is min(outcome.candidates, key=lambda c: c.number)
        assert outcome.category in candidates or (sudep and outcome.category is Category(5))
    else:
        assert outcome.category is override
        assert outcome.overridden
    if sudep:
        assert outcome.category is not Category.SUDDEN_UNEXPLAINED
    assert attrs.evolve(outcome) == outcome


# ---------------------------------------------------------------- modifiable factors


def test_modifiable_conclusion_is_never_derived_from_domain_scores():
    # A factor can contribute (score 2 or 3 on the Form C scale) without being modifiable, e.g.
    # extreme prematurity; the conclusion is the panel's separate judgement (the published
    # statistics count it apart from the scores: NHS Digital, Child death reviews, year ending
    # 31 March 2018, https://digital.nhs.uk/data-and-information/publications/statistical/child-death-reviews/2018/number-of-reviews ).
    scores = [
        DomainAssessment(domain=Domain.CHILD, level=FactorLevel.COMPLETE_EXPLANATION),
        DomainAssessment(domain=Domain.SERVICE_PROVISION, level=FactorLevel.NONE_IDENTIFIED),
        DomainAssessment(domain=Domain.SOCIAL_ENVIRONMENT, level=FactorLevel.NOT_AVAILABLE),
        DomainAssessment(
            domain=Domain.PHYSICAL_ENVIRONMENT, level=FactorLevel.UNLIKELY_TO_HAVE_CONTRIBUTED
        ),
    ]
    decision = assess_modifiable_factors(
        ModifiableConclusion.NOT_MODIFIABLE, domains=scores, on=D(2018, 11, 1)
    )
    assert decision.outcome is ModifiableConclusion.NOT_MODIFIABLE
    # Findings follow the form's order A to D whatever order the scores came in.
    assert [f.met for f in decision.findings] == [True, None, False, False, False]
    assert decision.findings[0].source.status is Verification.PRIMARY  # Form C scale
    assert decision.findings[-1].met is False


def test_insufficient_information_is_a_third_answer():
    decision = assess_modifiable_factors(
        ModifiableConclusion.INSUFFICIENT_INFORMATION, on=D(2018, 11, 1)
    )
    assert decision.outcome is ModifiableConclusion.INSUFFICIENT_INFORMATION
    assert decision.findings[-1].met is None
    modifiable = assess_modifiable_factors(ModifiableConclusion.MODIFIABLE, on=D(2018, 11, 1))
    assert modifiable.findings[-1].met is True


def test_before_april_2010_panels_recorded_preventable_deaths():
    # DfE, Child Death Reviews releases OSR 11/2011 and OSR 14/2012: "preventable" until
    # 1 April 2010, then "modifiable factors"
    # (https://gov.uk/government/statistics/child-death-reviews-completed-in-england-year-ending-31-march-2012 ).
    early = assess_modifiable_factors(ModifiableConclusion.MODIFIABLE, on=D(2009, 6, 1))
    assert "preventable" in early.findings[-1].detail
    later = assess_modifiable_factors(ModifiableConclusion.MODIFIABLE, on=D(2010, 4, 1))
    assert "modifiable factors" in later.findings[-1].detail


@given(
    conclusion=st.sampled_from(ModifiableConclusion),
    scores=st.lists(domain_assessments(), max_size=4, unique_by=lambda a: a.domain),
    on=calendar_dates(min_value=D(2008, 4, 1)),
)
def test_domain_scores_never_change_the_conclusion(conclusion, scores, on):
    decision = assess_modifiable_factors(conclusion, domains=scores, on=on)
    assert decision.outcome is conclusion
    assert len(decision.findings) == len(scores) + 1


@pytest.mark.parametrize(
    ("conclusion", "domains", "field"),
    [
        ("modifiable", (), "conclusion"),
        (ModifiableConclusion.MODIFIABLE, "A2", "domains"),
        (ModifiableConclusion.MODIFIABLE, [Domain.CHILD], "domains[0]"),
        (
            ModifiableConclusion.MODIFIABLE,
            [
                DomainAssessment(domain=Domain.CHILD, level=FactorLevel.NONE_IDENTIFIED),
                DomainAssessment(domain=Domain.CHILD, level=FactorLevel.MAY_HAVE_CONTRIBUTED),
            ],
            "domains[1]",
        ),
    ],
)
def test_assess_bad_input(conclusion, domains, field):
    with pytest.raises(InvalidInputError) as info:
        assess_modifiable_factors(conclusion, domains=domains, on=D(2020, 1, 1))
    assert info.value.field == field


def test_domains_and_scale():
    # The pre-2019 England Form C (CDOP analysis proforma): scale 0, 1, 1*, 2, 3, with 1* its
    # own code (primary: form text, read in a re-hosted copy whose version date is not shown,
    # https://docsbay.net/this-proforma-is-used-by-the-child-death-overview-panel-cdop-to ).
    assert [level.value for level in FactorLevel] == ["0", "1", "1*", "2", "3"]
    assert Domain.SOCIAL_ENVIRONMENT.describe() == (
        "B social environment, including family and parenting capacity"
    )
    assert FactorLevel.UNLIKELY_TO_HAVE_CONTRIBUTED.describe().startswith("1* ")


# ---------------------------------------------------------------- model validation


def test_child_death_repr_hides_personal_data():
    d = death(born=D(2010, 5, 17), died=D(2019, 3, 9), date_of_incident=D(2019, 3, 1))
    text = repr(d)
    assert "C123" not in text
    assert "2010" not in text
    assert "2019" not in text
    assert "date_of_death=<hidden>" in text
    assert "date_of_incident=<hidden>" in text
    assert "date_of_incident=None" in repr(death())


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"child": Child(identifier="U", expected_date_of_birth=D(2019, 5, 1))}, "child"),
        ({"child": "C123"}, "child"),
        ({"date_of_death": D(2019, 2, 28)}, "date_of_death"),
        ({"date_of_death": "2019-03-09"}, "date_of_death"),
        ({"born_alive": False}, "date_of_death"),
        ({"born_alive": "yes"}, "born_alive"),
        ({"date_of_incident": D(2019, 3, 10)}, "date_of_incident"),
        ({"date_of_incident": D(2019, 2, 1)}, "date_of_incident"),
        ({"gestation_weeks": 0}, "gestation_weeks"),
        ({"gestation_weeks": 51}, "gestation_weeks"),
        ({"gestation_weeks": 24.0}, "gestation_weeks"),
        ({"residence": True}, "residence"),
        ({"place": "in the area"}, "place"),
    ],
)
def test_child_death_bad_input(changes, field):
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(death(), **changes)
    assert info.value.field == field
    assert "2019" not in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"candidates": (), "category": Category.TRAUMA}, "candidates"),
        (
            {"candidates": (Category.TRAUMA, Category.TRAUMA), "category": Category.TRAUMA},
            "candidates",
        ),
        ({"candidates": [Category.TRAUMA], "category": Category.TRAUMA}, "candidates"),
        ({"candidates": (Category.TRAUMA,), "category": 3}, "category"),
        (
            {"candidates": (Category.TRAUMA, Category.INFECTION), "category": Category.INFECTION},
            "category",
        ),
        (
            {
                "candidates": (Category.ACUTE_MEDICAL, Category.SUDDEN_UNEXPLAINED),
                "category": Category.ACUTE_MEDICAL,
                "sudep": True,
            },
            "candidates",
        ),
        (
            {"candidates": (Category.TRAUMA,), "category": Category.TRAUMA, "sudep": True},
            "candidates",
        ),
        (
            {
                "candidates": (Category.ACUTE_MEDICAL,),
                "category": Category.SUDDEN_UNEXPLAINED,
                "sudep": True,
                "override_reason": "x",
            },
            "category",
        ),
        (
            {
                "candidates": (Category.TRAUMA,),
                "category": Category.INFECTION,
                "override_reason": "   ",
            },
            "override_reason",
        ),
        (
            {"candidates": (Category.TRAUMA,), "category": Category.TRAUMA, "override_reason": 1},
            "override_reason",
        ),
    ],
)
def test_categorisation_bad_input(kwargs, field):
    with pytest.raises(InvalidInputError) as info:
        Categorisation(**kwargs)
    assert info.value.field == field


def test_categorisation_repr_hides_the_reason():
    plain = Categorisation(candidates=(Category.TRAUMA,), category=Category.TRAUMA)
    assert "override_reason=''" in repr(plain)
    assert str(plain) == "3 Trauma and other external factors"


REVIEWED: dict[str, Any] = {
    "reviewed": D(2019, 1, 10),
    "categorisation": Categorisation(candidates=(Category.INFECTION,), category=Category.INFECTION),
    "modifiable": ModifiableConclusion.NOT_MODIFIABLE,
}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({**REVIEWED, "reviewed": D(2018, 12, 31)}, "reviewed"),
        ({"case_review_referral": D(2018, 12, 31)}, "case_review_referral"),
        ({"categorisation": REVIEWED["categorisation"]}, "categorisation"),
        ({"reviewed": D(2019, 1, 10)}, "categorisation"),
        ({**REVIEWED, "modifiable": None}, "modifiable"),
        ({**REVIEWED, "modifiable": "insufficient information"}, "modifiable"),
        ({**REVIEWED, "categorisation": Category.INFECTION}, "categorisation"),
        (
            {
                "domains": (
                    DomainAssessment(domain=Domain.CHILD, level=FactorLevel.NONE_IDENTIFIED),
                    DomainAssessment(domain=Domain.CHILD, level=FactorLevel.NOT_AVAILABLE),
                )
            },
            "domains",
        ),
        ({"domains": (Domain.CHILD,)}, "domains[0]"),
        ({"unexpected": "yes"}, "unexpected"),
    ],
)
def test_review_record_bad_input(kwargs, field):
    with pytest.raises(InvalidInputError) as info:
        ChildDeathReview(notified=D(2019, 1, 1), **kwargs)
    assert info.value.field == field


def test_review_record_valid_shapes():
    open_review = ChildDeathReview(notified=D(2019, 1, 1), unexpected=True)
    assert open_review.reviewed is None
    done = ChildDeathReview(notified=D(2019, 1, 1), **REVIEWED)
    assert done.modifiable is ModifiableConclusion.NOT_MODIFIABLE


def test_local_choices_must_have_the_rules_type():
    with pytest.raises(InvalidInputError) as info:
        local({"child_death.review_non_resident_deaths": "no"})
    assert info.value.field == "overrides['child_death.review_non_resident_deaths']"


@pytest.mark.parametrize("function", [in_scope, expectedness, joint_agency_response])
def test_decision_functions_bad_input(function):
    with pytest.raises(InvalidInputError) as info:
        function("a death", on=D(2020, 1, 1))
    assert info.value.field == "death"
    with pytest.raises(InvalidInputError) as info:
        function(death(), on="2020-01-01")
    assert info.value.field == "on"


@pytest.mark.parametrize(
    "call",
    [
        lambda p: in_scope(death(), on=D(2019, 3, 9), procedures=p),
        lambda p: expectedness(death(), on=D(2019, 3, 9), procedures=p),
        lambda p: joint_agency_response(death(), on=D(2019, 3, 9), procedures=p),
        lambda p: assess_modifiable_factors(
            ModifiableConclusion.MODIFIABLE, on=D(2019, 3, 9), procedures=p
        ),
        lambda p: compute_figures(
            [], period_start=D(2019, 4, 1), period_end=D(2020, 3, 31), procedures=p
        ),
    ],
)
def test_bad_procedures_are_refused(call):
    with pytest.raises(InvalidInputError) as info:
        call(None)
    assert info.value.field == "procedures"


# ---------------------------------------------------------------- rules registry


EXPECTED_STATUSES = {
    "child_death.review_duty": ("secondary", "primary"),
    "child_death.review_non_resident_deaths": ("primary",),
    "child_death.age_limit": ("secondary", "secondary"),
    "child_death.stillbirth_gestation": ("secondary",),
    "child_death.excluded_deaths": ("secondary", "secondary"),
    "child_death.unexpected_death": ("secondary", "secondary", "unverified", "secondary"),
    "child_death.joint_agency_response": ("secondary", "secondary"),
    "child_death.categories": ("secondary", "secondary"),
    "child_death.category_inclusions": ("unverified",),
    "child_death.category_hierarchy": ("unverified",),
    "child_death.apply_category_hierarchy": ("unverified",),
    "child_death.sudep_category": ("primary",),
    "child_death.domains": ("secondary", "unverified"),
    "child_death.domain_scale": ("primary", "unverified"),
    "child_death.modifiable_factors": ("secondary", "secondary"),
    "child_death.modifiable_percentage": ("primary",),
}


def test_every_rule_is_registered_with_its_status():
    ours = {rule.key: rule for rule in all_rules() if rule.key.startswith("child_death.")}
    assert set(ours) == set(EXPECTED_STATUSES)
    for key, statuses in EXPECTED_STATUSES.items():
        assert tuple(v.source.status.value for v in ours[key].versions) == statuses, key
        for version in ours[key].versions:
            assert version.source.note, key
    rows = [row for row in rule_table() if row.key.startswith("child_death.")]
    assert len(rows) == sum(len(s) for s in EXPECTED_STATUSES.values())
    assert all(row.value for row in rows)


# The days each rule's versions start on, as they always have (the regime's dates: the LSCB duty
# 1 April 2008, modifiable factors 1 April 2010, the partners' duty 29 June 2018, the NCMD forms
# 1 April 2019; and Working Together 2015 and 2023, 26 March 2015 and 15 December 2023).
EXPECTED_DAYS = {
    "child_death.review_duty": (D(2008, 4, 1), D(2018, 6, 29)),
    "child_death.review_non_resident_deaths": (D(2018, 6, 29),),
    "child_death.age_limit": (D(2008, 4, 1), D(2018, 6, 29)),
    "child_death.stillbirth_gestation": (D(2008, 4, 1),),
    "child_death.excluded_deaths": (D(2008, 4, 1), D(2018, 6, 29)),
    "child_death.unexpected_death": (
        D(2008, 4, 1),
        D(2015, 3, 26),
        D(2018, 6, 29),
        D(2023, 12, 15),
    ),
    "child_death.joint_agency_response": (D(2008, 4, 1), D(2018, 6, 29)),
    "child_death.categories": (D(2008, 4, 1), D(2019, 4, 1)),
    "child_death.category_inclusions": (D(2008, 4, 1),),
    "child_death.category_hierarchy": (D(2008, 4, 1),),
    "child_death.apply_category_hierarchy": (D(2008, 4, 1),),
    "child_death.sudep_category": (D(2019, 4, 1),),
    "child_death.domains": (D(2008, 4, 1), D(2019, 4, 1)),
    "child_death.domain_scale": (D(2008, 4, 1), D(2019, 4, 1)),
    "child_death.modifiable_factors": (D(2008, 4, 1), D(2010, 4, 1)),
    "child_death.modifiable_percentage": (D(2010, 4, 1),),
}


def _our_rules() -> dict[str, Any]:
    return {rule.key: rule for rule in all_rules() if rule.key.startswith("child_death.")}


def test_every_rule_starts_its_versions_on_the_days_it_always_has():
    ours = _our_rules()
    assert set(ours) == set(EXPECTED_DAYS)
    for key, days in EXPECTED_DAYS.items():
        assert ours[key].commencement_dates() == days, key
        assert ours[key].repealed_on is None, key


CDR_GUIDANCE = "Child Death Review: Statutory and Operational Guidance (England) 2018"


def test_versions_from_29_june_2018_say_why_they_start_before_the_guidance():
    # Children Act 2004 s16M was in force on 29 June 2018 (SI 2018/497 reg 3(m), read on
    # legislation.gov.uk); the CDR guidance was published on 15 October 2018.
    checked = guidance = 0
    for rule in _our_rules().values():
        for version in rule.versions:
            if version.in_force_from != D(2018, 6, 29):
                continue
            note = version.source.note
            assert "Applies from 29 June 2018, the commencement of Children Act 2004" in note
            assert f"publication of {CDR_GUIDANCE} on 15 October 2018" in note, rule.key
            if version.source.instrument == CDR_GUIDANCE:
                assert "Children Act 2004 s16M) commenced on 29 June 2018" in note, rule.key
                guidance += 1
            checked += 1
    assert (checked, guidance) == (6, 3)


def test_no_version_cites_the_2018_guidance_before_the_partners_duty():
    for rule in _our_rules().values():
        for version in rule.versions:
            if version.source.instrument == CDR_GUIDANCE:
                assert version.in_force_from == D(2018, 6, 29), rule.key


def test_the_wt2010_definition_says_it_starts_with_the_lscb_duty():
    from safeguarding.reviews.child_death import UNEXPECTED_DEATH

    first = UNEXPECTED_DEATH.versions[0]
    assert (first.in_force_from, first.edition) == (D(2008, 4, 1), "WT2010")
    assert first.source.instrument == "Working Together to Safeguard Children 2010"
    assert (
        "start of the LSCB child death review duty (LSCB Regulations 2006, SI 2006/90, reg 6)"
        in (first.source.note)
    )
    assert (
        "not the publication of Working Together to Safeguard Children 2010 on 17 March 2010"
        in (first.source.note)
    )


def test_working_together_2010_is_the_instrument_of_sources():
    import safeguarding.reviews
    import safeguarding.sources

    assert safeguarding.reviews.WORKING_TOGETHER_2010 is safeguarding.sources.WORKING_TOGETHER_2010
    assert safeguarding.reviews.WORKING_TOGETHER_2010.title == (
        "Working Together to Safeguard Children 2010"
    )


def test_rule_values_render_in_the_table():
    assert render_value(REVIEW_DUTY.at(D(2017, 1, 1)).value) == (
        "must review each death of a child normally resident in the area; "
        "no power to review other deaths"
    )
    assert "may review a death of a child died in the area" in render_value(
        REVIEW_DUTY.at(D(2020, 1, 1)).value
    )
    assert render_value(SUDEP_CATEGORY.at(D(2020, 1, 1)).value) == (
        "5 Acute medical or surgical condition"
    )


def test_share_interval_is_wilson_and_absent_without_denominator():
    from safeguarding.indicators.statistics import Method
    from safeguarding.reviews.child_death import Share

    # Lewisham LSCB Annual Report 2018/19, "Child Death Overview Panel (CDOP)" (section from
    # p. 15): 17 of 25 deaths reviewed had modifiable factors; Wilson interval as in row W2 of
    # tests/data/indicator_reference_values.md .
    interval = Share(numerator=17, denominator=25).interval()
    assert interval is not None
    assert interval.method is Method.WILSON
    assert interval.lower == pytest.approx(0.484103, rel=1e-5)
    assert interval.upper == pytest.approx(0.827948, rel=1e-5)
    assert Share(numerator=0, denominator=0).interval() is None
