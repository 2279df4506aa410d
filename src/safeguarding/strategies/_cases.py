"""Strategies for a child's social care record ([`safeguarding.cases`][]).

[`episodes`][] draws episodes whose events are in a valid chronological
order: every check of [`check_journey`][safeguarding.thresholds.journey.check_journey]
passes on them, while their steps are on time, late or missing in every
combination. [`inconsistent_episodes`][] draws plausible data-entry errors
(a conference before its enquiry started, a plan with no conference, two open
plans, activity after closure, ...), each of which the consistency checks
report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.calendar import add_working_days
from safeguarding.cases import (
    Assessment,
    AssessmentFactor,
    CategoryOfAbuse,
    ChildProtectionPlan,
    ChildRecord,
    CINPlan,
    Disability,
    Episode,
    Ethnicity,
    LookedAfterPeriod,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguarding.sources import edition
from safeguarding.strategies._core import calendar_dates, children

__all__ = [
    "EARLIEST_REFERRAL",
    "LATEST_REFERRAL",
    "STRATEGIES",
    "assessments",
    "child_protection_plans",
    "child_records",
    "cin_plans",
    "episodes",
    "inconsistent_episodes",
    "looked_after_periods",
    "section47_enquiries",
    "strategy_discussions",
]

EARLIEST_REFERRAL = edition("WT2013").in_effect.day
"""The first referral drawn: Working Together 2013 (15 April 2013), when the timescales checked
begin."""
LATEST_REFERRAL = dt.date(2026, 6, 30)
"""The last referral drawn: an episode's events then stay within the working-day calendar."""

_ONE = dt.timedelta(days=1)

T = TypeVar("T")


def _shift(draw: st.DrawFn, day: dt.date, low: int, high: int) -> dt.date:
    """*day* plus between *low* and *high* calendar days."""
    return day + dt.timedelta(days=draw(st.integers(min_value=low, max_value=high)))


def _working(draw: st.DrawFn, day: dt.date, low: int, high: int) -> dt.date:
    """*day* plus between *low* and *high* working days."""
    return add_working_days(day, draw(st.integers(min_value=low, max_value=high)))


def _maybe(draw: st.DrawFn) -> bool:
    return draw(st.booleans())


def _optional_member(kind: type[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), st.sampled_from(kind))  # type: ignore[arg-type]


def _dates() -> st.SearchStrategy[dt.date]:
    return calendar_dates(EARLIEST_REFERRAL, LATEST_REFERRAL)


def strategy_discussions() -> st.SearchStrategy[StrategyDiscussion]:
    """Strategy discussions on any day, flagged as initiating an enquiry or not (or unknown)."""
    return st.builds(
        StrategyDiscussion,
        discussion_date=_dates(),
        initiated_s47=st.one_of(st.none(), st.booleans()),
    )


def assessments() -> st.SearchStrategy[Assessment]:
    """Assessments, open or authorised 0 to 90 working days after they started."""

    @st.composite
    def build(draw: st.DrawFn) -> Assessment:
        start = draw(_dates())
        authorised = _working(draw, start, 0, 90) if _maybe(draw) else None
        review = _shift(draw, start, 0, 30) if _maybe(draw) else None
        factors = (
            draw(st.frozensets(st.sampled_from(AssessmentFactor), max_size=4))
            if authorised is not None
            else frozenset()
        )
        return Assessment(
            start_date=start,
            authorisation_date=authorised,
            internal_review_date=review,
            factors=factors,
        )

    return build()


def cin_plans() -> st.SearchStrategy[CINPlan]:
    """Child in need plans, open or ended (possibly the day they started)."""

    @st.composite
    def build(draw: st.DrawFn) -> CINPlan:
        start = draw(_dates())
        end = _shift(draw, start, 0, 400) if _maybe(draw) else None
        return CINPlan(start_date=start, end_date=end)

    return build()


def section47_enquiries() -> st.SearchStrategy[Section47Enquiry]:
    """Section 47 enquiries with their strategy discussions, in chronological order."""

    @st.composite
    def build(draw: st.DrawFn) -> Section47Enquiry:
        return _enquiry(draw, draw(_dates()), open_allowed=True)

    return build()


def child_protection_plans() -> st.SearchStrategy[ChildProtectionPlan]:
    """Child protection plans, open or ended, with reviews and core groups after their start."""

    @st.composite
    def build(draw: st.DrawFn) -> ChildProtectionPlan:
        return _plan(draw, draw(_dates()), open_allowed=True)

    return build()


def looked_after_periods() -> st.SearchStrategy[LookedAfterPeriod]:
    """Looked-after periods with 0 to 5 reviews, each after the one before."""

    @st.composite
    def build(draw: st.DrawFn) -> LookedAfterPeriod:
        return _looked_after(draw, draw(_dates()))

    return build()


def _enquiry(draw: st.DrawFn, after: dt.date, *, open_allowed: bool) -> Section47Enquiry:
    """An enquiry whose first discussion is on or after *after*; concluded unless *open_allowed*."""
    first = _shift(draw, after, 0, 20)
    discussions = []
    if _maybe(draw):  # recorded discussions (the census has none)
        held = first
        for index in range(draw(st.integers(min_value=1, max_value=3))):
            flag = (
                draw(st.sampled_from((True, None)))
                if index == 0
                else draw(st.sampled_from((False, None)))
            )
            discussions.append(StrategyDiscussion(discussion_date=held, initiated_s47=flag))
            held = _shift(draw, held, 0, 10)
    start = _shift(draw, first, 0, 3)
    conference = _working(draw, start, 0, 25) if _maybe(draw) else None
    if conference is not None:
        not_required = draw(st.sampled_from((None, False)))
    elif open_allowed:
        not_required = draw(st.sampled_from((None, False, True)))
    else:
        not_required = True
    target = _working(draw, start, 15, 15) if _maybe(draw) else None
    return Section47Enquiry(
        start_date=start,
        strategy_discussions=tuple(discussions),
        icpc_target_date=target,
        initial_cpc_date=conference,
        icpc_not_required=not_required,
    )


def _reviews(
    draw: st.DrawFn, start: dt.date, first: tuple[int, int], later: tuple[int, int]
) -> list[dt.date]:
    """0 to 5 review dates after *start*, the first *first* days on, later ones *later* apart."""
    dates: list[dt.date] = []
    previous = start
    for index in range(draw(st.integers(min_value=0, max_value=5))):
        low, high = first if index == 0 else later
        previous = _shift(draw, previous, low, high)
        dates.append(previous)
    return dates


def _plan(draw: st.DrawFn, start: dt.date, *, open_allowed: bool) -> ChildProtectionPlan:
    """A plan starting on *start*; ended (after its start) unless *open_allowed* draws it open."""
    reviews = _reviews(draw, start, (30, 120), (60, 200))
    last = reviews[-1] if reviews else start
    if open_allowed and _maybe(draw):
        end = None
    else:
        end = draw(st.sampled_from((last, _shift(draw, last, 1, 120))))
        if end == start:
            end = start + _ONE
    core_groups = None
    if _maybe(draw):
        first = _working(draw, start, 0, 15)
        core_groups = (first, _shift(draw, first, 10, 40))[: draw(st.integers(0, 2))]
    return ChildProtectionPlan(
        start_date=start,
        end_date=end,
        initial_category=draw(_optional_member(CategoryOfAbuse)),
        latest_category=draw(_optional_member(CategoryOfAbuse)),
        previous_plans=draw(st.one_of(st.none(), st.integers(min_value=0, max_value=4))),
        review_dates=tuple(reviews),
        core_group_dates=core_groups,
    )


def _looked_after(draw: st.DrawFn, start: dt.date) -> LookedAfterPeriod:
    reviews = _reviews(draw, start, (5, 40), (40, 200))
    end = _shift(draw, reviews[-1] if reviews else start, 0, 90) if _maybe(draw) else None
    return LookedAfterPeriod(start_date=start, end_date=end, review_dates=tuple(reviews))


def _check_range(min_referral: dt.date, max_referral: dt.date) -> None:
    for name, value in (("min_referral", min_referral), ("max_referral", max_referral)):
        if type(value) is not dt.date:
            raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    if not EARLIEST_REFERRAL <= min_referral <= max_referral <= LATEST_REFERRAL:
        raise InvalidArgument(
            f"need {EARLIEST_REFERRAL} <= min_referral <= max_referral <= {LATEST_REFERRAL}"
        )


class _Timeline:
    """The events of an episode being drawn, and whether they all ended (closure allowed)."""

    __slots__ = ("complete", "events")

    def __init__(self, referral: dt.date) -> None:
        self.events = [referral]
        self.complete = True

    def add(self, day: dt.date | None) -> None:
        if day is None:
            self.complete = False
        else:
            self.events.append(day)


def _assessment_chain(draw: st.DrawFn, referral: dt.date, t: _Timeline) -> tuple[Assessment, ...]:
    """0 to 2 assessments, each starting after the previous one was authorised."""
    drawn: list[Assessment] = []
    after = referral
    count = draw(st.integers(min_value=0, max_value=2))
    for index in range(count):
        start = _shift(draw, after, 0, 10)
        authorised = _working(draw, start, 0, 70) if index < count - 1 or _maybe(draw) else None
        factors = (
            draw(st.frozensets(st.sampled_from(AssessmentFactor), max_size=3))
            if authorised is not None
            else frozenset()
        )
        drawn.append(Assessment(start_date=start, authorisation_date=authorised, factors=factors))
        t.add(start)
        t.add(authorised)
        if authorised is None:
            break
        after = authorised
    return tuple(drawn)


def _enquiry_blocks(
    draw: st.DrawFn, referral: dt.date, t: _Timeline
) -> tuple[tuple[Section47Enquiry, ...], tuple[ChildProtectionPlan, ...]]:
    """0 to 2 enquiries, each followed after its conference by a plan or not; one after another."""
    enquiries: list[Section47Enquiry] = []
    plans: list[ChildProtectionPlan] = []
    after = referral
    blocks = draw(st.integers(min_value=0, max_value=2))
    for index in range(blocks):
        last = index == blocks - 1
        enquiry = _enquiry(draw, after if index == 0 else after + _ONE, open_allowed=last)
        enquiries.append(enquiry)
        t.add(enquiry.start_date)
        conference = enquiry.initial_cpc_date
        discussed = [d.discussion_date for d in enquiry.strategy_discussions]
        if conference is None:
            t.complete = t.complete and enquiry.icpc_not_required is True
            after = max([enquiry.start_date, *discussed])
            continue
        t.add(conference)
        after = max([conference, *discussed])
        if _maybe(draw):
            plan = _plan(draw, conference, open_allowed=last)
            plans.append(plan)
            t.add(plan.end_date)
            after = max([after, plan.end_date or conference, *plan.review_dates])
    return tuple(enquiries), tuple(plans)


@st.composite
def _valid_episode(draw: st.DrawFn, min_referral: dt.date, max_referral: dt.date) -> Episode:
    referral = draw(calendar_dates(min_referral, max_referral))
    decided = _working(draw, referral, 0, 3) if _maybe(draw) else None
    nfa = draw(st.sampled_from((True, False, None)))
    common: dict[str, Any] = {
        "referral_date": referral,
        "referral_source": draw(_optional_member(ReferralSource)),
        "primary_need": draw(_optional_member(PrimaryNeed)),
        "referral_nfa": nfa,
        "referral_decision_date": decided,
    }
    if nfa is True:
        closed = _shift(draw, referral, 0, 10) if _maybe(draw) else None
        reason = draw(st.sampled_from(ReasonForClosure)) if closed else None
        return Episode(**common, closure_date=closed, reason_for_closure=reason)
    t = _Timeline(referral)
    assessments_ = _assessment_chain(draw, referral, t)
    enquiries, plans = _enquiry_blocks(draw, referral, t)
    cin: tuple[CINPlan, ...] = ()
    if not plans and _maybe(draw):
        start = _shift(draw, referral, 0, 60)
        end = _shift(draw, start, 1, 300) if _maybe(draw) else None
        cin = (CINPlan(start_date=start, end_date=end),)
        t.add(start)
        t.add(end)
    periods = (_looked_after(draw, _shift(draw, referral, 0, 60)),) if _maybe(draw) else ()
    closed = _shift(draw, max(t.events), 0, 60) if t.complete and _maybe(draw) else None
    return Episode(
        **common,
        closure_date=closed,
        reason_for_closure=draw(st.sampled_from(ReasonForClosure)) if closed else None,
        assessments=assessments_,
        cin_plans=cin,
        section47_enquiries=enquiries,
        child_protection_plans=plans,
        looked_after_periods=periods,
    )


def episodes(
    *,
    min_referral: dt.date = EARLIEST_REFERRAL,
    max_referral: dt.date = LATEST_REFERRAL,
    consistent: bool = True,
) -> st.SearchStrategy[Episode]:
    """Episodes of need in valid chronological order (or, optionally, with data-entry errors).

    A valid episode passes every consistency check of
    [`check_journey`][safeguarding.thresholds.journey.check_journey]: assessments,
    enquiries and plans follow one another, each plan starts on its
    conference, at most the last of each is still open, and the episode is
    closed only after everything in it ended. Their timeliness varies freely:
    steps are drawn on time, late and missing. Referral days cluster on bank
    holidays, 29 February and rule commencement dates.

    Args:
        min_referral: Earliest referral day (at least 15 April 2013).
        max_referral: Latest referral day (at most `LATEST_REFERRAL`).
        consistent: ``False`` draws [`inconsistent_episodes`][] instead.

    Raises:
        InvalidArgument: the bounds are not dates or not in order within range.
    """
    _check_range(min_referral, max_referral)
    if not consistent:
        return inconsistent_episodes(min_referral=min_referral, max_referral=max_referral)
    return _valid_episode(min_referral, max_referral)


# --------------------------------------------------------------------------- data-entry errors


def _add(episode: Episode, **items: tuple[Any, ...]) -> Episode:
    changes = {name: getattr(episode, name) + extra for name, extra in items.items()}
    return attrs.evolve(episode, **changes)


def _conference_before_enquiry(draw: st.DrawFn, e: Episode) -> Episode:  # DfE rule 8615
    start = _shift(draw, e.referral_date, 5, 30)
    enquiry = Section47Enquiry(start_date=start, initial_cpc_date=_shift(draw, start, -5, -1))
    return _add(e, section47_enquiries=(enquiry,))


def _plan_without_conference(draw: st.DrawFn, e: Episode) -> Episode:  # DfE rule 2885
    conferences = [s.initial_cpc_date for s in e.section47_enquiries]
    latest = max([e.referral_date, *(d for d in (*conferences, e.initial_cpc_date) if d)])
    start = _shift(draw, latest, 1, 60)  # after every conference: on none of their days
    end = _shift(draw, start, 1, 100) if _maybe(draw) else None
    return _add(e, child_protection_plans=(ChildProtectionPlan(start_date=start, end_date=end),))


def _two_open_plans(draw: st.DrawFn, e: Episode) -> Episode:  # DfE rule 8935
    plans = tuple(
        ChildProtectionPlan(start_date=_shift(draw, e.referral_date, 0, 90)) for _ in range(2)
    )
    return _add(e, child_protection_plans=plans)


def _assessment_before_referral(draw: st.DrawFn, e: Episode) -> Episode:  # DfE rule 1103
    start = _shift(draw, e.referral_date, -30, -1)
    authorised = _shift(draw, start, 0, 60) if _maybe(draw) else None
    return _add(e, assessments=(Assessment(start_date=start, authorisation_date=authorised),))


def _review_before_plan(draw: st.DrawFn, e: Episode) -> Episode:  # DfE rule 8841
    start = _shift(draw, e.referral_date, 0, 60)
    plan = ChildProtectionPlan(start_date=start, review_dates=(_shift(draw, start, -20, 0),))
    return _add(e, child_protection_plans=(plan,))


def _plan_ends_on_start(draw: st.DrawFn, e: Episode) -> Episode:  # DfE rule 8840
    start = _shift(draw, e.referral_date, 0, 60)
    return _add(e, child_protection_plans=(ChildProtectionPlan(start_date=start, end_date=start),))


def _activity_after_closure(draw: st.DrawFn, e: Episode) -> Episode:  # DfE rule 8565
    closed = e.closure_date or e.referral_date
    start = _shift(draw, closed, 1, 30)
    assessment = Assessment(start_date=start, authorisation_date=_shift(draw, start, 0, 30))
    return attrs.evolve(
        e,
        closure_date=closed,
        reason_for_closure=e.reason_for_closure or ReasonForClosure.SERVICES_CEASED,
        assessments=(*e.assessments, assessment),
    )


def _activity_on_no_further_action(draw: st.DrawFn, e: Episode) -> Episode:  # DfE rule 8831
    start = _shift(draw, e.referral_date, 0, 10)
    return attrs.evolve(
        e, referral_nfa=True, assessments=(*e.assessments, Assessment(start_date=start))
    )


def _discussion_after_enquiry(draw: st.DrawFn, e: Episode) -> Episode:  # Working Together
    start = _shift(draw, e.referral_date, 0, 30)
    late = StrategyDiscussion(discussion_date=_shift(draw, start, 1, 10), initiated_s47=True)
    enquiry = Section47Enquiry(start_date=start, strategy_discussions=(late,))
    return _add(e, section47_enquiries=(enquiry,))


def _looked_after_review_before_start(draw: st.DrawFn, e: Episode) -> Episode:
    start = _shift(draw, e.referral_date, 1, 60)
    period = LookedAfterPeriod(start_date=start, review_dates=(_shift(draw, start, -30, -1),))
    return _add(e, looked_after_periods=(period,))


_ERRORS: tuple[Callable[[st.DrawFn, Episode], Episode], ...] = (
    _conference_before_enquiry,
    _plan_without_conference,
    _two_open_plans,
    _assessment_before_referral,
    _review_before_plan,
    _plan_ends_on_start,
    _activity_after_closure,
    _activity_on_no_further_action,
    _discussion_after_enquiry,
    _looked_after_review_before_start,
)


def inconsistent_episodes(
    *, min_referral: dt.date = EARLIEST_REFERRAL, max_referral: dt.date = LATEST_REFERRAL
) -> st.SearchStrategy[Episode]:
    """Episodes with one or two plausible data-entry errors, each reported by the checks.

    A valid episode ([`episodes`][]) is drawn and then spoiled: a conference
    dated before its enquiry started, a plan starting on a day with no
    conference, two open plans, an assessment before the referral, a review
    before its plan started, a plan ending on the day it started, activity
    after closure or on a "no further action" referral, an enquiry started
    before the discussion that initiated it, a looked-after review before the
    period began. Every model validator still passes.

    Args:
        min_referral: Earliest referral day (at least 15 April 2013).
        max_referral: Latest referral day.

    Raises:
        InvalidArgument: the bounds are not dates or not in order within range.
    """
    _check_range(min_referral, max_referral)

    @st.composite
    def build(draw: st.DrawFn) -> Episode:
        episode = draw(_valid_episode(min_referral, max_referral))
        spoil = draw(st.lists(st.sampled_from(_ERRORS), min_size=1, max_size=2, unique=True))
        for error in spoil:
            episode = error(draw, episode)
        return episode

    return build()


def child_records() -> st.SearchStrategy[ChildRecord]:
    """Children with their characteristics and up to two valid episodes."""
    return st.builds(
        ChildRecord,
        child=children(),
        ethnicity=_optional_member(Ethnicity),
        disabilities=st.frozensets(st.sampled_from(Disability), max_size=3),
        episodes=st.lists(episodes(), max_size=2).map(tuple),
    )


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Assessment: assessments,
    CINPlan: cin_plans,
    ChildProtectionPlan: child_protection_plans,
    ChildRecord: child_records,
    Episode: episodes,
    LookedAfterPeriod: looked_after_periods,
    Section47Enquiry: section47_enquiries,
    StrategyDiscussion: strategy_discussions,
}
"""The strategy for each public model of [`safeguarding.cases`][]."""
