"""Child protection and looked-after timescales (safeguarding.thresholds.timescales).

Sources. No Working Together paragraph could be read in either edition, so every Working
Together timescale below is secondary (restatements named):

- referral decision within one working day: Working Together to Safeguard Children 2018,
  chapter 1, "Timeliness" (pp. 33-34); restated by local procedures;
- assessment concluded within 45 working days of the referral: Working Together 2018,
  chapter 1, para 82 (p. 34), as cited by Family Rights Group, "Enquiries and assessment",
  https://frg.org.uk/get-help-and-advice/what/child-protection/enquiries-and-assessment/ , and
  restated by the tri.x glossary, https://proceduresonline.com/toolkit/glossary/a/cs-assessment ;
- initial child protection conference within 15 working days of the strategy discussion at
  which the s47 enquiries were initiated: Working Together 2013, 2015 and 2018 as restated by
  English procedures (e.g. Pan-Sussex 5.2,
  http://sussexchildprotection.procedures.org.uk/hkypqx/child-protection-conferences/initial-child-protection-conference );
  the Working Together 2023 wording is unverified. The "last strategy discussion" wording is
  the Isle of Man procedure's,
  https://isleofmanchildcare.proceduresonline.com/local_keywords/init_cp_conf.html ;
- first core group within 10 working days of the conference (Norfolk LSCB procedures 3.6);
- review conferences within 3 months of the conference, then at most 6 months apart
  (Pan-Sussex procedures 5.5; tri.x national keyword "Review child protection conference");
- looked-after reviews within 20 working days, then 3 months, then 6 months: Care Planning,
  Placement and Case Review (England) Regulations 2010 (SI 2010/959) reg 33,
  https://www.legislation.gov.uk/uksi/2010/959 (restated by Childhood First procedures).

Worked dates W44-W47 are rows of tests/data/indicator_reference_values.md.
"""

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.calendar import ENGLAND_AND_WALES, working_days_between
from safeguarding.cases import Section47Enquiry, StrategyDiscussion
from safeguarding.citations import Verification
from safeguarding.decisions import Unit
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.strategies._core import calendar_dates
from safeguarding.thresholds.timescales import (
    ASSESSMENT,
    INITIAL_CONFERENCE,
    INITIAL_CONFERENCE_ANCHOR,
    IcpcAnchor,
    assessment_deadline,
    first_core_group_deadline,
    first_looked_after_review_deadline,
    first_review_conference_deadline,
    initial_conference_anchor,
    initial_conference_deadline,
    next_looked_after_review_deadline,
    next_review_conference_deadline,
    referral_decision_deadline,
    second_looked_after_review_deadline,
)

D = dt.date


ENQ = Section47Enquiry(start_date=dt.date(2024, 12, 5))


def anchored(anchor: IcpcAnchor) -> Procedures:
    """Procedures that choose *anchor* for the initial conference clock, from 2000."""
    return Procedures.adopt(
        "Local child protection procedures",
        {"thresholds.initial_conference_anchor": anchor},
        in_force_from=dt.date(2000, 1, 1),
    )


def bad(value: object) -> Any:
    """A wrongly typed value, passed on purpose."""
    return value


# --------------------------------------------------------------------------- golden due dates
# Every expected date below was counted by hand on the England and Wales calendar (day 0 is
# the day the clock starts) and checked against numpy.busday_offset with the `holidays`
# package's England list.


@pytest.mark.parametrize(
    ("referral", "due"),
    [
        # Row W44: Mon 25 Mar 2024 + 45 working days; Good Friday 29 Mar and Easter
        # Monday 1 Apr 2024 skipped (and the early May bank holiday, 6 May).
        (D(2024, 3, 25), D(2024, 5, 31)),
        # Easter 2025: Good Friday 18 Apr, Easter Monday 21 Apr, early May 5 May skipped.
        (D(2025, 3, 17), D(2025, 5, 22)),
        # Christmas 2024: 25 and 26 Dec and 1 Jan 2025 skipped.
        (D(2024, 11, 1), D(2025, 1, 8)),
        # Christmas 2023 (25, 26 Dec, 1 Jan 2024 skipped).
        (D(2023, 12, 1), D(2024, 2, 7)),
    ],
)
def test_assessment_due_dates_across_easter_and_christmas(referral, due):
    deadline = assessment_deadline(referral)
    assert deadline.due == due
    assert working_days_between(referral, due) == 45
    assert deadline.timescale.amount == 45
    assert deadline.rule_key == "thresholds.assessment"


def test_referral_decision_is_the_next_working_day():
    # Christmas Eve 2024 (Tuesday): 25 and 26 Dec are holidays, so Friday 27 Dec.
    assert referral_decision_deadline(D(2024, 12, 24)).due == D(2024, 12, 27)
    # A referral received on a Saturday is decided by the Monday (day 0 is never counted).
    assert referral_decision_deadline(D(2024, 3, 23)).due == D(2024, 3, 25)


@pytest.mark.parametrize(
    ("discussion", "due"),
    [
        # Row W45: 19 Dec 2024 + 15 working days = 14 Jan 2025.
        (D(2024, 12, 19), D(2025, 1, 14)),
        # 4 Dec 2024 + 15 working days = 27 Dec 2024 (25, 26 Dec skipped).
        (D(2024, 12, 4), D(2024, 12, 27)),
    ],
)
def test_initial_conference_deadline(discussion, due):
    assert initial_conference_deadline(discussion).due == due


def test_first_core_group_across_easter():
    # Row W46: ICPC Fri 11 Apr 2025 + 10 working days = 29 Apr 2025.
    assert first_core_group_deadline(D(2025, 4, 11)).due == D(2025, 4, 29)


@pytest.mark.parametrize(
    ("conference", "first", "second"),
    [
        # Calendar months; the sources give no rule for month ends, so the calendar clamps
        # to the last day of the month (calendar.add_months):
        # 31 Aug + 3 months is 30 Nov; 30 Nov 2023 + 3 months is 29 Feb 2024 (leap year);
        # 30 Nov 2024 + 3 months is 28 Feb 2025. Later reviews: 6 months from the review held.
        (D(2023, 8, 31), D(2023, 11, 30), D(2024, 5, 30)),
        (D(2024, 8, 31), D(2024, 11, 30), D(2025, 5, 30)),
        (D(2023, 11, 30), D(2024, 2, 29), D(2024, 8, 29)),
        (D(2024, 11, 30), D(2025, 2, 28), D(2025, 8, 28)),
    ],
)
def test_review_conferences_clamp_to_month_end(conference, first, second):
    due = first_review_conference_deadline(conference)
    assert due.due == first
    assert due.timescale.unit is Unit.MONTHS
    # Held on the due day, the next review is 6 calendar months after it.
    assert next_review_conference_deadline(first).due == second
    # From 31 August directly, 6 months clamps to the end of February.
    assert next_review_conference_deadline(D(2024, 8, 31)).due == D(2025, 2, 28)


def test_looked_after_reviews_from_16_december():
    # Row W47: looked after from Mon 16 Dec 2024, the 20th working day is
    # 16 Jan 2025 (25, 26 Dec and 1 Jan skipped); then 3 months; then 6 months (reg 33).
    first = first_looked_after_review_deadline(D(2024, 12, 16))
    assert first.due == D(2025, 1, 16)
    assert first.source.provision.startswith("reg 33")
    assert second_looked_after_review_deadline(first.due).due == D(2025, 4, 16)
    assert next_looked_after_review_deadline(D(2025, 4, 16)).due == D(2025, 10, 16)


# --------------------------------------------------------------------------- editions and errors


def test_the_edition_in_force_on_the_clock_start_is_cited():
    before = assessment_deadline(D(2023, 12, 14))
    after = assessment_deadline(D(2023, 12, 15))
    assert "2018" in before.source.instrument
    assert "2023" in after.source.instrument
    assert "2013" in assessment_deadline(D(2013, 4, 15)).source.instrument
    assert "2015" in assessment_deadline(D(2015, 3, 26)).source.instrument


def test_statuses_are_honest():
    # Every Working Together timescale is secondary (restatements only, see the module
    # docstring); the WT2023 ICPC rule and anchor are unverified; the anchor defaults to the
    # initiating discussion.
    assert {v.source.status for v in ASSESSMENT.versions} == {Verification.SECONDARY}
    assert INITIAL_CONFERENCE.versions[-1].source.status is Verification.UNVERIFIED
    assert INITIAL_CONFERENCE_ANCHOR.versions[-1].source.status is Verification.UNVERIFIED
    assert {v.value for v in INITIAL_CONFERENCE_ANCHOR.versions} == {IcpcAnchor.INITIATING}


def test_before_working_together_2013_no_rule_applies():
    with pytest.raises(RuleNotInForceError) as caught:
        assessment_deadline(D(2013, 4, 14))
    assert caught.value.key == "thresholds.assessment"
    with pytest.raises(RuleNotInForceError):
        first_looked_after_review_deadline(D(2011, 3, 31))


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: referral_decision_deadline(bad(dt.datetime(2024, 1, 1))), "referral"),
        (lambda: assessment_deadline(bad("2024-01-01")), "referral"),
        (lambda: initial_conference_deadline(bad(None)), "strategy_discussion"),
        (lambda: first_core_group_deadline(bad(20240101)), "initial_conference"),
        (lambda: first_review_conference_deadline(bad(None)), "initial_conference"),
        (lambda: next_review_conference_deadline(bad(None)), "previous_review"),
        (lambda: first_looked_after_review_deadline(bad(None)), "looked_after_from"),
        (lambda: second_looked_after_review_deadline(bad(None)), "first_review"),
        (lambda: next_looked_after_review_deadline(bad(None)), "previous_review"),
        (lambda: anchored(bad("last")), "overrides['thresholds.initial_conference_anchor']"),
        (lambda: assessment_deadline(D(2024, 1, 1), procedures=bad(None)), "procedures"),
        (lambda: assessment_deadline(D(2024, 1, 1), on=bad("2024-01-01")), "on"),
        (
            lambda: initial_conference_anchor(ENQ, on=D(2025, 2, 1), procedures=bad(None)),
            "procedures",
        ),
    ],
)
def test_bad_input_names_the_argument(call, field):
    with pytest.raises(InvalidInputError) as caught:
        call()
    assert caught.value.field == field


def test_local_closures_move_working_day_deadlines():
    closed = ENGLAND_AND_WALES.with_closures(D(2024, 12, 27), name="council closure")
    local = Procedures(calendar=closed)
    assert referral_decision_deadline(D(2024, 12, 24), procedures=local).due == D(2024, 12, 30)


# --------------------------------------------------------------------------- ICPC anchor


def discussion(day: dt.date, initiated: bool | None = None) -> StrategyDiscussion:
    return StrategyDiscussion(discussion_date=day, initiated_s47=initiated)


ENQUIRY = Section47Enquiry(
    start_date=D(2024, 12, 5),
    strategy_discussions=(discussion(D(2024, 12, 4), True), discussion(D(2024, 12, 19))),
)
ON = D(2025, 2, 1)


@pytest.mark.parametrize(
    ("anchor", "start", "due"),
    [
        # National default (WT2013-2018 as restated by English procedures): the discussion at
        # which the s47 enquiry was initiated (4 Dec 2024 -> 27 Dec 2024, Christmas skipped).
        (None, D(2024, 12, 4), D(2024, 12, 27)),
        (IcpcAnchor.INITIATING, D(2024, 12, 4), D(2024, 12, 27)),
        (IcpcAnchor.FIRST, D(2024, 12, 4), D(2024, 12, 27)),
        # Isle of Man wording (opt-in): the last discussion, 19 Dec 2024 -> 14 Jan 2025 (W45).
        (IcpcAnchor.LAST, D(2024, 12, 19), D(2025, 1, 14)),
    ],
)
def test_icpc_anchored_on_the_first_or_the_last_discussion(anchor, start, due):
    procedures = NATIONAL if anchor is None else anchored(anchor)
    chosen, why = initial_conference_anchor(ENQUIRY, on=ON, procedures=procedures)
    assert chosen == start
    assert initial_conference_deadline(chosen).due == due
    assert "strategy discussion" in why


def test_initiating_fallbacks_and_census_records():
    # None flagged: the last discussion on or before the s47 start initiated it.
    enquiry = Section47Enquiry(
        start_date=D(2024, 3, 6),
        strategy_discussions=(
            discussion(D(2024, 3, 1)),
            discussion(D(2024, 3, 5), False),
            discussion(D(2024, 3, 20)),
        ),
    )
    assert initial_conference_anchor(enquiry, on=ON)[0] == D(2024, 3, 5)
    # All discussions after the recorded start (a data error): the first one.
    late = Section47Enquiry(
        start_date=D(2024, 3, 1), strategy_discussions=(discussion(D(2024, 3, 8)),)
    )
    chosen, why = initial_conference_anchor(late, on=ON)
    assert chosen == D(2024, 3, 8)
    assert "none is recorded" in why
    # No discussion recorded (the CIN census has none): DfE's proxy, the s47 start (DfE
    # children in need statistics, table C4).
    census = Section47Enquiry(start_date=D(2024, 3, 1))
    assert initial_conference_anchor(census, on=ON) == (
        D(2024, 3, 1),
        "start of the s47 enquiry (no strategy discussion recorded)",
    )


def test_anchor_ignores_discussions_not_known_yet_or_after_the_conference():
    last = anchored(IcpcAnchor.LAST)
    assert initial_conference_anchor(ENQUIRY, on=D(2024, 12, 10), procedures=last)[0] == D(
        2024, 12, 4
    )
    held = Section47Enquiry(
        start_date=D(2024, 12, 5),
        strategy_discussions=ENQUIRY.strategy_discussions,
        initial_cpc_date=D(2024, 12, 18),
    )
    assert initial_conference_anchor(held, on=ON, procedures=last)[0] == D(2024, 12, 4)


def test_anchor_errors():
    with pytest.raises(InvalidInputError) as caught:
        initial_conference_anchor(bad("enquiry"), on=ON)
    assert caught.value.field == "enquiry"
    with pytest.raises(InvalidInputError):
        initial_conference_anchor(ENQUIRY, on=bad(dt.datetime(2025, 1, 1)))
    old = Section47Enquiry(
        start_date=D(2012, 5, 1), strategy_discussions=(discussion(D(2012, 5, 1)),)
    )
    with pytest.raises(RuleNotInForceError):
        initial_conference_anchor(old, on=ON)
    # A local choice needs no national rule.
    first = anchored(IcpcAnchor.FIRST)
    assert initial_conference_anchor(old, on=ON, procedures=first)[0] == D(2012, 5, 1)


# --------------------------------------------------------------------------- properties


@given(start=calendar_dates(D(2013, 4, 15), D(2029, 12, 31)))
def test_working_day_deadlines_count_exactly_their_days(start):
    for function, days in (
        (referral_decision_deadline, 1),
        (assessment_deadline, 45),
        (initial_conference_deadline, 15),
        (first_core_group_deadline, 10),
        (first_looked_after_review_deadline, 20),
    ):
        deadline = function(start)
        assert deadline.started == start
        assert deadline.due > start
        assert working_days_between(start, deadline.due) == days
        assert ENGLAND_AND_WALES.is_working_day(deadline.due)


@given(start=calendar_dates(D(2013, 4, 15), D(2030, 6, 30)))
def test_month_deadlines_never_overshoot_the_calendar_month(start):
    for function, months in (
        (first_review_conference_deadline, 3),
        (next_review_conference_deadline, 6),
        (second_looked_after_review_deadline, 3),
        (next_looked_after_review_deadline, 6),
    ):
        due = function(start).due
        assert (due.year - start.year) * 12 + due.month - start.month == months
        assert due.day <= start.day


@given(
    anchor=st.sampled_from(IcpcAnchor), days=st.lists(st.integers(0, 40), min_size=1, max_size=4)
)
def test_the_anchor_is_one_of_the_known_discussions(anchor, days):
    start = D(2024, 1, 8)
    discussions = tuple(discussion(start + dt.timedelta(days=d)) for d in days)
    enquiry = Section47Enquiry(start_date=start, strategy_discussions=discussions)
    chosen, _ = initial_conference_anchor(enquiry, on=D(2025, 1, 1), procedures=anchored(anchor))
    assert chosen in {d.discussion_date for d in discussions}
    if anchor is IcpcAnchor.FIRST:
        assert chosen == min(d.discussion_date for d in discussions)
    if anchor is IcpcAnchor.LAST:
        assert chosen == max(d.discussion_date for d in discussions)


def test_national_procedures_are_the_defaults():
    assert NATIONAL.override("thresholds.initial_conference_anchor") is None
    assert NATIONAL.calendar is ENGLAND_AND_WALES


def test_a_local_anchor_cites_the_local_procedures():
    local = anchored(IcpcAnchor.LAST)
    version = INITIAL_CONFERENCE_ANCHOR.at(ON, procedures=local)
    assert version.value is IcpcAnchor.LAST
    assert version.source.instrument == "Local child protection procedures"
    assert INITIAL_CONFERENCE_ANCHOR.at(ON).value is IcpcAnchor.INITIATING


def test_deadlines_are_cached_per_rule_day_and_procedures(monkeypatch):
    from safeguarding.calendar import WorkingCalendar
    from safeguarding.thresholds import timescales

    monkeypatch.setattr(timescales, "_DEADLINES", {})
    day = dt.date(2024, 3, 25)
    first = timescales.assessment_deadline(day)
    assert timescales.assessment_deadline(day) is first
    # Another calendar (a local closure) gives its own deadline, never the cached one.
    local = WorkingCalendar(name="local", extra_closures=frozenset({dt.date(2024, 4, 2)}))
    other = timescales.assessment_deadline(day, procedures=Procedures(calendar=local))
    assert other.due == dt.date(2024, 6, 3)
    assert first.due == dt.date(2024, 5, 31)
    # The cache is bounded: it starts again when full.
    monkeypatch.setattr(timescales, "_DEADLINES_LIMIT", 2)
    again = timescales.assessment_deadline(dt.date(2024, 3, 26))
    assert len(timescales._DEADLINES) == 1
    assert timescales.assessment_deadline(dt.date(2024, 3, 26)) is again
