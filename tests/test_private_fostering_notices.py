"""Notification duties: golden cases from the 2005 Regulations and Sch 8 para 9, and bad input.

Sources: the Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533),
https://www.legislation.gov.uk/uksi/2005/1533 , with its Explanatory Note,
https://www.legislation.gov.uk/uksi/2005/1533/note/made (regs 3 and 5 primary; the time limits of
regs 5, 6, 9 and 10 secondary or unverified, as each case says); and Children Act 1989 Sch 8
para 9, https://www.legislation.gov.uk/ukpga/1989/41/schedule/8/paragraph/9 .
"""

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, DeadlineStatus
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.private_fostering import (
    Notice,
    NoticeDuty,
    NoticeRule,
    Notifier,
    Recipient,
    Timing,
    notice,
)
from safeguarding.private_fostering.notifications import NOTICE_RULES, RETURN_EXCEPTION
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.rules import rule_table
from safeguarding.strategies._private_fostering import fostering_notices, fostering_procedures

D = dt.date
ARRIVED = NOTICE_RULES[NoticeDuty.CHILD_ARRIVED]
CHANGED = NOTICE_RULES[NoticeDuty.CHANGE_OF_CIRCUMSTANCES]
ENDED = NOTICE_RULES[NoticeDuty.END_OF_ARRANGEMENT]
WARRINGTON = Citation(
    instrument="Warrington Safeguarding Children Partnership, private fostering procedure",
    provision="notification of the end of an arrangement",
    url=None,
    status=Verification.SECONDARY,
    note="'unless returning within 28 days'.",
)


def hours(rule: NoticeRule, amount: int) -> NoticeRule:
    """The national notice rule with a local time limit in hours."""
    return attrs.evolve(rule, amount=amount)


def dl(item: Notice) -> Deadline:
    """The deadline of a notice or required visit that has one."""
    assert item.deadline is not None
    return item.deadline


def wrong(value: object) -> Any:
    """A deliberately ill-typed argument."""
    return value


def test_proposal_eight_weeks_ahead_is_due_six_weeks_before_the_start():
    # Reg 3(1)(a): proposal 8 weeks ahead -> notify at least 6 weeks before the start
    # (Explanatory Note).
    start = D(2025, 9, 1)
    n = notice(NoticeDuty.PROPOSAL, event=start, known=start - dt.timedelta(weeks=8))
    assert n.timing is Timing.AT_LEAST_WEEKS_BEFORE
    assert n.deadline is not None
    assert dl(n).due == D(2025, 7, 21)
    assert n.notifier is Notifier.PROPOSED_CARER
    assert n.recipient is Recipient.AREA_AUTHORITY
    assert n.status(on=D(2025, 7, 21)) is DeadlineStatus.DUE
    assert n.status(on=D(2025, 7, 22)) is DeadlineStatus.OVERDUE
    assert n.status(on=D(2025, 8, 1), given=D(2025, 7, 10)) is DeadlineStatus.MET


def test_proposal_three_weeks_ahead_is_due_immediately():
    # Reg 3(1)(b): start in 3 weeks -> notify immediately, not "within 48 hours" as some
    # council pages say (the 48 hours belongs to the notice after arrival, reg 6).
    start = D(2025, 9, 1)
    known = start - dt.timedelta(weeks=3)
    n = notice(NoticeDuty.PROPOSAL, event=start, known=known)
    assert n.timing is Timing.IMMEDIATELY
    assert n.deadline is not None
    assert dl(n).due == known
    assert "within 6 weeks" in dl(n).timescale.clock_starts


def test_proposal_exactly_six_weeks_ahead_is_still_an_advance_notice():
    start = D(2025, 9, 1)
    n = notice(NoticeDuty.PROPOSAL, event=start, known=start - dt.timedelta(weeks=6))
    assert n.timing is Timing.AT_LEAST_WEEKS_BEFORE
    assert dl(n).due == dl(n).started


def test_there_is_no_thirteen_week_ceiling_in_england():
    # The 2005 Regulations have no upper bound. The 6-13-week window is the Northern Ireland
    # rule: Children (Private Arrangements for Fostering) Regulations (Northern Ireland) 1996
    # reg 4(1), https://www.legislation.gov.uk/nisr/1996/452/regulation/4/made (that the
    # England 1991 Regulations had the same window is unconfirmed).
    start = D(2025, 9, 1)
    n = notice(NoticeDuty.PROPOSAL, event=start, known=start - dt.timedelta(weeks=30))
    assert (
        dl(n).status(on=start - dt.timedelta(weeks=29), completed=start - dt.timedelta(weeks=29))
        is DeadlineStatus.MET
    )


@pytest.mark.parametrize(
    ("duty", "notifier"),
    [
        # Reg 3(2) and 3(3): as soon as possible, no fixed day.
        (NoticeDuty.ARRANGEMENT, Notifier.ARRANGER),
        (NoticeDuty.PARENT_AWARE, Notifier.PARENT_OR_PR_HOLDER),
    ],
)
def test_as_soon_as_possible_duties_fix_no_day(duty, notifier):
    n = notice(duty, event=D(2025, 5, 2))
    assert n.timing is Timing.AS_SOON_AS_POSSIBLE
    assert n.deadline is None
    assert n.notifier is notifier
    assert n.status(on=D(2025, 6, 1)) is None
    assert "as soon as possible after 2025-05-02" in n.explain()


def test_fostering_without_notice_must_notify_immediately():
    # Reg 5 (Sefton: immediately; secondary).
    n = notice(NoticeDuty.WITHOUT_ADVANCE_NOTICE, event=D(2025, 5, 2))
    assert dl(n).due == D(2025, 5, 2)
    assert n.source.status.value == "secondary"


@pytest.mark.parametrize(
    ("duty", "status"),
    [
        # Reg 6 (48 hours, secondary), reg 9 (unverified), reg 10 (secondary).
        (NoticeDuty.CHILD_ARRIVED, "secondary"),
        (NoticeDuty.CHANGE_OF_CIRCUMSTANCES, "unverified"),
        (NoticeDuty.END_OF_ARRANGEMENT, "secondary"),
    ],
)
def test_48_hour_notices_are_due_two_days_later(duty, status):
    n = notice(duty, event=D(2025, 5, 2))  # a Friday: calendar days, not working days
    assert dl(n).due == D(2025, 5, 4)
    assert n.source.status.value == status


def test_local_procedures_override_unconfirmed_time_limits():
    national = {rule.key: rule.at(D(2025, 5, 2)).value for rule in (ARRIVED, CHANGED, ENDED)}
    local = Procedures.adopt(
        "Local private fostering procedures",
        {
            ARRIVED.key: hours(national[ARRIVED.key], 24),
            CHANGED.key: hours(national[CHANGED.key], 72),
            ENDED.key: hours(national[ENDED.key], 36),
        },
        in_force_from=D(2024, 4, 1),
    )
    arrival = notice(NoticeDuty.CHILD_ARRIVED, event=D(2025, 5, 2), procedures=local)
    change = notice(NoticeDuty.CHANGE_OF_CIRCUMSTANCES, event=D(2025, 5, 2), procedures=local)
    ended = notice(NoticeDuty.END_OF_ARRANGEMENT, event=D(2025, 5, 2), procedures=local)
    assert dl(arrival).due == D(2025, 5, 3)
    assert dl(change).due == D(2025, 5, 5)
    # 36 hours after an event can end on the second day after it.
    assert dl(ended).due == D(2025, 5, 4)


def test_a_local_time_limit_cites_the_local_document():
    brent = Citation(
        instrument="Brent private fostering procedures",
        provision="notification after the child arrives",
        url=None,
        status=Verification.SECONDARY,
    )
    local = Procedures.adopt(
        "Brent private fostering procedures",
        {ARRIVED.key: hours(ARRIVED.at(D(2024, 4, 1)).value, 24)},
        in_force_from=D(2024, 4, 1),
        source=brent,
    )
    n = notice(NoticeDuty.CHILD_ARRIVED, event=D(2025, 5, 2), procedures=local)
    assert (dl(n).due, dl(n).source, n.source) == (D(2025, 5, 3), brent, brent)
    assert dl(n).rule_key == n.rule_key == ARRIVED.key
    assert "(24 hours)" in dl(n).timescale.clock_starts
    assert "Brent private fostering procedures" in n.explain()
    # Before the local procedures applied, the national rule did, citing the regulations.
    earlier = notice(NoticeDuty.CHILD_ARRIVED, event=D(2024, 3, 29), procedures=local)
    assert dl(earlier).due == D(2024, 3, 31)
    assert earlier.source == ARRIVED.at(D(2024, 3, 29)).source
    # "on" chooses the rules applied: the local version on the day asked about.
    assert (
        notice(
            NoticeDuty.CHILD_ARRIVED, event=D(2024, 3, 29), on=D(2024, 4, 1), procedures=local
        ).source
        == brent
    )
    # A duty the procedures do not set keeps its national rule.
    change = notice(NoticeDuty.CHANGE_OF_CIRCUMSTANCES, event=D(2025, 5, 2), procedures=local)
    assert change.source == CHANGED.at(D(2025, 5, 2)).source


def test_national_defaults_are_unchanged():
    for duty in NoticeDuty:
        known = (
            D(2025, 6, 2) if duty in (NoticeDuty.PROPOSAL, NoticeDuty.BOARDING_HOLIDAY) else None
        )
        default = notice(duty, event=D(2025, 9, 1), known=known)
        assert notice(duty, event=D(2025, 9, 1), known=known, procedures=NATIONAL) == default
        assert default.source == NOTICE_RULES[duty].at(known or D(2025, 9, 1)).source
        if default.deadline is not None:
            assert default.deadline.source == default.source


def test_a_local_immediate_notice_is_due_on_the_day():
    local = Procedures.adopt(
        "Local private fostering procedures",
        {
            ENDED.key: attrs.evolve(
                ENDED.at(D(2025, 1, 1)).value, timing=Timing.IMMEDIATELY, amount=0
            )
        },
        in_force_from=D(2025, 1, 1),
    )
    n = notice(NoticeDuty.END_OF_ARRANGEMENT, event=D(2025, 5, 2), procedures=local)
    assert (n.timing, dl(n).due) == (Timing.IMMEDIATELY, D(2025, 5, 2))
    assert n.source.instrument == "Local private fostering procedures"


def test_no_end_notice_when_the_child_is_expected_back_within_27_days():
    # Reg 10 exception: the period is unverified (the regulation text was not read); 27 days
    # keeps a planned return inside the 28-day window of s66(2). Secondary: Warrington
    # Safeguarding Children Board says "unless returning within 28 days"; the copy read of
    # Norfolk County Council's MI 18/06 (2006) breaks off before the number.
    left = D(2025, 5, 2)
    back_27 = notice(
        NoticeDuty.END_OF_ARRANGEMENT, event=left, expected_return=left + dt.timedelta(days=27)
    )
    assert back_27.timing is Timing.NOT_REQUIRED
    assert back_27.deadline is None
    assert back_27.rule_key == RETURN_EXCEPTION.key
    assert "need not notify" in back_27.explain()
    back_28 = notice(
        NoticeDuty.END_OF_ARRANGEMENT, event=left, expected_return=left + dt.timedelta(days=28)
    )
    assert back_28.timing is Timing.WITHIN_HOURS_AFTER
    assert back_27.source == RETURN_EXCEPTION.at(left).source
    warrington = Procedures.adopt(
        "Warrington SCP procedures",
        {RETURN_EXCEPTION.key: 28},
        in_force_from=D(2020, 1, 1),
        source=WARRINGTON,
    )
    local_28 = notice(
        NoticeDuty.END_OF_ARRANGEMENT,
        event=left,
        expected_return=left + dt.timedelta(days=28),
        procedures=warrington,
    )
    assert local_28.timing is Timing.NOT_REQUIRED
    assert (local_28.source, local_28.rule_key) == (WARRINGTON, RETURN_EXCEPTION.key)
    # A return the local exception does not cover: the national notice rule, cited nationally.
    back_29 = notice(
        NoticeDuty.END_OF_ARRANGEMENT,
        event=left,
        expected_return=left + dt.timedelta(days=29),
        procedures=warrington,
    )
    assert back_29.timing is Timing.WITHIN_HOURS_AFTER
    assert back_29.source == ENDED.at(left).source


def test_boarding_school_notices():
    # Sch 8 para 9(2): written notice not less than two weeks before, to the authority where
    # the child is ordinarily resident; para 9(4): 48 hours after a death.
    first = D(2025, 7, 20)
    n = notice(NoticeDuty.BOARDING_HOLIDAY, event=first, known=D(2025, 6, 1))
    assert dl(n).due == D(2025, 7, 6)
    assert n.recipient is Recipient.HOME_AUTHORITY
    late = notice(NoticeDuty.BOARDING_HOLIDAY, event=first, known=D(2025, 7, 10))
    assert late.timing is Timing.AT_LEAST_WEEKS_BEFORE  # no "immediately" fallback in para 9
    assert dl(late).due == D(2025, 7, 6)
    assert late.status(on=D(2025, 7, 10)) is DeadlineStatus.OVERDUE
    death = notice(NoticeDuty.BOARDING_HOLIDAY_DEATH, event=D(2025, 7, 25))
    assert dl(death).due == D(2025, 7, 27)


def test_notice_explains_who_when_and_the_source():
    n = notice(NoticeDuty.PROPOSAL, event=D(2025, 9, 1), known=D(2025, 6, 2))
    assert n.explain() == (
        "The proposed private foster carer must notify by 2025-07-21 (proposal, reg 3(1)), to "
        "the local authority where the child is, or is to be, privately fostered. Source: "
        "Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533), "
        "reg 3(1) [primary]."
    )


def test_duties_did_not_exist_before_the_2005_regulations():
    with pytest.raises(RuleNotInForceError):
        notice(NoticeDuty.CHILD_ARRIVED, event=D(2005, 6, 30))
    with pytest.raises(RuleNotInForceError):
        notice(NoticeDuty.PROPOSAL, event=D(2005, 9, 1), known=D(2005, 6, 30))


def test_every_duty_has_a_rule_in_the_rules_table():
    keys = {row.key for row in rule_table()}
    assert {rule.key for rule in NOTICE_RULES.values()} <= keys
    assert set(NOTICE_RULES) == set(NoticeDuty)
    for rule in NOTICE_RULES.values():
        assert rule.versions[0].value.describe()


def test_notice_rule_descriptions():
    rule = NOTICE_RULES[NoticeDuty.PROPOSAL].at(D(2025, 1, 1)).value
    assert rule.describe() == (
        "the proposed private foster carer notifies the local authority where the child is, "
        "or is to be, privately fostered: at least 6 weeks before the arrangement starts"
    )
    immediately = NOTICE_RULES[NoticeDuty.WITHOUT_ADVANCE_NOTICE].at(D(2025, 1, 1)).value
    assert immediately.describe().endswith("immediately (on fostering without having given notice)")
    none = NoticeRule(
        notifier=Notifier.CARER,
        recipient=Recipient.AREA_AUTHORITY,
        timing=Timing.NOT_REQUIRED,
        event="x",
    )
    assert none.describe().endswith("no notice (x)")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: notice(wrong("proposal"), event=D(2025, 9, 1)), "duty"),
        (lambda: notice(NoticeDuty.CHILD_ARRIVED, event=dt.datetime(2025, 9, 1, 10)), "event"),
        (lambda: notice(NoticeDuty.PROPOSAL, event=D(2025, 9, 1)), "known"),
        (lambda: notice(NoticeDuty.PROPOSAL, event=D(2025, 9, 1), known=D(2025, 9, 2)), "known"),
        (
            lambda: notice(NoticeDuty.PROPOSAL, event=D(2025, 9, 1), known=wrong("2025-06-01")),
            "known",
        ),
        (
            lambda: notice(
                NoticeDuty.END_OF_ARRANGEMENT, event=D(2025, 9, 1), expected_return=D(2025, 8, 1)
            ),
            "expected_return",
        ),
        (
            lambda: notice(
                NoticeDuty.END_OF_ARRANGEMENT,
                event=D(2025, 9, 1),
                expected_return=dt.datetime(2025, 9, 5),
            ),
            "expected_return",
        ),
        (
            lambda: notice(NoticeDuty.CHILD_ARRIVED, event=D(2025, 9, 1), procedures=wrong(None)),
            "procedures",
        ),
        (
            lambda: notice(NoticeDuty.CHILD_ARRIVED, event=D(2025, 9, 1), on=wrong("2025-09-01")),
            "on",
        ),
        (
            lambda: Procedures.adopt("Local", {ARRIVED.key: 24}, in_force_from=D(2025, 1, 1)),
            "overrides['private_fostering.notice.child_arrived']",
        ),
        (
            lambda: Procedures.adopt(
                "Local", {RETURN_EXCEPTION.key: wrong(True)}, in_force_from=D(2025, 1, 1)
            ),
            "overrides['private_fostering.notice.return_exception']",
        ),
        (lambda: Procedures(calendar=wrong("E&W")), "calendar"),
        (
            lambda: NoticeRule(
                notifier=Notifier.CARER,
                recipient=Recipient.AREA_AUTHORITY,
                timing=Timing.WITHIN_HOURS_AFTER,
                amount=-1,
                event="x",
            ),
            "amount",
        ),
        (
            lambda: NoticeRule(
                notifier=Notifier.CARER,
                recipient=Recipient.AREA_AUTHORITY,
                timing=Timing.IMMEDIATELY,
                amount=2,
                event="x",
            ),
            "amount",
        ),
        (
            lambda: NoticeRule(
                notifier=Notifier.CARER,
                recipient=Recipient.AREA_AUTHORITY,
                timing=Timing.WITHIN_HOURS_AFTER,
                event="x",
            ),
            "amount",
        ),
    ],
)
def test_bad_input_names_the_field(call, field):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


def test_notice_model_checks_deadline_against_timing():
    n = notice(NoticeDuty.CHILD_ARRIVED, event=D(2025, 5, 2))
    with pytest.raises(InvalidInputError) as info:
        Notice(
            duty=n.duty,
            notifier=n.notifier,
            recipient=n.recipient,
            timing=Timing.AS_SOON_AS_POSSIBLE,
            event=n.event,
            deadline=n.deadline,
            source=n.source,
            rule_key=n.rule_key,
        )
    assert info.value.field == "deadline"
    with pytest.raises(InvalidInputError) as info:
        n.status(on=wrong("2025-05-03"))
    assert info.value.field == "on"


@given(fostering_notices())
def test_every_notice_is_due_no_earlier_than_its_clock_starts(n):
    # Property: a dated notice's deadline never precedes its start; undated ones have none.
    if n.timing in (Timing.AS_SOON_AS_POSSIBLE, Timing.NOT_REQUIRED):
        assert n.deadline is None
    else:
        assert dl(n).started <= dl(n).due
        if n.timing is Timing.WITHIN_HOURS_AFTER:
            assert dl(n).started == n.event
        if n.timing is Timing.AT_LEAST_WEEKS_BEFORE:
            assert dl(n).due < n.event


@given(fostering_procedures())
def test_every_local_notice_cites_the_version_it_applied(local):
    # Property: a notice's source is the version of its rule the procedures chose.
    event = D(2025, 5, 2)
    for duty in (NoticeDuty.CHILD_ARRIVED, NoticeDuty.CHANGE_OF_CIRCUMSTANCES):
        n = notice(duty, event=event, procedures=local)
        version = NOTICE_RULES[duty].at(event, procedures=local)
        assert n.source == version.source
        assert n.deadline is not None
        assert n.deadline.source == version.source
