import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.errors import InvalidInputError
from safeguarding.indicators.comparison import (
    ComparisonMethod,
    Polarity,
    Rag,
    Significance,
    compare_intervals,
    compare_with_benchmark,
    progress_towards_target,
    rag,
)
from safeguarding.indicators.statistics import Interval, Method, wilson_interval, wilson_two_level

LOW = Polarity.LOW_IS_GOOD
HIGH = Polarity.HIGH_IS_GOOD
NONE = Polarity.NO_JUDGEMENT


# Golden cases: the fact sheet's worked examples W40-W43 (indicators.md, reference table),
# following Fingertips' comparers (section 3.5).
def test_w40_single_level_better():
    result = compare_with_benchmark(wilson_interval(18, 129), 0.22, polarity=LOW)
    assert result.significance is Significance.BETTER
    assert result.method is ComparisonMethod.SINGLE_OVERLAP


def test_w41_two_levels_better_not_best():
    two = wilson_two_level(18, 129)
    result = compare_with_benchmark(two.ci95, 0.22, polarity=LOW, outer=two.ci998)
    assert result.significance is Significance.BETTER
    assert result.method is ComparisonMethod.SINGLE_OVERLAP_TWO_LEVELS


def test_w42_two_levels_best():
    two = wilson_two_level(18, 129)
    result = compare_with_benchmark(two.ci95, 0.30, polarity=LOW, outer=two.ci998)
    assert result.significance is Significance.BEST
    assert "99.8%" in result.explain()


def test_w43_similar():
    result = compare_with_benchmark(wilson_interval(17, 25), 0.784, polarity=HIGH)
    assert result.significance is Significance.SIMILAR
    assert result.explain().startswith("Similar: the area's 95.0% interval")


def test_benchmark_on_a_limit_is_similar():
    ci = Interval(lower=0.1, upper=0.3, confidence=0.95, method=Method.WILSON)
    for benchmark in (0.1, 0.3):
        assert compare_with_benchmark(ci, benchmark, polarity=HIGH).significance is (
            Significance.SIMILAR
        )


@pytest.mark.parametrize(
    ("benchmark", "polarity", "inner", "outer"),
    [
        (0.05, HIGH, Significance.BETTER, Significance.BEST),
        (0.05, LOW, Significance.WORSE, Significance.WORST),
        (0.05, NONE, Significance.HIGHER, Significance.HIGHER),
        (0.95, HIGH, Significance.WORSE, Significance.WORST),
        (0.95, LOW, Significance.BETTER, Significance.BEST),
        (0.95, NONE, Significance.LOWER, Significance.LOWER),
    ],
)
def test_labels_by_polarity(benchmark, polarity, inner, outer):
    two = wilson_two_level(50, 100)
    assert compare_with_benchmark(two.ci95, benchmark, polarity=polarity).significance is inner
    assert (
        compare_with_benchmark(two.ci95, benchmark, polarity=polarity, outer=two.ci998).significance
        is outer
    )


FLIP = {
    Significance.BETTER: Significance.WORSE,
    Significance.WORSE: Significance.BETTER,
    Significance.BEST: Significance.WORST,
    Significance.WORST: Significance.BEST,
    Significance.SIMILAR: Significance.SIMILAR,
}


@given(
    n=st.integers(min_value=1, max_value=5000),
    data=st.data(),
    benchmark=st.floats(min_value=0, max_value=1),
    two_levels=st.booleans(),
)
def test_comparisons_flip_consistently_with_polarity(n, data, benchmark, two_levels):
    x = data.draw(st.integers(min_value=0, max_value=n))
    two = wilson_two_level(x, n)
    outer = two.ci998 if two_levels else None
    high = compare_with_benchmark(two.ci95, benchmark, polarity=HIGH, outer=outer)
    low = compare_with_benchmark(two.ci95, benchmark, polarity=LOW, outer=outer)
    plain = compare_with_benchmark(two.ci95, benchmark, polarity=NONE, outer=outer)
    assert low.significance is FLIP[high.significance]
    direction = {
        Significance.HIGHER: 1,
        Significance.LOWER: -1,
        Significance.SIMILAR: 0,
    }[plain.significance]
    good = {Significance.BETTER: 1, Significance.BEST: 1, Significance.SIMILAR: 0}
    assert good.get(high.significance, -1) == direction


def test_peer_comparison():
    a, b = wilson_interval(17, 25), wilson_interval(5, 25)
    result = compare_intervals(a, b, polarity=HIGH)
    assert result.significance is Significance.BETTER
    assert "peer's interval" in result.explain()
    assert compare_intervals(b, a, polarity=HIGH).significance is Significance.WORSE
    assert compare_intervals(a, wilson_interval(15, 25), polarity=HIGH).significance is (
        Significance.SIMILAR
    )
    with pytest.raises(InvalidInputError, match="peer"):
        compare_intervals(a, wilson_interval(5, 25, confidence=0.998), polarity=HIGH)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: compare_with_benchmark("x", 0.2, polarity=HIGH), "interval"),  # type: ignore[arg-type]
        (
            lambda: compare_with_benchmark(wilson_interval(1, 2), math.nan, polarity=HIGH),
            "benchmark",
        ),
        (lambda: compare_with_benchmark(wilson_interval(1, 2), True, polarity=HIGH), "benchmark"),
        (lambda: compare_with_benchmark(wilson_interval(1, 2), 0.2, polarity="low"), "polarity"),  # type: ignore[arg-type]
        (
            lambda: compare_with_benchmark(wilson_interval(1, 2), 0.2, polarity=HIGH, outer="x"),  # type: ignore[arg-type]
            "outer",
        ),
        (
            lambda: compare_with_benchmark(
                wilson_interval(1, 2, confidence=0.998),
                0.2,
                polarity=HIGH,
                outer=wilson_interval(1, 2),
            ),
            "outer",
        ),
        (lambda: compare_intervals("x", wilson_interval(1, 2), polarity=HIGH), "interval"),  # type: ignore[arg-type]
        (lambda: compare_intervals(wilson_interval(1, 2), None, polarity=HIGH), "peer"),  # type: ignore[arg-type]
        (
            lambda: compare_intervals(wilson_interval(1, 2), wilson_interval(1, 2), polarity=1),  # type: ignore[arg-type]
            "polarity",
        ),
        (lambda: rag(1.0, target=2.0, polarity=NONE), "polarity"),
        (lambda: rag(1.0, target=math.inf, polarity=HIGH), "target"),
        (lambda: rag("1", target=2.0, polarity=HIGH), "value"),  # type: ignore[arg-type]
        (lambda: rag(1.0, target=2.0, polarity=HIGH, amber_from=3.0), "amber_from"),
        (lambda: progress_towards_target(1.0, 2.0, 1.0), "target"),
        (lambda: progress_towards_target(1.0, None, 3.0), "latest"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_names_the_field(call, field):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


def test_comparison_model_validates_optional_fields():
    ci = wilson_interval(1, 2)
    result = compare_with_benchmark(ci, 0.5, polarity=HIGH)
    import attrs

    with pytest.raises(InvalidInputError, match="benchmark"):
        attrs.evolve(result, benchmark="0.5")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="outer"):
        attrs.evolve(result, outer="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="peer"):
        attrs.evolve(result, peer="x")  # type: ignore[arg-type]


# Seed 000 (Lewisham priority page): targets 2017/18 against 2014/15 baselines.
@pytest.mark.parametrize(
    ("value", "target", "polarity", "amber_from", "expected"),
    [
        (61.4, 40.0, LOW, None, Rag.RED),  # CP plans per 10,000 at baseline
        (40.0, 40.0, LOW, None, Rag.GREEN),  # on target exactly
        (13.5, 9.0, LOW, 12.0, Rag.RED),  # % repeat plans at baseline
        (11.0, 9.0, LOW, 12.0, Rag.AMBER),
        (26, 40, HIGH, 30, Rag.RED),  # MARAC victims at baseline
        (35, 40, HIGH, 30, Rag.AMBER),
        (41, 40, HIGH, 30, Rag.GREEN),
    ],
)
def test_rag(value, target, polarity, amber_from, expected):
    assert rag(value, target=target, polarity=polarity, amber_from=amber_from) is expected


def test_progress_towards_target():
    # Seed 000: CP plans per 10,000, baseline 61.4 (2014/15), target 40 (2017/18).
    assert progress_towards_target(61.4, 61.4, 40.0) == 0
    assert progress_towards_target(61.4, 40.0, 40.0) == 1
    assert progress_towards_target(61.4, 70.0, 40.0) < 0
    assert progress_towards_target(26, 40, 40) == 1  # MARAC victims, high is good
