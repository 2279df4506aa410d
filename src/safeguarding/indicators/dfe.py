"""The Department for Education's children-in-need measures, counted from case records.

The DfE publishes ten headline measures of children's social care each year
(1 April to 31 March; see [`DFE_MEASURES`][safeguarding.indicators.catalogue.DFE_MEASURES]).
[`tally_records`][] counts all ten from the children's records
([`ChildRecord`][safeguarding.cases.ChildRecord]) in **one pass**: each child is read
once, with memory proportional to that child's own record, never to the
number of children, so the records may come from a generator over a file or a
database cursor. The result is a [`Tally`][safeguarding.indicators.definitions.Tally]:
tallies of separate groups of children (files, authorities, processes) add up
with ``+`` to the tally of all of them. [`dfe_values`][] turns a tally into
the published values with their confidence intervals.

How each measure is counted, for the period ``[start, end]`` (both included):

* **referrals per 10,000**: episodes whose referral date is in the period,
  over the child population (no population: no value);
* **re-referrals within 12 months (%)**: of those referrals, the ones whose
  child's previous referral (the one before it in date order, in any year) is
  on or after the same date 12 months earlier
  (``previous >= add_months(referral, -12)``, so a referral exactly 12 months
  later is a re-referral);
* **assessments within 45 working days (%)**: of assessments authorised in the
  period, those authorised no more than 45 working days after they started
  (the start is day 0, as in the DfE's "same day" band; the 45 is the
  assessment timescale of [`safeguarding.thresholds.timescales`][]);
* **section 47 enquiries per 10,000**: enquiries starting in the period;
* **ICPCs within 15 working days of the s47 start (%)**: of initial
  conferences held in the period (those of the enquiries, and an episode-level
  conference date not already recorded on an enquiry of the episode), those
  held on or after the enquiry started and no more than 15 working days after
  it. A conference before its enquiry started, or with no enquiry, is in the
  denominator but never in the numerator (DfE leaves it out of the duration
  bands but keeps it in the total);
* **plans for a second or subsequent time (%)**: of children starting a plan in
  the period, those for whom one such plan had a previous plan (its
  ``previous_plans`` is above 0, or the child's record holds a plan that comes
  before it in start-date order), however long ago;
* **children on a plan at 31 March per 10,000**;
* **plans ended lasting 2 years or more (%)**: of plans ended in the period,
  those ending on or after the same date 2 years after their start
  (``end >= add_months(start, 24)``);
* **children in need at 31 March per 10,000**: children with an episode open on
  the last day of the period;
* **children looked after at 31 March per 10,000**: children with a
  looked-after period open on that day (the records cannot tell respite
  placements apart, which the DfE leaves out).

Something is *open on* a day when it started on or before that day and has no
end, or ends after it (a plan ending on 31 March is not open at 31 March). The
statutory timescales (45 and 15 working days) are taken as in force on the
last day of the period; the 12-month and 2-year spans are dated rules of this
module (``indicators.dfe_re_referral_window``, ``indicators.dfe_long_plan``).

Examples:
    >>> import datetime as dt
    >>> from safeguarding.cases import ChildRecord, Episode
    >>> from safeguarding.indicators.definitions import Period
    >>> from safeguarding.people import Child
    >>> record = ChildRecord(
    ...     child=Child(identifier="c1", date_of_birth=dt.date(2015, 6, 1)),
    ...     episodes=(Episode(referral_date=dt.date(2023, 5, 2)),
    ...               Episode(referral_date=dt.date(2024, 1, 10))),
    ... )
    >>> year = Period.financial_year(2023)
    >>> tally = tally_records([record], period=year, population=10_000)
    >>> tally.count("dfe.re_referrals_12_months")
    Count(numerator=1, denominator=2)
    >>> for value in dfe_values(tally, period=year)[:2]:
    ...     print(value.key, value.formatted())
    dfe.referrals_rate 2.0
    dfe.re_referrals_12_months 50.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from safeguarding._validate import check_int
from safeguarding.calendar import ENGLAND_AND_WALES, WorkingCalendar, add_months
from safeguarding.cases import ChildProtectionPlan, ChildRecord, Section47Enquiry
from safeguarding.citations import Verification
from safeguarding.decisions import Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.catalogue import DFE_MEASURES
from safeguarding.indicators.definitions import Count, IndicatorValue, Period, Tally
from safeguarding.indicators.publication import DFE_CIN
from safeguarding.rules import DatedRule, Version, register
from safeguarding.thresholds.timescales import ASSESSMENT, INITIAL_CONFERENCE

__all__ = [
    "LONG_PLAN",
    "RE_REFERRAL_WINDOW",
    "dfe_values",
    "tally_records",
]

_SERIES_FROM = dt.date(2012, 4, 1)

RE_REFERRAL_WINDOW: DatedRule[Timescale] = register(
    DatedRule(
        key="indicators.dfe_re_referral_window",
        title="Re-referral: how recent the previous referral must be (DfE CIN statistics)",
        versions=(
            Version(
                in_force_from=_SERIES_FROM,
                value=Timescale(amount=12, unit=Unit.MONTHS, clock_starts="previous referral"),
                source=DFE_CIN.cite(
                    "methodology, 'Calculating referrals within 12 months of a previous referral'",
                    Verification.SECONDARY,
                    note="12 months: the re-referral definition in the DfE methodology "
                    "'Children in need: a focus on sexual abuse and exploitation' (Explore "
                    "Education Statistics). The section named above is listed in the contents "
                    "of DfE's 'Characteristics of children in need 2018 to 2019: methodology "
                    "document' (October 2019), but its text was not read, so whether 12 months "
                    "means 365 days or the same date a year earlier is not confirmed. The "
                    "library counts a previous referral on or after the same date 12 months "
                    "earlier (clamped to the month end). Applied from the 2012-13 census year, "
                    "the earliest year the library's tables use (not a confirmed start of the "
                    "measure).",
                ),
                edition="CIN statistics",
            ),
        ),
    )
)
"""12 calendar months: a referral within this span of the previous one is a re-referral."""

LONG_PLAN: DatedRule[Timescale] = register(
    DatedRule(
        key="indicators.dfe_long_plan",
        title="Child protection plan lasting 2 years or more (DfE CIN statistics, table D7)",
        versions=(
            Version(
                in_force_from=_SERIES_FROM,
                value=Timescale(amount=2, unit=Unit.YEARS, clock_starts="start of the plan"),
                source=DFE_CIN.cite(
                    "table D7 (plans ending by length) and its footnote",
                    Verification.SECONDARY,
                    note="Length is start to end in calendar time, band '2 years or more' "
                    "(the published D7 data set in the Explore Education Statistics data "
                    "catalogue, whose footnote defines the length as start to end). The "
                    "boundary is not stated: the library counts a plan ending on the same "
                    "date 2 years later (clamped to the month end) as 2 years or more. "
                    "Applied from the 2012-13 census year (not a confirmed start).",
                ),
                edition="CIN statistics",
            ),
        ),
    )
)
"""2 years: a plan ending on or after its start plus this span lasted "2 years or more"."""

_MONTHS_IN = {Unit.MONTHS: 1, Unit.YEARS: 12}


def _months(rule: DatedRule[Timescale], on: dt.date) -> int:
    """The span of *rule* in force on *on*, in calendar months."""
    timescale = rule.at(on).value
    return timescale.amount * _MONTHS_IN[timescale.unit]


def _working_days(rule: DatedRule[Timescale], on: dt.date) -> int:
    """The working-day limit of *rule* in force on *on*."""
    timescale = rule.at(on).value
    if timescale.unit is not Unit.WORKING_DAYS:  # pragma: no cover - both rules are in days
        raise InvalidInputError("rule", f"{rule.key} is not counted in working days")
    return timescale.amount


class _Counter:
    """Running counts for one period; reads one child's record at a time."""

    __slots__ = (
        "assessed",
        "assessed_in_time",
        "assessment_limit",
        "calendar",
        "cin",
        "cla",
        "conference_limit",
        "conferences",
        "conferences_in_time",
        "end",
        "enquiries",
        "long_plan_months",
        "long_plans",
        "on_plan",
        "plans_ended",
        "re_referrals",
        "referrals",
        "start",
        "starting_plan",
        "subsequent_plan",
        "window_months",
    )

    def __init__(self, period: Period, calendar: WorkingCalendar) -> None:
        self.start = period.start
        self.end = period.end
        self.calendar = calendar
        self.assessment_limit = _working_days(ASSESSMENT, period.end)
        self.conference_limit = _working_days(INITIAL_CONFERENCE, period.end)
        self.window_months = _months(RE_REFERRAL_WINDOW, period.end)
        self.long_plan_months = _months(LONG_PLAN, period.end)
        self.referrals = self.re_referrals = 0
        self.assessed = self.assessed_in_time = 0
        self.enquiries = self.conferences = self.conferences_in_time = 0
        self.starting_plan = self.subsequent_plan = self.on_plan = 0
        self.plans_ended = self.long_plans = 0
        self.cin = self.cla = 0

    def add(self, record: ChildRecord) -> None:
        """Count one child's record."""
        start, end = self.start, self.end
        between = self.calendar.working_days_between
        in_need = looked_after = False
        plans: list[ChildProtectionPlan] = []
        for episode in record.episodes:
            closed = episode.closure_date
            if episode.referral_date <= end and (closed is None or closed > end):
                in_need = True
            for assessment in episode.assessments:
                authorised = assessment.authorisation_date
                if authorised is not None and start <= authorised <= end:
                    self.assessed += 1
                    if between(assessment.start_date, authorised) <= self.assessment_limit:
                        self.assessed_in_time += 1
            enquiry_conferences = self._enquiries(episode.section47_enquiries)
            conference = episode.initial_cpc_date
            if (
                conference is not None
                and start <= conference <= end
                and conference not in enquiry_conferences
            ):
                self.conferences += 1
            plans.extend(episode.child_protection_plans)
            for stay in episode.looked_after_periods:
                if stay.start_date <= end and (stay.end_date is None or stay.end_date > end):
                    looked_after = True
        self._referrals(sorted(episode.referral_date for episode in record.episodes))
        if plans:
            self._plans(sorted(plans, key=_plan_start))
        self.cin += in_need
        self.cla += looked_after

    def _referrals(self, days: list[dt.date]) -> None:
        start, end = self.start, self.end
        previous: dt.date | None = None
        for day in days:
            if start <= day <= end:
                self.referrals += 1
                if previous is not None and previous >= add_months(day, -self.window_months):
                    self.re_referrals += 1
            previous = day

    def _enquiries(self, enquiries: Iterable[Section47Enquiry]) -> set[dt.date]:
        start, end = self.start, self.end
        between = self.calendar.working_days_between
        held: set[dt.date] = set()
        for enquiry in enquiries:
            began = enquiry.start_date
            if start <= began <= end:
                self.enquiries += 1
            conference = enquiry.initial_cpc_date
            if conference is None:
                continue
            held.add(conference)
            if start <= conference <= end:
                self.conferences += 1
                if conference >= began and between(began, conference) <= self.conference_limit:
                    self.conferences_in_time += 1
        return held

    def _plans(self, plans: list[ChildProtectionPlan]) -> None:
        start, end = self.start, self.end
        starting = subsequent = on_plan = False
        for index, plan in enumerate(plans):
            ended = plan.end_date
            if plan.start_date <= end and (ended is None or ended > end):
                on_plan = True
            if start <= plan.start_date <= end:
                starting = True
                if index > 0 or (plan.previous_plans or 0) > 0:
                    subsequent = True
            if ended is not None and start <= ended <= end:
                self.plans_ended += 1
                if ended >= add_months(plan.start_date, self.long_plan_months):
                    self.long_plans += 1
        self.starting_plan += starting
        self.subsequent_plan += subsequent
        self.on_plan += on_plan

    def tally(self, population: int) -> Tally:
        def share(numerator: int, denominator: int) -> Count:
            return Count(numerator=numerator, denominator=denominator)

        def rate(events: int) -> Count:
            return Count(numerator=events, denominator=population)

        return Tally(
            counts={
                "dfe.referrals_rate": rate(self.referrals),
                "dfe.re_referrals_12_months": share(self.re_referrals, self.referrals),
                "dfe.assessments_within_45_days": share(self.assessed_in_time, self.assessed),
                "dfe.s47_rate": rate(self.enquiries),
                "dfe.icpc_within_15_days": share(self.conferences_in_time, self.conferences),
                "dfe.cp_plans_subsequent": share(self.subsequent_plan, self.starting_plan),
                "dfe.cp_plans_rate": rate(self.on_plan),
                "dfe.cp_plans_ended_2_years": share(self.long_plans, self.plans_ended),
                "dfe.cin_rate": rate(self.cin),
                "dfe.cla_rate": rate(self.cla),
            }
        )


def _plan_start(plan: ChildProtectionPlan) -> dt.date:
    return plan.start_date


def tally_records(
    records: Iterable[ChildRecord],
    *,
    period: Period,
    population: int | None = None,
    calendar: WorkingCalendar = ENGLAND_AND_WALES,
) -> Tally:
    """Count the DfE children-in-need measures of *period* from children's records, in one pass.

    Each record is read once and dropped (memory grows with one child's
    record, not with the number of children), so *records* may be any
    iterable, a generator included. Each child's record must hold all of that
    child's episodes, earlier years included: re-referrals and repeat plans
    look back at them. The measures and their conventions are in the module
    docstring. For the rates the denominator is *population* (children aged
    under 18); give it once per area: tallies of several groups of the same
    area's children add up to the area's tally only if just one of them
    carries the population. With no population the rates get no value.

    Legal basis:
        DfE, *Characteristics of children in need* (tables C2, C4, D1, D3,
        D7) and *Children looked after in England*; the 45 and 15 working
        days are the rules ``thresholds.assessment`` and
        ``thresholds.initial_conference`` in force on the period's last day;
        the 12-month and 2-year spans are the rules
        ``indicators.dfe_re_referral_window`` and ``indicators.dfe_long_plan``.

    Args:
        records: The children's records (each child once).
        period: The reporting period (usually ``Period.financial_year(year)``).
        population: Children aged under 18 in the area, or ``None``.
        calendar: The working-day calendar for the durations.

    Returns:
        A tally holding a count for each of the ten DfE measures (zeros included).

    Raises:
        InvalidInputError: *period* is not a Period, *population* is not a
            non-negative integer, or an item of *records* is not a ChildRecord.
        RuleNotInForceError: the period ends before a rule it needs was in force.
        CalendarCoverageError: a date outside the working-day calendar.

    Examples:
        >>> import datetime as dt
        >>> tally_records([], period=Period.financial_year(2023)).count("dfe.cin_rate")
        Count(numerator=0, denominator=0)
    """
    if not isinstance(period, Period):
        raise InvalidInputError("period", "must be a Period")
    if population is not None:
        check_int("population", population, minimum=0)
    if not isinstance(calendar, WorkingCalendar):
        raise InvalidInputError("calendar", "must be a WorkingCalendar")
    counter = _Counter(period, calendar)
    for record in records:
        if not isinstance(record, ChildRecord):
            raise InvalidInputError("records", "must hold only ChildRecord objects")
        counter.add(record)
    return counter.tally(population or 0)


def dfe_values(
    tally: Tally, *, period: Period, confidence: float = 0.95
) -> tuple[IndicatorValue, ...]:
    """The ten DfE measures' values from a tally, in catalogue order, with their intervals.

    Proportions get Wilson intervals and rates per 10,000 exact Poisson or
    Byar intervals (see [`compute`][safeguarding.indicators.definitions.Indicator.compute]);
    a measure with a zero denominator (no population, no assessments) has no value.

    Legal basis:
        DfE, *Characteristics of children in need*; OHID public health
        technical guidance for the intervals.

    Args:
        tally: Counts, usually from [`tally_records`][] (merged with ``+``).
        period: The period the counts are for.
        confidence: The confidence level of the intervals.

    Returns:
        One value per measure of [`DFE_MEASURES`][safeguarding.indicators.catalogue.DFE_MEASURES].

    Raises:
        InvalidInputError: *tally* is not a Tally, or a bad period or confidence.

    Examples:
        >>> values = dfe_values(Tally(), period=Period.financial_year(2023))
        >>> len(values), values[0].formatted()
        (10, 'z')
    """
    if not isinstance(tally, Tally):
        raise InvalidInputError("tally", "must be a Tally")
    return tally.values(DFE_MEASURES, period=period, confidence=confidence)
