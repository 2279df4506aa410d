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
    YearOnYearChange,
    compare_intervals,
    compare_with_benchmark,
    progress_towards_target,
    rag,
    year_on_year_change,
)
from safeguarding.indicators.publication import round_half_up
from safeguarding.indicators.statistics import Interval, Method, wilson_interval, wilson_two_level

LOW = Polarity.LOW_IS_GOOD
HIGH = Polarity.HIGH_IS_GOOD
NONE = Polarity.NO_JUDGEMENT


# Golden cases: rows W40-W43 of tests/data/indicator_reference_values.md, following the
# Fingertips comparers: benchmark value inside the area's 95% CI -> similar; two CI levels for
# better/best (ukhsa-collaboration/fingertips-open,
# PholioVisualisationWS/Analysis/SingleOverlappingCIsForOneCILevelComparer.cs; and
# dhsc-govuk/FingertipsNext, BenchmarkComparisonEngine.cs).
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


# Lewisham partnership page "Identify and protect children and young people at risk of harm",
# performance-measure table: targets 2017/18 against 2014/15 baselines.
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
    # Same page: CP plans per 10,000, baseline 61.4 (2014/15), target 40 (2017/18).
    assert progress_towards_target(61.4, 61.4, 40.0) == 0
    assert progress_towards_target(61.4, 40.0, 40.0) == 1
    assert progress_towards_target(61.4, 70.0, 40.0) < 0
    assert progress_towards_target(26, 40, 40) == 1  # MARAC victims, high is good


# Golden: Lewisham Safeguarding Children Board, Annual Report 2018/19, "Local Authority
# Designated Officer (LADO)" (p. 20): "the LADO received 342 contacts, an increase of 10 since
# the previous year".
def test_year_on_year_lado_contacts():
    change = year_on_year_change(342, 332)
    assert change.absolute == 10
    assert change.relative == pytest.approx(10 / 332)
    assert change.explain() == "Up 10 (3.0%) from 332 to 342."


# Golden: same report, "Private Fostering" (p. 20): "25 notifications ... a decrease from
# 2017/18 (No.43)".
def test_year_on_year_private_fostering_notifications():
    change = year_on_year_change(25, 43)
    assert change.absolute == -18
    assert change.relative == pytest.approx(-18 / 43)
    assert change.explain() == "Down 18 (41.9%) from 43 to 25."


# Golden: Lewisham partnership page "Identify and protect children and young people at risk of
# harm", "Why this is a priority": "In March 2015, there were 377 children subject to a child
# protection plan an increase of 73 cases on the previous year".
def test_year_on_year_child_protection_plans():
    change = year_on_year_change(377, 377 - 73)
    assert change.explain() == "Up 73 (24.0%) from 304 to 377."


# Golden: same page: "The number of contacts in March 2015 was 2257 which is 15%
# higher than the same point the previous year". The previous count is not printed: the
# counts that give 15% (to the whole percent) are 1,955 to 1,971.
def test_year_on_year_front_door_contacts():
    fifteen = {
        previous
        for previous in range(1_800, 2_100)
        if round_half_up((year_on_year_change(2257, previous).relative or 0.0) * 100, 0) == 15
    }
    assert fifteen == set(range(1_955, 1_972))
    assert year_on_year_change(2257, 1963).explain() == "Up 294 (15.0%) from 1,963 to 2,257."


def test_year_on_year_without_a_previous_figure_or_a_change():
    rise = year_on_year_change(5, 0)
    assert (rise.absolute, rise.relative) == (5, None)
    assert rise.explain() == "Up 5 from 0 to 5 (no percentage: the previous year was 0)."
    assert year_on_year_change(0, 0).relative is None
    assert year_on_year_change(0, 0).explain() == "No change: 0 in both years."
    same = year_on_year_change(18_706, 18_706)
    assert (same.absolute, same.relative) == (0, 0)
    assert same.explain() == "No change: 18,706 in both years."
    assert year_on_year_change(22.2, 20.5).explain() == "Up 1.7 (8.3%) from 20.5 to 22.2."
    for current, previous in ((1e308, 5e-324), (1.0, 1e-120), (1e14, 1.0)):
        huge = year_on_year_change(current, previous)
        assert huge.explain().endswith("(too large a rise to show as a percentage).")
    assert year_on_year_change(1e12, 1.0).explain().startswith("Up 1e+12 (99999999999900.0%)")


@pytest.mark.parametrize(
    ("current", "previous", "field"),
    [
        (-1, 5, "current"),
        (5, -0.5, "previous"),
        (math.nan, 5, "current"),
        (5, math.inf, "previous"),
        (True, 5, "current"),
        (5, "4", "previous"),
    ],
)
def test_year_on_year_bad_input_names_the_field(current, previous, field):
    with pytest.raises(InvalidInputError) as info:
        year_on_year_change(current, previous)
    assert info.value.field == field
    with pytest.raises(InvalidInputError) as info:
        YearOnYearChange(current=current, previous=previous)
    assert info.value.field == field


@given(
    st.floats(min_value=0, max_value=1e9),
    st.floats(min_value=0, max_value=1e9),
)
def test_year_on_year_change_adds_back_up(current, previous):
    change = year_on_year_change(current, previous)
    scale = max(current, previous)
    assert change.previous + change.absolute == pytest.approx(current, abs=1e-9 * scale)
    assert (change.relative is None) == (previous == 0)
    if previous >= 1e-3:  # nearer 0 the quotient can overflow
        assert change.relative is not None
        assert previous * (1 + change.relative) == pytest.approx(current, abs=1e-9 * scale)
    direction = "Up" if current > previous else "Down" if current < previous else "No change"
    assert change.explain().startswith(direction)
