"""Strategies for the case-review models: incidents, partnerships, procedures, duties, decisions.

Dates cluster on the days the rules change: 26 March 2015 (Working Together 2015),
29 June 2018 (notifications to the Panel), 4 July 2018 (Working Together 2018),
29 September 2019 (last day for local arrangements), 15 December 2023 (Working Together
2023), plus bank holidays, 29 February and the 16th and 18th birthdays (ages 15 to 17 at the
incident, 16 to 18 at death, are drawn often).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.calendar import ENGLAND_AND_WALES, add_months
from safeguarding.decisions import Finding
from safeguarding.procedures import Procedures
from safeguarding.reviews.case_reviews import (
    PanelPerformance,
    ReviewDecision,
    assess_incident,
)
from safeguarding.reviews.duties import Body, Duty, DutyKind, DutyStatus
from safeguarding.reviews.incidents import (
    TRANSITION,
    AbuseOrNeglect,
    ClockAnchor,
    HarmIndicator,
    Incident,
    LocalPartnership,
    Place,
    Relationship,
    Residence,
    ReviewActions,
    ReviewCase,
    ReviewType,
    Setting,
    TransitionWindow,
)
from safeguarding.reviews.neighbouring import DHR_RELATIONSHIPS, OWHR_PILOT_PERIOD
from safeguarding.reviews.notifications import (
    NOTIFICATION_SCHEME,
    NOTIFICATION_TIMESCALE,
    NotificationRegime,
    NotificationScheme,
    NotificationTrigger,
    Recipient,
    notification_deadline,
)
from safeguarding.reviews.practice_reviews import (
    ADVANCE_COPY_TIMESCALE,
    LOCAL_REVIEW_CRITERIA,
    RAPID_REVIEW_ANCHOR,
    rapid_review_deadline,
)
from safeguarding.reviews.serious_case_reviews import SCR_CRITERIA
from safeguarding.reviews.serious_harm import SERIOUS_HARM
from safeguarding.rules import Version
from safeguarding.sources import TRANSITION_2018, edition
from safeguarding.strategies._core import (
    _text,
    calendar_dates,
    citations,
    deadlines,
    findings,
)

__all__ = [
    "STRATEGIES",
    "advance_copy_calls",
    "child_death_review_calls",
    "domestic_homicide_review_calls",
    "duties",
    "incidents",
    "local_partnerships",
    "local_review_calls",
    "looked_after_death_calls",
    "notification_calls",
    "notification_schemes",
    "offensive_weapons_homicide_review_calls",
    "panel_performances",
    "rapid_review_calls",
    "review_actions",
    "review_cases",
    "review_dates",
    "review_decisions",
    "review_procedures",
    "review_regime_calls",
    "review_tally_calls",
    "safeguarding_adults_review_calls",
    "serious_case_review_calls",
    "serious_harm_calls",
    "transition_windows",
]

FIRST_REVIEW_DAY = edition("WT2015").in_effect.day
"""The first day the case-review engine covers (Working Together 2015, 26 March 2015)."""
LAST_REVIEW_DAY = dt.date(2029, 12, 31)
"""The last awareness day drawn, leaving room for deadlines inside the calendar."""

# The days the review rules change, from the editions table, and the start of the offensive
# weapons homicide review pilot.
_CHANGES = (
    edition("WT2015").in_effect.day,
    TRANSITION_2018.framework_in_force.day,
    edition("WT2018").in_effect.day,
    TRANSITION_2018.publish_by.day,
    TRANSITION_2018.implement_by.day,
    OWHR_PILOT_PERIOD.in_force_from,
    edition("WT2023").in_effect.day,
)


def _clustered(min_value: dt.date, max_value: dt.date) -> st.SearchStrategy[dt.date]:
    near = sorted(
        {
            change + dt.timedelta(days=offset)
            for change in _CHANGES
            for offset in (-3, -2, -1, 0, 1, 2, 3)
            if min_value <= change + dt.timedelta(days=offset) <= max_value
        }
    )
    if near:
        return st.sampled_from(near)
    return st.dates(min_value=min_value, max_value=max_value)


def review_dates(
    min_value: dt.date = FIRST_REVIEW_DAY, max_value: dt.date = LAST_REVIEW_DAY
) -> st.SearchStrategy[dt.date]:
    """Dates for the case-review rules, clustered on the days those rules change.

    About half are within three days of a change (29 June 2018, 29 September 2019,
    15 December 2023, ...); the rest come from
    [`calendar_dates`][safeguarding.strategies.calendar_dates] (bank holidays and their neighbours,
    29 February, rule commencement dates, or any day in range).

    Args:
        min_value: Earliest date drawn (default 26 March 2015).
        max_value: Latest date drawn (default 31 December 2029).

    Raises:
        InvalidArgument: the bounds are not dates or are out of order.
    """
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if type(value) is not dt.date:
            raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is after max_value={max_value!r}")
    return st.one_of(
        _clustered(min_value, max_value),
        calendar_dates(min_value, max_value),
    )


_maybe = st.one_of(st.none(), st.booleans())
# Where it happened and where the child lives: every member, or not yet known (None).
_places: st.SearchStrategy[Place | None] = st.sampled_from((None, *Place))
_residences: st.SearchStrategy[Residence | None] = st.sampled_from((None, *Residence))
_ages = st.one_of(st.sampled_from((0, 15, 16, 17)), st.integers(min_value=0, max_value=17))


@st.composite
def _incidents(draw: st.DrawFn, min_aware: dt.date, max_aware: dt.date) -> Incident:
    aware_on = draw(review_dates(min_aware, max_aware))
    lag = draw(st.one_of(st.integers(0, 10), st.integers(0, 3 * 365)))
    incident_date = aware_on - dt.timedelta(days=lag)
    age_at_incident = draw(_ages)
    death_date: dt.date | None = None
    age_at_death: int | None = None
    if draw(st.booleans()):
        death_date = incident_date + dt.timedelta(
            days=draw(st.one_of(st.just(0), st.integers(0, 2 * 365)))
        )
        years = relativedelta(death_date, incident_date).years
        most = years if death_date == incident_date else years + 1
        age_at_death = age_at_incident + draw(st.integers(years, most))
    return Incident(
        incident_date=incident_date,
        aware_on=aware_on,
        age_at_incident=age_at_incident,
        place=draw(_places),
        residence=draw(_residences),
        abuse_or_neglect=draw(st.sampled_from(AbuseOrNeglect)),
        death_date=death_date,
        age_at_death=age_at_death,
        seriously_harmed=draw(_maybe),
        harm_indicators=draw(st.frozensets(st.sampled_from(HarmIndicator))),
        looked_after=draw(st.booleans()),
        setting=draw(st.sampled_from(Setting)),
        perpetrator=draw(st.sampled_from(Relationship)),
        concern_about_joint_working=draw(_maybe),
        care_and_support_needs=draw(_maybe),
        suspected_homicide=draw(_maybe),
        offensive_weapon=draw(_maybe),
    )


def incidents(
    *, min_aware: dt.date = FIRST_REVIEW_DAY, max_aware: dt.date = LAST_REVIEW_DAY
) -> st.SearchStrategy[Incident]:
    """Valid incidents: every place, setting and relationship; deaths at 16, 17 and 18.

    Where it happened and where the child normally lives are each sometimes not yet known
    (``None``), as are most yes/no facts.

    The incident is up to three years before awareness; a death, if any, on the day or up
    to two years later, with an age at death consistent with the dates.

    Args:
        min_aware: Earliest day of awareness (default 26 March 2015).
        max_aware: Latest day of awareness (default 31 December 2029).

    Raises:
        InvalidArgument: the bounds are not dates or are out of order.
    """
    review_dates(min_aware, max_aware)  # validates the bounds
    return _incidents(min_aware, max_aware)


_optional_day = st.one_of(st.none(), st.integers(0, 120))


@st.composite
def _review_actions(draw: st.DrawFn, aware_on: dt.date | None) -> ReviewActions:
    start = aware_on if aware_on is not None else draw(review_dates())

    def day() -> dt.date | None:
        offset = draw(_optional_day)
        return None if offset is None else start + dt.timedelta(days=offset)

    decided = day()
    published = day()
    if decided is not None and published is not None and published < decided:
        decided, published = published, decided
    return ReviewActions(
        notified_on=day(),
        partners_informed_on=day(),
        rapid_review_completed_on=day(),
        review_decided_on=decided,
        reviews_commissioned=draw(st.frozensets(st.sampled_from(ReviewType), max_size=3)),
        report_sent_to_panel_on=day(),
        published_on=published,
        highlights_improvements=draw(_maybe),
        highlights_recurrent_themes=draw(_maybe),
        panel_suggests_local_review=draw(_maybe),
    )


def review_actions(*, aware_on: dt.date | None = None) -> st.SearchStrategy[ReviewActions]:
    """Review actions, each step absent or up to 120 days after *aware_on*.

    Args:
        aware_on: The day of awareness the actions follow (drawn if ``None``).

    Raises:
        InvalidArgument: *aware_on* is not a date.
    """
    if aware_on is not None and type(aware_on) is not dt.date:
        raise InvalidArgument(f"aware_on={aware_on!r} must be a datetime.date")
    return _review_actions(aware_on)


@st.composite
def _review_cases(draw: st.DrawFn) -> ReviewCase:
    incident = draw(incidents())
    return ReviewCase(incident=incident, actions=draw(review_actions(aware_on=incident.aware_on)))


def review_cases() -> st.SearchStrategy[ReviewCase]:
    """Cases: an incident with actions dated on or after its day of awareness."""
    return _review_cases()


_closures = st.lists(review_dates(), min_size=1, max_size=3)
_WINDOW = TRANSITION.at(TRANSITION.in_force_from).value
_areas = st.one_of(st.sampled_from(("Lewisham", "Lambeth", "Greenwich", "Bexley")), _text)


@st.composite
def _review_procedures(draw: st.DrawFn) -> Procedures:
    calendar = draw(
        st.one_of(
            st.just(ENGLAND_AND_WALES),
            _closures.map(lambda days: ENGLAND_AND_WALES.with_closures(*days, name="Local")),
        )
    )
    overrides: dict[str, Version[ClockAnchor]] = {}
    if draw(st.booleans()):
        overrides[RAPID_REVIEW_ANCHOR.key] = Version(
            in_force_from=draw(review_dates(RAPID_REVIEW_ANCHOR.in_force_from)),
            value=draw(st.sampled_from(ClockAnchor)),
            source=draw(citations()),
        )
    name = draw(_areas) + " safeguarding children partnership procedures"
    return Procedures(name=name, calendar=calendar, overrides=overrides)


def review_procedures() -> st.SearchStrategy[Procedures]:
    """A partnership's procedures for case reviews: its calendar and rapid-review anchor.

    The calendar is England and Wales, or England and Wales with one to three local closure
    days. Half the procedures set the rapid-review anchor (rule
    ``reviews.rapid_review_anchor``) to either event, from a day clustered on the days the
    rules change; the others follow national guidance.
    """
    return _review_procedures()


@st.composite
def _local_partnerships(draw: st.DrawFn) -> LocalPartnership:
    live = draw(
        st.one_of(
            st.sampled_from((_WINDOW.opens, _WINDOW.implement_by, dt.date(2019, 4, 1))),
            st.dates(min_value=_WINDOW.opens, max_value=_WINDOW.implement_by),
        )
    )
    published: dt.date | None = None
    if draw(st.booleans()):
        latest = min(live, _WINDOW.publish_by)
        months = _WINDOW.months_to_implement
        back = live - relativedelta(months=months)
        # The first day from which going live is within the months allowed (month ends clamp).
        earliest = max(
            _WINDOW.opens,
            min(
                day
                for day in (back + dt.timedelta(days=offset) for offset in range(4))
                if add_months(day, months) >= live
            ),
        )
        published = draw(st.dates(min_value=earliest, max_value=latest))
    return LocalPartnership(
        area=draw(_areas),
        arrangements_live_from=live,
        arrangements_published_on=published,
        owhr_pilot_area=draw(st.booleans()),
    )


def local_partnerships() -> st.SearchStrategy[LocalPartnership]:
    """Partnerships going live anywhere in the window, often on its first or last day."""
    return _local_partnerships()


@st.composite
def _transition_windows(draw: st.DrawFn) -> TransitionWindow:
    days = sorted(draw(st.lists(calendar_dates(), min_size=3, max_size=3)))
    return TransitionWindow(
        opens=days[0],
        publish_by=days[1],
        implement_by=days[2],
        months_to_implement=draw(st.integers(0, 12)),
    )


def transition_windows() -> st.SearchStrategy[TransitionWindow]:
    """Transition windows with their dates in order."""
    return _transition_windows()


def notification_schemes() -> st.SearchStrategy[NotificationScheme]:
    """Notification schemes with distinct triggers and recipients."""
    return st.builds(
        NotificationScheme,
        regime=st.sampled_from(NotificationRegime),
        triggers=st.lists(st.sampled_from(NotificationTrigger), min_size=1, unique=True).map(tuple),
        recipients=st.lists(st.sampled_from(Recipient), min_size=1, unique=True).map(tuple),
    )


_sources = st.sampled_from(
    tuple(
        version.source
        for rule in (
            SERIOUS_HARM,
            NOTIFICATION_SCHEME,
            NOTIFICATION_TIMESCALE,
            RAPID_REVIEW_ANCHOR,
            LOCAL_REVIEW_CRITERIA,
            ADVANCE_COPY_TIMESCALE,
            SCR_CRITERIA,
            DHR_RELATIONSHIPS,
            OWHR_PILOT_PERIOD,
        )
        for version in rule.versions
    )
)
_criteria = st.sampled_from(
    (
        "a notification to the Panel",
        "the child has died",
        "aged 16 or over at death",
        "linked to the area",
    )
)
_findings = st.builds(
    Finding,
    criterion=st.one_of(_criteria, _text),
    met=_maybe,
    detail=st.sampled_from(("Met.", "Not met.", "Not yet known.")),
    source=_sources,
)
_deadlines = st.one_of(
    review_dates().map(notification_deadline),
    review_dates(TRANSITION_2018.framework_in_force.day).map(rapid_review_deadline),
    deadlines(),
)


@st.composite
def _duties(draw: st.DrawFn) -> Duty:
    status = draw(st.sampled_from(DutyStatus))
    drawn = () if status is DutyStatus.NOT_REQUIRED else draw(st.lists(_deadlines, max_size=2))
    return Duty(
        kind=draw(st.sampled_from(DutyKind)),
        status=status,
        responsible=draw(st.sampled_from(Body)),
        findings=tuple(draw(st.lists(st.one_of(_findings, findings()), min_size=1, max_size=3))),
        deadlines=tuple(drawn),
        rule_version=draw(st.sampled_from(("WT2015", "WT2018", "WT2023", "CA 2004 s16C"))),
    )


def duties() -> st.SearchStrategy[Duty]:
    """Duties of every kind and status; deadlines only on duties that apply or may."""
    return _duties()


@st.composite
def _review_decisions(draw: st.DrawFn) -> ReviewDecision:
    case = draw(review_cases())
    partnership = draw(local_partnerships())
    return assess_incident(
        case.incident,
        partnership=partnership,
        actions=case.actions,
        procedures=draw(review_procedures()),
    )


def review_decisions() -> st.SearchStrategy[ReviewDecision]:
    """Decisions of [`assess_incident`][safeguarding.reviews.case_reviews.assess_incident]."""
    return _review_decisions()


@st.composite
def _panel_performances(draw: st.DrawFn) -> PanelPerformance:
    considered = draw(st.integers(0, 50))
    required = draw(st.integers(0, considered))
    made = draw(st.integers(0, required))
    rapid = draw(st.integers(0, considered))
    completed = draw(st.integers(0, rapid))
    types = draw(st.frozensets(st.sampled_from(ReviewType))) if considered else frozenset()
    return PanelPerformance(
        incidents_considered=considered,
        notifications_required=required,
        notifications_made=made,
        notifications_in_time=draw(st.integers(0, made)),
        rapid_reviews_required=rapid,
        rapid_reviews_completed=completed,
        rapid_reviews_in_time=draw(st.integers(0, completed)),
        reviews_commissioned=tuple(
            (kind, draw(st.integers(1, considered))) for kind in ReviewType if kind in types
        ),
    )


def panel_performances() -> st.SearchStrategy[PanelPerformance]:
    """Panel measures whose parts never exceed their wholes."""
    return _panel_performances()


Call = tuple[tuple[Any, ...], dict[str, Any]]
"""A call of a rule function: its positional arguments and its keyword arguments."""

_SCR_LAST_DAY = (SCR_CRITERIA.repealed_on or LAST_REVIEW_DAY) - dt.timedelta(days=1)
"""The last day of serious case reviews (the day before their criteria were repealed)."""


@st.composite
def _incident_calls(
    draw: st.DrawFn,
    first: dt.date,
    last: dt.date,
    extra: dict[str, st.SearchStrategy[Any]],
) -> Call:
    """An incident known between *first* and *last*, asked about on a day in that range."""
    incident = draw(incidents(min_aware=first, max_aware=last))
    on = draw(st.one_of(st.just(incident.aware_on), review_dates(first, last)))
    kwargs = {name: draw(strategy) for name, strategy in extra.items()}
    kwargs.update(on=on, procedures=draw(review_procedures()))
    return (incident,), kwargs


def review_regime_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`review_regime`][safeguarding.reviews.review_regime].

    An incident and the area's partnership, asked about on the day of awareness or another
    day, with a partnership's procedures.
    """
    return _incident_calls(FIRST_REVIEW_DAY, LAST_REVIEW_DAY, {"partnership": local_partnerships()})


def notification_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess_notification`][safeguarding.reviews.assess_notification].

    An incident asked about on the day of awareness or another day from 26 March 2015 (the
    first notification scheme), with a partnership's procedures.
    """
    return _incident_calls(FIRST_REVIEW_DAY, LAST_REVIEW_DAY, {})


def looked_after_death_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess_looked_after_death`][safeguarding.reviews.assess_looked_after_death].

    As [`notification_calls`][safeguarding.strategies.notification_calls]: before 29 June
    2018 the death is decided under the notification scheme then in force.
    """
    return _incident_calls(FIRST_REVIEW_DAY, LAST_REVIEW_DAY, {})


def rapid_review_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess_rapid_review`][safeguarding.reviews.assess_rapid_review].

    As [`notification_calls`][safeguarding.strategies.notification_calls], with
    procedures that may set the rapid-review anchor; before 29 June 2018 no rapid review is
    required.
    """
    return _incident_calls(FIRST_REVIEW_DAY, LAST_REVIEW_DAY, {})


@st.composite
def _local_review_calls(draw: st.DrawFn) -> Call:
    (incident,), kwargs = draw(
        _incident_calls(LOCAL_REVIEW_CRITERIA.in_force_from, LAST_REVIEW_DAY, {})
    )
    actions = draw(st.one_of(st.none(), review_actions(aware_on=incident.aware_on)))
    return (incident,), {**kwargs, "actions": actions}


def local_review_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess_local_review`][safeguarding.reviews.assess_local_review].

    An incident known from 29 June 2018 (the practice review criteria), with or without the
    partners' actions, asked about on the day of awareness or a later day.
    """
    return _local_review_calls()


@st.composite
def _advance_copy_calls(draw: st.DrawFn) -> Call:
    first = ADVANCE_COPY_TIMESCALE.in_force_from
    published = draw(review_dates(first + dt.timedelta(days=30), LAST_REVIEW_DAY))
    sent = draw(
        st.one_of(
            st.none(),
            st.dates(min_value=published - dt.timedelta(days=30), max_value=published),
        )
    )
    on = draw(st.one_of(st.just(published), review_dates(first, LAST_REVIEW_DAY)))
    return (published,), {"sent_on": sent, "on": on, "procedures": draw(review_procedures())}


def advance_copy_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess_advance_copy`][safeguarding.reviews.assess_advance_copy].

    A publication day from late July 2018, a sending day up to 30 days before it (or none
    yet), the rule read on the publication day or another day from 29 June 2018.
    """
    return _advance_copy_calls()


def serious_case_review_calls() -> st.SearchStrategy[Call]:
    """Valid calls of the serious case review criteria.

    Calls of [`assess_serious_case_review`][safeguarding.reviews.assess_serious_case_review]:
    an incident known, and asked about, from 26 March 2015 to 28 September 2019 (the last
    day of serious case reviews).
    """
    return _incident_calls(FIRST_REVIEW_DAY, _SCR_LAST_DAY, {})


def serious_harm_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`assess_serious_harm`][safeguarding.reviews.assess_serious_harm]."""
    return _incident_calls(FIRST_REVIEW_DAY, LAST_REVIEW_DAY, {})


def domestic_homicide_review_calls() -> st.SearchStrategy[Call]:
    """Valid calls of the domestic homicide review criteria.

    Calls of
    [`assess_domestic_homicide_review`][safeguarding.reviews.assess_domestic_homicide_review].
    """
    return _incident_calls(FIRST_REVIEW_DAY, LAST_REVIEW_DAY, {})


def safeguarding_adults_review_calls() -> st.SearchStrategy[Call]:
    """Valid calls of the safeguarding adults review criteria.

    Calls of
    [`assess_safeguarding_adults_review`][safeguarding.reviews.assess_safeguarding_adults_review].
    """
    return _incident_calls(FIRST_REVIEW_DAY, LAST_REVIEW_DAY, {})


def offensive_weapons_homicide_review_calls() -> st.SearchStrategy[Call]:
    """Valid calls of the offensive weapons homicide review criteria.

    An incident, in a pilot area or not, with another statutory review applying, not
    applying or not yet known: calls of
    [the criteria][safeguarding.reviews.assess_offensive_weapons_homicide_review].
    """
    return _incident_calls(
        FIRST_REVIEW_DAY,
        LAST_REVIEW_DAY,
        {"pilot_area": st.booleans(), "excluded_by_other_review": _maybe},
    )


def child_death_review_calls() -> st.SearchStrategy[Call]:
    """Valid calls of the pointer to the child death review.

    Calls of [`assess_child_death_review`][safeguarding.reviews.assess_child_death_review].
    """
    return _incident_calls(FIRST_REVIEW_DAY, LAST_REVIEW_DAY, {})


@st.composite
def _review_tally_calls(draw: st.DrawFn, max_cases: int) -> Call:
    cases = draw(st.lists(review_cases(), max_size=max_cases))
    kwargs = {
        "partnership": draw(local_partnerships()),
        "on": draw(review_dates()),
        "procedures": draw(review_procedures()),
    }
    return (cases,), kwargs


def review_tally_calls(*, max_cases: int = 4) -> st.SearchStrategy[Call]:
    """Valid calls of [`tally_review_cases`][safeguarding.reviews.tally_review_cases].

    Up to *max_cases* cases, a partnership, a reporting date clustered on the days the
    rules change (steps after it are not counted) and the partnership's procedures.

    Args:
        max_cases: Most cases in one call.

    Raises:
        InvalidArgument: *max_cases* is negative.
    """
    if max_cases < 0:
        raise InvalidArgument(f"max_cases={max_cases!r} must be at least 0")
    return _review_tally_calls(max_cases)


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Duty: duties,
    Incident: incidents,
    LocalPartnership: local_partnerships,
    NotificationScheme: notification_schemes,
    PanelPerformance: panel_performances,
    ReviewActions: review_actions,
    ReviewCase: review_cases,
    ReviewDecision: review_decisions,
    TransitionWindow: transition_windows,
}
"""The strategy for each public case-review model."""
