"""Helpers shared by the case-review modules: deadlines from rules.

Three-valued logic lives in [`safeguarding.logic`][safeguarding.logic].
"""

from __future__ import annotations

import datetime as dt

from safeguarding.calendar import WorkingCalendar
from safeguarding.decisions import Deadline, Timescale
from safeguarding.procedures import Procedures
from safeguarding.rules import DatedRule

__all__ = ["deadline_from"]


def deadline_from(
    rule: DatedRule[Timescale],
    started: dt.date,
    *,
    on: dt.date,
    calendar: WorkingCalendar,
    clock_starts: str | None = None,
) -> Deadline:
    """The deadline of the timescale *rule* in force *on*, counted from *started* (day 0).

    Args:
        rule: A dated rule whose value is a [`Timescale`][safeguarding.decisions.Timescale].
        started: The day the clock starts (day 0).
        on: The date whose edition of the rule applies.
        calendar: The working-day calendar for working-day timescales.
        clock_starts: Replaces the timescale's starting event in words, when the clock was
            started by a different event (a local choice, or a step not yet recorded).

    Returns:
        The deadline, with the rule's citation and key.
    """
    procedures = Procedures(calendar=calendar)
    return Deadline.from_rule(
        rule, started, on=on, procedures=procedures, clock_starts=clock_starts
    )
