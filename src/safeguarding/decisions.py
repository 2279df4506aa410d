"""Explained outcomes: findings, decisions and deadlines.

A function that applies a rule never answers with a bare ``bool`` or a bare
date. It returns a [`Decision`][] (an outcome with one [`Finding`][] per
criterion, each naming its source) or a [`Deadline`][] (a due date with the
timescale and the source it was computed from).
Both can [`explain`][safeguarding.decisions.Decision.explain]
themselves in plain English.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.citations import Citation, Verification
    >>> src = Citation(instrument="Example guidance", provision="para 1", url=None,
    ...                status=Verification.SECONDARY)
    >>> d = Deadline(
    ...     due=dt.date(2025, 1, 14),
    ...     started=dt.date(2024, 12, 19),
    ...     timescale=Timescale(
    ...         amount=15, unit=Unit.WORKING_DAYS, clock_starts="strategy discussion"
    ...     ),
    ...     source=src,
    ...     rule_key="example.icpc",
    ... )
    >>> d.status(on=dt.date(2025, 1, 15)).value
    'overdue'
    >>> d.status(on=dt.date(2025, 1, 15), completed=dt.date(2025, 1, 14)).value
    'met'
    >>> print(d.explain())
    Due 2025-01-14: 15 working days after the strategy discussion on 2024-12-19 \
    (day 0 is the day the clock starts). Source: Example guidance, para 1 [secondary].
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Generic, TypeVar

import attrs

from safeguarding._validate import (
    check_date,
    is_date,
    is_instance,
    is_int,
    is_member,
    is_optional_bool,
    is_text,
    is_tuple_of,
)
from safeguarding.calendar import ENGLAND_AND_WALES, WorkingCalendar, add_months, add_working_days
from safeguarding.citations import Citation
from safeguarding.errors import InvalidInputError
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version

__all__ = [
    "Deadline",
    "DeadlineStatus",
    "Decision",
    "Finding",
    "Timescale",
    "Unit",
]

OutcomeT = TypeVar("OutcomeT")


@attrs.frozen(kw_only=True)
class Finding:
    """One criterion of a rule, applied to the facts.

    Attributes:
        criterion: Short name of the criterion (``"age"``, ``"carer is not a relative"``).
        met: ``True`` or ``False``, or ``None`` when the facts given are not
            enough to decide.
        detail: One plain-English sentence explaining the finding.
        source: Where the criterion comes from.
    """

    criterion: str = attrs.field(validator=is_text)
    met: bool | None = attrs.field(validator=is_optional_bool)
    detail: str = attrs.field(validator=is_text)
    source: Citation = attrs.field(validator=is_instance(Citation))

    def explain(self) -> str:
        """One line: ``"[met] criterion: detail (source)"``."""
        mark = {True: "met", False: "not met", None: "unknown"}[self.met]
        return f"[{mark}] {self.criterion}: {self.detail} ({self.source})"


def _outcome_text(outcome: object) -> str:
    if isinstance(outcome, enum.Enum):
        return str(outcome.value)
    return str(outcome)


@attrs.frozen(kw_only=True)
class Decision(Generic[OutcomeT]):
    """The outcome of applying a rule, with the findings behind it.

    Attributes:
        outcome: The answer: a ``bool`` or an enum member.
        findings: One finding per criterion, in the order the rule applies them.
        rule_version: Which edition of the guidance or law was applied
            (``"KCSIE 2021"``, ``"WT2018"``).
    """

    outcome: OutcomeT
    findings: tuple[Finding, ...] = attrs.field(validator=is_tuple_of(Finding))
    rule_version: str = attrs.field(validator=is_text)

    @property
    def undecided(self) -> tuple[Finding, ...]:
        """The findings the facts were not enough to decide (``met is None``)."""
        return tuple(f for f in self.findings if f.met is None)

    def explain(self) -> str:
        """The outcome, the edition applied and every finding, one per line."""
        lines = [f"Outcome: {_outcome_text(self.outcome)} (applying {self.rule_version})"]
        lines.extend(f"- {finding.explain()}" for finding in self.findings)
        return "\n".join(lines)


class Unit(enum.Enum):
    """The unit a timescale is counted in."""

    WORKING_DAYS = "working days"
    CALENDAR_DAYS = "calendar days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


@attrs.frozen(kw_only=True)
class Timescale:
    """An amount of time from the event that starts a clock.

    Attributes:
        amount: How many units (0 means the same day).
        unit: What is counted.
        clock_starts: The event that starts the clock, in words
            (``"strategy discussion"``).
    """

    amount: int = attrs.field(validator=is_int(minimum=0))
    unit: Unit = attrs.field(validator=is_member(Unit))
    clock_starts: str = attrs.field(validator=is_text)

    def due(self, started: dt.date, *, calendar: WorkingCalendar = ENGLAND_AND_WALES) -> dt.date:
        """The last day in time for a clock that started on *started* (day 0).

        Working days are counted with *calendar*; weeks and calendar days by
        date arithmetic; months and years with [`add_months`][safeguarding.calendar.add_months]
        (a day that does not exist in the target month becomes its last day).

        Examples:
            >>> Timescale(amount=3, unit=Unit.MONTHS, clock_starts="conference").due(
            ...     dt.date(2024, 11, 30))
            datetime.date(2025, 2, 28)
        """
        check_date("started", started)
        amount = self.amount
        match self.unit:
            case Unit.WORKING_DAYS:
                return add_working_days(started, amount, calendar=calendar)
            case Unit.CALENDAR_DAYS:
                return started + dt.timedelta(days=amount)
            case Unit.WEEKS:
                return started + dt.timedelta(weeks=amount)
            case Unit.MONTHS:
                return add_months(started, amount)
            case Unit.YEARS:  # pragma: no branch - the enum has no other member
                return add_months(started, 12 * amount)

    def describe(self) -> str:
        """``"15 working days after the strategy discussion"``."""
        unit = self.unit.value
        if self.amount == 1:
            unit = unit.removesuffix("s").replace("days", "day")
        return f"{self.amount} {unit} after the {self.clock_starts}"


class DeadlineStatus(enum.Enum):
    """Where a deadline stands on a given day."""

    NOT_YET_DUE = "not yet due"
    """Not completed, and the due day has not come."""
    DUE = "due"
    """Not completed, and today is the due day."""
    OVERDUE = "overdue"
    """Not completed, and the due day has passed."""
    MET = "met"
    """Completed on or before the due day."""
    MET_LATE = "met late"
    """Completed after the due day."""


@attrs.frozen(kw_only=True)
class Deadline:
    """A due date computed from a dated rule, with its reason.

    Attributes:
        due: The last day on which the step is in time.
        started: The day the clock started (day 0).
        timescale: The amount, unit and starting event.
        source: The citation for the timescale applied.
        rule_key: The key of the [`DatedRule`][safeguarding.rules.DatedRule] applied.
    """

    due: dt.date = attrs.field(validator=is_date)
    started: dt.date = attrs.field(validator=is_date)
    timescale: Timescale = attrs.field(validator=is_instance(Timescale))
    source: Citation = attrs.field(validator=is_instance(Citation))
    rule_key: str = attrs.field(validator=is_text)

    @classmethod
    def from_rule(
        cls,
        rule: DatedRule[Timescale],
        started: dt.date,
        *,
        on: dt.date | None = None,
        procedures: Procedures = NATIONAL,
        clock_starts: str | None = None,
    ) -> Deadline:
        """The deadline of a timescale *rule* for a clock that started on *started*.

        Every deadline of the library is built here: the rule's version in force on
        *on* (the local one where *procedures* set one, citing the local document),
        counted from *started* on the procedures' working-day calendar.

        Args:
            rule: A dated rule whose value is a [`Timescale`][].
            started: The day the clock starts (day 0).
            on: The date whose version of the rule applies; *started* if omitted.
            procedures: Local procedures (calendar and local versions of rules).
            clock_starts: Replaces the timescale's starting event in words (when a
                local choice or a different event started the clock).

        Returns:
            The deadline with the version's citation and the rule's key.

        Raises:
            InvalidInputError: a date is not a plain ``date``, or *procedures* is not a
                [`Procedures`][safeguarding.procedures.Procedures].
            RuleNotInForceError: no version of the rule applies on *on*.
        """
        check_date("started", started)
        check_procedures(procedures)
        version = rule.at(started if on is None else on, procedures=procedures)
        return cls.from_version(
            version,
            started,
            rule_key=rule.key,
            calendar=procedures.calendar,
            clock_starts=clock_starts,
        )

    @classmethod
    def from_version(
        cls,
        version: Version[Timescale],
        started: dt.date,
        *,
        rule_key: str,
        calendar: WorkingCalendar,
        clock_starts: str | None = None,
    ) -> Deadline:
        """The deadline of a timescale *version* already chosen (a local-only choice).

        [`from_rule`][safeguarding.decisions.Deadline.from_rule] chooses the version of a
        rule and calls this; call it directly only for a timescale that a local choice
        (a [`LocalRule`][safeguarding.rules.LocalRule]) fixes.

        Args:
            version: The version whose value is the [`Timescale`][].
            started: The day the clock starts (day 0).
            rule_key: The key of the rule the version belongs to.
            calendar: The working-day calendar for working-day timescales.
            clock_starts: Replaces the timescale's starting event in words.

        Returns:
            The deadline with the version's citation.

        Raises:
            InvalidInputError: a date is not a plain ``date`` or the value is not a
                [`Timescale`][].
        """
        check_date("started", started)
        timescale = version.value
        if not isinstance(timescale, Timescale):
            raise InvalidInputError("version", "must hold a Timescale")
        if clock_starts is not None:
            timescale = attrs.evolve(timescale, clock_starts=clock_starts)
        return cls(
            due=timescale.due(started, calendar=calendar),
            started=started,
            timescale=timescale,
            source=version.source,
            rule_key=rule_key,
        )

    def __attrs_post_init__(self) -> None:
        """A deadline cannot fall before its clock starts."""
        if self.due < self.started:
            raise InvalidInputError("due", "must not be before started")

    def status(self, *, on: dt.date, completed: dt.date | None = None) -> DeadlineStatus:
        """Where the deadline stands on *on*.

        A completion date after *on* is not yet known on *on*, so the step is
        treated as still open.

        Args:
            on: The day asked about.
            completed: The day the step was done, if it has been.

        Returns:
            ``MET`` or ``MET_LATE`` once completed; otherwise ``NOT_YET_DUE``,
            ``DUE`` (on the due day) or ``OVERDUE``.

        Raises:
            InvalidInputError: a date is not a plain ``date``, or *completed*
                is before the clock started.
        """
        check_date("on", on)
        if completed is not None:
            check_date("completed", completed)
            if completed < self.started:
                raise InvalidInputError("completed", "must not be before the clock started")
            if completed <= on:
                return DeadlineStatus.MET if completed <= self.due else DeadlineStatus.MET_LATE
        if on < self.due:
            return DeadlineStatus.NOT_YET_DUE
        return DeadlineStatus.DUE if on == self.due else DeadlineStatus.OVERDUE

    def explain(self) -> str:
        """``"Due <date>: <timescale> on <started> … Source: <citation>."``."""
        convention = (
            " (day 0 is the day the clock starts)"
            if self.timescale.unit is Unit.WORKING_DAYS
            else ""
        )
        return (
            f"Due {self.due.isoformat()}: {self.timescale.describe()} on "
            f"{self.started.isoformat()}{convention}. Source: {self.source}."
        )
