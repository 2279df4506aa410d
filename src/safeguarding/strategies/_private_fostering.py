"""Strategies for the private fostering models.

They aim at the boundaries the rules turn on: stays of 27 and 28 days,
intended ends on day 27 or 28, 16th and 18th birthdays (disabled children
aged 16 and 17 included), holiday stays of 14 and 15 days, every
relationship, link and setting, notifications either side of the 2020
relaxation, bank holidays in the first-visit clock, and local procedures that
set their own notice time limits and return exception.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.calendar import ENGLAND_AND_WALES, LAST_COVERED
from safeguarding.people import Child, age_on
from safeguarding.private_fostering import (
    Arrangement,
    ArrangementRecord,
    CarerCapacity,
    CarerCircumstances,
    FirstVisitTrigger,
    HolidayStay,
    IntendedDuration,
    Link,
    Notice,
    NoticeDuty,
    NoticeRule,
    NotificationOutcome,
    NotificationRecord,
    Notifier,
    Recipient,
    Relationship,
    RelativesDefinition,
    RequiredVisit,
    Resident,
    Setting,
    Timing,
    Visit,
    VisitClock,
    VisitKind,
    check_visits,
    notice,
)
from safeguarding.private_fostering.notifications import NOTICE_RULES, RETURN_EXCEPTION
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.strategies._core import calendar_dates, working_calendars

__all__ = [
    "STRATEGIES",
    "arrangement_records",
    "arrangements",
    "assess_calls",
    "assess_carer_calls",
    "carer_circumstances",
    "fostering_notices",
    "fostering_procedures",
    "fostering_visits",
    "holiday_stays",
    "notice_rules",
    "notification_records",
    "relatives_definitions",
    "required_visits",
    "visit_clocks",
]

_REGULATIONS = dt.date(2005, 7, 1)
_EARLIEST = dt.date(1996, 1, 1)
# Leave room after the latest drawn date for working-day clocks inside the calendar.
_LATEST = LAST_COVERED - dt.timedelta(days=400)

# Strategies are built once here: building them inside a composite for every example is slow.
_bools = st.booleans()
_maybe_bool = st.one_of(st.none(), _bools)
_identifiers = st.from_regex(r"[A-Z0-9]{1,12}", fullmatch=True)
_text = st.text(
    alphabet=st.characters(codec="ascii", categories=("L", "N", "Zs")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")
_anchors = calendar_dates(_EARLIEST, _LATEST)

# Offsets chosen so that day counts land on 27, 28 and their neighbours.
_NEAR_28 = st.sampled_from((0, 1, 13, 25, 26, 27, 28, 29, 41, 83))
_OFFSETS = st.one_of(_NEAR_28, st.integers(min_value=0, max_value=500))
_maybe_offset = st.one_of(st.none(), _OFFSETS)
_not_begun = st.integers(0, 9)
_days_ahead = st.integers(1, 30)
_maybe_ahead = st.one_of(st.none(), st.integers(0, 90))
_extension_days = st.integers(0, 40)
# 16th and 18th birthdays on the day (shift 0) or the day after (shift -1), 29 February births.
_birthday_shift = st.one_of(st.sampled_from((0, -1)), st.integers(0, 364))
_leap_birth = st.integers(0, 3)
_holiday_lengths = st.one_of(
    st.sampled_from((14, 15)), st.sampled_from((1, 13, 16)), st.integers(1, 60)
)

_relationships = st.sampled_from(Relationship)
_settings = st.sampled_from(Setting)
_capacities = st.sampled_from(CarerCapacity)
_maybe_capacity = st.one_of(st.none(), _capacities)
_residents = st.frozensets(st.sampled_from(Resident))
_intentions = st.sampled_from(IntendedDuration)
_known_intentions = st.sampled_from(
    tuple(i for i in IntendedDuration if i is not IntendedDuration.NOT_KNOWN)
)
_STEP_LINKS = (Link.MARRIAGE, Link.CIVIL_PARTNERSHIP)
_links: dict[tuple[bool, bool], st.SearchStrategy[Link | None]] = {
    (True, True): st.sampled_from(_STEP_LINKS),
    (True, False): st.sampled_from((None, *_STEP_LINKS)),
    (False, True): st.sampled_from(Link),
    (False, False): st.sampled_from((None, *Link)),
}


def _facts(known: bool) -> st.SearchStrategy[bool | None]:
    return _bools if known else _maybe_bool


def _check_range(min_value: dt.date, max_value: dt.date) -> None:
    if type(min_value) is not dt.date or type(max_value) is not dt.date:
        raise InvalidArgument("min_value and max_value must be datetime.date")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} is after max_value={max_value}")


def _stay(draw: st.DrawFn, first: dt.date, max_value: dt.date) -> HolidayStay:
    length = draw(_holiday_lengths)
    last = min(first + dt.timedelta(days=length - 1), max_value)
    return HolidayStay(first_day=first, last_day=last)


def holiday_stays(
    *, min_value: dt.date = _EARLIEST, max_value: dt.date = _LATEST
) -> st.SearchStrategy[HolidayStay]:
    """Holiday stays, clustered on 14 and 15 days (the "more than two weeks" line).

    Args:
        min_value: Earliest first day.
        max_value: Latest last day.

    Raises:
        InvalidArgument: bounds are not dates or are out of order.
    """
    _check_range(min_value, max_value)
    firsts = calendar_dates(min_value, max_value)

    @st.composite
    def build(draw: st.DrawFn) -> HolidayStay:
        return _stay(draw, draw(firsts), max_value)

    return build()


def _birth(
    draw: st.DrawFn, anchor: dt.date, ages: st.SearchStrategy[int], span: tuple[int, int]
) -> dt.date:
    """A date of birth giving an age in *span* on *anchor*, often a 16th or 18th birthday."""
    years = draw(ages)
    year = anchor.year - years
    if draw(_leap_birth) == 0 and _calendar.isleap(year):
        leap_day = dt.date(year, 2, 29)
        if leap_day <= anchor and span[0] <= age_on(leap_day, anchor) <= span[1]:
            return leap_day
    try:
        birthday = anchor.replace(year=year)
    except ValueError:  # anchor is 29 February and *year* is a common year
        birthday = dt.date(year, 2, 28)
    born = birthday - dt.timedelta(days=draw(_birthday_shift))
    if born > anchor or not span[0] <= age_on(born, anchor) <= span[1]:
        born = birthday
    return born


def arrangements(
    *,
    on: dt.date | None = None,
    min_age: int = 0,
    max_age: int = 19,
    facts_known: bool = False,
) -> st.SearchStrategy[Arrangement]:
    """Private fostering arrangements near the boundaries the definition turns on.

    Every relationship (with each link), setting and intention is drawn;
    children are clustered on their 16th and 18th birthdays (and 29
    February) and drawn disabled or not; stays and intended ends cluster on
    27 and 28 days; a school setting gets holiday stays of 14 and 15 days.

    Args:
        on: If given, the arrangements are built around this day (the stay
            starts up to 500 days before it, or shortly after); by default
            around any day from 1996 to 2029.
        min_age: Youngest age of the child on that day.
        max_age: Oldest age of the child on that day.
        facts_known: If ``True``, every optional fact that can decide the
            outcome is ``True`` or ``False`` (never ``None``).

    Raises:
        InvalidArgument: *on* is not a date, or the ages are out of order.
    """
    if on is not None and type(on) is not dt.date:
        raise InvalidArgument(f"on={on!r} must be a datetime.date")
    if not 0 <= min_age <= max_age <= 100:
        raise InvalidArgument(f"need 0 <= min_age <= max_age <= 100, got {min_age}, {max_age}")
    edges = tuple(age for age in (15, 16, 17, 18) if min_age <= age <= max_age)
    any_age = st.integers(min_age, max_age)
    ages = st.one_of(st.sampled_from(edges), any_age) if edges else any_age

    @st.composite
    def build(draw: st.DrawFn) -> Arrangement:
        anchor = on if on is not None else draw(_anchors)
        born = _birth(draw, anchor, ages, (min_age, max_age))
        child = Child(
            identifier=draw(_identifiers), date_of_birth=born, disabled=draw(_facts(facts_known))
        )
        start = max(born, anchor - dt.timedelta(days=draw(_OFFSETS)))
        if draw(_not_begun) == 0:  # sometimes a stay that has not begun yet
            start = anchor + dt.timedelta(days=draw(_days_ahead))
        length = draw(_maybe_offset)
        end = None if length is None else start + dt.timedelta(days=length)
        relationship = draw(_relationships)
        setting, lives_there, maintained, stay = _place(draw, facts_known, start, end)
        intention, intended_end, extension = _intention(draw, facts_known, start, end)
        arranged, aware = _knowledge(draw, start)
        residents = draw(_residents)
        return Arrangement(
            child=child,
            relationship=relationship,
            link=_link(draw, relationship, facts_known),
            carer_has_parental_responsibility=draw(_facts(facts_known)),
            setting=setting,
            carer_capacity=draw(_capacities if facts_known else _maybe_capacity),
            carer_lives_there=lives_there,
            also_living_there=None if not facts_known and draw(_bools) else residents,
            looked_after=draw(_facts(facts_known)),
            placed_for_adoption=draw(_facts(facts_known)),
            mental_health_detention=draw(_facts(facts_known)),
            court_ordered=draw(_facts(facts_known)),
            start=start,
            end=end,
            intention=intention,
            intended_end=intended_end,
            extension_intended_from=extension,
            school_maintained=maintained,
            holiday_stay=stay,
            arranged=arranged,
            authority_aware=aware,
        )

    return build()


def _link(draw: st.DrawFn, relationship: Relationship, known: bool) -> Link | None:
    if relationship is Relationship.PARENT:
        return None
    return draw(_links[relationship is Relationship.STEP_PARENT, known])


def _place(
    draw: st.DrawFn, known: bool, start: dt.date, end: dt.date | None
) -> tuple[Setting, bool | None, bool | None, HolidayStay | None]:
    """A setting, whether the carer lives there, and for a school its holiday facts."""
    setting = draw(_settings)
    lives_there: bool | None = draw(_facts(known))
    if setting is Setting.CARERS_HOME and lives_there is False:
        lives_there = True
    if setting is Setting.OTHER_PREMISES and lives_there is True:
        lives_there = False
    if setting is not Setting.SCHOOL:
        return setting, lives_there, None, None
    stay = None
    if draw(_bools):
        latest = end if end is not None else start + dt.timedelta(days=500)
        length = draw(_holiday_lengths)
        room = max(0, (latest - start).days - length + 1)
        first = start + dt.timedelta(days=draw(st.integers(0, room)))
        last = min(first + dt.timedelta(days=length - 1), latest)
        stay = HolidayStay(first_day=first, last_day=last)
    return setting, lives_there, draw(_facts(known)), stay


def _intention(
    draw: st.DrawFn, known: bool, start: dt.date, end: dt.date | None
) -> tuple[IntendedDuration, dt.date | None, dt.date | None]:
    """The intention at the start, its intended end, and a later intention to extend."""
    intention = draw(_known_intentions if known else _intentions)
    intended_end = None
    if intention is IntendedDuration.FIXED_END:
        intended_end = start + dt.timedelta(days=draw(_OFFSETS))
    extension = None
    if draw(_bools):
        extension = start + dt.timedelta(days=draw(_extension_days))
        if end is not None and extension > end:
            extension = end
    return intention, intended_end, extension


def _knowledge(draw: st.DrawFn, start: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """When it was arranged (if ahead of the start) and when the authority became aware."""
    ahead = draw(_maybe_ahead)
    arranged = None if ahead is None else start - dt.timedelta(days=ahead)
    existed = start if arranged is None else arranged
    offset = draw(_maybe_offset)
    return arranged, None if offset is None else existed + dt.timedelta(days=offset)


def relatives_definitions() -> st.SearchStrategy[RelativesDefinition]:
    """Any set of relationships and links (the statutory lists are in the rules)."""
    return st.builds(
        RelativesDefinition,
        relationships=st.frozensets(st.sampled_from(Relationship)),
        links=st.frozensets(st.sampled_from(Link)),
    )


def notice_rules() -> st.SearchStrategy[NoticeRule]:
    """Notice rules of every timing, with an amount exactly where the timing counts."""

    @st.composite
    def build(draw: st.DrawFn) -> NoticeRule:
        timing = draw(st.sampled_from(Timing))
        counted = timing in (Timing.AT_LEAST_WEEKS_BEFORE, Timing.WITHIN_HOURS_AFTER)
        return NoticeRule(
            notifier=draw(st.sampled_from(Notifier)),
            recipient=draw(st.sampled_from(Recipient)),
            timing=timing,
            amount=draw(st.integers(1, 200)) if counted else 0,
            event=draw(_text),
        )

    return build()


_events = calendar_dates(_REGULATIONS + dt.timedelta(days=200), _LATEST)
_notice_duties = st.sampled_from(NoticeDuty)
_weeks_ahead = st.one_of(st.sampled_from((0, 13, 14, 15, 41, 42, 43)), st.integers(0, 180))
_returns = st.one_of(st.none(), st.sampled_from((0, 26, 27, 28, 29)), st.integers(0, 90))
_hours = st.one_of(st.sampled_from((0, 24, 36, 48, 72)), st.integers(0, 240))
_exception_days = st.one_of(st.sampled_from((27, 28)), st.integers(0, 60))
# The notice rules whose time limits were not confirmed: local procedures set their own.
_LOCAL_LIMITS = tuple(
    NOTICE_RULES[duty]
    for duty in (
        NoticeDuty.CHILD_ARRIVED,
        NoticeDuty.CHANGE_OF_CIRCUMSTANCES,
        NoticeDuty.END_OF_ARRANGEMENT,
    )
)
_local_names = st.sampled_from(
    (
        "Brent private fostering procedures",
        "Warrington Safeguarding Children Partnership procedures",
        "Norfolk County Council private fostering guidance",
    )
)
_adopted_from = st.one_of(st.just(_REGULATIONS), calendar_dates(_REGULATIONS, _LATEST))


def _local_limit(rule_value: NoticeRule, hours: int) -> NoticeRule:
    """The notice rule with a local time limit; 0 hours is "immediately"."""
    if hours == 0:
        return attrs.evolve(rule_value, timing=Timing.IMMEDIATELY, amount=0)
    return attrs.evolve(rule_value, amount=hours)


def fostering_procedures() -> st.SearchStrategy[Procedures]:
    """Procedures that set private fostering rules of their own, or national guidance.

    A local document may set its own time limit (in hours, 0 meaning
    "immediately") for the notices of regs 6, 9 and 10 and its own return
    exception (in days), from the regulations' commencement or a later date,
    with its own working-day calendar.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Procedures:
        if draw(st.integers(0, 4)) == 0:
            return NATIONAL
        values: dict[str, object] = {}
        for rule in _LOCAL_LIMITS:
            if draw(_bools):
                values[rule.key] = _local_limit(rule.versions[-1].value, draw(_hours))
        if draw(_bools):
            values[RETURN_EXCEPTION.key] = draw(_exception_days)
        calendar = draw(st.one_of(st.just(ENGLAND_AND_WALES), working_calendars()))
        return Procedures.adopt(
            draw(_local_names), values, in_force_from=draw(_adopted_from), calendar=calendar
        )

    return build()


_notice_procedures = fostering_procedures()


def fostering_notices() -> st.SearchStrategy[Notice]:
    """Notices computed by [`notice`][safeguarding.private_fostering.notice] itself.

    Advance notices are drawn 6 weeks (or 2 weeks) before the start and
    either side of it; end-of-arrangement notices with returns on day 27
    and 28; local procedures with their own time limits and return exception
    ([`fostering_procedures`][safeguarding.strategies.fostering_procedures]).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Notice:
        duty = draw(_notice_duties)
        event = draw(_events)
        known = None
        if duty in (NoticeDuty.PROPOSAL, NoticeDuty.BOARDING_HOLIDAY):
            known = event - dt.timedelta(days=draw(_weeks_ahead))
        returns = None
        if duty is NoticeDuty.END_OF_ARRANGEMENT:
            back = draw(_returns)
            returns = None if back is None else event + dt.timedelta(days=back)
        return notice(
            duty,
            event=event,
            known=known,
            expected_return=returns,
            procedures=draw(_notice_procedures),
        )

    return build()


def fostering_visits(
    *, min_value: dt.date = _REGULATIONS, max_value: dt.date = _LATEST
) -> st.SearchStrategy[Visit]:
    """Visits of both kinds on calendar edge dates and others.

    Args:
        min_value: Earliest visit day.
        max_value: Latest visit day.
    """
    return st.builds(
        Visit,
        made_on=calendar_dates(min_value, max_value),
        kind=st.sampled_from(VisitKind),
    )


def visit_clocks() -> st.SearchStrategy[VisitClock]:
    """Visit clocks; notifications cluster on bank holidays and the 2020 relaxation dates."""

    @st.composite
    def build(draw: st.DrawFn) -> VisitClock:
        notified = draw(calendar_dates(_REGULATIONS + dt.timedelta(days=120), _LATEST))
        aware = notified - dt.timedelta(days=draw(st.one_of(st.just(0), st.integers(0, 90))))
        return VisitClock(
            notified=notified, aware=aware, trigger=draw(st.sampled_from(FirstVisitTrigger))
        )

    return build()


def required_visits() -> st.SearchStrategy[RequiredVisit]:
    """Required visits as [`check_visits`][safeguarding.private_fostering.check_visits] gives."""

    @st.composite
    def build(draw: st.DrawFn) -> RequiredVisit:
        clock = draw(visit_clocks())
        gaps = draw(st.lists(st.integers(0, 100), max_size=6))
        made: list[Visit] = []
        day = clock.notified
        for gap in gaps:
            day += dt.timedelta(days=gap)
            made.append(Visit(made_on=day, kind=draw(st.sampled_from(VisitKind))))
        on = day + dt.timedelta(days=draw(st.integers(0, 120)))
        required = check_visits(made, clock, on=on)
        return draw(st.sampled_from(required))

    return build()


def carer_circumstances() -> st.SearchStrategy[CarerCircumstances]:
    """Every combination of known and unknown bars, disqualifications and consent."""
    return st.builds(
        CarerCircumstances,
        barred=_maybe_bool,
        household_member_barred=_maybe_bool,
        disqualified=_maybe_bool,
        household_member_disqualified=_maybe_bool,
        written_consent=_maybe_bool,
    )


def notification_records() -> st.SearchStrategy[NotificationRecord]:
    """Notifications received on any day, with any outcome."""
    return st.builds(
        NotificationRecord,
        received=calendar_dates(),
        outcome=st.sampled_from(NotificationOutcome),
    )


def arrangement_records() -> st.SearchStrategy[ArrangementRecord]:
    """Arrangements open or ended, ending on their first day at the earliest."""

    @st.composite
    def build(draw: st.DrawFn) -> ArrangementRecord:
        started = draw(calendar_dates(max_value=_LATEST))
        length = draw(st.one_of(st.none(), st.integers(0, 1000)))
        ended = None if length is None else started + dt.timedelta(days=length)
        return ArrangementRecord(started=started, ended=ended)

    return build()


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Arrangement: arrangements,
    ArrangementRecord: arrangement_records,
    CarerCircumstances: carer_circumstances,
    HolidayStay: holiday_stays,
    Notice: fostering_notices,
    NoticeRule: notice_rules,
    NotificationRecord: notification_records,
    RelativesDefinition: relatives_definitions,
    RequiredVisit: required_visits,
    Visit: fostering_visits,
    VisitClock: visit_clocks,
}
"""The strategy for each public private fostering model."""


Call = tuple[tuple[Any, ...], dict[str, Any]]


def assess_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess`][safeguarding.private_fostering.assess].

    An arrangement asked about on a day from its start to a year after, with procedures.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Call:
        arrangement = draw(arrangements())
        last = min(LAST_COVERED, arrangement.start + dt.timedelta(days=400))
        on = draw(st.dates(min_value=arrangement.start, max_value=last))
        return (arrangement,), {"on": on, "procedures": draw(fostering_procedures())}

    return build()


def assess_carer_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess_carer`][safeguarding.private_fostering.assess_carer]."""
    return st.tuples(
        carer_circumstances(),
        calendar_dates(dt.date(2010, 1, 1)),
        fostering_procedures(),
    ).map(lambda drawn: ((drawn[0],), {"on": drawn[1], "procedures": drawn[2]}))
