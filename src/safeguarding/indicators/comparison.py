"""Honest comparisons: an area's value against a benchmark, a target or a peer.

"Our rate went from 58 to 61" says nothing until chance is ruled out. The
methods here are the ones OHID's Fingertips uses:

* [`compare_with_benchmark`][] -- the area's confidence interval against the
  benchmark's *point value* (Fingertips' default, "single overlap"): the
  benchmark inside the interval (ends included) means *similar*; otherwise
  the area is significantly higher or lower. With both 95% and 99.8%
  intervals, a benchmark outside the 99.8% interval gives *best*/*worst*.
  The benchmark's own uncertainty is ignored (England is treated as fixed).
* [`compare_intervals`][] -- two areas' intervals against each other
  ("double overlap"): any overlap means *similar*. Conservative; for peers only.
* [`rag`][] -- red/amber/green against a target, by polarity.
* [`progress_towards_target`][] -- the share of the way from a baseline to
  a target that the latest value has come.
* [`year_on_year_change`][] -- this year's figure against last year's (the
  front door's "contacts up 15% year on year"): the change, the change as a
  share of last year's figure, and a sentence saying so. It is a plain
  difference, not a test of significance.

Polarity turns "higher"/"lower" into "better"/"worse": for an indicator where
low is good (repeat child protection plans), significantly lower is *better*;
for activity measures with no judgement (referrals per 10,000) the labels stay
*higher*/*similar*/*lower*.

Examples:
    >>> from safeguarding.indicators.statistics import wilson_interval
    >>> ci = wilson_interval(18, 129)
    >>> compare_with_benchmark(ci, 0.22, polarity=Polarity.LOW_IS_GOOD).significance.value
    'better'
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from safeguarding._validate import check_number, is_instance, is_member, is_optional_number
from safeguarding.citations import Instrument, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.publication import round_half_up
from safeguarding.indicators.statistics import Interval
from safeguarding.rules import DatedRule, Version, register

__all__ = [
    "Comparison",
    "ComparisonMethod",
    "Polarity",
    "Rag",
    "Significance",
    "YearOnYearChange",
    "compare_intervals",
    "compare_with_benchmark",
    "progress_towards_target",
    "rag",
    "year_on_year_change",
]

FINGERTIPS = Instrument(
    title="OHID Fingertips (fingertips-open), benchmark comparers",
    url="https://fingertips.phe.org.uk/profile/guidance",
)
_SINGLE_OVERLAP = FINGERTIPS.cite(
    "SingleOverlappingCIsForOneCILevelComparer.cs (method 1) and the two-level comparer "
    "(method 17); FingertipsNext BenchmarkComparisonEngine",
    Verification.PRIMARY,
    note="Read in the implementing code: benchmark inside [lower, upper] (inclusive) is "
    "similar; with two levels, outside 99.8% is best/worst.",
)
_DOUBLE_OVERLAP = FINGERTIPS.cite(
    "DoubleOverlappingCIsComparer (method 12)",
    Verification.PRIMARY,
    note="Any overlap of the two intervals is similar; non-overlap is significant.",
)
_POLARITY = FINGERTIPS.cite(
    "PholioObjects/Constants.cs (polarity ids) and significance-formatter.ts (labels)",
    Verification.PRIMARY,
)

# When the methods were adopted is not documented; the rules date from the first
# Fingertips release that used them in the code read (2020 snapshot), which is
# earlier than any figure the library reports with them.
_ADOPTED = dt.date(2015, 1, 1)

COMPARISON_RULE = register(
    DatedRule(
        key="indicators.benchmark_comparison",
        title="Area against benchmark: benchmark point value inside the area's interval",
        versions=(
            Version(
                in_force_from=_ADOPTED,
                value="similar if lower <= benchmark <= upper at 95%; best/worst outside 99.8%",
                source=_SINGLE_OVERLAP,
            ),
        ),
    )
)
POLARITY_RULE = register(
    DatedRule(
        key="indicators.polarity_labels",
        title="Labels of a comparison by polarity",
        versions=(
            Version(
                in_force_from=_ADOPTED,
                value="RAG polarities: better/similar/worse (best/worst at 99.8%); "
                "no judgement: higher/similar/lower",
                source=_POLARITY,
            ),
        ),
    )
)


class Polarity(enum.Enum):
    """Whether a higher value is better, worse, or neither."""

    HIGH_IS_GOOD = "high is good"
    LOW_IS_GOOD = "low is good"
    NO_JUDGEMENT = "no judgement"


class Significance(enum.Enum):
    """The outcome of a comparison, worded as Fingertips words it."""

    BEST = "best"
    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    WORST = "worst"
    HIGHER = "higher"
    LOWER = "lower"


class ComparisonMethod(enum.Enum):
    """How a comparison was made."""

    SINGLE_OVERLAP = "area interval against benchmark value"
    SINGLE_OVERLAP_TWO_LEVELS = "area 95% and 99.8% intervals against benchmark value"
    DOUBLE_OVERLAP = "area interval against peer interval"


class Rag(enum.Enum):
    """Red, amber or green against a target."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


_check_finite = check_number


def _label(direction: int, polarity: Polarity, *, extreme: bool) -> Significance:
    """Name a direction (+1 area higher, -1 lower, 0 similar) under *polarity*."""
    if direction == 0:
        return Significance.SIMILAR
    if polarity is Polarity.NO_JUDGEMENT:
        return Significance.HIGHER if direction > 0 else Significance.LOWER
    good = (direction > 0) == (polarity is Polarity.HIGH_IS_GOOD)
    if extreme:
        return Significance.BEST if good else Significance.WORST
    return Significance.BETTER if good else Significance.WORSE


def _direction(interval: Interval, benchmark: float) -> int:
    if benchmark < interval.lower:
        return 1
    if benchmark > interval.upper:
        return -1
    return 0


@attrs.frozen(kw_only=True)
class Comparison:
    """The result of a comparison, with what it was based on.

    Attributes:
        significance: The outcome.
        method: How the comparison was made.
        polarity: The indicator's polarity.
        benchmark: The benchmark value (``None`` for a peer comparison).
        interval: The area's interval used.
        outer: The area's 99.8% interval, for a two-level comparison.
        peer: The peer's interval, for a peer comparison.
    """

    significance: Significance = attrs.field(validator=is_member(Significance))
    method: ComparisonMethod = attrs.field(validator=is_member(ComparisonMethod))
    polarity: Polarity = attrs.field(validator=is_member(Polarity))
    interval: Interval = attrs.field(validator=is_instance(Interval))
    benchmark: float | None = attrs.field(default=None, validator=is_optional_number)
    outer: Interval | None = attrs.field(default=None)
    peer: Interval | None = attrs.field(default=None)

    @outer.validator
    def _check_outer(self, _attribute: attrs.Attribute[Interval | None], value: object) -> None:
        if value is not None and not isinstance(value, Interval):
            raise InvalidInputError("outer", "must be an Interval or None")

    @peer.validator
    def _check_peer(self, _attribute: attrs.Attribute[Interval | None], value: object) -> None:
        if value is not None and not isinstance(value, Interval):
            raise InvalidInputError("peer", "must be an Interval or None")

    def explain(self) -> str:
        """One sentence saying what was compared with what, and the outcome."""
        ci = self.interval
        area = f"the area's {ci.confidence:.1%} interval {ci.lower:.6g} to {ci.upper:.6g}"
        if self.method is ComparisonMethod.DOUBLE_OVERLAP and self.peer is not None:
            other = f"the peer's interval {self.peer.lower:.6g} to {self.peer.upper:.6g}"
        else:
            other = f"the benchmark {self.benchmark:.6g}"
        if self.outer is not None:
            area += f" (99.8%: {self.outer.lower:.6g} to {self.outer.upper:.6g})"
        return (
            f"{self.significance.value.capitalize()}: {area} compared with {other} "
            f"({self.polarity.value}; {self.method.value})."
        )


def compare_with_benchmark(
    interval: Interval,
    benchmark: float,
    *,
    polarity: Polarity,
    outer: Interval | None = None,
) -> Comparison:
    """Compare an area's interval with a benchmark's point value.

    The benchmark inside the interval (ends included) is *similar*. Otherwise
    the area is significantly higher (benchmark below the interval) or lower,
    named *better*/*worse* by polarity (*higher*/*lower* with no judgement).
    Given the 99.8% interval as *outer*, a benchmark outside it as well makes
    the result *best*/*worst* (still *higher*/*lower* with no judgement).

    Legal basis:
        OHID Fingertips comparers, methods 1 and 17 (rule
        ``indicators.benchmark_comparison``).

    Args:
        interval: The area's 95% interval (or any single level).
        benchmark: The benchmark's value, on the same scale.
        polarity: The indicator's polarity.
        outer: Optionally the area's 99.8% interval, for the two-level test.

    Returns:
        A [`Comparison`][].

    Raises:
        InvalidInputError: bad types, a non-finite benchmark, or an outer
            interval that does not contain the inner one.

    Examples:
        >>> from safeguarding.indicators.statistics import wilson_interval
        >>> inner = wilson_interval(18, 129)
        >>> outer = wilson_interval(18, 129, confidence=0.998)
        >>> compare_with_benchmark(
        ...     inner, 0.30, polarity=Polarity.LOW_IS_GOOD, outer=outer
        ... ).significance
        <Significance.BEST: 'best'>
    """
    if not isinstance(interval, Interval):
        raise InvalidInputError("interval", "must be an Interval")
    benchmark = _check_finite("benchmark", benchmark)
    if not isinstance(polarity, Polarity):
        raise InvalidInputError("polarity", "must be a Polarity member")
    direction = _direction(interval, benchmark)
    if outer is None:
        return Comparison(
            significance=_label(direction, polarity, extreme=False),
            method=ComparisonMethod.SINGLE_OVERLAP,
            polarity=polarity,
            interval=interval,
            benchmark=benchmark,
        )
    if not isinstance(outer, Interval):
        raise InvalidInputError("outer", "must be an Interval")
    if outer.lower > interval.lower or outer.upper < interval.upper:
        raise InvalidInputError("outer", "must contain the inner interval")
    extreme = _direction(outer, benchmark) != 0
    return Comparison(
        significance=_label(direction, polarity, extreme=extreme),
        method=ComparisonMethod.SINGLE_OVERLAP_TWO_LEVELS,
        polarity=polarity,
        interval=interval,
        benchmark=benchmark,
        outer=outer,
    )


register(
    DatedRule(
        key="indicators.peer_comparison",
        title="Area against a peer: any overlap of the two intervals is similar",
        versions=(
            Version(in_force_from=_ADOPTED, value="similar if overlap", source=_DOUBLE_OVERLAP),
        ),
    )
)


def compare_intervals(interval: Interval, peer: Interval, *, polarity: Polarity) -> Comparison:
    """Compare two areas' intervals: overlapping means *similar*.

    Non-overlap shows a significant difference; overlap does not prove there
    is none, so this test is conservative. Use it between peers, never
    against a national benchmark (use [`compare_with_benchmark`][]).

    Legal basis:
        OHID Fingertips, method 12 (rule ``indicators.peer_comparison``).

    Args:
        interval: The area's interval.
        peer: The peer's interval at the same confidence level.
        polarity: The indicator's polarity.

    Returns:
        A [`Comparison`][] of the area relative to the peer.

    Raises:
        InvalidInputError: bad types or different confidence levels.

    Examples:
        >>> from safeguarding.indicators.statistics import wilson_interval
        >>> compare_intervals(wilson_interval(17, 25), wilson_interval(5, 25),
        ...                   polarity=Polarity.HIGH_IS_GOOD).significance.value
        'better'
    """
    for name, value in (("interval", interval), ("peer", peer)):
        if not isinstance(value, Interval):
            raise InvalidInputError(name, "must be an Interval")
    if not isinstance(polarity, Polarity):
        raise InvalidInputError("polarity", "must be a Polarity member")
    if interval.confidence != peer.confidence:
        raise InvalidInputError("peer", "must have the same confidence level as interval")
    direction = 1 if interval.lower > peer.upper else -1 if interval.upper < peer.lower else 0
    return Comparison(
        significance=_label(direction, polarity, extreme=False),
        method=ComparisonMethod.DOUBLE_OVERLAP,
        polarity=polarity,
        interval=interval,
        peer=peer,
    )


def rag(
    value: float,
    *,
    target: float,
    polarity: Polarity,
    amber_from: float | None = None,
) -> Rag:
    """Red, amber or green of a value against a target.

    Green when the value meets the target (at least the target where high is
    good, at most where low is good). Amber when it misses the target but
    meets *amber_from* (a second, easier threshold set locally); red
    otherwise. Without *amber_from* there is no amber. An indicator with no
    judgement cannot be RAG-rated.

    Legal basis:
        Fingertips' target comparison (green/amber/red); the thresholds are
        the partnership's own.

    Args:
        value: The latest value.
        target: The target, on the same scale.
        polarity: ``HIGH_IS_GOOD`` or ``LOW_IS_GOOD``.
        amber_from: Optional threshold between red and amber.

    Returns:
        The [`Rag`][] rating.

    Raises:
        InvalidInputError: non-finite numbers, no-judgement polarity, or an
            amber threshold on the wrong side of the target.

    Examples:
        >>> rag(13.5, target=9.0, polarity=Polarity.LOW_IS_GOOD, amber_from=12.0).value
        'red'
        >>> rag(61.4, target=40.0, polarity=Polarity.LOW_IS_GOOD).value
        'red'
    """
    value = _check_finite("value", value)
    target = _check_finite("target", target)
    if not isinstance(polarity, Polarity) or polarity is Polarity.NO_JUDGEMENT:
        raise InvalidInputError("polarity", "must be HIGH_IS_GOOD or LOW_IS_GOOD to rate RAG")
    sign = 1.0 if polarity is Polarity.HIGH_IS_GOOD else -1.0
    if sign * value >= sign * target:
        return Rag.GREEN
    if amber_from is not None:
        amber = _check_finite("amber_from", amber_from)
        if sign * amber > sign * target:
            raise InvalidInputError("amber_from", "must be on the far side of the target")
        if sign * value >= sign * amber:
            return Rag.AMBER
    return Rag.RED


def progress_towards_target(baseline: float, latest: float, target: float) -> float:
    """The share of the distance from baseline to target covered so far.

    ``0`` means no change from the baseline, ``1`` the target met exactly;
    values above 1 mean the target was passed, below 0 that the indicator
    moved away from it.

    Args:
        baseline: The value at the start.
        latest: The latest value.
        target: The target.

    Returns:
        ``(latest - baseline) / (target - baseline)``.

    Raises:
        InvalidInputError: non-finite numbers, or a target equal to the baseline.

    Examples:
        >>> round(progress_towards_target(61.4, 50.7, 40.0), 3)   # half-way from 61.4 to 40
        0.5
    """
    baseline = _check_finite("baseline", baseline)
    latest = _check_finite("latest", latest)
    target = _check_finite("target", target)
    if target == baseline:
        raise InvalidInputError("target", "must differ from the baseline")
    return (latest - baseline) / (target - baseline)


def _check_figure(name: str, value: object) -> float:
    number = _check_finite(name, value)
    if number < 0:
        raise InvalidInputError(name, "must not be negative")
    return number


def _is_figure(_instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    _check_figure(attribute.name, value)


# Beyond this a percentage is meaningless (and past 10**28 too long to round exactly).
_LARGEST_PERCENT = 1e15


def _figure(value: float) -> str:
    return f"{value:,.6g}"


@attrs.frozen(kw_only=True)
class YearOnYearChange:
    """A figure's change from the previous year to the current one.

    Attributes:
        current: This year's figure (a count, rate or percentage; 0 or more).
        previous: The previous year's figure, on the same scale.
    """

    current: float = attrs.field(validator=_is_figure)
    previous: float = attrs.field(validator=_is_figure)

    @property
    def absolute(self) -> float:
        """The change, ``current - previous`` (negative for a fall).

        For a percentage this is the change in percentage points.
        """
        return self.current - self.previous

    @property
    def relative(self) -> float | None:
        """The change as a fraction of the previous figure (``0.15`` for 15% up).

        ``None`` when the previous figure is 0: a rise from nothing has no percentage.
        """
        if self.previous == 0:
            return None
        return (self.current - self.previous) / self.previous

    def explain(self) -> str:
        """One sentence: the direction, the change, the percentage, the two figures."""
        if self.absolute == 0:
            return f"No change: {_figure(self.current)} in both years."
        direction = "Up" if self.absolute > 0 else "Down"
        change = _figure(abs(self.absolute))
        span = f"from {_figure(self.previous)} to {_figure(self.current)}"
        if self.relative is None:
            return f"{direction} {change} {span} (no percentage: the previous year was 0)."
        share = abs(self.relative) * 100
        if share >= _LARGEST_PERCENT:  # a previous figure very close to 0 (or overflow)
            return f"{direction} {change} {span} (too large a rise to show as a percentage)."
        return f"{direction} {change} ({round_half_up(share, 1)}%) {span}."


def year_on_year_change(current: float, previous: float) -> YearOnYearChange:
    """This year's figure against the previous year's.

    Use it for the front-door measures a partnership reports year on year
    (contacts, referrals, the share of contacts converted to an assessment)
    or any other figure. The change is a plain difference: whether it is
    more than chance is for [`compare_intervals`][].

    Args:
        current: This year's figure (0 or more).
        previous: The previous year's figure, on the same scale (0 or more).

    Returns:
        A [`YearOnYearChange`][] with the absolute change, the relative
        change (``None`` when *previous* is 0) and [`explain`][YearOnYearChange.explain].

    Raises:
        InvalidInputError: a figure that is not a finite number or is
            negative (naming ``current`` or ``previous``).

    Examples:
        >>> change = year_on_year_change(342, 332)   # LADO contacts, 2018-19 and 2017-18
        >>> change.absolute, round(change.relative, 4)
        (10.0, 0.0301)
        >>> change.explain()
        'Up 10 (3.0%) from 332 to 342.'
        >>> year_on_year_change(25, 43).explain()
        'Down 18 (41.9%) from 43 to 25.'
        >>> year_on_year_change(5, 0).relative is None
        True
    """
    return YearOnYearChange(
        current=_check_figure("current", current),
        previous=_check_figure("previous", previous),
    )
