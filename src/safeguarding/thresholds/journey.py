"""One child's journey through the child protection process, checked against its clocks.

[`check_journey`][] takes an [`Episode`][safeguarding.cases.Episode] and a date
*on*, and lists every statutory step the episode has reached with its due
date, its status on that date and the reason:

* the referral decision (1 working day) and the assessment (45 working days
  from the referral);
* for each section 47 enquiry, the initial child protection conference (15
  working days from the strategy discussion that starts the clock);
* for each child protection plan, the first core group (10 working days) and
  every review conference (3 months, then 6-monthly);
* for each looked-after period, every review (20 working days, 3 months, then
  6-monthly).

**As at a date.** The report is what was known on *on*: an event dated after
*on* has not happened yet. A step is *on time* or *late* once done, *overdue*
if its due date has passed without it, and *not yet due* otherwise (including
on the due day itself). A step that stopped being needed (the episode closed,
the plan ended) before it fell due is not listed; one that fell due before is
*overdue* for good. Status *unknown* is kept for steps the record cannot
decide: a referral decision whose date is not recorded and whose first
follow-up came after the due date, core groups a data source does not record,
a step recorded before its clock started, a date no rule or calendar covers.
Later review dates are counted from the review actually held, so one late
review moves the next due date.

**Inconsistent records are reported, not refused.** The checks the DfE
applies to the CIN census (a conference before the enquiry started, a plan
starting on a day with no conference, two open plans, activity after closure
or on a "no further action" referral, ...) are run on the whole record and
returned as [`Finding`][safeguarding.decisions.Finding] objects, each citing its
DfE validation rule number. A step is still computed from inconsistent data
wherever a clock can be read.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.cases import Episode, Section47Enquiry
    >>> episode = Episode(
    ...     referral_date=dt.date(2024, 3, 1),
    ...     referral_decision_date=dt.date(2024, 3, 1),
    ...     section47_enquiries=(Section47Enquiry(start_date=dt.date(2024, 3, 20),
    ...                                           initial_cpc_date=dt.date(2024, 3, 15)),),
    ... )
    >>> report = check_journey(episode, on=dt.date(2024, 4, 2))
    >>> for step in report.steps:
    ...     print(step.kind.value, "|", step.status.value)
    referral decision | on time
    assessment | not yet due
    initial child protection conference | unknown
    >>> for finding in report.inconsistencies:
    ...     print(finding.criterion)
    s47 enquiry starts on or before its initial conference (DfE rule 8615)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

import attrs

from safeguarding._validate import (
    check_date,
    is_date,
    is_int,
    is_member,
    is_optional_date,
    is_text,
    is_tuple_of,
)
from safeguarding.cases import (
    ChildProtectionPlan,
    Episode,
    LookedAfterPeriod,
    Section47Enquiry,
)
from safeguarding.citations import Citation, Instrument, Verification
from safeguarding.decisions import Deadline, Finding
from safeguarding.errors import CalendarCoverageError, InvalidInputError, RuleNotInForceError
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule
from safeguarding.sources import CARE_PLANNING_REGULATIONS_2010, WORKING_TOGETHER_2018
from safeguarding.thresholds.timescales import (
    ASSESSMENT,
    FIRST_CORE_GROUP,
    FIRST_REVIEW_CONFERENCE,
    INITIAL_CONFERENCE,
    LOOKED_AFTER_FIRST_REVIEW,
    LOOKED_AFTER_REVIEW_INTERVAL,
    LOOKED_AFTER_SECOND_REVIEW,
    REFERRAL_DECISION,
    REVIEW_CONFERENCE_INTERVAL,
    _deadline,
    initial_conference_anchor,
)

__all__ = [
    "CIN_VALIDATION_RULES",
    "JourneyReport",
    "JourneyStep",
    "StepKind",
    "StepStatus",
    "check_journey",
    "summarise_journey",
]

CIN_VALIDATION_RULES = Instrument(
    title="Children in need census: validation rules (DfE)",
    url="https://www.gov.uk/government/collections/children-in-need-census",
)
"""The DfE's validation rules for the CIN census, cited by rule number."""


class StepKind(enum.Enum):
    """A statutory step of the child protection process."""

    REFERRAL_DECISION = "referral decision"
    ASSESSMENT = "assessment"
    INITIAL_CONFERENCE = "initial child protection conference"
    FIRST_CORE_GROUP = "first core group"
    REVIEW_CONFERENCE = "child protection review conference"
    LOOKED_AFTER_REVIEW = "looked-after review"


class StepStatus(enum.Enum):
    """Where a step stands on the day the journey is checked."""

    ON_TIME = "on time"
    """Done on or before its due date."""
    LATE = "late"
    """Done after its due date."""
    OVERDUE = "overdue"
    """Not done, and the due date has passed."""
    NOT_YET_DUE = "not yet due"
    """Not done, and the due date is today or later."""
    UNKNOWN = "unknown"
    """The record cannot decide (the reason says why)."""


def _optional_deadline(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Deadline):
        raise InvalidInputError(attribute.name, "must be a Deadline or None")


@attrs.frozen(kw_only=True)
class JourneyStep:
    """One statutory step of a journey, with its deadline and status.

    Attributes:
        kind: Which step.
        subject: Which enquiry, plan or looked-after period it belongs to,
            counting from 1 in the order of the episode's record (1 for the
            referral decision and the assessment).
        number: Which review (1 for the first); 1 for other steps.
        deadline: The due date with its timescale and source, or ``None``
            when no rule or calendar covers the clock start.
        completed: The day the step was done, if done by the day checked.
        status: Where the step stands.
        reason: One plain-English sentence explaining the status.

    Raises:
        InvalidInputError: a field has the wrong type, or the status
            contradicts the dates (``on time`` after the due date, ``overdue``
            with a completion date, ...).
    """

    kind: StepKind = attrs.field(validator=is_member(StepKind))
    subject: int = attrs.field(default=1, validator=is_int(minimum=1))
    number: int = attrs.field(default=1, validator=is_int(minimum=1))
    deadline: Deadline | None = attrs.field(validator=_optional_deadline)
    completed: dt.date | None = attrs.field(validator=is_optional_date)
    status: StepStatus = attrs.field(validator=is_member(StepStatus))
    reason: str = attrs.field(validator=is_text)

    def __attrs_post_init__(self) -> None:
        """Check that the status agrees with the completion date and the deadline."""
        status = self.status
        if status is StepStatus.UNKNOWN:
            return
        deadline = self.deadline
        if deadline is None:
            raise InvalidInputError("deadline", f"is required for a step {status.value}")
        if status is StepStatus.ON_TIME or status is StepStatus.LATE:
            if self.completed is None:
                raise InvalidInputError("completed", f"is required for a step {status.value}")
            if (self.completed <= deadline.due) != (status is StepStatus.ON_TIME):
                raise InvalidInputError("status", "contradicts the completion and due dates")
        elif self.completed is not None:
            raise InvalidInputError("completed", f"must be None for a step {status.value}")

    @property
    def due(self) -> dt.date | None:
        """The due date, or ``None`` when it could not be computed."""
        return None if self.deadline is None else self.deadline.due

    def explain(self) -> str:
        """One line: ``"<step>: <status> (due <date>) - <reason>"``."""
        label = self.kind.value
        if self.kind in _NUMBERED:
            label = f"{label} {self.number}"
        if self.subject > 1 or self.kind in _PER_SUBJECT:
            label = f"{label} [{self.subject}]"
        due = "" if self.due is None else f" (due {self.due.isoformat()})"
        return f"{label}: {self.status.value}{due} - {self.reason}"


_NUMBERED = frozenset({StepKind.REVIEW_CONFERENCE, StepKind.LOOKED_AFTER_REVIEW})
_PER_SUBJECT = frozenset(
    {
        StepKind.INITIAL_CONFERENCE,
        StepKind.FIRST_CORE_GROUP,
        StepKind.REVIEW_CONFERENCE,
        StepKind.LOOKED_AFTER_REVIEW,
    }
)


@attrs.frozen(kw_only=True)
class JourneyReport:
    """Every statutory step of an episode on a given day, and the record's inconsistencies.

    Attributes:
        on: The day the journey was checked.
        procedures: The name of the local procedures applied.
        steps: The steps, in the order of the record: referral decision,
            assessment, conferences per enquiry, core group and reviews per
            plan, reviews per looked-after period.
        inconsistencies: Failed consistency checks on the record, one finding
            each (``met`` is ``False``), citing the DfE validation rule.

    Raises:
        InvalidInputError: a step's dates contradict *on* (a completion after
            it, an overdue step not yet due, ...).
    """

    on: dt.date = attrs.field(validator=is_date)
    procedures: str = attrs.field(validator=is_text)
    steps: tuple[JourneyStep, ...] = attrs.field(validator=is_tuple_of(JourneyStep))
    inconsistencies: tuple[Finding, ...] = attrs.field(validator=is_tuple_of(Finding))

    def __attrs_post_init__(self) -> None:
        """Check each step's status against the day checked."""
        on = self.on
        for index, step in enumerate(self.steps):
            due = step.due
            if step.completed is not None and step.completed > on:
                raise InvalidInputError(f"steps[{index}]", "is completed after the day checked")
            if step.status is StepStatus.OVERDUE and due is not None and due >= on:
                raise InvalidInputError(f"steps[{index}]", "is overdue before its due date")
            if step.status is StepStatus.NOT_YET_DUE and due is not None and due < on:
                raise InvalidInputError(f"steps[{index}]", "is not yet due after its due date")

    def with_status(self, status: StepStatus) -> tuple[JourneyStep, ...]:
        """The steps with the given status."""
        return tuple(step for step in self.steps if step.status is status)

    @property
    def late(self) -> tuple[JourneyStep, ...]:
        """Steps done after their due date."""
        return self.with_status(StepStatus.LATE)

    @property
    def overdue(self) -> tuple[JourneyStep, ...]:
        """Steps not done whose due date has passed."""
        return self.with_status(StepStatus.OVERDUE)

    @property
    def is_consistent(self) -> bool:
        """Whether the record passed every consistency check."""
        return not self.inconsistencies

    def explain(self) -> str:
        """The steps, one per line, then the inconsistencies."""
        lines = [f"Journey as at {self.on.isoformat()} ({self.procedures}):"]
        lines.extend(f"- {step.explain()}" for step in self.steps)
        if self.inconsistencies:
            lines.append("Inconsistencies:")
            lines.extend(f"- {finding.explain()}" for finding in self.inconsistencies)
        return "\n".join(lines)


# --------------------------------------------------------------------------- steps


_Slot = tuple[StepKind, int, int]
"""A step's identity: its kind, subject and number."""


_RawStep = tuple[_Slot, Deadline | None, dt.date | None, StepStatus, str]
"""A step before it becomes a [`JourneyStep`][]: slot, deadline, completed, status, reason."""


class _Builder:
    """Collects the steps of one episode as at *on*.

    With *explain* false the reasons are left empty: counting many episodes
    ([`summarise_journey`][]) needs only each step's kind, status and due date.
    """

    __slots__ = ("closed", "explain", "on", "procedures", "steps")

    def __init__(
        self,
        on: dt.date,
        procedures: Procedures,
        closed: dt.date | None,
        *,
        explain: bool = True,
    ) -> None:
        self.on = on
        self.procedures = procedures
        self.closed = closed  # the closure day, if the episode had closed by *on*
        self.explain = explain
        self.steps: list[_RawStep] = []

    def add(
        self,
        slot: _Slot,
        deadline: Deadline | None,
        completed: dt.date | None,
        status: StepStatus,
        reason: str | Callable[[], str],
    ) -> None:
        """Record a step; a callable *reason* is written only when explaining."""
        if not self.explain:
            reason = ""
        elif not isinstance(reason, str):
            reason = reason()
        self.steps.append((slot, deadline, completed, status, reason))

    def unknown(
        self, slot: _Slot, deadline: Deadline | None, reason: str | Callable[[], str]
    ) -> None:
        """Record a step the record cannot decide."""
        self.add(slot, deadline, None, StepStatus.UNKNOWN, reason)

    def deadline(
        self, slot: _Slot, rule: DatedRule[Any], start: dt.date, clock_starts: str | None = None
    ) -> Deadline | None:
        """The deadline, or ``None`` after recording an unknown step saying why."""
        try:
            return _deadline(
                rule, "start", start, on=None, procedures=self.procedures, clock_starts=clock_starts
            )
        except (RuleNotInForceError, CalendarCoverageError) as exc:
            self.unknown(slot, None, f"no due date can be computed: {exc}")
            return None

    def done(self, slot: _Slot, deadline: Deadline, completed: dt.date) -> None:
        """Record a step done on *completed* (on or before *on*)."""
        due = deadline.due
        if completed < deadline.started:
            self.unknown(
                slot,
                deadline,
                lambda: (
                    f"recorded on {completed.isoformat()}, before its clock started on "
                    f"{deadline.started.isoformat()}"
                ),
            )
            return
        if completed <= due:
            self.add(slot, deadline, completed, StepStatus.ON_TIME, lambda: f"done on {completed}")
        else:
            self.add(
                slot,
                deadline,
                completed,
                StepStatus.LATE,
                lambda: f"done on {completed}, {(completed - due).days} day(s) after the due date",
            )

    def pending(
        self, slot: _Slot, deadline: Deadline, ended: dt.date | None, what_ended: str
    ) -> None:
        """Record a step not done by *on*, unless what it belonged to *ended* before it fell due."""
        due, on = deadline.due, self.on
        if ended is not None:
            if due >= ended:
                return  # no longer needed: ended within time
            self.add(
                slot,
                deadline,
                None,
                StepStatus.OVERDUE,
                lambda: f"not done before the {what_ended} ended on {ended}",
            )
        elif on <= due:
            reason = "not done yet; due today" if on == due else "not done yet"
            self.add(slot, deadline, None, StepStatus.NOT_YET_DUE, reason)
        else:
            self.add(
                slot,
                deadline,
                None,
                StepStatus.OVERDUE,
                lambda: f"not done; {(on - due).days} day(s) past the due date",
            )


def _first_action(episode: Episode, on: dt.date) -> tuple[dt.date, str] | None:
    """The earliest recorded event that shows the referral had been decided."""
    candidates = [(a.start_date, "assessment starting") for a in episode.assessments]
    for enquiry in episode.section47_enquiries:
        candidates.append((enquiry.start_date, "s47 enquiry starting"))
        candidates.extend(
            (d.discussion_date, "strategy discussion") for d in enquiry.strategy_discussions
        )
    if episode.closure_date is not None:
        candidates.append((episode.closure_date, "closure of the episode"))
    start = episode.referral_date
    known = [c for c in candidates if start <= c[0] <= on]
    return min(known) if known else None


_DECISION: _Slot = (StepKind.REFERRAL_DECISION, 1, 1)
_ASSESSMENT: _Slot = (StepKind.ASSESSMENT, 1, 1)


def _referral_steps(b: _Builder, episode: Episode) -> None:
    deadline = b.deadline(_DECISION, REFERRAL_DECISION, episode.referral_date)
    if deadline is not None:
        decided = episode.referral_decision_date
        evidence = _first_action(episode, b.on)
        if decided is not None and decided <= b.on:
            b.done(_DECISION, deadline, decided)
        elif evidence is None:
            b.pending(_DECISION, deadline, None, "episode")
        elif evidence[0] <= deadline.due:
            b.add(
                _DECISION,
                deadline,
                evidence[0],
                StepStatus.ON_TIME,
                lambda: (
                    f"decision date not recorded; the {evidence[1]} on "
                    f"{evidence[0]} shows it was made by then"
                ),
            )
        else:
            b.unknown(
                _DECISION,
                deadline,
                lambda: (
                    f"decision date not recorded; the first action that follows from it "
                    f"({evidence[1]}, {evidence[0].isoformat()}) is after the due date"
                ),
            )
    if episode.referral_nfa is True and not episode.assessments:
        return
    deadline = b.deadline(_ASSESSMENT, ASSESSMENT, episode.referral_date)
    if deadline is None:
        return
    started = [a for a in episode.assessments if a.start_date <= b.on]
    if started:
        authorised = min(started, key=lambda a: a.start_date).authorisation_date
        if authorised is not None and authorised <= b.on:
            b.done(_ASSESSMENT, deadline, authorised)
            return
    b.pending(_ASSESSMENT, deadline, b.closed, "episode")


def _conference_steps(b: _Builder, index: int, enquiry: Section47Enquiry) -> None:
    on = b.on
    held = enquiry.initial_cpc_date
    if held is not None and held > on:
        held = None
    if held is None and enquiry.icpc_not_required is True:
        return
    if enquiry.start_date > on and not any(
        d.discussion_date <= on for d in enquiry.strategy_discussions
    ):
        return
    slot = (StepKind.INITIAL_CONFERENCE, index, 1)
    try:
        start, why = initial_conference_anchor(enquiry, on=on, procedures=b.procedures)
    except RuleNotInForceError as exc:
        b.unknown(slot, None, f"no due date can be computed: {exc}")
        return
    deadline = b.deadline(slot, INITIAL_CONFERENCE, start, clock_starts=why)
    if deadline is None:
        return
    if held is not None:
        b.done(slot, deadline, held)
    else:
        b.pending(slot, deadline, b.closed, "episode")


def _ended(end: dt.date | None, closed: dt.date | None, on: dt.date) -> dt.date | None:
    """When a plan or period ended as at *on*: its own end or the episode's closure."""
    if end is not None and end > on:
        end = None
    if closed is not None and (end is None or closed < end):
        return closed
    return end


def _review_rule(kind: StepKind, number: int) -> DatedRule[Any]:
    """The rule for the *number*-th review of a plan (conferences) or a looked-after period."""
    if kind is StepKind.REVIEW_CONFERENCE:
        return FIRST_REVIEW_CONFERENCE if number == 1 else REVIEW_CONFERENCE_INTERVAL
    if number == 1:
        return LOOKED_AFTER_FIRST_REVIEW
    return LOOKED_AFTER_SECOND_REVIEW if number == 2 else LOOKED_AFTER_REVIEW_INTERVAL


def _review_chain(
    b: _Builder,
    of: tuple[StepKind, int],
    start: dt.date,
    held: Sequence[dt.date],
    ended: tuple[dt.date | None, str],
) -> None:
    """Every review held (each due from the one before), then the next one if still needed."""
    kind, index = of
    previous = start
    number = 1
    for review in held:
        slot = (kind, index, number)
        deadline = b.deadline(slot, _review_rule(kind, number), previous)
        if deadline is not None:
            b.done(slot, deadline, review)
        previous = review
        number += 1
    slot = (kind, index, number)
    deadline = b.deadline(slot, _review_rule(kind, number), previous)
    if deadline is not None:
        b.pending(slot, deadline, *ended)


def _plan_steps(b: _Builder, index: int, plan: ChildProtectionPlan) -> None:
    on, start = b.on, plan.start_date
    ended = _ended(plan.end_date, b.closed, on)
    slot = (StepKind.FIRST_CORE_GROUP, index, 1)
    deadline = b.deadline(slot, FIRST_CORE_GROUP, start)
    if deadline is not None:
        if plan.core_group_dates is None:
            b.unknown(
                slot,
                deadline,
                "core group meetings are not recorded (not a CIN census item)",
            )
        else:
            meetings = [d for d in plan.core_group_dates if start <= d <= on]
            if meetings:
                b.done(slot, deadline, min(meetings))
            else:
                b.pending(slot, deadline, ended, "plan")
    held = sorted(d for d in plan.review_dates if start < d <= on)
    _review_chain(b, (StepKind.REVIEW_CONFERENCE, index), start, held, (ended, "plan"))


def _looked_after_steps(b: _Builder, index: int, period: LookedAfterPeriod) -> None:
    on, start = b.on, period.start_date
    ended = period.end_date if period.end_date is not None and period.end_date <= on else None
    held = sorted(d for d in period.review_dates if start <= d <= on)
    _review_chain(
        b,
        (StepKind.LOOKED_AFTER_REVIEW, index),
        start,
        held,
        (ended, "looked-after period"),
    )


# --------------------------------------------------------------------------- consistency


_VALIDATION_NOTE = (
    "Rule text as restated in the data-to-insight CIN validator (csc-validator-be-cin, rules "
    "cin2022_23) and Bristol's CIN import-export script (2022); DfE's rule table not read."
)


def _rule(number: str, message: str) -> Citation:
    return CIN_VALIDATION_RULES.cite(
        f"rule {number}: {message}", Verification.SECONDARY, note=_VALIDATION_NOTE
    )


_MESSAGES: dict[str, str] = {
    "1103": "The assessment start date cannot be before the referral date",
    "1104": (
        "The date of the initial child protection conference cannot be before the referral date"
    ),
    "1105": "The child protection plan start date cannot be before the referral date",
    "2884": (
        "An initial child protection conference is recorded at both the S47 and CIN "
        "Details level and it should only be recorded in one"
    ),
    "2885": (
        "Child protection plan shown as starting a different day to the initial child "
        "protection conference"
    ),
    "2889": "The S47 start date cannot be before the referral date",
    "4000": "CIN Plan details provided for a referral with no further action",
    "4015": "The CIN Plan start date cannot be before the referral date",
    "8565": "Activity shown after a case has been closed",
    "8615": (
        "Section 47 Enquiry Start Date must be present and cannot be later than the date "
        "of the initial Child Protection Conference"
    ),
    "8831": "Activity is recorded against a case marked as a referral with no further action",
    "8832": "Child Protection details provided for a referral with no further action",
    "8840": "Child Protection Plan cannot start and end on the same day",
    "8841": (
        "The review date cannot be on the same day or before the Child protection Plan start date"
    ),
    "8863": "An Assessment is shown as starting when there is another Assessment ongoing",
    "8867": "CIN episode is shown as closed, however Assessment is not shown as completed",
    "8868": (
        "CIN episode is shown as closed, however Section 47 enquiry is not shown as "
        "completed by ICPC date or ICPC not required flag"
    ),
    "8890": (
        "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing"
    ),
    "8935": (
        "This child is showing more than one open Child Protection plan, i.e. with no End Date"
    ),
    "8940": "Child Protection Plan data contains overlapping dates",
}
"""The DfE CIN census validation rules checked, with their messages."""
_RULES: dict[str, Citation] = {n: _rule(n, m) for n, m in _MESSAGES.items()}
_DISCUSSION_SOURCE = WORKING_TOGETHER_2018.cite(
    "chapter 1, 'Strategy discussion' and flow chart 4",
    Verification.SECONDARY,
    note="A strategy discussion decides whether to start s47 enquiries, so the discussion that "
    "initiated an enquiry cannot follow its start (restated by local procedures, e.g. Lewisham and "
    "West Mercia).",
)
_LOOKED_AFTER_SOURCE = CARE_PLANNING_REGULATIONS_2010.cite(
    "reg 33 (Part 6, reviews of the child's case)",
    Verification.SECONDARY,
    note="A review of a looked-after child's case follows the start of the period it reviews.",
)


def _iso(day: dt.date) -> str:
    return day.isoformat()


class _Checks:
    """Runs the consistency checks of one episode."""

    __slots__ = ("episode", "found")

    def __init__(self, episode: Episode) -> None:
        self.episode = episode
        self.found: list[Finding] = []

    def fail(self, number: str, criterion: str, detail: str) -> None:
        self.found.append(
            Finding(
                criterion=f"{criterion} (DfE rule {number})",
                met=False,
                detail=detail,
                source=_RULES[number],
            )
        )

    def run(self) -> list[Finding]:
        self.before_referral()
        self.enquiries()
        self.plans()
        self.unfinished_at_closure()
        self.after_closure()
        self.no_further_action()
        self.overlapping_assessments()
        self.overlapping_enquiries()
        self.overlapping_plans()
        self.looked_after()
        return self.found

    def before_referral(self) -> None:
        e = self.episode
        referral = e.referral_date
        for i, a in enumerate(e.assessments, 1):
            if a.start_date < referral:
                self.fail(
                    "1103",
                    "assessment starts on or after the referral",
                    f"assessment {i} starts on {_iso(a.start_date)}, before the referral on "
                    f"{_iso(referral)}",
                )
        for i, s in enumerate(e.section47_enquiries, 1):
            if s.start_date < referral:
                self.fail(
                    "2889",
                    "s47 enquiry starts on or after the referral",
                    f"s47 enquiry {i} starts on {_iso(s.start_date)}, before the referral on "
                    f"{_iso(referral)}",
                )
            if s.initial_cpc_date is not None and s.initial_cpc_date < referral:
                self.fail(
                    "1104",
                    "initial conference on or after the referral",
                    f"the conference of s47 enquiry {i} on {_iso(s.initial_cpc_date)} is before "
                    f"the referral on {_iso(referral)}",
                )
        for i, p in enumerate(e.child_protection_plans, 1):
            if p.start_date < referral:
                self.fail(
                    "1105",
                    "child protection plan starts on or after the referral",
                    f"plan {i} starts on {_iso(p.start_date)}, before the referral on "
                    f"{_iso(referral)}",
                )
        for i, c in enumerate(e.cin_plans, 1):
            if c.start_date < referral:
                self.fail(
                    "4015",
                    "child in need plan starts on or after the referral",
                    f"CIN plan {i} starts on {_iso(c.start_date)}, before the referral on "
                    f"{_iso(referral)}",
                )

    def enquiries(self) -> None:
        e = self.episode
        for i, s in enumerate(e.section47_enquiries, 1):
            conference = s.initial_cpc_date
            if conference is not None and s.start_date > conference:
                self.fail(
                    "8615",
                    "s47 enquiry starts on or before its initial conference",
                    f"the conference of s47 enquiry {i} on {_iso(conference)} is before the "
                    f"enquiry started on {_iso(s.start_date)}",
                )
            if conference is not None and conference == e.initial_cpc_date:
                self.fail(
                    "2884",
                    "initial conference recorded once",
                    f"the conference on {_iso(conference)} is recorded both for s47 enquiry {i} "
                    "and for the episode",
                )
            for d in s.strategy_discussions:
                if d.initiated_s47 and d.discussion_date > s.start_date:
                    self.found.append(
                        Finding(
                            criterion="the strategy discussion that initiated an s47 enquiry "
                            "precedes it",
                            met=False,
                            detail=f"s47 enquiry {i} starts on {_iso(s.start_date)} but the "
                            f"discussion recorded as initiating it was on "
                            f"{_iso(d.discussion_date)}",
                            source=_DISCUSSION_SOURCE,
                        )
                    )

    def plans(self) -> None:
        e = self.episode
        conferences = {s.initial_cpc_date for s in e.section47_enquiries}
        conferences.add(e.initial_cpc_date)
        for i, p in enumerate(e.child_protection_plans, 1):
            if p.start_date not in conferences:
                self.fail(
                    "2885",
                    "child protection plan starts on the day of an initial conference",
                    f"plan {i} starts on {_iso(p.start_date)}, a day with no initial conference "
                    "recorded",
                )
            if p.end_date is not None and p.end_date == p.start_date:
                self.fail(
                    "8840",
                    "child protection plan does not start and end on the same day",
                    f"plan {i} starts and ends on {_iso(p.start_date)}",
                )
            early = [d for d in p.review_dates if d <= p.start_date]
            if early:
                self.fail(
                    "8841",
                    "review conferences follow the plan's start",
                    f"plan {i} starts on {_iso(p.start_date)} but has a review on "
                    f"{_iso(min(early))}",
                )

    def unfinished_at_closure(self) -> None:
        e = self.episode
        closed = e.closure_date
        if closed is None:
            return
        for i, a in enumerate(e.assessments, 1):
            if a.authorisation_date is None:
                self.fail(
                    "8867",
                    "assessments are completed before the episode closes",
                    f"assessment {i} has no authorisation date but the episode closed on "
                    f"{_iso(closed)}",
                )
        for i, s in enumerate(e.section47_enquiries, 1):
            if s.initial_cpc_date is None and s.icpc_not_required is not True:
                self.fail(
                    "8868",
                    "s47 enquiries are concluded before the episode closes",
                    f"s47 enquiry {i} has neither a conference nor 'not required' but the episode "
                    f"closed on {_iso(closed)}",
                )

    def after_closure(self) -> None:
        e = self.episode
        closed = e.closure_date
        if closed is None:
            return
        later: list[tuple[dt.date | None, str]] = []
        for i, a in enumerate(e.assessments, 1):
            later.append((a.start_date, f"assessment {i} starts"))
            later.append((a.authorisation_date, f"assessment {i} is authorised"))
        for i, s in enumerate(e.section47_enquiries, 1):
            later.append((s.start_date, f"s47 enquiry {i} starts"))
            later.append((s.initial_cpc_date, f"the conference of s47 enquiry {i} is held"))
        later.append((e.initial_cpc_date, "the episode's initial conference is held"))
        for i, c in enumerate(e.cin_plans, 1):
            later.append((c.start_date, f"CIN plan {i} starts"))
            later.append((c.end_date, f"CIN plan {i} ends"))
        later.extend(
            (p.end_date, f"child protection plan {i} ends")
            for i, p in enumerate(e.child_protection_plans, 1)
        )
        after = [(day, what) for day, what in later if day is not None and day > closed]
        if after:
            day, what = min(after)
            self.fail(
                "8565",
                "no activity after the episode closes",
                f"{what} on {_iso(day)}, after the episode closed on {_iso(closed)}",
            )

    def no_further_action(self) -> None:
        e = self.episode
        if e.referral_nfa is not True:
            return
        if e.assessments or e.section47_enquiries or e.initial_cpc_date is not None:
            self.fail(
                "8831",
                "no activity on a referral with no further action",
                "the referral is marked 'no further action' but assessments, s47 enquiries or a "
                "conference are recorded",
            )
        if e.child_protection_plans:
            self.fail(
                "8832",
                "no child protection plan on a referral with no further action",
                "the referral is marked 'no further action' but a child protection plan is "
                "recorded",
            )
        if e.cin_plans:
            self.fail(
                "4000",
                "no child in need plan on a referral with no further action",
                "the referral is marked 'no further action' but a CIN plan is recorded",
            )

    def overlapping_assessments(self) -> None:
        ordered = sorted(self.episode.assessments, key=lambda a: a.start_date)
        for earlier, later in pairwise(ordered):
            ends = earlier.authorisation_date
            if ends is None or later.start_date < ends:
                self.fail(
                    "8863",
                    "an assessment starts only after the previous one is completed",
                    f"an assessment starts on {_iso(later.start_date)} while the one started on "
                    f"{_iso(earlier.start_date)} is still open",
                )
                return

    def overlapping_enquiries(self) -> None:
        ordered = sorted(self.episode.section47_enquiries, key=lambda s: s.start_date)
        for earlier, later in pairwise(ordered):
            ends = earlier.initial_cpc_date
            if ends is None:
                ongoing = earlier.icpc_not_required is not True
            else:
                ongoing = later.start_date < ends
            if ongoing:
                self.fail(
                    "8890",
                    "an s47 enquiry starts only after the previous one is concluded",
                    f"an s47 enquiry starts on {_iso(later.start_date)} while the one started on "
                    f"{_iso(earlier.start_date)} is ongoing",
                )
                return

    def overlapping_plans(self) -> None:
        plans = self.episode.child_protection_plans
        open_plans = [p for p in plans if p.end_date is None]
        if len(open_plans) > 1:
            self.fail(
                "8935",
                "at most one open child protection plan",
                f"{len(open_plans)} plans have no end date",
            )
        ordered = sorted(plans, key=lambda p: p.start_date)
        for earlier, later in pairwise(ordered):
            ends = earlier.end_date
            if ends is not None and later.start_date <= ends:
                self.fail(
                    "8940",
                    "child protection plans do not overlap",
                    f"a plan starts on {_iso(later.start_date)} before the plan started on "
                    f"{_iso(earlier.start_date)} ended on {_iso(ends)}",
                )
                return

    def looked_after(self) -> None:
        for i, period in enumerate(self.episode.looked_after_periods, 1):
            early = [d for d in period.review_dates if d < period.start_date]
            if early:
                self.found.append(
                    Finding(
                        criterion="looked-after reviews follow the start of the period",
                        met=False,
                        detail=f"looked-after period {i} starts on {_iso(period.start_date)} but "
                        f"has a review on {_iso(min(early))}",
                        source=_LOOKED_AFTER_SOURCE,
                    )
                )


# --------------------------------------------------------------------------- entry point


def check_journey(
    episode: Episode, *, on: dt.date, procedures: Procedures = NATIONAL
) -> JourneyReport:
    """Check an episode's statutory steps as at *on*, and the consistency of its record.

    Every step the episode has reached by *on* is listed with its deadline
    (computed with the edition of the guidance in force when its clock
    started), its status and a reason; see the module documentation for the
    rules. Inconsistent records never raise: each failed check is a finding.

    Legal basis:
        Working Together to Safeguard Children (2013, 2015, 2018, 2023),
        chapter 1; Care Planning, Placement and Case Review (England)
        Regulations 2010, reg 33; DfE CIN census validation rules (see
        [`safeguarding.thresholds.timescales`][] for each rule's status).

    Args:
        episode: The episode of need to check.
        on: The day the journey is checked; events dated later are unknown.
        procedures: Local choices (ICPC anchor, calendar); national defaults
            by default.

    Returns:
        The report: steps in record order and the inconsistencies found.

    Raises:
        InvalidInputError: *on* is not a plain ``date``, or *episode* or
            *procedures* is of the wrong type.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.cases import Assessment, Episode
        >>> episode = Episode(
        ...     referral_date=dt.date(2024, 3, 25),
        ...     referral_decision_date=dt.date(2024, 3, 26),
        ...     assessments=(Assessment(start_date=dt.date(2024, 3, 26),
        ...                             authorisation_date=dt.date(2024, 6, 3)),),
        ... )
        >>> for step in check_journey(episode, on=dt.date(2024, 7, 1)).steps:
        ...     print(step.explain())
        referral decision: on time (due 2024-03-26) - done on 2024-03-26
        assessment: late (due 2024-05-31) - done on 2024-06-03, 3 day(s) after the due date
    """
    steps = _steps(episode, on, procedures, explain=True)
    return JourneyReport(
        on=on,
        procedures=procedures.name,
        steps=tuple(
            JourneyStep(
                kind=slot[0],
                subject=slot[1],
                number=slot[2],
                deadline=deadline,
                completed=completed,
                status=status,
                reason=reason,
            )
            for slot, deadline, completed, status, reason in steps
        ),
        inconsistencies=tuple(_Checks(episode).run()),
    )


StepSummary = tuple[StepKind, StepStatus, dt.date | None]
"""One step as [`summarise_journey`][] gives it: its kind, status and due date."""


def summarise_journey(
    episode: Episode, *, on: dt.date, procedures: Procedures = NATIONAL
) -> tuple[list[StepSummary], int]:
    """The steps of [`check_journey`][] as ``(kind, status, due)``, and the inconsistency count.

    The same steps, in the same order, with the same statuses and due dates as
    ``check_journey(episode, on=on, procedures=procedures)``, without the
    reasons and the report's models: for counting the steps of many episodes
    (the indicator pack checks every episode of a census this way).

    Args:
        episode: The episode of need to check.
        on: The day the journey is checked.
        procedures: Local choices (ICPC anchor, calendar).

    Returns:
        The ``(kind, status, due)`` of each step (``due`` is ``None`` when no
        due date could be computed), and how many consistency checks failed.

    Raises:
        InvalidInputError: as [`check_journey`][].

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.cases import Episode
        >>> steps, inconsistencies = summarise_journey(
        ...     Episode(referral_date=dt.date(2024, 3, 25)), on=dt.date(2024, 3, 27))
        >>> [(kind.value, status.value, due.isoformat()) for kind, status, due in steps]
        [('referral decision', 'overdue', '2024-03-26'),
         ('assessment', 'not yet due', '2024-05-31')]
        >>> inconsistencies
        0
    """
    steps = _steps(episode, on, procedures, explain=False)
    return (
        [
            (slot[0], status, None if deadline is None else deadline.due)
            for slot, deadline, _completed, status, _reason in steps
        ],
        len(_Checks(episode).run()),
    )


def _steps(
    episode: Episode, on: dt.date, procedures: Procedures, *, explain: bool
) -> list[_RawStep]:
    check_date("on", on)
    if not isinstance(episode, Episode):
        raise InvalidInputError("episode", "must be an Episode")
    check_procedures(procedures)
    closed = (
        episode.closure_date
        if episode.closure_date is not None and episode.closure_date <= on
        else None
    )
    builder = _Builder(on, procedures, closed, explain=explain)
    if episode.referral_date <= on:
        _referral_steps(builder, episode)
        for index, enquiry in enumerate(episode.section47_enquiries, 1):
            _conference_steps(builder, index, enquiry)
        for index, plan in enumerate(episode.child_protection_plans, 1):
            if plan.start_date <= on:
                _plan_steps(builder, index, plan)
        for index, period in enumerate(episode.looked_after_periods, 1):
            if period.start_date <= on:
                _looked_after_steps(builder, index, period)
    return builder.steps
