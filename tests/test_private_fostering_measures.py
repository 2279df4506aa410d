"""Partnership measures, checked against the Lewisham 2018/19 annual report.

Source: Lewisham Safeguarding Children Board, Annual Report 2018/19, section "Private Fostering"
(p. 20 of the report's contents): "25 notifications of new possible arrangements"; "14 of the 25
notifications received were assessed as new Private Fostering arrangements, this combined with
10 known existing arrangements means there are 24 Private Fostering arrangements being
monitored".
"""

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.errors import InvalidInputError
from safeguarding.indicators.definitions import Kind, Period, Tally
from safeguarding.private_fostering import (
    MEASURES,
    ArrangementRecord,
    FirstVisitTrigger,
    NotificationOutcome,
    NotificationRecord,
    Visit,
    VisitClock,
    VisitKind,
    check_visits,
    tally,
)
from safeguarding.private_fostering.measures import (
    ARRANGEMENTS_OPEN_AT_END,
    EXISTING_ARRANGEMENTS_OPEN_AT_END,
    FIRST_VISITS_ON_TIME,
    NEW_ARRANGEMENTS_OPEN_AT_END,
    NOTIFICATIONS_ASSESSED_AS_NEW,
    NOTIFICATIONS_RECEIVED,
    SUBSEQUENT_VISITS_ON_TIME,
)
from safeguarding.strategies._private_fostering import arrangement_records, notification_records

D = dt.date
YEAR = Period.financial_year(2018)  # 1 April 2018 to 31 March 2019, the report's year


def wrong(value: object) -> Any:
    """A deliberately ill-typed argument."""
    return value


def lewisham_2018_19() -> tuple[list[NotificationRecord], list[ArrangementRecord]]:
    """Records consistent with the annual report: 25 notifications, 14 new, 10 existing."""
    notifications = [
        NotificationRecord(
            received=D(2018, 4, 2) + dt.timedelta(days=14 * i),
            outcome=(
                NotificationOutcome.NEW_ARRANGEMENT
                if i < 14
                else NotificationOutcome.NOT_PRIVATE_FOSTERING
            ),
        )
        for i in range(25)
    ]
    # Outside the year: not counted.
    notifications.append(
        NotificationRecord(received=D(2018, 3, 30), outcome=NotificationOutcome.NEW_ARRANGEMENT)
    )
    notifications.append(
        NotificationRecord(received=D(2019, 4, 1), outcome=NotificationOutcome.PENDING)
    )
    new = [
        ArrangementRecord(started=n.received + dt.timedelta(days=10)) for n in notifications[:14]
    ]
    existing = [
        ArrangementRecord(started=D(2017, 1, 1) + dt.timedelta(days=30 * i)) for i in range(10)
    ]
    closed = [
        ArrangementRecord(started=D(2016, 5, 1), ended=D(2018, 6, 30)),
        ArrangementRecord(started=D(2018, 7, 1), ended=D(2019, 3, 30)),
        ArrangementRecord(started=D(2019, 4, 1)),
    ]
    return notifications, [*new, *existing, *closed]


def test_lewisham_notifications_and_arrangements():
    notifications, arrangements = lewisham_2018_19()
    counts = tally(period=YEAR, notifications=notifications, arrangements=arrangements)
    assert counts.count(NOTIFICATIONS_RECEIVED.key).numerator == 25
    assessed = counts.count(NOTIFICATIONS_ASSESSED_AS_NEW.key)
    assert (assessed.numerator, assessed.denominator) == (14, 25)
    assert counts.count(NEW_ARRANGEMENTS_OPEN_AT_END.key).numerator == 14
    assert counts.count(EXISTING_ARRANGEMENTS_OPEN_AT_END.key).numerator == 10
    assert counts.count(ARRANGEMENTS_OPEN_AT_END.key).numerator == 24
    values = {v.key: v for v in counts.values(MEASURES, period=YEAR)}
    assert values[NOTIFICATIONS_ASSESSED_AS_NEW.key].formatted() == "56"
    assert values[ARRANGEMENTS_OPEN_AT_END.key].value == 24.0
    assert values[FIRST_VISITS_ON_TIME.key].value is None  # no first visits counted


def test_arrangement_ending_on_the_last_day_is_still_open():
    record = ArrangementRecord(started=D(2018, 1, 1), ended=D(2019, 3, 31))
    assert (
        tally(period=YEAR, arrangements=[record]).count(ARRANGEMENTS_OPEN_AT_END.key).numerator == 1
    )


def test_visit_timeliness_measures():
    # PF1 measure: % of first visits within 7 working days (2009: 77% nationally).
    trigger = FirstVisitTrigger.NOTICE_OF_FOSTERING
    clock_a = VisitClock(notified=D(2018, 6, 4), aware=D(2018, 6, 4), trigger=trigger)
    clock_b = VisitClock(notified=D(2018, 9, 3), aware=D(2018, 9, 3), trigger=trigger)
    clock_c = VisitClock(notified=D(2019, 3, 28), aware=D(2019, 3, 28), trigger=trigger)
    on = YEAR.end

    def made(*days: dt.date) -> list[Visit]:
        return [Visit(made_on=d, kind=VisitKind.STATUTORY) for d in days]

    # a: first visit 8 June (due 13 June) on time; 10 July on time (due 20 July); 1 September
    # late (due 21 August); then overdue from 13 October. b: first visit 20 September late
    # (due 12 September); next overdue from 1 November. c: first visit not yet due on 31 March.
    a = check_visits(made(D(2018, 6, 8), D(2018, 7, 10), D(2018, 9, 1)), clock_a, on=on)
    b = check_visits(made(D(2018, 9, 20)), clock_b, on=on)
    c = check_visits([], clock_c, on=on)
    counts = tally(period=YEAR, required_visits=[*a, *b, *c])
    first = counts.count(FIRST_VISITS_ON_TIME.key)
    assert (first.numerator, first.denominator) == (1, 2)
    later = counts.count(SUBSEQUENT_VISITS_ON_TIME.key)
    assert (later.numerator, later.denominator) == (1, 4)
    value = FIRST_VISITS_ON_TIME.compute(first.numerator, first.denominator, period=YEAR)
    assert value.formatted() == "50"
    assert value.interval is not None  # Wilson interval from the indicator engine


def test_measures_are_indicators_with_sources():
    assert len({m.key for m in MEASURES}) == len(MEASURES) == 7
    assert all(m.key.startswith("private_fostering.") for m in MEASURES)
    assert {m.kind for m in MEASURES} == {Kind.COUNT, Kind.PROPORTION}
    assert all(m.source.instrument for m in MEASURES)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: tally(period=wrong((D(2018, 4, 1), D(2019, 3, 31)))), "period"),
        (lambda: tally(period=YEAR, notifications=[wrong("x")]), "notifications[0]"),
        (lambda: tally(period=YEAR, arrangements=[wrong(None)]), "arrangements[0]"),
        (lambda: tally(period=YEAR, required_visits=[wrong(1)]), "required_visits[0]"),
        (lambda: ArrangementRecord(started=D(2018, 1, 2), ended=D(2018, 1, 1)), "ended"),
        (lambda: ArrangementRecord(started=wrong(dt.datetime(2018, 1, 2))), "started"),
        (lambda: NotificationRecord(received=D(2018, 1, 2), outcome=wrong("new")), "outcome"),
    ],
)
def test_bad_input_names_the_field(call, field):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


@given(
    st.lists(notification_records(), max_size=30),
    st.lists(arrangement_records(), max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_tallies_add_up_over_any_split(notifications, arrangements, cut_n, cut_a):
    whole = tally(period=YEAR, notifications=notifications, arrangements=arrangements)
    parts = tally(
        period=YEAR, notifications=notifications[:cut_n], arrangements=arrangements[:cut_a]
    ) + tally(period=YEAR, notifications=notifications[cut_n:], arrangements=arrangements[cut_a:])
    assert parts == whole
    assert whole + Tally() == whole
    received = whole.count(NOTIFICATIONS_RECEIVED.key).numerator
    assert whole.count(NOTIFICATIONS_ASSESSED_AS_NEW.key).denominator == received
    total = whole.count(ARRANGEMENTS_OPEN_AT_END.key).numerator
    assert total == (
        whole.count(NEW_ARRANGEMENTS_OPEN_AT_END.key).numerator
        + whole.count(EXISTING_ARRANGEMENTS_OPEN_AT_END.key).numerator
    )
