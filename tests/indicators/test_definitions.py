import datetime as dt
import json

import attrs
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.indicators.catalogue import (
    CATALOGUE,
    DFE_MEASURES,
    LEWISHAM_TARGETS,
    indicator,
    target,
)
from safeguarding.indicators.comparison import Polarity, Rag
from safeguarding.indicators.definitions import (
    Count,
    Indicator,
    IndicatorValue,
    Kind,
    Period,
    Tally,
    to_dataframe,
    to_records,
)
from safeguarding.indicators.statistics import Method
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies import indicator_values

YEAR = Period.financial_year(2018)


def test_financial_year():
    assert YEAR.start == dt.date(2018, 4, 1)
    assert YEAR.end == dt.date(2019, 3, 31)
    assert YEAR.label == "2018-19"
    assert Period.financial_year(1999).label == "1999-00"
    assert YEAR.contains(dt.date(2019, 3, 31))
    assert not YEAR.contains(dt.date(2019, 4, 1))
    with pytest.raises(InvalidInputError, match="year"):
        Period.financial_year(9999)
    with pytest.raises(InvalidInputError, match="end"):
        Period(start=dt.date(2020, 1, 2), end=dt.date(2020, 1, 1), label="x")


# Golden: Lewisham partnership page "Identify and protect children and young people at risk of
# harm" (377 children on a plan in March 2015; 61.4 per 10,000, the 2014/15 baseline), which
# implies about 61,400 children; Byar's limits as in row W16 of
# tests/data/indicator_reference_values.md.
def test_rate_value_with_byar_interval():
    value = indicator("dfe.cp_plans_rate").compute(377, 61_400, period=YEAR)
    assert value.formatted() == "61.4"
    assert value.method is Method.BYAR
    assert value.interval is not None
    assert value.interval.lower == pytest.approx(55.3582, rel=1e-5)
    assert value.interval.upper == pytest.approx(67.9226, rel=1e-5)


def test_small_rate_uses_exact_limits():
    value = indicator("dfe.s47_rate").compute(7, 61_400, period=YEAR)  # row W18
    assert value.method is Method.EXACT_POISSON
    assert value.interval is not None
    assert value.interval.lower == pytest.approx(0.458365, rel=1e-5)


def test_proportion_value_scaled_to_percent():
    # Lewisham LSCB Annual Report 2018/19, "Local Authority Designated Officer (LADO)" (p. 20):
    # 18 of 129 concluded allegations substantiated (14%); Wilson interval as in row W4 of
    # tests/data/indicator_reference_values.md.
    value = indicator("dfe.re_referrals_12_months").compute(18, 129, period=YEAR)
    assert value.value == pytest.approx(13.9535, rel=1e-5)
    assert value.interval is not None
    assert value.interval.lower == pytest.approx(9.01202, rel=1e-5)
    assert value.interval.upper == pytest.approx(20.9797, rel=1e-5)
    assert value.formatted() == "14.0"


def test_count_value():
    # Lewisham partnership page "Identify and protect children and young people at risk of
    # harm", performance-measure table: 26 MARAC victims at baseline (2014/15).
    value = indicator("lewisham.marac_victims").compute(26, 999, period=YEAR)
    assert value.value == 26
    assert value.denominator == 0
    assert value.method is Method.BYAR


def test_no_denominator_no_value():
    value = indicator("dfe.assessments_within_45_days").compute(0, 0, period=YEAR)
    assert value.value is None
    assert value.interval is None
    assert value.method is None
    assert value.formatted() == "z"
    record = value.to_record()
    assert record["lower"] is None
    assert record["method"] is None


def test_to_records_and_dataframe():
    values = Tally(
        counts={
            "dfe.cp_plans_rate": Count(numerator=377, denominator=61_400),
            "training.attendance_against_places": Count(numerator=65, denominator=80),
        }
    ).values(
        [indicator("dfe.cp_plans_rate"), indicator("training.attendance_against_places")],
        period=YEAR,
    )
    records = to_records(values)
    assert [r["key"] for r in records] == [
        "dfe.cp_plans_rate",
        "training.attendance_against_places",
    ]
    # Lewisham LSCB Annual Report 2018/19, "Training Summary 2018-2019" (from p. 45 in the
    # contents), Designated Safeguarding Leads course: "65 individuals attended training (81.3%)".
    assert records[1]["formatted"] == "81.3"
    json.dumps(records)  # plain values only
    frame = to_dataframe(values)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["key"]) == [r["key"] for r in records]
    assert frame.loc[0, "numerator"] == 377


def test_small_counts_are_suppressed_in_records_but_not_in_values():
    value = indicator("dfe.re_referrals_12_months").compute(3, 40, period=YEAR)
    record = value.to_record()
    assert record["numerator"] == 3
    assert record["value"] == 7.5
    assert record["numerator_published"] == "c"
    # 7.5% of 40 would give the 3 away: the percentage is suppressed with its count.
    assert record["formatted"] == "c"
    assert value.formatted() == "7.5"


def test_a_suppressed_count_suppresses_its_rate_and_a_plain_count():
    rate = indicator("dfe.cp_plans_rate").compute(5, 61_400, period=YEAR).to_record()
    assert (rate["numerator_published"], rate["formatted"]) == ("c", "c")
    count = indicator("lewisham.marac_victims").compute(4, period=YEAR).to_record()
    assert (count["numerator_published"], count["formatted"]) == ("c", "c")
    shown = indicator("dfe.re_referrals_12_months").compute(6, 40, period=YEAR).to_record()
    assert (shown["numerator_published"], shown["formatted"]) == ("6", "15.0")
    zero = indicator("dfe.re_referrals_12_months").compute(0, 40, period=YEAR).to_record()
    assert (zero["numerator_published"], zero["formatted"]) == ("0", "0.0")


def test_a_value_that_cannot_be_computed_stays_not_applicable():
    record = indicator("dfe.cp_plans_rate").compute(3, 0, period=YEAR).to_record()
    assert (record["numerator_published"], record["formatted"], record["value"]) == ("c", "z", None)


@given(indicator_values())
def test_records_keep_the_numbers_and_suppress_only_publication_fields(value: IndicatorValue):
    record = value.to_record()
    assert record["value"] == value.value
    assert record["numerator"] == value.numerator
    assert record["denominator"] == value.denominator
    interval = value.interval
    if interval is None:
        assert (record["lower"], record["upper"], record["confidence"], record["method"]) == (
            None,
            None,
            None,
            None,
        )
    else:
        assert record["lower"] == interval.lower
        assert record["upper"] == interval.upper
        assert record["confidence"] == interval.confidence
        assert record["method"] == interval.method.value
    suppressed = 1 <= value.numerator <= 5
    assert (record["numerator_published"] == "c") == suppressed
    if suppressed and value.value is not None:
        assert record["formatted"] == "c"
    else:
        assert record["formatted"] == value.formatted()


counts = st.builds(
    Count,
    numerator=st.integers(min_value=0, max_value=10**6),
    denominator=st.integers(min_value=0, max_value=10**6),
)
keys = st.sampled_from(["a.x", "a.y", "b.z"])
tallies = st.dictionaries(keys, counts, max_size=3).map(lambda c: Tally(counts=c))


@given(a=tallies, b=tallies, c=tallies)
def test_tally_addition_is_associative_and_commutative(a, b, c):
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a
    assert a + Tally() == a


@given(
    records=st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=60),
    cut=st.data(),
)
def test_merged_tally_equals_tally_of_pooled_records(records, cut):
    """Split a list of case records anywhere: the merged tallies give the pooled value."""

    def tally(rows):
        return Tally(
            counts={
                "dfe.re_referrals_12_months": Count(
                    numerator=sum(1 for counted, _ in rows if counted),
                    denominator=len(rows),
                )
            }
        )

    i = cut.draw(st.integers(min_value=0, max_value=len(records)))
    j = cut.draw(st.integers(min_value=i, max_value=len(records)))
    merged = tally(records[:i]) + tally(records[i:j]) + tally(records[j:])  # type: ignore[no-untyped-call]
    measure = [indicator("dfe.re_referrals_12_months")]
    assert merged.values(measure, period=YEAR) == tally(records).values(measure, period=YEAR)  # type: ignore[no-untyped-call]


def test_tally_count_and_bad_input():
    tally = Tally(counts={"x.y": Count(numerator=1, denominator=2)})
    assert tally.count("x.y") == Count(numerator=1, denominator=2)
    assert tally.count("missing.key") == Count()
    with pytest.raises(InvalidInputError, match="counts"):
        Tally(counts=[("x.y", Count())])  # type: ignore[arg-type,unused-ignore]
    with pytest.raises(InvalidInputError, match="counts"):
        Tally(counts={"Bad Key": Count()})
    with pytest.raises(InvalidInputError, match=r"counts\['x.y'\]"):
        Tally(counts={"x.y": (1, 2)})  # type: ignore[dict-item,unused-ignore]
    with pytest.raises(TypeError):
        Count() + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Tally() + 1  # type: ignore[operator]


def test_tally_round_trips_through_json():
    tally = Tally(counts={"b.z": Count(numerator=1, denominator=2), "a.x": Count(numerator=3)})
    assert list(tally.counts) == ["a.x", "b.z"]
    assert from_json(to_json(tally), Tally) == tally


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: indicator("dfe.cp_plans_subsequent").compute(5, 4, period=YEAR), "numerator"),
        (lambda: indicator("dfe.cp_plans_rate").compute(-1, 4, period=YEAR), "numerator"),
        (lambda: indicator("dfe.cp_plans_rate").compute(1, 4.5, period=YEAR), "denominator"),  # type: ignore[arg-type]
        (lambda: indicator("dfe.cp_plans_rate").compute(1, 4, period="2018-19"), "period"),  # type: ignore[arg-type]
        (lambda: indicator("no.such"), "key"),
        (lambda: target("dfe.referrals_rate"), "key"),
        (lambda: target("lewisham.cse_cases_managed").rag(30), "target"),
        (lambda: target("lewisham.cse_cases_managed").progress(30), "target"),
    ],
)
def test_bad_input(call, field):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


def test_indicator_validation():
    base = attrs.asdict(indicator("dfe.referrals_rate"), recurse=False)
    with pytest.raises(InvalidInputError, match="denominator"):
        Indicator(**{**base, "kind": Kind.COUNT})
    with pytest.raises(InvalidInputError, match="denominator"):
        Indicator(**{**base, "denominator": " "})
    with pytest.raises(InvalidInputError, match="key"):
        Indicator(**{**base, "key": "Referrals"})
    value = indicator("dfe.referrals_rate").compute(10, 100, period=YEAR)
    with pytest.raises(InvalidInputError, match="interval"):
        attrs.evolve(value, interval=None)
    with pytest.raises(InvalidInputError, match="interval"):
        attrs.evolve(value, interval="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="value"):
        attrs.evolve(value, value="1")  # type: ignore[arg-type]


def test_catalogue_keys_unique_and_described():
    keys = [item.key for item in CATALOGUE]
    assert len(keys) == len(set(keys))
    assert len(DFE_MEASURES) == 10
    for item in CATALOGUE:
        assert item.formula
        assert item.source.status.value in {"primary", "secondary", "unverified"}
    assert indicator("lewisham.marac_victims").formula.startswith("count of")
    assert "x 10,000" in indicator("dfe.cla_rate").formula


# Golden: Lewisham partnership page "Identify and protect children and young people at risk of
# harm", table "How we will know if we have been successful": baselines 2014/15, targets 2017/18.
def test_lewisham_targets():
    assert {t.key for t in LEWISHAM_TARGETS} <= {i.key for i in CATALOGUE}
    plans = target("lewisham.cp_plans_rate")
    assert (plans.baseline, plans.target) == (61.4, 40.0)
    assert plans.rag(61.4) is Rag.RED
    assert plans.rag(39.9) is Rag.GREEN
    assert plans.progress(40.0) == pytest.approx(1.0)
    repeat = target("lewisham.cp_plans_subsequent")
    assert (repeat.baseline, repeat.target, repeat.aim) == (13.5, 9.0, Polarity.LOW_IS_GOOD)
    marac = target("lewisham.marac_victims")
    assert marac.monitored_by == "Safer Lewisham Partnership"
    assert marac.rag(40) is Rag.GREEN
    assert target("lewisham.injury_admissions_0_14").target == 84.6
    assert target("lewisham.cse_cases_managed").target is None


def test_value_model_round_trip():
    value = indicator("dfe.cp_plans_rate").compute(377, 61_400, period=YEAR)
    assert from_json(to_json(value), IndicatorValue) == value


def test_rule_dependency_is_dated():
    from safeguarding.indicators.publication import suppress

    with pytest.raises(RuleNotInForceError):
        suppress(1, on=dt.date(2000, 1, 1))


def test_every_result_converts_to_plain_rows():
    import datetime as dt
    import json

    from safeguarding.indicators.comparison import (
        Polarity,
        compare_with_benchmark,
        year_on_year_change,
    )
    from safeguarding.indicators.publication import check_published, check_total
    from safeguarding.indicators.statistics import proportion, proportion_funnel_limits, rate

    results = [
        proportion(18, 129),
        rate(7, 10_000),
        compare_with_benchmark(proportion(18, 129).interval, 0.3, polarity=Polarity.LOW_IS_GOOD),
        check_published(4170, 18706, 22.2, decimals=1),
        check_total([10, 20], 30),
        proportion_funnel_limits(100, baseline=0.2),
        year_on_year_change(342, 332),
    ]
    rows = to_records(results)
    assert len(rows) == len(results)
    for row in rows:
        assert all("." not in key or key.split(".")[0] for key in row)
        json.dumps(row)  # plain values only
    assert rows[2]["significance"] == "better"
    assert rows[2]["interval.method"] == "wilson"
    frame = to_dataframe(results[:2])
    assert list(frame["interval.method"]) == ["wilson", "exact poisson"]
    value = indicator("dfe.referrals_rate").compute(10, 1000, period=Period.financial_year(2023))
    assert to_records([value, results[0]])[0] == value.to_record()
    assert to_records([Period.financial_year(2023)])[0]["start"] == dt.date(2023, 4, 1).isoformat()
    with pytest.raises(InvalidInputError, match=r"results\[1\]"):
        to_records([results[0], 3])
