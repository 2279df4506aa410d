"""Confidence intervals, standardised rates and funnel limits as OHID (formerly PHE) computes them.

The Office for Health Improvement and Disparities publishes indicators on
Fingertips with one set of statistical methods, implemented in its R package
PHEindicatormethods. This module re-implements the methods an indicator of
children's social care needs, in pure Python (standard library only), so the
numbers agree with the official tools:

* proportions: the Wilson score interval, at any numerator including 0
  ([`wilson_interval`][], [`proportion`][]);
* counts and crude rates: exact Poisson limits (from chi-square quantiles) for
  fewer than [`BYAR_MIN_EVENTS`][] events, Byar's approximation from that
  count on ([`count_interval`][], [`rate_interval`][], [`rate`][]);
* directly standardised rates with Dobson's interval, not published below
  [`DSR_MIN_EVENTS`][] events ([`dsr`][]);
* funnel plot control limits and outlier flags for proportions and rates at
  95% ("2 sigma") and 99.8% ("3 sigma")
  ([`proportion_funnel_limits`][], [`rate_funnel_limits`][],
  [`proportion_funnel_significance`][], [`rate_funnel_significance`][]),
  and the Fingertips "SPC for proportions" limits ([`spc_proportion_limits`][]);
* both confidence levels at once ([`wilson_two_level`][], [`rate_two_level`][]).

The exact Poisson limits need chi-square quantiles. They are computed from the
regularised incomplete gamma function (power series below ``a + 1``, Lentz's
continued fraction above, as in Numerical Recipes) and its inverse (a
Wilson-Hilferty or small-argument first guess refined by Halley's method inside
a shrinking bracket), to close to double precision ([`chi2_cdf`][],
[`chi2_ppf`][]).

**Conventions.** ``confidence`` is a keyword-only fraction strictly between 0
and 1 (PHEindicatormethods also accepts 90 to 100 and refuses levels below
0.9; this module accepts any level in ``(0, 1)``). The critical value is the
exact normal quantile ``z = Φ⁻¹(confidence + (1 - confidence) / 2)``, never the
rounded 1.96. Rates take an explicit keyword ``per`` (10,000 for the Department
for Education's children-in-need rates, 100,000 for most OHID rates). Counts
must be ``int``; a bad argument raises
[`InvalidInputError`][safeguarding.errors.InvalidInputError] naming it.

Sources:

* OHID, *Public health technical guidance*, "Proportions" and "Rates":
  https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Proportions.html
  https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Rates.html
* PHEindicatormethods v2.1.0 (``R/utils.R``, ``R/Rates.R``, ``R/Proportions.R``,
  ``R/DSR.R``, ``R/Funnels.R`` and their test data):
  https://github.com/ukhsa-collaboration/PHEindicatormethods
  https://rdrr.io/cran/PHEindicatormethods/man/phe_proportion.html
* Fingertips technical guidance index (funnel plots):
  http://fingertips.phe.org.uk/profile/guidance

Examples:
    >>> ci = wilson_interval(17, 25)
    >>> round(ci.lower, 6), round(ci.upper, 6), ci.method.value
    (0.484103, 0.827948, 'wilson')
    >>> r = rate(7, 61_400, per=10_000)
    >>> round(r.value, 5), r.interval.method.value
    (1.14007, 'exact poisson')
"""

from __future__ import annotations

import enum
import math
import sys
from collections.abc import Sequence
from statistics import NormalDist
from typing import Any

import attrs

from safeguarding._validate import check_int, is_member
from safeguarding.errors import InvalidInputError

__all__ = [
    "BYAR_MIN_EVENTS",
    "CONFIDENCE_95",
    "CONFIDENCE_998",
    "DSR_MIN_EVENTS",
    "ESP_2013",
    "FUNNEL_TAIL_95",
    "FUNNEL_TAIL_998",
    "Estimate",
    "FunnelLimits",
    "FunnelSignificance",
    "Interval",
    "Method",
    "RateFunnelLimits",
    "RateFunnelPoint",
    "StandardisedRate",
    "TwoLevelInterval",
    "byar_interval",
    "chi2_cdf",
    "chi2_ppf",
    "count_interval",
    "dsr",
    "poisson_interval",
    "proportion",
    "proportion_funnel_limits",
    "proportion_funnel_significance",
    "rate",
    "rate_funnel_limits",
    "rate_funnel_significance",
    "rate_interval",
    "rate_two_level",
    "spc_proportion_limits",
    "two_sided_z",
    "wilson_interval",
    "wilson_two_level",
]

# ---------------------------------------------------------------------------- thresholds

BYAR_MIN_EVENTS = 10
"""Fewest events for which a count or crude rate uses Byar's method.

Below it the exact Poisson (chi-square) limits are used. Source: OHID technical
guidance "Rates" ("counts of 10 or greater" / "less than 10"); PHEindicatormethods
``R/Rates.R`` (``if_else(x < 10, <exact>, <Byar>)``) and ``funnel_ratio_significance``
in ``R/utils.R``; PHE "Tool for common public health statistics" (Feb 2018).
"""

DSR_MIN_EVENTS = 10
"""Fewest events (summed over strata) for which a directly standardised rate is published.

Source: PHEindicatormethods ``R/DSR.R`` (value and limits set to ``NA`` when the total
count is below 10: "dsr NA for total count < 10"); ``phe_funnel_significance`` returns
"Not applicable for events less than 10 for dsrs"; Morris et al., *Popul Health
Metr* 2018 (recommends not publishing DSRs on fewer than 10 events).
"""

CONFIDENCE_95 = 0.95
"""The usual confidence level (Fingertips' inner level, "2 sigma")."""

CONFIDENCE_998 = 0.998
"""The outer confidence level (Fingertips' "3 sigma"); two-level output is only (0.95, 0.998).

Source: PHEindicatormethods (``phe_rate``/``phe_proportion``/``phe_dsr`` refuse any
other pair of levels).
"""

FUNNEL_TAIL_95 = 0.025
"""One-sided tail probability of the 95% ("2s") funnel limits: PHE uses ``qnorm(0.975)``.

Source: PHEindicatormethods ``R/Funnels.R`` (``sigma_adjustment(0.975, ...)``,
``poisson_funnel(obs, 0.025, ...)``).
"""

FUNNEL_TAIL_998 = 0.001
"""One-sided tail probability of the 99.8% ("3s") funnel limits: PHE uses ``qnorm(0.999)``.

Source: PHEindicatormethods ``R/Funnels.R`` (``sigma_adjustment(0.999, ...)``,
``poisson_funnel(obs, 0.001, ...)``).
"""

ESP_2013: tuple[int, ...] = (
    5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,  # 0-4 ... 45-49
    7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,  # 50-54 ... 85-89, 90+
)  # fmt: skip
"""European Standard Population 2013: 19 five-year age bands (0-4, ..., 85-89, 90+), sum 100,000.

The default standard population of PHEindicatormethods (``esp2013``), used by OHID
for directly standardised rates.
"""

# ---------------------------------------------------------------------------- result types


class Method(enum.StrEnum):
    """The method an interval was computed with (PHE's ``method`` column, lower-cased)."""

    WILSON = "wilson"
    """Wilson score interval for a proportion."""
    EXACT_POISSON = "exact poisson"
    """Exact Poisson limits from chi-square quantiles (PHE: "Exact")."""
    BYAR = "byar"
    """Byar's approximation to the exact Poisson limits (PHE: "Byars")."""
    DOBSON = "dobson"
    """Dobson's interval for a directly standardised rate, built on Byar's limits."""


def _is_finite_real(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: a finite ``int`` or ``float`` (not a ``bool``)."""
    _check_real(attribute.name, value)


def _is_confidence(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: a confidence level strictly between 0 and 1."""
    _check_open_unit(attribute.name, value)


@attrs.frozen(kw_only=True)
class Interval:
    """A two-sided confidence interval (or a pair of control limits).

    Attributes:
        lower: The lower limit.
        upper: The upper limit (never below ``lower``).
        confidence: The confidence level, strictly between 0 and 1.
        method: How the limits were computed.

    Examples:
        >>> ci = Interval(lower=0.1, upper=0.3, confidence=0.95, method=Method.WILSON)
        >>> ci.contains(0.3), ci.contains(0.31)
        (True, False)
    """

    lower: float = attrs.field(validator=_is_finite_real)
    upper: float = attrs.field(validator=_is_finite_real)
    confidence: float = attrs.field(validator=_is_confidence)
    method: Method = attrs.field(validator=is_member(Method))

    def __attrs_post_init__(self) -> None:
        """Refuse an interval whose lower limit is above its upper limit."""
        if self.lower > self.upper:
            raise InvalidInputError("lower", "must not be above upper")

    def contains(self, value: float) -> bool:
        """Whether *value* lies in the closed interval ``[lower, upper]``.

        Fingertips treats a benchmark equal to a limit as inside the interval
        ("similar"), so both ends are included.

        Args:
            value: The value to test, for example a benchmark.

        Returns:
            ``True`` if ``lower <= value <= upper``.

        Examples:
            >>> Interval(lower=1.0, upper=2.0, confidence=0.95, method=Method.BYAR).contains(1.0)
            True
        """
        return self.lower <= value <= self.upper


@attrs.frozen(kw_only=True)
class Estimate:
    """A point value with its confidence interval, both on the same scale.

    Attributes:
        value: The point value (a proportion or a rate, already multiplied by ``per``).
        interval: Its confidence interval.

    Examples:
        >>> e = proportion(65, 100, per=100)
        >>> e.value, round(e.interval.lower, 4)
        (65.0, 55.2544)
    """

    value: float = attrs.field(validator=_is_finite_real)
    interval: Interval = attrs.field(validator=attrs.validators.instance_of(Interval))


@attrs.frozen(kw_only=True)
class TwoLevelInterval:
    """The 95% and 99.8% intervals of one value, as Fingertips shows them.

    Attributes:
        ci95: The 95% interval.
        ci998: The 99.8% interval (always at least as wide).

    Examples:
        >>> two = wilson_two_level(18, 129)
        >>> round(two.ci95.upper, 6), round(two.ci998.upper, 6)
        (0.209797, 0.258681)
    """

    ci95: Interval = attrs.field(validator=attrs.validators.instance_of(Interval))
    ci998: Interval = attrs.field(validator=attrs.validators.instance_of(Interval))


@attrs.frozen(kw_only=True)
class StandardisedRate:
    """A directly standardised rate, or the record that it is not published.

    When the total count is below [`DSR_MIN_EVENTS`][], OHID does not publish
    the rate: ``value`` and ``interval`` are then ``None`` and ``published`` is
    ``False``. Check ``published`` (or ``value is not None``) before using them.

    Attributes:
        events: Total events over all strata.
        population: Total population over all strata.
        value: The standardised rate per ``per``, or ``None`` when not published.
        interval: Dobson's interval, or ``None`` when not published.

    Examples:
        >>> StandardisedRate(events=9, population=1000.0, value=None, interval=None).published
        False
    """

    events: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v, minimum=0))
    population: float = attrs.field(validator=_is_finite_real)
    value: float | None = attrs.field(
        validator=attrs.validators.optional(_is_finite_real),
    )
    interval: Interval | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.instance_of(Interval)),
    )

    def __attrs_post_init__(self) -> None:
        """Refuse a value without an interval, or an interval without a value."""
        if (self.value is None) != (self.interval is None):
            raise InvalidInputError("interval", "must be given exactly when value is given")

    @property
    def published(self) -> bool:
        """Whether the rate is published (enough events), so ``value`` and ``interval`` are set."""
        return self.value is not None


@attrs.frozen(kw_only=True)
class FunnelLimits:
    """Funnel plot control limits for proportions at one denominator.

    All four limits are proportions in ``[0, 1]``.

    Attributes:
        lower_998: Lower 99.8% ("3s") limit.
        lower_95: Lower 95% ("2s") limit.
        upper_95: Upper 95% ("2s") limit.
        upper_998: Upper 99.8% ("3s") limit.

    Examples:
        >>> limits = proportion_funnel_limits(129, baseline=0.2)
        >>> round(limits.lower_95, 6), round(limits.upper_95, 6)
        (0.130974, 0.269026)
    """

    lower_998: float = attrs.field(validator=_is_finite_real)
    lower_95: float = attrs.field(validator=_is_finite_real)
    upper_95: float = attrs.field(validator=_is_finite_real)
    upper_998: float = attrs.field(validator=_is_finite_real)


@attrs.frozen(kw_only=True)
class RateFunnelPoint:
    """One point of a rate funnel curve: a population and the limit rate there.

    Attributes:
        population: Population per year of data at which the curve passes.
        rate: The control-limit rate there, per ``per``.

    Examples:
        >>> RateFunnelPoint(population=1000.0, rate=20.0).rate
        20.0
    """

    population: float = attrs.field(validator=_is_finite_real)
    rate: float = attrs.field(validator=_is_finite_real)


@attrs.frozen(kw_only=True)
class RateFunnelLimits:
    """The four points of the rate funnel curves for one event count.

    PHE draws rate funnels parametrically: for each number of events it finds
    the population at which that count sits exactly on each control limit.

    Attributes:
        events: The number of events the points are for.
        lower_998: Point on the lower 99.8% ("3s") curve.
        lower_95: Point on the lower 95% ("2s") curve.
        upper_95: Point on the upper 95% ("2s") curve.
        upper_998: Point on the upper 99.8% ("3s") curve.

    Examples:
        >>> pts = rate_funnel_limits(1, baseline=116.1720835, per=100_000, years_of_data=3)
        >>> round(pts.lower_95.population, 2), round(pts.lower_95.rate, 4)
        (1598.68, 20.8506)
    """

    events: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v, minimum=1))
    lower_998: RateFunnelPoint = attrs.field(
        validator=attrs.validators.instance_of(RateFunnelPoint)
    )
    lower_95: RateFunnelPoint = attrs.field(validator=attrs.validators.instance_of(RateFunnelPoint))
    upper_95: RateFunnelPoint = attrs.field(validator=attrs.validators.instance_of(RateFunnelPoint))
    upper_998: RateFunnelPoint = attrs.field(
        validator=attrs.validators.instance_of(RateFunnelPoint)
    )


class FunnelSignificance(enum.StrEnum):
    """Outlier status of a point on a funnel plot, worded exactly as PHEindicatormethods does.

    "High" means the area's value is significantly above the baseline.
    """

    HIGH_0_001 = "High (0.001)"
    """Above the upper 99.8% limit."""
    HIGH_0_025 = "High (0.025)"
    """Above the upper 95% limit (but not the 99.8% one)."""
    LOW_0_001 = "Low (0.001)"
    """Below the lower 99.8% limit."""
    LOW_0_025 = "Low (0.025)"
    """Below the lower 95% limit (but not the 99.8% one)."""
    NOT_SIGNIFICANT = "Not significant"
    """Inside the 95% limits."""
    NOT_APPLICABLE = "Not applicable for events less than 10 for dsrs"
    """A directly standardised rate on fewer than [`DSR_MIN_EVENTS`][] events."""


# ---------------------------------------------------------------------------- validation


def _check_real(name: str, value: object) -> float:
    """Return *value* as a float if it is a finite ``int`` or ``float`` (not a ``bool``)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInputError(name, "must be a real number (int or float)")
    try:
        result = float(value)
    except OverflowError:
        raise InvalidInputError(name, "is too large to represent as a float") from None
    if not math.isfinite(result):
        raise InvalidInputError(name, "must be finite")
    return result


def _check_positive(name: str, value: object) -> float:
    """Return *value* as a float if it is a finite real number above zero."""
    result = _check_real(name, value)
    if result <= 0:
        raise InvalidInputError(name, "must be greater than zero")
    return result


def _check_open_unit(name: str, value: object) -> float:
    """Return *value* as a float if it is strictly between 0 and 1."""
    result = _check_real(name, value)
    if not 0 < result < 1:
        raise InvalidInputError(name, "must be strictly between 0 and 1")
    return result


def _check_closed_unit(name: str, value: object) -> float:
    """Return *value* as a float if it is between 0 and 1 inclusive."""
    result = _check_real(name, value)
    if not 0 <= result <= 1:
        raise InvalidInputError(name, "must be between 0 and 1 inclusive")
    return result


def _check_sequence(name: str, value: object) -> Sequence[object]:
    """Return *value* if it is a non-string sequence with at least one item."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise InvalidInputError(name, "must be a sequence (list or tuple), one item per stratum")
    if not value:
        raise InvalidInputError(name, "must hold at least one stratum")
    return value


# ---------------------------------------------------------------------------- normal and chi-square

_STANDARD_NORMAL = NormalDist()
_EPSILON = sys.float_info.epsilon
_TINY = sys.float_info.min / sys.float_info.epsilon  # Lentz's guard against a zero divisor
_HALF_LOG_TWO_PI = 0.5 * math.log(2.0 * math.pi)
# from here on, five terms of the Stirling series are exact to double precision
_STIRLING_SERIES_MIN_A = 15.0
_MAX_LOG_DENSITY = 700.0  # keeps exp() finite and non-zero in the root finder
_ROOT_TOLERANCE = 4.0 * _EPSILON
_MAX_ROOT_ITERATIONS = 400
_NO_CONVERGENCE = "the incomplete gamma iteration did not converge"


def two_sided_z(confidence: float) -> float:
    """Return the two-sided standard normal critical value for a confidence level.

    The value ``z`` with ``P(-z <= Z <= z) = confidence`` for a standard normal
    ``Z``, i.e. ``Φ⁻¹(confidence + (1 - confidence) / 2)``. PHE uses this exact
    quantile (``qnorm``), not the rounded 1.96 or 3.09. It is computed as
    ``-Φ⁻¹((1 - confidence) / 2)``, which is the same number without the
    rounding of ``confidence + (1 - confidence) / 2`` to 1 near 100%.

    Source: PHEindicatormethods ``R/utils.R`` (``qnorm(confidence + (1 - confidence) / 2)``):
    https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The critical value ``z`` (1.959964 at 95%, 3.090232 at 99.8%).

    Raises:
        InvalidInputError: If ``confidence`` is not a real number strictly between 0 and 1.

    Examples:
        >>> round(two_sided_z(0.95), 6), round(two_sided_z(0.998), 6)
        (1.959964, 3.090232)
    """
    level = _check_open_unit("confidence", confidence)
    return -_STANDARD_NORMAL.inv_cdf((1.0 - level) / 2.0)


def _stirling_error(a: float) -> float:
    """``lgamma(a) - ((a - 1/2) ln a - a + ln(2π)/2)`` by its asymptotic series (a >= 15)."""
    inverse = 1.0 / a
    inverse_sq = inverse * inverse
    return inverse * (
        1.0 / 12.0
        - inverse_sq
        * (
            1.0 / 360.0
            - inverse_sq * (1.0 / 1260.0 - inverse_sq * (1.0 / 1680.0 - inverse_sq / 1188.0))
        )
    )


def _log_kernel(a: float, x: float) -> float:
    """``ln(x**a * exp(-x) / Γ(a))`` for ``x > 0``, without cancellation for large ``a``."""
    if a < _STIRLING_SERIES_MIN_A:
        return a * math.log(x) - x - math.lgamma(a)
    # a ln x - x - lgamma(a) = a ln(x/a) + (a - x) + ln(a)/2 - ln(2π)/2 - stirling(a); near
    # x = a, ln(x/a) = log1p((x - a)/a) keeps the two large terms from cancelling
    log_ratio = math.log(x) - math.log(a) if x < 0.5 * a else math.log1p((x - a) / a)
    return a * log_ratio + (a - x) + 0.5 * math.log(a) - _HALF_LOG_TWO_PI - _stirling_error(a)


def _max_terms(a: float) -> int:
    """Iteration bound for the series and the continued fraction (they need O(√a) terms)."""
    return 1000 + int(50.0 * math.sqrt(a))


def _gamma_p_series(a: float, x: float) -> float:
    """Regularised lower incomplete gamma ``P(a, x)`` by its power series (for ``x < a + 1``)."""
    term = 1.0 / a
    total = term
    denominator = a
    for _ in range(_max_terms(a)):
        denominator += 1.0
        term *= x / denominator
        total += term
        if term < total * _EPSILON:
            return total * math.exp(_log_kernel(a, x))
    raise AssertionError(_NO_CONVERGENCE)


def _gamma_q_fraction(a: float, x: float) -> float:
    """Regularised upper incomplete gamma ``Q(a, x)`` by Lentz's continued fraction (x >= a + 1)."""
    b = x + 1.0 - a
    c = 1.0 / _TINY
    d = 1.0 / b
    h = d
    for i in range(1, _max_terms(a)):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = 1.0 / (d if abs(d) >= _TINY else _TINY)
        c = b + an / c
        c = c if abs(c) >= _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) <= _EPSILON:
            return h * math.exp(_log_kernel(a, x))
    raise AssertionError(_NO_CONVERGENCE)


def _gamma_pq(a: float, x: float) -> tuple[float, float]:
    """Both ``P(a, x)`` and ``Q(a, x) = 1 - P(a, x)``, the smaller one computed directly."""
    if x <= 0.0:
        return 0.0, 1.0
    if x < a + 1.0:
        p = _gamma_p_series(a, x)
        return p, 1.0 - p
    q = _gamma_q_fraction(a, x)
    return 1.0 - q, q


def _gamma_first_guess(a: float, prob: float, *, upper: bool) -> float:
    """A starting point for the gamma quantile (Numerical Recipes ``invgammp``, Wilson-Hilferty)."""
    lower_prob = 1.0 - prob if upper else prob
    upper_prob = prob if upper else 1.0 - prob
    if a > 1.0:
        z = -_STANDARD_NORMAL.inv_cdf(prob) if upper else _STANDARD_NORMAL.inv_cdf(prob)
        guess = a * (1.0 - 1.0 / (9.0 * a) + z / (3.0 * math.sqrt(a))) ** 3
        if guess > 0.0:
            return guess
        # far lower tail: leading term of the series, P(a, x) ~ x**a / Γ(a + 1)
        return math.exp((math.log(lower_prob) + math.lgamma(a + 1.0)) / a)
    t = 1.0 - a * (0.253 + a * 0.12)
    if lower_prob < t:
        return math.pow(lower_prob / t, 1.0 / a)
    return 1.0 - math.log(upper_prob / (1.0 - t))


def _next_bracket_point(low: float, high: float, x: float) -> float:
    """The bisection point used when a Halley step is refused (see [`_gamma_quantile`][])."""
    if math.isinf(high):  # no upper end yet: step out
        return 2.0 * x
    if low <= 0.0:
        return 0.5 * high
    # bisect in log scale (the root may be many decades away); sqrt each end so that
    # the product cannot underflow or overflow
    return math.sqrt(low) * math.sqrt(high)


def _gamma_quantile(a: float, prob: float, *, upper: bool) -> float:
    """The ``x`` with ``P(a, x) = prob`` (``upper=False``) or ``Q(a, x) = prob`` (``upper=True``).

    Halley's method on the gamma CDF inside a bracket that every evaluation
    shrinks, with the safeguard of Numerical Recipes' ``rtsafe``: a step that
    leaves the bracket, or is not at most half the step before last, is replaced
    by bisection. Near the root the CDF's own rounding noise makes Halley steps
    wander; the rule then turns them into bisections until the bracket closes, so
    the iteration always ends within a few units in the last place of the root
    (or of the noise floor of ``P``, in the extreme tails).
    """
    x = _gamma_first_guess(a, prob, upper=upper)
    low, high = 0.0, math.inf
    step, step_before = math.inf, math.inf
    for _ in range(_MAX_ROOT_ITERATIONS):
        if x == 0.0:  # the quantile underflows
            return 0.0
        p, q = _gamma_pq(a, x)
        residual = prob - q if upper else p - prob  # increases with x in both cases
        if residual > 0.0:
            high = x
        else:
            low = x
        log_density = min(_MAX_LOG_DENSITY, max(-_MAX_LOG_DENSITY, _log_kernel(a, x) - math.log(x)))
        newton = residual / math.exp(log_density)
        curvature = max(-1.0, min(1.0, newton * ((a - 1.0) / x - 1.0)))
        candidate = x - newton / (1.0 - 0.5 * curvature)
        if not low < candidate < high or abs(candidate - x) > 0.5 * step_before:
            candidate = _next_bracket_point(low, high, x)
        step_before, step = step, abs(candidate - x)
        if step <= _ROOT_TOLERANCE * candidate or high - low <= _ROOT_TOLERANCE * low:
            return candidate
        x = candidate
    raise AssertionError(_NO_CONVERGENCE)


def chi2_cdf(x: float, df: float) -> float:
    """Return the chi-square distribution function ``P(X <= x)`` with ``df`` degrees of freedom.

    Computed as the regularised lower incomplete gamma function ``P(df/2, x/2)``
    (power series below ``a + 1``, continued fraction above; Numerical Recipes,
    3rd edn, section 6.2), to about 1e-15 absolute (about 1e-13 relative in
    the far tails, where the exponent of the kernel is large).

    Source: the chi-square quantiles of the exact Poisson limits in
    PHEindicatormethods ``R/Rates.R`` (``qchisq``) are the inverse of this function:
    https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        x: The point, zero or more.
        df: Degrees of freedom, greater than zero (need not be an integer).

    Returns:
        The probability ``P(df/2, x/2)`` in ``[0, 1]``.

    Raises:
        InvalidInputError: If ``x`` is negative or ``df`` is not positive, or either
            is not a finite real number.

    Examples:
        >>> round(chi2_cdf(7.377758908227871, 2), 12)
        0.975
    """
    point = _check_real("x", x)
    if point < 0:
        raise InvalidInputError("x", "must be zero or more")
    degrees = _check_positive("df", df)
    return _gamma_pq(degrees / 2.0, point / 2.0)[0]


def chi2_ppf(p: float, df: float) -> float:
    """Return the chi-square quantile: the ``x`` with ``P(X <= x) = p`` (``df`` degrees of freedom).

    The inverse of [`chi2_cdf`][], found by Halley's method on the
    regularised incomplete gamma function from a Wilson-Hilferty (or, in the far
    lower tail, series) first guess, inside a bisection bracket; for ``p`` above
    one half the upper tail ``1 - p`` is solved directly so that no accuracy is
    lost. This is what R's ``qchisq`` returns, to near double precision; PHE's
    exact Poisson limits are ``qchisq(...) / 2``.

    Source: PHEindicatormethods ``R/Rates.R`` and ``R/utils.R``:
    https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        p: Lower-tail probability, strictly between 0 and 1.
        df: Degrees of freedom, greater than zero (need not be an integer).

    Returns:
        The quantile, zero or more (exactly 0.0 only when it underflows).

    Raises:
        InvalidInputError: If ``p`` is not strictly between 0 and 1, or ``df`` is not
            a positive finite real number.

    Examples:
        >>> round(chi2_ppf(0.975, 2), 12)  # -2 ln(0.025)
        7.377758908228
    """
    prob = _check_open_unit("p", p)
    degrees = _check_positive("df", df)
    if prob <= 0.5:
        return 2.0 * _gamma_quantile(degrees / 2.0, prob, upper=False)
    return 2.0 * _gamma_quantile(degrees / 2.0, 1.0 - prob, upper=True)


# ---------------------------------------------------------------------------- proportions


def wilson_interval(numerator: int, denominator: int, *, confidence: float = 0.95) -> Interval:
    """Return the Wilson score interval of the proportion ``numerator / denominator``.

    OHID's method for every proportion, whatever the numerator. With ``O``
    events out of ``n`` and critical value ``z`` (see [`two_sided_z`][]):

        lower = (2O + z² - z·√(z² + 4·O·(1 - O/n))) / (2(n + z²))
        upper = (2O + z² + z·√(z² + 4·O·(1 - O/n))) / (2(n + z²))

    When ``O = 0`` the lower limit is exactly 0, and when ``O = n`` the upper
    limit is exactly 1: these are the values PHE's formula gives in exact
    arithmetic, returned without floating-point residue. The limits are
    proportions in ``[0, 1]``; multiply by 100 for percentages.

    Source: OHID technical guidance "Proportions"; PHEindicatormethods ``R/utils.R``
    (``wilson_lower``, ``wilson_upper``); Wilson (1927); Newcombe and Altman (2000).
    https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Proportions.html

    Args:
        numerator: Number of cases with the condition, an ``int`` from 0 to ``denominator``.
        denominator: Number of cases, an ``int`` of at least 1.
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The interval, with method [`Method.WILSON`][].

    Raises:
        InvalidInputError: If a count is not an ``int``, ``numerator`` is negative or
            above ``denominator``, ``denominator`` is below 1, or ``confidence`` is
            not strictly between 0 and 1.

    Examples:
        >>> ci = wilson_interval(0, 25)
        >>> ci.lower, round(ci.upper, 6)
        (0.0, 0.133192)
    """
    n = check_int("denominator", denominator, minimum=1)
    x = check_int("numerator", numerator, minimum=0)
    if x > n:
        raise InvalidInputError("numerator", "must not be greater than denominator")
    z = two_sided_z(confidence)
    z_sq = z * z
    centre = 2.0 * x + z_sq
    half_width = z * math.sqrt(z_sq + 4.0 * x * (1.0 - x / n))
    scale = 2.0 * (n + z_sq)
    lower = 0.0 if x == 0 else max(0.0, (centre - half_width) / scale)
    upper = 1.0 if x == n else min(1.0, (centre + half_width) / scale)
    return Interval(lower=lower, upper=upper, confidence=confidence, method=Method.WILSON)


def proportion(
    numerator: int, denominator: int, *, confidence: float = 0.95, per: float = 1
) -> Estimate:
    """Return a proportion with its Wilson score interval, optionally scaled (``per=100`` for %).

    The value is ``numerator / denominator * per`` and the interval is
    [`wilson_interval`][] scaled by the same multiplier, as PHEindicatormethods'
    ``phe_proportion`` does.

    Source: PHEindicatormethods ``R/Proportions.R``:
    https://rdrr.io/cran/PHEindicatormethods/man/phe_proportion.html

    Args:
        numerator: Number of cases with the condition, an ``int`` from 0 to ``denominator``.
        denominator: Number of cases, an ``int`` of at least 1.
        confidence: Confidence level, strictly between 0 and 1.
        per: Multiplier applied to the value and the limits (1 for a proportion,
            100 for a percentage), greater than zero.

    Returns:
        The value and its interval on the ``per`` scale.

    Raises:
        InvalidInputError: As [`wilson_interval`][], or if ``per`` is not positive.

    Examples:
        >>> e = proportion(17, 25, per=100)
        >>> e.value, round(e.interval.lower, 4), round(e.interval.upper, 4)
        (68.0, 48.4103, 82.7948)
    """
    ci = wilson_interval(numerator, denominator, confidence=confidence)
    scale = _check_positive("per", per)
    return Estimate(
        value=numerator / denominator * scale,
        interval=attrs.evolve(ci, lower=ci.lower * scale, upper=ci.upper * scale),
    )


def wilson_two_level(numerator: int, denominator: int) -> TwoLevelInterval:
    """Return the 95% and 99.8% Wilson intervals of a proportion (Fingertips' two levels).

    Source: PHEindicatormethods ``phe_proportion(confidence = c(0.95, 0.998))``:
    https://rdrr.io/cran/PHEindicatormethods/man/phe_proportion.html

    Args:
        numerator: Number of cases with the condition, an ``int`` from 0 to ``denominator``.
        denominator: Number of cases, an ``int`` of at least 1.

    Returns:
        Both intervals.

    Raises:
        InvalidInputError: As [`wilson_interval`][].

    Examples:
        >>> two = wilson_two_level(17, 25)
        >>> round(two.ci95.lower, 6), round(two.ci998.lower, 6)
        (0.484103, 0.380007)
    """
    return TwoLevelInterval(
        ci95=wilson_interval(numerator, denominator, confidence=CONFIDENCE_95),
        ci998=wilson_interval(numerator, denominator, confidence=CONFIDENCE_998),
    )


# ---------------------------------------------------------------------------- counts and rates


def poisson_interval(count: int, *, confidence: float = 0.95) -> Interval:
    """Return the exact Poisson confidence limits of an observed count.

    With ``alpha = 1 - confidence``: ``lower = χ²(alpha/2; 2O) / 2`` (0 when ``O = 0``) and
    ``upper = χ²(1 - alpha/2; 2O + 2) / 2``, where ``χ²(p; k)`` is the chi-square
    quantile ([`chi2_ppf`][]). These are the limits PHE uses for fewer than
    [`BYAR_MIN_EVENTS`][] events; use [`count_interval`][] to apply that rule.

    Source: OHID technical guidance "Rates"; PHEindicatormethods ``R/Rates.R``;
    Armitage and Berry, *Statistical methods in medical research* (2002).
    https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Rates.html

    Args:
        count: Observed number of events, an ``int`` of 0 or more.
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The interval of the expected count, with method [`Method.EXACT_POISSON`][].

    Raises:
        InvalidInputError: If ``count`` is not an ``int`` of 0 or more, or ``confidence``
            is not strictly between 0 and 1.

    Examples:
        >>> ci = poisson_interval(7)
        >>> round(ci.lower, 5), round(ci.upper, 4)
        (2.81436, 14.4227)
    """
    events = check_int("count", count, minimum=0)
    tail = (1.0 - _check_open_unit("confidence", confidence)) / 2.0
    lower = 0.0 if events == 0 else _gamma_quantile(events, tail, upper=False)
    upper = _gamma_quantile(events + 1.0, tail, upper=True)
    return Interval(lower=lower, upper=upper, confidence=confidence, method=Method.EXACT_POISSON)


def byar_interval(count: int, *, confidence: float = 0.95) -> Interval:
    """Return Byar's approximate Poisson confidence limits of an observed count.

    With critical value ``z`` ([`two_sided_z`][]):

        lower = O·(1 - 1/(9O) - z/(3√O))³
        upper = (O + 1)·(1 - 1/(9(O + 1)) + z/(3√(O + 1)))³

    PHE uses it from [`BYAR_MIN_EVENTS`][] events (within 0.2% of the exact
    limits there); use [`count_interval`][] to apply that rule. For small counts
    at high confidence the lower limit would be negative (PHE returns ``NA``);
    this function refuses such a count instead.

    Source: OHID technical guidance "Rates"; PHEindicatormethods ``R/utils.R``
    (``byars_lower``, ``byars_upper``); Breslow and Day (1987).
    https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Rates.html

    Args:
        count: Observed number of events, an ``int`` of 1 or more.
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The interval of the expected count, with method [`Method.BYAR`][].

    Raises:
        InvalidInputError: If ``count`` is not an ``int`` of 1 or more, if Byar's lower
            limit would be negative for it, or if ``confidence`` is not strictly
            between 0 and 1.

    Examples:
        >>> ci = byar_interval(65)
        >>> round(ci.lower, 4), round(ci.upper, 4)
        (50.1632, 82.8491)
    """
    events = check_int("count", count, minimum=1)
    z = two_sided_z(confidence)
    lower_base = 1.0 - 1.0 / (9.0 * events) - z / (3.0 * math.sqrt(events))
    if lower_base < 0.0:
        raise InvalidInputError(
            "count",
            "is too small for Byar's method at this confidence (negative lower limit); "
            "use the exact method (poisson_interval)",
        )
    shifted = events + 1
    upper_base = 1.0 - 1.0 / (9.0 * shifted) + z / (3.0 * math.sqrt(shifted))
    return Interval(
        lower=events * lower_base**3,
        upper=shifted * upper_base**3,
        confidence=confidence,
        method=Method.BYAR,
    )


def count_interval(count: int, *, confidence: float = 0.95) -> Interval:
    """Return the confidence limits of a count by PHE's rule: exact below 10 events, Byar's from 10.

    Counts below [`BYAR_MIN_EVENTS`][] get [`poisson_interval`][], the rest
    [`byar_interval`][]; the interval's ``method`` says which was used (PHE's
    "Exact"/"Byars" column). An older Excel add-in used exact limits up to 389
    events; PHE's current tools do not, and neither does this function.

    Source: OHID technical guidance "Rates"; PHEindicatormethods ``R/Rates.R``:
    https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Rates.html

    Args:
        count: Observed number of events, an ``int`` of 0 or more.
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The interval of the expected count.

    Raises:
        InvalidInputError: If ``count`` is not an ``int`` of 0 or more, or ``confidence``
            is not strictly between 0 and 1.

    Examples:
        >>> count_interval(9).method.value, count_interval(10).method.value
        ('exact poisson', 'byar')
    """
    events = check_int("count", count, minimum=0)
    if events < BYAR_MIN_EVENTS:
        return poisson_interval(events, confidence=confidence)
    return byar_interval(events, confidence=confidence)


def rate_interval(
    events: int, population: float, *, per: float = 10_000, confidence: float = 0.95
) -> Interval:
    """Return the confidence limits of the crude rate ``events / population * per``.

    The limits of the count ([`count_interval`][]: exact below
    [`BYAR_MIN_EVENTS`][] events, Byar's from there) divided by the population
    and multiplied by ``per``.

    Source: OHID technical guidance "Rates"; PHEindicatormethods ``R/Rates.R`` (``phe_rate``):
    https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Rates.html

    Args:
        events: Observed number of events, an ``int`` of 0 or more.
        population: Population or person-years at risk, greater than zero.
        per: Multiplier, greater than zero; 10,000 by default, as DfE publishes
            children-in-need rates (PHE's default is 100,000).
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The interval of the rate per ``per``.

    Raises:
        InvalidInputError: If ``events`` is not an ``int`` of 0 or more, ``population``
            or ``per`` is not a positive finite number, or ``confidence`` is not
            strictly between 0 and 1.

    Examples:
        >>> ci = rate_interval(377, 61_400, per=10_000)
        >>> round(ci.lower, 4), round(ci.upper, 4), ci.method.value
        (55.3582, 67.9226, 'byar')
    """
    ci = count_interval(events, confidence=confidence)
    scale = _check_positive("per", per) / _check_positive("population", population)
    return attrs.evolve(ci, lower=ci.lower * scale, upper=ci.upper * scale)


def rate(
    events: int, population: float, *, per: float = 10_000, confidence: float = 0.95
) -> Estimate:
    """Return a crude rate per ``per`` with its confidence interval ([`rate_interval`][]).

    Source: PHEindicatormethods ``R/Rates.R`` (``phe_rate``):
    https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        events: Observed number of events, an ``int`` of 0 or more.
        population: Population or person-years at risk, greater than zero.
        per: Multiplier, greater than zero; 10,000 by default, as DfE publishes
            children-in-need rates (PHE's default is 100,000).
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The rate and its interval, both per ``per``.

    Raises:
        InvalidInputError: As [`rate_interval`][].

    Examples:
        >>> r = rate(10, 61_400, per=10_000)
        >>> round(r.value, 5), round(r.interval.lower, 6), round(r.interval.upper, 5)
        (1.62866, 0.779715, 2.99535)
    """
    ci = rate_interval(events, population, per=per, confidence=confidence)
    return Estimate(value=events / population * per, interval=ci)


def rate_two_level(events: int, population: float, *, per: float = 10_000) -> TwoLevelInterval:
    """Return the 95% and 99.8% intervals of a crude rate (Fingertips' two levels).

    Source: PHEindicatormethods ``phe_rate(confidence = c(0.95, 0.998))``:
    https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        events: Observed number of events, an ``int`` of 0 or more.
        population: Population or person-years at risk, greater than zero.
        per: Multiplier, greater than zero.

    Returns:
        Both intervals of the rate per ``per``.

    Raises:
        InvalidInputError: As [`rate_interval`][].

    Examples:
        >>> two = rate_two_level(7, 61_400, per=10_000)
        >>> round(two.ci95.upper, 5), round(two.ci998.upper, 5)
        (2.34897, 3.19645)
    """
    return TwoLevelInterval(
        ci95=rate_interval(events, population, per=per, confidence=CONFIDENCE_95),
        ci998=rate_interval(events, population, per=per, confidence=CONFIDENCE_998),
    )


# ---------------------------------------------------------------------------- standardised rates


def _check_strata(
    events: Sequence[int],
    populations: Sequence[float],
    standard_populations: Sequence[float],
) -> tuple[list[int], list[float], list[float]]:
    """Validate the three per-stratum sequences of [`dsr`][] and return them as lists."""
    counts = [
        check_int(f"events[{i}]", value, minimum=0)
        for i, value in enumerate(_check_sequence("events", events))
    ]
    pops = [
        _check_positive(f"populations[{i}]", value)
        for i, value in enumerate(_check_sequence("populations", populations))
    ]
    weights = [
        _check_real(f"standard_populations[{i}]", value)
        for i, value in enumerate(_check_sequence("standard_populations", standard_populations))
    ]
    if len(pops) != len(counts):
        raise InvalidInputError("populations", "must have one entry per stratum of events")
    if len(weights) != len(counts):
        raise InvalidInputError("standard_populations", "must have one entry per stratum of events")
    if any(w < 0 for w in weights) or math.fsum(weights) <= 0:
        raise InvalidInputError(
            "standard_populations", "must be zero or more, with a total above zero"
        )
    return counts, pops, weights


def dsr(
    events: Sequence[int],
    populations: Sequence[float],
    standard_populations: Sequence[float],
    *,
    per: float,
    confidence: float = 0.95,
) -> StandardisedRate:
    """Return a directly standardised rate with Dobson's confidence interval.

    For strata ``i`` (usually age bands) with events ``Oᵢ``, population ``nᵢ``
    and standard population ``wᵢ``, and total ``O = ΣOᵢ``:

        DSR      = Σ(wᵢ·Oᵢ/nᵢ) / Σwᵢ
        Var(DSR) = Σ(Oᵢ·(wᵢ/nᵢ)²) / (Σwᵢ)²
        limits   = DSR + √(Var/O)·(O_Byar - O)

    where ``O_Byar`` are Byar's limits of ``O`` (Byar's is used for every
    published DSR; there is no exact switch). All values are multiplied by ``per``.

    **Not published below** [`DSR_MIN_EVENTS`][] **events.** PHE sets the value
    and limits to ``NA`` when ``O < 10``; this function then returns a
    [`StandardisedRate`][] with ``value`` and ``interval`` set to ``None`` and
    ``published`` false. It never returns a number that OHID would suppress.

    Source: PHEindicatormethods ``R/DSR.R`` (``phe_dsr``); Dobson et al., *Stat Med*
    1991; 10: 457-62; Breslow and Day (1987):
    https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        events: Events per stratum, ``int`` of 0 or more each.
        populations: Population per stratum, each greater than zero (same order).
        standard_populations: Standard population per stratum (same order), each
            zero or more with a positive total; [`ESP_2013`][] for OHID's 19 age bands.
        per: Multiplier (100,000 for most OHID rates), greater than zero.
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The standardised rate, published or not.

    Raises:
        InvalidInputError: If a sequence is empty, not a sequence, or of a different
            length from ``events``; an event count is not an ``int`` of 0 or more; a
            population is not positive; a standard population is negative or they sum
            to zero; or ``per`` or ``confidence`` is out of range. The offending
            stratum is named, e.g. ``populations[3]``.

    Examples:
        >>> r = dsr([5, 5, 5], [1000, 2000, 3000], [1, 1, 1], per=100_000)
        >>> round(r.value, 2), r.published, r.interval.method.value
        (305.56, True, 'dobson')
        >>> dsr([3, 3, 3], [1000, 2000, 3000], [1, 1, 1], per=100_000).published
        False
    """
    counts, pops, weights = _check_strata(events, populations, standard_populations)
    scale = _check_positive("per", per)
    level = _check_open_unit("confidence", confidence)
    total = sum(counts)
    total_population = math.fsum(pops)
    if total < DSR_MIN_EVENTS:
        return StandardisedRate(
            events=total, population=total_population, value=None, interval=None
        )
    weight_sum = math.fsum(weights)
    value = math.fsum(o * w / n for o, n, w in zip(counts, pops, weights, strict=True)) / weight_sum
    variance = (
        math.fsum(o * (w / n) ** 2 for o, n, w in zip(counts, pops, weights, strict=True))
        / weight_sum**2
    )
    byar = byar_interval(total, confidence=level)
    spread = math.sqrt(variance / total)
    interval = Interval(
        lower=(value + spread * (byar.lower - total)) * scale,
        upper=(value + spread * (byar.upper - total)) * scale,
        confidence=level,
        method=Method.DOBSON,
    )
    return StandardisedRate(
        events=total, population=total_population, value=value * scale, interval=interval
    )


# ---------------------------------------------------------------------------- funnel plots

_Z_FUNNEL_95 = -_STANDARD_NORMAL.inv_cdf(FUNNEL_TAIL_95)
_Z_FUNNEL_998 = -_STANDARD_NORMAL.inv_cdf(FUNNEL_TAIL_998)


def proportion_funnel_limits(denominator: int, *, baseline: float) -> FunnelLimits:
    """Return PHE's funnel plot control limits for a proportion at one denominator.

    With baseline ``av`` (the overall proportion, ``ΣO / Σn`` over all areas) and
    ``z = Φ⁻¹(0.975)`` or ``Φ⁻¹(0.999)``, the limits are:

        av ∓ z·√(av·(1 - av) / n)

    clipped to ``[0, 1]``. This is PHEindicatormethods' ``sigma_adjustment``
    simplified: its long closed form (``sigma_adjustment``) reduces
    algebraically to this expression, which is the observed proportion whose
    Wilson limit just touches the baseline. The simple form avoids the
    cancellation of the original at large ``n``.

    Source: PHEindicatormethods ``R/Funnels.R`` (``phe_funnels``,
    ``sigma_adjustment``); Fingertips "Technical Guide - Funnel Plots":
    http://fingertips.phe.org.uk/profile/guidance

    Args:
        denominator: The denominator ``n`` at which the limits are wanted, an ``int``
            of at least 1.
        baseline: The baseline proportion, from 0 to 1 inclusive.

    Returns:
        The four limits as proportions.

    Raises:
        InvalidInputError: If ``denominator`` is not an ``int`` of at least 1, or
            ``baseline`` is not between 0 and 1.

    Examples:
        >>> limits = proportion_funnel_limits(129, baseline=0.2)
        >>> round(limits.lower_998, 6), round(limits.upper_998, 6)
        (0.091168, 0.308832)
    """
    n = check_int("denominator", denominator, minimum=1)
    av = _check_closed_unit("baseline", baseline)
    spread = math.sqrt(av * (1.0 - av) / n)
    return FunnelLimits(
        lower_998=max(0.0, av - _Z_FUNNEL_998 * spread),
        lower_95=max(0.0, av - _Z_FUNNEL_95 * spread),
        upper_95=min(1.0, av + _Z_FUNNEL_95 * spread),
        upper_998=min(1.0, av + _Z_FUNNEL_998 * spread),
    )


def proportion_funnel_significance(
    numerator: int, denominator: int, *, baseline: float
) -> FunnelSignificance:
    """Classify an area's proportion against the funnel limits at its denominator.

    Checked in PHE's order: below the lower 99.8% limit is "Low (0.001)", below
    the lower 95% limit "Low (0.025)", above the upper 99.8% limit "High (0.001)",
    above the upper 95% limit "High (0.025)", otherwise "Not significant" (a
    value on a limit is inside).

    Source: PHEindicatormethods ``R/Funnels.R`` (``phe_funnel_significance``,
    ``statistic = "proportion"``): https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        numerator: The area's numerator, an ``int`` from 0 to ``denominator``.
        denominator: The area's denominator, an ``int`` of at least 1.
        baseline: The baseline proportion (``ΣO / Σn`` over all areas), 0 to 1.

    Returns:
        The outlier status.

    Raises:
        InvalidInputError: If a count is not an ``int``, ``numerator`` is negative or
            above ``denominator``, ``denominator`` is below 1, or ``baseline`` is not
            between 0 and 1.

    Examples:
        >>> proportion_funnel_significance(40, 129, baseline=0.2).value
        'High (0.001)'
    """
    n = check_int("denominator", denominator, minimum=1)
    x = check_int("numerator", numerator, minimum=0)
    if x > n:
        raise InvalidInputError("numerator", "must not be greater than denominator")
    limits = proportion_funnel_limits(n, baseline=baseline)
    observed = x / n
    if observed < limits.lower_998:
        return FunnelSignificance.LOW_0_001
    if observed < limits.lower_95:
        return FunnelSignificance.LOW_0_025
    if observed > limits.upper_998:
        return FunnelSignificance.HIGH_0_001
    if observed > limits.upper_95:
        return FunnelSignificance.HIGH_0_025
    return FunnelSignificance.NOT_SIGNIFICANT


def rate_funnel_limits(
    events: int, *, baseline: float, per: float, years_of_data: float = 1.0
) -> RateFunnelLimits:
    """Return the points of PHE's rate funnel curves for one number of events.

    For ``E`` events and baseline rate ``av`` (per person), the lower curve
    passes through the population at which ``E`` is the exact Poisson upper
    limit of the expected count: ``U = χ²(1 - p; 2E + 2) / 2`` (so ``P(X <= E) = p``
    when the mean is ``U``), population ``U / av``; the upper curve through
    ``L / av`` with ``L = χ²(p; 2E) / 2``. Here ``p`` is [`FUNNEL_TAIL_95`][] or
    [`FUNNEL_TAIL_998`][]. The limit rate is ``E / population * per`` and the
    population is divided by ``years_of_data``. PHE finds ``U`` and ``L`` by
    bisection (``poisson_funnel``) to about 1e-7; they are computed exactly here,
    so the two agree to about six significant figures.

    Source: PHEindicatormethods ``R/Funnels.R`` (``phe_funnels``, ``statistic = "rate"``)
    and ``R/utils.R`` (``poisson_funnel``): https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        events: Number of events ``E``, an ``int`` of at least 1 (PHE's axis starts at 1).
        baseline: Baseline rate per ``per`` (``ΣO / Σn * per``), greater than zero.
        per: The rate multiplier, greater than zero.
        years_of_data: Number of years the data cover, greater than zero.

    Returns:
        The four points of the curves for ``events``.

    Raises:
        InvalidInputError: If ``events`` is not an ``int`` of at least 1, or
            ``baseline``, ``per`` or ``years_of_data`` is not a positive finite number.

    Examples:
        >>> pts = rate_funnel_limits(2, baseline=116.1720835, per=100_000, years_of_data=3)
        >>> round(pts.upper_95.population, 3), round(pts.upper_95.rate, 2)
        (69.497, 959.27)
    """
    count = check_int("events", events, minimum=1)
    scale = _check_positive("per", per)
    per_person = _check_positive("baseline", baseline) / scale
    years = _check_positive("years_of_data", years_of_data)

    def point(expected_events: float) -> RateFunnelPoint:
        population = expected_events / per_person
        return RateFunnelPoint(population=population / years, rate=count / population * scale)

    return RateFunnelLimits(
        events=count,
        lower_998=point(_gamma_quantile(count + 1.0, FUNNEL_TAIL_998, upper=True)),
        lower_95=point(_gamma_quantile(count + 1.0, FUNNEL_TAIL_95, upper=True)),
        upper_95=point(_gamma_quantile(count, FUNNEL_TAIL_95, upper=False)),
        upper_998=point(_gamma_quantile(count, FUNNEL_TAIL_998, upper=False)),
    )


def rate_funnel_significance(
    events: int,
    population: float,
    *,
    baseline: float,
    per: float,
    standardised: bool = False,
) -> FunnelSignificance:
    """Classify an area's rate against the baseline by its own 95% and 99.8% limits.

    PHE tests the baseline against the area's count limits (exact below
    [`BYAR_MIN_EVENTS`][] events, Byar's from there; [`count_interval`][])
    divided by the population, in this order: baseline below the area's lower
    99.8% limit is "High (0.001)", below its lower 95% limit "High (0.025)",
    above its upper 99.8% limit "Low (0.001)", above its upper 95% limit
    "Low (0.025)", otherwise "Not significant". For a directly standardised rate
    (``standardised=True``) on fewer than [`DSR_MIN_EVENTS`][] events the answer
    is [`FunnelSignificance.NOT_APPLICABLE`][]; PHE's population for a DSR is
    then ``events / dsr * per``.

    Source: PHEindicatormethods ``R/Funnels.R`` (``phe_funnel_significance``,
    ``statistic = "rate"``) and ``R/utils.R`` (``funnel_ratio_significance``):
    https://github.com/ukhsa-collaboration/PHEindicatormethods

    Args:
        events: The area's number of events, an ``int`` of 0 or more.
        population: The area's population, greater than zero.
        baseline: The baseline rate per ``per``, zero or more.
        per: The rate multiplier, greater than zero.
        standardised: Whether the rate is a directly standardised rate.

    Returns:
        The outlier status.

    Raises:
        InvalidInputError: If ``events`` is not an ``int`` of 0 or more, ``population``
            or ``per`` is not positive, or ``baseline`` is negative or not finite.

    Examples:
        >>> rate_funnel_significance(377, 61_400, baseline=51, per=10_000).value
        'High (0.001)'
    """
    count = check_int("events", events, minimum=0)
    people = _check_positive("population", population)
    scale = _check_positive("per", per)
    reference = _check_real("baseline", baseline)
    if reference < 0:
        raise InvalidInputError("baseline", "must be zero or more")
    if standardised and count < DSR_MIN_EVENTS:
        return FunnelSignificance.NOT_APPLICABLE
    per_person = reference / scale
    ci998 = count_interval(count, confidence=CONFIDENCE_998)
    ci95 = count_interval(count, confidence=CONFIDENCE_95)
    if per_person < ci998.lower / people:
        return FunnelSignificance.HIGH_0_001
    if per_person < ci95.lower / people:
        return FunnelSignificance.HIGH_0_025
    if per_person > ci998.upper / people:
        return FunnelSignificance.LOW_0_001
    if per_person > ci95.upper / people:
        return FunnelSignificance.LOW_0_025
    return FunnelSignificance.NOT_SIGNIFICANT


def spc_proportion_limits(
    denominator: int, *, benchmark: float, confidence: float = 0.95
) -> Interval:
    """Return Fingertips' "SPC for proportions" control limits around a benchmark.

    Fingertips comparator 5 builds a Wilson interval on the *expected* count
    ``E = n·p0`` of the benchmark proportion ``p0``:

        (2E + z² ∓ z·√(z² + 4E(1 - p0))) / (2(n + z²))

    and compares the area's proportion with it. This differs from PHE's funnel
    limits ([`proportion_funnel_limits`][]); do not mix the two.

    Source: Fingertips ``PholioVisualisationWS/Analysis/SpcForProportionsComparer.cs``
    (ukhsa-collaboration/fingertips-open):
    https://github.com/ukhsa-collaboration/fingertips-open

    Args:
        denominator: The area's denominator ``n``, an ``int`` of at least 1.
        benchmark: The benchmark proportion ``p0``, from 0 to 1 inclusive.
        confidence: Confidence level, strictly between 0 and 1.

    Returns:
        The control limits as proportions, with method [`Method.WILSON`][].

    Raises:
        InvalidInputError: If ``denominator`` is not an ``int`` of at least 1,
            ``benchmark`` is not between 0 and 1, or ``confidence`` is not strictly
            between 0 and 1.

    Examples:
        >>> ci = spc_proportion_limits(129, benchmark=0.2)
        >>> round(ci.lower, 6), round(ci.upper, 6)
        (0.140104, 0.277247)
    """
    n = check_int("denominator", denominator, minimum=1)
    p0 = _check_closed_unit("benchmark", benchmark)
    z = two_sided_z(confidence)
    z_sq = z * z
    expected = n * p0
    centre = 2.0 * expected + z_sq
    half_width = z * math.sqrt(z_sq + 4.0 * expected * (1.0 - p0))
    scale = 2.0 * (n + z_sq)
    return Interval(
        lower=max(0.0, (centre - half_width) / scale),
        upper=min(1.0, (centre + half_width) / scale),
        confidence=confidence,
        method=Method.WILSON,
    )
