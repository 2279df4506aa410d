"""Panel figures: Lewisham's 2018/19 year, a national reference year, and their invariants.

Lewisham: Lewisham Safeguarding Children Board, Annual Report 2018/19, section "Child Death
Overview Panel (CDOP)" (from p. 15 in the report's contents). National: NHS Digital, Child
Death Reviews: year ending 31 March 2018, "Number of reviews",
https://digital.nhs.uk/data-and-information/publications/statistical/child-death-reviews/2018/number-of-reviews .
"""

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.indicators.catalogue import all_indicators
from safeguarding.indicators.definitions import Count, Kind, Period, Tally
from safeguarding.procedures import NATIONAL
from safeguarding.reviews.child_death import (
    CATEGORY_SHARES,
    CHILD_DEATH_MEASURES,
    DEATHS_NOTIFIED,
    EXPECTEDNESS_NOT_RECORDED,
    NOTIFIED_UNEXPECTED,
    REFERRALS_TO_CASE_REVIEW_PANEL,
    REVIEWS_COMPLETED,
    REVIEWS_INSUFFICIENT_INFORMATION,
    REVIEWS_WITH_MODIFIABLE_FACTORS,
    Category,
    CategoryCount,
    ChildDeathReview,
    ModifiableConclusion,
    PanelFigures,
    Share,
    categorise,
    child_death_values,
    compute_figures,
    tally_reviews,
)
from safeguarding.strategies._child_death import child_death_reviews, panel_figures, shares

D = dt.date
START, END = D(2018, 4, 1), D(2019, 3, 31)

M = ModifiableConclusion


def review(
    notified: dt.date,
    *,
    reviewed: dt.date | None = None,
    category: Category | None = None,
    modifiable: ModifiableConclusion | None = None,
    unexpected: bool | None = None,
    referral: dt.date | None = None,
) -> ChildDeathReview:
    return ChildDeathReview(
        notified=notified,
        unexpected=unexpected,
        reviewed=reviewed,
        categorisation=None
        if category is None or reviewed is None
        else categorise([category], on=reviewed).outcome,
        modifiable=modifiable,
        case_review_referral=referral,
    )


def lewisham_2018_19() -> list[ChildDeathReview]:
    """A synthetic year matching the Lewisham CDOP figures for 2018/19.

    From the annual report's CDOP section: 27 notifications from 1 April 2018 to 31 March
    2019, 13 unexpected; 25 reviews in 2018/19, some of deaths before 1 April 2018; 17 (68%)
    with modifiable factors; 7 (28%) perinatal/neonatal; 5 (20%) sudden unexpected death in
    infancy (recorded here as category 10, see the docs); 4 (16%) chromosomal, genetic or
    congenital; 3 deaths referred to the SCR panel in 2018-19.
    The other 9 categories and the dates are invented; only the published totals are real.
    """
    categories = (
        [Category.PERINATAL_NEONATAL] * 7
        + [Category.SUDDEN_UNEXPLAINED] * 5
        + [Category.CHROMOSOMAL_GENETIC_CONGENITAL] * 4
        + [Category.TRAUMA] * 2
        + [Category.INFECTION] * 2
        + [Category.ACUTE_MEDICAL] * 2
        + [Category.MALIGNANCY, Category.CHRONIC_MEDICAL, Category.SUICIDE]
    )
    conclusions = [M.MODIFIABLE] * 17 + [M.NOT_MODIFIABLE] * 8
    records = []
    for index, (category, conclusion) in enumerate(zip(categories, conclusions, strict=True)):
        # 5 deaths notified in 2017-18 and reviewed in 2018-19; 20 notified and reviewed in 2018-19.
        notified = D(2017, 10, 2 + index) if index < 5 else D(2018, 4, 2) + dt.timedelta(index)
        records.append(
            review(
                notified,
                reviewed=D(2018, 6, 1) + dt.timedelta(days=8 * index),
                category=category,
                modifiable=conclusion,
                unexpected=index % 2 == 0,
                referral=D(2018, 9, 3) if index in (0, 7, 12) else None,
            )
        )
    # 7 deaths notified in 2018-19 not yet reviewed by 31 March 2019 (one reviewed later).
    records.extend(review(D(2019, 1, 7) + dt.timedelta(days=i)) for i in range(6))
    records.append(
        review(
            D(2019, 2, 1),
            reviewed=D(2019, 6, 5),
            category=Category.INFECTION,
            modifiable=M.NOT_MODIFIABLE,
        )
    )
    # Unexpected among the 27 notified in the year: 13 (indexes 6, 8, ..., 24 are 10; +3 open).
    for i in range(3):
        records[25 + i] = attrs.evolve(records[25 + i], unexpected=True)
    return records


def test_lewisham_report_figures_are_reproduced():
    figures = compute_figures(lewisham_2018_19(), period_start=START, period_end=END)
    # Lewisham LSCB Annual Report 2018/19, CDOP section: "27 child death notifications ... of
    # which 13 were unexpected deaths"; "A total of 25 deaths were reviewed"; "17 of the deaths
    # reviewed (68%) had modifiable factors"; "CDOP referred 3 deaths to the SCR panel".
    assert figures.notifications == 27
    assert figures.unexpected_deaths == 13
    assert figures.reviews_completed == 25
    assert figures.modifiable == 17
    assert figures.insufficient_information == 0
    assert figures.modifiable_share.rounded_percent() == Decimal(68)  # the report's 68%
    shares = dict(figures.category_shares())
    assert shares[Category.PERINATAL_NEONATAL].numerator == 7
    assert shares[Category.PERINATAL_NEONATAL].rounded_percent() == Decimal(28)
    assert shares[Category.SUDDEN_UNEXPLAINED].rounded_percent() == Decimal(20)
    assert shares[Category.CHROMOSOMAL_GENETIC_CONGENITAL].rounded_percent() == Decimal(16)
    assert sum(share.percent or 0 for share in shares.values()) == 100
    assert figures.referrals_to_case_review_panel == 3


def test_lewisham_summary_reads_like_the_report():
    figures = compute_figures(lewisham_2018_19(), period_start=START, period_end=END)
    text = figures.summary()
    assert "Notifications: 27, of which unexpected: 13 (not recorded: 4)" in text
    assert "With modifiable factors: 17 of 25 (68%)" in text
    assert "Category 8 Perinatal/neonatal event: 7 of 25 (28%)" in text
    assert "Category 10 Sudden unexpected, unexplained death: 5 of 25 (20%)" in text
    assert "Referrals to the case review panel: 3" in text


def test_a_review_with_insufficient_information_leaves_the_percentage_alone():
    records = lewisham_2018_19()
    extra = review(
        D(2018, 5, 1),
        reviewed=D(2019, 3, 31),
        category=Category.INFECTION,
        modifiable=M.INSUFFICIENT_INFORMATION,
    )
    figures = compute_figures([*records, extra], period_start=START, period_end=END)
    assert figures.reviews_completed == 26
    assert figures.insufficient_information == 1
    assert figures.modifiable_share == Share(numerator=17, denominator=25)
    # A spreadsheet dividing by all reviews would have said 65%.
    assert Share(numerator=17, denominator=26).rounded_percent() == Decimal(65)


def test_national_reference_2017_18_from_counts():
    # NHS Digital 2017-18: 3,595 reviews; 3,540 with enough information; 55 insufficient;
    # 28% with modifiable factors. The count with modifiable factors is not published: every
    # count from 974 to 1,008 gives 28% of 3,540.
    for modifiable in (974, 991, 1008):
        figures = PanelFigures(
            period_start=D(2017, 4, 1),
            period_end=D(2018, 3, 31),
            notifications=0,
            unexpected_deaths=0,
            reviews_completed=3595,
            modifiable=modifiable,
            not_modifiable=3540 - modifiable,
            insufficient_information=55,
        )
        assert figures.modifiable_share.denominator == 3540
        assert figures.modifiable_share.rounded_percent() == Decimal(28)
        assert figures.category_shares() == ()
    assert Share(numerator=973, denominator=3540).rounded_percent() == Decimal(27)
    assert Share(numerator=1009, denominator=3540).rounded_percent() == Decimal(29)
    # Keeping the 55 in the denominator would publish 27% for the lowest consistent count.
    assert Share(numerator=974, denominator=3595).rounded_percent() == Decimal(27)
    # Same release: 90 serious case reviews, "3% of the 3,540".
    assert Share(numerator=90, denominator=3540).rounded_percent() == Decimal(3)


def test_periods_count_by_their_own_dates():
    figures = compute_figures(
        lewisham_2018_19(), period_start=D(2019, 4, 1), period_end=D(2019, 12, 31)
    )
    assert figures.notifications == 0
    assert figures.reviews_completed == 1
    assert figures.not_modifiable == 1
    assert figures.modifiable_share.rounded_percent() == Decimal(0)


def test_share_formats():
    assert Share(numerator=1, denominator=3).percent == Fraction(100, 3)
    assert Share(numerator=1, denominator=3).rounded_percent(1) == Decimal("33.3")
    assert Share(numerator=1, denominator=8).rounded_percent() == Decimal(13)  # half up
    assert Share(numerator=1, denominator=8).rounded_percent(1) == Decimal("12.5")
    empty = Share(numerator=0, denominator=0)
    assert empty.percent is None
    assert empty.rounded_percent() is None
    assert str(empty) == "0 of 0 (no denominator)"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"numerator": 3, "denominator": 2}, "numerator"),
        ({"numerator": -1, "denominator": 2}, "numerator"),
        ({"numerator": 1, "denominator": 2.0}, "denominator"),
        ({"numerator": True, "denominator": 2}, "numerator"),
    ],
)
def test_share_bad_input(kwargs, field):
    with pytest.raises(InvalidInputError) as info:
        Share(**kwargs)
    assert info.value.field == field


def test_share_bad_places():
    with pytest.raises(InvalidInputError) as info:
        Share(numerator=1, denominator=2).rounded_percent(-1)
    assert info.value.field == "places"


BASE = {
    "period_start": START,
    "period_end": END,
    "notifications": 10,
    "unexpected_deaths": 4,
    "reviews_completed": 3,
    "modifiable": 1,
    "not_modifiable": 1,
    "insufficient_information": 1,
}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"period_end": D(2018, 3, 31)}, "period_end"),
        ({"unexpected_deaths": 11}, "unexpected_deaths"),
        ({"unexpected_not_recorded": 7}, "unexpected_deaths"),
        ({"reviews_completed": 4}, "reviews_completed"),
        ({"notifications": -1}, "notifications"),
        ({"by_category": (CategoryCount(category=Category.TRAUMA, count=3),)}, "by_category"),
        (
            {"by_category": tuple(CategoryCount(category=c, count=1) for c in Category)},
            "by_category",
        ),
        ({"by_category": [1, 2]}, "by_category"),
    ],
)
def test_panel_figures_bad_input(changes, field):
    with pytest.raises(InvalidInputError) as info:
        PanelFigures(**{**BASE, **changes})
    assert info.value.field == field


def test_category_count_bad_input():
    with pytest.raises(InvalidInputError) as info:
        CategoryCount(category=Category.TRAUMA, count=-1)
    assert info.value.field == "count"
    with pytest.raises(InvalidInputError) as info:
        CategoryCount(category=3, count=1)  # type: ignore[arg-type]
    assert info.value.field == "category"


@pytest.mark.parametrize(
    ("reviews", "kwargs", "field"),
    [
        ("reviews", {}, "reviews"),
        (None, {}, "reviews"),
        ([ChildDeathReview(notified=START), "x"], {}, "reviews[1]"),
        ([], {"period_end": D(2018, 3, 1)}, "period_end"),
        ([], {"period_start": "2018-04-01"}, "period_start"),
    ],
)
def test_compute_figures_bad_input(reviews, kwargs, field):
    with pytest.raises(InvalidInputError) as info:
        compute_figures(reviews, **{"period_start": START, "period_end": END, **kwargs})
    assert info.value.field == field


def test_percentages_before_april_2010_are_not_in_force():
    # DfE, Child Death Reviews releases OSR 11/2011 and OSR 14/2012: before 1 April 2010
    # panels returned "preventable" deaths, not deaths with modifiable factors.
    with pytest.raises(RuleNotInForceError) as info:
        compute_figures([], period_start=D(2009, 4, 1), period_end=D(2010, 3, 31))
    assert info.value.key == "child_death.modifiable_percentage"
    assert (
        compute_figures([], period_start=D(2009, 4, 1), period_end=D(2010, 4, 1)).notifications == 0
    )


# ---------------------------------------------------------------- properties

PERIOD = st.tuples(
    st.dates(min_value=D(2010, 4, 1), max_value=D(2030, 12, 31)),
    st.integers(min_value=0, max_value=3000),
).map(lambda t: (t[0], t[0] + dt.timedelta(days=t[1])))


@given(records=st.lists(child_death_reviews(), max_size=15), period=PERIOD)
def test_category_percentages_add_up_to_100_before_rounding(records, period):
    figures = compute_figures(records, period_start=period[0], period_end=period[1])
    shares_ = figures.category_shares()
    assert len(shares_) == len(Category)
    if figures.reviews_completed:
        assert sum(share.percent or 0 for _, share in shares_) == 100
    else:
        assert all(share.percent is None for _, share in shares_)
    assert figures.modifiable + figures.not_modifiable + figures.insufficient_information == (
        figures.reviews_completed
    )


@given(
    records=st.lists(child_death_reviews(), max_size=12),
    extra=child_death_reviews(completed=True),
    period=PERIOD,
)
def test_adding_an_insufficient_information_review_never_changes_the_percentage(
    records, extra, period
):
    start, end = period
    before = compute_figures(records, period_start=start, period_end=end)
    extra = attrs.evolve(extra, modifiable=M.INSUFFICIENT_INFORMATION)
    after = compute_figures([*records, extra], period_start=start, period_end=end)
    assert after.modifiable_share == before.modifiable_share
    assert after.modifiable_share.percent == before.modifiable_share.percent
    in_period = start <= extra.reviewed <= end
    assert after.insufficient_information == before.insufficient_information + in_period


@given(records=st.lists(child_death_reviews(), max_size=12), period=PERIOD)
def test_figures_do_not_depend_on_record_order(records, period):
    forward = compute_figures(records, period_start=period[0], period_end=period[1])
    backward = compute_figures(records[::-1], period_start=period[0], period_end=period[1])
    assert forward == backward


@given(share=shares())
def test_share_percent_is_between_0_and_100(share):
    if share.denominator:
        assert 0 <= share.percent <= 100
        rounded = share.rounded_percent(2)
        assert abs(rounded - Decimal(share.percent.numerator) / share.percent.denominator) <= (
            Decimal("0.005")
        )
    else:
        assert share.percent is None


@given(figures=panel_figures())
def test_modifiable_share_ignores_insufficient_information(figures):
    more = attrs.evolve(
        figures,
        reviews_completed=figures.reviews_completed + 1,
        insufficient_information=figures.insufficient_information + 1,
        by_category=(),
    )
    assert more.modifiable_share == figures.modifiable_share
    assert figures.summary().startswith("Period ")


# ---------------------------------------------------------------- indicators over a tally

YEAR = Period.financial_year(2018)  # 1 April 2018 to 31 March 2019


def category_share(category: Category):
    return next(item for item in CATEGORY_SHARES if item.key.endswith(category.name.lower()))


def test_the_measures_are_catalogued_indicators_with_their_sources():
    assert [item.key for item in CHILD_DEATH_MEASURES] == [
        "child_death.deaths_notified",
        "child_death.notified_unexpected",
        "child_death.expectedness_not_recorded",
        "child_death.reviews_completed",
        "child_death.reviews_with_modifiable_factors",
        "child_death.reviews_insufficient_information",
        "child_death.category.deliberately_inflicted",
        "child_death.category.suicide",
        "child_death.category.trauma",
        "child_death.category.malignancy",
        "child_death.category.acute_medical",
        "child_death.category.chronic_medical",
        "child_death.category.chromosomal_genetic_congenital",
        "child_death.category.perinatal_neonatal",
        "child_death.category.infection",
        "child_death.category.sudden_unexplained",
        "child_death.referrals_to_case_review_panel",
    ]
    catalogued = {item.key: item for item in all_indicators()}
    for item in CHILD_DEATH_MEASURES:
        assert catalogued[item.key] == item
        assert item.source.note, item.key
    counts = {DEATHS_NOTIFIED, REVIEWS_COMPLETED, REFERRALS_TO_CASE_REVIEW_PANEL}
    assert {item for item in CHILD_DEATH_MEASURES if item.kind is Kind.COUNT} == counts
    # NHS Digital 2018 "Number of reviews" was read: the reviews completed, the percentage with
    # modifiable factors (over the reviews with enough information) and the 55 that could not
    # conclude. The Lewisham report gives its figures without defining them (secondary).
    primary = {item for item in CHILD_DEATH_MEASURES if item.source.status is Verification.PRIMARY}
    assert primary == {
        REVIEWS_COMPLETED,
        REVIEWS_WITH_MODIFIABLE_FACTORS,
        REVIEWS_INSUFFICIENT_INFORMATION,
    }
    assert "insufficient information" in REVIEWS_WITH_MODIFIABLE_FACTORS.denominator
    assert REVIEWS_WITH_MODIFIABLE_FACTORS.source.url == (
        "https://digital.nhs.uk/data-and-information/publications/statistical/"
        "child-death-reviews/2018/number-of-reviews"
    )
    assert [item.title for item in CATEGORY_SHARES][7] == (
        "Reviews completed recording category 8 Perinatal/neonatal event (%)"
    )


def test_the_category_share_keys():
    assert [item.key for item in CATEGORY_SHARES] == [
        f"child_death.category.{category.name.lower()}" for category in Category
    ]
    assert category_share(Category.PERINATAL_NEONATAL).key == (
        "child_death.category.perinatal_neonatal"
    )


def test_lewisham_report_figures_from_the_tally():
    counts = tally_reviews(lewisham_2018_19(), period=YEAR)
    # Lewisham LSCB Annual Report 2018/19, CDOP section: 27 notifications, 13 unexpected; 25
    # reviews, 17 (68%) with modifiable factors; 7 (28%) perinatal/neonatal, 5 (20%) SUDI
    # (category 10 here), 4 (16%) chromosomal, genetic or congenital; 3 referred to the SCR panel.
    assert counts.count(DEATHS_NOTIFIED.key) == Count(numerator=27)
    assert counts.count(NOTIFIED_UNEXPECTED.key) == Count(numerator=13, denominator=27)
    assert counts.count(REVIEWS_COMPLETED.key) == Count(numerator=25)
    assert counts.count(REVIEWS_WITH_MODIFIABLE_FACTORS.key) == Count(numerator=17, denominator=25)
    assert counts.count(REVIEWS_INSUFFICIENT_INFORMATION.key) == Count(numerator=0, denominator=25)
    assert counts.count(REFERRALS_TO_CASE_REVIEW_PANEL.key) == Count(numerator=3)
    values = {value.key: value for value in child_death_values(counts, period=YEAR)}
    assert [value.key for value in child_death_values(counts, period=YEAR)] == [
        item.key for item in CHILD_DEATH_MEASURES
    ]
    assert values[REVIEWS_WITH_MODIFIABLE_FACTORS.key].formatted() == "68"
    assert values[category_share(Category.PERINATAL_NEONATAL).key].formatted() == "28"
    assert values[category_share(Category.SUDDEN_UNEXPLAINED).key].formatted() == "20"
    assert values[category_share(Category.CHROMOSOMAL_GENETIC_CONGENITAL).key].formatted() == "16"
    assert values[DEATHS_NOTIFIED.key].formatted() == "27"
    # The Wilson interval of 17 of 25 (row W2 of tests/data/indicator_reference_values.md).
    interval = values[REVIEWS_WITH_MODIFIABLE_FACTORS.key].interval
    assert interval is not None
    assert (interval.lower, interval.upper) == pytest.approx((48.4103, 82.7948), rel=1e-5)
    # Category shares are out of every review completed: their numerators add up to it.
    assert sum(counts.count(item.key).numerator for item in CATEGORY_SHARES) == 25
    assert {counts.count(item.key).denominator for item in CATEGORY_SHARES} == {25}


def test_compute_figures_is_a_view_of_the_tally():
    records = lewisham_2018_19()
    figures = compute_figures(records, period_start=START, period_end=END)
    tally = tally_reviews(records, period=YEAR)
    assert PanelFigures.from_tally(tally, period=YEAR) == figures
    assert figures.to_tally() == tally


def test_tallies_of_parts_add_up_to_the_year():
    records = lewisham_2018_19()
    whole = tally_reviews(records, period=YEAR)
    first, second = (
        tally_reviews(records[:10], period=YEAR),
        tally_reviews(records[10:], period=YEAR),
    )
    assert first + second == whole
    assert tally_reviews(iter(records[::-1]), period=YEAR) == whole


def test_national_reference_2017_18_as_indicators():
    # NHS Digital 2017-18: 3,595 reviews; 3,540 with enough information; 55 insufficient; 28% with
    # modifiable factors (974 is the lowest count giving 28% of 3,540).
    national = PanelFigures(
        period_start=D(2017, 4, 1),
        period_end=D(2018, 3, 31),
        notifications=0,
        unexpected_deaths=0,
        reviews_completed=3595,
        modifiable=974,
        not_modifiable=2566,
        insufficient_information=55,
    )
    tally = national.to_tally()
    assert tally.count(REVIEWS_WITH_MODIFIABLE_FACTORS.key) == Count(
        numerator=974, denominator=3540
    )
    assert tally.count(REVIEWS_INSUFFICIENT_INFORMATION.key) == Count(
        numerator=55, denominator=3595
    )
    # Only totals are known: the tally has no category shares.
    assert not set(tally.counts) & {item.key for item in CATEGORY_SHARES}
    period = Period.financial_year(2017)
    values = {value.key: value for value in child_death_values(tally, period=period)}
    assert values[REVIEWS_WITH_MODIFIABLE_FACTORS.key].formatted() == "28"
    assert values[REVIEWS_COMPLETED.key].value == 3595
    assert values[category_share(Category.INFECTION).key].value is None
    assert PanelFigures.from_tally(tally, period=period) == national


def test_an_insufficient_information_review_stays_out_of_the_modifiable_denominator():
    extra = review(
        D(2018, 5, 1),
        reviewed=D(2019, 3, 31),
        category=Category.INFECTION,
        modifiable=M.INSUFFICIENT_INFORMATION,
    )
    counts = tally_reviews([*lewisham_2018_19(), extra], period=YEAR)
    assert counts.count(REVIEWS_COMPLETED.key) == Count(numerator=26)
    assert counts.count(REVIEWS_WITH_MODIFIABLE_FACTORS.key) == Count(numerator=17, denominator=25)
    assert counts.count(REVIEWS_INSUFFICIENT_INFORMATION.key) == Count(numerator=1, denominator=26)
    assert counts.count(category_share(Category.INFECTION).key) == Count(
        numerator=3, denominator=26
    )


def test_the_tally_counts_expectedness_not_recorded():
    counts = tally_reviews(lewisham_2018_19(), period=YEAR)
    # 27 notified in the year: 13 unexpected, 10 expected, 4 not recorded (the summary's).
    assert counts.count(EXPECTEDNESS_NOT_RECORDED.key) == Count(numerator=4, denominator=27)


@pytest.mark.parametrize(
    ("reviews", "kwargs", "field"),
    [
        ("reviews", {}, "reviews"),
        (None, {}, "reviews"),
        ([ChildDeathReview(notified=START), "x"], {}, "reviews[1]"),
        ([], {"period": (START, END)}, "period"),
        ([], {"on": "2019-03-31"}, "on"),
        ([], {"procedures": "national"}, "procedures"),
    ],
)
def test_tally_reviews_bad_input(reviews, kwargs, field):
    with pytest.raises(InvalidInputError) as info:
        tally_reviews(reviews, **{"period": YEAR, **kwargs})
    assert info.value.field == field


def test_tally_reviews_before_april_2010_is_not_in_force():
    # The rule applies as it stood at the end of the period, 31 March 2010 here.
    with pytest.raises(RuleNotInForceError) as info:
        tally_reviews([], period=Period.financial_year(2009))
    assert info.value.key == "child_death.modifiable_percentage"
    counts = tally_reviews([], period=Period.financial_year(2009), on=D(2010, 4, 1))
    assert counts.count(REVIEWS_COMPLETED.key) == Count()


def _counts(**changes: Count) -> Tally:
    fields: dict[str, Any] = BASE
    base = PanelFigures(**fields).to_tally()  # 10 notified, 4 unexpected; 3 reviews: 1/1/1
    return Tally(counts={**base.counts, **changes})


@pytest.mark.parametrize(
    ("tally", "period", "field"),
    [
        ("tally", YEAR, "tally"),
        (Tally(), (START, END), "period"),
        (_counts(**{NOTIFIED_UNEXPECTED.key: Count(numerator=4, denominator=9)}), YEAR, "tally"),
        (
            _counts(**{REVIEWS_INSUFFICIENT_INFORMATION.key: Count(numerator=1, denominator=2)}),
            YEAR,
            "tally",
        ),
        # More reviews with modifiable factors than reviews that could conclude.
        (
            _counts(**{REVIEWS_WITH_MODIFIABLE_FACTORS.key: Count(numerator=3, denominator=2)}),
            YEAR,
            "tally",
        ),
        # Some category shares, not counted out of the reviews completed.
        (_counts(**{CATEGORY_SHARES[0].key: Count(numerator=3, denominator=3)}), YEAR, "tally"),
    ],
)
def test_panel_figures_from_a_tally_that_does_not_add_up(tally, period, field):
    with pytest.raises(InvalidInputError) as info:
        PanelFigures.from_tally(tally, period=period)
    assert info.value.field == field


def test_a_tally_with_every_category_gives_the_breakdown():
    shares_ = {item.key: Count(numerator=0, denominator=3) for item in CATEGORY_SHARES}
    shares_[category_share(Category.TRAUMA).key] = Count(numerator=3, denominator=3)
    figures = PanelFigures.from_tally(_counts(**shares_), period=Period.financial_year(2018))
    assert dict(figures.category_shares())[Category.TRAUMA] == Share(numerator=3, denominator=3)
    assert len(figures.by_category) == len(Category)


@given(figures=panel_figures())
def test_panel_figures_and_their_tally_are_the_same_counts(figures):
    period = Period(start=figures.period_start, end=figures.period_end, label="drawn")
    assert PanelFigures.from_tally(figures.to_tally(), period=period) == figures


@given(records=st.lists(child_death_reviews(), max_size=12), period=PERIOD)
def test_compute_figures_is_the_tally_for_any_records(records, period):
    start, end = period
    tally = tally_reviews(records, period=Period(start=start, end=end, label="drawn"))
    figures = compute_figures(records, period_start=start, period_end=end, procedures=NATIONAL)
    assert figures.to_tally() == tally
    in_period = [r for r in records if r.reviewed is not None and start <= r.reviewed <= end]
    assert tally.count(REVIEWS_COMPLETED.key).numerator == len(in_period)
