"""A panel's figures for a period, counted from its review records.

[`compute_figures`][] counts notifications, unexpected deaths, reviews completed,
reviews with modifiable factors, reviews by category and referrals to the case review
panel ([`PanelFigures`][]). The percentage with modifiable factors is taken over the
reviews that had enough information: reviews concluding "insufficient information" leave
the denominator, as the national statistics do (rule
``child_death.modifiable_percentage``). Every share is kept exact ([`Share`][]);
rounding is only for display.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from safeguarding._validate import check_date, check_int, is_date, is_int, is_member, is_tuple_of
from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.publication import round_half_up
from safeguarding.indicators.statistics import Interval, wilson_interval
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.reviews._checks import check_procedures, items_of, rules_date
from safeguarding.reviews.child_death.categories import Category
from safeguarding.reviews.child_death.modifiable_factors import ModifiableConclusion
from safeguarding.reviews.child_death.records import ChildDeathReview
from safeguarding.reviews.child_death.regime import (
    _MODIFIABLE_FROM,
    _NHS_2018_URL,
    NHS_DIGITAL_CHILD_DEATH_STATISTICS,
)
from safeguarding.rules import DatedRule, Version, register

__all__ = [
    "MODIFIABLE_PERCENTAGE",
    "CategoryCount",
    "PanelFigures",
    "Share",
    "compute_figures",
]

MODIFIABLE_PERCENTAGE: DatedRule[str] = register(
    DatedRule(
        key="child_death.modifiable_percentage",
        title="Percentage of reviews with modifiable factors",
        versions=(
            Version(
                in_force_from=_MODIFIABLE_FROM,
                value="reviews with modifiable factors / (reviews completed - reviews with "
                "insufficient information)",
                source=NHS_DIGITAL_CHILD_DEATH_STATISTICS.cite(
                    "Number of reviews",
                    Verification.PRIMARY,
                    url=_NHS_2018_URL,
                    note="Read: 3,595 reviews in 2017-18, of which 3,540 had enough information "
                    "and 55 insufficient information; 28% with modifiable factors. The DfE "
                    "release 'Child death reviews completed in England: year ending 31 March "
                    "2012' (gov.uk) states the sufficient-information denominator.",
                ),
                edition="modifiable factors 2010",
            ),
        ),
    )
)


@attrs.frozen(kw_only=True)
class Share:
    """A count out of a denominator, kept exact; rounding is only for display.

    Attributes:
        numerator: The count (0 to ``denominator``).
        denominator: What it is counted out of (0 when nothing qualifies).

    Examples:
        >>> share = Share(numerator=17, denominator=25)
        >>> share.percent
        Fraction(68, 1)
        >>> str(share)
        '17 of 25 (68%)'
    """

    numerator: int = attrs.field(validator=is_int(minimum=0))
    denominator: int = attrs.field(validator=is_int(minimum=0))

    def __attrs_post_init__(self) -> None:
        """The count cannot exceed its denominator."""
        if self.numerator > self.denominator:
            raise InvalidInputError("numerator", "must not be greater than denominator")

    @property
    def percent(self) -> Fraction | None:
        """The exact percentage, or ``None`` when the denominator is 0."""
        if self.denominator == 0:
            return None
        return Fraction(100 * self.numerator, self.denominator)

    def rounded_percent(self, places: int = 0) -> Decimal | None:
        """The percentage rounded half up to *places* decimals (a display step only).

        Args:
            places: Decimal places, 0 or more.

        Returns:
            The rounded percentage, or ``None`` when the denominator is 0.

        Raises:
            InvalidInputError: *places* is not an integer of at least 0.
        """
        check_int("places", places, minimum=0)
        percent = self.percent
        return None if percent is None else round_half_up(percent, places)

    def interval(self, *, confidence: float = 0.95) -> Interval | None:
        """The Wilson score interval of the percentage, or ``None`` when the denominator is 0.

        Examples:
            >>> ci = Share(numerator=17, denominator=25).interval()
            >>> round(100 * ci.lower, 1), round(100 * ci.upper, 1)
            (48.4, 82.8)
        """
        if self.denominator == 0:
            return None
        return wilson_interval(self.numerator, self.denominator, confidence=confidence)

    def __str__(self) -> str:
        """``"17 of 25 (68%)"``; ``"0 of 0 (no denominator)"``."""
        rounded = self.rounded_percent()
        shown = "no denominator" if rounded is None else f"{rounded}%"
        return f"{self.numerator} of {self.denominator} ({shown})"


@attrs.frozen(kw_only=True)
class CategoryCount:
    """How many completed reviews recorded one category.

    Attributes:
        category: The category.
        count: The number of reviews.
    """

    category: Category = attrs.field(validator=is_member(Category))
    count: int = attrs.field(validator=is_int(minimum=0))


def _category_counts(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(CategoryCount)(_instance, attribute, value)
    if value and tuple(item.category for item in value) != tuple(Category):  # type: ignore[attr-defined]
        raise InvalidInputError(
            attribute.name, "must be empty or hold every category once, in hierarchy order"
        )


@attrs.frozen(kw_only=True)
class PanelFigures:
    """A panel's figures for a period (both ends included).

    Notifications are counted by the day they were received, reviews by the
    day they were completed and referrals by the day they were made, so a
    death notified in one year may be reviewed in the next.

    Attributes:
        period_start: First day of the period.
        period_end: Last day of the period.
        notifications: Deaths notified in the period.
        unexpected_deaths: Notified deaths recorded as unexpected.
        unexpected_not_recorded: Notified deaths with expectedness not recorded.
        reviews_completed: Reviews completed in the period.
        modifiable: Completed reviews concluding modifiable factors.
        not_modifiable: Completed reviews concluding no modifiable factors.
        insufficient_information: Completed reviews that could not conclude.
        by_category: Completed reviews per category (every category, in
            order), or empty when only totals are known.
        referrals_to_case_review_panel: Referrals made in the period.
    """

    period_start: dt.date = attrs.field(validator=is_date)
    period_end: dt.date = attrs.field(validator=is_date)
    notifications: int = attrs.field(validator=is_int(minimum=0))
    unexpected_deaths: int = attrs.field(validator=is_int(minimum=0))
    unexpected_not_recorded: int = attrs.field(default=0, validator=is_int(minimum=0))
    reviews_completed: int = attrs.field(validator=is_int(minimum=0))
    modifiable: int = attrs.field(validator=is_int(minimum=0))
    not_modifiable: int = attrs.field(validator=is_int(minimum=0))
    insufficient_information: int = attrs.field(validator=is_int(minimum=0))
    by_category: tuple[CategoryCount, ...] = attrs.field(default=(), validator=_category_counts)
    referrals_to_case_review_panel: int = attrs.field(default=0, validator=is_int(minimum=0))

    def __attrs_post_init__(self) -> None:
        """Totals must add up."""
        if self.period_end < self.period_start:
            raise InvalidInputError("period_end", "must not be before period_start")
        if self.unexpected_deaths + self.unexpected_not_recorded > self.notifications:
            raise InvalidInputError(
                "unexpected_deaths", "with those not recorded, must not exceed notifications"
            )
        if self.modifiable + self.not_modifiable + self.insufficient_information != (
            self.reviews_completed
        ):
            raise InvalidInputError(
                "reviews_completed",
                "must equal modifiable + not_modifiable + insufficient_information",
            )
        if self.by_category and sum(c.count for c in self.by_category) != self.reviews_completed:
            raise InvalidInputError("by_category", "counts must add up to reviews_completed")

    @property
    def modifiable_share(self) -> Share:
        """Reviews with modifiable factors out of those with enough information to decide.

        Reviews concluding "insufficient information" are left out of the
        denominator (rule ``child_death.modifiable_percentage``).
        """
        return Share(numerator=self.modifiable, denominator=self.modifiable + self.not_modifiable)

    def category_shares(self) -> tuple[tuple[Category, Share], ...]:
        """Each category's reviews out of all reviews completed (empty if not known)."""
        return tuple(
            (item.category, Share(numerator=item.count, denominator=self.reviews_completed))
            for item in self.by_category
        )

    def summary(self) -> str:
        """The figures in plain English, one per line, percentages rounded half up."""
        share = self.modifiable_share
        lines = [
            f"Period {self.period_start.isoformat()} to {self.period_end.isoformat()}",
            f"Notifications: {self.notifications}, of which unexpected: {self.unexpected_deaths}"
            + (
                f" (not recorded: {self.unexpected_not_recorded})"
                if self.unexpected_not_recorded
                else ""
            ),
            f"Reviews completed: {self.reviews_completed}",
            (
                f"With modifiable factors: {share}; insufficient information (excluded): "
                f"{self.insufficient_information}"
            ),
        ]
        lines.extend(
            f"Category {category.describe()}: {category_share}"
            for category, category_share in self.category_shares()
            if category_share.numerator
        )
        lines.append(f"Referrals to the case review panel: {self.referrals_to_case_review_panel}")
        return "\n".join(lines)


def _in_period(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def compute_figures(
    reviews: Iterable[ChildDeathReview],
    *,
    period_start: dt.date,
    period_end: dt.date,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> PanelFigures:
    """Count a panel's figures for a period from its review records.

    The rule: notifications are counted by the day they were received,
    completed reviews by the day the panel completed them, referrals to the
    case review panel by the day they were made (both ends of the period
    included). The percentage with modifiable factors is taken over the
    completed reviews that had enough information: reviews concluding
    "insufficient information" are left out of the denominator (they are
    still counted as reviews completed). Category percentages are out of all
    reviews completed and add up to exactly 100% before rounding.

    Legal basis:
        NHS Digital / DfE child death review statistics (denominator,
        primary). Rule ``child_death.modifiable_percentage``, applied as it
        stood at the end of the period.

    Args:
        reviews: The panel's records (any order).
        period_start: First day of the period.
        period_end: Last day of the period.
        on: The date whose rule applies; *period_end* by default.
        procedures: Local procedures.

    Returns:
        The [`PanelFigures`][].

    Raises:
        InvalidInputError: a record is not a [`ChildDeathReview`][], a date
            is not a date, the period ends before it starts, or *procedures* is
            not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 1 April 2010 (panels then
            returned "preventable" deaths).

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.child_death.categories import categorise
        >>> done = ChildDeathReview(
        ...     notified=dt.date(2018, 5, 1), unexpected=True, reviewed=dt.date(2018, 11, 20),
        ...     categorisation=categorise([Category.INFECTION], on=dt.date(2018, 11, 20)).outcome,
        ...     modifiable=ModifiableConclusion.INSUFFICIENT_INFORMATION)
        >>> figures = compute_figures([done], period_start=dt.date(2018, 4, 1),
        ...                           period_end=dt.date(2019, 3, 31))
        >>> figures.reviews_completed, str(figures.modifiable_share)
        (1, '0 of 0 (no denominator)')
    """
    check_date("period_start", period_start)
    check_date("period_end", period_end)
    if period_end < period_start:
        raise InvalidInputError("period_end", "must not be before period_start")
    records = items_of("reviews", reviews, ChildDeathReview)
    day = rules_date(on, period_end)
    # Raises before April 2010 ("preventable" deaths).
    MODIFIABLE_PERCENTAGE.at(day, procedures=check_procedures(procedures))
    counts = dict.fromkeys(ModifiableConclusion, 0)
    categories = dict.fromkeys(Category, 0)
    notifications = unexpected = not_recorded = referrals = 0
    for review in records:
        if _in_period(review.notified, period_start, period_end):
            notifications += 1
            unexpected += review.unexpected is True
            not_recorded += review.unexpected is None
        if _in_period(review.reviewed, period_start, period_end):
            # A completed review always has both (ChildDeathReview checks it).
            counts[review.modifiable] += 1  # type: ignore[index]
            categories[review.categorisation.category] += 1  # type: ignore[union-attr]
        referrals += _in_period(review.case_review_referral, period_start, period_end)
    return PanelFigures(
        period_start=period_start,
        period_end=period_end,
        notifications=notifications,
        unexpected_deaths=unexpected,
        unexpected_not_recorded=not_recorded,
        reviews_completed=sum(counts.values()),
        modifiable=counts[ModifiableConclusion.MODIFIABLE],
        not_modifiable=counts[ModifiableConclusion.NOT_MODIFIABLE],
        insufficient_information=counts[ModifiableConclusion.INSUFFICIENT_INFORMATION],
        by_category=tuple(
            CategoryCount(category=category, count=count) for category, count in categories.items()
        ),
        referrals_to_case_review_panel=referrals,
    )
