"""Partnership measures for private fostering, as indicators of the indicator engine.

Local authorities report private fostering to their safeguarding partners
each year (National Minimum Standards 2005, standard 7). The national PF1
return ended in 2015, so the measures are not standardised; these are the
ones local reports and the old PF1 series use, defined precisely as
[`Indicator`][safeguarding.indicators.definitions.Indicator] objects:

* notifications received in the period;
* the share of them assessed as new private fostering arrangements;
* arrangements open at the end of the period, new (started in the period)
  plus existing (started before it), and each part;
* the share of first visits made within seven working days of the
  notification (first visits with a fixed deadline whose notification fell
  in the period and which are decided by its end);
* the share of subsequent visits made on time (those due in the period and
  decided by its end).

[`tally`][] counts them from case records into a mergeable
[`Tally`][safeguarding.indicators.definitions.Tally] (a partnership's tally is
the sum of its authorities' tallies); ``tally(...).values(MEASURES,
period=...)`` computes the values with their confidence intervals.
Lewisham's 2018/19 report: 25 notifications, 14 assessed as new
arrangements, and with 10 existing arrangements, 24 being monitored.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.indicators.definitions import Period
    >>> records = [NotificationRecord(received=dt.date(2018, 5, 1),
    ...                               outcome=NotificationOutcome.NEW_ARRANGEMENT),
    ...            NotificationRecord(received=dt.date(2018, 6, 1),
    ...                               outcome=NotificationOutcome.NOT_PRIVATE_FOSTERING)]
    >>> year = Period.financial_year(2018)
    >>> counts = tally(period=year, notifications=records)
    >>> counts.count(NOTIFICATIONS_ASSESSED_AS_NEW.key)
    Count(numerator=1, denominator=2)
    >>> NOTIFICATIONS_ASSESSED_AS_NEW.compute(1, 2, period=year).formatted()
    '50'
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TypeVar

import attrs

from safeguarding._validate import is_date, is_member, is_optional_date
from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.comparison import Polarity
from safeguarding.indicators.definitions import Count, Indicator, Kind, Period, Tally
from safeguarding.private_fostering._instruments import (
    PRIVATE_FOSTERING_GUIDANCE_2005,
    PRIVATE_FOSTERING_STATISTICS,
)
from safeguarding.private_fostering.visits import RequiredVisit, VisitRequirement, VisitStatus

__all__ = [
    "ARRANGEMENTS_OPEN_AT_END",
    "EXISTING_ARRANGEMENTS_OPEN_AT_END",
    "FIRST_VISITS_ON_TIME",
    "MEASURES",
    "NEW_ARRANGEMENTS_OPEN_AT_END",
    "NOTIFICATIONS_ASSESSED_AS_NEW",
    "NOTIFICATIONS_RECEIVED",
    "SUBSEQUENT_VISITS_ON_TIME",
    "ArrangementRecord",
    "NotificationOutcome",
    "NotificationRecord",
    "tally",
]

T = TypeVar("T")

_ANNUAL_REPORT = PRIVATE_FOSTERING_GUIDANCE_2005.cite(
    "National Minimum Standards, standard 7 (annual report on private fostering)",
    Verification.SECONDARY,
    note="Quoted in the City of York 2014/15 report; local annual reports count notifications "
    "received, arrangements started, ended and open at year end. Definitions vary by area.",
)
_PF1 = PRIVATE_FOSTERING_STATISTICS.cite(
    "percentage of cases where the required visit action was taken within 7 working days",
    Verification.PRIMARY,
    note="National Archives copy of the DfE release for the year to 31 March 2009 (77%).",
)
_VISIT_CYCLE = PRIVATE_FOSTERING_GUIDANCE_2005.cite(
    "visiting patterns in local annual reports (regulation 8 cycle)",
    Verification.SECONDARY,
    note="Subsequent visits within 6 weeks in the first year and 12 weeks after, as reported "
    "by Northamptonshire, Doncaster, Bromley, York and Croydon; the measure is the library's "
    "definition.",
)


def _count(key: str, title: str, numerator: str) -> Indicator:
    return Indicator(
        key=f"private_fostering.{key}",
        title=title,
        numerator=numerator,
        denominator="",
        kind=Kind.COUNT,
        multiplier=1,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=0,
        source=_ANNUAL_REPORT,
    )


NOTIFICATIONS_RECEIVED = _count(
    "notifications_received",
    "Notifications of possible private fostering arrangements received",
    "notifications received in the period",
)
NOTIFICATIONS_ASSESSED_AS_NEW = Indicator(
    key="private_fostering.notifications_assessed_as_new",
    title="Notifications assessed as new private fostering arrangements (%)",
    numerator="notifications received in the period assessed as new arrangements",
    denominator="notifications received in the period",
    kind=Kind.PROPORTION,
    multiplier=100,
    polarity=Polarity.NO_JUDGEMENT,
    decimals=0,
    source=_ANNUAL_REPORT,
)
ARRANGEMENTS_OPEN_AT_END = _count(
    "arrangements_open_at_end",
    "Private fostering arrangements open at the end of the period (new and existing)",
    "arrangements started on or before the last day and not ended before it",
)
NEW_ARRANGEMENTS_OPEN_AT_END = _count(
    "new_arrangements_open_at_end",
    "New private fostering arrangements open at the end of the period",
    "arrangements open on the last day that started in the period",
)
EXISTING_ARRANGEMENTS_OPEN_AT_END = _count(
    "existing_arrangements_open_at_end",
    "Existing private fostering arrangements open at the end of the period",
    "arrangements open on the last day that started before the period",
)
FIRST_VISITS_ON_TIME = Indicator(
    key="private_fostering.first_visits_on_time",
    title="First visits within 7 working days of the notification (%)",
    numerator="first visits made on or before the 7th working day after the notification",
    denominator="first visits with a fixed deadline, notified in the period and due by its end",
    kind=Kind.PROPORTION,
    multiplier=100,
    polarity=Polarity.HIGH_IS_GOOD,
    decimals=0,
    source=_PF1,
)
SUBSEQUENT_VISITS_ON_TIME = Indicator(
    key="private_fostering.subsequent_visits_on_time",
    title="Subsequent visits within 6 weeks (first year) or 12 weeks (later years) (%)",
    numerator="subsequent visits made by their due day",
    denominator="subsequent visits due in the period",
    kind=Kind.PROPORTION,
    multiplier=100,
    polarity=Polarity.HIGH_IS_GOOD,
    decimals=0,
    source=_VISIT_CYCLE,
)
MEASURES: tuple[Indicator, ...] = (
    NOTIFICATIONS_RECEIVED,
    NOTIFICATIONS_ASSESSED_AS_NEW,
    ARRANGEMENTS_OPEN_AT_END,
    NEW_ARRANGEMENTS_OPEN_AT_END,
    EXISTING_ARRANGEMENTS_OPEN_AT_END,
    FIRST_VISITS_ON_TIME,
    SUBSEQUENT_VISITS_ON_TIME,
)
"""The private fostering partnership measures, in reporting order."""


class NotificationOutcome(enum.Enum):
    """What a notification was assessed to be."""

    NEW_ARRANGEMENT = "new arrangement"
    """Assessed as a new private fostering arrangement."""
    NOT_PRIVATE_FOSTERING = "not private fostering"
    PENDING = "pending"
    """Assessment not finished."""


@attrs.frozen(kw_only=True)
class NotificationRecord:
    """A notification the local authority received, and what it was assessed to be.

    Attributes:
        received: The day the notification was received.
        outcome: The assessment's outcome.
    """

    received: dt.date = attrs.field(validator=is_date)
    outcome: NotificationOutcome = attrs.field(validator=is_member(NotificationOutcome))


@attrs.frozen(kw_only=True)
class ArrangementRecord:
    """A private fostering arrangement the local authority monitors.

    Attributes:
        started: The day it began (or was first known to be private fostering).
        ended: Its last day, or ``None`` while it continues.
    """

    started: dt.date = attrs.field(validator=is_date)
    ended: dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        """An arrangement cannot end before it starts."""
        if self.ended is not None and self.ended < self.started:
            raise InvalidInputError("ended", "must not be before started")


def _records(items: Iterable[object], kind: type[T], name: str) -> list[T]:
    checked: list[T] = []
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidInputError(f"{name}[{index}]", f"must be a {kind.__name__}")
        checked.append(item)
    return checked


_DECIDED = frozenset({VisitStatus.ON_TIME, VisitStatus.LATE, VisitStatus.OVERDUE})


def _notification_counts(records: list[NotificationRecord], period: Period) -> dict[str, Count]:
    received = [r for r in records if period.start <= r.received <= period.end]
    new = sum(1 for r in received if r.outcome is NotificationOutcome.NEW_ARRANGEMENT)
    return {
        NOTIFICATIONS_RECEIVED.key: Count(numerator=len(received)),
        NOTIFICATIONS_ASSESSED_AS_NEW.key: Count(numerator=new, denominator=len(received)),
    }


def _arrangement_counts(records: list[ArrangementRecord], period: Period) -> dict[str, Count]:
    new = existing = 0
    for record in records:
        if record.started > period.end or (record.ended is not None and record.ended < period.end):
            continue
        if record.started >= period.start:
            new += 1
        else:
            existing += 1
    return {
        ARRANGEMENTS_OPEN_AT_END.key: Count(numerator=new + existing),
        NEW_ARRANGEMENTS_OPEN_AT_END.key: Count(numerator=new),
        EXISTING_ARRANGEMENTS_OPEN_AT_END.key: Count(numerator=existing),
    }


def _visit_counts(records: list[RequiredVisit], period: Period) -> dict[str, Count]:
    first = [
        r
        for r in records
        if r.requirement is VisitRequirement.FIRST
        and r.deadline is not None
        and period.start <= r.deadline.started <= period.end
        and r.status in _DECIDED
    ]
    later = [
        r
        for r in records
        if r.requirement is VisitRequirement.SUBSEQUENT
        and r.deadline is not None
        and period.start <= r.deadline.due <= period.end
        and r.status in _DECIDED
    ]

    def on_time(items: list[RequiredVisit]) -> Count:
        made = sum(1 for r in items if r.status is VisitStatus.ON_TIME)
        return Count(numerator=made, denominator=len(items))

    return {FIRST_VISITS_ON_TIME.key: on_time(first), SUBSEQUENT_VISITS_ON_TIME.key: on_time(later)}


def tally(
    *,
    period: Period,
    notifications: Iterable[NotificationRecord] = (),
    arrangements: Iterable[ArrangementRecord] = (),
    required_visits: Iterable[RequiredVisit] = (),
) -> Tally:
    """Count every private fostering measure for *period* from case records.

    Notifications count when received in the period (ends included). An
    arrangement is open at the end if it started on or before the last day
    and had not ended before it; it is new if it started in the period. For
    the visit measures, pass the required visits from
    [`check_visits`][safeguarding.private_fostering.visits.check_visits] run with
    ``on=period.end``: first visits count when their notification fell in the
    period, subsequent visits when they were due in it, and only once decided
    (on time, late or overdue); notifications received during the 2020
    relaxation have no deadline and are left out.

    Legal basis:
        Notifications: 2005 Regulations regs 3, 5 and 6; first visits: regs
        4(1) and 7(1) (the DfE PF1 measure); subsequent visits: reg 8(1);
        annual reporting: National Minimum Standards 2005, standard 7.

    Args:
        period: The reporting period.
        notifications: Notification records (any period).
        arrangements: Arrangement records (any period).
        required_visits: Required visits of every arrangement, as checked on
            the last day of the period.

    Returns:
        A [`Tally`][safeguarding.indicators.definitions.Tally] with a count for
        every indicator in [`MEASURES`][].

    Raises:
        InvalidInputError: *period* is not a ``Period``, or a record is of the
            wrong type (the field names its position).

    Examples:
        >>> import datetime as dt
        >>> year = Period.financial_year(2018)
        >>> open_ones = [ArrangementRecord(started=dt.date(2017, 9, 1)),
        ...              ArrangementRecord(started=dt.date(2018, 9, 1), ended=dt.date(2019, 1, 31))]
        >>> tally(period=year, arrangements=open_ones).count(ARRANGEMENTS_OPEN_AT_END.key).numerator
        1
    """
    if not isinstance(period, Period):
        raise InvalidInputError("period", "must be a Period")
    counts = {
        **_notification_counts(
            _records(notifications, NotificationRecord, "notifications"), period
        ),
        **_arrangement_counts(_records(arrangements, ArrangementRecord, "arrangements"), period),
        **_visit_counts(_records(required_visits, RequiredVisit, "required_visits"), period),
    }
    return Tally(counts=counts)
