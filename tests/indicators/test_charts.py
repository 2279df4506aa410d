import pytest

from safeguarding.errors import InvalidInputError
from safeguarding.indicators.catalogue import indicator, target
from safeguarding.indicators.charts import funnel_plot, trend_chart
from safeguarding.indicators.definitions import Period

PNG = b"\x89PNG\r\n\x1a\n"


def test_funnel_plot_renders_a_png(tmp_path):
    areas = [("A", 18, 129), ("B", 40, 200), ("C", 5, 60), ("D", 90, 300)]
    out = funnel_plot(areas, tmp_path / "funnel.png", title="Repeat plans")
    data = out.read_bytes()
    assert data.startswith(PNG)
    assert len(data) > 10_000
    out2 = funnel_plot(areas, tmp_path / "funnel2.png", baseline=0.2, percent=False)
    assert out2.read_bytes().startswith(PNG)


def test_trend_chart_renders_a_png(tmp_path):
    # Lewisham partnership page "Identify and protect children and young people at risk of
    # harm": CP plans per 10,000, baseline 61.4 in 2014/15, target 40 for 2017/18.
    plans = indicator("lewisham.cp_plans_rate")
    values = [
        plans.compute(377, 61_400, period=Period.financial_year(2014)),
        plans.compute(330, 62_000, period=Period.financial_year(2015)),
        plans.compute(0, 0, period=Period.financial_year(2016)),  # no value: left out
        plans.compute(280, 63_000, period=Period.financial_year(2017)),
    ]
    out = trend_chart(values, tmp_path / "trend.png", target=target("lewisham.cp_plans_rate"))
    assert out.read_bytes().startswith(PNG)
    assert trend_chart(values[:1], tmp_path / "one.png").read_bytes().startswith(PNG)
    no_goal = target("lewisham.cse_cases_managed")
    cse = indicator("lewisham.cse_cases_managed")
    counts = [cse.compute(28, period=Period.financial_year(2014))]
    assert trend_chart(counts, tmp_path / "cse.png", target=no_goal).exists()


@pytest.mark.parametrize(
    ("areas", "field"),
    [
        ([], "areas"),
        ([("A", 1, 0)], "areas[0].denominator"),
        ([("A", -1, 5)], "areas[0].numerator"),
        ([("A", 6, 5)], "areas[0].numerator"),
    ],
)
def test_funnel_plot_bad_input(tmp_path, areas, field):
    with pytest.raises(InvalidInputError) as info:
        funnel_plot(areas, tmp_path / "x.png")
    assert info.value.field == field


def test_trend_chart_bad_input(tmp_path):
    with pytest.raises(InvalidInputError, match="values"):
        trend_chart([], tmp_path / "x.png")
    year = Period.financial_year(2018)
    mixed = [
        indicator("dfe.s47_rate").compute(1, 10, period=year),
        indicator("dfe.cin_rate").compute(1, 10, period=year),
    ]
    with pytest.raises(InvalidInputError, match="same indicator"):
        trend_chart(mixed, tmp_path / "x.png")
