import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding.calendar import LAST_COVERED
from safeguarding.cases import (
    Assessment,
    CategoryOfAbuse,
    ChildProtectionPlan,
    CINPlan,
    Episode,
    LookedAfterPeriod,
    ReasonForClosure,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguarding.decisions import Deadline, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.procedures import Procedures
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._cases import EARLIEST_REFERRAL, episodes, inconsistent_episodes
from safeguarding.strategies._core import calendar_dates
from safeguarding.strategies._thresholds import (
    STRATEGIES,
    journey_reports,
    journey_steps,
    threshold_procedures,
)
from safeguarding.thresholds.journey import (
    JourneyReport,
    JourneyStep,
    StepKind,
    StepStatus,
    check_journey,
    summarise_journey,
)
from safeguarding.thresholds.timescales import (
    IcpcAnchor,
    assessment_deadline,
)

D = dt.date


def anchored(anchor: IcpcAnchor) -> Procedures:
    """Procedures that choose *anchor* for the initial conference clock, from 2000."""
    return Procedures.adopt(
        "Local child protection procedures",
        {"thresholds.initial_conference_anchor": anchor},
        in_force_from=dt.date(2000, 1, 1),
    )


# Strategy round trips re-test the strategies, not the rules: at most 100 examples.
CAPPED = settings(max_examples=min(settings().max_examples, 100))
K = StepKind
S = StepStatus


def summary(report: JourneyReport) -> list[tuple[str, int, int, str | None, str]]:
    return [
        (
            step.kind.name,
            step.subject,
            step.number,
            None if step.due is None else step.due.isoformat(),
            step.status.name,
        )
        for step in report.steps
    ]


def criteria(report: JourneyReport) -> list[str]:
    return [finding.criterion for finding in report.inconsistencies]


# --------------------------------------------------------------------------- golden journeys
# Due dates counted by hand on the England and Wales calendar (day 0 = clock start) and
# checked against numpy.busday_offset; timescales and their sources as in the docstring of
# test_thresholds_timescales.py (Working Together, secondary; SI 2010/959 reg 33).

ON_TIME = Episode(
    referral_date=D(2024, 3, 4),
    referral_decision_date=D(2024, 3, 4),
    referral_nfa=False,
    assessments=(Assessment(start_date=D(2024, 3, 5), authorisation_date=D(2024, 4, 12)),),
    section47_enquiries=(
        Section47Enquiry(
            start_date=D(2024, 3, 11),
            strategy_discussions=(
                StrategyDiscussion(discussion_date=D(2024, 3, 11), initiated_s47=True),
            ),
            initial_cpc_date=D(2024, 3, 28),
        ),
    ),
    child_protection_plans=(
        ChildProtectionPlan(
            start_date=D(2024, 3, 28),
            end_date=D(2024, 12, 10),
            initial_category=CategoryOfAbuse.NEGLECT,
            previous_plans=0,
            review_dates=(D(2024, 6, 20), D(2024, 12, 10)),
            core_group_dates=(D(2024, 4, 10), D(2024, 5, 8)),
        ),
    ),
    looked_after_periods=(
        LookedAfterPeriod(
            start_date=D(2024, 12, 16),
            end_date=D(2025, 5, 1),
            review_dates=(D(2025, 1, 14), D(2025, 4, 1)),
        ),
    ),
    closure_date=D(2025, 5, 2),
    reason_for_closure=ReasonForClosure.SERVICES_CEASED,
)


def test_a_journey_with_every_step_on_time():
    report = check_journey(ON_TIME, on=D(2025, 6, 30))
    assert summary(report) == [
        # Referral on Mon 4 Mar 2024: decision due the next working day.
        ("REFERRAL_DECISION", 1, 1, "2024-03-05", "ON_TIME"),
        # 45 working days across Easter 2024 (29 Mar, 1 Apr) and 6 May.
        ("ASSESSMENT", 1, 1, "2024-05-09", "ON_TIME"),
        # 15 working days from the initiating discussion on 11 Mar, across Easter.
        ("INITIAL_CONFERENCE", 1, 1, "2024-04-03", "ON_TIME"),
        # 10 working days from the ICPC on Thu 28 Mar 2024, across Easter.
        ("FIRST_CORE_GROUP", 1, 1, "2024-04-15", "ON_TIME"),
        # 3 months from 28 Mar; then 6 months from the review held on 20 Jun. The plan ended
        # at the second review, so no third review is listed.
        ("REVIEW_CONFERENCE", 1, 1, "2024-06-28", "ON_TIME"),
        ("REVIEW_CONFERENCE", 1, 2, "2024-12-20", "ON_TIME"),
        # Row W47 of tests/data/indicator_reference_values.md: looked after from 16 Dec 2024,
        # first review due 16 Jan 2025; second 3 months after the first review held (14 Jan);
        # the period ended before a third.
        ("LOOKED_AFTER_REVIEW", 1, 1, "2025-01-16", "ON_TIME"),
        ("LOOKED_AFTER_REVIEW", 1, 2, "2025-04-14", "ON_TIME"),
    ]
    assert report.is_consistent
    assert report.late == ()
    assert report.overdue == ()
    assert report.procedures == "national defaults"


LATE = Episode(
    referral_date=D(2024, 1, 8),
    referral_decision_date=D(2024, 1, 8),
    assessments=(Assessment(start_date=D(2024, 1, 9), authorisation_date=D(2024, 2, 20)),),
    section47_enquiries=(
        Section47Enquiry(
            start_date=D(2024, 1, 15),
            strategy_discussions=(
                StrategyDiscussion(discussion_date=D(2024, 1, 15), initiated_s47=True),
            ),
            initial_cpc_date=D(2024, 2, 12),
        ),
    ),
    child_protection_plans=(
        ChildProtectionPlan(
            start_date=D(2024, 2, 12),
            review_dates=(D(2024, 5, 9),),
            core_group_dates=(D(2024, 2, 20),),
        ),
    ),
)


def test_a_journey_with_a_late_conference_and_an_overdue_review():
    report = check_journey(LATE, on=D(2024, 12, 2))
    assert summary(report) == [
        ("REFERRAL_DECISION", 1, 1, "2024-01-09", "ON_TIME"),
        ("ASSESSMENT", 1, 1, "2024-03-11", "ON_TIME"),
        # 15 working days from Mon 15 Jan 2024: due Mon 5 Feb; held 12 Feb, 7 days late.
        ("INITIAL_CONFERENCE", 1, 1, "2024-02-05", "LATE"),
        ("FIRST_CORE_GROUP", 1, 1, "2024-02-26", "ON_TIME"),
        # 3 calendar months from 12 Feb (a Sunday is still the due day): held 9 May.
        ("REVIEW_CONFERENCE", 1, 1, "2024-05-12", "ON_TIME"),
        # 6 months from the review on 9 May: due 9 Nov, none held by 2 Dec.
        ("REVIEW_CONFERENCE", 1, 2, "2024-11-09", "OVERDUE"),
    ]
    late, overdue = report.late[0], report.overdue[0]
    assert late.completed == D(2024, 2, 12)
    assert late.reason == "done on 2024-02-12, 7 day(s) after the due date"
    assert overdue.reason == "not done; 23 day(s) past the due date"
    assert "initiated" in late.deadline.timescale.clock_starts  # type: ignore[union-attr]
    assert report.is_consistent
    # The same journey before the second review fell due: not yet due.
    earlier = check_journey(LATE, on=D(2024, 11, 9))
    assert earlier.steps[-1].status is S.NOT_YET_DUE
    assert earlier.steps[-1].reason == "not done yet; due today"


def test_a_conference_before_its_s47_start_is_reported_not_crashed():
    # DfE CIN census validation rule 8615 (as implemented by data-to-insight/csc-validator-be-cin,
    # cin_validator/rules/cin2022_23/rule_8615.py): S47 start must be on or before the ICPC.
    episode = Episode(
        referral_date=D(2024, 3, 1),
        section47_enquiries=(
            Section47Enquiry(start_date=D(2024, 3, 20), initial_cpc_date=D(2024, 3, 15)),
        ),
        child_protection_plans=(ChildProtectionPlan(start_date=D(2024, 3, 15)),),
    )
    report = check_journey(episode, on=D(2024, 4, 2))
    assert criteria(report) == [
        "s47 enquiry starts on or before its initial conference (DfE rule 8615)"
    ]
    conference = report.steps[2]
    assert conference.kind is K.INITIAL_CONFERENCE
    assert conference.status is S.UNKNOWN
    assert conference.reason.startswith("recorded on 2024-03-15, before its clock started")
    assert report.inconsistencies[0].source.provision.startswith("rule 8615")
    # With the initiating discussion recorded, the clock can be read: the conference is on time.
    discussed = attrs.evolve(
        episode.section47_enquiries[0],
        strategy_discussions=(
            StrategyDiscussion(discussion_date=D(2024, 3, 12), initiated_s47=True),
        ),
    )
    report = check_journey(
        attrs.evolve(episode, section47_enquiries=(discussed,)), on=D(2024, 4, 2)
    )
    assert report.steps[2].status is S.ON_TIME
    assert len(report.inconsistencies) == 1


def test_icpc_anchor_override_changes_the_due_date():
    # Discussions on 4 Dec (initiating) and 19 Dec 2024; conference on 10 Jan 2025.
    episode = Episode(
        referral_date=D(2024, 12, 3),
        referral_decision_date=D(2024, 12, 3),
        section47_enquiries=(
            Section47Enquiry(
                start_date=D(2024, 12, 4),
                strategy_discussions=(
                    StrategyDiscussion(discussion_date=D(2024, 12, 4), initiated_s47=True),
                    StrategyDiscussion(discussion_date=D(2024, 12, 19)),
                ),
                initial_cpc_date=D(2025, 1, 10),
            ),
        ),
    )
    national = check_journey(episode, on=D(2025, 2, 1)).steps[2]
    last = check_journey(episode, on=D(2025, 2, 1), procedures=anchored(IcpcAnchor.LAST)).steps[2]
    assert (national.due, national.status) == (D(2024, 12, 27), S.LATE)
    assert (last.due, last.status) == (D(2025, 1, 14), S.ON_TIME)


# --------------------------------------------------------------------------- step rules


def step(report: JourneyReport, kind: StepKind, subject: int = 1, number: int = 1):
    return next(s for s in report.steps if (s.kind, s.subject, s.number) == (kind, subject, number))


def test_referral_decision_without_a_recorded_date():
    base = Episode(referral_date=D(2024, 3, 4))
    # Nothing recorded yet: not yet due on the day, overdue after.
    assert step(check_journey(base, on=D(2024, 3, 5)), K.REFERRAL_DECISION).status is S.NOT_YET_DUE
    assert step(check_journey(base, on=D(2024, 3, 6)), K.REFERRAL_DECISION).status is S.OVERDUE
    # An assessment starting by the due date shows the decision was made in time.
    quick = attrs.evolve(base, assessments=(Assessment(start_date=D(2024, 3, 5)),))
    decided = step(check_journey(quick, on=D(2024, 4, 1)), K.REFERRAL_DECISION)
    assert decided.status is S.ON_TIME
    assert decided.completed == D(2024, 3, 5)
    assert "assessment starting" in decided.reason
    # A first action after the due date cannot tell when the decision was made.
    slow = attrs.evolve(base, section47_enquiries=(Section47Enquiry(start_date=D(2024, 3, 8)),))
    unknown = step(check_journey(slow, on=D(2024, 4, 1)), K.REFERRAL_DECISION)
    assert unknown.status is S.UNKNOWN
    assert unknown.completed is None
    # Closure counts as the decision (a referral closed with no further action).
    closed = Episode(referral_date=D(2024, 3, 4), referral_nfa=True, closure_date=D(2024, 3, 4))
    report = check_journey(closed, on=D(2024, 4, 1))
    assert [s.kind for s in report.steps] == [K.REFERRAL_DECISION]
    assert report.steps[0].status is S.ON_TIME


def test_assessment_step():
    base = Episode(referral_date=D(2024, 3, 25), referral_decision_date=D(2024, 3, 25))
    # Open assessment, then the episode closed before the due date: no longer needed.
    early = attrs.evolve(base, closure_date=D(2024, 4, 2))
    assert [s.kind for s in check_journey(early, on=D(2024, 7, 1)).steps] == [K.REFERRAL_DECISION]
    # Closed after the due date without an assessment: overdue for good.
    late = attrs.evolve(base, closure_date=D(2024, 6, 3))
    missed = step(check_journey(late, on=D(2024, 7, 1)), K.ASSESSMENT)
    assert missed.status is S.OVERDUE
    assert missed.reason == "not done before the episode ended on 2024-06-03"
    # The first assessment by start date counts; an authorisation after `on` is not known yet.
    two = attrs.evolve(
        base,
        assessments=(
            Assessment(start_date=D(2024, 6, 10), authorisation_date=D(2024, 6, 20)),
            Assessment(start_date=D(2024, 3, 26), authorisation_date=D(2024, 5, 30)),
        ),
    )
    assert step(check_journey(two, on=D(2024, 5, 29)), K.ASSESSMENT).status is S.NOT_YET_DUE
    assert step(check_journey(two, on=D(2024, 7, 1)), K.ASSESSMENT).completed == D(2024, 5, 30)


def test_conference_steps_follow_the_enquiry():
    base = Episode(referral_date=D(2024, 3, 4), referral_decision_date=D(2024, 3, 4))
    not_required = attrs.evolve(
        base,
        section47_enquiries=(Section47Enquiry(start_date=D(2024, 3, 5), icpc_not_required=True),),
    )
    assert K.INITIAL_CONFERENCE not in {
        s.kind for s in check_journey(not_required, on=D(2024, 5, 1)).steps
    }
    # An enquiry planned after `on`, with no discussion yet: not listed.
    future = attrs.evolve(base, section47_enquiries=(Section47Enquiry(start_date=D(2024, 6, 1)),))
    assert K.INITIAL_CONFERENCE not in {
        s.kind for s in check_journey(future, on=D(2024, 5, 1)).steps
    }
    # ... but a discussion already held starts the clock.
    discussed = attrs.evolve(
        base,
        section47_enquiries=(
            Section47Enquiry(
                start_date=D(2024, 6, 1),
                strategy_discussions=(StrategyDiscussion(discussion_date=D(2024, 4, 1)),),
            ),
        ),
    )
    assert (
        step(check_journey(discussed, on=D(2024, 5, 1)), K.INITIAL_CONFERENCE).status is S.OVERDUE
    )
    # The episode closed before the conference fell due: no longer needed.
    closed = attrs.evolve(
        base,
        closure_date=D(2024, 3, 8),
        section47_enquiries=(Section47Enquiry(start_date=D(2024, 3, 5)),),
    )
    assert K.INITIAL_CONFERENCE not in {
        s.kind for s in check_journey(closed, on=D(2024, 5, 1)).steps
    }


def test_plan_steps_core_groups_and_reviews():
    plan = ChildProtectionPlan(start_date=D(2024, 3, 28))
    episode = Episode(
        referral_date=D(2024, 3, 1),
        referral_decision_date=D(2024, 3, 1),
        section47_enquiries=(
            Section47Enquiry(start_date=D(2024, 3, 11), initial_cpc_date=D(2024, 3, 28)),
        ),
        child_protection_plans=(plan,),
    )
    # Core groups not recorded (the census has none): unknown.
    report = check_journey(episode, on=D(2024, 5, 1))
    assert step(report, K.FIRST_CORE_GROUP).status is S.UNKNOWN
    assert step(report, K.REVIEW_CONFERENCE).status is S.NOT_YET_DUE
    # Recorded as none held: overdue after 15 Apr 2024.
    none_held = attrs.evolve(plan, core_group_dates=())
    report = check_journey(
        attrs.evolve(episode, child_protection_plans=(none_held,)), on=D(2024, 5, 1)
    )
    assert step(report, K.FIRST_CORE_GROUP).status is S.OVERDUE
    # A plan ended before the review fell due drops the review; one ended later keeps it overdue.
    short = attrs.evolve(plan, end_date=D(2024, 5, 1), core_group_dates=(D(2024, 4, 2),))
    report = check_journey(attrs.evolve(episode, child_protection_plans=(short,)), on=D(2024, 9, 1))
    assert K.REVIEW_CONFERENCE not in {s.kind for s in report.steps}
    long = attrs.evolve(plan, end_date=D(2024, 8, 1))
    missed = step(
        check_journey(attrs.evolve(episode, child_protection_plans=(long,)), on=D(2024, 9, 1)),
        K.REVIEW_CONFERENCE,
    )
    assert (missed.status, missed.reason) == (
        S.OVERDUE,
        "not done before the plan ended on 2024-08-01",
    )
    # An end recorded after `on` is not known yet: the review is simply overdue.
    pending = step(
        check_journey(attrs.evolve(episode, child_protection_plans=(long,)), on=D(2024, 7, 1)),
        K.REVIEW_CONFERENCE,
    )
    assert (pending.status, pending.reason) == (S.OVERDUE, "not done; 3 day(s) past the due date")
    # A plan starting after `on` is not listed; nor is anything before the referral.
    assert check_journey(episode, on=D(2024, 3, 20)).steps[-1].kind is K.INITIAL_CONFERENCE
    assert check_journey(episode, on=D(2024, 2, 1)).steps == ()


def test_looked_after_reviews_chain_from_the_reviews_held():
    period = LookedAfterPeriod(
        start_date=D(2024, 12, 16),
        review_dates=(D(2025, 1, 20), D(2025, 5, 1), D(2025, 10, 1)),
    )
    episode = Episode(
        referral_date=D(2024, 12, 1),
        referral_decision_date=D(2024, 12, 2),
        referral_nfa=True,
        looked_after_periods=(period,),
    )
    reviews = [
        s for s in check_journey(episode, on=D(2026, 1, 1)).steps if s.kind is K.LOOKED_AFTER_REVIEW
    ]
    assert [(s.due, s.status) for s in reviews] == [
        (D(2025, 1, 16), S.LATE),  # 20 working days (row W47)
        (D(2025, 4, 20), S.LATE),  # 3 months after the first review held
        (D(2025, 11, 1), S.ON_TIME),  # 6 months after the second
        (D(2026, 4, 1), S.NOT_YET_DUE),
    ]
    ended = attrs.evolve(period, end_date=D(2025, 10, 2))
    after_end = check_journey(
        attrs.evolve(episode, looked_after_periods=(ended,)), on=D(2026, 6, 1)
    )
    assert [s.number for s in after_end.steps if s.kind is K.LOOKED_AFTER_REVIEW] == [1, 2, 3]


def test_dates_no_rule_or_calendar_covers_give_unknown_steps():
    # Before Working Together 2013 (a record keyed in with the wrong year).
    old = Episode(
        referral_date=D(2012, 5, 1),
        section47_enquiries=(
            Section47Enquiry(
                start_date=D(2012, 5, 2),
                strategy_discussions=(StrategyDiscussion(discussion_date=D(2012, 5, 2)),),
            ),
        ),
        child_protection_plans=(
            ChildProtectionPlan(start_date=D(2012, 5, 20), review_dates=(D(2012, 8, 1),)),
        ),
        looked_after_periods=(LookedAfterPeriod(start_date=D(2011, 1, 3)),),
    )
    report = check_journey(old, on=D(2013, 1, 1))
    assert {s.status for s in report.steps} == {S.UNKNOWN}
    assert all(s.deadline is None for s in report.steps)
    assert "not in force" in report.steps[0].reason
    # With a local anchor the anchor rule is not needed, but the timescale still is.
    local = anchored(IcpcAnchor.FIRST)
    assert (
        step(check_journey(old, on=D(2013, 1, 1), procedures=local), K.INITIAL_CONFERENCE).deadline
        is None
    )
    # Past the end of the working-day calendar.
    late = Episode(referral_date=D(2030, 12, 20))
    report = check_journey(late, on=D(2030, 12, 31))
    assert step(report, K.ASSESSMENT).status is S.UNKNOWN
    assert "coverage" in step(report, K.ASSESSMENT).reason


@pytest.mark.parametrize("check", [check_journey, summarise_journey])
def test_bad_arguments(check):
    with pytest.raises(InvalidInputError) as caught:
        check(ON_TIME, on=dt.datetime(2025, 1, 1))
    assert caught.value.field == "on"
    with pytest.raises(InvalidInputError) as caught:
        check("episode", on=D(2025, 1, 1))
    assert caught.value.field == "episode"
    with pytest.raises(InvalidInputError) as caught:
        check(ON_TIME, on=D(2025, 1, 1), procedures="local")
    assert caught.value.field == "procedures"


def test_summary_of_steps_no_rule_covers():
    # The unknown steps (no rule in force, past the calendar) are summarised too.
    steps, inconsistencies = summarise_journey(
        Episode(referral_date=D(2012, 5, 1)), on=D(2013, 1, 1)
    )
    assert steps == [(K.REFERRAL_DECISION, S.UNKNOWN, None), (K.ASSESSMENT, S.UNKNOWN, None)]
    assert inconsistencies == 0


# --------------------------------------------------------------------------- inconsistencies


def rule_numbers(episode: Episode) -> set[str]:
    report = check_journey(episode, on=D(2026, 1, 1))
    return {f.criterion.rsplit("rule ", 1)[-1].rstrip(")") for f in report.inconsistencies}


R = D(2024, 3, 1)


@pytest.mark.parametrize(
    ("episode", "numbers"),
    [
        # Rule numbers and wording: DfE CIN census validation rules (as restated by Bristol's
        # script and by data-to-insight/csc-validator-be-cin, cin_validator/rules/).
        (Episode(referral_date=R, assessments=(Assessment(start_date=D(2024, 2, 1)),)), {"1103"}),
        (
            Episode(
                referral_date=R,
                section47_enquiries=(
                    Section47Enquiry(start_date=D(2024, 2, 1), initial_cpc_date=D(2024, 2, 20)),
                ),
                child_protection_plans=(ChildProtectionPlan(start_date=D(2024, 2, 20)),),
                cin_plans=(CINPlan(start_date=D(2024, 2, 2)),),
            ),
            {"2889", "1104", "1105", "4015"},
        ),
        (
            Episode(
                referral_date=R,
                initial_cpc_date=D(2024, 3, 20),
                section47_enquiries=(
                    Section47Enquiry(start_date=D(2024, 3, 5), initial_cpc_date=D(2024, 3, 20)),
                ),
            ),
            {"2884"},
        ),
        (
            Episode(
                referral_date=R,
                child_protection_plans=(
                    ChildProtectionPlan(start_date=D(2024, 3, 5), end_date=D(2024, 3, 5)),
                    ChildProtectionPlan(start_date=D(2024, 4, 1), review_dates=(D(2024, 4, 1),)),
                ),
            ),
            {"2885", "8840", "8841"},
        ),
        (
            Episode(
                referral_date=R,
                initial_cpc_date=D(2024, 3, 5),
                child_protection_plans=(
                    ChildProtectionPlan(start_date=D(2024, 3, 5)),
                    ChildProtectionPlan(start_date=D(2024, 3, 5)),
                ),
            ),
            {"8935"},
        ),
        (
            Episode(
                referral_date=R,
                initial_cpc_date=D(2024, 3, 5),
                child_protection_plans=(
                    ChildProtectionPlan(start_date=D(2024, 3, 5), end_date=D(2024, 9, 5)),
                    ChildProtectionPlan(start_date=D(2024, 9, 5)),
                ),
            ),
            {"8940", "2885"},
        ),
        (
            Episode(
                referral_date=R,
                closure_date=D(2024, 4, 1),
                assessments=(Assessment(start_date=D(2024, 3, 2)),),
                section47_enquiries=(Section47Enquiry(start_date=D(2024, 3, 4)),),
            ),
            {"8867", "8868"},
        ),
        (
            Episode(
                referral_date=R,
                closure_date=D(2024, 4, 1),
                initial_cpc_date=D(2024, 4, 3),
                cin_plans=(CINPlan(start_date=D(2024, 3, 2), end_date=D(2024, 4, 5)),),
                child_protection_plans=(
                    ChildProtectionPlan(start_date=D(2024, 4, 3), end_date=D(2024, 6, 1)),
                ),
            ),
            {"8565"},
        ),
        (
            Episode(
                referral_date=R,
                referral_nfa=True,
                assessments=(Assessment(start_date=R, authorisation_date=R),),
                cin_plans=(CINPlan(start_date=R),),
                initial_cpc_date=R,
                child_protection_plans=(ChildProtectionPlan(start_date=R, end_date=D(2024, 4, 1)),),
            ),
            {"8831", "8832", "4000"},
        ),
        (
            Episode(
                referral_date=R,
                assessments=(
                    Assessment(start_date=D(2024, 3, 2)),
                    Assessment(start_date=D(2024, 3, 9)),
                ),
                section47_enquiries=(
                    Section47Enquiry(start_date=D(2024, 3, 3), initial_cpc_date=D(2024, 3, 20)),
                    Section47Enquiry(start_date=D(2024, 3, 10)),
                ),
            ),
            {"8863", "8890"},
        ),
        (
            Episode(
                referral_date=R,
                assessments=(
                    Assessment(start_date=D(2024, 3, 2), authorisation_date=D(2024, 3, 20)),
                    Assessment(start_date=D(2024, 3, 9), authorisation_date=D(2024, 3, 30)),
                ),
                section47_enquiries=(
                    Section47Enquiry(start_date=D(2024, 3, 3)),
                    Section47Enquiry(start_date=D(2024, 3, 10), icpc_not_required=True),
                ),
            ),
            {"8863", "8890"},
        ),
    ],
)
def test_each_validation_rule_is_reported(episode, numbers):
    assert rule_numbers(episode) == numbers


def test_enquiries_and_assessments_that_follow_each_other_are_fine():
    episode = Episode(
        referral_date=R,
        assessments=(
            Assessment(start_date=D(2024, 3, 2), authorisation_date=D(2024, 3, 20)),
            Assessment(start_date=D(2024, 3, 20)),
        ),
        section47_enquiries=(
            Section47Enquiry(start_date=D(2024, 3, 3), icpc_not_required=True),
            Section47Enquiry(start_date=D(2024, 3, 10), initial_cpc_date=D(2024, 3, 25)),
            Section47Enquiry(start_date=D(2024, 3, 25)),
        ),
    )
    assert rule_numbers(episode) == set()


def test_checks_beyond_the_census_cite_their_own_sources():
    episode = Episode(
        referral_date=R,
        section47_enquiries=(
            Section47Enquiry(
                start_date=D(2024, 3, 4),
                strategy_discussions=(
                    StrategyDiscussion(discussion_date=D(2024, 3, 6), initiated_s47=True),
                ),
            ),
        ),
        looked_after_periods=(
            LookedAfterPeriod(start_date=D(2024, 3, 10), review_dates=(D(2024, 3, 9),)),
        ),
    )
    report = check_journey(episode, on=D(2024, 6, 1))
    sources = [f.source.instrument for f in report.inconsistencies]
    assert sources == [
        "Working Together to Safeguard Children 2018",
        "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
    ]
    assert all(f.met is False for f in report.inconsistencies)
    assert "Inconsistencies:" in report.explain()


# --------------------------------------------------------------------------- models


DEADLINE = assessment_deadline(D(2024, 3, 25))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"status": S.ON_TIME, "deadline": None, "completed": D(2024, 4, 1)}, "deadline"),
        ({"status": S.ON_TIME, "completed": None}, "completed"),
        ({"status": S.ON_TIME, "completed": D(2024, 6, 3)}, "status"),
        ({"status": S.LATE, "completed": D(2024, 4, 1)}, "status"),
        ({"status": S.OVERDUE, "completed": D(2024, 4, 1)}, "completed"),
        ({"status": S.OVERDUE, "deadline": "soon"}, "deadline"),
        ({"subject": 0}, "subject"),
        ({"kind": "assessment"}, "kind"),
    ],
)
def test_journey_step_status_must_agree_with_its_dates(kwargs, field):
    base = {
        "kind": K.ASSESSMENT,
        "deadline": DEADLINE,
        "completed": None,
        "status": S.OVERDUE,
        "reason": "r",
    }
    with pytest.raises(InvalidInputError) as caught:
        JourneyStep(**{**base, **kwargs})
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("step", "on"),
    [
        (
            JourneyStep(
                kind=K.ASSESSMENT,
                deadline=DEADLINE,
                completed=D(2024, 4, 1),
                status=S.ON_TIME,
                reason="r",
            ),
            D(2024, 3, 31),
        ),
        (
            JourneyStep(
                kind=K.ASSESSMENT, deadline=DEADLINE, completed=None, status=S.OVERDUE, reason="r"
            ),
            D(2024, 5, 31),
        ),
        (
            JourneyStep(
                kind=K.ASSESSMENT,
                deadline=DEADLINE,
                completed=None,
                status=S.NOT_YET_DUE,
                reason="r",
            ),
            D(2024, 6, 1),
        ),
    ],
)
def test_journey_report_checks_steps_against_its_day(step, on):
    with pytest.raises(InvalidInputError) as caught:
        JourneyReport(on=on, procedures="p", steps=(step,), inconsistencies=())
    assert caught.value.field == "steps[0]"


def test_explain_lists_steps_and_numbers_reviews():
    text = check_journey(LATE, on=D(2024, 12, 2)).explain()
    assert text.splitlines()[0] == "Journey as at 2024-12-02 (national defaults):"
    assert "- child protection review conference 2 [1]: overdue (due 2024-11-09)" in text
    unknown = JourneyStep(
        kind=K.ASSESSMENT, deadline=None, completed=None, status=S.UNKNOWN, reason="r"
    )
    assert unknown.explain() == "assessment: unknown - r"
    assert (
        JourneyStep(
            kind=K.ASSESSMENT,
            subject=2,
            deadline=None,
            completed=None,
            status=S.UNKNOWN,
            reason="r",
        ).explain()
        == "assessment [2]: unknown - r"
    )


def test_report_round_trips_through_json():
    report = check_journey(LATE, on=D(2024, 12, 2))
    assert from_json(to_json(report), JourneyReport) == report


# --------------------------------------------------------------------------- properties

ONS = calendar_dates(EARLIEST_REFERRAL, LAST_COVERED - dt.timedelta(days=180))


def assert_statuses_agree_with_dates(report: JourneyReport) -> None:
    for s in report.steps:
        if s.deadline is not None:
            assert s.deadline.due >= s.deadline.started  # every due date on or after its trigger
        if s.status is S.ON_TIME:
            assert s.completed is not None
            assert s.due is not None
            assert s.completed <= s.due
            assert s.completed <= report.on
        elif s.status is S.LATE:
            assert s.completed is not None
            assert s.due is not None
            assert s.due < s.completed <= report.on
        elif s.status is S.OVERDUE:
            assert s.completed is None
            assert s.due is not None
            assert s.due < report.on
        elif s.status is S.NOT_YET_DUE:
            assert s.completed is None
            assert s.due is not None
            assert s.due >= report.on


@given(episode=episodes(), on=ONS, procedures=threshold_procedures())
def test_valid_episodes_are_consistent_and_statuses_agree_with_dates(episode, on, procedures):
    report = check_journey(episode, on=on, procedures=procedures)
    assert report.inconsistencies == ()
    assert_statuses_agree_with_dates(report)
    for s in report.steps:
        if s.deadline is not None and s.kind is K.REFERRAL_DECISION:
            assert s.deadline.started == episode.referral_date
        if s.kind is K.REVIEW_CONFERENCE and s.number == 1 and s.deadline is not None:
            assert s.deadline.started == episode.child_protection_plans[s.subject - 1].start_date


@given(episode=inconsistent_episodes(), on=ONS)
def test_inconsistent_episodes_are_reported_never_raised(episode, on):
    report = check_journey(episode, on=on)
    assert report.inconsistencies
    assert all(isinstance(f, Finding) and f.met is False for f in report.inconsistencies)
    assert_statuses_agree_with_dates(report)


@given(
    episode=st.one_of(episodes(), inconsistent_episodes()),
    on=ONS,
    procedures=threshold_procedures(),
)
def test_the_summary_is_the_report_without_its_reasons(episode, on, procedures):
    # Invariant: summarise_journey gives check_journey's steps (kind, status, due, in order)
    # and the number of its inconsistencies, for valid and inconsistent records alike.
    report = check_journey(episode, on=on, procedures=procedures)
    steps, inconsistencies = summarise_journey(episode, on=on, procedures=procedures)
    assert steps == [(s.kind, s.status, s.due) for s in report.steps]
    assert inconsistencies == len(report.inconsistencies)


@given(
    episode=st.one_of(episodes(), inconsistent_episodes()),
    first=ONS,
    later=st.integers(min_value=0, max_value=2000),
)
def test_moving_on_forward_never_turns_late_into_on_time(episode, first, later):
    second = min(first + dt.timedelta(days=later), LAST_COVERED)
    before = check_journey(episode, on=first)
    after = {(s.kind, s.subject, s.number): s for s in check_journey(episode, on=second).steps}
    for s in before.steps:
        if s.status is S.LATE:
            assert after[s.kind, s.subject, s.number].status is S.LATE
        if s.status in (S.ON_TIME, S.LATE) and s.kind is not K.REFERRAL_DECISION:
            # (An unrecorded referral decision, inferred from the first action, may later be
            # replaced by the recorded date: the only completion that can move.)
            assert after[s.kind, s.subject, s.number].completed == s.completed


@CAPPED
@given(report=journey_reports())
def test_reports_round_trip(report):
    assert from_json(to_json(report), JourneyReport) == report


@CAPPED
@given(step=journey_steps())
def test_steps_round_trip(step):
    assert from_json(to_json(step), JourneyStep) == step
    assert attrs.evolve(step) == step


def test_strategies_cover_every_threshold_model():
    assert {JourneyReport, JourneyStep} <= set(STRATEGIES)


def test_deadline_is_a_plain_deadline():
    assert isinstance(step(check_journey(LATE, on=D(2024, 12, 2)), K.ASSESSMENT).deadline, Deadline)
