"""Tests of the OHID/PHE indicator statistics.

Golden values come from the reference table ``tests/data/indicator_reference_values.md``
(rows W1-W52), which states their provenance: the OHID/PHE formulas (OHID public health
technical guidance "Proportions" and "Rates"; PHE Technical Guide - Confidence Intervals,
2018; the PHEindicatormethods R package v2.1.0), computed with scipy 1.17.1, cross-checked
with statsmodels 0.15.0, and checked against PHEindicatormethods' own test data. Each case
carries its row ID. Values printed to six significant figures are compared to within half a
unit of their last printed digit; the full-precision values of PHEindicatormethods' test data
(``tests/testthat/`` in that package) are compared to about 1e-9 or closer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from statistics import NormalDist
from typing import Any, NamedTuple

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from safeguarding.errors import InvalidInputError
from safeguarding.indicators import statistics as stats
from safeguarding.indicators.statistics import (
    BYAR_MIN_EVENTS,
    CONFIDENCE_95,
    CONFIDENCE_998,
    DSR_MIN_EVENTS,
    ESP_2013,
    FunnelSignificance,
    Interval,
    Method,
    byar_interval,
    chi2_cdf,
    chi2_ppf,
    count_interval,
    dsr,
    poisson_interval,
    proportion,
    proportion_funnel_limits,
    proportion_funnel_significance,
    rate,
    rate_funnel_limits,
    rate_funnel_significance,
    rate_interval,
    rate_two_level,
    spc_proportion_limits,
    two_sided_z,
    wilson_interval,
    wilson_two_level,
)


def assert_printed(actual: float, printed: str) -> None:
    """Assert *actual* rounds to *printed* (within half a unit of its last digit)."""
    if "." not in printed:
        assert actual == float(printed), (actual, printed)
        return
    decimals = len(printed.split(".")[1])
    tolerance = 0.5 * 10.0**-decimals * (1 + 1e-9)
    assert abs(actual - float(printed)) <= tolerance, (actual, printed)


# ============================================================================ reference table

# ---------------------------------------------------------------------------- W1: z values


@pytest.mark.parametrize(
    ("confidence", "printed"),
    [
        pytest.param(0.95, "1.95996", id="W1-95"),
        pytest.param(0.998, "3.09023", id="W1-99.8"),
    ],
)
def test_w1_two_sided_z(confidence: float, printed: str) -> None:
    assert_printed(two_sided_z(confidence), printed)


def test_two_sided_z_is_the_exact_normal_quantile() -> None:
    # scipy norm.ppf(0.975) and norm.ppf(0.999)
    assert two_sided_z(0.95) == pytest.approx(1.959963984540054, rel=1e-15)
    assert two_sided_z(0.998) == pytest.approx(3.090232306167813, rel=1e-15)


# ---------------------------------------------------------------------------- W2-W15: Wilson


class WilsonRow(NamedTuple):
    x: int
    n: int
    confidence: float
    point: str
    lower: str
    upper: str


WILSON_ROWS = [
    # id, x, n, confidence, point, lower, upper
    ("W2", 17, 25, 0.95, "0.680000", "0.484103", "0.827948"),
    ("W3", 17, 25, 0.998, "0.680000", "0.380007", "0.880488"),
    ("W4", 18, 129, 0.95, "0.139535", "0.0901202", "0.209797"),
    ("W5", 18, 129, 0.998, "0.139535", "0.0700785", "0.258681"),
    ("W6", 377, 61_400, 0.95, "0.00614007", "0.00555232", "0.00678961"),
    ("W7", 377, 61_400, 0.998, "0.00614007", "0.00523970", "0.00719403"),
    ("W8", 0, 25, 0.95, "0", "0", "0.133192"),
    ("W9", 0, 25, 0.998, "0", "0", "0.276401"),
    ("W10", 25, 25, 0.95, "1.00000", "0.866808", "1.00000"),
    ("W11", 25, 25, 0.998, "1.00000", "0.723599", "1.00000"),
    ("W12", 65, 100, 0.95, "0.650000", "0.552544", "0.736358"),
    ("W13", 65, 100, 0.998, "0.650000", "0.495495", "0.778354"),
    ("W14", 1045, 5000, 0.95, "0.209000", "0.197955", "0.220491"),
    ("W15", 1045, 5000, 0.998, "0.209000", "0.191794", "0.227316"),
]


@pytest.mark.parametrize(
    "row", [pytest.param(WilsonRow(*row[1:]), id=row[0]) for row in WILSON_ROWS]
)
def test_w2_w15_wilson(row: WilsonRow) -> None:
    estimate = proportion(row.x, row.n, confidence=row.confidence)
    assert_printed(estimate.value, row.point)
    assert_printed(estimate.interval.lower, row.lower)
    assert_printed(estimate.interval.upper, row.upper)
    assert estimate.interval == wilson_interval(row.x, row.n, confidence=row.confidence)
    assert estimate.interval.method is Method.WILSON
    assert estimate.interval.confidence == row.confidence


@pytest.mark.parametrize(
    ("x", "n", "confidence", "lower", "upper"),
    [
        # PHEindicatormethods test data (tests/testthat/), full precision
        pytest.param(65, 100, 0.95, 0.5525444329688797, 0.7363575175690247, id="W12-PHE"),
        pytest.param(1045, 5000, 0.998, 0.19179381799015244, 0.22731562902525818, id="W15-PHE"),
    ],
)
def test_wilson_matches_phe_test_data(
    x: int, n: int, confidence: float, lower: float, upper: float
) -> None:
    ci = wilson_interval(x, n, confidence=confidence)
    assert ci.lower == pytest.approx(lower, rel=1e-12)
    assert ci.upper == pytest.approx(upper, rel=1e-12)


def test_wilson_zero_and_all_are_exact() -> None:  # W8-W11: exactly 0 and exactly 1
    assert wilson_interval(0, 25).lower == 0.0
    assert wilson_interval(25, 25).upper == 1.0
    assert wilson_interval(0, 1, confidence=0.998).lower == 0.0
    assert wilson_interval(1, 1, confidence=0.998).upper == 1.0


def test_proportion_multiplier() -> None:
    percent = proportion(65, 100, per=100)
    plain = proportion(65, 100)
    assert percent.value == pytest.approx(65.0)
    assert percent.interval.lower == pytest.approx(100 * plain.interval.lower)
    assert percent.interval.upper == pytest.approx(100 * plain.interval.upper)


# ---------------------------------------------------------------------------- W16-W23: crude rates


class RateRow(NamedTuple):
    events: int
    population: int
    confidence: float
    method: Method
    value: str
    lower: str
    upper: str
    exact_lower: str
    exact_upper: str


RATE_ROWS = [
    # id, events, population, confidence, method, rate, lower, upper, exact lower, exact upper
    ("W16", 377, 61_400, 0.95, Method.BYAR, "61.4007", "55.3582", "67.9226", "339.900", "417.044"),
    ("W17", 377, 61_400, 0.998, Method.BYAR, "61.4007", "52.0890", "71.8161", "319.836", "440.941"),
    ("W18", 7, 61_400, 0.95, Method.EXACT_POISSON, "1.14007", "0.458365", "2.34897", "2.81436",
     "14.4227"),
    ("W19", 7, 61_400, 0.998, Method.EXACT_POISSON, "1.14007", "0.247612", "3.19645", "1.52034",
     "19.6262"),
    ("W20", 9, 61_400, 0.95, Method.EXACT_POISSON, "1.46580", "0.670256", "2.78254", "4.11537",
     "17.0848"),
    ("W21", 9, 61_400, 0.998, Method.EXACT_POISSON, "1.46580", "0.399418", "3.69013", "2.45242",
     "22.6574"),
    ("W22", 10, 61_400, 0.95, Method.BYAR, "1.62866", "0.779715", "2.99535", "4.79539", "18.3904"),
    ("W23", 10, 61_400, 0.998, Method.BYAR, "1.62866", "0.474970", "3.94035", "2.96052", "24.1340"),
]  # fmt: skip


@pytest.mark.parametrize("row", [pytest.param(RateRow(*row[1:]), id=row[0]) for row in RATE_ROWS])
def test_w16_w23_crude_rate_per_10000(row: RateRow) -> None:
    estimate = rate(row.events, row.population, per=10_000, confidence=row.confidence)
    assert_printed(estimate.value, row.value)
    assert_printed(estimate.interval.lower, row.lower)
    assert_printed(estimate.interval.upper, row.upper)
    assert estimate.interval.method is row.method
    assert estimate.interval == rate_interval(
        row.events, row.population, per=10_000, confidence=row.confidence
    )
    # the cross-check column: exact (statsmodels 'exact-c') limits of the count
    exact = poisson_interval(row.events, confidence=row.confidence)
    assert_printed(exact.lower, row.exact_lower)
    assert_printed(exact.upper, row.exact_upper)


@pytest.mark.parametrize(
    ("events", "confidence", "lower", "upper"),
    [
        # PHEindicatormethods test data (tests/testthat/; exact method; population 100,
        # per 100), full precision
        pytest.param(1, 0.95, 0.025317807984289897, 5.571643390938898, id="W27-PHE-1"),
        pytest.param(5, 0.998, 0.739371731917839, 16.454745203680105, id="W27-PHE-5"),
    ],
)
def test_exact_rate_matches_phe_test_data(
    events: int, confidence: float, lower: float, upper: float
) -> None:
    ci = rate_interval(events, 100, per=100, confidence=confidence)
    assert ci.method is Method.EXACT_POISSON
    assert ci.lower == pytest.approx(lower, rel=1e-12)
    assert ci.upper == pytest.approx(upper, rel=1e-12)


# ---------------------------------------------------------------------------- W24-W27: Byar


@pytest.mark.parametrize(
    ("count", "confidence", "lower", "upper"),
    [
        pytest.param(377, 0.95, "339.899", "417.045", id="W24"),
        pytest.param(10, 0.95, "4.78745", "18.3915", id="W25"),
        pytest.param(7, 0.95, "2.80443", "14.4233", id="W26"),
        pytest.param(65, 0.95, "50.1632", "82.8491", id="W27-95"),
        pytest.param(65, 0.998, "42.8803", "94.0003", id="W27-99.8"),
    ],
)
def test_w24_w27_byar_count_limits(count: int, confidence: float, lower: str, upper: str) -> None:
    ci = byar_interval(count, confidence=confidence)
    assert ci.method is Method.BYAR
    assert_printed(ci.lower, lower)
    assert_printed(ci.upper, upper)


@pytest.mark.parametrize(
    ("confidence", "lower", "upper"),
    [
        # PHEindicatormethods test data (tests/testthat/), full precision
        pytest.param(0.95, 50.163187710459454, 82.84913854593984, id="W27-PHE-95"),
        pytest.param(0.998, 42.8802614714802, 94.00029084431802, id="W27-PHE-99.8"),
    ],
)
def test_w27_byar_matches_phe_test_data(confidence: float, lower: float, upper: float) -> None:
    ci = count_interval(65, confidence=confidence)
    assert ci.method is Method.BYAR
    assert ci.lower == pytest.approx(lower, rel=1e-12)
    assert ci.upper == pytest.approx(upper, rel=1e-12)


def test_count_interval_switches_at_the_phe_threshold() -> None:
    assert BYAR_MIN_EVENTS == 10
    assert count_interval(9).method is Method.EXACT_POISSON
    assert count_interval(10).method is Method.BYAR
    assert count_interval(0) == poisson_interval(0)
    assert count_interval(10) == byar_interval(10)


# ---------------------------------------------------------------------------- W28-W29: DSR

# PHE testdata_big (19 age bands) with the European Standard Population 2013
BIG_COUNTS = [127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82, 91]
BIG_POPS = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153,
            123, 207]  # fmt: skip


def test_esp_2013() -> None:
    assert len(ESP_2013) == 19
    assert sum(ESP_2013) == 100_000


@pytest.mark.parametrize(
    ("confidence", "value", "lower", "upper"),
    [
        pytest.param(0.95, "1043.02", "971.771", "1117.89", id="W28-95"),
        pytest.param(0.998, "1043.02", "932.329", "1162.06", id="W28-99.8"),
    ],
)
def test_w28_dsr_dobson(confidence: float, value: str, lower: str, upper: str) -> None:
    result = dsr(BIG_COUNTS, BIG_POPS, ESP_2013, per=10_000, confidence=confidence)
    assert result.published
    assert result.events == 895
    assert result.population == sum(BIG_POPS)
    assert result.value is not None
    assert result.interval is not None
    assert result.interval.method is Method.DOBSON
    assert_printed(result.value, value)
    assert_printed(result.interval.lower, lower)
    assert_printed(result.interval.upper, upper)


def test_w28_dsr_matches_phe_test_results() -> None:
    result = dsr(BIG_COUNTS, BIG_POPS, ESP_2013, per=10_000)
    assert result.value == pytest.approx(1043.0247991469423, rel=1e-12)
    assert result.interval is not None
    assert result.interval.lower == pytest.approx(971.770906798568, rel=1e-12)
    assert result.interval.upper == pytest.approx(1117.894091547925, rel=1e-12)


def test_w29_dsr_not_published_below_10_events() -> None:
    assert DSR_MIN_EVENTS == 10
    result = dsr([2, 3, 4], [1000, 2000, 3000], [1, 2, 3], per=100_000)  # total O = 9
    assert not result.published
    assert result.value is None
    assert result.interval is None
    assert result.events == 9
    assert result.population == 6000
    ten = dsr([2, 3, 5], [1000, 2000, 3000], [1, 2, 3], per=100_000)
    assert ten.published


# ---------------------------------------------------------------------------- W30-W34: funnels


@pytest.mark.parametrize(
    ("attribute", "printed"),
    [
        pytest.param("lower_95", "0.130974", id="W30-lower"),
        pytest.param("upper_95", "0.269026", id="W30-upper"),
        pytest.param("lower_998", "0.0911681", id="W31-lower"),
        pytest.param("upper_998", "0.308832", id="W31-upper"),
    ],
)
def test_w30_w31_proportion_funnel(attribute: str, printed: str) -> None:
    # n = 129, baseline 0.2
    assert_printed(getattr(proportion_funnel_limits(129, baseline=0.2), attribute), printed)


@pytest.mark.parametrize(
    ("n", "attribute", "printed"),
    [
        # PHE testdata_funnel_prop_outputs.csv: baseline 80.642448%, multiplier 100
        pytest.param(1, "lower_95", "3.204264", id="W32-n1-2s"),
        pytest.param(3, "lower_998", "10.150815", id="W32-n3-3s"),
    ],
)
def test_w32_proportion_funnel_phe_test_data(n: int, attribute: str, printed: str) -> None:
    limits = proportion_funnel_limits(n, baseline=0.80642448)
    assert_printed(100 * getattr(limits, attribute), printed)


@pytest.mark.parametrize(
    ("confidence", "lower", "upper"),
    [
        pytest.param(0.95, "0.140104", "0.277247", id="W33"),
        pytest.param(0.998, "0.113647", "0.327708", id="W34"),
    ],
)
def test_w33_w34_fingertips_spc_for_proportions(confidence: float, lower: str, upper: str) -> None:
    ci = spc_proportion_limits(129, benchmark=0.2, confidence=confidence)
    assert_printed(ci.lower, lower)
    assert_printed(ci.upper, upper)
    # not the PHE funnel (W30-W31) at the same n and baseline
    funnel = proportion_funnel_limits(129, baseline=0.2)
    funnel_lower = funnel.lower_95 if confidence == 0.95 else funnel.lower_998
    assert abs(ci.lower - funnel_lower) > 0.005


def test_w35_rate_funnel_printed() -> None:
    points = rate_funnel_limits(1, baseline=116.172, per=100_000, years_of_data=3)
    assert_printed(points.lower_95.population, "1598.68")
    assert_printed(points.lower_95.rate, "20.8506")


@pytest.mark.parametrize(
    ("events", "attribute", "population", "limit"),
    [
        # PHE testdata_funnel_rate_outputs.csv (baseline 116.1720835 per 100,000, 3 years)
        pytest.param(1, "lower_95", 1598.675694, 20.85059119, id="W35-PHE-events1"),
        pytest.param(2, "upper_95", 69.49732367, 959.2695538, id="W35-PHE-events2"),
    ],
)
def test_w35_rate_funnel_phe_test_data(
    events: int, attribute: str, population: float, limit: float
) -> None:
    # PHE finds the Poisson means by bisection to about 1e-7; ours are exact, so the
    # agreement is about 1e-6 relative.
    points = rate_funnel_limits(events, baseline=116.1720835, per=100_000, years_of_data=3)
    point = getattr(points, attribute)
    assert point.population == pytest.approx(population, rel=1e-6)
    assert point.rate == pytest.approx(limit, rel=1e-6)


# ---------------------------------------------------------------- W36-W39: rate funnel significance


@pytest.mark.parametrize(
    ("events", "baseline", "expected"),
    [
        pytest.param(377, 51, FunnelSignificance.HIGH_0_001, id="W36"),
        pytest.param(377, 56, FunnelSignificance.NOT_SIGNIFICANT, id="W37"),
        pytest.param(7, 3, FunnelSignificance.LOW_0_025, id="W38"),
        pytest.param(7, 3.5, FunnelSignificance.LOW_0_001, id="W39"),
        pytest.param(377, 54, FunnelSignificance.HIGH_0_025, id="extra-high-0.025"),
    ],
)
def test_w36_w39_rate_funnel_significance(
    events: int, baseline: float, expected: FunnelSignificance
) -> None:
    assert rate_funnel_significance(events, 61_400, baseline=baseline, per=10_000) is expected


def test_w36_w39_point_values() -> None:
    assert_printed(rate(377, 61_400, per=10_000).value, "61.4007")
    assert_printed(rate(7, 61_400, per=10_000).value, "1.14007")


# ------------------------------------------------ W40-W43: intervals behind the benchmark tests


def test_w40_benchmark_outside_95() -> None:
    # 18/129 vs 0.22: the benchmark is above the 95% upper limit ("better", low is good)
    ci = wilson_interval(18, 129)
    assert_printed(ci.lower, "0.0901202")
    assert_printed(ci.upper, "0.209797")
    assert not ci.contains(0.22)
    assert ci.upper < 0.22


def test_w41_benchmark_inside_998() -> None:
    # 0.22 is inside the 99.8% interval, so "better" and not "best"
    two = wilson_two_level(18, 129)
    assert_printed(two.ci998.lower, "0.0700785")
    assert_printed(two.ci998.upper, "0.258681")
    assert not two.ci95.contains(0.22)
    assert two.ci998.contains(0.22)


def test_w42_benchmark_outside_998() -> None:
    two = wilson_two_level(18, 129)
    assert not two.ci998.contains(0.30)
    assert two.ci998.upper < 0.30  # "best" when low is good


def test_w43_benchmark_inside_95() -> None:
    ci = wilson_interval(17, 25)
    assert_printed(ci.lower, "0.484103")
    assert_printed(ci.upper, "0.827948")
    assert ci.contains(0.784)  # "similar"


# ---------------------------------------------------------------- W49-W52: DfE percentages


@pytest.mark.parametrize(
    ("numerator", "denominator", "printed"),
    [
        pytest.param(
            11_680 + 75_590 + 112_180 + 102_260 + 131_380 + 122_730, 648_830, "85.6650", id="W49"
        ),
        pytest.param(6_850 + 51_480, 74_380, "78.4216", id="W50"),
        pytest.param(6_240 + 52_430, 72_100, "81.3731", id="W51"),
        pytest.param(2_710, 62_300, "4.34992", id="W52"),
    ],
)
def test_w49_w52_percentages(numerator: int, denominator: int, printed: str) -> None:
    estimate = proportion(numerator, denominator, per=100)
    assert_printed(estimate.value, printed)
    assert estimate.interval.contains(estimate.value)


# ============================================================================ chi-square


@pytest.mark.parametrize(
    ("p", "df", "expected"),
    [
        # scipy 1.17.1, scipy.stats.chi2.ppf(p, df)
        pytest.param(0.975, 2, 7.377758908227871, id="scipy-0.975-2"),
        pytest.param(0.025, 2, 0.050635615968579795, id="scipy-0.025-2"),
        pytest.param(0.999, 1, 10.827566170662733, id="scipy-0.999-1"),
    ],
)
def test_chi2_ppf_known_values(p: float, df: float, expected: float) -> None:
    assert chi2_ppf(p, df) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("p", [1e-12, 1e-6, 0.01, 0.3, 0.5, 0.9, 0.999999, 1 - 1e-12])
def test_chi2_ppf_closed_forms(p: float) -> None:
    # df = 2 is the exponential distribution with mean 2
    assert chi2_ppf(p, 2) == pytest.approx(-2.0 * math.log1p(-p), rel=1e-13)
    # df = 1 is the square of a standard normal
    z = NormalDist().inv_cdf((1.0 + p) / 2.0) if p < 0.9 else -NormalDist().inv_cdf((1.0 - p) / 2.0)
    assert chi2_ppf(p, 1) == pytest.approx(z * z, rel=1e-12)


@pytest.mark.parametrize("x", [0.0, 1e-8, 0.3, 1.0, 2.5, 7.0, 30.0, 80.0])
def test_regularised_gamma_closed_forms(x: float) -> None:
    # P(1, x) = 1 - exp(-x); P(1/2, x) = erf(sqrt(x)); P(3, x) = 1 - exp(-x)(1 + x + x²/2)
    assert chi2_cdf(2 * x, 2) == pytest.approx(-math.expm1(-x), rel=1e-14, abs=1e-300)
    assert chi2_cdf(2 * x, 1) == pytest.approx(math.erf(math.sqrt(x)), rel=1e-14, abs=1e-300)
    expected_p3 = 1.0 - math.exp(-x) * (1.0 + x + x * x / 2.0)
    assert chi2_cdf(2 * x, 6) == pytest.approx(expected_p3, rel=1e-12, abs=1e-15)
    p, q = stats._gamma_pq(3.0, x)
    assert p + q == pytest.approx(1.0, abs=1e-15)


def test_chi2_large_df_uses_the_stirling_form() -> None:
    # median of chi-square(df) ~ df (1 - 2/(9 df))^3; for large df the gamma kernel
    # takes the cancellation-free branch; the CDF at the quantile must return p
    for df in (30.0, 100.0, 400.0, 5000.0):
        x = chi2_ppf(0.5, df)
        assert chi2_cdf(x, df) == pytest.approx(0.5, abs=1e-12)
        assert x == pytest.approx(df * (1 - 2 / (9 * df)) ** 3, rel=1e-3)


def test_chi2_ppf_underflows_to_zero() -> None:
    assert chi2_ppf(1e-300, 1) == 0.0


def test_chi2_ppf_far_lower_tail_first_guess() -> None:
    # Wilson-Hilferty is negative here, so the series first guess is used
    x = chi2_ppf(1e-6, 3)
    assert chi2_cdf(x, 3) == pytest.approx(1e-6, rel=1e-10)


def test_next_bracket_point_branches() -> None:
    assert stats._next_bracket_point(1.0, math.inf, 3.0) == 6.0
    assert stats._next_bracket_point(0.0, 8.0, 5.0) == 4.0
    assert stats._next_bracket_point(1e-10, 1e10, 5.0) == pytest.approx(1.0)


@given(
    df=st.floats(min_value=0.5, max_value=400.0),
    p=st.floats(min_value=1e-6, max_value=1 - 1e-6),
)
def test_chi2_ppf_inverts_the_regularised_gamma(df: float, p: float) -> None:
    x = chi2_ppf(p, df)
    p_lower, _ = stats._gamma_pq(df / 2.0, x / 2.0)
    assert abs(p_lower - p) <= 1e-10
    assert abs(chi2_cdf(x, df) - p) <= 1e-10


@given(
    df=st.floats(min_value=0.5, max_value=400.0),
    p1=st.floats(min_value=1e-6, max_value=1 - 1e-6),
    p2=st.floats(min_value=1e-6, max_value=1 - 1e-6),
)
def test_chi2_ppf_is_monotone_in_p(df: float, p1: float, p2: float) -> None:
    low, high = sorted((p1, p2))
    assert chi2_ppf(low, df) <= chi2_ppf(high, df) * (1 + 1e-13)


@given(
    p=st.floats(min_value=1e-6, max_value=1 - 1e-6),
    df1=st.floats(min_value=0.5, max_value=400.0),
    df2=st.floats(min_value=0.5, max_value=400.0),
)
def test_chi2_ppf_is_monotone_in_df(p: float, df1: float, df2: float) -> None:
    low, high = sorted((df1, df2))
    assert chi2_ppf(p, low) <= chi2_ppf(p, high) * (1 + 1e-13)


# ============================================================================ properties

confidences = st.floats(min_value=0.01, max_value=0.999999)


@st.composite
def fractions(draw: st.DrawFn) -> tuple[int, int]:
    n = draw(st.integers(min_value=1, max_value=10**7))
    x = draw(st.one_of(st.integers(min_value=0, max_value=n), st.sampled_from([0, n])))
    return x, n


@given(fraction=fractions(), confidence=confidences)
def test_wilson_is_within_unit_interval_and_contains_p(
    fraction: tuple[int, int], confidence: float
) -> None:
    x, n = fraction
    ci = wilson_interval(x, n, confidence=confidence)
    assert 0.0 <= ci.lower <= x / n <= ci.upper <= 1.0


def _widens(narrow: Interval, wide: Interval) -> bool:
    slack = 1e-12 * max(1.0, abs(narrow.lower), abs(narrow.upper))
    return wide.lower <= narrow.lower + slack and wide.upper >= narrow.upper - slack


@given(fraction=fractions(), c1=confidences, c2=confidences)
def test_wilson_widens_with_confidence(fraction: tuple[int, int], c1: float, c2: float) -> None:
    low, high = sorted((c1, c2))
    x, n = fraction
    assert _widens(wilson_interval(x, n, confidence=low), wilson_interval(x, n, confidence=high))


@given(count=st.integers(min_value=0, max_value=5000), c1=confidences, c2=confidences)
def test_poisson_and_rate_intervals_widen_with_confidence(count: int, c1: float, c2: float) -> None:
    low, high = sorted((c1, c2))
    assert _widens(
        poisson_interval(count, confidence=low), poisson_interval(count, confidence=high)
    )
    assert _widens(
        rate_interval(count, 1234.5, per=1000, confidence=low),
        rate_interval(count, 1234.5, per=1000, confidence=high),
    )


@given(
    count=st.integers(min_value=BYAR_MIN_EVENTS, max_value=10**6), c1=confidences, c2=confidences
)
def test_byar_widens_with_confidence(count: int, c1: float, c2: float) -> None:
    low, high = sorted((c1, c2))
    assert _widens(byar_interval(count, confidence=low), byar_interval(count, confidence=high))


@given(count=st.integers(min_value=0, max_value=5000), confidence=confidences)
def test_exact_poisson_limits_bracket_the_count(count: int, confidence: float) -> None:
    ci = poisson_interval(count, confidence=confidence)
    assert 0.0 <= ci.lower <= count <= ci.upper
    assert (ci.lower == 0.0) == (count == 0)


@given(count=st.integers(min_value=0, max_value=300), confidence=confidences)
def test_exact_poisson_limits_have_the_stated_tail_probabilities(
    count: int, confidence: float
) -> None:
    # P(X >= O | mean = lower) = alpha/2 and P(X <= O | mean = upper) = alpha/2
    tail = (1 - confidence) / 2
    ci = poisson_interval(count, confidence=confidence)
    if count > 0:
        assert stats._gamma_pq(count, ci.lower)[0] == pytest.approx(tail, rel=1e-9)
    assert stats._gamma_pq(count + 1, ci.upper)[1] == pytest.approx(tail, rel=1e-9)


@given(count=st.integers(min_value=BYAR_MIN_EVENTS, max_value=20_000))
def test_byar_is_within_0_2_percent_of_exact_from_10_events(count: int) -> None:
    # PHE Technical Guide - Confidence Intervals (2018): Byar's is within 0.2% of exact for O >= 10
    exact = poisson_interval(count)
    byar = byar_interval(count)
    assert abs(byar.lower - exact.lower) <= 0.002 * exact.lower
    assert abs(byar.upper - exact.upper) <= 0.002 * exact.upper


@given(
    count=st.integers(min_value=DSR_MIN_EVENTS, max_value=10**5),
    population=st.floats(min_value=1.0, max_value=1e9),
    weight=st.floats(min_value=0.1, max_value=1e6),
    confidence=confidences,
)
def test_single_stratum_dsr_is_the_byar_crude_rate(
    count: int, population: float, weight: float, confidence: float
) -> None:
    result = dsr([count], [population], [weight], per=100_000, confidence=confidence)
    crude = rate(count, population, per=100_000, confidence=confidence)
    assert result.value == pytest.approx(crude.value, rel=1e-12)
    assert result.interval is not None
    assert result.interval.lower == pytest.approx(crude.interval.lower, rel=1e-9)
    assert result.interval.upper == pytest.approx(crude.interval.upper, rel=1e-9)


@given(
    strata=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=10**6)
        ),
        min_size=1,
        max_size=19,
    )
)
def test_dsr_with_the_area_as_standard_is_the_crude_rate(strata: list[tuple[int, int]]) -> None:
    counts = [c for c, _ in strata]
    pops = [n for _, n in strata]
    result = dsr(counts, pops, pops, per=1000)
    assert result.published == (sum(counts) >= DSR_MIN_EVENTS)
    if result.published:
        assert result.value is not None
        assert result.value == pytest.approx(sum(counts) / sum(pops) * 1000, rel=1e-12)
        assert result.interval is not None
        assert result.interval.lower <= result.value <= result.interval.upper


def _phe_sigma_adjustment(p: float, n: float, av: float, side: str) -> float:
    """PHEindicatormethods ``sigma_adjustment`` (multiplier 1), transcribed literally."""
    q = NormalDist().inv_cdf(p) ** 2
    first = av * (n / q + 1)
    adj = math.sqrt(
        (-8 * av * (n / q + 1)) ** 2
        - 64 * (1 / q + 1 / n) * av * (n * (av * (n / q + 2) - 1) + q * (av - 1))
    )
    last = 1 / q + 1 / n
    value = (first - adj / 8) / last if side == "low" else (first + adj / 8) / last
    return value / n


@given(
    n=st.integers(min_value=1, max_value=10**5),
    av=st.floats(min_value=0.001, max_value=0.999),
)
def test_proportion_funnel_equals_phe_sigma_adjustment(n: int, av: float) -> None:
    limits = proportion_funnel_limits(n, baseline=av)
    expected = {
        "lower_95": max(0.0, _phe_sigma_adjustment(0.975, n, av, "low")),
        "upper_95": min(1.0, _phe_sigma_adjustment(0.975, n, av, "high")),
        "lower_998": max(0.0, _phe_sigma_adjustment(0.999, n, av, "low")),
        "upper_998": min(1.0, _phe_sigma_adjustment(0.999, n, av, "high")),
    }
    for name, value in expected.items():
        assert getattr(limits, name) == pytest.approx(value, abs=1e-9), name


def _wilson_upper(x: float, n: float, z: float) -> float:
    return (2 * x + z * z + z * math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z))


@given(
    n=st.integers(min_value=1, max_value=10**6),
    av=st.floats(min_value=0.001, max_value=0.999),
)
def test_proportion_funnel_lower_limit_is_the_wilson_inversion(n: int, av: float) -> None:
    # the lower limit is the proportion whose Wilson upper limit touches the baseline
    limits = proportion_funnel_limits(n, baseline=av)
    assume(limits.lower_95 > 0)
    z = NormalDist().inv_cdf(0.975)
    assert _wilson_upper(limits.lower_95 * n, n, z) == pytest.approx(av, rel=1e-9)


@given(
    events=st.integers(min_value=1, max_value=2000),
    baseline=st.floats(min_value=0.01, max_value=1e4),
)
def test_rate_funnel_points_sit_on_the_exact_limits(events: int, baseline: float) -> None:
    points = rate_funnel_limits(events, baseline=baseline, per=100_000)
    for confidence, lower, upper in (
        (CONFIDENCE_95, points.lower_95, points.upper_95),
        (CONFIDENCE_998, points.lower_998, points.upper_998),
    ):
        exact = poisson_interval(events, confidence=confidence)
        # at the lower curve's population, the exact upper limit of the rate is the baseline
        assert exact.upper / lower.population * 100_000 == pytest.approx(baseline, rel=1e-9)
        assert exact.lower / upper.population * 100_000 == pytest.approx(baseline, rel=1e-9)
        assert lower.rate < baseline < upper.rate
    assert points.lower_998.rate < points.lower_95.rate
    assert points.upper_95.rate < points.upper_998.rate


# ============================================================================ funnels: other cases


@pytest.mark.parametrize(
    ("numerator", "expected"),
    [
        (10, FunnelSignificance.LOW_0_001),
        (14, FunnelSignificance.LOW_0_025),
        (26, FunnelSignificance.NOT_SIGNIFICANT),
        (36, FunnelSignificance.HIGH_0_025),
        (40, FunnelSignificance.HIGH_0_001),
    ],
)
def test_proportion_funnel_significance(numerator: int, expected: FunnelSignificance) -> None:
    # limits at n = 129, baseline 0.2: W30-W31
    assert proportion_funnel_significance(numerator, 129, baseline=0.2) is expected


def test_proportion_funnel_limits_are_clipped() -> None:
    limits = proportion_funnel_limits(1, baseline=0.5)
    assert limits.lower_998 == 0.0
    assert limits.upper_998 == 1.0
    assert proportion_funnel_limits(10, baseline=0.0) == stats.FunnelLimits(
        lower_998=0.0, lower_95=0.0, upper_95=0.0, upper_998=0.0
    )


def test_rate_funnel_significance_for_dsrs() -> None:
    assert (
        rate_funnel_significance(9, 61_400, baseline=1, per=10_000, standardised=True)
        is FunnelSignificance.NOT_APPLICABLE
    )
    assert rate_funnel_significance(
        377, 61_400, baseline=51, per=10_000, standardised=True
    ) is rate_funnel_significance(377, 61_400, baseline=51, per=10_000)


def test_rate_funnel_significance_with_no_events() -> None:
    # no events: lower limit 0, so the area can only be "Low" or not significant
    assert rate_funnel_significance(0, 100, baseline=0, per=1) is FunnelSignificance.NOT_SIGNIFICANT
    assert rate_funnel_significance(0, 100, baseline=0.1, per=1) is FunnelSignificance.LOW_0_001


def test_funnel_significance_wording_is_phe() -> None:
    assert [s.value for s in FunnelSignificance] == [
        "High (0.001)",
        "High (0.025)",
        "Low (0.001)",
        "Low (0.025)",
        "Not significant",
        "Not applicable for events less than 10 for dsrs",
    ]


# ============================================================================ two levels and types


def test_rate_two_level() -> None:
    two = rate_two_level(377, 61_400, per=10_000)
    assert two.ci95 == rate_interval(377, 61_400, per=10_000)
    assert two.ci998 == rate_interval(377, 61_400, per=10_000, confidence=0.998)
    assert two.ci998.lower < two.ci95.lower < two.ci95.upper < two.ci998.upper


def test_wilson_two_level() -> None:
    two = wilson_two_level(17, 25)
    assert two.ci95.confidence == CONFIDENCE_95
    assert two.ci998.confidence == CONFIDENCE_998
    assert two.ci998.lower < two.ci95.lower


def test_method_values() -> None:
    assert [m.value for m in Method] == ["wilson", "exact poisson", "byar", "dobson"]


def test_interval_is_frozen_and_keyword_only() -> None:
    ci = wilson_interval(1, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ci.lower = 0.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        Interval(0.1, 0.2, 0.95, Method.WILSON)  # type: ignore[call-arg]


def test_public_names_exist() -> None:
    for name in stats.__all__:
        assert hasattr(stats, name), name


# ============================================================================ validation


untyped: Any = stats  # the checks below pass wrongly typed arguments on purpose


def _field_of(call: Callable[[], object]) -> str:
    with pytest.raises(InvalidInputError) as info:
        call()
    assert isinstance(info.value, ValueError)
    return info.value.field


@pytest.mark.parametrize(
    ("call", "field"),
    [
        # proportions
        (lambda: untyped.wilson_interval(-1, 5), "numerator"),
        (lambda: untyped.wilson_interval(6, 5), "numerator"),
        (lambda: untyped.wilson_interval(1.0, 5), "numerator"),
        (lambda: untyped.wilson_interval(True, 5), "numerator"),
        (lambda: untyped.wilson_interval(0, 0), "denominator"),
        (lambda: untyped.wilson_interval(1, 5.0), "denominator"),
        (lambda: untyped.wilson_interval(1, 5, confidence=0), "confidence"),
        (lambda: untyped.wilson_interval(1, 5, confidence=1), "confidence"),
        (lambda: untyped.wilson_interval(1, 5, confidence=95), "confidence"),
        (lambda: untyped.wilson_interval(1, 5, confidence=-0.5), "confidence"),
        (lambda: untyped.wilson_interval(1, 5, confidence=math.nan), "confidence"),
        (lambda: untyped.wilson_interval(1, 5, confidence="0.95"), "confidence"),
        (lambda: untyped.wilson_interval(1, 5, confidence=True), "confidence"),
        (lambda: untyped.proportion(1, 5, per=0), "per"),
        (lambda: untyped.wilson_two_level(3, 2), "numerator"),
        # counts and rates
        (lambda: untyped.poisson_interval(-1), "count"),
        (lambda: untyped.poisson_interval(2.5), "count"),
        (lambda: untyped.poisson_interval(2, confidence=1.0), "confidence"),
        (lambda: untyped.byar_interval(0), "count"),
        (lambda: untyped.byar_interval(1, confidence=0.998), "count"),  # negative Byar lower limit
        (lambda: untyped.count_interval(-3), "count"),
        (lambda: untyped.rate_interval(-1, 100, per=1000), "count"),
        (lambda: untyped.rate_interval(1, 0, per=1000), "population"),
        (lambda: untyped.rate_interval(1, -5.0, per=1000), "population"),
        (lambda: untyped.rate_interval(1, math.inf, per=1000), "population"),
        (lambda: untyped.rate_interval(1, 10**400, per=1000), "population"),
        (lambda: untyped.rate_interval(1, "100", per=1000), "population"),
        (lambda: untyped.rate_interval(1, 100, per=0), "per"),
        (lambda: untyped.rate(1, 100, per=1000, confidence=2), "confidence"),
        (lambda: untyped.rate_two_level(1, 0, per=10), "population"),
        # chi-square
        (lambda: untyped.chi2_ppf(0, 2), "p"),
        (lambda: untyped.chi2_ppf(1, 2), "p"),
        (lambda: untyped.chi2_ppf(0.5, 0), "df"),
        (lambda: untyped.chi2_ppf(0.5, -1), "df"),
        (lambda: untyped.chi2_ppf(0.5, math.inf), "df"),
        (lambda: untyped.chi2_cdf(-1.0, 2), "x"),
        (lambda: untyped.chi2_cdf(1.0, 0), "df"),
        (lambda: untyped.chi2_cdf(math.nan, 2), "x"),
        (lambda: untyped.two_sided_z(1.5), "confidence"),
        # DSR
        (lambda: untyped.dsr(5, [1], [1], per=1), "events"),
        (lambda: untyped.dsr("123", [1], [1], per=1), "events"),
        (lambda: untyped.dsr([], [], [], per=1), "events"),
        (lambda: untyped.dsr([-1], [1], [1], per=1), "events[0]"),
        (lambda: untyped.dsr([1, 2.0], [1, 1], [1, 1], per=1), "events[1]"),
        (lambda: untyped.dsr([1, 2], [1, 0], [1, 1], per=1), "populations[1]"),
        (lambda: untyped.dsr([1, 2], [1], [1, 1], per=1), "populations"),
        (lambda: untyped.dsr([1, 2], [1, 1], [1], per=1), "standard_populations"),
        (lambda: untyped.dsr([1, 2], [1, 1], [1, -1], per=1), "standard_populations"),
        (lambda: untyped.dsr([1, 2], [1, 1], [0, 0], per=1), "standard_populations"),
        (lambda: untyped.dsr([1, 2], [1, 1], [1, "x"], per=1), "standard_populations[1]"),
        (lambda: untyped.dsr([1], [1], [1], per=-1), "per"),
        (lambda: untyped.dsr([1], [1], [1], per=1, confidence=0), "confidence"),
        # funnels
        (lambda: untyped.proportion_funnel_limits(0, baseline=0.5), "denominator"),
        (lambda: untyped.proportion_funnel_limits(10, baseline=1.5), "baseline"),
        (lambda: untyped.proportion_funnel_limits(10, baseline=-0.1), "baseline"),
        (lambda: untyped.proportion_funnel_significance(11, 10, baseline=0.5), "numerator"),
        (lambda: untyped.proportion_funnel_significance(1, 0, baseline=0.5), "denominator"),
        (lambda: untyped.rate_funnel_limits(0, baseline=1, per=1), "events"),
        (lambda: untyped.rate_funnel_limits(1, baseline=0, per=1), "baseline"),
        (lambda: untyped.rate_funnel_limits(1, baseline=1, per=0), "per"),
        (
            lambda: untyped.rate_funnel_limits(1, baseline=1, per=1, years_of_data=0),
            "years_of_data",
        ),
        (lambda: untyped.rate_funnel_significance(-1, 10, baseline=1, per=1), "events"),
        (lambda: untyped.rate_funnel_significance(1, 0, baseline=1, per=1), "population"),
        (lambda: untyped.rate_funnel_significance(1, 10, baseline=1, per=0), "per"),
        (lambda: untyped.rate_funnel_significance(1, 10, baseline=-1, per=1), "baseline"),
        (lambda: untyped.rate_funnel_significance(1, 10, baseline=math.nan, per=1), "baseline"),
        (lambda: untyped.spc_proportion_limits(0, benchmark=0.2), "denominator"),
        (lambda: untyped.spc_proportion_limits(10, benchmark=1.2), "benchmark"),
        (lambda: untyped.spc_proportion_limits(10, benchmark=0.2, confidence=1), "confidence"),
        # result types
        (
            lambda: untyped.Interval(lower=2.0, upper=1.0, confidence=0.95, method=Method.BYAR),
            "lower",
        ),
        (
            lambda: untyped.Interval(lower=0.0, upper=1.0, confidence=1.0, method=Method.BYAR),
            "confidence",
        ),
        (
            lambda: untyped.Interval(lower=0.0, upper=math.inf, confidence=0.9, method=Method.BYAR),
            "upper",
        ),
        (lambda: untyped.Interval(lower=0.0, upper=1.0, confidence=0.9, method="byar"), "method"),
        (
            lambda: untyped.StandardisedRate(events=10, population=1.0, value=1.0, interval=None),
            "interval",
        ),
        (
            lambda: untyped.StandardisedRate(events=-1, population=1.0, value=None, interval=None),
            "events",
        ),
    ],
)
def test_invalid_input_names_the_argument(call: Callable[[], object], field: str) -> None:
    assert _field_of(call) == field
