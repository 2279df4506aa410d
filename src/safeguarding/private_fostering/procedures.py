"""Local choices and unconfirmed national defaults for private fostering timescales.

Some notification time limits in the Children (Private Arrangements for
Fostering) Regulations 2005 could not be confirmed in the regulations' text
(see the rules ``private_fostering.notice.*``): the library encodes the figure
that local procedures give as the national default, with its verification
status, and lets a partnership override it here. The working-day calendar
(local closure days) is also a local choice.

Examples:
    >>> NATIONAL.arrival_notice_hours is None      # None: use the national default rule
    True
    >>> Procedures(end_notice_hours=24).end_notice_hours
    24
"""

from __future__ import annotations

import attrs

from safeguarding._validate import is_instance
from safeguarding.calendar import ENGLAND_AND_WALES, WorkingCalendar
from safeguarding.private_fostering._checks import optional_int

__all__ = ["NATIONAL", "Procedures"]


@attrs.frozen(kw_only=True)
class Procedures:
    """A partnership's settings for private fostering timescales.

    Each ``None`` means "use the national default", which is the value of the
    corresponding dated rule (and carries that rule's verification status).

    Attributes:
        calendar: The working-day calendar for the first-visit clock.
        arrival_notice_hours: Hours after a child arrives for the reg 6 notice
            (national default: rule ``private_fostering.notice.child_arrived``).
        change_notice_hours: Hours after a change for the reg 9 notice
            (rule ``private_fostering.notice.change_of_circumstances``).
        end_notice_hours: Hours after the child leaves for the reg 10 notice
            (rule ``private_fostering.notice.end_of_arrangement``).
        return_exception_days: No reg 10 notice is needed if the child is
            expected back within this many days of leaving (rule
            ``private_fostering.notice.return_exception``).
    """

    calendar: WorkingCalendar = attrs.field(
        default=ENGLAND_AND_WALES, validator=is_instance(WorkingCalendar)
    )
    arrival_notice_hours: int | None = attrs.field(default=None, validator=optional_int(0))
    change_notice_hours: int | None = attrs.field(default=None, validator=optional_int(0))
    end_notice_hours: int | None = attrs.field(default=None, validator=optional_int(0))
    return_exception_days: int | None = attrs.field(default=None, validator=optional_int(0))


NATIONAL = Procedures()
"""National defaults: England and Wales working days, every timescale from its rule."""
