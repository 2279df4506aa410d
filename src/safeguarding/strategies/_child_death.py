"""Strategies for the child death review models ([`safeguarding.reviews.child_death`][]).

Deaths cluster on the days age limits change (the 18th birthday and the
days either side, births on 29 February), on the days the regime changed
(1 April 2008, 29 June 2018, 1 April 2019) and on bank holidays. Review
records respect their cross-field rules: a completed review has a category
and a conclusion, an open one has neither; categorisations without an
override record the highest-listed candidate, and a SUDEP death is never
category 10.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.calendar import LAST_COVERED
from safeguarding.indicators.definitions import Period
from safeguarding.people import Child
from safeguarding.places import Place, Residence
from safeguarding.procedures import Procedures
from safeguarding.reviews.child_death import (
    APPLY_CATEGORY_HIERARCHY,
    MODIFIABLE_PERCENTAGE,
    REVIEW_NON_RESIDENT_DEATHS,
    SUDEP_CATEGORY,
    Categorisation,
    Category,
    CategoryCount,
    ChildDeath,
    ChildDeathReview,
    Domain,
    DomainAssessment,
    FactorLevel,
    ModifiableConclusion,
    PanelFigures,
    Share,
)
from safeguarding.rules import Version
from safeguarding.strategies._core import (
    calendar_dates,
    citations,
    dates_of_birth,
    working_calendars,
)

__all__ = [
    "STRATEGIES",
    "categorisations",
    "categorise_calls",
    "category_counts",
    "child_death_procedures",
    "child_death_reviews",
    "child_death_tally_calls",
    "child_deaths",
    "domain_assessments",
    "expectedness_calls",
    "in_scope_calls",
    "joint_agency_response_calls",
    "modifiable_factors_calls",
    "panel_figures",
    "shares",
]

_FIRST_DEATH = dt.date(2008, 4, 1)
"""Deaths and records are drawn from the start of the child death review duty."""

_tri_state = st.one_of(st.none(), st.booleans())
_identifiers = st.from_regex(r"[A-Z0-9]{1,12}", fullmatch=True)
_reasons = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() != "")


def _dates(min_value: dt.date = _FIRST_DEATH) -> st.SearchStrategy[dt.date]:
    return calendar_dates(min_value=min_value, max_value=LAST_COVERED)


def child_deaths(*, born_alive: bool | None = None) -> st.SearchStrategy[ChildDeath]:
    """Deaths of children (and babies not born alive) with every fact known or not.

    Ages at death cluster on the 16th and 18th birthdays (and the days either
    side), so the under-18 limit is exercised on both sides.

    Args:
        born_alive: ``True`` for live births only, ``False`` for babies not
            born alive only, ``None`` for both (and for "not known").
    """
    if born_alive is not None and not isinstance(born_alive, bool):
        raise InvalidArgument(f"born_alive={born_alive!r} must be True, False or None")
    alive = _tri_state if born_alive is None else st.just(born_alive)

    @st.composite
    def build(draw: st.DrawFn) -> ChildDeath:
        died = draw(_dates())
        signs_of_life = draw(alive)
        if signs_of_life is False:
            born = died
        else:
            born = draw(dates_of_birth(on=died, min_age=0, max_age=19))
        incident = draw(st.one_of(st.none(), st.dates(min_value=born, max_value=died)))
        return ChildDeath(
            child=Child(identifier=draw(_identifiers), date_of_birth=born),
            date_of_death=died,
            born_alive=signs_of_life,
            gestation_weeks=draw(st.one_of(st.none(), st.integers(min_value=20, max_value=44))),
            lawful_termination=draw(_tri_state),
            residence=draw(st.one_of(st.none(), st.sampled_from(Residence))),
            place=draw(st.one_of(st.none(), st.sampled_from(Place))),
            date_of_incident=incident,
            anticipated=draw(_tri_state),
            unexpected_collapse=draw(_tri_state),
            external_causes=draw(_tri_state),
            sudden_without_apparent_cause=draw(_tri_state),
            in_custody_or_detained=draw(_tri_state),
            suspicion_not_natural=draw(_tri_state),
            healthcare_professional_present=draw(_tri_state),
        )

    return build()


_LOCAL_CHOICES = (REVIEW_NON_RESIDENT_DEATHS.key, APPLY_CATEGORY_HIERARCHY.key)


@st.composite
def _child_death_procedures(draw: st.DrawFn) -> Procedures:
    overrides: dict[str, Version[bool]] = {}
    for key in _LOCAL_CHOICES:
        if draw(st.booleans()):
            overrides[key] = Version(
                in_force_from=draw(st.one_of(st.just(_FIRST_DEATH), _dates())),
                value=draw(st.booleans()),
                source=draw(citations()),
            )
    return Procedures(
        name="Child death review partners' procedures",
        calendar=draw(working_calendars()),
        overrides=overrides,
    )


def child_death_procedures() -> st.SearchStrategy[Procedures]:
    """Child death review partners' procedures: every combination of the two local choices.

    Each of the rules ``child_death.review_non_resident_deaths`` and
    ``child_death.apply_category_hierarchy`` is left national or set to ``True`` or
    ``False``, often from 1 April 2008 (so that it applies to every death drawn), otherwise
    from a drawn day.
    """
    return _child_death_procedures()


def categorisations(*, overridden: bool | None = None) -> st.SearchStrategy[Categorisation]:
    """Categorisations: 1 to 4 candidates, SUDEP or not, with or without an override.

    Args:
        overridden: ``True`` for panel overrides only, ``False`` for the
            hierarchy's choice only, ``None`` for both.
    """
    if overridden is not None and not isinstance(overridden, bool):
        raise InvalidArgument(f"overridden={overridden!r} must be True, False or None")

    @st.composite
    def build(draw: st.DrawFn) -> Categorisation:
        sudep = draw(st.booleans())
        candidates = set(draw(st.sets(st.sampled_from(Category), min_size=1, max_size=4)))
        if sudep:
            candidates = (candidates - {Category.SUDDEN_UNEXPLAINED}) | {Category.ACUTE_MEDICAL}
        ordered = tuple(draw(st.permutations(sorted(candidates, key=lambda c: c.number))))
        top = min(ordered, key=lambda c: c.number)
        override = draw(st.booleans()) if overridden is None else overridden
        if not override:
            return Categorisation(candidates=ordered, category=top, sudep=sudep)
        allowed = [c for c in Category if not (sudep and c is Category.SUDDEN_UNEXPLAINED)]
        return Categorisation(
            candidates=ordered,
            category=draw(st.sampled_from(allowed)),
            sudep=sudep,
            override_reason=draw(_reasons),
        )

    return build()


def domain_assessments() -> st.SearchStrategy[DomainAssessment]:
    """One domain's level: every domain and every code of the scale."""
    return st.builds(
        DomainAssessment, domain=st.sampled_from(Domain), level=st.sampled_from(FactorLevel)
    )


_domain_sets = st.lists(domain_assessments(), max_size=4, unique_by=lambda a: a.domain).map(tuple)


def child_death_reviews(*, completed: bool | None = None) -> st.SearchStrategy[ChildDeathReview]:
    """Review records, open or completed, with referrals on or after notification.

    Args:
        completed: ``True`` for completed reviews only, ``False`` for open
            ones only, ``None`` for both.
    """
    if completed is not None and not isinstance(completed, bool):
        raise InvalidArgument(f"completed={completed!r} must be True, False or None")
    finished = st.booleans() if completed is None else st.just(completed)

    @st.composite
    def build(draw: st.DrawFn) -> ChildDeathReview:
        notified = draw(_dates(_FIRST_DEATH))
        later = _dates(notified)
        done = draw(finished)
        return ChildDeathReview(
            notified=notified,
            unexpected=draw(_tri_state),
            reviewed=draw(later) if done else None,
            categorisation=draw(categorisations()) if done else None,
            modifiable=draw(st.sampled_from(ModifiableConclusion)) if done else None,
            domains=draw(_domain_sets),
            case_review_referral=draw(st.one_of(st.none(), later)),
        )

    return build()


def shares(*, max_denominator: int = 10_000) -> st.SearchStrategy[Share]:
    """Counts out of denominators, including 0 of 0 and n of n.

    Args:
        max_denominator: The largest denominator drawn (at least 0).
    """
    if type(max_denominator) is not int or max_denominator < 0:
        raise InvalidArgument(f"max_denominator={max_denominator!r} must be an int >= 0")
    return st.integers(min_value=0, max_value=max_denominator).flatmap(
        lambda denominator: st.builds(
            Share,
            numerator=st.integers(min_value=0, max_value=denominator),
            denominator=st.just(denominator),
        )
    )


def category_counts() -> st.SearchStrategy[CategoryCount]:
    """One category's count of reviews."""
    return st.builds(
        CategoryCount,
        category=st.sampled_from(Category),
        count=st.integers(min_value=0, max_value=5_000),
    )


def panel_figures() -> st.SearchStrategy[PanelFigures]:
    """Panel figures whose totals add up, with or without the breakdown by category."""

    @st.composite
    def build(draw: st.DrawFn) -> PanelFigures:
        start = draw(_dates(_FIRST_DEATH))
        end = draw(_dates(start))
        per_category = draw(
            st.lists(st.integers(min_value=0, max_value=500), min_size=len(Category), max_size=10)
        )
        completed = sum(per_category)
        cuts = sorted(draw(st.integers(min_value=0, max_value=completed)) for _ in range(2))
        notifications = draw(st.integers(min_value=0, max_value=6_000))
        unexpected = draw(st.integers(min_value=0, max_value=notifications))
        return PanelFigures(
            period_start=start,
            period_end=end,
            notifications=notifications,
            unexpected_deaths=unexpected,
            unexpected_not_recorded=draw(
                st.integers(min_value=0, max_value=notifications - unexpected)
            ),
            reviews_completed=completed,
            modifiable=cuts[0],
            not_modifiable=cuts[1] - cuts[0],
            insufficient_information=completed - cuts[1],
            by_category=tuple(
                CategoryCount(category=category, count=count)
                for category, count in zip(Category, per_category, strict=True)
            )
            if draw(st.booleans())
            else (),
            referrals_to_case_review_panel=draw(st.integers(min_value=0, max_value=100)),
        )

    return build()


Call = tuple[tuple[Any, ...], dict[str, Any]]
"""A call of a rule function: its positional arguments and its keyword arguments."""


@st.composite
def _death_calls(draw: st.DrawFn) -> Call:
    death = draw(child_deaths())
    on = draw(st.one_of(st.just(death.date_of_death), _dates()))
    return (death,), {"on": on, "procedures": draw(child_death_procedures())}


def in_scope_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`in_scope`][safeguarding.reviews.child_death.scope.in_scope].

    A death (every fact known or not), asked about on the day of death or another day from
    1 April 2008, with partners' procedures setting either local choice or neither.
    """
    return _death_calls()


def expectedness_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`expectedness`][safeguarding.reviews.child_death.expectedness].

    As [`in_scope_calls`][safeguarding.strategies.in_scope_calls].
    """
    return _death_calls()


def joint_agency_response_calls() -> st.SearchStrategy[Call]:
    """Valid calls of the joint agency response criteria.

    Calls of
    [`joint_agency_response`][safeguarding.reviews.child_death.joint_agency_response], as
    [`in_scope_calls`][safeguarding.strategies.in_scope_calls]: before 29 June 2018 the
    LSCB's rapid response, from then the Joint Agency Response.
    """
    return _death_calls()


@st.composite
def _categorise_calls(draw: st.DrawFn) -> Call:
    candidates = draw(st.lists(st.sampled_from(Category), min_size=1, max_size=5))
    sudep = draw(st.booleans())
    on = draw(_dates(SUDEP_CATEGORY.in_force_from if sudep else _FIRST_DEATH))
    procedures = draw(child_death_procedures())
    kept = set(candidates)
    if sudep:
        kept = (kept - {Category.SUDDEN_UNEXPLAINED}) | {Category.ACUTE_MEDICAL}
    applied = APPLY_CATEGORY_HIERARCHY.at(on, procedures=procedures).value
    allowed = [c for c in Category if not (sudep and c is Category.SUDDEN_UNEXPLAINED)]
    # With the hierarchy switched off, a panel with several candidates records its choice.
    must_choose = not applied and len(kept) > 1
    override = draw(
        st.sampled_from(allowed) if must_choose else st.one_of(st.none(), st.sampled_from(allowed))
    )
    kwargs: dict[str, Any] = {"on": on, "sudep": sudep, "procedures": procedures}
    if override is not None:
        kwargs.update(override=override, reason=draw(_reasons))
    return (candidates,), kwargs


def categorise_calls() -> st.SearchStrategy[Call]:
    """Valid calls of [`categorise`][safeguarding.reviews.child_death.categories.categorise].

    One to five candidates (repeats allowed), SUDEP or not (from 1 April 2019), with or
    without a panel override; where the partners' procedures switch the hierarchy off and
    several categories could apply, always with one.
    """
    return _categorise_calls()


def modifiable_factors_calls() -> st.SearchStrategy[Call]:
    """Valid calls of the panel's conclusion on modifiable factors.

    Calls of
    [`assess_modifiable_factors`][safeguarding.reviews.child_death.assess_modifiable_factors]:
    every conclusion, with up to four domain scores, on a day from 1 April 2008.
    """
    return st.tuples(
        st.sampled_from(ModifiableConclusion),
        _dates(),
        _domain_sets,
        child_death_procedures(),
    ).map(
        lambda drawn: (
            (drawn[0],),
            {"on": drawn[1], "domains": drawn[2], "procedures": drawn[3]},
        )
    )


@st.composite
def _child_death_tally_calls(draw: st.DrawFn, max_reviews: int) -> Call:
    reviews = draw(st.lists(child_death_reviews(), max_size=max_reviews))
    # The period often starts and ends on the records' own days, so that its ends are hit.
    days = sorted(
        {
            day
            for review in reviews
            for day in (review.notified, review.reviewed, review.case_review_referral)
            if day is not None
        }
    )
    own_start = bool(days) and draw(st.booleans())
    start = draw(st.sampled_from(days) if own_start else _dates())
    first_end = max(start, MODIFIABLE_PERCENTAGE.in_force_from)
    ends = [day for day in days if day >= first_end]
    own_end = bool(ends) and draw(st.booleans())
    end = draw(st.sampled_from(ends) if own_end else _dates(first_end))
    kwargs: dict[str, Any] = {
        "period": Period(start=start, end=end, label=f"{start} to {end}"),
        "procedures": draw(child_death_procedures()),
    }
    if draw(st.booleans()):
        kwargs["on"] = draw(_dates(MODIFIABLE_PERCENTAGE.in_force_from))
    return (reviews,), kwargs


def child_death_tally_calls(*, max_reviews: int = 12) -> st.SearchStrategy[Call]:
    """Valid calls of [`tally_reviews`][safeguarding.reviews.child_death.tally_reviews].

    Up to *max_reviews* review records, open or completed, and a period that often starts
    and ends on their own days (notification, review, referral) and always ends on or after
    1 April 2010 (the percentage with modifiable factors); sometimes another day from then
    whose rule applies; partners' procedures setting either local choice or neither.

    Args:
        max_reviews: Most records in one call.

    Raises:
        InvalidArgument: *max_reviews* is negative.
    """
    if type(max_reviews) is not int or max_reviews < 0:
        raise InvalidArgument(f"max_reviews={max_reviews!r} must be an int >= 0")
    return _child_death_tally_calls(max_reviews)


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Categorisation: categorisations,
    CategoryCount: category_counts,
    ChildDeath: child_deaths,
    ChildDeathReview: child_death_reviews,
    DomainAssessment: domain_assessments,
    PanelFigures: panel_figures,
    Share: shares,
}
"""The strategy for each public child death review model."""
