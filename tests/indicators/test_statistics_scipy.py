"""Exact Poisson limits against scipy (a test-only oracle) on a grid of counts 0 to 1,000."""

import pytest
from scipy.stats import chi2

from safeguarding.indicators.statistics import Method, poisson_interval


@pytest.mark.parametrize("confidence", [0.95, 0.998])
def test_exact_limits_agree_with_scipy_chi2_ppf(confidence):
    alpha = 1 - confidence
    worst = 0.0
    for count in range(1001):
        interval = poisson_interval(count, confidence=confidence)
        assert interval.method is Method.EXACT_POISSON
        lower = 0.0 if count == 0 else chi2.ppf(alpha / 2, 2 * count) / 2
        upper = chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
        assert interval.lower == pytest.approx(lower, rel=1e-9, abs=1e-12), count
        assert interval.upper == pytest.approx(upper, rel=1e-9), count
        if count:
            worst = max(worst, abs(interval.lower - lower) / lower)
        worst = max(worst, abs(interval.upper - upper) / upper)
    assert worst < 1e-12  # measured: 2.2e-15
