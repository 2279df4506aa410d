"""The local authority's visits to a privately fostered child, as deadlines.

Once notified, the local authority must have an officer visit within seven
working days: after an advance notice of a proposal (reg 4) or after notice
that a child is, or has gone to live, with a private foster carer (reg 7).
The day of the notification is day 0, so the visit is in time on or before
the seventh working day after it. From 24 April to 24 September 2020 the
seven working days were relaxed to "as soon as reasonably practicable"
(SI 2020/445); a notification received then has no fixed first-visit date
and is never counted late.

After that, visits are due at intervals of no more than **6 weeks** in the
first year of the arrangement and **12 weeks** in later years (reg 8(1)).
For this cycle the arrangement begins when the local authority became aware
of it (reg 8(6)), so the first year runs from that day. Each interval runs
from the visit actually made (a late visit restarts the clock on the day it
was made). Visits at the request of the child, carer or a parent are *in
addition* (reg 8(2)): they neither count towards nor reset the cycle.

[`visit_schedule`][] plans the latest compliant visits; [`check_visits`][]
takes the visits actually made and gives each required visit with its status.
Working days are counted on the calendar of the
[`Procedures`][safeguarding.procedures.Procedures] given (local closure days),
and a rule the procedures set locally is cited from the local document.

Examples:
    >>> import datetime as dt
    >>> clock = VisitClock(notified=dt.date(2025, 4, 14), aware=dt.date(2025, 4, 14),
    ...                    trigger=FirstVisitTrigger.NOTICE_OF_FOSTERING)
    >>> for deadline in visit_schedule(clock, until=dt.date(2025, 7, 31)):
    ...     print(deadline.due)    # Good Friday and Easter Monday are not working days
    2025-04-25
    2025-06-06
    2025-07-18
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from safeguarding._validate import check_date, check_enum, is_date, is_instance, is_member
from safeguarding.citations import Verification
from safeguarding.decisions import Deadline, DeadlineStatus, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.private_fostering._instruments import CORONAVIRUS_AMENDMENT_REGULATIONS_2020
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import PRIVATE_FOSTERING_REGULATIONS_2005

__all__ = [
    "FIRST_VISIT_AFTER_NOTICE",
    "FIRST_VISIT_AFTER_PROPOSAL",
    "FIRST_VISIT_RELAXATION",
    "FIRST_YEAR",
    "INTERVAL_FIRST_YEAR",
    "INTERVAL_LATER_YEARS",
    "VISITS_ON_REQUEST",
    "FirstVisitTrigger",
    "RequiredVisit",
    "Visit",
    "VisitClock",
    "VisitKind",
    "VisitRequirement",
    "VisitStatus",
    "check_visits",
    "first_visit_deadline",
    "first_year_ends",
    "visit_schedule",
]

REGULATIONS_COMMENCEMENT = dt.date(2005, 7, 1)
COVID_RELAXATION_START = dt.date(2020, 4, 24)
"""SI 2020/445 came into force."""
COVID_RELAXATION_END = dt.date(2020, 9, 25)
"""SI 2020/445's amendments ceased to have effect (the first day they no longer applied)."""

_REG8_URL = "https://www.legislation.gov.uk/uksi/2005/1533/regulation/8/made"
_NOTE_URL = "https://www.legislation.gov.uk/uksi/2005/1533/note/made"


class FirstVisitTrigger(enum.Enum):
    """Which notice starts the first-visit clock."""

    ADVANCE_NOTICE = "advance notice"
    """Advance notice of a proposal (reg 3); the visit is under reg 4."""
    NOTICE_OF_FOSTERING = "notice of fostering"
    """Notice of a child privately fostered (reg 5 or 6); the visit is under reg 7."""


class VisitKind(enum.Enum):
    """Why a visit was made."""

    STATUTORY = "statutory"
    """A visit under reg 4, 7 or 8(1)."""
    ON_REQUEST = "on request"
    """A visit on request (reg 8(2)), in addition to the cycle."""


class VisitRequirement(enum.Enum):
    """Which visit duty a required visit meets."""

    FIRST = "first visit"
    """The visit within seven working days of the notification (reg 4 or 7)."""
    SUBSEQUENT = "subsequent visit"
    """A visit in the 6- or 12-weekly cycle (reg 8(1))."""


class VisitStatus(enum.Enum):
    """Where a required visit stands on the day asked about."""

    ON_TIME = "on time"
    LATE = "late"
    OVERDUE = "overdue"
    DUE_TODAY = "due today"
    NOT_YET_DUE = "not yet due"
    NOT_TIMED = "not timed"
    """No fixed timescale applied ("as soon as reasonably practicable", 2020)."""


_SEVEN = Timescale(amount=7, unit=Unit.WORKING_DAYS, clock_starts="notification")


def _first_visit_rule(
    key: str, title: str, provision: str, status: Verification, note: str
) -> DatedRule[Timescale]:
    source = PRIVATE_FOSTERING_REGULATIONS_2005.cite(provision, status, url=_NOTE_URL, note=note)
    return register(
        DatedRule(
            key=key,
            title=title,
            versions=(
                Version(in_force_from=REGULATIONS_COMMENCEMENT, value=_SEVEN, source=source),
            ),
        )
    )


FIRST_VISIT_AFTER_PROPOSAL = _first_visit_rule(
    "private_fostering.first_visit.after_proposal",
    "First visit after an advance notice of a proposal",
    "reg 4(1)",
    Verification.PRIMARY,
    "'Within seven working days' read in the copy of reg 4(1) in Torbay Council's National "
    "Minimum Standards booklet; structure confirmed by the Explanatory Note.",
)
FIRST_VISIT_AFTER_NOTICE = _first_visit_rule(
    "private_fostering.first_visit.after_notice",
    "First visit after notice that a child is privately fostered",
    "reg 7(1)",
    Verification.SECONDARY,
    "Reg 7(1)(e) and its Schedule 3 matters are confirmed (Schedules, legislation.gov.uk); "
    "'within seven working days' is from Trafford's procedure, the 2005 guidance (paras "
    "2.26-2.27) and the national PF1 statistics.",
)
FIRST_VISIT_RELAXATION: DatedRule[str] = register(
    DatedRule(
        key="private_fostering.first_visit.coronavirus_relaxation",
        title="First visits with no fixed timescale while SI 2020/445 had effect",
        versions=(
            Version(
                in_force_from=COVID_RELAXATION_START,
                value="as soon as reasonably practicable after the notification, in place of "
                "seven working days (regs 4(1) and 7(1))",
                source=CORONAVIRUS_AMENDMENT_REGULATIONS_2020.cite(
                    "amendments to the 2005 private fostering regulations "
                    "(24 April to 24 September 2020)",
                    Verification.SECONDARY,
                    url="https://www.legislation.gov.uk/uksi/2020/445/note/made",
                    note="In force 24 April 2020; ceased to have effect on 25 September 2020 "
                    "(Explanatory Note, primary). That it replaced the private fostering seven "
                    "working days with 'as soon as reasonably practicable' is from Spire "
                    "Barristers' briefing and copies of the SI (secondary).",
                ),
                edition="coronavirus relaxation",
            ),
        ),
        repealed_on=COVID_RELAXATION_END,
    )
)
"""While in force, a notification fixes no first-visit day: the seven working days
of the rules ``private_fostering.first_visit.after_proposal`` and ``.after_notice`` give way."""
INTERVAL_FIRST_YEAR: DatedRule[Timescale] = register(
    DatedRule(
        key="private_fostering.visit_interval.first_year",
        title="Longest interval between visits in the first year of the arrangement",
        versions=(
            Version(
                in_force_from=REGULATIONS_COMMENCEMENT,
                value=Timescale(amount=6, unit=Unit.WEEKS, clock_starts="previous visit"),
                source=PRIVATE_FOSTERING_REGULATIONS_2005.cite(
                    "reg 8(1)(a)", Verification.PRIMARY, url=_REG8_URL
                ),
            ),
        ),
    )
)
INTERVAL_LATER_YEARS: DatedRule[Timescale] = register(
    DatedRule(
        key="private_fostering.visit_interval.later_years",
        title="Longest interval between visits in the second and later years",
        versions=(
            Version(
                in_force_from=REGULATIONS_COMMENCEMENT,
                value=Timescale(amount=12, unit=Unit.WEEKS, clock_starts="previous visit"),
                source=PRIVATE_FOSTERING_REGULATIONS_2005.cite(
                    "reg 8(1)(b)", Verification.PRIMARY, url=_REG8_URL
                ),
            ),
        ),
    )
)
FIRST_YEAR: DatedRule[Timescale] = register(
    DatedRule(
        key="private_fostering.visit_first_year",
        title="The first year of the arrangement, for visits, runs from the authority's awareness",
        versions=(
            Version(
                in_force_from=REGULATIONS_COMMENCEMENT,
                value=Timescale(
                    amount=12, unit=Unit.MONTHS, clock_starts="local authority becoming aware"
                ),
                source=PRIVATE_FOSTERING_REGULATIONS_2005.cite(
                    "reg 8(6)",
                    Verification.PRIMARY,
                    url=_REG8_URL,
                    note="For reg 8 the arrangement is deemed to begin when the local "
                    "authority becomes aware of it.",
                ),
            ),
        ),
    )
)
VISITS_ON_REQUEST: DatedRule[str] = register(
    DatedRule(
        key="private_fostering.visits_on_request",
        title="Visits on request are in addition to the cycle",
        versions=(
            Version(
                in_force_from=REGULATIONS_COMMENCEMENT,
                value="in addition to the reg 8(1) visits: they neither count towards nor "
                "reset the cycle",
                source=PRIVATE_FOSTERING_REGULATIONS_2005.cite(
                    "reg 8(2)",
                    Verification.PRIMARY,
                    url=_REG8_URL,
                    note="'In addition' is the regulation's word; that such visits do not reset "
                    "the cycle is the library's reading of it.",
                ),
            ),
        ),
    )
)


@attrs.frozen(kw_only=True)
class Visit:
    """A visit an officer made to the child.

    Attributes:
        made_on: The day of the visit.
        kind: A statutory visit, or one made on request (reg 8(2)).
    """

    made_on: dt.date = attrs.field(validator=is_date)
    kind: VisitKind = attrs.field(validator=is_member(VisitKind))


@attrs.frozen(kw_only=True)
class VisitClock:
    """When the visiting clocks start for one arrangement.

    Attributes:
        notified: The day the authority received the notification (day 0 of
            the first-visit clock).
        aware: The day the authority became aware of the arrangement (the
            first year of visits runs from then); not after *notified*.
        trigger: Which kind of notice it was.
    """

    notified: dt.date = attrs.field(validator=is_date)
    aware: dt.date = attrs.field(validator=is_date)
    trigger: FirstVisitTrigger = attrs.field(validator=is_member(FirstVisitTrigger))

    def __attrs_post_init__(self) -> None:
        """A notification makes the authority aware, so awareness cannot come later."""
        if self.aware > self.notified:
            raise InvalidInputError("aware", "must not be after notified")


_MADE = frozenset({VisitStatus.ON_TIME, VisitStatus.LATE})
_OPEN = frozenset({VisitStatus.OVERDUE, VisitStatus.DUE_TODAY, VisitStatus.NOT_YET_DUE})


@attrs.frozen(kw_only=True)
class RequiredVisit:
    """One visit the authority had to make, and how it stands.

    Attributes:
        requirement: First visit or subsequent visit.
        deadline: Its deadline; ``None`` when no fixed timescale applied
            (the 2020 relaxation).
        visited: The day of the statutory visit that met it, if made.
        status: On time, late, overdue, due today or not yet due, on the day
            the visits were checked; ``NOT_TIMED`` without a deadline.
    """

    requirement: VisitRequirement = attrs.field(validator=is_member(VisitRequirement))
    deadline: Deadline | None = attrs.field(
        validator=attrs.validators.optional(is_instance(Deadline))
    )
    visited: dt.date | None = attrs.field(validator=attrs.validators.optional(is_date))
    status: VisitStatus = attrs.field(validator=is_member(VisitStatus))

    def __attrs_post_init__(self) -> None:
        """The status must agree with the deadline and the visit."""
        deadline, visited, status = self.deadline, self.visited, self.status
        if (deadline is None) != (status is VisitStatus.NOT_TIMED):
            raise InvalidInputError("status", "is NOT_TIMED exactly when there is no deadline")
        if status in _MADE and visited is None:
            raise InvalidInputError("visited", "is required for a visit made")
        if status in _OPEN and visited is not None:
            raise InvalidInputError("visited", "must be None for a visit not yet made")
        if deadline is None or visited is None:
            return
        if visited < deadline.started:
            raise InvalidInputError("visited", "must not be before the clock started")
        if (visited <= deadline.due) != (status is VisitStatus.ON_TIME):
            raise InvalidInputError("status", "must be ON_TIME exactly when visited by the due day")

    def explain(self) -> str:
        """The requirement, its status and its deadline in one line."""
        made = "" if self.visited is None else f", visited {self.visited.isoformat()}"
        due = "no fixed timescale" if self.deadline is None else self.deadline.explain()
        return f"{self.requirement.value}: {self.status.value}{made}. {due}"


def first_visit_deadline(
    *,
    notified: dt.date,
    trigger: FirstVisitTrigger,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> Deadline | None:
    """The day by which the first visit is due after a notification.

    Rule: within seven working days of the notification (day 0 is the day it
    was received; the visit is in time on or before the seventh working day
    after it). For a notification received from 24 April to 24 September
    2020 no day is fixed ("as soon as reasonably practicable").

    Legal basis:
        Children (Private Arrangements for Fostering) Regulations 2005,
        reg 4(1) (after an advance notice) and reg 7(1) (after notice of a
        child privately fostered); SI 2020/445 for the relaxation.

    Args:
        notified: The day the authority received the notification (day 0).
        trigger: Which kind of notice it was.
        on: The date whose rules apply; *notified* if omitted.
        procedures: Local procedures: the working-day calendar (local
            closures) and any local version of the first-visit rule.

    Returns:
        The deadline, or ``None`` when no fixed timescale applied that day.

    Raises:
        InvalidInputError: a date is not a plain ``date``, or *procedures*
            is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: the rules' date is before 1 July 2005.
        CalendarCoverageError: the calendar does not cover the dates.

    Examples:
        >>> import datetime as dt
        >>> first_visit_deadline(notified=dt.date(2024, 12, 20),
        ...                      trigger=FirstVisitTrigger.NOTICE_OF_FOSTERING).due
        datetime.date(2025, 1, 3)
        >>> first_visit_deadline(notified=dt.date(2020, 5, 1),
        ...                      trigger=FirstVisitTrigger.NOTICE_OF_FOSTERING) is None
        True
    """
    check_date("notified", notified)
    check_enum("trigger", trigger, FirstVisitTrigger)
    check_procedures(procedures)
    day = notified if on is None else check_date("on", on)
    rule = (
        FIRST_VISIT_AFTER_PROPOSAL
        if trigger is FirstVisitTrigger.ADVANCE_NOTICE
        else FIRST_VISIT_AFTER_NOTICE
    )
    if FIRST_VISIT_RELAXATION.is_in_force(day):
        return None
    return Deadline.from_rule(rule, notified, on=day, procedures=procedures)


def first_year_ends(
    clock: VisitClock, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> dt.date:
    """The first day of the second year of the arrangement, for visits (reg 8(6)).

    For the visiting cycle the arrangement begins when the local authority
    became aware of it, so the first year runs for 12 months from *aware*.

    Legal basis:
        Children (Private Arrangements for Fostering) Regulations 2005,
        reg 8(6) (rule ``private_fostering.visit_first_year``).

    Args:
        clock: The notification day, awareness day and kind of notice.
        on: The date whose rule applies; the day the authority became aware
            if omitted.
        procedures: Local procedures (any local version of the rule).

    Returns:
        The day the second year begins.

    Raises:
        InvalidInputError: *clock* is not a [`VisitClock`][], *on* not a
            plain ``date``, or *procedures* not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: the rule's date is before 1 July 2005.

    Examples:
        >>> import datetime as dt
        >>> clock = VisitClock(notified=dt.date(2024, 3, 4), aware=dt.date(2024, 2, 29),
        ...                    trigger=FirstVisitTrigger.NOTICE_OF_FOSTERING)
        >>> first_year_ends(clock)
        datetime.date(2025, 2, 28)
    """
    if not isinstance(clock, VisitClock):
        raise InvalidInputError("clock", "must be a VisitClock")
    check_procedures(procedures)
    day = clock.aware if on is None else check_date("on", on)
    year = FIRST_YEAR.at(day, procedures=procedures).value
    return year.due(clock.aware, calendar=procedures.calendar)


def _next_visit(
    previous: dt.date, year_two: dt.date, *, on: dt.date | None, procedures: Procedures
) -> Deadline:
    """The subsequent visit due after a visit made (or planned) on *previous*."""
    rule = INTERVAL_FIRST_YEAR if previous < year_two else INTERVAL_LATER_YEARS
    return Deadline.from_rule(rule, previous, on=on, procedures=procedures)


def visit_schedule(
    clock: VisitClock,
    *,
    until: dt.date,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> tuple[Deadline, ...]:
    """The latest compliant visits: each made on the last day it is in time.

    Rule: the first visit within seven working days of the notification,
    then visits at intervals of no more than 6 weeks while the previous
    visit falls in the first year (counted from *aware*), 12 weeks after.
    Where no first-visit timescale was in force (2020 relaxation) the plan
    starts the cycle from *aware*.

    Legal basis:
        Children (Private Arrangements for Fostering) Regulations 2005,
        regs 4(1), 7(1), 8(1) and 8(6).

    Args:
        clock: The notification day, awareness day and kind of notice.
        until: Plan visits due on or before this day.
        on: The date whose rules apply to every visit; if omitted, each rule
            as it stood on the day its clock started (the notification for the
            first visit, the awareness for the first year, the previous visit
            for each interval).
        procedures: Local procedures: the working-day calendar and any local
            version of the visiting rules.

    Returns:
        The deadlines in order (possibly empty if *until* is early).

    Raises:
        InvalidInputError: *clock* is not a [`VisitClock`][], *until* or *on*
            not a plain ``date``, or *procedures* not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: dates before 1 July 2005.

    Examples:
        >>> import datetime as dt
        >>> clock = VisitClock(notified=dt.date(2024, 1, 8), aware=dt.date(2024, 1, 8),
        ...                    trigger=FirstVisitTrigger.NOTICE_OF_FOSTERING)
        >>> plan = visit_schedule(clock, until=dt.date(2025, 6, 1))
        >>> print(plan[-1].timescale.describe())
        12 weeks after the previous visit
    """
    if not isinstance(clock, VisitClock):
        raise InvalidInputError("clock", "must be a VisitClock")
    check_date("until", until)
    year_two = first_year_ends(clock, on=on, procedures=procedures)
    first = first_visit_deadline(
        notified=clock.notified, trigger=clock.trigger, on=on, procedures=procedures
    )
    plan: list[Deadline] = []
    previous = clock.aware
    if first is not None:
        if first.due > until:
            return ()
        plan.append(first)
        previous = first.due
    while True:
        following = _next_visit(previous, year_two, on=on, procedures=procedures)
        if following.due > until:
            return tuple(plan)
        plan.append(following)
        previous = following.due


_STATUS = {
    DeadlineStatus.MET: VisitStatus.ON_TIME,
    DeadlineStatus.MET_LATE: VisitStatus.LATE,
    DeadlineStatus.OVERDUE: VisitStatus.OVERDUE,
    DeadlineStatus.DUE: VisitStatus.DUE_TODAY,
    DeadlineStatus.NOT_YET_DUE: VisitStatus.NOT_YET_DUE,
}


def _statutory_visits(visits: Iterable[Visit], notified: dt.date, on: dt.date) -> list[dt.date]:
    made: list[dt.date] = []
    for index, visit in enumerate(visits):
        if not isinstance(visit, Visit):
            raise InvalidInputError(f"visits[{index}]", "must be a Visit")
        if visit.made_on < notified:
            raise InvalidInputError(f"visits[{index}]", "is before the notification")
        if visit.kind is VisitKind.STATUTORY and visit.made_on <= on:
            made.append(visit.made_on)
    return sorted(made)


def check_visits(
    visits: Iterable[Visit],
    clock: VisitClock,
    *,
    on: dt.date,
    ended: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> tuple[RequiredVisit, ...]:
    """Each visit the authority had to make by *on*, matched with the visits made.

    Rule: as [`visit_schedule`][], but each interval runs from the visit
    actually made, so a late visit restarts the clock on its day. Statutory
    visits meet the requirements in date order; visits on request are
    ignored (they are in addition to the cycle). Visits after *on* are not
    yet known on *on* and are ignored. No further visit is required once
    the arrangement has *ended* before it fell due. Each rule is applied as
    it stood on the day its clock started: the notification for the first
    visit, the awareness for the first year, the visit made for each
    interval (a notification in the 2020 relaxation stays untimed).

    Legal basis:
        Children (Private Arrangements for Fostering) Regulations 2005,
        regs 4(1), 7(1), 8(1), 8(2) and 8(6); SI 2020/445.

    Args:
        visits: The visits made, in any order.
        clock: The notification day, awareness day and kind of notice.
        on: The day the position is checked: visits after it are not yet
            known. It does not choose the rules (see above).
        ended: The last day of the arrangement, if it has ended.
        procedures: Local procedures: the working-day calendar and any local
            version of the visiting rules.

    Returns:
        The required visits in order: the first visit, then each subsequent
        visit up to the first one not yet made.

    Raises:
        InvalidInputError: bad dates, visits, clock or procedures, a visit
            before the notification, or *ended* before the authority became
            aware.
        RuleNotInForceError: dates before 1 July 2005.

    Examples:
        >>> import datetime as dt
        >>> made = [Visit(made_on=dt.date(2025, 4, 22), kind=VisitKind.STATUTORY),
        ...         Visit(made_on=dt.date(2025, 5, 20), kind=VisitKind.ON_REQUEST)]
        >>> clock = VisitClock(notified=dt.date(2025, 4, 14), aware=dt.date(2025, 4, 14),
        ...                    trigger=FirstVisitTrigger.NOTICE_OF_FOSTERING)
        >>> for required in check_visits(made, clock, on=dt.date(2025, 6, 10)):
        ...     print(required.requirement.name, required.deadline.due, required.status.value)
        FIRST 2025-04-25 on time
        SUBSEQUENT 2025-06-03 overdue
    """
    if not isinstance(clock, VisitClock):
        raise InvalidInputError("clock", "must be a VisitClock")
    check_date("on", on)
    if ended is not None:
        check_date("ended", ended)
        if ended < clock.aware:
            raise InvalidInputError("ended", "must not be before the authority became aware")
    year_two = first_year_ends(clock, procedures=procedures)
    made = iter(_statutory_visits(visits, clock.notified, on))
    first = first_visit_deadline(
        notified=clock.notified, trigger=clock.trigger, procedures=procedures
    )
    visited = next(made, None)
    status = (
        VisitStatus.NOT_TIMED if first is None else _STATUS[first.status(on=on, completed=visited)]
    )
    required = [
        RequiredVisit(
            requirement=VisitRequirement.FIRST,
            deadline=first,
            visited=visited,
            status=status,
        )
    ]
    previous = visited
    while previous is not None:
        deadline = _next_visit(previous, year_two, on=None, procedures=procedures)
        if ended is not None and deadline.due > ended:
            break
        visited = next(made, None)
        status = _STATUS[deadline.status(on=on, completed=visited)]
        required.append(
            RequiredVisit(
                requirement=VisitRequirement.SUBSEQUENT,
                deadline=deadline,
                visited=visited,
                status=status,
            )
        )
        previous = visited
    return tuple(required)
