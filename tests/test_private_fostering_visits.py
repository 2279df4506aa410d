"""The visiting regime: first visit in 7 working days, then 6- and 12-week intervals.

Sources: the Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533),
https://www.legislation.gov.uk/uksi/2005/1533 :

- reg 4(1), first visit "within seven working days" of an advance notice: regulation text as
  reproduced in Torbay Council's National Minimum Standards for Private Fostering booklet, p. 19
  (primary, copy: https://www.yumpu.com/en/document/view/23054178/national-minimum-standards-for-private-fostering-torbay-council/19 ),
  structure confirmed by the Explanatory Note,
  https://www.legislation.gov.uk/uksi/2005/1533/note/made ;
- reg 7(1), the same after a reg 5 or reg 6 notice: secondary (Trafford procedure; Replacement
  Children Act 1989 Guidance on Private Fostering 2005, paras 2.26-2.27);
- reg 8, subsequent visits, https://www.legislation.gov.uk/uksi/2005/1533/regulation/8/made ;
- the Adoption and Children (Coronavirus) (Amendment) Regulations 2020 (SI 2020/445), in force
  24 April 2020, ceased to have effect 25 September 2020,
  https://www.legislation.gov.uk/uksi/2020/445/note/made .

Bank holidays come from the library calendar.
"""

import datetime as dt
from itertools import pairwise
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.calendar import add_months, working_days_between
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, Timescale, Unit
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.private_fostering import (
    FirstVisitTrigger,
    RequiredVisit,
    Visit,
    VisitClock,
    VisitKind,
    VisitRequirement,
    VisitStatus,
    check_visits,
    first_visit_deadline,
    first_year_ends,
    visit_schedule,
)
from safeguarding.private_fostering.visits import (
    FIRST_VISIT_AFTER_NOTICE,
    FIRST_VISIT_RELAXATION,
    FIRST_YEAR,
    INTERVAL_FIRST_YEAR,
)
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.strategies._private_fostering import fostering_visits, visit_clocks

D = dt.date
LOCAL_STANDARD = Citation(
    instrument="Local private fostering procedures 2024",
    provision="visits to privately fostered children",
    url=None,
    status=Verification.SECONDARY,
)
AFTER = FirstVisitTrigger.NOTICE_OF_FOSTERING
AHEAD = FirstVisitTrigger.ADVANCE_NOTICE


def dl(item: RequiredVisit) -> Deadline:
    """The deadline of a notice or required visit that has one."""
    assert item.deadline is not None
    return item.deadline


def wrong(value: object) -> Any:
    """A deliberately ill-typed argument."""
    return value


def clock(notified: dt.date, aware: dt.date | None = None, trigger=AFTER) -> VisitClock:
    return VisitClock(
        notified=notified, aware=notified if aware is None else aware, trigger=trigger
    )


def statutory(*days: dt.date) -> list[Visit]:
    return [Visit(made_on=d, kind=VisitKind.STATUTORY) for d in days]


# --- First visit (reg 4(1) / 7(1)) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("notified", "due"),
    [
        # Day 0 is the notification day; Christmas, Boxing Day and New Year are skipped.
        (D(2024, 12, 20), D(2025, 1, 3)),
        # Good Friday 18 April and Easter Monday 21 April 2025 are skipped.
        (D(2025, 4, 14), D(2025, 4, 25)),
        # An ordinary week: Monday + 7 working days = the next Wednesday.
        (D(2025, 6, 2), D(2025, 6, 11)),
    ],
)
@pytest.mark.parametrize("trigger", list(FirstVisitTrigger))
def test_first_visit_is_due_seven_working_days_after_the_notification(notified, due, trigger):
    deadline = first_visit_deadline(notified=notified, trigger=trigger)
    assert deadline is not None
    assert deadline.due == due
    assert deadline.timescale.unit is Unit.WORKING_DAYS
    assert "day 0" in deadline.explain()


def test_reg_4_is_primary_and_reg_7_secondary():
    # Reg 4(1): primary (copy of the regulation text); reg 7(1): secondary (Trafford
    # procedure, 2005 guidance paras 2.26-2.27).
    ahead = first_visit_deadline(notified=D(2025, 6, 2), trigger=AHEAD)
    after = first_visit_deadline(notified=D(2025, 6, 2), trigger=AFTER)
    assert ahead is not None
    assert after is not None
    assert ahead.source.status.value == "primary"
    assert after.source.status.value == "secondary"
    assert ahead.rule_key != after.rule_key


@pytest.mark.parametrize(
    ("notified", "fixed"),
    [
        # SI 2020/445 from 24 April 2020; ceased to have effect on 25 September 2020
        # (Explanatory Note, primary for the dates). That it replaced the 7-working-day visit
        # by "as soon as reasonably practicable" is secondary (Spire Barristers briefing).
        (D(2020, 4, 23), True),
        (D(2020, 4, 24), False),
        (D(2020, 9, 24), False),
        (D(2020, 9, 25), True),
    ],
)
def test_covid_relaxation_window(notified, fixed):
    assert (first_visit_deadline(notified=notified, trigger=AFTER) is not None) is fixed


def test_covid_notification_is_never_marked_late():
    # SI 2020/445 window: no fixed timescale applied, so those visits are never late.
    required = check_visits(statutory(D(2020, 6, 15)), clock(D(2020, 5, 1)), on=D(2020, 6, 20))
    assert required[0].status is VisitStatus.NOT_TIMED
    assert required[0].visited == D(2020, 6, 15)
    assert dl(required[1]).due == D(2020, 7, 27)  # 6 weeks after the visit made
    assert "no fixed timescale" in required[0].explain()
    nothing = check_visits([], clock(D(2020, 5, 1)), on=D(2021, 1, 1))
    assert [r.status for r in nothing] == [VisitStatus.NOT_TIMED]


def test_local_closure_days_move_the_first_visit():
    closed = Procedures(calendar=NATIONAL.calendar.with_closures(D(2025, 6, 4)))
    deadline = first_visit_deadline(notified=D(2025, 6, 2), trigger=AFTER, procedures=closed)
    assert deadline is not None
    assert deadline.due == D(2025, 6, 12)
    # Closure days change the day only: the rule and its citation stay national.
    assert deadline.source == FIRST_VISIT_AFTER_NOTICE.at(D(2025, 6, 2)).source


def test_a_local_visiting_standard_cites_the_local_document():
    local = Procedures.adopt(
        "Local private fostering procedures 2024",
        {
            FIRST_VISIT_AFTER_NOTICE.key: Timescale(
                amount=5, unit=Unit.WORKING_DAYS, clock_starts="notification"
            ),
            INTERVAL_FIRST_YEAR.key: Timescale(
                amount=4, unit=Unit.WEEKS, clock_starts="previous visit"
            ),
        },
        in_force_from=D(2024, 4, 1),
        source=LOCAL_STANDARD,
    )
    first = first_visit_deadline(notified=D(2025, 6, 2), trigger=AFTER, procedures=local)
    assert first is not None
    assert (first.due, first.source) == (D(2025, 6, 9), LOCAL_STANDARD)
    # The procedures do not set the first visit after an advance notice: national.
    ahead = first_visit_deadline(notified=D(2025, 6, 2), trigger=AHEAD, procedures=local)
    assert ahead is not None
    assert (ahead.due, ahead.source.status) == (D(2025, 6, 11), Verification.PRIMARY)
    required = check_visits(
        statutory(D(2025, 6, 6)), clock(D(2025, 6, 2)), on=D(2025, 7, 10), procedures=local
    )
    assert [r.status for r in required] == [VisitStatus.ON_TIME, VisitStatus.OVERDUE]
    assert (dl(required[1]).due, dl(required[1]).source) == (D(2025, 7, 4), LOCAL_STANDARD)
    # Before the local procedures applied, the national rules did.
    national = first_visit_deadline(notified=D(2024, 3, 1), trigger=AFTER, procedures=local)
    assert national is not None
    assert national.source == FIRST_VISIT_AFTER_NOTICE.at(D(2024, 3, 1)).source
    # "on" chooses the rules: the local ones for a notification before they applied.
    chosen = first_visit_deadline(
        notified=D(2024, 3, 1), trigger=AFTER, on=D(2024, 4, 1), procedures=local
    )
    assert chosen is not None
    assert chosen.source == LOCAL_STANDARD


def test_the_national_visiting_rules_are_unchanged():
    start = clock(D(2025, 4, 14))
    assert visit_schedule(start, until=D(2026, 1, 1), procedures=NATIONAL) == visit_schedule(
        start, until=D(2026, 1, 1)
    )
    for deadline in visit_schedule(start, until=D(2026, 1, 1)):
        assert deadline.source.instrument.startswith("Children (Private Arrangements")


def test_first_visit_rule_values():
    assert FIRST_VISIT_AFTER_NOTICE.at(D(2025, 1, 1)).value.describe() == (
        "7 working days after the notification"
    )
    assert FIRST_VISIT_RELAXATION.at(D(2020, 5, 1)).value.startswith("as soon as reasonably")
    assert FIRST_VISIT_RELAXATION.at(D(2020, 5, 1)).source.status is Verification.SECONDARY
    assert not FIRST_VISIT_RELAXATION.is_in_force(D(2020, 9, 25))
    with pytest.raises(RuleNotInForceError):
        first_visit_deadline(notified=D(2005, 6, 30), trigger=AFTER)


# --- Schedule (reg 8(1), 8(6)) -------------------------------------------------------------


def test_schedule_six_weekly_in_year_one_then_twelve_weekly():
    # Reg 8(1)(a)/(b); first year counted from awareness (reg 8(6)).
    plan = visit_schedule(clock(D(2024, 1, 8)), until=D(2025, 6, 1))
    assert plan[0].due == D(2024, 1, 17)
    gaps = [(b.due - a.due).days for a, b in pairwise(plan)]
    year_two = add_months(D(2024, 1, 8), 12)
    for earlier, gap in zip(plan, gaps, strict=False):
        assert gap == (42 if earlier.due < year_two else 84)
    assert 84 in gaps
    assert plan[-1].due <= D(2025, 6, 1)


def test_first_year_runs_from_awareness_not_from_the_move():
    # Reg 8(6): the cycle and "first year" run from when the LA became aware, not from the
    # move.
    late_awareness = clock(D(2024, 6, 3))
    plan = visit_schedule(late_awareness, until=D(2025, 7, 1))
    assert all((b.due - a.due).days == 42 for a, b in pairwise(plan) if a.due < D(2025, 6, 3))


def test_schedule_before_the_first_visit_is_due_is_empty():
    assert visit_schedule(clock(D(2025, 6, 2)), until=D(2025, 6, 10)) == ()


def test_schedule_in_the_covid_window_counts_from_awareness():
    plan = visit_schedule(clock(D(2020, 5, 1)), until=D(2020, 8, 1))
    assert [d.due for d in plan] == [D(2020, 6, 12), D(2020, 7, 24)]


# --- Checking the visits made --------------------------------------------------------------


def test_visits_on_request_do_not_count_or_reset_the_cycle():
    # Reg 8(2): visits on request are "in addition" to the reg 8(1) cycle, so (on the
    # library's reading) they neither satisfy nor reset it.
    made = [
        *statutory(D(2025, 4, 22)),
        Visit(made_on=D(2025, 5, 20), kind=VisitKind.ON_REQUEST),
    ]
    required = check_visits(made, clock(D(2025, 4, 14)), on=D(2025, 6, 10))
    assert [(r.requirement, r.status) for r in required] == [
        (VisitRequirement.FIRST, VisitStatus.ON_TIME),
        (VisitRequirement.SUBSEQUENT, VisitStatus.OVERDUE),
    ]
    assert dl(required[1]).due == D(2025, 6, 3)


def test_a_late_visit_restarts_the_clock_from_the_day_it_was_made():
    made = statutory(D(2025, 4, 22), D(2025, 6, 10), D(2025, 7, 20))
    required = check_visits(made, clock(D(2025, 4, 14)), on=D(2025, 8, 1))
    assert [r.status for r in required] == [
        VisitStatus.ON_TIME,
        VisitStatus.LATE,
        VisitStatus.ON_TIME,
        VisitStatus.NOT_YET_DUE,
    ]
    assert dl(required[2]).due == D(2025, 7, 22)
    assert dl(required[3]).due == D(2025, 8, 31)


def test_missing_first_visit_is_overdue_and_nothing_further_is_listed():
    required = check_visits([], clock(D(2025, 4, 14)), on=D(2025, 5, 1))
    assert [(r.requirement, r.status) for r in required] == [
        (VisitRequirement.FIRST, VisitStatus.OVERDUE)
    ]
    due_today = check_visits([], clock(D(2025, 4, 14)), on=D(2025, 4, 25))
    assert due_today[0].status is VisitStatus.DUE_TODAY
    assert "overdue" in required[0].explain()


def test_visits_after_the_day_asked_about_are_not_yet_known():
    made = statutory(D(2025, 4, 22), D(2025, 5, 30))
    required = check_visits(made, clock(D(2025, 4, 14)), on=D(2025, 5, 1))
    assert [r.status for r in required] == [VisitStatus.ON_TIME, VisitStatus.NOT_YET_DUE]


def test_no_further_visit_once_the_arrangement_has_ended():
    made = statutory(D(2025, 4, 22))
    required = check_visits(made, clock(D(2025, 4, 14)), on=D(2025, 8, 1), ended=D(2025, 5, 31))
    assert [r.requirement for r in required] == [VisitRequirement.FIRST]


def test_twelve_week_interval_from_a_visit_in_year_two():
    aware = D(2024, 1, 8)
    made = statutory(D(2025, 1, 10))
    required = check_visits(made, clock(D(2024, 1, 8), aware), on=D(2025, 2, 1))
    # The first visit was late (a year after the notification); the next is 12 weeks later.
    assert required[0].status is VisitStatus.LATE
    assert dl(required[1]).due == D(2025, 4, 4)


# --- Bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: VisitClock(notified=D(2025, 1, 1), aware=D(2025, 1, 2), trigger=AFTER), "aware"),
        (
            lambda: VisitClock(
                notified=dt.datetime(2025, 1, 1), aware=D(2025, 1, 1), trigger=AFTER
            ),
            "notified",
        ),
        (
            lambda: VisitClock(notified=D(2025, 1, 1), aware=D(2025, 1, 1), trigger=wrong("after")),
            "trigger",
        ),
        (lambda: Visit(made_on=dt.datetime(2025, 1, 1, 9), kind=VisitKind.STATUTORY), "made_on"),
        (
            lambda: check_visits(
                statutory(D(2024, 12, 31)), clock(D(2025, 1, 2)), on=D(2025, 2, 1)
            ),
            "visits[0]",
        ),
        (
            lambda: check_visits([wrong("2025-01-03")], clock(D(2025, 1, 2)), on=D(2025, 2, 1)),
            "visits[0]",
        ),
        (lambda: check_visits([], wrong("clock"), on=D(2025, 2, 1)), "clock"),
        (lambda: check_visits([], clock(D(2025, 1, 2)), on=dt.datetime(2025, 2, 1)), "on"),
        (
            lambda: check_visits([], clock(D(2025, 1, 2)), on=D(2025, 2, 1), ended=D(2025, 1, 1)),
            "ended",
        ),
        (
            lambda: check_visits(
                [], clock(D(2025, 1, 2)), on=D(2025, 2, 1), ended=wrong("2025-03-01")
            ),
            "ended",
        ),
        (lambda: visit_schedule(wrong("clock"), until=D(2025, 2, 1)), "clock"),
        (lambda: visit_schedule(clock(D(2025, 1, 2)), until=dt.datetime(2025, 2, 1)), "until"),
        (lambda: first_visit_deadline(notified=dt.datetime(2025, 2, 1), trigger=AFTER), "notified"),
        (lambda: first_visit_deadline(notified=D(2025, 2, 1), trigger=wrong("after")), "trigger"),
        (lambda: first_year_ends(wrong("clock")), "clock"),
        (lambda: first_year_ends(clock(D(2025, 1, 2)), on=wrong("2025-01-02")), "on"),
        (lambda: first_year_ends(clock(D(2025, 1, 2)), procedures=wrong(None)), "procedures"),
        (
            lambda: first_visit_deadline(
                notified=D(2025, 2, 1), trigger=AFTER, on=dt.datetime(2025, 2, 1)
            ),
            "on",
        ),
        (
            lambda: first_visit_deadline(
                notified=D(2020, 5, 1), trigger=AFTER, procedures=wrong(NATIONAL.calendar)
            ),
            "procedures",
        ),
        (
            lambda: visit_schedule(
                clock(D(2025, 1, 2)), until=D(2025, 2, 1), on=dt.datetime(2025, 2, 1)
            ),
            "on",
        ),
        (
            lambda: check_visits([], clock(D(2025, 1, 2)), on=D(2025, 2, 1), procedures=wrong(1)),
            "procedures",
        ),
    ],
)
def test_bad_input_names_the_field(call, field):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


def test_required_visit_checks_its_status():
    good = check_visits(statutory(D(2025, 4, 22)), clock(D(2025, 4, 14)), on=D(2025, 6, 10))[0]
    deadline = good.deadline
    bad: list[tuple[dict[str, Any], str]] = [
        ({"deadline": None}, "status"),
        ({"status": VisitStatus.NOT_TIMED}, "status"),
        ({"visited": None}, "visited"),
        ({"status": VisitStatus.OVERDUE}, "visited"),
        ({"visited": D(2025, 4, 1)}, "visited"),
        ({"status": VisitStatus.LATE}, "status"),
        ({"visited": D(2025, 4, 30)}, "status"),
    ]
    for changes, field in bad:
        with pytest.raises(InvalidInputError) as info:
            attrs.evolve(good, **changes)
        assert info.value.field == field, changes
    assert attrs.evolve(good, deadline=deadline) == good
    late = attrs.evolve(good, visited=D(2025, 4, 30), status=VisitStatus.LATE)
    assert late.status is VisitStatus.LATE
    assert (
        RequiredVisit(
            requirement=VisitRequirement.FIRST,
            deadline=None,
            visited=None,
            status=VisitStatus.NOT_TIMED,
        ).visited
        is None
    )


# --- Properties ----------------------------------------------------------------------------


@given(visit_clocks(), st.integers(0, 1500))
def test_every_schedule_respects_the_six_and_twelve_week_limits(start, horizon):
    until = start.notified + dt.timedelta(days=horizon)
    plan = visit_schedule(start, until=until)
    first = first_visit_deadline(notified=start.notified, trigger=start.trigger)
    if first is not None and plan:
        assert plan[0] == first
        assert working_days_between(start.notified, first.due) == 7
    for earlier, later in pairwise(plan):
        limit = 42 if earlier.due < first_year_ends(start) else 84
        assert 0 < (later.due - earlier.due).days <= limit
        assert later.started == earlier.due
    assert all(d.due <= until for d in plan)


@given(visit_clocks(), st.lists(st.integers(0, 120), max_size=8), st.data())
def test_checked_visits_respect_the_limits_and_ignore_requests(start, gaps, data):
    day = start.notified
    made = []
    for gap in gaps:
        day += dt.timedelta(days=gap)
        made.append(Visit(made_on=day, kind=VisitKind.STATUTORY))
    on = day + dt.timedelta(days=data.draw(st.integers(0, 200)))
    required = check_visits(made, start, on=on)
    requests = data.draw(st.lists(fostering_visits(min_value=start.notified, max_value=on)))
    extra = [attrs.evolve(v, kind=VisitKind.ON_REQUEST) for v in requests]
    assert check_visits([*extra, *made], start, on=on) == required
    for earlier, later in pairwise(required):
        assert earlier.visited is not None
        limit = 42 if earlier.visited < first_year_ends(start) else 84
        assert dl(later).started == earlier.visited
        assert (dl(later).due - dl(later).started).days == limit
    # The chain runs to the first visit not yet made: one requirement per visit, plus one.
    assert required[-1].visited is None
    assert len(required) == len(made) + 1


def test_the_first_year_runs_twelve_months_from_awareness():
    # Reg 8(6); awareness on 29 February: the second year begins on 28 February.
    leap = clock(D(2024, 3, 4), aware=D(2024, 2, 29))
    assert first_year_ends(leap) == D(2025, 2, 28)
    local = Procedures.adopt(
        "Local private fostering procedures 2024",
        {
            FIRST_YEAR.key: Timescale(
                amount=6, unit=Unit.MONTHS, clock_starts="local authority becoming aware"
            )
        },
        in_force_from=D(2024, 1, 1),
    )
    assert first_year_ends(leap, procedures=local) == D(2024, 8, 29)
    assert first_year_ends(leap, on=D(2023, 12, 31), procedures=local) == D(2025, 2, 28)
