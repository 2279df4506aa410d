"""The DfE children-in-need measures counted from case records (safeguarding.indicators.dfe).

Golden answers are worked by hand below, each with its reasoning; the
conventions come from the catalogue definitions (safeguarding.indicators.catalogue,
DFE_MEASURES) and the public DfE material behind them: the "Children in need" release data
guidance and release pages on explore-education-statistics.service.gov.uk (e.g.
https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need/2020/data-guidance ),
its tables C2 (assessment duration; a "started and finished the same day" band, so the start is
day 0), C4 (s47 enquiries and ICPCs), D1 and D7 (child protection plans); LG Inform metric
definitions drawn from those tables (http://id.esd.org.uk/metricType/100 , /3217 , /8883 ); and
the DfE methodology "Children in need: a focus on sexual abuse and exploitation" for the
re-referral definition,
https://explore-education-statistics.service.gov.uk/methodology/children-in-need-a-focus-on-sexual-abuse-and-exploitation .
Working days are counted on the England and Wales
calendar: 2023 bank holidays include Monday 1 May (Early May) and Monday 8 May
(coronation of King Charles III); Christmas Day and Boxing Day 2023 fell on
Monday and Tuesday, New Year's Day 2024 on a Monday.
"""

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.calendar import ENGLAND_AND_WALES
from safeguarding.cases import (
    Assessment,
    ChildProtectionPlan,
    ChildRecord,
    Episode,
    LookedAfterPeriod,
    Section47Enquiry,
)
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.indicators.catalogue import DFE_MEASURES
from safeguarding.indicators.definitions import Count, Period, Tally
from safeguarding.indicators.dfe import LONG_PLAN, RE_REFERRAL_WINDOW, dfe_values, tally_records
from safeguarding.people import Child
from safeguarding.strategies import child_records

D = dt.date
YEAR = Period.financial_year(2023)  # 1 April 2023 to 31 March 2024
KEYS = tuple(indicator.key for indicator in DFE_MEASURES)


def record(n: int, *episodes: Episode) -> ChildRecord:
    return ChildRecord(
        child=Child(identifier=f"c{n}", date_of_birth=D(2012, 1, 1)), episodes=tuple(episodes)
    )


def count(records: list[ChildRecord], key: str, **kwargs: Any) -> Count:
    return tally_records(records, period=YEAR, **kwargs).count(key)


# --------------------------------------------------------------------------- re-referrals


def test_re_referral_at_exactly_12_months():
    records = [
        # Child 1: referred 15 June 2022 and again 15 June 2023. 12 months before 15 June 2023
        # is 15 June 2022 and the previous referral is on (not before) it: a re-referral.
        record(1, Episode(referral_date=D(2022, 6, 15)), Episode(referral_date=D(2023, 6, 15))),
        # Child 2: previous referral 14 June 2022, one day more than 12 months: not one.
        record(2, Episode(referral_date=D(2022, 6, 14)), Episode(referral_date=D(2023, 6, 15))),
        # Child 3: referred 28 Feb 2023 and 29 Feb 2024. 12 months before 29 Feb 2024 is
        # clamped to 28 Feb 2023 (add_months): the previous referral is on it, a re-referral.
        record(3, Episode(referral_date=D(2023, 2, 28)), Episode(referral_date=D(2024, 2, 29))),
        # Child 4: a first referral (no previous one) in the year: in the denominator only.
        record(4, Episode(referral_date=D(2023, 4, 1))),
    ]
    # Referrals in 2023-24: 15 Jun 2023 (x2), 29 Feb 2024, 1 Apr 2023 = 4 (the 2022 ones and
    # 28 Feb 2023 are before the year). Re-referrals: children 1 and 3 = 2.
    assert count(records, "dfe.re_referrals_12_months") == Count(numerator=2, denominator=4)
    # Without a population, the referral rate has events but no denominator.
    assert count(records, "dfe.referrals_rate") == Count(numerator=4, denominator=0)


def test_re_referral_looks_at_the_previous_referral_in_date_order():
    # Episodes given out of order: the previous referral of 1 March 2024 is 1 May 2023 (within
    # 12 months), and that one's previous is 1 Jan 2021 (not within): 1 re-referral of 2.
    records = [
        record(
            1,
            Episode(referral_date=D(2024, 3, 1)),
            Episode(referral_date=D(2021, 1, 1)),
            Episode(referral_date=D(2023, 5, 1)),
        )
    ]
    assert count(records, "dfe.re_referrals_12_months") == Count(numerator=1, denominator=2)


# --------------------------------------------------------------------------- assessments


def _assessed(start: dt.date, authorised: dt.date) -> Episode:
    return Episode(
        referral_date=start,
        assessments=(Assessment(start_date=start, authorisation_date=authorised),),
    )


def test_assessment_on_its_45th_and_46th_working_day():
    # Started Wednesday 1 Nov 2023 (day 0). Working days: 2-30 Nov = 21; 1 Dec = 22;
    # 4-22 Dec = 37; 25-26 Dec are bank holidays; 27-29 Dec = 40; 1 Jan is a bank holiday;
    # 2-5 Jan = 44; Monday 8 Jan 2024 = 45; Tuesday 9 Jan = 46.
    records = [
        record(1, _assessed(D(2023, 11, 1), D(2024, 1, 8))),  # 45th working day: in time
        record(2, _assessed(D(2023, 11, 1), D(2024, 1, 9))),  # 46th: late
        record(3, _assessed(D(2023, 6, 5), D(2023, 6, 5))),  # same day (day 0): in time
        record(4, _assessed(D(2023, 1, 10), D(2023, 3, 31))),  # authorised before the year
        record(
            5,
            Episode(
                referral_date=D(2023, 6, 1), assessments=(Assessment(start_date=D(2023, 6, 1)),)
            ),
        ),  # open
    ]
    # Authorised in the year: records 1, 2, 3 = 3; within 45 working days: 1 and 3 = 2.
    assert count(records, "dfe.assessments_within_45_days") == Count(numerator=2, denominator=3)


# --------------------------------------------------------------------------- s47 and ICPCs


def _enquiry(
    start: dt.date,
    conference: dt.date | None = None,
    *,
    episode_conference: dt.date | None = None,
) -> Episode:
    return Episode(
        referral_date=min(start, conference or start),
        initial_cpc_date=episode_conference,
        section47_enquiries=(Section47Enquiry(start_date=start, initial_cpc_date=conference),),
    )


def test_icpc_before_its_s47_start_and_the_15th_working_day():
    records = [
        # s47 started Tue 2 May 2023 (day 0). Working days: 3-5 May = 3; Mon 8 May is the
        # coronation bank holiday; 9-12 May = 7; 15-19 May = 12; 22-24 May = 15. So an ICPC on
        # 24 May is on the 15th working day (in time) and one on 25 May on the 16th (late).
        record(1, _enquiry(D(2023, 5, 2), D(2023, 5, 24))),
        record(2, _enquiry(D(2023, 5, 2), D(2023, 5, 25))),
        # ICPC on Fri 8 Sep 2023, before the s47 start on Mon 11 Sep: in the ICPC total, not
        # in the 0-15 working-day bands (LG Inform metric 3217, catalogue note).
        record(3, _enquiry(D(2023, 9, 11), D(2023, 9, 8))),
        # s47 "started" Saturday 16 Sep, ICPC Friday 15 Sep: there are 0 working days in
        # (16 Sep, 15 Sep] but the ICPC is still before the start: not in time.
        record(4, _enquiry(D(2023, 9, 16), D(2023, 9, 15))),
        # An episode-level ICPC with no enquiry (a transfer-in): in the total only.
        record(5, Episode(referral_date=D(2023, 10, 2), initial_cpc_date=D(2023, 10, 2))),
        # The same conference recorded on the enquiry and on the episode counts once (in time).
        record(6, _enquiry(D(2023, 7, 3), D(2023, 7, 3), episode_conference=D(2023, 7, 3))),
        # s47 started Wed 22 Mar 2023 (before the year), ICPC Tue 4 Apr 2023 (in the year):
        # 23-24 Mar = 2, 27-31 Mar = 7, 3-4 Apr = 9 working days (Good Friday was 7 Apr), in
        # time. It counts for the ICPC measure but not for the s47 rate.
        record(7, _enquiry(D(2023, 3, 22), D(2023, 4, 4))),
        # An enquiry with no conference: s47 rate only.
        record(8, _enquiry(D(2024, 3, 28))),
    ]
    # ICPCs in the year: records 1-7 = 7; in time: 1, 6 and 7 = 3.
    assert count(records, "dfe.icpc_within_15_days") == Count(numerator=3, denominator=7)
    # s47 enquiries starting in the year: records 1, 2, 3, 4, 6, 8 = 6 (7 started in March 2023).
    assert count(records, "dfe.s47_rate", population=20_000) == Count(
        numerator=6, denominator=20_000
    )


# --------------------------------------------------------------------------- plans


def _plans(*plans: ChildProtectionPlan, referral: dt.date | None = None) -> Episode:
    return Episode(referral_date=referral or D(2019, 1, 1), child_protection_plans=tuple(plans))


def test_plan_lasting_exactly_2_years():
    records = [
        # 5 Jul 2021 to 5 Jul 2023: the end is the same date 2 years on (add_months(start, 24)),
        # so the plan lasted 2 years or more.
        record(1, _plans(ChildProtectionPlan(start_date=D(2021, 7, 5), end_date=D(2023, 7, 5)))),
        # 6 Jul 2021 to 5 Jul 2023: a day short of 2 years.
        record(2, _plans(ChildProtectionPlan(start_date=D(2021, 7, 6), end_date=D(2023, 7, 5)))),
        # 29 Feb 2020 to 28 Feb 2022 is 2 years (clamped), but it ended before the year.
        record(3, _plans(ChildProtectionPlan(start_date=D(2020, 2, 29), end_date=D(2022, 2, 28)))),
        # 28 Feb 2022 + 24 months = 28 Feb 2024; ended 31 Mar 2024 (the year's last day): long.
        record(4, _plans(ChildProtectionPlan(start_date=D(2022, 2, 28), end_date=D(2024, 3, 31)))),
    ]
    # Ended in the year: records 1, 2, 4 = 3; 2 years or more: 1 and 4 = 2.
    assert count(records, "dfe.cp_plans_ended_2_years") == Count(numerator=2, denominator=3)
    # None is open on 31 March 2024 (record 4 ended that day: not open at 31 March).
    assert count(records, "dfe.cp_plans_rate").numerator == 0


def test_plans_second_or_subsequent_time():
    records = [
        # Child 1: a plan in the year with NumberOfPreviousCPP = 1: subsequent.
        record(1, _plans(ChildProtectionPlan(start_date=D(2023, 5, 1), previous_plans=1))),
        # Child 2: first ever plan (0 previous, none in the record): not subsequent.
        record(2, _plans(ChildProtectionPlan(start_date=D(2023, 5, 1), previous_plans=0))),
        # Child 3: previous plans not recorded, but the record holds a plan from 2019, however
        # long ago ('ever'): subsequent. The new plan is open on 31 March.
        record(
            3,
            _plans(ChildProtectionPlan(start_date=D(2019, 2, 1), end_date=D(2020, 2, 1))),
            _plans(ChildProtectionPlan(start_date=D(2023, 10, 1)), referral=D(2023, 9, 1)),
        ),
        # Child 4: two plans in the year (the first a first plan): the child became subject to a
        # plan for a second time in the year, and is counted once.
        record(
            4,
            _plans(
                ChildProtectionPlan(start_date=D(2024, 1, 5), end_date=D(2024, 3, 1)),
                ChildProtectionPlan(start_date=D(2023, 4, 3), end_date=D(2023, 9, 1)),
                referral=D(2023, 4, 1),
            ),
        ),
        # Child 5: a plan from before the year, still open: on a plan at 31 March only.
        record(5, _plans(ChildProtectionPlan(start_date=D(2022, 1, 4)))),
    ]
    # Children starting a plan in the year: 1, 2, 3, 4 = 4; subsequent: 1, 3, 4 = 3.
    assert count(records, "dfe.cp_plans_subsequent") == Count(numerator=3, denominator=4)
    # Children on a plan at 31 March 2024: 1, 2 (open since May), 3 and 5 = 4.
    assert count(records, "dfe.cp_plans_rate", population=8_000) == Count(
        numerator=4, denominator=8_000
    )


# --------------------------------------------------------------------------- at 31 March


def test_children_in_need_and_looked_after_at_31_march():
    records = [
        # Open episode: in need. Looked after since 2023 with no end: looked after.
        record(
            1,
            Episode(
                referral_date=D(2023, 6, 1),
                looked_after_periods=(LookedAfterPeriod(start_date=D(2023, 7, 1)),),
            ),
        ),
        # Closed on 31 March 2024: not open at 31 March; looked-after period ended that day too.
        record(
            2,
            Episode(
                referral_date=D(2023, 6, 1),
                closure_date=D(2024, 3, 31),
                looked_after_periods=(
                    LookedAfterPeriod(start_date=D(2023, 7, 1), end_date=D(2024, 3, 31)),
                ),
            ),
        ),
        # Two open episodes and a period ending after 31 March: one child in need, looked after.
        record(
            3,
            Episode(
                referral_date=D(2022, 1, 1),
                closure_date=D(2024, 4, 1),
                looked_after_periods=(
                    LookedAfterPeriod(start_date=D(2022, 1, 1), end_date=D(2024, 4, 2)),
                ),
            ),
            Episode(referral_date=D(2024, 3, 1)),
        ),
        # Referred after the year: not in need at 31 March 2024.
        record(4, Episode(referral_date=D(2024, 4, 1))),
    ]
    tally = tally_records(records, period=YEAR, population=1_000)
    assert tally.count("dfe.cin_rate") == Count(numerator=2, denominator=1_000)  # 1 and 3
    assert tally.count("dfe.cla_rate") == Count(numerator=2, denominator=1_000)  # 1 and 3


# --------------------------------------------------------------------------- values


def test_dfe_values_from_a_tally():
    records = [
        record(1, Episode(referral_date=D(2022, 6, 15)), Episode(referral_date=D(2023, 6, 15))),
        record(2, Episode(referral_date=D(2023, 8, 1))),
    ]
    tally = tally_records(records, period=YEAR, population=10_000)
    assert set(tally.counts) == set(KEYS)
    values = {v.key: v for v in dfe_values(tally, period=YEAR)}
    assert [v.key for v in dfe_values(tally, period=YEAR)] == list(KEYS)
    # 2 referrals per 10,000 children = 2.0; 1 re-referral of 2 = 50.0%; 2 children in need.
    assert values["dfe.referrals_rate"].formatted() == "2.0"
    assert values["dfe.re_referrals_12_months"].formatted() == "50.0"
    assert values["dfe.cin_rate"].value == pytest.approx(2.0)
    # No assessments: no value ("z"), never 0.
    assert values["dfe.assessments_within_45_days"].value is None
    # Without a population, the rates have no value.
    bare = {v.key: v for v in dfe_values(tally_records(records, period=YEAR), period=YEAR)}
    assert bare["dfe.referrals_rate"].value is None
    assert bare["dfe.re_referrals_12_months"].formatted() == "50.0"


def test_rules_are_registered_with_their_spans():
    assert RE_REFERRAL_WINDOW.at(YEAR.end).value.amount == 12
    assert LONG_PLAN.at(YEAR.end).value.amount == 2


def test_period_before_the_rules():
    with pytest.raises(RuleNotInForceError):
        tally_records([], period=Period.financial_year(2010))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"records": [], "period": "2023"}, "period"),
        ({"records": [], "period": YEAR, "population": -1}, "population"),
        ({"records": [], "period": YEAR, "population": 1.5}, "population"),
        ({"records": [object()], "period": YEAR}, "records"),
        ({"records": [], "period": YEAR, "calendar": "E&W"}, "calendar"),
    ],
)
def test_bad_input(kwargs, field):
    with pytest.raises(InvalidInputError) as info:
        tally_records(**kwargs)
    assert info.value.field == field


def test_dfe_values_bad_tally():
    with pytest.raises(InvalidInputError) as info:
        dfe_values({"dfe.cin_rate": Count()}, period=YEAR)  # type: ignore[arg-type]
    assert info.value.field == "tally"


# --------------------------------------------------------------------------- properties

_periods = st.integers(min_value=2013, max_value=2025).map(Period.financial_year)


@given(
    records=st.lists(child_records(), max_size=6),
    cuts=st.lists(st.integers(min_value=0, max_value=6), max_size=3),
    period=_periods,
    population=st.integers(min_value=0, max_value=10**6),
)
def test_tally_of_any_split_equals_tally_of_all(records, cuts, period, population):
    # Invariant: the records split anywhere into consecutive groups, each tallied on its own
    # (the population given with the first group only), merge with + into the tally of all.
    bounds = sorted({0, len(records), *(min(c, len(records)) for c in cuts)})
    parts = [records[a:b] for a, b in itertools.pairwise(bounds)] or [[]]
    merged = Tally()
    for index, part in enumerate(parts):
        merged += tally_records(part, period=period, population=population if index == 0 else None)
    assert merged == tally_records(records, period=period, population=population)


@given(records=st.lists(child_records(), max_size=5), period=_periods)
def test_one_pass_over_a_generator_and_order_does_not_matter(records, period):
    # Invariant: a generator (read once) gives the same tally as the list, in any order;
    # numerators never exceed the denominators of the proportions.
    tally = tally_records(iter(records), period=period, calendar=ENGLAND_AND_WALES)
    assert tally == tally_records(list(reversed(records)), period=period)
    for indicator in DFE_MEASURES:
        c = tally.count(indicator.key)
        if indicator.kind.value == "proportion":
            assert c.numerator <= c.denominator
    assert len(dfe_values(tally, period=period)) == len(KEYS)


def test_the_examples_on_the_docs_page_run():
    import doctest
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "docs" / "dfe-measures.md"
    result = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted > 0
    assert result.failed == 0
