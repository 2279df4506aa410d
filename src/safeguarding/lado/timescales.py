"""What is due by when in an allegation case.

* **Employer to LADO:** the LADO should be informed within **one working day**
  of an allegation coming to the employer's attention (Working Together 2015;
  not confirmed in the later editions' text, and many areas now set their own
  rule, for example "within 24 hours": local
  [`Procedures`][safeguarding.procedures.Procedures] may set
  ``lado.employer_referral``).
* **Clearly unsubstantiated or malicious** from the outset: resolved within
  **one week** (KCSIE 2016 para 175).
* **No formal action needed** (no possible criminal offence, no disciplinary
  action): the employer takes appropriate action within **3 working days**.
* **Disciplinary hearing needed:** held within **15 working days**.
* **Further investigation:** the investigator's report within **10 working
  days**, and the decision on a hearing within **2 working days** of the report.
  These two appear in local procedures but in no national text read: they are
  *unverified*, and local procedures may set ``lado.investigation_report`` and
  ``lado.hearing_decision``.
* **Resolution targets** (KCSIE 2016 para 174): **80%** of cases resolved within
  **1 month**, **90%** within **3 months**, all but the most exceptional within
  **12 months**. Not confirmed after 2016, but LADO annual reports still use
  them as bands.

Each step is a timescale rule; its deadline is
[`Deadline.from_rule`][safeguarding.decisions.Deadline.from_rule] of the rule and the
day its clock starts, and [`deadlines`][safeguarding.lado.timescales.deadlines] gives
every deadline of a case's [`Timeline`][safeguarding.lado.models.Timeline]:

* employer informs the LADO: ``EMPLOYER_REFERRAL``, from the day the
  employer became aware;
* clearly unsubstantiated or malicious, resolved:
  ``CLEARLY_UNSUBSTANTIATED_RESOLUTION``, from the day the employer became aware;
* no formal action, the employer acts: ``NO_FORMAL_ACTION``, from the strategy
  discussion;
* a hearing held: ``HEARING``, from the decision that a hearing is needed;
* the investigation report: ``INVESTIGATION_REPORT``, from the strategy discussion;
* the decision on a hearing: ``HEARING_DECISION``, from the investigation report;
* the resolution targets: ``RESOLUTION_TARGETS`` (see
  [`resolution_target_deadlines`][]), from the referral to the LADO.

Working days exclude weekends and the bank holidays of the procedures' calendar
(England and Wales by default); the day the clock starts is **day 0**, so "within N
working days of X" means on or before the N-th working day after X. Months clamp to
the end of a shorter month. Each rule is applied as it stood on the day its clock
starts, unless the caller passes another date as ``on=``; where local procedures set
a rule, the deadline cites the local document.

Examples:
    >>> import datetime as dt
    >>> # Thursday before Easter: Good Friday, the weekend and Easter Monday are skipped.
    >>> Deadline.from_rule(EMPLOYER_REFERRAL, dt.date(2024, 3, 28)).due
    datetime.date(2024, 4, 2)
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Any

import attrs

from safeguarding._validate import check_date, check_enum
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.lado.editions import (
    LOCAL_ALLEGATIONS_PROCEDURES,
    _carried,
    _version,
    commencement,
)
from safeguarding.lado.models import Timeline
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    WORKING_TOGETHER_2015,
    WORKING_TOGETHER_2018,
    WORKING_TOGETHER_2023,
    edition,
    keeping_children_safe_in_education,
)

__all__ = [
    "CLEARLY_UNSUBSTANTIATED_RESOLUTION",
    "EMPLOYER_REFERRAL",
    "HEARING",
    "HEARING_DECISION",
    "INVESTIGATION_REPORT",
    "NO_FORMAL_ACTION",
    "RESOLUTION_TARGETS",
    "Pathway",
    "ResolutionBand",
    "deadlines",
    "resolution_target_deadlines",
]

# The Working Together editions the employer-referral default follows, from the editions
# table; each version starts on the day its edition came into effect.
_WT2015, _WT2018, _WT2023 = edition("WT2015"), edition("WT2018"), edition("WT2023")

_AWARE = "employer became aware of the allegation"
_REVIEW = "initial discussion or strategy discussion with the LADO"
_REFERRAL = "referral to the LADO"

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
                in_force_from=_WT2015.in_effect.day,
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
                    f"'immediately' (2016 para 151). {_WT2015.applies_from()}",
                ),
                edition="WT 2015",
            ),
            Version(
                in_force_from=_WT2018.in_effect.day,
                value=Timescale(amount=1, unit=Unit.WORKING_DAYS, clock_starts=_AWARE),
                source=WORKING_TOGETHER_2018.cite(
                    "chapter 2, allegations against people who work with children",
                    Verification.UNVERIFIED,
                    note="WT 2018 as quoted by Salford SCP says the allegation is reported "
                    "immediately to a senior manager and the LADO notified, with no day count. "
                    "One working day is kept as the default because local procedures still "
                    "use it; local procedures may set their own under the rule key "
                    f"lado.employer_referral. {_WT2018.applies_from()}",
                ),
                edition="WT 2018",
            ),
            Version(
                in_force_from=_WT2023.in_effect.day,
                value=Timescale(amount=1, unit=Unit.WORKING_DAYS, clock_starts=_AWARE),
                source=WORKING_TOGETHER_2023.cite(
                    "chapter 4, allegations against people who work with children",
                    Verification.UNVERIFIED,
                    note="Bristol's LADO page repeats the one-working-day sentence without "
                    f"quoting WT 2023; the WT 2023 text was not read. {_WT2023.applies_from()}",
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
                    in_force_from=commencement(2014),
                    value=value,
                    source=LOCAL_ALLEGATIONS_PROCEDURES.cite(
                        what,
                        Verification.UNVERIFIED,
                        note="Found in local procedures only, in no KCSIE or Working Together "
                        "text read; the start date is the start of the library's coverage "
                        "(the commencement of KCSIE 2014, 3 April 2014), not a commencement of "
                        "this timescale. Local procedures that set another timescale replace it "
                        "under the same rule key.",
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


def _band(version: Version[tuple[ResolutionBand, ...]], band: ResolutionBand) -> Version[Timescale]:
    """One band of the resolution targets in force, as a timescale with the version's source.

    It keeps the citation and edition of the version applied (national or local), so
    that its deadline reads like every other.
    """
    return Version(
        in_force_from=version.in_force_from,
        value=Timescale(amount=band.months, unit=Unit.MONTHS, clock_starts=_REFERRAL),
        source=version.source,
        edition=version.edition,
    )


def resolution_target_deadlines(
    referred_to_lado: dt.date,
    *,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> tuple[Deadline, ...]:
    """The 1-month, 3-month and 12-month resolution target dates of a case.

    Legal basis:
        Keeping Children Safe in Education 2016, Part four, para 174 (80%
        within 1 month, 90% within 3 months, all but the most exceptional
        within 12 months); unverified later. Rule ``lado.resolution_targets``.

    Args:
        referred_to_lado: The day the case was referred to the LADO (day 0).
        on: The date whose rule applies; the day of the referral if omitted.
        procedures: Local procedures; where they set ``lado.resolution_targets``,
            their bands apply and each deadline cites the local document.

    Returns:
        One deadline per band, shortest first.

    Raises:
        InvalidInputError: a bad date or procedures.
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
    local = check_procedures(procedures)
    version = RESOLUTION_TARGETS.at(started if on is None else on, procedures=local)
    return tuple(
        Deadline.from_version(
            _band(version, band), started, rule_key=RESOLUTION_TARGETS.key, calendar=local.calendar
        )
        for band in version.value
    )


def deadlines(
    timeline: Timeline,
    *,
    pathway: Pathway | None = None,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> tuple[Deadline, ...]:
    """Every deadline whose clock has started in *timeline*.

    The referral deadline runs from the employer becoming aware; the
    resolution targets from the referral; the pathway's deadlines from the
    strategy discussion (and, after an investigation, from the report and the
    decision). Steps whose starting date is not yet known are left out.

    Legal basis:
        The rules in the table of [`timescales`][safeguarding.lado.timescales]:
        Working Together to Safeguard Children 2015 (the referral), Keeping
        Children Safe in Education 2016, Part four, paras 174-175, and local
        procedures (the investigation report and the decision after it).

    Args:
        timeline: The case's dates.
        pathway: How the case proceeds, once the strategy discussion decided
            it; ``None`` if not yet decided.
        on: The date whose rules apply to every step; if omitted, each step's
            rule as it stood on the day its clock started.
        procedures: Local procedures: the working-day calendar, and local
            timescales (each deadline of a rule they set cites the local document).

    Returns:
        The deadlines, in the order of the steps.

    Raises:
        InvalidInputError: bad arguments.
        RuleNotInForceError: a step's rule was not in force on its start day
            (or on *on*).
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

        Local procedures that give the employer 24 hours (one calendar day, at the
        precision of dates) change the first deadline and cite their own document:

        >>> sefton = Procedures.adopt(
        ...     "Sefton SCP procedures 2021",
        ...     {"lado.employer_referral": Timescale(
        ...         amount=1, unit=Unit.CALENDAR_DAYS, clock_starts="employer became aware")},
        ...     in_force_from=dt.date(2021, 4, 1))
        >>> first = deadlines(Timeline(employer_aware=dt.date(2024, 3, 28)), procedures=sefton)[0]
        >>> first.due, first.source.instrument
        (datetime.date(2024, 3, 29), 'Sefton SCP procedures 2021')
    """
    if not isinstance(timeline, Timeline):
        raise InvalidInputError("timeline", "must be a Timeline")
    if pathway is not None:
        check_enum("pathway", pathway, Pathway)
    due = functools.partial(Deadline.from_rule, on=on, procedures=procedures)
    found = [due(EMPLOYER_REFERRAL, timeline.employer_aware)]
    if timeline.referred_to_lado is not None:
        found.extend(
            resolution_target_deadlines(timeline.referred_to_lado, on=on, procedures=procedures)
        )
    review = timeline.strategy_discussion
    if pathway is Pathway.CLEARLY_UNSUBSTANTIATED_OR_MALICIOUS:
        found.append(due(CLEARLY_UNSUBSTANTIATED_RESOLUTION, timeline.employer_aware))
    elif review is not None and pathway is Pathway.NO_FORMAL_ACTION:
        found.append(due(NO_FORMAL_ACTION, review))
    elif review is not None and pathway is Pathway.HEARING_WITHOUT_INVESTIGATION:
        found.append(due(HEARING, review))
    elif review is not None and pathway is Pathway.FURTHER_INVESTIGATION:
        found.append(due(INVESTIGATION_REPORT, review))
        if timeline.investigation_report is not None:
            found.append(due(HEARING_DECISION, timeline.investigation_report))
        if timeline.decision is not None:
            found.append(due(HEARING, timeline.decision))
    return tuple(found)
