"""Duties that follow an incident: what must (or may) be done, by whom, by when, and why.

Each duty the case-review engine considers is a [`Duty`][]: its kind, whether it applies
([`DutyStatus`][]), the body responsible, one [`Finding`][safeguarding.decisions.Finding] per
criterion (each with its source) and, where there is a clock, its
[`Deadline`][safeguarding.decisions.Deadline] values.

Examples:
    >>> DutyStatus.DISCRETIONARY.value
    'for the decision-makers to decide'
"""

from __future__ import annotations

import enum

import attrs

from safeguarding._validate import is_member, is_text, is_tuple_of
from safeguarding.decisions import Deadline, Decision, Finding
from safeguarding.errors import InvalidInputError

__all__ = ["Body", "Duty", "DutyKind", "DutyStatus"]


class DutyKind(enum.Enum):
    """The duties the engine considers, in the order it reports them."""

    NOTIFY_OFSTED_AND_LSCB = "notify Ofsted and the LSCB"
    """Working Together 2015: report a notifiable incident to Ofsted and the LSCB."""
    NOTIFY_PANEL = "notify the Child Safeguarding Practice Review Panel"
    """Children Act 2004 s16C(1): notify the Panel of a serious incident."""
    NOTIFY_SECRETARY_OF_STATE_AND_OFSTED = "notify the Secretary of State and Ofsted"
    """From 29 June 2018: the death of a looked-after child, abuse or neglect or not."""
    INFORM_SAFEGUARDING_PARTNERS = "inform the safeguarding partners"
    """From 29 June 2018: report the notified event to the local safeguarding partners."""
    RAPID_REVIEW = "rapid review"
    """From 29 June 2018: a rapid review after a notification to the Panel."""
    SERIOUS_CASE_REVIEW = "serious case review"
    """Until local arrangements went live: an LSCB serious case review."""
    LOCAL_PRACTICE_REVIEW = "local child safeguarding practice review"
    """From local arrangements going live: the decision on a local practice review."""
    DOMESTIC_HOMICIDE_REVIEW = "domestic homicide review"
    """Domestic Violence, Crime and Victims Act 2004 s9."""
    SAFEGUARDING_ADULTS_REVIEW = "safeguarding adults review"
    """Care Act 2014 s44."""
    OFFENSIVE_WEAPONS_HOMICIDE_REVIEW = "offensive weapons homicide review"
    """Police, Crime, Sentencing and Courts Act 2022 s24 (pilot)."""
    CHILD_DEATH_REVIEW = "child death review"
    """Children Act 2004 s16M: see [`safeguarding.reviews.child_death`][]."""


class DutyStatus(enum.Enum):
    """Whether a duty applies to the area asking."""

    REQUIRED = "required"
    """The duty applies."""
    DISCRETIONARY = "for the decision-makers to decide"
    """A decision is called for, but the rules do not oblige one answer."""
    NOT_REQUIRED = "not required"
    """The duty does not apply (to this area, or at all)."""
    UNDETERMINED = "undetermined"
    """The facts given are not enough to decide."""


class Body(enum.Enum):
    """Who carries a duty."""

    LOCAL_AUTHORITY = "the local authority"
    """The local authority of the area asking."""
    LSCB = "the Local Safeguarding Children Board"
    """The area's LSCB (until the local arrangements went live)."""
    SAFEGUARDING_PARTNERS = "the safeguarding partners"
    """The local authority, the ICB (CCG until July 2022) and the chief officer of police."""
    COMMUNITY_SAFETY_PARTNERSHIP = "the community safety partnership"
    """The bodies listed in s9(4) of the 2004 Act, through the community safety partnership."""
    SAFEGUARDING_ADULTS_BOARD = "the safeguarding adults board"
    """The area's safeguarding adults board (Care Act 2014 s43)."""
    OWHR_REVIEW_PARTNERS = "the offensive weapons homicide review partners"
    """Police, local authority and ICB (or local health board) where the death occurred."""
    CHILD_DEATH_REVIEW_PARTNERS = "the child death review partners"
    """The local authority and ICB for the area (Children Act 2004 s16Q)."""


def _status_fits_deadlines(instance: Duty) -> None:
    if instance.status is DutyStatus.NOT_REQUIRED and instance.deadlines:
        raise InvalidInputError("deadlines", "a duty that is not required has no deadlines")


@attrs.frozen(kw_only=True)
class Duty:
    """One duty following an incident, with the reasons and any deadlines.

    Attributes:
        kind: Which duty.
        status: Whether it applies.
        responsible: Who carries it.
        findings: One finding per criterion, each with its source (at least one).
        deadlines: Its deadlines, if it has a clock (none when not required).
        rule_version: The edition or instrument applied.

    Raises:
        InvalidInputError: no findings, or deadlines on a duty that is not required.
    """

    kind: DutyKind = attrs.field(validator=is_member(DutyKind))
    status: DutyStatus = attrs.field(validator=is_member(DutyStatus))
    responsible: Body = attrs.field(validator=is_member(Body))
    findings: tuple[Finding, ...] = attrs.field(validator=is_tuple_of(Finding, min_length=1))
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), validator=is_tuple_of(Deadline))
    rule_version: str = attrs.field(validator=is_text)

    def __attrs_post_init__(self) -> None:
        """A duty that does not apply has no deadlines."""
        _status_fits_deadlines(self)

    @property
    def applies(self) -> bool:
        """Whether the duty is required or calls for a decision."""
        return self.status in (DutyStatus.REQUIRED, DutyStatus.DISCRETIONARY)

    def as_decision(self) -> Decision[DutyStatus]:
        """The duty as a plain [`Decision`][safeguarding.decisions.Decision]."""
        return Decision(outcome=self.status, findings=self.findings, rule_version=self.rule_version)

    def explain(self) -> str:
        """The duty, its status and who carries it, then its findings and deadlines."""
        lines = [f"{self.kind.value}: {self.status.value} ({self.responsible.value})"]
        lines.extend(f"  - {finding.explain()}" for finding in self.findings)
        lines.extend(f"  - {deadline.explain()}" for deadline in self.deadlines)
        return "\n".join(lines)
