"""The harm threshold and low-level concerns (safeguarding.lado.threshold)."""

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.lado.models import Allegation, Behaviour, ConcernCategory, Setting
from safeguarding.lado.threshold import (
    HARM_THRESHOLD,
    LOW_LEVEL_CONCERN,
    Limb,
    ThresholdOutcome,
    assess_threshold,
    is_lado_referral,
    limbs_in_force,
)
from safeguarding.strategies._lado import allegations, alleged_behaviours, kcsie_dates

D = dt.date
EVE_OF_KCSIE_2020 = D(2020, 8, 31)


def domestic_abuse_at_home() -> Behaviour:
    """A teacher's domestic abuse of a partner at home: no child involved."""
    return Behaviour(
        category=ConcernCategory.CONDUCT,
        setting=Setting.OUTSIDE_WORK,
        harmed_child=False,
        criminal_offence=False,  # an offence, but not against or related to a child
        risk_to_children=False,
        unsuitable=True,
    )


def allegation(*behaviour: Behaviour, made_on: dt.date = EVE_OF_KCSIE_2020) -> Allegation:
    return Allegation(made_on=made_on, behaviours=behaviour)


def below_threshold(**facts) -> Behaviour:
    return Behaviour(
        category=ConcernCategory.CONDUCT,
        setting=Setting.IN_WORK,
        harmed_child=False,
        criminal_offence=False,
        risk_to_children=False,
        unsuitable=False,
        **facts,
    )


# Golden: the fourth limb ("may not be suitable to work with children", transferable risk) is
# Keeping Children Safe in Education 2020, Part four, para 211, in force 1 September 2020
# (secondary: quoted by Foot Anstey, "Keeping children safe in education: revised statutory
# guidance", https://www.footanstey.com/our-insights/articles-news/keeping-children-safe-in-education-revised-statutory-guidance/ ,
# and Browne Jacobson's KCSIE 2020 briefing). Before that, out-of-work conduct had to fit
# limbs 1-3 (behaviour towards a child).
def test_out_of_work_domestic_abuse_31_august_2020_is_not_a_lado_matter():
    decision = assess_threshold(allegation(domestic_abuse_at_home()), on=D(2020, 8, 31))
    assert decision.outcome is ThresholdOutcome.NEITHER
    assert decision.rule_version == "KCSIE 2019"
    limb_findings = [f for f in decision.findings if f.criterion in {lb.value for lb in Limb}]
    assert [f.criterion for f in limb_findings] == [
        Limb.HARMED_CHILD.value,
        Limb.CRIMINAL_OFFENCE.value,
        Limb.RISK_OF_HARM.value,
    ]
    assert all(f.met is False for f in limb_findings)
    extra = decision.findings[-1]
    assert extra.criterion == "transferable risk (not a limb before KCSIE 2020)"
    assert extra.met is False
    assert "1 September 2020" in extra.detail
    assert extra.source.provision == "Part four, para 211"


def test_out_of_work_domestic_abuse_1_september_2020_is_a_lado_referral():
    decision = assess_threshold(allegation(domestic_abuse_at_home()), on=D(2020, 9, 1))
    assert decision.outcome is ThresholdOutcome.LADO_REFERRAL
    assert decision.rule_version == "KCSIE 2020"
    fourth = decision.findings[3]
    assert fourth.criterion == Limb.NOT_SUITABLE.value
    assert fourth.met is True
    assert "including conduct outside work" in fourth.detail
    assert fourth.source.status is Verification.SECONDARY
    assert len(decision.findings) == 4  # no low-level concern category until KCSIE 2021
    assert is_lado_referral(allegation(domestic_abuse_at_home()), on=D(2020, 9, 1)) is True
    assert is_lado_referral(allegation(domestic_abuse_at_home()), on=D(2020, 8, 31)) is False


# KCSIE 2021 para 338 keeps four limbs; para 409 defines low-level concerns (primary, verbatim
# copy: https://user-s7hizqk.cld.bz/1-General-Information/123 and /137 ). KCSIE 2021 is the
# first edition with them: IICSA, "The residential schools investigation report", Part E.2,
# https://www.iicsa.org.uk/reports-recommendations/publications/investigation/residential-schools/part-e-responding-allegations-and-concerns-england/e2-background.html .
def test_low_level_concern_exists_from_1_september_2021():
    favourites = below_threshold(breaches_code_of_conduct=True)
    before = assess_threshold(allegation(favourites), on=D(2021, 8, 31))
    after = assess_threshold(allegation(favourites), on=D(2021, 9, 1))
    assert before.outcome is ThresholdOutcome.NEITHER
    assert before.findings[-1].criterion == "low-level concern (not a category before KCSIE 2021)"
    assert after.outcome is ThresholdOutcome.LOW_LEVEL_CONCERN
    assert after.rule_version == "KCSIE 2021"
    code, below = after.findings[-2:]
    assert code.met is True
    assert below.met is True
    assert code.source.provision == "Part four, Section two, paras 407-410"


@pytest.mark.parametrize(
    ("conduct", "expected"),
    [
        (False, ThresholdOutcome.NEITHER),
        (None, ThresholdOutcome.UNDETERMINED),
        (True, ThresholdOutcome.LOW_LEVEL_CONCERN),
    ],
)
def test_below_threshold_after_2021(conduct, expected):
    decision = assess_threshold(
        allegation(below_threshold(breaches_code_of_conduct=conduct)), on=D(2024, 9, 1)
    )
    assert decision.outcome is expected
    assert decision.rule_version == "KCSIE 2024"


def test_undecided_limb_makes_the_decision_undetermined():
    unclear = Behaviour(category=ConcernCategory.EMOTIONAL, setting=Setting.IN_WORK)
    decision = assess_threshold(allegation(unclear), on=D(2022, 1, 1))
    assert decision.outcome is ThresholdOutcome.UNDETERMINED
    assert decision.findings[0].met is None
    assert "not yet known for 1 of 1" in decision.findings[0].detail
    assert decision.findings[-1].met is None  # below the threshold? not known
    assert len(decision.undecided) == 6
    # Before 2021 the same facts are also undetermined (a limb might still be met).
    assert assess_threshold(allegation(unclear), on=D(2019, 1, 1)).outcome is (
        ThresholdOutcome.UNDETERMINED
    )


def test_threshold_met_means_not_a_low_level_concern():
    slap = Behaviour(
        category=ConcernCategory.PHYSICAL,
        setting=Setting.IN_WORK,
        harmed_child=True,
        criminal_offence=False,
        risk_to_children=False,
        unsuitable=False,
        breaches_code_of_conduct=True,
    )
    other = below_threshold()
    decision = assess_threshold(allegation(slap, other), on=D(2023, 2, 1))
    assert decision.outcome is ThresholdOutcome.LADO_REFERRAL
    assert decision.findings[0].detail == "1 of 2 alleged behaviours engage this limb (physical)."
    assert decision.findings[1].detail == "None of the 2 alleged behaviours engages this limb."
    assert decision.findings[-1].met is False
    assert decision.findings[-1].detail.startswith("The harm threshold is met")


def test_limbs_by_edition():
    # Three limbs from KCSIE 2014 (secondary: Working Together 2015 and local procedures),
    # four from KCSIE 2020 (secondary, as above); KCSIE 2021 para 338 and KCSIE 2024 para 356
    # read in verbatim copies (https://user-s7hizqk.cld.bz/1-General-Information/123 ;
    # https://www.keepingchildrensafeineducation.co.uk/part_four_alleg.html ); 2022 and 2023
    # not read (unverified).
    assert limbs_in_force(on=D(2014, 4, 3)) == (
        Limb.HARMED_CHILD,
        Limb.CRIMINAL_OFFENCE,
        Limb.RISK_OF_HARM,
    )
    assert limbs_in_force(on=D(2025, 12, 1))[-1] is Limb.NOT_SUITABLE
    statuses = {v.edition: v.source.status for v in HARM_THRESHOLD.versions}
    assert statuses["KCSIE 2021"] is Verification.PRIMARY
    assert statuses["KCSIE 2024"] is Verification.PRIMARY
    assert statuses["KCSIE 2022"] is Verification.UNVERIFIED
    assert LOW_LEVEL_CONCERN.in_force_from == D(2021, 9, 1)
    with pytest.raises(RuleNotInForceError):
        limbs_in_force(on=D(2014, 4, 2))


def test_bad_arguments():
    with pytest.raises(InvalidInputError) as info:
        assess_threshold("a teacher shouted", on=D(2022, 1, 1))  # type: ignore[arg-type]
    assert info.value.field == "allegation"
    with pytest.raises(InvalidInputError) as info:
        assess_threshold(allegation(below_threshold()), on=dt.datetime(2022, 1, 1))
    assert info.value.field == "on"
    with pytest.raises(RuleNotInForceError):
        assess_threshold(allegation(below_threshold()), on=D(2013, 1, 1))


# Property: every decision has exactly one finding per limb in force, in the guidance's order,
# and no finding for a limb that is not in force.
@given(allegation=allegations(), on=kcsie_dates())
def test_one_finding_per_limb(allegation, on):
    decision = assess_threshold(allegation, on=on)
    limbs = limbs_in_force(on=on)
    labels = {limb.value for limb in Limb}
    assert [f.criterion for f in decision.findings if f.criterion in labels] == [
        limb.value for limb in limbs
    ]
    assert decision.rule_version.startswith("KCSIE ")


# Property: the order of the alleged behaviours never changes the decision.
@given(allegation=allegations(), on=kcsie_dates(), data=st.data())
def test_decision_does_not_depend_on_the_order_of_facts(allegation, on, data):
    shuffled = data.draw(st.permutations(allegation.behaviours))
    reordered = attrs.evolve(allegation, behaviours=tuple(shuffled))
    assert assess_threshold(reordered, on=on) == assess_threshold(allegation, on=on)


# Property: an allegation with no limb met is never a LADO referral; one limb met always is.
@given(allegation=allegations(), on=kcsie_dates())
def test_referral_exactly_when_a_limb_is_met(allegation, on):
    decision = assess_threshold(allegation, on=on)
    limb_met = [f.met for f in decision.findings[: len(limbs_in_force(on=on))]]
    if True in limb_met:
        assert decision.outcome is ThresholdOutcome.LADO_REFERRAL
    else:
        assert decision.outcome is not ThresholdOutcome.LADO_REFERRAL
    if all(m is False for m in limb_met) and not LOW_LEVEL_CONCERN.is_in_force(on):
        assert decision.outcome is ThresholdOutcome.NEITHER


@given(
    behaviour=alleged_behaviours().map(
        lambda b: attrs.evolve(
            b, harmed_child=False, criminal_offence=False, risk_to_children=False, unsuitable=False
        )
    ),
    on=kcsie_dates(),
)
def test_no_limb_alleged_is_never_a_referral(behaviour, on):
    decision = assess_threshold(allegation(behaviour, made_on=on), on=on)
    assert decision.outcome is not ThresholdOutcome.LADO_REFERRAL
    assert is_lado_referral(allegation(behaviour, made_on=on), on=on) is False


def test_every_combination_of_three_behaviours_is_order_free():
    pool = [
        domestic_abuse_at_home(),
        below_threshold(breaches_code_of_conduct=True),
        Behaviour(
            category=ConcernCategory.SEXUAL, setting=Setting.NOT_KNOWN, criminal_offence=None
        ),
    ]
    results = {
        assess_threshold(allegation(*order), on=D(2022, 6, 1))
        for order in itertools.permutations(pool)
    }
    assert len(results) == 1


@given(behaviour=alleged_behaviours(), on=kcsie_dates())
def test_the_shortcut_answers_what_the_decision_says_about_the_threshold(behaviour, on):
    # True exactly for a referral; None (never False) while a limb is unknown and none met.
    decision = assess_threshold(allegation(behaviour, made_on=on), on=on)
    answer = is_lado_referral(allegation(behaviour, made_on=on), on=on)
    limbs = [f.met for f in decision.findings if f.criterion in {limb.value for limb in Limb}]
    assert (answer is True) == (decision.outcome is ThresholdOutcome.LADO_REFERRAL)
    if answer is None:
        assert None in limbs
        assert True not in limbs
    if answer is False:
        assert all(met is False for met in limbs)


def test_an_unknown_limb_is_not_read_as_no():
    # Whether the behaviour harmed the child is not yet known and no other limb is met: the
    # question is open (KCSIE 2024 para 356: "has behaved in a way that has harmed a child").
    unknown = attrs.evolve(
        below_threshold(),
        harmed_child=None,
        criminal_offence=False,
        risk_to_children=False,
        unsuitable=False,
    )
    assert is_lado_referral(allegation(unknown), on=D(2024, 9, 2)) is None
