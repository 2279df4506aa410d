"""A panel's figures for a period, as indicators counted from its review records.

The figures are indicators ([`CHILD_DEATH_MEASURES`][], each with its source, listed in the
indicator catalogue): deaths notified, and the shares recorded as unexpected or with
expectedness not recorded; reviews completed, the share with modifiable factors, the share
concluding "insufficient information" and the share in each category
([`CATEGORY_SHARES`][]); and referrals to the case review panel. The percentage with
modifiable factors is taken over the reviews that had enough information: reviews concluding
"insufficient information" leave the denominator, as the national statistics do (rule
``child_death.modifiable_percentage``).

[`tally_reviews`][] counts them from the records in one pass into a mergeable
[`Tally`][safeguarding.indicators.definitions.Tally] (the tallies of several panels, or of
parts of one panel's records, add up with ``+``), and [`child_death_values`][] gives their
values with confidence intervals. [`compute_figures`][] gives the same counts as named fields
([`PanelFigures`][]), with every share kept exact ([`Share`][]); rounding is only for
display.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from safeguarding._validate import check_date, check_int, is_date, is_int, is_member, is_tuple_of
from safeguarding.citations import Citation, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.families import measure
from safeguarding.indicators.comparison import Polarity
from safeguarding.indicators.definitions import (
    Count,
    Indicator,
    IndicatorValue,
    Kind,
    Period,
    Tally,
)
from safeguarding.indicators.publication import round_half_up
from safeguarding.indicators.statistics import Interval, wilson_interval
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import items_of, rules_date
from safeguarding.reviews._instruments import LEWISHAM_LSCB_ANNUAL_REPORT_2018_19
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
    "CATEGORY_SHARES",
    "CHILD_DEATH_MEASURES",
    "DEATHS_NOTIFIED",
    "EXPECTEDNESS_NOT_RECORDED",
    "MODIFIABLE_PERCENTAGE",
    "NOTIFIED_UNEXPECTED",
    "REFERRALS_TO_CASE_REVIEW_PANEL",
    "REVIEWS_COMPLETED",
    "REVIEWS_INSUFFICIENT_INFORMATION",
    "REVIEWS_WITH_MODIFIABLE_FACTORS",
    "CategoryCount",
    "PanelFigures",
    "Share",
    "child_death_values",
    "compute_figures",
    "tally_reviews",
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


_NATIONAL_REVIEWS = NHS_DIGITAL_CHILD_DEATH_STATISTICS.cite(
    "Number of reviews",
    Verification.PRIMARY,
    url=_NHS_2018_URL,
    note="Read: 3,595 reviews completed in the year ending 31 March 2018 (2016-17: 3,575), of "
    "which 55 could not conclude for insufficient information. Reviews are counted by the day "
    "the panel completed them, as the releases count the reviews completed in the year.",
)
_CDOP_REPORT = LEWISHAM_LSCB_ANNUAL_REPORT_2018_19.cite(
    "'Child Death Overview Panel (CDOP)' (from p. 15)",
    Verification.SECONDARY,
    note="27 child death notifications from 1 April 2018 to 31 March 2019, 13 of them unexpected "
    "deaths; 25 deaths reviewed, 7 (28%) perinatal/neonatal, 5 (20%) sudden unexpected death in "
    "infancy, 4 (16%) chromosomal, genetic or congenital, each out of the 25 reviews; 3 deaths "
    "referred to the SCR panel. The report gives the figures only: counting notifications by "
    "the day received and referrals by the day made, and the shares of unexpected deaths and "
    "of expectedness not recorded out of the notifications, are the library's conventions.",
)


def _figure(key: str, title: str, numerator: str, denominator: str, source: Citation) -> Indicator:
    """A panel figure: a share (a percentage) if it has a denominator, else a count."""
    return Indicator(
        key=f"child_death.{key}",
        title=title,
        numerator=numerator,
        denominator=denominator,
        kind=Kind.PROPORTION if denominator else Kind.COUNT,
        multiplier=100 if denominator else 1,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=0,
        source=source,
    )


_NOTIFIED = "deaths notified to the panel in the period"
_COMPLETED = "reviews the panel completed in the period"

DEATHS_NOTIFIED = _figure(
    "deaths_notified", "Child deaths notified to the panel", _NOTIFIED, "", _CDOP_REPORT
)
NOTIFIED_UNEXPECTED = _figure(
    "notified_unexpected",
    "Notified deaths recorded as unexpected (%)",
    "deaths notified in the period recorded as unexpected",
    _NOTIFIED,
    _CDOP_REPORT,
)
EXPECTEDNESS_NOT_RECORDED = _figure(
    "expectedness_not_recorded",
    "Notified deaths with expectedness not recorded (%)",
    "deaths notified in the period not recorded as either expected or unexpected",
    _NOTIFIED,
    _CDOP_REPORT,
)
REVIEWS_COMPLETED = _figure(
    "reviews_completed", "Child death reviews completed", _COMPLETED, "", _NATIONAL_REVIEWS
)
REVIEWS_WITH_MODIFIABLE_FACTORS = _figure(
    "reviews_with_modifiable_factors",
    "Reviews completed with modifiable factors (%)",
    "reviews completed in the period that concluded the death had modifiable factors",
    "reviews completed in the period with enough information to conclude (those concluding "
    "'insufficient information' left out)",
    MODIFIABLE_PERCENTAGE.versions[0].source,
)
"""The percentage with modifiable factors (rule ``child_death.modifiable_percentage``)."""
REVIEWS_INSUFFICIENT_INFORMATION = _figure(
    "reviews_insufficient_information",
    "Reviews completed that could not conclude for insufficient information (%)",
    "reviews completed in the period concluding 'insufficient information'",
    _COMPLETED,
    _NATIONAL_REVIEWS,
)
REFERRALS_TO_CASE_REVIEW_PANEL = _figure(
    "referrals_to_case_review_panel",
    "Deaths referred to the case review panel",
    "referrals of deaths to the case review panel made in the period",
    "",
    _CDOP_REPORT,
)


def _category_share(category: Category) -> Indicator:
    return _figure(
        f"category.{category.name.lower()}",
        f"Reviews completed recording category {category.describe()} (%)",
        f"reviews completed in the period that recorded category {category.number}",
        _COMPLETED,
        _CDOP_REPORT,
    )


CATEGORY_SHARES: tuple[Indicator, ...] = tuple(_category_share(c) for c in Category)
"""The share of the reviews completed in each category, one per [`Category`][], in its order."""
CHILD_DEATH_MEASURES: tuple[Indicator, ...] = (
    DEATHS_NOTIFIED,
    NOTIFIED_UNEXPECTED,
    EXPECTEDNESS_NOT_RECORDED,
    REVIEWS_COMPLETED,
    REVIEWS_WITH_MODIFIABLE_FACTORS,
    REVIEWS_INSUFFICIENT_INFORMATION,
    *CATEGORY_SHARES,
    REFERRALS_TO_CASE_REVIEW_PANEL,
)
"""A child death overview panel's figures, in reporting order."""

_BY_CATEGORY = dict(zip(Category, CATEGORY_SHARES, strict=True))
# (indicator, numerator, denominator): the PanelFigures fields behind each share whose
# denominator is a field (the share with modifiable factors is out of two of them).
_SHARES: tuple[tuple[Indicator, str, str], ...] = (
    (NOTIFIED_UNEXPECTED, "unexpected_deaths", "notifications"),
    (EXPECTEDNESS_NOT_RECORDED, "unexpected_not_recorded", "notifications"),
    (REVIEWS_INSUFFICIENT_INFORMATION, "insufficient_information", "reviews_completed"),
)
_COUNTED = (
    (DEATHS_NOTIFIED, "notifications"),
    (REVIEWS_COMPLETED, "reviews_completed"),
    (REFERRALS_TO_CASE_REVIEW_PANEL, "referrals_to_case_review_panel"),
)


def _tally_of(counts: Mapping[str, int], categories: Mapping[Category, int] | None) -> Tally:
    """The tally holding the named counts (the fields of [`PanelFigures`][]).

    Without *categories* (only totals known) the tally has no category shares.
    """
    tallied = {indicator.key: Count(numerator=counts[name]) for indicator, name in _COUNTED}
    for indicator, numerator, denominator in _SHARES:
        tallied[indicator.key] = Count(numerator=counts[numerator], denominator=counts[denominator])
    tallied[REVIEWS_WITH_MODIFIABLE_FACTORS.key] = Count(
        numerator=counts["modifiable"],
        denominator=counts["modifiable"] + counts["not_modifiable"],
    )
    if categories is not None:
        for category, indicator in _BY_CATEGORY.items():
            tallied[indicator.key] = Count(
                numerator=categories.get(category, 0), denominator=counts["reviews_completed"]
            )
    return Tally(counts=tallied)


def _period_of(start: dt.date, end: dt.date) -> Period:
    return Period(start=start, end=end, label=f"{start.isoformat()} to {end.isoformat()}")


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
    death notified in one year may be reviewed in the next. The same counts
    as a tally of [`CHILD_DEATH_MEASURES`][]
    ([`to_tally`][PanelFigures.to_tally], [`from_tally`][PanelFigures.from_tally]),
    named.

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

    @classmethod
    def from_tally(cls, tally: Tally, *, period: Period) -> PanelFigures:
        """The figures of a tally of [`CHILD_DEATH_MEASURES`][] (from [`tally_reviews`][]).

        A tally without category shares (from figures whose breakdown by category is not
        known) gives figures with an empty ``by_category``.

        Args:
            tally: The counts.
            period: The period they are for.

        Raises:
            InvalidInputError: naming ``period`` when it is not a
                [`Period`][safeguarding.indicators.definitions.Period]; naming ``tally`` when
                it is not a Tally, when two indicators count the same notifications or
                reviews differently, or when a part exceeds its whole.

        Examples:
            >>> from safeguarding.indicators.definitions import Period
            >>> PanelFigures.from_tally(Tally(), period=Period.financial_year(2018)).notifications
            0
        """
        if not isinstance(tally, Tally):
            raise InvalidInputError("tally", "must be a Tally")
        if not isinstance(period, Period):
            raise InvalidInputError("period", "must be a Period")
        counts = {name: tally.count(indicator.key).numerator for indicator, name in _COUNTED}
        for indicator, numerator, denominator in _SHARES:
            count = tally.count(indicator.key)
            counts[numerator] = count.numerator
            if count.denominator != counts[denominator]:
                raise InvalidInputError(
                    "tally", f"{indicator.key} does not count the same {denominator}"
                )
        concluded = tally.count(REVIEWS_WITH_MODIFIABLE_FACTORS.key)
        counts["modifiable"] = concluded.numerator
        counts["not_modifiable"] = concluded.denominator - concluded.numerator
        by_category: tuple[CategoryCount, ...] = ()
        if any(indicator.key in tally.counts for indicator in CATEGORY_SHARES):
            for indicator in CATEGORY_SHARES:
                if tally.count(indicator.key).denominator != counts["reviews_completed"]:
                    raise InvalidInputError(
                        "tally", f"{indicator.key} does not count the same reviews_completed"
                    )
            by_category = tuple(
                CategoryCount(category=category, count=tally.count(indicator.key).numerator)
                for category, indicator in _BY_CATEGORY.items()
            )
        try:
            return cls(
                period_start=period.start,
                period_end=period.end,
                by_category=by_category,
                **counts,
            )
        except InvalidInputError as error:
            raise InvalidInputError("tally", f"{error.field}: {error.reason}") from None

    def to_tally(self) -> Tally:
        """The figures as a tally of [`CHILD_DEATH_MEASURES`][].

        Without a breakdown by category, the tally has no category shares.

        Examples:
            >>> from safeguarding.indicators.definitions import Period
            >>> year = Period.financial_year(2018)
            >>> empty = PanelFigures.from_tally(Tally(), period=year)
            >>> PanelFigures.from_tally(empty.to_tally(), period=year) == empty
            True
        """
        counts = attrs.asdict(
            self, filter=lambda field, _: field.name not in {"period_start", "period_end"}
        )
        categories = {item.category: item.count for item in self.by_category}
        return _tally_of(counts, categories if self.by_category else None)

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


def _is_records(value: object) -> bool:
    """Whether *value* is an iterable of records (a string is not)."""
    return isinstance(value, Iterable) and not isinstance(value, str | bytes)


@measure(MODIFIABLE_PERCENTAGE.key, calls="child_death_tally_calls")
def tally_reviews(
    reviews: Iterable[ChildDeathReview],
    *,
    period: Period,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> Tally:
    """Count a panel's figures for a period from its review records, in one pass.

    The rule: notifications are counted by the day they were received,
    completed reviews by the day the panel completed them, referrals to the
    case review panel by the day they were made (both ends of the period
    included). The percentage with modifiable factors is taken over the
    completed reviews that had enough information: reviews concluding
    "insufficient information" are left out of its denominator (they are
    still counted as reviews completed, and have a share of their own).
    Category shares are out of all reviews completed and add up to exactly
    100% before rounding. Each record is read once, so *reviews* may be any
    iterable; tallies of separate records for the same period add up with
    ``+`` to the tally of all of them, whatever their order.

    Legal basis:
        NHS Digital / DfE child death review statistics (denominator,
        primary). Rule ``child_death.modifiable_percentage``, applied as it
        stood at the end of the period.

    Args:
        reviews: The panel's records (any order).
        period: The period counted.
        on: The date whose rule applies; the end of *period* by default.
        procedures: Local procedures.

    Returns:
        A tally with a count for every indicator of [`CHILD_DEATH_MEASURES`][] (zeros
        included).

    Raises:
        InvalidInputError: *reviews* is not an iterable (field ``reviews``), a record is
            not a [`ChildDeathReview`][] (``reviews[i]``), *period* is not a
            [`Period`][safeguarding.indicators.definitions.Period], *on* is not a date, or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 1 April 2010 (panels then
            returned "preventable" deaths).

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.indicators.definitions import Period
        >>> from safeguarding.reviews.child_death.categories import categorise
        >>> done = ChildDeathReview(
        ...     notified=dt.date(2018, 5, 1), unexpected=True, reviewed=dt.date(2018, 11, 20),
        ...     categorisation=categorise([Category.INFECTION], on=dt.date(2018, 11, 20)).outcome,
        ...     modifiable=ModifiableConclusion.MODIFIABLE)
        >>> counts = tally_reviews([done], period=Period.financial_year(2018))
        >>> counts.count(REVIEWS_WITH_MODIFIABLE_FACTORS.key)
        Count(numerator=1, denominator=1)
        >>> counts.count(CATEGORY_SHARES[8].key)
        Count(numerator=1, denominator=1)
    """
    if not isinstance(period, Period):
        raise InvalidInputError("period", "must be a Period")
    day = rules_date(on, period.end)
    # Raises before April 2010 ("preventable" deaths).
    MODIFIABLE_PERCENTAGE.at(day, procedures=check_procedures(procedures))
    if not _is_records(reviews):
        raise InvalidInputError("reviews", "must be an iterable of ChildDeathReview")
    start, end = period.start, period.end
    counts = {name: 0 for _, name in _COUNTED}
    counts.update({name: 0 for _, name, _ in _SHARES})
    conclusions = dict.fromkeys(ModifiableConclusion, 0)
    categories = dict.fromkeys(Category, 0)
    for index, review in enumerate(reviews):
        if not isinstance(review, ChildDeathReview):
            raise InvalidInputError(f"reviews[{index}]", "must be a ChildDeathReview")
        if _in_period(review.notified, start, end):
            counts["notifications"] += 1
            counts["unexpected_deaths"] += review.unexpected is True
            counts["unexpected_not_recorded"] += review.unexpected is None
        if _in_period(review.reviewed, start, end):
            # A completed review always has both (ChildDeathReview checks it).
            conclusions[review.modifiable] += 1  # type: ignore[index]
            categories[review.categorisation.category] += 1  # type: ignore[union-attr]
        counts["referrals_to_case_review_panel"] += _in_period(
            review.case_review_referral, start, end
        )
    counts["reviews_completed"] = sum(conclusions.values())
    counts["modifiable"] = conclusions[ModifiableConclusion.MODIFIABLE]
    counts["not_modifiable"] = conclusions[ModifiableConclusion.NOT_MODIFIABLE]
    counts["insufficient_information"] = conclusions[ModifiableConclusion.INSUFFICIENT_INFORMATION]
    return _tally_of(counts, categories)


def child_death_values(
    tally: Tally, *, period: Period, confidence: float = 0.95
) -> tuple[IndicatorValue, ...]:
    """A panel's figures from a tally, in [`CHILD_DEATH_MEASURES`][] order.

    Shares get Wilson intervals and counts exact Poisson or Byar limits (see
    [`compute`][safeguarding.indicators.definitions.Indicator.compute]); a share with
    nothing to count (no review completed) has no value. Counts of a few dozen deaths a
    year give wide intervals: compare years and areas with care.

    Legal basis:
        As [`tally_reviews`][]; OHID public health technical guidance for the intervals.

    Args:
        tally: Counts, usually from [`tally_reviews`][] (merged with ``+``).
        period: The period the counts are for.
        confidence: The confidence level of the intervals.

    Returns:
        One value per indicator of [`CHILD_DEATH_MEASURES`][].

    Raises:
        InvalidInputError: *tally* is not a Tally, a bad period or confidence, or a
            share whose numerator exceeds its denominator.

    Examples:
        >>> from safeguarding.indicators.definitions import Period
        >>> values = child_death_values(Tally(), period=Period.financial_year(2018))
        >>> [value.formatted() for value in values[:5]]
        ['0', 'z', 'z', '0', 'z']
    """
    if not isinstance(tally, Tally):
        raise InvalidInputError("tally", "must be a Tally")
    return tally.values(CHILD_DEATH_MEASURES, period=period, confidence=confidence)


def compute_figures(
    reviews: Iterable[ChildDeathReview],
    *,
    period_start: dt.date,
    period_end: dt.date,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> PanelFigures:
    """Count a panel's figures for a period from its review records, as named fields.

    The counts of [`tally_reviews`][] as [`PanelFigures`][]; how each is counted is said
    there.

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
    period = _period_of(period_start, period_end)
    tally = tally_reviews(records, period=period, on=on, procedures=procedures)
    return PanelFigures.from_tally(tally, period=period)
