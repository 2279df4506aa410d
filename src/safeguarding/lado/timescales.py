"""What is due by when in an allegation case.

* **Employer to LADO:** the LADO should be informed within **one working day**
  of an allegation coming to the employer's attention (Working Together 2015;
  not confirmed in the later editions' text, and many areas now set their own
  rule, for example "within 24 hours": a [`LadoProcedures`][] parameter).
* **Clearly unsubstantiated or malicious** from the outset: resolved within
  **one week** (KCSIE 2016 para 175).
* **No formal action needed** (no possible criminal offence, no disciplinary
  action): the employer takes appropriate action within **3 working days**.
* **Disciplinary hearing needed:** held within **15 working days**.
* **Further investigation:** the investigator's report within **10 working
  days**, and the decision on a hearing within **2 working days** of the report.
  These two appear in local procedures but in no national text read: they are
  *unverified* and [`LadoProcedures`][] can replace them.
* **Resolution targets** (KCSIE 2016 para 174): **80%** of cases resolved within
  **1 month**, **90%** within **3 months**, all but the most exceptional within
  **12 months**. Not confirmed after 2016, but LADO annual reports still use
  them as bands.

Working days exclude weekends and England and Wales bank holidays; the day the
clock starts is **day 0**, so "within N working days of X" means on or before
the N-th working day after X. Months clamp to the end of a shorter month.
Each rule is applied as it stood on the day its clock starts, unless the
caller passes another date as ``on=``.

Examples:
    >>> import datetime as dt
    >>> referral_deadline(dt.date(2024, 3, 28)).due   # Good Friday, weekend, Easter Monday
    datetime.date(2024, 4, 2)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from safeguarding._validate import check_date, check_enum, is_instance, is_text
from safeguarding.calendar import ENGLAND_AND_WALES, WorkingCalendar, add_months
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.lado.editions import LOCAL_ALLEGATIONS_PROCEDURES, _carried, _version
from safeguarding.lado.models import Timeline
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    WORKING_TOGETHER_2015,
    WORKING_TOGETHER_2018,
    WORKING_TOGETHER_2023,
    keeping_children_safe_in_education,
)

__all__ = [
    "CLEARLY_UNSUBSTANTIATED_RESOLUTION",
    "EMPLOYER_REFERRAL",
    "HEARING",
    "HEARING_DECISION",
    "INVESTIGATION_REPORT",
    "NATIONAL",
    "NO_FORMAL_ACTION",
    "RESOLUTION_TARGETS",
    "LadoProcedures",
    "Pathway",
    "ResolutionBand",
    "action_deadline",
    "deadlines",
    "hearing_deadline",
    "hearing_decision_deadline",
    "investigation_report_deadline",
    "referral_deadline",
    "resolution_deadline",
    "resolution_target_deadlines",
]

_AWARE = "employer became aware of the allegation"
_REVIEW = "initial discussion or strategy discussion with the LADO"

_KCSIE_2016_P47 = "https://online.flipbuilder.com/ruih/lrev/files/basic-html/page47.html"
_KCSIE_2016_NOTE = (
    "Read in a verbatim online copy of the September 2016 edition (Part four, paras 174-175, "
    "page 47 of the copy). "
    "Not seen in the KCSIE 2021 paragraphs read (335-345, 381-384, 396-399, 406-410); "
    "absence from later editions is not proven."
)


def _kcsie_2016(provision: str) -> Citation:
    return keeping_children_safe_in_education(2016).cite(
        provision, Verification.PRIMARY, url=_KCSIE_2016_P47, note=_KCSIE_2016_NOTE
    )


def _from_2016(key: str, title: str, value: Timescale, provision: str) -> DatedRule[Timescale]:
    return register(
        DatedRule(
            key=key,
            title=title,
            versions=(
                _version(2016, value, _kcsie_2016(provision)),
                _carried(2018, value, read_in=2016, what="timescales"),
            ),
        )
    )


EMPLOYER_REFERRAL: DatedRule[Timescale] = register(
    DatedRule(
        key="lado.employer_referral",
        title="Employer informs the LADO of an allegation (national default)",
        versions=(
            Version(
                in_force_from=dt.date(2015, 3, 26),
                value=Timescale(amount=1, unit=Unit.WORKING_DAYS, clock_starts=_AWARE),
                source=WORKING_TOGETHER_2015.cite(
                    "chapter 2, allegations against people who work with children",
                    Verification.SECONDARY,
                    url="https://seftonlscb.org.uk/lscb/professionals/"
                    "managing-allegations-local-authoritys-designated-officer",
                    note="Sefton LSCB quotes the Working Together wording (the designated "
                    "officer informed within one working day of all allegations that come to "
                    "an employer's attention or are made directly to the police); Luton cites "
                    "it to WT 2015. Confirmed with the search tool. KCSIE itself says "
                    "'immediately' (2016 para 151).",
                ),
                edition="WT 2015",
            ),
            Version(
                in_force_from=dt.date(2018, 7, 4),
                value=Timescale(amount=1, unit=Unit.WORKING_DAYS, clock_starts=_AWARE),
                source=WORKING_TOGETHER_2018.cite(
                    "chapter 2, allegations against people who work with children",
                    Verification.UNVERIFIED,
                    note="WT 2018 as quoted by Salford SCP says the allegation is reported "
                    "immediately to a senior manager and the LADO notified, with no day count. "
                    "One working day is kept as the default because local procedures still "
                    "use it; set LadoProcedures.employer_referral for a local rule.",
                ),
                edition="WT 2018",
            ),
            Version(
                in_force_from=dt.date(2023, 12, 15),
                value=Timescale(amount=1, unit=Unit.WORKING_DAYS, clock_starts=_AWARE),
                source=WORKING_TOGETHER_2023.cite(
                    "chapter 4, allegations against people who work with children",
                    Verification.UNVERIFIED,
                    note="Bristol's LADO page repeats the one-working-day sentence without "
                    "quoting WT 2023; the WT 2023 text was not read.",
                ),
                edition="WT 2023",
            ),
        ),
    )
)

CLEARLY_UNSUBSTANTIATED_RESOLUTION = _from_2016(
    "lado.clearly_unsubstantiated_resolution",
    "Allegation clearly unsubstantiated or malicious from the outset: resolved",
    Timescale(amount=1, unit=Unit.WEEKS, clock_starts=_AWARE),
    "Part four, para 175",
)
NO_FORMAL_ACTION = _from_2016(
    "lado.no_formal_action",
    "No possible criminal offence and no formal disciplinary action needed: employer acts",
    Timescale(amount=3, unit=Unit.WORKING_DAYS, clock_starts=_REVIEW),
    "Part four, para 175",
)
HEARING = _from_2016(
    "lado.hearing",
    "Disciplinary hearing held",
    Timescale(amount=15, unit=Unit.WORKING_DAYS, clock_starts="decision that a hearing is needed"),
    "Part four, para 175",
)


def _local(key: str, title: str, value: Timescale, what: str) -> DatedRule[Timescale]:
    return register(
        DatedRule(
            key=key,
            title=title,
            versions=(
                Version(
                    in_force_from=dt.date(2014, 4, 3),
                    value=value,
                    source=LOCAL_ALLEGATIONS_PROCEDURES.cite(
                        what,
                        Verification.UNVERIFIED,
                        note="Found in local procedures only, in no KCSIE or Working Together "
                        "text read; the start date is the start of the library's coverage, "
                        "not a commencement. Replace it with LadoProcedures if your area "
                        "sets another timescale.",
                    ),
                ),
            ),
        )
    )


INVESTIGATION_REPORT = _local(
    "lado.investigation_report",
    "Investigator's report to the case manager (model local timescale)",
    Timescale(amount=10, unit=Unit.WORKING_DAYS, clock_starts="decision to investigate further"),
    "investigation report",
)
HEARING_DECISION = _local(
    "lado.hearing_decision",
    "Case manager decides whether a hearing is needed (model local timescale)",
    Timescale(amount=2, unit=Unit.WORKING_DAYS, clock_starts="investigation report"),
    "decision after the investigation report",
)


@attrs.frozen(kw_only=True)
class ResolutionBand:
    """A share of cases to be resolved within a number of months.

    Attributes:
        percent: The share, or ``None`` for "all but the most exceptional".
        months: The number of months from the referral to the LADO.
    """

    percent: int | None = attrs.field()
    months: int = attrs.field()

    @percent.validator
    def _check_percent(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (type(value) is not int or not 0 < value <= 100):
            raise InvalidInputError(attribute.name, "must be a whole percentage 1-100 or None")

    @months.validator
    def _check_months(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int or not 1 <= value <= 120:
            raise InvalidInputError(attribute.name, "must be a whole number of months 1-120")

    @property
    def period(self) -> str:
        """``"1 month"``, ``"3 months"``."""
        return f"{self.months} month{'s' if self.months != 1 else ''}"

    def describe(self) -> str:
        """``"80% within 1 month"``."""
        share = "all but the most exceptional" if self.percent is None else f"{self.percent}%"
        return f"{share} within {self.period}"


_BANDS = (
    ResolutionBand(percent=80, months=1),
    ResolutionBand(percent=90, months=3),
    ResolutionBand(percent=None, months=12),
)

RESOLUTION_TARGETS: DatedRule[tuple[ResolutionBand, ...]] = register(
    DatedRule(
        key="lado.resolution_targets",
        title="Target timescales for resolving allegation cases (reporting bands)",
        versions=(
            _version(2016, _BANDS, _kcsie_2016("Part four, para 174")),
            _version(
                2018,
                _BANDS,
                keeping_children_safe_in_education(2018).cite(
                    "Part four, target timescales (text of this edition not read)",
                    Verification.UNVERIFIED,
                    note="Not confirmed in KCSIE 2018 or any later edition. Kept because LADO "
                    "annual reports still report closure within 1, 3 and 12 months as bands.",
                ),
            ),
        ),
    )
)


class Pathway(enum.Enum):
    """How the case proceeds after the initial discussion with the LADO."""

    CLEARLY_UNSUBSTANTIATED_OR_MALICIOUS = "clearly unsubstantiated or malicious"
    NO_FORMAL_ACTION = "no formal action"
    HEARING_WITHOUT_INVESTIGATION = "hearing without further investigation"
    FURTHER_INVESTIGATION = "further investigation"


def _is_optional_timescale(
    _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, Timescale):
        raise InvalidInputError(attribute.name, "must be a Timescale or None")


_NATIONAL_NAME = "national defaults"


@attrs.frozen(kw_only=True)
class LadoProcedures:
    """A local safeguarding partnership's choices, with national defaults.

    Attributes:
        name: Whose procedures these are (``"Sefton SCP procedures 2021"``).
        employer_referral: Local timescale for the employer to inform the LADO
            (for example one calendar day for "within 24 hours"); ``None`` for
            the national default of one working day.
        investigation_report: Local timescale for the investigation report;
            ``None`` for the model 10 working days.
        hearing_decision: Local timescale for deciding on a hearing after the
            report; ``None`` for the model 2 working days.
        calendar: The working-day calendar (local closure days).
    """

    name: str = attrs.field(default=_NATIONAL_NAME, validator=is_text)
    employer_referral: Timescale | None = attrs.field(
        default=None, validator=_is_optional_timescale
    )
    investigation_report: Timescale | None = attrs.field(
        default=None, validator=_is_optional_timescale
    )
    hearing_decision: Timescale | None = attrs.field(default=None, validator=_is_optional_timescale)
    calendar: WorkingCalendar = attrs.field(
        default=ENGLAND_AND_WALES, validator=is_instance(WorkingCalendar)
    )

    def __attrs_post_init__(self) -> None:
        """Local timescales need the name of the procedures that set them."""
        local = (self.employer_referral, self.investigation_report, self.hearing_decision)
        if self.name == _NATIONAL_NAME and any(t is not None for t in local):
            raise InvalidInputError("name", "name the local procedures that set a timescale")

    def cite(self, what: str) -> Citation:
        """The citation of a local timescale: the caller's procedures, not national law."""
        return Citation(
            instrument=self.name,
            provision=what,
            url=None,
            status=Verification.UNVERIFIED,
            note="A local procedure chosen by the caller, not national law.",
        )


NATIONAL = LadoProcedures()
"""National defaults: every timescale from its rule, England and Wales working days."""


def _check_procedures(procedures: object) -> LadoProcedures:
    if not isinstance(procedures, LadoProcedures):
        raise InvalidInputError("procedures", "must be LadoProcedures")
    return procedures


def _deadline(  # noqa: PLR0913 - the rule, the named start, and three keyword choices
    rule: DatedRule[Timescale],
    start_name: str,
    start: object,
    *,
    on: dt.date | None,
    procedures: LadoProcedures,
    local: Timescale | None = None,
) -> Deadline:
    started = check_date(start_name, start)
    _check_procedures(procedures)
    if local is not None:
        timescale, source = local, procedures.cite(rule.title)
    else:
        version = rule.at(started if on is None else on)
        timescale, source = version.value, version.source
    return Deadline(
        due=timescale.due(started, calendar=procedures.calendar),
        started=started,
        timescale=timescale,
        source=source,
        rule_key=rule.key,
    )


def referral_deadline(
    employer_aware: dt.date,
    *,
    procedures: LadoProcedures = NATIONAL,
    on: dt.date | None = None,
) -> Deadline:
    """When the employer must have informed the LADO.

    Nationally one working day after the employer became aware (day 0 is the
    day they became aware); a local procedure may set another timescale, such
    as 24 hours (one calendar day at the precision of dates).

    Legal basis:
        Working Together to Safeguard Children 2015, chapter 2 (secondary);
        later editions unconfirmed; local procedures. Rule
        ``lado.employer_referral``.

    Args:
        employer_aware: The day the employer became aware of the allegation.
        procedures: Local choices; national defaults if omitted.
        on: The date whose rule applies; the day the clock starts if omitted.

    Returns:
        The deadline with its timescale and source.

    Raises:
        InvalidInputError: a bad date or procedures.
        RuleNotInForceError: before Working Together 2015 (26 March 2015).
        CalendarCoverageError: outside the working-day calendar.

    Examples:
        >>> import datetime as dt
        >>> local = LadoProcedures(name="Sefton SCP procedures 2021",
        ...     employer_referral=Timescale(amount=1, unit=Unit.CALENDAR_DAYS,
        ...                                 clock_starts="employer became aware (24 hours)"))
        >>> referral_deadline(dt.date(2024, 3, 28), procedures=local).due
        datetime.date(2024, 3, 29)
    """
    return _deadline(
        EMPLOYER_REFERRAL,
        "employer_aware",
        employer_aware,
        on=on,
        procedures=procedures,
        local=_check_procedures(procedures).employer_referral,
    )


def resolution_deadline(
    employer_aware: dt.date,
    *,
    procedures: LadoProcedures = NATIONAL,
    on: dt.date | None = None,
) -> Deadline:
    """When a clearly unsubstantiated or malicious allegation should be resolved: one week.

    Legal basis:
        Keeping Children Safe in Education 2016, Part four, para 175; not
        confirmed in later editions. Rule ``lado.clearly_unsubstantiated_resolution``.

    Args:
        employer_aware: The day the employer became aware of the allegation.
        procedures: Local choices (only the calendar matters here).
        on: The date whose rule applies; the day the clock starts if omitted.

    Returns:
        The deadline, seven calendar days after the clock starts.

    Raises:
        InvalidInputError: a bad date or procedures.
        RuleNotInForceError: before KCSIE 2016 (5 September 2016).

    Examples:
        >>> import datetime as dt
        >>> resolution_deadline(dt.date(2019, 12, 20)).due
        datetime.date(2019, 12, 27)
    """
    return _deadline(
        CLEARLY_UNSUBSTANTIATED_RESOLUTION,
        "employer_aware",
        employer_aware,
        on=on,
        procedures=procedures,
    )


def action_deadline(
    strategy_discussion: dt.date,
    *,
    procedures: LadoProcedures = NATIONAL,
    on: dt.date | None = None,
) -> Deadline:
    """When the employer must act where no formal disciplinary action is needed: 3 working days.

    Day 0 is the initial (or strategy) discussion with the LADO that decided
    there is no possible criminal offence and no need for formal action.

    Legal basis:
        Keeping Children Safe in Education 2016, Part four, para 175. Rule
        ``lado.no_formal_action``.

    Args:
        strategy_discussion: The discussion that decided the pathway.
        procedures: Local choices (the calendar).
        on: The date whose rule applies; the day the clock starts if omitted.

    Returns:
        The deadline.

    Raises:
        InvalidInputError: a bad date or procedures.
        RuleNotInForceError: before KCSIE 2016.
        CalendarCoverageError: outside the working-day calendar.

    Examples:
        >>> import datetime as dt
        >>> action_deadline(dt.date(2023, 12, 22)).due   # Christmas and Boxing Day skipped
        datetime.date(2023, 12, 29)
    """
    return _deadline(
        NO_FORMAL_ACTION, "strategy_discussion", strategy_discussion, on=on, procedures=procedures
    )


def hearing_deadline(
    decided: dt.date,
    *,
    procedures: LadoProcedures = NATIONAL,
    on: dt.date | None = None,
) -> Deadline:
    """When a needed disciplinary hearing must be held: 15 working days.

    Day 0 is the decision that a hearing is needed: the initial discussion
    when no further investigation is needed, or the case manager's decision
    after the investigation report.

    Legal basis:
        Keeping Children Safe in Education 2016, Part four, para 175. Rule
        ``lado.hearing``.

    Args:
        decided: The day it was decided that a hearing is needed.
        procedures: Local choices (the calendar).
        on: The date whose rule applies; the day the clock starts if omitted.

    Returns:
        The deadline.

    Raises:
        InvalidInputError: a bad date or procedures.
        RuleNotInForceError: before KCSIE 2016.
        CalendarCoverageError: outside the working-day calendar.

    Examples:
        >>> import datetime as dt
        >>> hearing_deadline(dt.date(2024, 12, 19)).due
        datetime.date(2025, 1, 14)
    """
    return _deadline(HEARING, "decided", decided, on=on, procedures=procedures)


def investigation_report_deadline(
    strategy_discussion: dt.date,
    *,
    procedures: LadoProcedures = NATIONAL,
    on: dt.date | None = None,
) -> Deadline:
    """When the investigator's report is due: 10 working days (unverified model timescale).

    Legal basis:
        Local allegations procedures only; no KCSIE or Working Together text
        read contains it. Rule ``lado.investigation_report`` (unverified).

    Args:
        strategy_discussion: The discussion that decided to investigate further.
        procedures: Local choices; a local timescale replaces the model one.
        on: The date whose rule applies; the day the clock starts if omitted.

    Returns:
        The deadline.

    Raises:
        InvalidInputError: a bad date or procedures.
        RuleNotInForceError: before 3 April 2014.
        CalendarCoverageError: outside the working-day calendar.

    Examples:
        >>> import datetime as dt
        >>> investigation_report_deadline(dt.date(2025, 4, 11)).due
        datetime.date(2025, 4, 29)
    """
    return _deadline(
        INVESTIGATION_REPORT,
        "strategy_discussion",
        strategy_discussion,
        on=on,
        procedures=procedures,
        local=_check_procedures(procedures).investigation_report,
    )


def hearing_decision_deadline(
    investigation_report: dt.date,
    *,
    procedures: LadoProcedures = NATIONAL,
    on: dt.date | None = None,
) -> Deadline:
    """When the case manager must decide whether a hearing is needed: 2 working days.

    Legal basis:
        Local allegations procedures only (unverified). Rule
        ``lado.hearing_decision``.

    Args:
        investigation_report: The day the report reached the case manager.
        procedures: Local choices; a local timescale replaces the model one.
        on: The date whose rule applies; the day the clock starts if omitted.

    Returns:
        The deadline.

    Raises:
        InvalidInputError: a bad date or procedures.
        RuleNotInForceError: before 3 April 2014.
        CalendarCoverageError: outside the working-day calendar.

    Examples:
        >>> import datetime as dt
        >>> hearing_decision_deadline(dt.date(2024, 5, 24)).due   # late May bank holiday
        datetime.date(2024, 5, 29)
    """
    return _deadline(
        HEARING_DECISION,
        "investigation_report",
        investigation_report,
        on=on,
        procedures=procedures,
        local=_check_procedures(procedures).hearing_decision,
    )


def resolution_target_deadlines(
    referred_to_lado: dt.date, *, on: dt.date | None = None
) -> tuple[Deadline, ...]:
    """The 1-month, 3-month and 12-month resolution target dates of a case.

    Legal basis:
        Keeping Children Safe in Education 2016, Part four, para 174 (80%
        within 1 month, 90% within 3 months, all but the most exceptional
        within 12 months); unverified later. Rule ``lado.resolution_targets``.

    Args:
        referred_to_lado: The day the case was referred to the LADO.
        on: The date whose rule applies; the day the clock starts if omitted.

    Returns:
        One deadline per band, shortest first.

    Raises:
        InvalidInputError: a bad date.
        RuleNotInForceError: before KCSIE 2016.

    Examples:
        >>> import datetime as dt
        >>> for d in resolution_target_deadlines(dt.date(2023, 11, 30)):
        ...     print(d.due)
        2023-12-30
        2024-02-29
        2024-11-30
    """
    started = check_date("referred_to_lado", referred_to_lado)
    version = RESOLUTION_TARGETS.at(started if on is None else on)
    clock = "referral to the LADO"
    return tuple(
        Deadline(
            due=add_months(started, band.months),
            started=started,
            timescale=Timescale(amount=band.months, unit=Unit.MONTHS, clock_starts=clock),
            source=version.source,
            rule_key=RESOLUTION_TARGETS.key,
        )
        for band in version.value
    )


def deadlines(
    timeline: Timeline,
    *,
    pathway: Pathway | None = None,
    procedures: LadoProcedures = NATIONAL,
) -> tuple[Deadline, ...]:
    """Every deadline whose clock has started in *timeline*.

    The referral deadline runs from the employer becoming aware; the
    resolution targets from the referral; the pathway's deadlines from the
    strategy discussion (and, after an investigation, from the report and the
    decision). Steps whose starting date is not yet known are left out.

    Legal basis:
        As the individual deadline functions.

    Args:
        timeline: The case's dates.
        pathway: How the case proceeds, once the strategy discussion decided
            it; ``None`` if not yet decided.
        procedures: Local choices.

    Returns:
        The deadlines, in the order of the steps.

    Raises:
        InvalidInputError: bad arguments.
        RuleNotInForceError: a step's rule was not in force on its start day.
        CalendarCoverageError: outside the working-day calendar.

    Examples:
        >>> import datetime as dt
        >>> t = Timeline(employer_aware=dt.date(2024, 5, 1), referred_to_lado=dt.date(2024, 5, 2),
        ...              strategy_discussion=dt.date(2024, 5, 3))
        >>> for d in deadlines(t, pathway=Pathway.HEARING_WITHOUT_INVESTIGATION):
        ...     print(d.rule_key, d.due)
        lado.employer_referral 2024-05-02
        lado.resolution_targets 2024-06-02
        lado.resolution_targets 2024-08-02
        lado.resolution_targets 2025-05-02
        lado.hearing 2024-05-28
    """
    if not isinstance(timeline, Timeline):
        raise InvalidInputError("timeline", "must be a Timeline")
    if pathway is not None:
        check_enum("pathway", pathway, Pathway)
    _check_procedures(procedures)
    found = [referral_deadline(timeline.employer_aware, procedures=procedures)]
    if timeline.referred_to_lado is not None:
        found.extend(resolution_target_deadlines(timeline.referred_to_lado))
    review = timeline.strategy_discussion
    if pathway is Pathway.CLEARLY_UNSUBSTANTIATED_OR_MALICIOUS:
        found.append(resolution_deadline(timeline.employer_aware, procedures=procedures))
    elif review is not None and pathway is Pathway.NO_FORMAL_ACTION:
        found.append(action_deadline(review, procedures=procedures))
    elif review is not None and pathway is Pathway.HEARING_WITHOUT_INVESTIGATION:
        found.append(hearing_deadline(review, procedures=procedures))
    elif review is not None and pathway is Pathway.FURTHER_INVESTIGATION:
        found.append(investigation_report_deadline(review, procedures=procedures))
        if timeline.investigation_report is not None:
            found.append(
                hearing_decision_deadline(timeline.investigation_report, procedures=procedures)
            )
        if timeline.decision is not None:
            found.append(hearing_deadline(timeline.decision, procedures=procedures))
    return tuple(found)
