"""Where it happened and where the child lives: the shared vocabulary, and "not yet known".

The expected answers follow from the provisions the case-review functions apply (see
tests/test_reviews_golden.py for the sources): Children Act 2004 s16C(1) (a death or serious
harm *in the area*, or *outside England* of a child *normally resident* in the area); LSCB
Regulations 2006 reg 5 with Working Together 2015 ch.4 (the LSCB where the child normally lives
decides on a serious case review); SI 2018/789 reg 11 (a serious child safeguarding case linked
to the area); Domestic Violence, Crime and Victims Act 2004 s9; Care Act 2014 s44; Children Act
2004 s16M (the partners where the child normally lived must review a child's death; those where
the child died may). A fact that is not yet known can only make an answer "cannot decide yet"
where the answer depends on it; where the known facts settle it, it stays settled.
"""

import datetime as dt
import itertools
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import safeguarding.reviews
import safeguarding.reviews.incidents
from safeguarding.errors import InvalidInputError
from safeguarding.places import Place, Residence, in_area, in_england
from safeguarding.reviews.case_reviews import assess_incident
from safeguarding.reviews.duties import DutyKind, DutyStatus
from safeguarding.reviews.incidents import (
    AbuseOrNeglect,
    Incident,
    LocalPartnership,
    Relationship,
)
from safeguarding.reviews.neighbouring import (
    assess_child_death_review,
    assess_domestic_homicide_review,
    assess_offensive_weapons_homicide_review,
    assess_safeguarding_adults_review,
)
from safeguarding.reviews.notifications import assess_notification, is_notifiable
from safeguarding.reviews.practice_reviews import assess_local_review, assess_rapid_review
from safeguarding.reviews.serious_case_reviews import assess_serious_case_review
from safeguarding.strategies._reviews import incidents, local_partnerships

D = dt.date
K = DutyKind
S = DutyStatus
LEWISHAM = LocalPartnership(area="Lewisham", arrangements_live_from=D(2019, 9, 29))
UNKNOWN = "not yet known"


def harmed(**changes: Any) -> Incident:
    """Serious harm with abuse known, under the Panel scheme; place and residence not given."""
    facts: dict[str, Any] = {
        "incident_date": D(2024, 5, 6),
        "aware_on": D(2024, 5, 7),
        "age_at_incident": 9,
        "abuse_or_neglect": AbuseOrNeglect.KNOWN,
        "seriously_harmed": True,
        "concern_about_joint_working": True,
    }
    facts.update(changes)
    return Incident(**facts)


def died(day: dt.date, age: int, **changes: Any) -> Incident:
    """A death on *day* at *age*, abuse known; place and residence not given."""
    facts: dict[str, Any] = {
        "incident_date": day,
        "aware_on": day,
        "age_at_incident": age,
        "death_date": day,
        "age_at_death": age,
        "abuse_or_neglect": AbuseOrNeglect.KNOWN,
    }
    facts.update(changes)
    return Incident(**facts)


def unknown_finding(findings: Any, *words: str) -> Any:
    """The one finding whose ``met`` is ``None`` and whose detail says *words* are unknown."""
    hits = [
        f
        for f in findings
        if f.met is None
        and UNKNOWN in f.detail.lower()
        and all(word in f.detail.lower() for word in words)
    ]
    assert len(hits) == 1, [f.explain() for f in findings]
    return hits[0]


# --- The shared vocabulary ---------------------------------------------------------------


def test_places_and_residences_are_one_vocabulary_importable_from_reviews():
    assert safeguarding.reviews.Place is Place
    assert safeguarding.reviews.Residence is Residence
    assert safeguarding.reviews.incidents.Place is Place
    assert safeguarding.reviews.incidents.Residence is Residence
    assert Place.__module__ == Residence.__module__ == "safeguarding.places"


def test_the_places_module_sits_below_every_domain_package():
    code = (
        "import sys, safeguarding.places; "
        "print(sorted(m for m in sys.modules if m.startswith('safeguarding.')))"
    )
    loaded = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "safeguarding.places" in loaded
    for domain in (
        "reviews",
        "lado",
        "private_fostering",
        "thresholds",
        "indicators",
        "io",
        "strategies",
        "report",
        "cases",
    ):
        assert f"'safeguarding.{domain}" not in loaded, domain


def test_no_fixed_abode_is_a_known_fact_not_an_unknown():
    assert not hasattr(Residence, "NOT_KNOWN")
    assert Residence.NO_NORMAL_RESIDENCE.value == "no normal residence"
    assert in_area(Residence.NO_NORMAL_RESIDENCE) is False
    assert in_england(Residence.NO_NORMAL_RESIDENCE) is False


@pytest.mark.parametrize(
    ("where", "here", "england"),
    [
        (Place.IN_AREA, True, True),
        (Place.ELSEWHERE_IN_ENGLAND, False, True),
        (Place.WALES, False, False),
        (Place.ELSEWHERE_IN_UK, False, False),
        (Place.OUTSIDE_UK, False, False),
        (Residence.IN_AREA, True, True),
        (Residence.ELSEWHERE_IN_ENGLAND, False, True),
        (Residence.WALES, False, False),
        (Residence.OUTSIDE_ENGLAND_AND_WALES, False, False),
        (Residence.NO_NORMAL_RESIDENCE, False, False),
        (None, None, None),
    ],
)
def test_in_area_and_in_england_are_three_valued(where, here, england):
    assert in_area(where) is here
    assert in_england(where) is england


@pytest.mark.parametrize("function", [in_area, in_england])
def test_place_questions_reject_other_values(function):
    with pytest.raises(InvalidInputError) as info:
        function("in the area")
    assert info.value.field == "where"


def test_place_and_residence_default_to_not_yet_known():
    incident = harmed()
    assert (incident.place, incident.residence) == (None, None)
    with pytest.raises(InvalidInputError) as info:
        harmed(residence="in the area")
    assert info.value.field == "residence"


# --- Each duty: unknown gives "cannot decide yet", with the missing fact named -------------


def test_s16c_notification_with_the_place_not_yet_known():
    # Limb (a) needs the harm in the area: unknown. Limb (b) needs it outside England: also
    # unknown. The child lives elsewhere in England, so limb (b) is already not met.
    visitor = harmed(residence=Residence.ELSEWHERE_IN_ENGLAND)
    decision = assess_notification(visitor)
    assert decision.outcome is S.UNDETERMINED
    assert is_notifiable(visitor) is None
    limb_a, limb_b = decision.findings
    assert limb_a.met is None
    assert "where it happened" in limb_a.detail
    assert limb_b.met is False
    # Known facts: golden answers unchanged.
    assert assess_notification(attrs.evolve(visitor, place=Place.IN_AREA)).outcome is (S.REQUIRED)
    away = attrs.evolve(visitor, place=Place.ELSEWHERE_IN_ENGLAND)
    assert assess_notification(away).outcome is S.NOT_REQUIRED


def test_s16c_notification_with_the_residence_not_yet_known():
    abroad = harmed(place=Place.OUTSIDE_UK)
    decision = assess_notification(abroad)
    assert decision.outcome is S.UNDETERMINED
    limb_b = unknown_finding(decision.findings, "where the child normally lives")
    assert limb_b.criterion == "death or serious harm outside England of a resident"
    assert "where it happened" not in limb_b.detail
    # Harmed in the area: limb (a) settles it, wherever the child lives.
    assert assess_notification(harmed(place=Place.IN_AREA)).outcome is S.REQUIRED


def test_working_together_2015_notification_with_place_and_residence_not_yet_known():
    death = died(D(2017, 5, 2), 6)
    decision = assess_notification(death)
    assert decision.outcome is S.UNDETERMINED
    finding = decision.findings[0]
    assert finding.met is None
    assert "where it happened; where the child normally lives" in finding.detail
    # A looked-after child's death is notified wherever it happened (WT2015 ch.4).
    looked_after = attrs.evolve(death, looked_after=True)
    assert assess_notification(looked_after).outcome is S.REQUIRED


def test_rapid_review_with_the_place_not_yet_known_names_the_leading_area_as_unknown():
    decision = assess_rapid_review(harmed(residence=Residence.ELSEWHERE_IN_ENGLAND))
    assert decision.outcome is S.UNDETERMINED
    lead = unknown_finding(decision.findings, "where it happened")
    assert lead.criterion == "the leading area"


def test_local_review_with_place_and_residence_not_yet_known():
    decision = assess_local_review(harmed())
    assert decision.outcome is S.UNDETERMINED
    link = decision.findings[1]
    assert (link.criterion, link.met) == ("linked to the area", None)
    assert link.detail == ("Not yet known where it happened or where the child normally lives.")
    # Known to live here: linked, whatever the place.
    assert assess_local_review(harmed(residence=Residence.IN_AREA)).outcome is (S.DISCRETIONARY)


def test_serious_case_review_with_the_residence_not_yet_known():
    # reg 5(2)(b)(i): a death with abuse known is a serious case; the LSCB where the child
    # normally lives decides, and that is not yet known.
    death = died(D(2017, 5, 2), 6, place=Place.IN_AREA)
    decision = assess_serious_case_review(death)
    assert decision.outcome is S.UNDETERMINED
    deciding = decision.findings[-1]
    assert (deciding.criterion, deciding.met) == ("the deciding LSCB", None)
    assert "not yet known where the child normally lives" in deciding.detail.lower()
    # Known: golden answers.
    assert assess_serious_case_review(attrs.evolve(death, residence=Residence.IN_AREA)).outcome is (
        S.REQUIRED
    )
    assert assess_serious_case_review(
        attrs.evolve(death, residence=Residence.ELSEWHERE_IN_ENGLAND)
    ).outcome is (S.NOT_REQUIRED)


def test_serious_case_review_for_a_child_with_no_home_in_england():
    # No home in England: the library's reading is that the LSCB where it happened decides.
    for residence in (Residence.WALES, Residence.NO_NORMAL_RESIDENCE):
        death = died(D(2017, 5, 2), 6, residence=residence)
        decision = assess_serious_case_review(death)
        assert decision.outcome is S.UNDETERMINED
        unknown_finding(decision.findings, "where it happened")
        here = attrs.evolve(death, place=Place.IN_AREA)
        assert assess_serious_case_review(here).outcome is S.REQUIRED
        there = attrs.evolve(death, place=Place.ELSEWHERE_IN_ENGLAND)
        assert assess_serious_case_review(there).outcome is S.NOT_REQUIRED


def test_serious_case_review_settled_by_other_facts_stays_settled():
    # No abuse or neglect suspected and no death in custody: no serious case, whichever LSCB.
    natural = died(D(2017, 5, 2), 6, abuse_or_neglect=AbuseOrNeglect.NOT_SUSPECTED)
    assert assess_serious_case_review(natural).outcome is S.NOT_REQUIRED
    # Seriously harmed, abuse known, no concern about joint working: discretionary, for the
    # deciding LSCB; which LSCB that is, is not yet known.
    no_concern = harmed(
        incident_date=D(2017, 5, 2), aware_on=D(2017, 5, 2), concern_about_joint_working=False
    )
    assert assess_serious_case_review(no_concern).outcome is S.UNDETERMINED
    here = attrs.evolve(no_concern, residence=Residence.IN_AREA)
    assert assess_serious_case_review(here).outcome is S.DISCRETIONARY


def test_domestic_homicide_review_with_place_and_residence_not_yet_known():
    killed = died(D(2024, 6, 3), 17, perpetrator=Relationship.PARENT)
    decision = assess_domestic_homicide_review(killed)
    assert decision.outcome is S.UNDETERMINED
    link = decision.findings[-1]
    assert link.met is None
    assert link.detail == ("Not yet known where it happened or where the person normally lived.")
    lived_here = attrs.evolve(killed, residence=Residence.IN_AREA)
    assert assess_domestic_homicide_review(lived_here).outcome is S.REQUIRED


def test_safeguarding_adults_review_with_place_and_residence_not_yet_known():
    adult = Incident(
        incident_date=D(2023, 1, 2),
        aware_on=D(2023, 1, 2),
        age_at_incident=17,
        death_date=D(2023, 6, 1),
        age_at_death=18,
        abuse_or_neglect=AbuseOrNeglect.KNOWN,
        care_and_support_needs=True,
        concern_about_joint_working=True,
    )
    decision = assess_safeguarding_adults_review(adult)
    assert decision.outcome is S.UNDETERMINED
    needs = decision.findings[0]
    assert needs.met is None
    assert needs.detail == ("Not yet known where it happened or where the person normally lived.")
    here = attrs.evolve(adult, place=Place.IN_AREA)
    assert assess_safeguarding_adults_review(here).outcome is S.REQUIRED
    # No needs for care and support: no SAR, wherever it happened.
    no_needs = attrs.evolve(adult, care_and_support_needs=False)
    assert assess_safeguarding_adults_review(no_needs).outcome is S.NOT_REQUIRED


def test_offensive_weapons_homicide_review_with_the_place_not_yet_known():
    # Harmed at 17 in June 2023, died at 18 in the pilot period (SI 2023/227).
    stabbed = died(
        D(2023, 6, 1),
        17,
        death_date=D(2023, 7, 1),
        age_at_death=18,
        suspected_homicide=True,
        offensive_weapon=True,
    )
    decide = assess_offensive_weapons_homicide_review
    decision = decide(stabbed, pilot_area=True, excluded_by_other_review=False)
    assert decision.outcome is S.UNDETERMINED
    place = unknown_finding(decision.findings, "where the death occurred")
    assert place.criterion == "the death occurred in England or Wales, in the area"
    elsewhere = attrs.evolve(stabbed, place=Place.ELSEWHERE_IN_ENGLAND)
    assert decide(elsewhere, pilot_area=True, excluded_by_other_review=False).outcome is (
        S.NOT_REQUIRED
    )


def test_child_death_review_with_the_residence_not_yet_known():
    # s16M(1): the partners where the child normally lived must review; not yet known.
    death = died(D(2024, 3, 4), 10, place=Place.IN_AREA)
    decision = assess_child_death_review(death)
    assert decision.outcome is S.UNDETERMINED
    area = decision.findings[-1]
    assert (area.criterion, area.met) == ("the reviewing area", None)
    assert "not yet known where the child normally lived" in area.detail.lower()
    # Normally resident here: required, wherever the child died.
    resident = died(D(2024, 3, 4), 10, residence=Residence.IN_AREA)
    assert assess_child_death_review(resident).outcome is S.REQUIRED


def test_child_death_review_with_the_place_of_death_not_yet_known():
    # s16M(2) (from 29 June 2018): the partners where the child died may review.
    visitor = died(D(2024, 3, 4), 10, residence=Residence.ELSEWHERE_IN_ENGLAND)
    decision = assess_child_death_review(visitor)
    assert decision.outcome is S.UNDETERMINED
    assert "not yet known where the child died" in decision.findings[-1].detail.lower()
    # Before 29 June 2018 (LSCB Regulations 2006 reg 6) there was no such power: settled.
    lscb = died(D(2018, 6, 1), 10, residence=Residence.ELSEWHERE_IN_ENGLAND)
    assert assess_child_death_review(lscb).outcome is S.NOT_REQUIRED


def test_assess_incident_with_place_and_residence_not_yet_known():
    # A 17-year-old killed by a partner (the golden case), with neither place nor residence
    # known yet: every duty that depends on them cannot be decided yet.
    killed = died(D(2024, 6, 3), 17, perpetrator=Relationship.INTIMATE_PARTNER)
    decision = assess_incident(killed, partnership=LEWISHAM)
    expected = {
        K.NOTIFY_PANEL: S.UNDETERMINED,
        K.INFORM_SAFEGUARDING_PARTNERS: S.UNDETERMINED,
        K.RAPID_REVIEW: S.UNDETERMINED,
        K.LOCAL_PRACTICE_REVIEW: S.UNDETERMINED,
        K.DOMESTIC_HOMICIDE_REVIEW: S.UNDETERMINED,
        K.CHILD_DEATH_REVIEW: S.UNDETERMINED,
        # Not for a child, whatever the place (Care Act 2014 s44; PCSCA 2022 s24: 18+).
        K.SAFEGUARDING_ADULTS_REVIEW: S.NOT_REQUIRED,
        K.OFFENSIVE_WEAPONS_HOMICIDE_REVIEW: S.NOT_REQUIRED,
        # Not looked after; the SCR regime ended for Lewisham before 2024.
        K.NOTIFY_SECRETARY_OF_STATE_AND_OFSTED: S.NOT_REQUIRED,
        K.SERIOUS_CASE_REVIEW: S.NOT_REQUIRED,
        K.NOTIFY_OFSTED_AND_LSCB: S.NOT_REQUIRED,
    }
    assert {duty.kind: duty.status for duty in decision.duties} == expected
    for duty in decision.duties:
        if duty.status is S.UNDETERMINED:
            assert any(f.met is None and UNKNOWN in f.detail.lower() for f in duty.findings), (
                duty.explain()
            )
    assert "not required" not in decision.duty(K.NOTIFY_PANEL).explain()
    # Once known to be in the area: the golden answers.
    here = attrs.evolve(killed, place=Place.IN_AREA, residence=Residence.IN_AREA)
    known = assess_incident(here, partnership=LEWISHAM)
    assert [duty.kind for duty in known.applicable] == [
        K.NOTIFY_PANEL,
        K.INFORM_SAFEGUARDING_PARTNERS,
        K.RAPID_REVIEW,
        K.LOCAL_PRACTICE_REVIEW,
        K.DOMESTIC_HOMICIDE_REVIEW,
        K.CHILD_DEATH_REVIEW,
    ]


# --- Properties: an unknown never contradicts what the facts, once known, would give ------


def _completions(incident: Incident) -> list[Incident]:
    places = [incident.place] if incident.place is not None else list(Place)
    residences = [incident.residence] if incident.residence is not None else list(Residence)
    return [
        attrs.evolve(incident, place=place, residence=residence)
        for place, residence in itertools.product(places, residences)
    ]


@given(
    incident=incidents(),
    partnership=local_partnerships(),
    forget=st.sampled_from(((True, False), (False, True), (True, True))),
)
def test_an_unknown_place_or_residence_never_settles_what_it_could_change(
    incident: Incident, partnership: LocalPartnership, forget: tuple[bool, bool]
):
    # Forget where it happened, where the child lives, or both, and compare the answer with
    # the answers for every place and residence it could turn out to be.
    place, residence = forget
    forgotten = attrs.evolve(
        incident,
        place=None if place else incident.place,
        residence=None if residence else incident.residence,
    )
    decision = assess_incident(forgotten, partnership=partnership)
    completed = [
        assess_incident(known, partnership=partnership) for known in _completions(forgotten)
    ]
    for duty in decision.duties:
        possible = {answer.status(duty.kind) for answer in completed}
        if len(possible) > 1:
            # The answer depends on the missing fact: cannot decide yet, and says why.
            assert duty.status is S.UNDETERMINED, duty.explain()
            assert any(f.met is None and UNKNOWN in f.detail.lower() for f in duty.findings), (
                duty.explain()
            )
        elif duty.status is not S.UNDETERMINED:
            # A settled answer is the one every completion gives.
            assert possible == {duty.status}, duty.explain()


@given(incident=incidents())
def test_a_settled_link_ignores_the_unknown(incident: Incident):
    # Lives here, or happened here: linked to the area whatever the other fact turns out to
    # be, for the duties that ask "happened here or lives here".
    lives_here = attrs.evolve(incident, place=None, residence=Residence.IN_AREA)
    happened_here = attrs.evolve(incident, place=Place.IN_AREA, residence=None)
    for known in (lives_here, happened_here):
        if known.aware_on >= D(2018, 6, 29):
            assert assess_local_review(known).findings[1].met is True
        dhr = assess_domestic_homicide_review(known).findings
        if len(dhr) == 4:
            assert (dhr[-1].criterion, dhr[-1].met) == ("linked to the area", True)
