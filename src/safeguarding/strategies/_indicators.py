"""Strategies for the indicator models: statistics, comparisons, publication checks."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import strategies as st

from safeguarding.indicators.catalogue import CATALOGUE, LEWISHAM_TARGETS, Target
from safeguarding.indicators.comparison import (
    Comparison,
    Polarity,
    YearOnYearChange,
    compare_intervals,
    compare_with_benchmark,
    year_on_year_change,
)
from safeguarding.indicators.definitions import (
    Count,
    Indicator,
    IndicatorValue,
    Kind,
    Period,
    Tally,
)
from safeguarding.indicators.publication import (
    PublishedCheck,
    Symbol,
    TotalCheck,
    check_published,
    check_total,
    round_half_up,
)
from safeguarding.indicators.statistics import (
    Estimate,
    FunnelLimits,
    Interval,
    RateFunnelLimits,
    RateFunnelPoint,
    StandardisedRate,
    TwoLevelInterval,
    dsr,
    proportion,
    proportion_funnel_limits,
    rate,
    rate_funnel_limits,
    rate_interval,
    wilson_interval,
    wilson_two_level,
)
from safeguarding.strategies._core import calendar_dates

__all__ = [
    "STRATEGIES",
    "comparisons",
    "counts",
    "estimates",
    "funnel_limits",
    "indicator_values",
    "indicators",
    "intervals",
    "periods",
    "published_checks",
    "rate_funnel_curves",
    "rate_funnel_points",
    "standardised_rates",
    "tallies",
    "targets",
    "total_checks",
    "two_level_intervals",
    "year_on_year_changes",
]

_confidences = st.floats(min_value=0.5, max_value=0.999)


@st.composite
def _fractions(draw: st.DrawFn) -> tuple[int, int]:
    n = draw(st.integers(min_value=1, max_value=10**6))
    return draw(st.integers(min_value=0, max_value=n)), n


def intervals() -> st.SearchStrategy[Interval]:
    """Intervals computed by the library: Wilson proportions and crude rates."""
    return st.one_of(
        st.builds(lambda f, c: wilson_interval(*f, confidence=c), _fractions(), _confidences),
        st.builds(
            lambda e, n, c: rate_interval(e, n, per=10_000, confidence=c),
            st.integers(min_value=0, max_value=10**5),
            st.floats(min_value=1.0, max_value=1e8),
            _confidences,
        ),
    )


def estimates() -> st.SearchStrategy[Estimate]:
    """Proportions (per 1 or 100) and rates per 10,000 with their intervals."""
    return st.one_of(
        st.builds(lambda f, per: proportion(*f, per=per), _fractions(), st.sampled_from([1, 100])),
        st.builds(
            lambda e, n: rate(e, n, per=10_000),
            st.integers(min_value=0, max_value=10**5),
            st.floats(min_value=1.0, max_value=1e8),
        ),
    )


def two_level_intervals() -> st.SearchStrategy[TwoLevelInterval]:
    """95% and 99.8% Wilson intervals."""
    return st.builds(lambda f: wilson_two_level(*f), _fractions())


def standardised_rates() -> st.SearchStrategy[StandardisedRate]:
    """DSRs over 1-19 strata, published or not (fewer than 10 events)."""
    strata = st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=200),
            st.integers(min_value=1, max_value=10**5),
            st.integers(min_value=1, max_value=10_000),
        ),
        min_size=1,
        max_size=19,
    )
    return st.builds(
        lambda rows: dsr(
            [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], per=100_000
        ),
        strata,
    )


def funnel_limits() -> st.SearchStrategy[FunnelLimits]:
    """Proportion funnel limits at a denominator and baseline."""
    return st.builds(
        lambda n, av: proportion_funnel_limits(n, baseline=av),
        st.integers(min_value=1, max_value=10**6),
        st.floats(min_value=0.0, max_value=1.0),
    )


def rate_funnel_curves() -> st.SearchStrategy[RateFunnelLimits]:
    """Rate funnel points for 1-1000 events."""
    return st.builds(
        lambda e, b: rate_funnel_limits(e, baseline=b, per=100_000),
        st.integers(min_value=1, max_value=1000),
        st.floats(min_value=0.01, max_value=1e4),
    )


def rate_funnel_points() -> st.SearchStrategy[RateFunnelPoint]:
    """Points on rate funnel curves."""
    return rate_funnel_curves().flatmap(
        lambda limits: st.sampled_from(
            [limits.lower_998, limits.lower_95, limits.upper_95, limits.upper_998]
        )
    )


def comparisons() -> st.SearchStrategy[Comparison]:
    """Comparisons made by the library: against a benchmark (one or two levels) or a peer."""

    @st.composite
    def build(draw: st.DrawFn) -> Comparison:
        numerator, denominator = draw(_fractions())
        polarity = draw(st.sampled_from(Polarity))
        two = wilson_two_level(numerator, denominator)
        kind = draw(st.sampled_from(("benchmark", "two levels", "peer")))
        if kind == "peer":
            other, others = draw(_fractions())
            return compare_intervals(two.ci95, wilson_interval(other, others), polarity=polarity)
        benchmark = draw(st.floats(min_value=0.0, max_value=1.0))
        outer = two.ci998 if kind == "two levels" else None
        return compare_with_benchmark(two.ci95, benchmark, polarity=polarity, outer=outer)

    return build()


def published_checks() -> st.SearchStrategy[PublishedCheck]:
    """Checks of published percentages, consistent or not, at 0 to 2 decimals."""

    @st.composite
    def build(draw: st.DrawFn) -> PublishedCheck:
        numerator, denominator = draw(_fractions())
        decimals = draw(st.integers(min_value=0, max_value=2))
        shift = draw(st.sampled_from((0, 0, 1, -1)))
        value = round_half_up(Fraction(100 * numerator, denominator), decimals)
        printed = value + shift * Decimal(1).scaleb(-decimals)
        return check_published(numerator, denominator, str(printed), decimals=decimals)

    return build()


def total_checks() -> st.SearchStrategy[TotalCheck]:
    """Checks of printed totals against rows, some rows missing."""
    rows = st.lists(
        st.one_of(st.integers(min_value=0, max_value=10**6), st.none(), st.sampled_from(Symbol)),
        max_size=12,
    )
    return st.builds(
        check_total,
        rows,
        st.integers(min_value=0, max_value=10**7),
        tolerance=st.integers(min_value=0, max_value=10),
    )


def periods() -> st.SearchStrategy[Period]:
    """Financial years 1995-2030 and arbitrary periods within them."""

    @st.composite
    def arbitrary(draw: st.DrawFn) -> Period:
        start = draw(calendar_dates())
        end = draw(calendar_dates(min_value=start))
        return Period(start=start, end=end, label=f"{start.isoformat()} to {end.isoformat()}")

    years = st.integers(min_value=1995, max_value=2029).map(Period.financial_year)
    return st.one_of(years, arbitrary())


def counts() -> st.SearchStrategy[Count]:
    """Counts with the numerator at most the denominator (or no denominator)."""
    return _fractions().flatmap(
        lambda pair: st.sampled_from(
            (Count(numerator=pair[0], denominator=pair[1]), Count(numerator=pair[0]))
        )
    )


def indicators() -> st.SearchStrategy[Indicator]:
    """The catalogue's indicators, and variations of them."""
    return st.one_of(
        st.sampled_from(CATALOGUE),
        st.sampled_from(CATALOGUE).flatmap(
            lambda item: st.builds(
                attrs.evolve,
                st.just(item),
                decimals=st.integers(min_value=0, max_value=3),
                polarity=st.sampled_from(Polarity),
            )
        ),
    )


def indicator_values() -> st.SearchStrategy[IndicatorValue]:
    """Values computed by the library for catalogue indicators."""

    @st.composite
    def build(draw: st.DrawFn) -> IndicatorValue:
        item = draw(indicators())
        numerator, denominator = draw(_fractions())
        if item.kind is Kind.PROPORTION:
            denominator = draw(st.sampled_from((denominator, 0))) if numerator == 0 else denominator
        return item.compute(numerator, denominator, period=draw(periods()))

    return build()


def tallies() -> st.SearchStrategy[Tally]:
    """Tallies over catalogue keys."""
    return st.dictionaries(
        st.sampled_from([item.key for item in CATALOGUE]), counts(), max_size=6
    ).map(lambda mapping: Tally(counts=mapping))


def targets() -> st.SearchStrategy[Target]:
    """The Lewisham targets."""
    return st.sampled_from(LEWISHAM_TARGETS)


def year_on_year_changes() -> st.SearchStrategy[YearOnYearChange]:
    """Changes between two years' figures: counts, rates and percentages, 0 included."""
    figures = st.one_of(
        st.just(0),
        st.integers(min_value=0, max_value=10**6),
        st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False),
    )
    return st.builds(year_on_year_change, current=figures, previous=figures)


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Count: counts,
    Indicator: indicators,
    IndicatorValue: indicator_values,
    Period: periods,
    Tally: tallies,
    Target: targets,
    Comparison: comparisons,
    YearOnYearChange: year_on_year_changes,
    PublishedCheck: published_checks,
    TotalCheck: total_checks,
    Estimate: estimates,
    FunnelLimits: funnel_limits,
    Interval: intervals,
    RateFunnelLimits: rate_funnel_curves,
    RateFunnelPoint: rate_funnel_points,
    StandardisedRate: standardised_rates,
    TwoLevelInterval: two_level_intervals,
}
"""The strategy for each public model of [`safeguarding.indicators.statistics`][]."""
