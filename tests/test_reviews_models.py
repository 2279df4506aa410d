"""Case-review models and rule functions: validation, edges and each function on its own."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from safeguarding.calendar import ENGLAND_AND_WALES, working_days_between
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, Finding, Timescale, Unit
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.indicators.definitions import Count, Period, Tally
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.reviews.case_reviews import (
    PanelPerformance,
    ReviewDecision,
    ReviewRegime,
    assess_incident,
    case_review_values,
    panel_performance,
    review_regime,
)
from safeguarding.reviews.duties import Body, Duty, DutyKind, DutyStatus
from safeguarding.reviews.incidents import (
    TRANSITION,
    AbuseOrNeglect,
    ClockAnchor,
    HarmIndicator,
    Incident,
    LocalPartnership,
    Place,
    Relationship,
    Residence,
    ReviewActions,
    ReviewCase,
    ReviewType,
    Setting,
    TransitionWindow,
)
from safeguarding.reviews.neighbouring import (
    assess_child_death_review,
    assess_domestic_homicide_review,
    assess_offensive_weapons_homicide_review,
    assess_safeguarding_adults_review,
    other_review_applies,
)
from safeguarding.reviews.notifications import (
    NotificationRegime,
    NotificationScheme,
    NotificationTrigger,
    Recipient,
    assess_looked_after_death,
    assess_notification,
    died_as_child,
    is_notifiable,
    notification_deadline,
    partner_notification_deadline,
)
from safeguarding.reviews.practice_reviews import (
    assess_advance_copy,
    assess_local_review,
    assess_rapid_review,
    publication_deadline,
    rapid_review_deadline,
)
from safeguarding.reviews.serious_case_reviews import (
    assess_serious_case_review,
    scr_completion_deadline,
    scr_decision_deadline,
    scr_non_initiation_deadline,
)
from safeguarding.reviews.serious_harm import assess_serious_harm, is_seriously_harmed

D = dt.date
K = DutyKind
S = DutyStatus
AREA = LocalPartnership(area="Anytown", arrangements_live_from=D(2019, 9, 29))
SRC = Citation(instrument="Act", provision="s1", url=None, status=Verification.PRIMARY)
LOCAL_DOC = Citation(
    instrument="Anytown SCP, rapid review procedure 2020",
    provision="para 3",
    url=None,
    status=Verification.SECONDARY,
)


PANEL_ERA = D(2018, 6, 29)


def local(values: dict[str, object], *, since: dt.date = PANEL_ERA) -> Procedures:
    """Anytown's procedures setting *values*, citing its own document."""
    return Procedures.adopt("Anytown SCP procedures", values, in_force_from=since, source=LOCAL_DOC)


def incident(**changes: Any) -> Incident:
    facts: dict[str, Any] = {
        "incident_date": D(2024, 3, 1),
        "aware_on": D(2024, 3, 4),
        "age_at_incident": 10,
        "place": Place.IN_AREA,
        "residence": Residence.IN_AREA,
        "abuse_or_neglect": AbuseOrNeglect.SUSPECTED,
    }
    facts.update(changes)
    return Incident(**facts)


def died(day: dt.date, age: int, **changes: Any) -> Incident:
    facts: dict[str, Any] = {
        "incident_date": day,
        "aware_on": day,
        "age_at_incident": age,
        **changes,
    }
    return incident(death_date=day, age_at_death=age, **facts)


# --- Bad input: InvalidInputError naming the field ---------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"incident_date": D(2024, 3, 5)}, "aware_on"),  # awareness before the incident
        ({"death_date": D(2024, 3, 1), "age_at_death": 9}, "age_at_death"),  # below incident
        ({"death_date": D(2024, 3, 1)}, "age_at_death"),  # one without the other
        ({"age_at_death": 10}, "age_at_death"),
        ({"death_date": D(2024, 2, 1), "age_at_death": 10}, "death_date"),
        ({"death_date": D(2024, 3, 1), "age_at_death": 11}, "age_at_death"),  # same day
        ({"death_date": D(2026, 3, 1), "age_at_death": 10}, "age_at_death"),  # two years on
        ({"death_date": D(2024, 3, 2), "age_at_death": 131}, "age_at_death"),
        ({"age_at_incident": 18}, "age_at_incident"),
        ({"age_at_incident": -1}, "age_at_incident"),
        ({"age_at_incident": True}, "age_at_incident"),
        ({"aware_on": dt.datetime(2024, 3, 4)}, "aware_on"),
        ({"place": "in the area"}, "place"),
        ({"harm_indicators": "serious"}, "harm_indicators"),
        ({"harm_indicators": 3}, "harm_indicators"),
        ({"seriously_harmed": "yes"}, "seriously_harmed"),
        ({"looked_after": None}, "looked_after"),
    ],
)
def test_incident_rejects_bad_facts(changes, field):
    with pytest.raises(InvalidInputError) as info:
        incident(**changes)
    assert info.value.field == field


def test_incident_ages_across_birthdays():
    # 10 on 1 March 2024, 11 by 28 February 2025 (a birthday in between), 12 impossible.
    assert incident(death_date=D(2025, 2, 28), age_at_death=11).died
    assert incident(death_date=D(2025, 2, 28), age_at_death=10).died
    assert not incident().died


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"arrangements_live_from": D(2019, 9, 30)}, "arrangements_live_from"),
        ({"arrangements_live_from": D(2018, 6, 28)}, "arrangements_live_from"),
        ({"arrangements_live_from": "2019-09-29"}, "arrangements_live_from"),
        ({"arrangements_published_on": D(2019, 6, 30)}, "arrangements_published_on"),
        ({"arrangements_published_on": D(2018, 6, 28)}, "arrangements_published_on"),
        (
            {"arrangements_live_from": D(2019, 1, 1), "arrangements_published_on": D(2019, 1, 2)},
            "arrangements_published_on",
        ),
        ({"arrangements_published_on": D(2019, 6, 28)}, "arrangements_live_from"),
        ({"area": " "}, "area"),
        ({"owhr_pilot_area": 1}, "owhr_pilot_area"),
    ],
)
def test_partnership_rejects_bad_input(changes, field):
    facts = {"area": "Anytown", "arrangements_live_from": D(2019, 9, 29), **changes}
    with pytest.raises(InvalidInputError) as info:
        LocalPartnership(**facts)
    assert info.value.field == field


def test_partnership_publication_within_three_months():
    ok = LocalPartnership(
        area="Anytown",
        arrangements_live_from=D(2019, 9, 29),
        arrangements_published_on=D(2019, 6, 29),
    )
    assert ok.arrangements_published_on == D(2019, 6, 29)


def test_a_partnership_holds_facts_not_procedures():
    assert not hasattr(AREA, "procedures")
    with pytest.raises(TypeError):
        LocalPartnership(  # type: ignore[call-arg]
            area="Anytown", arrangements_live_from=D(2019, 9, 29), procedures=NATIONAL
        )


def test_transition_window_rule_and_ordering():
    window = TRANSITION.at(D(2019, 1, 1)).value
    assert (window.opens, window.publish_by, window.implement_by) == (
        D(2018, 6, 29),
        D(2019, 6, 29),
        D(2019, 9, 29),
    )
    assert "2019-09-29" in window.describe()
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(window, publish_by=D(2018, 1, 1))
    assert info.value.field == "publish_by"
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(window, implement_by=D(2019, 1, 1))
    assert info.value.field == "implement_by"
    with pytest.raises(RuleNotInForceError):
        TRANSITION.at(D(2018, 6, 28))
    assert isinstance(window, TransitionWindow)


def test_actions_and_cases_reject_bad_dates():
    with pytest.raises(InvalidInputError) as info:
        ReviewActions(review_decided_on=D(2024, 5, 2), published_on=D(2024, 5, 1))
    assert info.value.field == "published_on"
    with pytest.raises(InvalidInputError) as info:
        ReviewActions(reviews_commissioned=["scr"])
    assert info.value.field == "reviews_commissioned"
    for name in ("notified_on", "published_on", "rapid_review_completed_on"):
        changes: dict[str, Any] = {name: D(2024, 3, 3)}
        with pytest.raises(InvalidInputError) as info:
            ReviewCase(incident=incident(), actions=ReviewActions(**changes))
        assert info.value.field == f"actions.{name}"
    with pytest.raises(InvalidInputError) as info:
        assess_incident(
            incident(), partnership=AREA, actions=ReviewActions(notified_on=D(2024, 3, 3))
        )
    assert info.value.field == "actions.notified_on"
    assert ReviewCase(incident=incident()).actions == ReviewActions()


def test_functions_reject_wrong_types():
    calls: list[Callable[[], object]] = [
        lambda: assess_incident("x", partnership=AREA),  # type: ignore[arg-type]
        lambda: assess_incident(incident(), partnership="x"),  # type: ignore[arg-type]
        lambda: assess_incident(incident(), partnership=AREA, actions="x"),  # type: ignore[arg-type]
        lambda: assess_notification("x"),  # type: ignore[arg-type]
        lambda: assess_looked_after_death("x"),  # type: ignore[arg-type]
        lambda: assess_serious_harm("x", on=D(2024, 1, 1)),  # type: ignore[arg-type]
        lambda: assess_serious_harm(incident(), on="2024-01-01"),  # type: ignore[arg-type]
        lambda: assess_serious_case_review("x"),  # type: ignore[arg-type]
        lambda: assess_rapid_review("x"),  # type: ignore[arg-type]
        lambda: assess_local_review("x"),  # type: ignore[arg-type]
        lambda: assess_local_review(incident(), actions="x"),  # type: ignore[arg-type]
        lambda: assess_domestic_homicide_review("x"),  # type: ignore[arg-type]
        lambda: assess_safeguarding_adults_review("x"),  # type: ignore[arg-type]
        lambda: assess_child_death_review("x"),  # type: ignore[arg-type]
        lambda: assess_offensive_weapons_homicide_review(
            "x",  # type: ignore[arg-type]
            pilot_area=True,
            excluded_by_other_review=False,
        ),
        lambda: notification_deadline("2024-01-01"),  # type: ignore[arg-type]
        lambda: rapid_review_deadline(D(2024, 1, 2), notified_on=D(2024, 1, 1)),
        lambda: rapid_review_deadline(D(2024, 1, 2), procedures=ENGLAND_AND_WALES),  # type: ignore[arg-type]
        lambda: rapid_review_deadline(D(2024, 1, 2), on="2024-01-02"),  # type: ignore[arg-type]
        lambda: assess_incident(incident(), partnership=AREA, procedures=None),  # type: ignore[arg-type]
        lambda: assess_incident(incident(), partnership=AREA, on="2024-03-04"),  # type: ignore[arg-type]
        lambda: assess_notification(incident(), procedures="local"),  # type: ignore[arg-type]
        lambda: assess_domestic_homicide_review(incident(), on="2024"),  # type: ignore[arg-type]
        lambda: died_as_child("x"),  # type: ignore[arg-type]
        lambda: panel_performance(["x"], partnership=AREA, on=D(2024, 1, 1)),  # type: ignore[list-item]
        lambda: panel_performance([], partnership=AREA, on="2024"),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(InvalidInputError):
            call()


# --- Serious harm by edition (Working Together 2010, 2015 ch. 4, 2018 ch. 4, 2023 ch. 5) ---


@pytest.mark.parametrize(
    ("indicator", "on", "expected"),
    [
        (HarmIndicator.PERMANENT_IMPAIRMENT, D(2012, 1, 2), True),  # WT2010: permanent
        (HarmIndicator.LIKELY_LONG_TERM_IMPAIRMENT, D(2012, 1, 2), None),  # not in WT2010
        (HarmIndicator.SERIOUS_SEXUAL_ABUSE, D(2012, 1, 2), True),  # WT2010 separate item
        (HarmIndicator.SERIOUS_SEXUAL_ABUSE, D(2016, 1, 4), None),  # WT2015: no longer
        (HarmIndicator.LIKELY_LONG_TERM_IMPAIRMENT, D(2016, 1, 4), True),  # WT2015
        (HarmIndicator.PHYSICAL_HEALTH_IMPAIRMENT, D(2019, 1, 7), True),  # WT2018
        (HarmIndicator.LIFE_THREATENING_INJURY, D(2024, 1, 8), True),  # WT2023
    ],
)
def test_serious_harm_by_edition(indicator, on, expected):
    facts = incident(harm_indicators={indicator})
    assert is_seriously_harmed(facts, on=on) is expected


def test_serious_harm_judgement_fills_gaps_but_does_not_override_a_listed_fact():
    listed = incident(harm_indicators={HarmIndicator.LONG_TERM_IMPAIRMENT}, seriously_harmed=False)
    decision = assess_serious_harm(listed, on=D(2024, 3, 4))
    assert decision.outcome is True
    assert decision.findings[1].met is False
    assert is_seriously_harmed(incident(seriously_harmed=False), on=D(2024, 3, 4)) is False
    assert is_seriously_harmed(incident(seriously_harmed=True), on=D(2024, 3, 4)) is True
    assert (
        "no facts recorded" in assess_serious_harm(incident(), on=D(2024, 3, 4)).findings[0].detail
    )
    with pytest.raises(RuleNotInForceError):
        assess_serious_harm(incident(), on=D(2010, 3, 16))


# --- Notifications (WT2015 notifiable incidents; Children Act 2004 s16C; looked-after deaths)


def test_notification_scheme_describes_itself_and_checks_its_lists():
    scheme = NotificationScheme(
        regime=NotificationRegime.PANEL,
        triggers=(NotificationTrigger.IN_AREA,),
        recipients=(Recipient.PANEL,),
    )
    assert scheme.describe() == (
        "to the Child Safeguarding Practice Review Panel if: death or serious harm in the area"
    )
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(scheme, triggers=())
    assert info.value.field == "triggers"
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(scheme, recipients=(Recipient.PANEL, Recipient.PANEL))
    assert info.value.field == "recipients[1]"
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(scheme, triggers=("in the area",))  # type: ignore[arg-type]
    assert info.value.field == "triggers"


def test_notification_undetermined_until_abuse_is_known():
    unclear = died(D(2024, 3, 4), 10, abuse_or_neglect=AbuseOrNeglect.NOT_YET_KNOWN)
    assert assess_notification(unclear).outcome is S.UNDETERMINED
    assert is_notifiable(unclear) is None
    assert is_notifiable(died(D(2024, 3, 4), 10)) is True
    with pytest.raises(RuleNotInForceError):
        assess_notification(incident(incident_date=D(2015, 3, 1), aware_on=D(2015, 3, 25)))


def test_looked_after_death_needs_a_death_and_a_looked_after_child():
    assert assess_looked_after_death(died(D(2024, 3, 4), 10)).outcome is S.NOT_REQUIRED
    alive = incident(looked_after=True)
    decision = assess_looked_after_death(alive)
    assert decision.outcome is S.NOT_REQUIRED
    assert decision.findings[1].met is False


def test_partner_notification_deadline_and_its_commencement():
    assert partner_notification_deadline(D(2018, 6, 29)).due == D(2018, 7, 6)
    with pytest.raises(RuleNotInForceError):
        partner_notification_deadline(D(2018, 6, 28))
    assert notification_deadline(D(2015, 3, 26)).rule_key == "reviews.notification_timescale"


# --- Serious case reviews (LSCB Regulations 2006 reg 5; Working Together 2013/2015 ch. 4) --


def test_scr_deciding_lscb_follows_residence():
    base = {"abuse_or_neglect": AbuseOrNeglect.KNOWN}
    day = D(2017, 6, 5)
    elsewhere = died(day, 10, residence=Residence.ELSEWHERE_IN_ENGLAND, **base)
    assert assess_serious_case_review(elsewhere).outcome is S.NOT_REQUIRED
    visiting = died(day, 10, residence=Residence.OUTSIDE_ENGLAND_AND_WALES, **base)
    assert assess_serious_case_review(visiting).outcome is S.REQUIRED
    unrelated = died(
        day, 10, residence=Residence.NO_NORMAL_RESIDENCE, place=Place.ELSEWHERE_IN_ENGLAND, **base
    )
    assert assess_serious_case_review(unrelated).outcome is S.NOT_REQUIRED


def test_scr_undetermined_and_before_the_custody_list():
    unclear = died(D(2017, 6, 5), 10, abuse_or_neglect=AbuseOrNeglect.NOT_YET_KNOWN)
    assert assess_serious_case_review(unclear).outcome is S.UNDETERMINED
    # Before WT2013 (15 April 2013) there was no custody list: no such finding.
    early = died(D(2012, 6, 5), 10, setting=Setting.POLICE_CUSTODY)
    decision = assess_serious_case_review(early)
    assert decision.outcome is S.REQUIRED
    assert all("custody" not in f.criterion for f in decision.findings)
    with pytest.raises(RuleNotInForceError):
        assess_serious_case_review(died(D(2019, 9, 29), 10))


def test_scr_timescales():
    assert scr_decision_deadline(D(2019, 1, 31)).due == D(2019, 2, 28)
    assert scr_non_initiation_deadline(D(2019, 9, 20)).due == D(2019, 10, 4)
    assert scr_completion_deadline(D(2016, 8, 31)).due == D(2017, 2, 28)
    with pytest.raises(RuleNotInForceError):
        scr_decision_deadline(D(2019, 9, 29))


def test_scr_deadlines_follow_the_actions():
    death = died(D(2017, 6, 5), 10, abuse_or_neglect=AbuseOrNeglect.KNOWN)
    held = ReviewActions(
        notified_on=D(2017, 6, 7),
        review_decided_on=D(2017, 7, 3),
        reviews_commissioned={ReviewType.SERIOUS_CASE_REVIEW},
    )
    duty = assess_incident(death, partnership=AREA, actions=held).duty(K.SERIOUS_CASE_REVIEW)
    assert [d.due for d in duty.deadlines] == [D(2017, 7, 7), D(2018, 1, 3)]
    assert duty.findings[-1].met is True
    assert "2017-07-03" in duty.findings[-1].detail
    declined = attrs.evolve(held, reviews_commissioned={ReviewType.LEARNING_REVIEW})
    duty = assess_incident(death, partnership=AREA, actions=declined).duty(K.SERIOUS_CASE_REVIEW)
    assert duty.deadlines[-1].due == D(2017, 7, 17)  # 14 days to the national panel
    assert duty.findings[-1].met is False


# --- Rapid reviews and local reviews (WT2018 ch. 4, WT2023 ch. 5; SI 2018/789 regs 11, 14) -


def test_rapid_review_anchor_by_edition_and_local_choice():
    # WT2023 era: from the notification, Friday 8 March 2024; Easter skipped: 2 April.
    national = rapid_review_deadline(D(2024, 3, 4), notified_on=D(2024, 3, 8))
    assert national.due == D(2024, 4, 2)
    assert national.timescale.clock_starts == "notification to the Panel"
    # A partnership that counts from awareness.
    awareness = local({"reviews.rapid_review_anchor": ClockAnchor.AWARENESS})
    chosen = rapid_review_deadline(D(2024, 3, 4), notified_on=D(2024, 3, 8), procedures=awareness)
    assert chosen.started == D(2024, 3, 4)
    assert "Anytown SCP, rapid review procedure 2020" in chosen.timescale.clock_starts
    # The fifteen working days stay national, and cite national guidance.
    assert chosen.source == national.source
    # WT2018 era with a local notification anchor.
    notification = local({"reviews.rapid_review_anchor": ClockAnchor.NOTIFICATION})
    chosen = rapid_review_deadline(
        D(2019, 3, 4), notified_on=D(2019, 3, 6), procedures=notification
    )
    assert chosen.started == D(2019, 3, 6)
    assert working_days_between(chosen.started, chosen.due) == 15
    # Before the local procedures applied, the edition's anchor (awareness) did.
    later = local({"reviews.rapid_review_anchor": ClockAnchor.NOTIFICATION}, since=D(2020, 1, 1))
    before = rapid_review_deadline(D(2019, 3, 4), notified_on=D(2019, 3, 6), procedures=later)
    assert before == rapid_review_deadline(D(2019, 3, 4), notified_on=D(2019, 3, 6))
    assert before.started == D(2019, 3, 4)
    with pytest.raises(RuleNotInForceError):
        rapid_review_deadline(D(2018, 6, 28))


def test_a_local_rapid_review_anchor_is_cited_in_the_duty():
    case = died(D(2019, 3, 4), 10, abuse_or_neglect=AbuseOrNeglect.KNOWN)
    actions = ReviewActions(notified_on=D(2019, 3, 6))
    procedures = local({"reviews.rapid_review_anchor": ClockAnchor.NOTIFICATION})
    duty = assess_incident(case, partnership=AREA, actions=actions, procedures=procedures).duty(
        K.RAPID_REVIEW
    )
    clock = [f for f in duty.findings if f.criterion.startswith("the event the rapid-review")]
    assert len(clock) == 1
    assert clock[0].source == LOCAL_DOC
    assert "notification to the Panel" in clock[0].detail
    assert duty.deadlines[0].started == D(2019, 3, 6)
    # National guidance: no such finding, the clock from awareness (WT2018).
    national = assess_incident(case, partnership=AREA, actions=actions).duty(K.RAPID_REVIEW)
    assert not [f for f in national.findings if f.criterion.startswith("the event the rapid")]
    assert national.deadlines[0].started == D(2019, 3, 4)


def test_a_local_timescale_cites_the_local_document():
    five_calendar_days = Timescale(
        amount=5, unit=Unit.CALENDAR_DAYS, clock_starts="the local authority became aware"
    )
    procedures = local({"reviews.notification_timescale": five_calendar_days})
    # Friday 21 December 2018: five calendar days is Wednesday 26 December (Boxing Day).
    deadline = notification_deadline(D(2018, 12, 21), procedures=procedures)
    assert (deadline.due, deadline.source) == (D(2018, 12, 26), LOCAL_DOC)
    national = notification_deadline(D(2018, 12, 21))
    assert national.due == D(2019, 1, 2)
    assert national.source.instrument.startswith("Working Together")
    # The engine uses the same procedures: the notification duty cites the local document.
    decision = assess_incident(died(D(2018, 12, 21), 4), partnership=AREA, procedures=procedures)
    assert decision.duty(K.NOTIFY_PANEL).deadlines[0].source == LOCAL_DOC
    # Before the procedures applied, the national rule did.
    assert notification_deadline(D(2018, 6, 28), procedures=procedures).source != LOCAL_DOC


def test_local_closure_days_come_from_the_procedures_calendar():
    closed = Procedures(calendar=ENGLAND_AND_WALES.with_closures(D(2018, 7, 9), name="Local"))
    # Monday 2 July 2018 (day 0): five working days is Monday 9 July, a local closure day.
    assert notification_deadline(D(2018, 7, 2)).due == D(2018, 7, 9)
    assert notification_deadline(D(2018, 7, 2), procedures=closed).due == D(2018, 7, 10)
    decision = assess_incident(died(D(2018, 7, 2), 4), partnership=AREA, procedures=closed)
    assert decision.duty(K.NOTIFY_PANEL).deadlines[0].due == D(2018, 7, 10)
    # Publication on Thursday 19 July 2018: 7 working days before is Tuesday 10 July, or
    # Monday 9 July when Thursday 12 July is a local closure day.
    closed_12th = Procedures(calendar=ENGLAND_AND_WALES.with_closures(D(2018, 7, 12)))
    assert assess_advance_copy(D(2018, 7, 19)).outcome == D(2018, 7, 10)
    assert assess_advance_copy(D(2018, 7, 19), procedures=closed_12th).outcome == D(2018, 7, 9)


def test_a_local_rule_applies_to_the_findings_and_cites_its_document():
    # A local version of the serious-harm list: Working Together 2010's, from 2018.
    from safeguarding.reviews.serious_harm import SERIOUS_HARM

    wt2010 = SERIOUS_HARM.versions[0].value
    procedures = local({"reviews.serious_harm": wt2010})
    harmed = incident(harm_indicators={HarmIndicator.SERIOUS_SEXUAL_ABUSE})
    assert is_seriously_harmed(harmed) is None  # WT2023 does not list it: not yet known
    decision = assess_serious_harm(harmed, procedures=procedures)
    assert decision.outcome is True
    assert {f.source for f in decision.findings} == {LOCAL_DOC}


def test_on_defaults_to_the_date_the_facts_fix():
    case = died(D(2018, 7, 2), 4, incident_date=D(2018, 6, 28))
    assert assess_notification(case) == assess_notification(case, on=D(2018, 7, 2))
    assert assess_notification(case, on=D(2018, 6, 28)).rule_version == "WT2015"
    assert notification_deadline(D(2018, 7, 2)) == notification_deadline(
        D(2018, 7, 2), on=D(2018, 7, 2)
    )
    killed = died(D(2012, 5, 1), 17, perpetrator=Relationship.PARENT, aware_on=D(2015, 4, 1))
    # A domestic homicide review applies the law of the date of death.
    assert assess_domestic_homicide_review(killed) == assess_domestic_homicide_review(
        killed, on=D(2012, 5, 1)
    )
    # The engine's `on` moves every rule: the 2018 scheme for an awareness in 2015.
    moved = assess_incident(killed, partnership=AREA, on=D(2018, 7, 2))
    assert moved.notification_regime is NotificationRegime.PANEL


def test_rapid_review_undetermined_until_abuse_is_known():
    unclear = died(D(2024, 3, 4), 10, abuse_or_neglect=AbuseOrNeglect.NOT_YET_KNOWN)
    decision = assess_rapid_review(unclear)
    assert decision.outcome is S.UNDETERMINED
    assert decision.findings[0].met is None


def test_local_review_considerations_never_oblige_a_review():
    case = incident(
        abuse_or_neglect=AbuseOrNeglect.KNOWN,
        seriously_harmed=True,
        concern_about_joint_working=True,
    )
    all_met = ReviewActions(
        highlights_improvements=True,
        highlights_recurrent_themes=True,
        panel_suggests_local_review=True,
    )
    decision = assess_local_review(case, actions=all_met)
    assert decision.outcome is S.DISCRETIONARY
    assert [f.met for f in decision.findings[2:6]] == [True, True, True, True]
    assert decision.findings[-1].criterion == "meeting the criteria does not oblige a review"
    none_met = ReviewActions(
        highlights_improvements=False,
        highlights_recurrent_themes=False,
        panel_suggests_local_review=False,
    )
    assert assess_local_review(case, actions=none_met).outcome is S.DISCRETIONARY
    far = attrs.evolve(case, place=Place.ELSEWHERE_IN_ENGLAND, residence=Residence.WALES)
    assert assess_local_review(far).outcome is S.NOT_REQUIRED
    unclear = attrs.evolve(case, abuse_or_neglect=AbuseOrNeglect.NOT_YET_KNOWN)
    assert assess_local_review(unclear).outcome is S.UNDETERMINED
    with pytest.raises(RuleNotInForceError):
        assess_local_review(incident(incident_date=D(2018, 6, 1), aware_on=D(2018, 6, 28)))


def test_local_review_publication_and_advance_copy():
    case = incident(abuse_or_neglect=AbuseOrNeglect.KNOWN, seriously_harmed=True)
    actions = ReviewActions(
        notified_on=D(2024, 3, 6),
        rapid_review_completed_on=D(2024, 3, 20),
        review_decided_on=D(2024, 4, 2),
        reviews_commissioned={ReviewType.LOCAL_PRACTICE_REVIEW},
        report_sent_to_panel_on=D(2024, 9, 20),
        published_on=D(2024, 9, 30),
    )
    duty = assess_incident(case, partnership=AREA, actions=actions).duty(K.LOCAL_PRACTICE_REVIEW)
    assert duty.deadlines[0].due == D(2024, 10, 2)  # 6 months from the decision
    sent = duty.findings[-1]
    assert sent.met is False  # 20 Sept is 6 working days before 30 Sept
    assert sent.source.status is Verification.UNVERIFIED
    assert assess_advance_copy(D(2024, 9, 30), sent_on=D(2024, 9, 19)).findings[0].met is True
    assert assess_advance_copy(D(2024, 9, 30)).outcome == D(2024, 9, 19)
    assert publication_deadline(D(2023, 12, 15)).rule_key == "reviews.lcspr.publication_timescale"
    # Decided on but no date recorded: no publication deadline, the finding still shows.
    undated = attrs.evolve(actions, review_decided_on=None, published_on=None)
    duty = assess_incident(case, partnership=AREA, actions=undated).duty(K.LOCAL_PRACTICE_REVIEW)
    assert duty.deadlines == ()
    assert duty.findings[-1].met is True


def test_a_local_advance_copy_in_calendar_days():
    ten_days = Timescale(
        amount=10, unit=Unit.CALENDAR_DAYS, clock_starts="final report sent to the Panel"
    )
    procedures = local({"reviews.lcspr.advance_copy": ten_days})
    decision = assess_advance_copy(D(2024, 9, 30), sent_on=D(2024, 9, 21), procedures=procedures)
    assert decision.outcome == D(2024, 9, 20)
    (finding,) = decision.findings
    assert (finding.met, finding.source) == (False, LOCAL_DOC)
    assert finding.criterion == "report sent at least 10 calendar days before publication"


def test_timeliness_findings_with_actions():
    case = died(D(2024, 3, 4), 10)
    late = ReviewActions(
        notified_on=D(2024, 3, 12),
        partners_informed_on=D(2024, 3, 5),
        rapid_review_completed_on=D(2024, 3, 20),
    )
    decision = assess_incident(case, partnership=AREA, actions=late)
    notified = decision.duty(K.NOTIFY_PANEL).findings[-1]
    assert (notified.criterion, notified.met) == ("notification in time", False)
    assert decision.duty(K.INFORM_SAFEGUARDING_PARTNERS).findings[-1].met is True
    rapid = decision.duty(K.RAPID_REVIEW)
    assert rapid.deadlines[0].started == D(2024, 3, 12)  # WT2023: from the notification
    assert rapid.findings[-1].met is True
    nothing = assess_incident(case, partnership=AREA, actions=ReviewActions())
    assert nothing.duty(K.NOTIFY_PANEL).findings[-1].met is None


# --- Neighbouring reviews (DVCVA 2004 s9; Care Act 2014 s44; PCSCA 2022; CA 2004 s16M) ----


def test_dhr_needs_a_death_in_force_and_a_known_relationship():
    assert assess_domestic_homicide_review(incident()).outcome is S.NOT_REQUIRED
    early = died(D(2011, 4, 12), 17, perpetrator=Relationship.PARENT)
    assert assess_domestic_homicide_review(early).outcome is S.NOT_REQUIRED
    first = died(D(2011, 4, 13), 17, perpetrator=Relationship.PARENT)
    assert assess_domestic_homicide_review(first).outcome is S.REQUIRED
    unknown = died(D(2024, 3, 4), 17)
    assert assess_domestic_homicide_review(unknown).outcome is S.UNDETERMINED
    away = died(
        D(2024, 3, 4),
        17,
        perpetrator=Relationship.PARENT,
        place=Place.WALES,
        residence=Residence.WALES,
    )
    assert assess_domestic_homicide_review(away).outcome is S.NOT_REQUIRED


def test_sar_for_an_adult_at_death():
    harmed_at_17: dict[str, Any] = {
        "incident_date": D(2023, 1, 2),
        "aware_on": D(2023, 1, 2),
        "age_at_incident": 17,
        "death_date": D(2023, 6, 1),
        "age_at_death": 18,
        "abuse_or_neglect": AbuseOrNeglect.KNOWN,
    }
    required = Incident(
        place=Place.IN_AREA,
        residence=Residence.IN_AREA,
        care_and_support_needs=True,
        concern_about_joint_working=True,
        **harmed_at_17,
    )
    assert assess_safeguarding_adults_review(required).outcome is S.REQUIRED
    no_concern = attrs.evolve(required, concern_about_joint_working=False)
    assert assess_safeguarding_adults_review(no_concern).outcome is S.DISCRETIONARY
    no_needs = attrs.evolve(required, care_and_support_needs=False)
    assert assess_safeguarding_adults_review(no_needs).outcome is S.NOT_REQUIRED
    before = attrs.evolve(
        required,
        incident_date=D(2015, 3, 1),
        aware_on=D(2015, 3, 1),
        death_date=D(2015, 3, 31),
    )
    assert assess_safeguarding_adults_review(before).outcome is S.NOT_REQUIRED


def test_owhr_conditions():
    adult: dict[str, Any] = {
        "incident_date": D(2023, 6, 1),
        "aware_on": D(2023, 6, 1),
        "age_at_incident": 17,
        "death_date": D(2023, 7, 1),
        "age_at_death": 18,
        "abuse_or_neglect": AbuseOrNeglect.KNOWN,
        "suspected_homicide": True,
        "offensive_weapon": True,
    }
    stabbed = Incident(place=Place.IN_AREA, residence=Residence.IN_AREA, **adult)
    decide = assess_offensive_weapons_homicide_review
    assert decide(stabbed, pilot_area=True, excluded_by_other_review=False).outcome is (
        S.UNDETERMINED
    )
    assert decide(stabbed, pilot_area=True, excluded_by_other_review=True).outcome is (
        S.NOT_REQUIRED
    )
    after = attrs.evolve(stabbed, death_date=D(2024, 1, 1), age_at_death=18)
    assert decide(after, pilot_area=True, excluded_by_other_review=False).outcome is (
        S.NOT_REQUIRED
    )
    before = attrs.evolve(
        stabbed, incident_date=D(2023, 3, 1), aware_on=D(2023, 3, 1), death_date=D(2023, 3, 31)
    )
    assert decide(before, pilot_area=True, excluded_by_other_review=False).outcome is (
        S.NOT_REQUIRED
    )
    assert other_review_applies(S.UNDETERMINED, S.NOT_REQUIRED, S.DISCRETIONARY) is None
    assert other_review_applies(S.NOT_REQUIRED, S.DISCRETIONARY, S.NOT_REQUIRED) is False


def test_child_death_review_pointer():
    visitor = died(D(2024, 3, 4), 10, residence=Residence.ELSEWHERE_IN_ENGLAND)
    assert assess_child_death_review(visitor).outcome is S.DISCRETIONARY
    away = attrs.evolve(visitor, place=Place.ELSEWHERE_IN_ENGLAND)
    decision = assess_child_death_review(away)
    assert decision.outcome is S.NOT_REQUIRED
    assert "where the child normally lived" in decision.findings[-1].detail
    early = died(D(2008, 3, 31), 10)
    assert assess_child_death_review(early).outcome is S.NOT_REQUIRED
    # Before 29 June 2018 the LSCB had no power over non-resident deaths (reg 6).
    lscb = died(D(2018, 6, 1), 10, residence=Residence.ELSEWHERE_IN_ENGLAND)
    assert assess_child_death_review(lscb).outcome is S.NOT_REQUIRED


# --- Duties, decisions, measures ----------------------------------------------------------


def deadline() -> Deadline:
    return Deadline(
        due=D(2024, 1, 2),
        started=D(2024, 1, 1),
        timescale=Timescale(amount=1, unit=Unit.CALENDAR_DAYS, clock_starts="x"),
        source=SRC,
        rule_key="x.y",
    )


def test_duty_validation_and_views():
    finding = Finding(criterion="c", met=True, detail="d", source=SRC)
    duty = Duty(
        kind=K.RAPID_REVIEW,
        status=S.REQUIRED,
        responsible=Body.SAFEGUARDING_PARTNERS,
        findings=(finding,),
        deadlines=(deadline(),),
        rule_version="WT2023",
    )
    assert duty.applies
    assert duty.as_decision().outcome is S.REQUIRED
    assert "Due 2024-01-02" in duty.explain()
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(duty, status=S.NOT_REQUIRED)
    assert info.value.field == "deadlines"
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(duty, findings=())
    assert info.value.field == "findings"


def test_review_decision_validation_and_lookup():
    decision = assess_incident(died(D(2024, 3, 4), 10), partnership=AREA)
    with pytest.raises(InvalidInputError) as info:
        attrs.evolve(decision, duties=(*decision.duties, decision.duties[0]))
    assert info.value.field == "duties"
    partial = attrs.evolve(decision, duties=decision.duties[:2])
    with pytest.raises(InvalidInputError) as info:
        partial.duty(K.CHILD_DEATH_REVIEW)
    assert info.value.field == "kind"
    assert isinstance(decision, ReviewDecision)
    assert review_regime(died(D(2024, 3, 4), 10), partnership=AREA).outcome is (
        ReviewRegime.PRACTICE_REVIEW
    )
    with pytest.raises(InvalidInputError):
        review_regime("x", partnership=AREA)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        review_regime(incident(), partnership="x")  # type: ignore[arg-type]


def measures(**changes: Any) -> PanelPerformance:
    counts: dict[str, Any] = {
        "incidents_considered": 5,
        "notifications_required": 4,
        "notifications_made": 3,
        "notifications_in_time": 2,
        "rapid_reviews_required": 3,
        "rapid_reviews_completed": 2,
        "rapid_reviews_in_time": 1,
        "reviews_commissioned": ((ReviewType.SERIOUS_CASE_REVIEW, 1),),
    }
    counts.update(changes)
    return PanelPerformance(**counts)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"notifications_required": 6}, "notifications_required"),
        ({"notifications_made": 5}, "notifications_made"),
        ({"notifications_in_time": 4}, "notifications_in_time"),
        ({"rapid_reviews_required": 6}, "rapid_reviews_required"),
        ({"rapid_reviews_completed": 4}, "rapid_reviews_completed"),
        ({"rapid_reviews_in_time": 3}, "rapid_reviews_in_time"),
        ({"incidents_considered": -1}, "incidents_considered"),
        ({"reviews_commissioned": [(ReviewType.LEARNING_REVIEW, 1)]}, "reviews_commissioned"),
        ({"reviews_commissioned": ((ReviewType.LEARNING_REVIEW,),)}, "reviews_commissioned[0]"),
        ({"reviews_commissioned": (("learning review", 1),)}, "reviews_commissioned[0]"),
        ({"reviews_commissioned": ((ReviewType.LEARNING_REVIEW, 0),)}, "reviews_commissioned[0]"),
        (
            {"reviews_commissioned": ((ReviewType.LEARNING_REVIEW, True),)},
            "reviews_commissioned[0]",
        ),
        (
            {
                "reviews_commissioned": (
                    (ReviewType.LEARNING_REVIEW, 1),
                    (ReviewType.SERIOUS_CASE_REVIEW, 1),
                )
            },
            "reviews_commissioned[1]",
        ),
        ({"reviews_commissioned": ((ReviewType.LEARNING_REVIEW, 6),)}, "reviews_commissioned[0]"),
    ],
)
def test_panel_performance_rejects_impossible_counts(changes, field):
    with pytest.raises(InvalidInputError) as info:
        measures(**changes)
    assert info.value.field == field


def test_panel_performance_views():
    total = measures() + measures()
    assert total.incidents_considered == 10
    assert total.commissioned(ReviewType.SERIOUS_CASE_REVIEW) == 2
    assert total.commissioned(ReviewType.DOMESTIC_HOMICIDE_REVIEW) == 0
    assert measures().__add__(3) is NotImplemented


def test_panel_performance_is_a_view_of_its_tally():
    tally = measures().to_tally()
    assert tally.count("case_reviews.notifications_made") == Count(numerator=3, denominator=4)
    assert tally.count("case_reviews.notifications_in_time") == Count(numerator=2, denominator=3)
    assert tally.count("case_reviews.commissioned.serious_case_review") == Count(numerator=1)
    assert tally.count("case_reviews.commissioned.learning_review") == Count()
    assert PanelPerformance.from_tally(tally) == measures()
    # The notifications made are the numerator of one share and the denominator of the next.
    made = dict(tally.counts)
    made["case_reviews.notifications_in_time"] = Count(numerator=2, denominator=4)
    # A review type commissioned for more cases than were considered.
    many = dict(tally.counts)
    many["case_reviews.commissioned.thematic_review"] = Count(numerator=6)
    for bad in (Tally(counts=made), Tally(counts=many), "tally"):
        with pytest.raises(InvalidInputError) as info:
            PanelPerformance.from_tally(bad)  # type: ignore[arg-type]
        assert info.value.field == "tally"
    with pytest.raises(InvalidInputError) as info:
        case_review_values("tally", period=Period.financial_year(2023))  # type: ignore[arg-type]
    assert info.value.field == "tally"


def test_panel_performance_ignores_steps_after_the_day_asked_about():
    case = ReviewCase(
        incident=died(D(2024, 3, 4), 10),
        actions=ReviewActions(
            notified_on=D(2024, 3, 5),
            rapid_review_completed_on=D(2024, 3, 29),
            review_decided_on=D(2024, 4, 2),
            reviews_commissioned={ReviewType.LOCAL_PRACTICE_REVIEW},
        ),
    )
    early = panel_performance([case], partnership=AREA, on=D(2024, 3, 10))
    assert (early.notifications_made, early.rapid_reviews_completed) == (1, 0)
    assert early.reviews_commissioned == ()
    later = panel_performance([case], partnership=AREA, on=D(2024, 4, 30))
    assert (later.rapid_reviews_completed, later.rapid_reviews_in_time) == (1, 0)
    assert later.commissioned(ReviewType.LOCAL_PRACTICE_REVIEW) == 1


def test_place_helpers():
    assert Place.WALES.in_england_or_wales
    assert not Place.WALES.in_england
    assert not Place.ELSEWHERE_IN_UK.in_england_or_wales
    assert Setting.SECURE_CHILDRENS_HOME.is_regulated
    assert not Setting.YOUNG_OFFENDER_INSTITUTION.is_regulated


def test_a_date_of_death_never_shows_in_a_repr():
    died = incident(death_date=D(2024, 3, 9), age_at_death=10)
    for text in (repr(died), repr(ReviewCase(incident=died)), str(died)):
        assert "2024, 3, 9" not in text
        assert "death_date=<hidden>" in text
    assert "death_date=None" in repr(incident())
