import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.indicators.publication import (
    Symbol,
    check_published,
    check_total,
    format_count,
    format_value,
    round_half_up,
    round_to_nearest,
    suppress,
)

ON = dt.date(2024, 10, 31)


# Lewisham Safeguarding Children Board, Annual Report 2018/19: figures printed with their
# counts (section, and the page it starts on in the report's contents).
@pytest.mark.parametrize(
    ("numerator", "denominator", "published", "decimals"),
    [
        (137, 342, 40, 0),  # LADO contacts taken forward: "40%" of 342 ("LADO", p. 20)
        (18, 129, 14, 0),  # substantiated allegations: "18 cases (14%)" of 129 ("LADO", p. 20)
        (17, 25, 68, 0),  # CDOP deaths with modifiable factors: "17 ... (68%)" ("CDOP", p. 15)
        # "65 individuals attended training (81.3%)" ("Training Summary 2018-2019", p. 45)
        (65, 80, "81.3", 1),
    ],
)
def test_report_consistent_figures_are_accepted(numerator, denominator, published, decimals):
    result = check_published(numerator, denominator, published, decimals=decimals)
    assert result.consistent, result.explain()


def test_report_contacts_percentage_is_flagged():
    # Same report, "Lewisham Early Help, Multi-Agency Safeguarding Hub (MASH) ..." (p. 19):
    # "18,706 contacts ... 22.2% (4170)" -- 4,170/18,706 is 22.29%.
    result = check_published(4170, 18706, "22.2", decimals=1)
    assert not result.consistent
    assert "NOT consistent" in result.explain()
    assert result.recomputed == pytest.approx(22.29231)


def test_report_partner_contribution_totals():
    # Same report, appendix "LSCB Financial Arrangements for 2018-2019" (p. 44): the 2015/16
    # and 2016/17 totals (182,350) are 300 more than their rows; 2017/18 and 2018/19 add up.
    rows_2015 = [45_110, 83_280, 550, 1_000, None, 2_000, 5_000, 22_555, 22_555]
    for rows in (rows_2015, rows_2015):
        result = check_total(rows, 182_350)
        assert not result.consistent
        assert result.difference == 300
        assert result.missing_rows == 1
        assert "not available" in result.explain()
        assert "off by +300" in result.explain()
    rows_2017 = [50_110, 88_280, 550, 1_000, 500, 1_850, 5_000, 27_555, 22_555]
    rows_2018 = [45_110, 83_280, 550, 1_000, 500, 1_000, 5_000, 22_555, 22_555]
    assert check_total(rows_2017, 197_400).consistent
    ok = check_total(rows_2018, 181_550)
    assert ok.consistent
    assert ok.explain() == "The rows add up to 181,550; the printed total is 181,550: consistent."


def test_ties_are_accepted_either_way():
    # 81.25 printed as 81.3 (half up) or 81.2 (half even): both are roundings of the tie.
    assert check_published(65, 80, "81.2", decimals=1).consistent
    assert not check_published(65, 80, "81.4", decimals=1).consistent


def test_rates_per_10000():
    # Row W16 of tests/data/indicator_reference_values.md: 377 plans in 61,400 children =
    # 61.4007 per 10,000, published 61.4.
    assert check_published(377, 61400, "61.4", decimals=1, per=10_000).consistent
    assert not check_published(377, 61400, "61.5", decimals=1, per=10_000).consistent


def test_round_half_up():
    assert round_half_up(81.25, 1) == Decimal("81.3")
    # Row W52 (DfE children in need 2025, table D7), recomputed from the rounded counts.
    assert round_half_up(Fraction(2710 * 100, 62300), 1) == Decimal("4.3")
    assert round_half_up(Decimal("-0.05"), 1) == Decimal("-0.1")
    assert round_half_up("2.5", 0) == Decimal(3)  # type: ignore[arg-type]
    for bad in (float("nan"), "abc", True, None):
        with pytest.raises(InvalidInputError):
            round_half_up(bad, 1)  # type: ignore[arg-type]


def test_round_to_nearest():
    assert round_to_nearest(49_415) == 49_420
    assert round_to_nearest(49_414) == 49_410
    assert round_to_nearest(4) == 0
    assert round_to_nearest(5) == 10
    assert round_to_nearest(7, 5) == 5


def test_suppression_by_date():
    assert [suppress(n, on=ON) for n in range(7)] == [
        0,
        Symbol.CONFIDENTIAL,
        Symbol.CONFIDENTIAL,
        Symbol.CONFIDENTIAL,
        Symbol.CONFIDENTIAL,
        Symbol.CONFIDENTIAL,
        6,
    ]
    with pytest.raises(RuleNotInForceError):
        suppress(3, on=dt.date(2019, 1, 1))


def test_formatting_never_turns_a_symbol_into_zero():
    assert format_count(Symbol.CONFIDENTIAL) == "c"
    assert format_count(3, suppress_small=False) == "3"
    assert format_value(Symbol.NOT_AVAILABLE) == ":"
    assert format_value(None) == "z"
    assert format_value(4.349_92) == "4.3"
    assert format_value(85.665, decimals=2) == "85.67"


@given(count=st.integers(min_value=0, max_value=10**7))
def test_suppression_never_changes_the_count(count):
    shown = suppress(count, on=ON)
    assert shown == count or (shown is Symbol.CONFIDENTIAL and 1 <= count <= 5)
    text = format_count(count)
    assert text == "c" or int(text.replace(",", "")) == count


@given(
    n=st.integers(min_value=1, max_value=10**6),
    data=st.data(),
    decimals=st.integers(min_value=0, max_value=3),
)
def test_the_rounded_value_is_always_consistent(n, data, decimals):
    x = data.draw(st.integers(min_value=0, max_value=n))
    printed = round_half_up(Fraction(100 * x, n), decimals)
    assert check_published(x, n, str(printed), decimals=decimals).consistent
    step = Decimal(1).scaleb(-decimals)
    assert not check_published(x, n, str(printed + 2 * step), decimals=decimals).consistent


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: check_published(5, 4, 10, decimals=0), "numerator"),
        (lambda: check_published(1, 0, 10, decimals=0), "denominator"),
        (lambda: check_published(1, 2, "fifty", decimals=0), "published"),
        (lambda: check_published(1, 2, 50, decimals=-1), "decimals"),
        (lambda: check_total([1, "2"], 3), "rows[1]"),  # type: ignore[list-item]
        (lambda: check_total([1], 1, tolerance=-1), "tolerance"),
        (lambda: suppress(-1, on=ON), "count"),
        (lambda: round_to_nearest(5, 0), "base"),
    ],
)
def test_bad_input(call, field):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


def test_decimal_places_are_bounded_and_any_finite_size_rounds():
    import attrs

    from safeguarding.indicators.catalogue import CATALOGUE
    from safeguarding.indicators.publication import MAX_DECIMALS

    # Within the bound, a value of any size rounds (the context grows with the value).
    assert round_half_up(1e300, MAX_DECIMALS) > 0
    assert str(round_half_up(0.125, MAX_DECIMALS)) == "0.125000000000000"
    # Beyond it, a library error naming the argument (decimal's InvalidOperation before).
    for call in (
        lambda: round_half_up(1.5, MAX_DECIMALS + 1),
        lambda: round_half_up(1.5, 10**6),
        lambda: format_value(1.5, decimals=10**6),
        lambda: check_published(1, 2, "50", decimals=10**6),
    ):
        with pytest.raises(InvalidInputError) as caught:
            call()
        assert caught.value.field == "decimals"
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(CATALOGUE[0], decimals=MAX_DECIMALS + 1)
    assert caught.value.field == "decimals"
