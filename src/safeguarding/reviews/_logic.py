"""Helpers shared by the case-review modules: three-valued logic and deadlines from rules.

Facts may be unknown (``None``), so criteria combine with Kleene's three-valued logic: an
AND is ``False`` as soon as one part is ``False``, ``None`` if a part is unknown and none is
``False``; an OR is ``True`` as soon as one part is ``True``.
"""

from __future__ import annotations

import datetime as dt

from safeguarding.calendar import WorkingCalendar
from safeguarding.decisions import Deadline, Timescale
from safeguarding.rules import DatedRule

__all__ = ["all_of", "any_of", "deadline_from", "describe", "not_"]


def all_of(*values: bool | None) -> bool | None:
    """Three-valued AND."""
    if False in values:
        return False
    if None in values:
        return None
    return True


def any_of(*values: bool | None) -> bool | None:
    """Three-valued OR."""
    if True in values:
        return True
    if None in values:
        return None
    return False


def not_(value: bool | None) -> bool | None:
    """Three-valued NOT."""
    return None if value is None else not value


def describe(value: bool | None, yes: str, no: str, unknown: str) -> str:
    """Pick the sentence for a three-valued fact."""
    if value is None:
        return unknown
    return yes if value else no


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
    return Deadline.from_rule(rule, started, on=on, calendar=calendar, clock_starts=clock_starts)
