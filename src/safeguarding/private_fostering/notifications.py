"""Who must tell the local authority about private fostering, and by when.

In England the Children (Private Arrangements for Fostering) Regulations 2005
(in force 1 July 2005) set the notification duties:

* the proposed carer must notify at least 6 weeks before a planned
  arrangement starts, or immediately if it starts within 6 weeks (reg 3(1));
  there is no 13-week ceiling in England (that is the old 1991 and the
  Northern Ireland scheme);
* anyone involved in arranging it must notify as soon as possible after it is
  made (reg 3(2)); a parent or PR holder not involved but aware of it, as soon
  as possible after becoming aware (reg 3(3));
* someone already fostering privately without having notified must do so
  (reg 5), and notice is due when the child goes to live with the carer
  (reg 6), when circumstances change (reg 9) and when the arrangement ends
  (reg 10). The time limits of regs 5, 6, 9 and 10 were not confirmed in the
  regulations' text: the library uses the figures local procedures give
  (immediately; 48 hours; 48 hours; 48 hours after the child leaves unless the
  child is expected back within 27 days), each with its verification status.
  A partnership whose procedures say otherwise sets its own version of the rule
  (``private_fostering.notice.child_arrived``, ``.change_of_circumstances``,
  ``.end_of_arrangement``, ``.return_exception``) in its
  [`Procedures`][safeguarding.procedures.Procedures], and the notice then cites
  the local document.

A school not maintained by a local authority that will keep pupils under 16
for more than two weeks of a holiday gives written notice at least 2 weeks
before the first is so treated, to the authority where each child is
ordinarily resident, and notice of a death within 48 hours (Children Act 1989
Sch 8 para 9).

Deadlines in hours are given as the last *day* a notice can be in time: 48
hours after an event on Monday ends on Wednesday.

Examples:
    >>> import datetime as dt
    >>> n = notice(NoticeDuty.PROPOSAL, event=dt.date(2025, 9, 1), known=dt.date(2025, 6, 2))
    >>> n.deadline.due
    datetime.date(2025, 7, 21)
    >>> late = notice(NoticeDuty.PROPOSAL, event=dt.date(2025, 9, 1), known=dt.date(2025, 8, 11))
    >>> late.timing.value
    'immediately'

    A partnership whose procedures give 24 hours for the reg 6 notice:

    >>> import attrs
    >>> from safeguarding.procedures import check_procedures, Procedures
    >>> arrival = NOTICE_RULES[NoticeDuty.CHILD_ARRIVED]
    >>> local = Procedures.adopt(
    ...     "Brent private fostering procedures 2024",
    ...     {arrival.key: attrs.evolve(arrival.at(dt.date(2024, 4, 1)).value, amount=24)},
    ...     in_force_from=dt.date(2024, 4, 1),
    ... )
    >>> n = notice(NoticeDuty.CHILD_ARRIVED, event=dt.date(2025, 5, 2), procedures=local)
    >>> n.deadline.due, n.source.instrument
    (datetime.date(2025, 5, 3), 'Brent private fostering procedures 2024')
"""

from __future__ import annotations

import datetime as dt
import enum
import math

import attrs

from safeguarding._validate import (
    check_date,
    check_enum,
    is_date,
    is_instance,
    is_int,
    is_member,
    is_text,
)
from safeguarding.calendar import ENGLAND_AND_WALES
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, DeadlineStatus, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import CHILDREN_ACT_1989, PRIVATE_FOSTERING_REGULATIONS_2005

__all__ = [
    "NOTICE_RULES",
    "RETURN_EXCEPTION",
    "Notice",
    "NoticeDuty",
    "NoticeRule",
    "Notifier",
    "Recipient",
    "Timing",
    "notice",
]

REGULATIONS_COMMENCEMENT = dt.date(2005, 7, 1)
"""The 2005 Regulations came into force (England), replacing the 1991 Regulations."""
_PART_IX_COMMENCEMENT = dt.date(1991, 10, 14)

_NOTE_URL = "https://www.legislation.gov.uk/uksi/2005/1533/note/made"
_PARA9_URL = "https://www.legislation.gov.uk/ukpga/1989/41/schedule/8/paragraph/9"


class NoticeDuty(enum.Enum):
    """Each notification duty."""

    PROPOSAL = "proposal"
    """A proposal to foster a child privately (reg 3(1))."""
    ARRANGEMENT = "arrangement"
    """An arrangement made by someone involved in arranging it (reg 3(2))."""
    PARENT_AWARE = "parent aware"
    """A proposal known to a parent or PR holder not involved in it (reg 3(3))."""
    WITHOUT_ADVANCE_NOTICE = "without advance notice"
    """Fostering privately without having given notice (reg 5)."""
    CHILD_ARRIVED = "child arrived"
    """The child going to live with the private foster carer (reg 6)."""
    CHANGE_OF_CIRCUMSTANCES = "change of circumstances"
    """A change of circumstances (reg 9)."""
    END_OF_ARRANGEMENT = "end of arrangement"
    """The end of the arrangement (reg 10)."""
    BOARDING_HOLIDAY = "boarding holiday"
    """Pupils to be treated as privately fostered in a school holiday (Sch 8 para 9(2))."""
    BOARDING_HOLIDAY_DEATH = "boarding holiday death"
    """The death of a pupil treated as privately fostered (Sch 8 para 9(4))."""


_PROVISION = {
    NoticeDuty.PROPOSAL: "reg 3(1)",
    NoticeDuty.ARRANGEMENT: "reg 3(2)",
    NoticeDuty.PARENT_AWARE: "reg 3(3)",
    NoticeDuty.WITHOUT_ADVANCE_NOTICE: "reg 5",
    NoticeDuty.CHILD_ARRIVED: "reg 6",
    NoticeDuty.CHANGE_OF_CIRCUMSTANCES: "reg 9",
    NoticeDuty.END_OF_ARRANGEMENT: "reg 10",
    NoticeDuty.BOARDING_HOLIDAY: "Sch 8 para 9(2)",
    NoticeDuty.BOARDING_HOLIDAY_DEATH: "Sch 8 para 9(4)",
}


class Notifier(enum.Enum):
    """Who must give the notice."""

    PROPOSED_CARER = "proposed carer"
    ARRANGER = "arranger"
    """Anyone involved, directly or not, in arranging the fostering."""
    PARENT_OR_PR_HOLDER = "parent or PR holder"
    """A parent or PR holder not involved in arranging it."""
    CARER = "carer"
    CARER_OR_PARENT = "carer or parent"
    """The carer or a parent: the regulation's text was not seen, so not confirmed which."""
    SCHOOL = "school"
    """The person proposing to care for the pupils at the school."""


_WHO = {
    Notifier.PROPOSED_CARER: "the proposed private foster carer",
    Notifier.ARRANGER: "anyone involved, directly or not, in arranging the fostering",
    Notifier.PARENT_OR_PR_HOLDER: "a parent or PR holder not involved in arranging it",
    Notifier.CARER: "the private foster carer",
    Notifier.CARER_OR_PARENT: "the private foster carer or a parent (not confirmed which)",
    Notifier.SCHOOL: "the person proposing to care for the pupils at the school",
}


class Recipient(enum.Enum):
    """Which local authority receives the notice."""

    AREA_AUTHORITY = "area authority"
    """The local authority where the child is, or is to be, privately fostered."""
    HOME_AUTHORITY = "home authority"
    """The local authority where the child is ordinarily resident."""


_TO = {
    Recipient.AREA_AUTHORITY: (
        "the local authority where the child is, or is to be, privately fostered"
    ),
    Recipient.HOME_AUTHORITY: "the local authority where the child is ordinarily resident",
}


class Timing(enum.Enum):
    """When a notice is due, relative to its event."""

    AT_LEAST_WEEKS_BEFORE = "weeks before"
    """At least the rule's number of weeks before the event."""
    IMMEDIATELY = "immediately"
    AS_SOON_AS_POSSIBLE = "as soon as possible"
    WITHIN_HOURS_AFTER = "hours after"
    """Within the rule's number of hours after the event."""
    NOT_REQUIRED = "not required"


@attrs.frozen(kw_only=True)
class NoticeRule:
    """What a notification rule requires: who notifies whom, and when.

    Attributes:
        notifier: Who must give notice.
        recipient: Which authority receives it.
        timing: When, relative to the event.
        amount: Weeks (``AT_LEAST_WEEKS_BEFORE``) or hours
            (``WITHIN_HOURS_AFTER``); 0 otherwise.
        event: The event, in words (``"the arrangement starts"``).
    """

    notifier: Notifier = attrs.field(validator=is_member(Notifier))
    recipient: Recipient = attrs.field(validator=is_member(Recipient))
    timing: Timing = attrs.field(validator=is_member(Timing))
    amount: int = attrs.field(default=0, validator=is_int(minimum=0))
    event: str = attrs.field(validator=is_text)

    def __attrs_post_init__(self) -> None:
        """An amount goes with the timings that count, and only with them."""
        counted = self.timing in (Timing.AT_LEAST_WEEKS_BEFORE, Timing.WITHIN_HOURS_AFTER)
        if counted != (self.amount > 0):
            raise InvalidInputError("amount", "is positive exactly for counted timings")

    def describe(self) -> str:
        """``"the proposed private foster carer notifies ...: at least 6 weeks before ..."``."""
        when = {
            Timing.AT_LEAST_WEEKS_BEFORE: f"at least {self.amount} weeks before {self.event}",
            Timing.IMMEDIATELY: f"immediately ({self.event})",
            Timing.AS_SOON_AS_POSSIBLE: f"as soon as possible after {self.event}",
            Timing.WITHIN_HOURS_AFTER: f"within {self.amount} hours after {self.event}",
            Timing.NOT_REQUIRED: f"no notice ({self.event})",
        }[self.timing]
        return f"{_WHO[self.notifier]} notifies {_TO[self.recipient]}: {when}"


def _rule(
    duty: NoticeDuty, title: str, start: dt.date, value: NoticeRule, source: Citation
) -> DatedRule[NoticeRule]:
    key = f"private_fostering.notice.{duty.name.lower()}"
    return register(
        DatedRule(
            key=key,
            title=title,
            versions=(Version(in_force_from=start, value=value, source=source),),
        )
    )


_AREA = Recipient.AREA_AUTHORITY

NOTICE_RULES: dict[NoticeDuty, DatedRule[NoticeRule]] = {
    NoticeDuty.PROPOSAL: _rule(
        NoticeDuty.PROPOSAL,
        "Notice of a proposal to foster privately (immediately if it starts sooner)",
        REGULATIONS_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.PROPOSED_CARER,
            recipient=_AREA,
            timing=Timing.AT_LEAST_WEEKS_BEFORE,
            amount=6,
            event="the arrangement starts",
        ),
        PRIVATE_FOSTERING_REGULATIONS_2005.cite(
            "reg 3(1)",
            Verification.PRIMARY,
            url=_NOTE_URL,
            note="Explanatory Note (legislation.gov.uk): at least six weeks before, or "
            "immediately where the arrangement is to begin within six weeks. No upper limit "
            "(the 13-week window belongs to the 1991 and Northern Ireland regulations).",
        ),
    ),
    NoticeDuty.ARRANGEMENT: _rule(
        NoticeDuty.ARRANGEMENT,
        "Notice by anyone involved in arranging private fostering",
        REGULATIONS_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.ARRANGER,
            recipient=_AREA,
            timing=Timing.AS_SOON_AS_POSSIBLE,
            event="the arrangement is made",
        ),
        PRIVATE_FOSTERING_REGULATIONS_2005.cite(
            "reg 3(2)",
            Verification.PRIMARY,
            url=_NOTE_URL,
            note="Explanatory Note (legislation.gov.uk).",
        ),
    ),
    NoticeDuty.PARENT_AWARE: _rule(
        NoticeDuty.PARENT_AWARE,
        "Notice by a parent or PR holder aware of a proposal they did not arrange",
        REGULATIONS_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.PARENT_OR_PR_HOLDER,
            recipient=_AREA,
            timing=Timing.AS_SOON_AS_POSSIBLE,
            event="becoming aware of the proposal",
        ),
        PRIVATE_FOSTERING_REGULATIONS_2005.cite(
            "reg 3(3)",
            Verification.PRIMARY,
            url=_NOTE_URL,
            note="Explanatory Note (legislation.gov.uk); wording of reg 3(3) read in the copy "
            "in Torbay Council's National Minimum Standards booklet.",
        ),
    ),
    NoticeDuty.WITHOUT_ADVANCE_NOTICE: _rule(
        NoticeDuty.WITHOUT_ADVANCE_NOTICE,
        "Notice by a person fostering privately who gave no advance notice",
        REGULATIONS_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.CARER,
            recipient=_AREA,
            timing=Timing.IMMEDIATELY,
            event="on fostering without having given notice",
        ),
        PRIVATE_FOSTERING_REGULATIONS_2005.cite(
            "reg 5",
            Verification.SECONDARY,
            url=_NOTE_URL,
            note="The duty and its Schedule 1 content (reg 5(2)) are in the Explanatory Note "
            "and Schedules (primary); 'immediately' is from Sefton's procedure only.",
        ),
    ),
    NoticeDuty.CHILD_ARRIVED: _rule(
        NoticeDuty.CHILD_ARRIVED,
        "Notice when the child goes to live with the private foster carer",
        REGULATIONS_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.CARER_OR_PARENT,
            recipient=_AREA,
            timing=Timing.WITHIN_HOURS_AFTER,
            amount=48,
            event="the child arrives",
        ),
        PRIVATE_FOSTERING_REGULATIONS_2005.cite(
            "reg 6",
            Verification.SECONDARY,
            url=_NOTE_URL,
            note="48 hours per Brent, Lincolnshire, Warrington and Royal Greenwich procedures; "
            "reg 6's text was not seen and who must notify (carer, parent or both) is "
            "unconfirmed. The figure may descend from the NI 1996 regulations (48 hours).",
        ),
    ),
    NoticeDuty.CHANGE_OF_CIRCUMSTANCES: _rule(
        NoticeDuty.CHANGE_OF_CIRCUMSTANCES,
        "Notice of a change of circumstances (address, household, convictions)",
        REGULATIONS_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.CARER,
            recipient=_AREA,
            timing=Timing.WITHIN_HOURS_AFTER,
            amount=48,
            event="the change",
        ),
        PRIVATE_FOSTERING_REGULATIONS_2005.cite(
            "reg 9",
            Verification.UNVERIFIED,
            url=_NOTE_URL,
            note="The changes to notify (child moves; someone joins or leaves the household; "
            "a conviction; a disqualification) are from Norfolk's 2006 summary (secondary). "
            "No time limit was found; 48 hours (Warrington, for a parent's change of address) "
            "is a flagged default.",
        ),
    ),
    NoticeDuty.END_OF_ARRANGEMENT: _rule(
        NoticeDuty.END_OF_ARRANGEMENT,
        "Notice when the child leaves the private foster carer",
        REGULATIONS_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.CARER,
            recipient=_AREA,
            timing=Timing.WITHIN_HOURS_AFTER,
            amount=48,
            event="the child leaves",
        ),
        PRIVATE_FOSTERING_REGULATIONS_2005.cite(
            "reg 10",
            Verification.SECONDARY,
            url=_NOTE_URL,
            note="Within 48 hours after the child leaves, giving the reason and the new "
            "carer's name and address (Norfolk 2006, Warrington, Ealing). Lincolnshire's "
            "'48 hours before' is an isolated reading.",
        ),
    ),
    NoticeDuty.BOARDING_HOLIDAY: _rule(
        NoticeDuty.BOARDING_HOLIDAY,
        "Written notice before pupils are treated as privately fostered in a holiday",
        _PART_IX_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.SCHOOL,
            recipient=Recipient.HOME_AUTHORITY,
            timing=Timing.AT_LEAST_WEEKS_BEFORE,
            amount=2,
            event="the first pupil is treated as privately fostered in the holiday",
        ),
        CHILDREN_ACT_1989.cite(
            "Sch 8 para 9(2)",
            Verification.PRIMARY,
            url=_PARA9_URL,
            note="1994 text read: written notice, not less than two weeks before, to the "
            "authority where the child is ordinarily resident, stating the estimated number "
            "of children; the authority may exempt a person (para 9(3)).",
        ),
    ),
    NoticeDuty.BOARDING_HOLIDAY_DEATH: _rule(
        NoticeDuty.BOARDING_HOLIDAY_DEATH,
        "Written notice of the death of a pupil treated as privately fostered",
        _PART_IX_COMMENCEMENT,
        NoticeRule(
            notifier=Notifier.SCHOOL,
            recipient=Recipient.HOME_AUTHORITY,
            timing=Timing.WITHIN_HOURS_AFTER,
            amount=48,
            event="the death",
        ),
        CHILDREN_ACT_1989.cite(
            "Sch 8 para 9(4)",
            Verification.PRIMARY,
            url=_PARA9_URL,
            note="1994 text read: within 48 hours, and where reasonably practicable to each "
            "parent and PR holder.",
        ),
    ),
}
"""The rule for each notification duty."""

RETURN_EXCEPTION: DatedRule[int] = register(
    DatedRule(
        key="private_fostering.notice.return_exception",
        title="No end-of-arrangement notice if the child is expected back within this many days",
        versions=(
            Version(
                in_force_from=REGULATIONS_COMMENCEMENT,
                value=27,
                source=PRIVATE_FOSTERING_REGULATIONS_2005.cite(
                    "reg 10 (exception for an intended return)",
                    Verification.UNVERIFIED,
                    url=_NOTE_URL,
                    note="Norfolk's 2006 summary breaks off before the number; Warrington says "
                    "'within 28 days'. 27 keeps a planned return inside the 28-day private "
                    "fostering window.",
                ),
            ),
        ),
    )
)


@attrs.frozen(kw_only=True)
class Notice:
    """A notification duty applied to a case: who must notify, and by when.

    Attributes:
        duty: Which duty.
        notifier: Who must notify.
        recipient: Which authority receives the notice.
        timing: When it is due, relative to *event*.
        event: The day of the event the timing refers to (for an advance
            notice, the planned start).
        deadline: The last day the notice is in time, as a
            [`Deadline`][safeguarding.decisions.Deadline]; ``None`` when the duty
            is "as soon as possible" (no fixed day) or no notice is required.
        source: The citation of the rule applied.
        rule_key: The key of the rule applied.
    """

    duty: NoticeDuty = attrs.field(validator=is_member(NoticeDuty))
    notifier: Notifier = attrs.field(validator=is_member(Notifier))
    recipient: Recipient = attrs.field(validator=is_member(Recipient))
    timing: Timing = attrs.field(validator=is_member(Timing))
    event: dt.date = attrs.field(validator=is_date)
    deadline: Deadline | None = attrs.field(
        validator=attrs.validators.optional(is_instance(Deadline))
    )
    source: Citation = attrs.field(validator=is_instance(Citation))
    rule_key: str = attrs.field(validator=is_text)

    def __attrs_post_init__(self) -> None:
        """A deadline exists exactly when the timing fixes a day."""
        undated = self.timing in (Timing.AS_SOON_AS_POSSIBLE, Timing.NOT_REQUIRED)
        if undated != (self.deadline is None):
            raise InvalidInputError("deadline", "is None exactly for undated timings")

    def status(self, *, on: dt.date, given: dt.date | None = None) -> DeadlineStatus | None:
        """Where the notice stands on *on*; ``None`` when no day is fixed.

        Args:
            on: The day asked about.
            given: The day the notice was given, if it has been.
        """
        check_date("on", on)
        if self.deadline is None:
            return None
        return self.deadline.status(on=on, completed=given)

    def explain(self) -> str:
        """Who, to whom, when, and the source, in one sentence."""
        if self.timing is Timing.NOT_REQUIRED:
            when = "need not notify"
        elif self.deadline is None:
            when = f"must notify as soon as possible after {self.event.isoformat()}"
        else:
            when = f"must notify by {self.deadline.due.isoformat()}"
        return (
            f"{_WHO[self.notifier].capitalize()} {when} ({self.duty.value}, "
            f"{_PROVISION[self.duty]}), to {_TO[self.recipient]}. Source: {self.source}."
        )


_ADVANCE = frozenset({NoticeDuty.PROPOSAL, NoticeDuty.BOARDING_HOLIDAY})
"""The duties that arise when the plan is made (*known*), ahead of the event."""


def _notice_deadline(
    version: Version[NoticeRule], key: str, *, started: dt.date, due: dt.date, clock: str
) -> Deadline:
    """The deadline a notice rule fixes, counted in calendar days from *started* to *due*.

    A notice rule is a [`NoticeRule`][], not a [`Timescale`][safeguarding.decisions.Timescale]
    counted forward from the start of its clock, so
    [`Deadline.from_rule`][safeguarding.decisions.Deadline.from_rule] cannot count it: its
    limit is in hours after an event (the last day in time is a whole day) or in weeks
    *before* one, while the clock starts on the day the plan was made. The rule's chosen
    *version* (the one the procedures chose, so a local rule cites its local document) is
    restated as the calendar days from *started* to *due* and built by
    [`Deadline.from_version`][safeguarding.decisions.Deadline.from_version].
    """
    days = Version(
        in_force_from=version.in_force_from,
        value=Timescale(amount=(due - started).days, unit=Unit.CALENDAR_DAYS, clock_starts=clock),
        source=version.source,
        edition=version.edition,
    )
    return Deadline.from_version(days, started, rule_key=key, calendar=ENGLAND_AND_WALES)


def notice(  # noqa: PLR0913 - the duty, its three facts, and the rules to apply
    duty: NoticeDuty,
    *,
    event: dt.date,
    known: dt.date | None = None,
    expected_return: dt.date | None = None,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> Notice:
    """Apply a notification duty: who must notify the local authority, and by when.

    The rule is applied as it stood on *on*: by default the day the duty
    arose, *known* for an advance notice and *event* otherwise. "Immediately"
    is taken as "on the day the duty arises"; "as soon as possible" fixes no
    day. A time limit in hours becomes the last day the notice can be in time
    (48 hours after an event on day D: day D + 2).

    Legal basis:
        Children (Private Arrangements for Fostering) Regulations 2005,
        regs 3, 5, 6, 9 and 10; Children Act 1989 Sch 8 para 9(2) and (4).
        Regs 5, 6, 9 and 10 time limits are secondary or unverified (see
        each rule); local procedures may set their own.

    Args:
        duty: Which duty.
        event: The event: the planned start (``PROPOSAL``), the first day a
            pupil is treated as privately fostered (``BOARDING_HOLIDAY``), or
            the day the arrangement was made, the parent became aware, the
            fostering began, the child arrived, the change happened, the child
            left or died.
        known: For ``PROPOSAL`` and ``BOARDING_HOLIDAY``: the day the plan
            was made (the clock starts then). Required for those, else unused.
        expected_return: For ``END_OF_ARRANGEMENT``: the day the carer
            expects the child back, if any.
        on: The date whose rules apply; the day the duty arose if omitted.
        procedures: Local procedures: a partnership's own version of the
            duty's rule (a time limit in hours, say) or of the return
            exception (rule ``private_fostering.notice.return_exception``),
            cited from its own document.

    Returns:
        The [`Notice`][], citing the rule applied (national or local).

    Raises:
        InvalidInputError: a date is not a plain ``date``; *known* is missing
            or after *event*; *expected_return* is before *event*;
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: the duty did not exist on that day (the 2005
            Regulations began on 1 July 2005).

    Examples:
        >>> import datetime as dt
        >>> n = notice(NoticeDuty.END_OF_ARRANGEMENT, event=dt.date(2025, 5, 2))
        >>> print(n.explain())
        The private foster carer must notify by 2025-05-04 (end of arrangement, reg 10), \
    to the local authority where the child is, or is to be, privately fostered. \
    Source: Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533), \
    reg 10 [secondary].
    """
    check_enum("duty", duty, NoticeDuty)
    check_date("event", event)
    check_procedures(procedures)
    arises = event
    if duty in _ADVANCE:
        if known is None:
            raise InvalidInputError("known", f"is required for {duty.name}")
        check_date("known", known)
        if known > event:
            raise InvalidInputError("known", "must not be after event")
        arises = known
    day = arises if on is None else check_date("on", on)
    rule = NOTICE_RULES[duty]
    version = rule.at(day, procedures=procedures)
    value = version.value
    if duty is NoticeDuty.END_OF_ARRANGEMENT and expected_return is not None:
        check_date("expected_return", expected_return)
        if expected_return < event:
            raise InvalidInputError("expected_return", "must not be before event")
        exception = RETURN_EXCEPTION.at(day, procedures=procedures)
        if (expected_return - event).days <= exception.value:
            return Notice(
                duty=duty,
                notifier=value.notifier,
                recipient=value.recipient,
                timing=Timing.NOT_REQUIRED,
                event=event,
                deadline=None,
                source=exception.source,
                rule_key=RETURN_EXCEPTION.key,
            )
    deadline: Deadline | None = None
    match value.timing:
        case Timing.AT_LEAST_WEEKS_BEFORE:
            return _advance_notice(duty, rule.key, version, event=event, known=arises)
        case Timing.WITHIN_HOURS_AFTER:
            # The last day the notice can be in time: a part day counts as a whole one.
            due = event + dt.timedelta(days=math.ceil(value.amount / 24))
            clock = f"{value.event} ({value.amount} hours)"
            deadline = _notice_deadline(version, rule.key, started=event, due=due, clock=clock)
        case Timing.IMMEDIATELY:
            deadline = _notice_deadline(
                version, rule.key, started=arises, due=arises, clock=value.event
            )
    return _made(duty, version, rule.key, event, deadline)


def _made(
    duty: NoticeDuty,
    version: Version[NoticeRule],
    key: str,
    event: dt.date,
    deadline: Deadline | None,
) -> Notice:
    return Notice(
        duty=duty,
        notifier=version.value.notifier,
        recipient=version.value.recipient,
        timing=version.value.timing,
        event=event,
        deadline=deadline,
        source=version.source,
        rule_key=key,
    )


def _advance_notice(
    duty: NoticeDuty, key: str, version: Version[NoticeRule], *, event: dt.date, known: dt.date
) -> Notice:
    weeks = version.value.amount
    latest = event - dt.timedelta(weeks=weeks)
    if duty is NoticeDuty.PROPOSAL and known > latest:
        clock = f"proposal (the arrangement starts on {event.isoformat()}, within {weeks} weeks)"
        deadline = _notice_deadline(version, key, started=known, due=known, clock=clock)
        return attrs.evolve(_made(duty, version, key, event, deadline), timing=Timing.IMMEDIATELY)
    clock = f"plan ({weeks} weeks before {event.isoformat()})"
    deadline = _notice_deadline(version, key, started=min(known, latest), due=latest, clock=clock)
    return _made(duty, version, key, event, deadline)
