"""The figures a LADO service reports, as indicators counted from its contacts.

LADO annual reports count **contacts** (advice and consultation as well as
allegations), the share **taken forward for investigation**, how many
investigations were **concluded** and the share of those **substantiated**, and
how quickly contacts were **resolved**: within 7 and 31 days (the Lewisham
2018/19 report's bands) and within 1, 3 and 12 months (the bands of the KCSIE
2016 resolution targets, see ``lado.resolution_targets``). Each figure is an
[`Indicator`][safeguarding.indicators.definitions.Indicator] of [`MEASURES`][],
with its source.

[`tally_contacts`][] counts them from the contacts in one pass into a
[`Tally`][safeguarding.indicators.definitions.Tally]: tallies of several teams,
months or services add up with ``+`` to the tally of all their contacts, and
[`lado_values`][] turns a tally into the values with their confidence intervals.
[`ServiceMeasures`][] is the same counts as named fields (with the percentages),
and [`measure`][] gives it from the contacts.

Conventions (the reports do not spell them out, so the library states its
own): a contact counts as resolved if it was resolved on or before the
reporting date; "within 7 days" means resolved no more than 7 calendar days
after it was received; "within 1 month" means on or before the same day one
month later (clamped to a shorter month's end); the resolution shares are out
of the contacts resolved. Counts are kept as integers and can be added, so
figures for several teams or years merge exactly; percentages are computed
from them, never stored.

Lewisham LSCB's 2018/19 report: 342 contacts, 137 (40%) taken forward for
investigation, 129 concluded, 18 (14%) substantiated, 68% resolved within 7 days
and 90% within 31 days.

Examples:
    >>> m = ServiceMeasures(contacts=342, investigations=137, concluded=129, substantiated=18,
    ...                     resolved=334, within_7_days=227, within_31_days=301,
    ...                     within_1_month=301, within_3_months=330, within_12_months=334)
    >>> round(m.percent_investigated), round(m.percent_substantiated)
    (40, 14)
    >>> from safeguarding.indicators.definitions import Period
    >>> [v.formatted() for v in lado_values(m.to_tally(), period=Period.financial_year(2018))][:3]
    ['342', '40', '14']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from safeguarding import families
from safeguarding._validate import check_date, is_int
from safeguarding.calendar import add_months
from safeguarding.citations import Citation, Instrument, Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.comparison import Polarity
from safeguarding.indicators.definitions import (
    Count,
    Indicator,
    IndicatorValue,
    Kind,
    Period,
    Tally,
)
from safeguarding.lado.editions import edition_label
from safeguarding.lado.models import Contact
from safeguarding.lado.outcomes import OUTCOMES, Outcome
from safeguarding.lado.timescales import RESOLUTION_TARGETS
from safeguarding.logic import all_of
from safeguarding.procedures import NATIONAL, Procedures, check_procedures

__all__ = [
    "CONTACTS_INVESTIGATED",
    "CONTACTS_RECEIVED",
    "INVESTIGATIONS_SUBSTANTIATED",
    "MEASURES",
    "RESOLVED_WITHIN_1_MONTH",
    "RESOLVED_WITHIN_3_MONTHS",
    "RESOLVED_WITHIN_7_DAYS",
    "RESOLVED_WITHIN_12_MONTHS",
    "RESOLVED_WITHIN_31_DAYS",
    "ServiceMeasures",
    "lado_values",
    "measure",
    "meets_resolution_targets",
    "tally_contacts",
]

_LEWISHAM_REPORT = Instrument(
    title="Lewisham Safeguarding Children Board Annual Report 2018/19", url=None
)
_ANNUAL_REPORT = _LEWISHAM_REPORT.cite(
    "'Local Authority Designated Officer (LADO)', p. 20",
    Verification.SECONDARY,
    note="342 contacts, 137 (40%) taken forward for investigation, 129 concluded, 18 (14%) "
    "substantiated, 68% resolved within 7 days and 90% within 31 days. The report does not "
    "define its figures: what each share is out of and how days are counted are the "
    "library's conventions (see safeguarding.lado.measures).",
)
_TARGET_BANDS = RESOLUTION_TARGETS.versions[0].source
"""KCSIE 2016 para 174: the 1-, 3- and 12-month bands of the resolution targets."""


def _share(
    key: str,
    title: str,
    numerator: str,
    denominator: str,
    *,
    source: Citation = _ANNUAL_REPORT,
) -> Indicator:
    return Indicator(
        key=f"lado.{key}",
        title=title,
        numerator=numerator,
        denominator=denominator,
        kind=Kind.PROPORTION,
        multiplier=100,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=0,
        source=source,
    )


def _resolved_within(period: str, numerator: str, *, bands: bool) -> Indicator:
    share = _share(
        f"resolved_within_{period.replace(' ', '_')}",
        f"Contacts resolved within {period} (%)",
        numerator,
        "contacts resolved by the reporting date",
        source=_TARGET_BANDS if bands else _ANNUAL_REPORT,
    )
    return attrs.evolve(share, polarity=Polarity.HIGH_IS_GOOD)


CONTACTS_RECEIVED = Indicator(
    key="lado.contacts_received",
    title="Contacts to the LADO (advice, consultations and allegations)",
    numerator="contacts received in the period",
    denominator="",
    kind=Kind.COUNT,
    multiplier=1,
    polarity=Polarity.NO_JUDGEMENT,
    decimals=0,
    source=_ANNUAL_REPORT,
)
CONTACTS_INVESTIGATED = _share(
    "contacts_investigated",
    "Contacts taken forward for investigation (%)",
    "contacts taken forward for investigation",
    "contacts received in the period",
)
INVESTIGATIONS_SUBSTANTIATED = _share(
    "investigations_substantiated",
    "Concluded investigations found substantiated (%)",
    "concluded investigations with the outcome substantiated",
    "investigations concluded by the reporting date",
)
RESOLVED_WITHIN_7_DAYS = _resolved_within(
    "7 days", "contacts resolved no more than 7 days after receipt", bands=False
)
RESOLVED_WITHIN_31_DAYS = _resolved_within(
    "31 days", "contacts resolved no more than 31 days after receipt", bands=False
)
RESOLVED_WITHIN_1_MONTH = _resolved_within(
    "1 month", "contacts resolved on or before the same day one month after receipt", bands=True
)
RESOLVED_WITHIN_3_MONTHS = _resolved_within(
    "3 months",
    "contacts resolved on or before the same day three months after receipt",
    bands=True,
)
RESOLVED_WITHIN_12_MONTHS = _resolved_within(
    "12 months",
    "contacts resolved on or before the same day twelve months after receipt",
    bands=True,
)
MEASURES: tuple[Indicator, ...] = (
    CONTACTS_RECEIVED,
    CONTACTS_INVESTIGATED,
    INVESTIGATIONS_SUBSTANTIATED,
    RESOLVED_WITHIN_7_DAYS,
    RESOLVED_WITHIN_31_DAYS,
    RESOLVED_WITHIN_1_MONTH,
    RESOLVED_WITHIN_3_MONTHS,
    RESOLVED_WITHIN_12_MONTHS,
)
"""The LADO service measures, in reporting order."""

# (indicator, numerator, denominator): the ServiceMeasures field behind each share.
_SHARES: tuple[tuple[Indicator, str, str], ...] = (
    (CONTACTS_INVESTIGATED, "investigations", "contacts"),
    (INVESTIGATIONS_SUBSTANTIATED, "substantiated", "concluded"),
    (RESOLVED_WITHIN_7_DAYS, "within_7_days", "resolved"),
    (RESOLVED_WITHIN_31_DAYS, "within_31_days", "resolved"),
    (RESOLVED_WITHIN_1_MONTH, "within_1_month", "resolved"),
    (RESOLVED_WITHIN_3_MONTHS, "within_3_months", "resolved"),
    (RESOLVED_WITHIN_12_MONTHS, "within_12_months", "resolved"),
)


def _tally_of(counts: Mapping[str, int]) -> Tally:
    """The tally holding the named counts (the fields of [`ServiceMeasures`][])."""
    tallied = {CONTACTS_RECEIVED.key: Count(numerator=counts["contacts"])}
    for indicator, numerator, denominator in _SHARES:
        tallied[indicator.key] = Count(numerator=counts[numerator], denominator=counts[denominator])
    return Tally(counts=tallied)


_COUNT = is_int(minimum=0)

# (smaller, larger): the first count can never exceed the second.
_CHAINS = (
    ("investigations", "contacts"),
    ("concluded", "investigations"),
    ("substantiated", "concluded"),
    ("resolved", "contacts"),
    ("concluded", "resolved"),
    ("within_7_days", "within_31_days"),
    ("within_31_days", "resolved"),
    ("within_1_month", "within_3_months"),
    ("within_3_months", "within_12_months"),
    ("within_12_months", "resolved"),
)


def _percent(numerator: int, denominator: int) -> float | None:
    return None if denominator == 0 else 100 * numerator / denominator


@attrs.frozen(kw_only=True)
class ServiceMeasures:
    """Counts of a LADO service's contacts over a period, mergeable with ``+``.

    The same counts as a tally of [`MEASURES`][] ([`to_tally`][ServiceMeasures.to_tally],
    [`from_tally`][ServiceMeasures.from_tally]), named.

    Attributes:
        contacts: Contacts received.
        investigations: Contacts taken forward for investigation.
        concluded: Investigations concluded by the reporting date.
        substantiated: Concluded investigations found substantiated.
        resolved: Contacts resolved by the reporting date (concluded
            investigations included).
        within_7_days: Resolved no more than 7 days after receipt.
        within_31_days: Resolved no more than 31 days after receipt.
        within_1_month: Resolved within one calendar month.
        within_3_months: Resolved within three calendar months.
        within_12_months: Resolved within twelve calendar months.
    """

    contacts: int = attrs.field(validator=_COUNT)
    investigations: int = attrs.field(validator=_COUNT)
    concluded: int = attrs.field(validator=_COUNT)
    substantiated: int = attrs.field(validator=_COUNT)
    resolved: int = attrs.field(validator=_COUNT)
    within_7_days: int = attrs.field(validator=_COUNT)
    within_31_days: int = attrs.field(validator=_COUNT)
    within_1_month: int = attrs.field(validator=_COUNT)
    within_3_months: int = attrs.field(validator=_COUNT)
    within_12_months: int = attrs.field(validator=_COUNT)

    def __attrs_post_init__(self) -> None:
        """Each count is within the count it is a part of."""
        for smaller, larger in _CHAINS:
            if getattr(self, smaller) > getattr(self, larger):
                raise InvalidInputError(smaller, f"must not exceed {larger}")

    @classmethod
    def from_tally(cls, tally: Tally) -> ServiceMeasures:
        """The counts of a tally of [`MEASURES`][] (from [`tally_contacts`][], merged or not).

        Raises:
            InvalidInputError: naming ``tally``: it is not a Tally, two indicators count
                the same contacts differently (the resolution shares all count the
                contacts resolved), or a part exceeds its whole.

        Examples:
            >>> ServiceMeasures.from_tally(Tally()).contacts
            0
        """
        if not isinstance(tally, Tally):
            raise InvalidInputError("tally", "must be a Tally")
        counts = {"contacts": tally.count(CONTACTS_RECEIVED.key).numerator}
        for indicator, numerator, denominator in _SHARES:
            count = tally.count(indicator.key)
            counts[numerator] = count.numerator
            if counts.setdefault(denominator, count.denominator) != count.denominator:
                raise InvalidInputError(
                    "tally", f"{indicator.key} does not count the same {denominator}"
                )
        try:
            return cls(**counts)
        except InvalidInputError as error:
            raise InvalidInputError("tally", f"{error.field}: {error.reason}") from None

    def to_tally(self) -> Tally:
        """The counts as a tally of [`MEASURES`][].

        Examples:
            >>> m = ServiceMeasures.from_tally(Tally())
            >>> ServiceMeasures.from_tally(m.to_tally()) == m
            True
        """
        return _tally_of(attrs.asdict(self))

    def __add__(self, other: object) -> ServiceMeasures:
        """Merge the counts of two periods, teams or services (their tallies, added)."""
        if not isinstance(other, ServiceMeasures):
            return NotImplemented
        return ServiceMeasures.from_tally(self.to_tally() + other.to_tally())

    @property
    def over_12_months(self) -> int:
        """Contacts resolved more than twelve months after receipt."""
        return self.resolved - self.within_12_months

    @property
    def percent_investigated(self) -> float | None:
        """Percentage of contacts taken forward for investigation (``None`` without contacts)."""
        return _percent(self.investigations, self.contacts)

    @property
    def percent_substantiated(self) -> float | None:
        """Percentage of concluded investigations found substantiated."""
        return _percent(self.substantiated, self.concluded)

    @property
    def percent_within_7_days(self) -> float | None:
        """Percentage of resolved contacts resolved within 7 days."""
        return _percent(self.within_7_days, self.resolved)

    @property
    def percent_within_31_days(self) -> float | None:
        """Percentage of resolved contacts resolved within 31 days."""
        return _percent(self.within_31_days, self.resolved)

    def percent_within_months(self, months: int) -> float | None:
        """Percentage of resolved contacts resolved within 1, 3 or 12 months.

        Raises:
            InvalidInputError: *months* is not 1, 3 or 12.
        """
        counts = {1: self.within_1_month, 3: self.within_3_months, 12: self.within_12_months}
        if type(months) is not int or months not in counts:
            raise InvalidInputError("months", "must be 1, 3 or 12")
        return _percent(counts[months], self.resolved)


@families.measure(RESOLUTION_TARGETS.key, OUTCOMES.key, calls="lado_tally_calls")
def tally_contacts(
    contacts: Iterable[Contact], *, on: dt.date, procedures: Procedures = NATIONAL
) -> Tally:
    """Count the LADO service measures from its contacts, in one pass.

    Each contact is read once, so *contacts* may be any iterable (a generator
    over a file included). The conventions are in the module docstring: a
    resolution after *on* does not count, the 7- and 31-day bands are
    calendar days after receipt, and the 1-, 3- and 12-month bands end on the
    same day 1, 3 or 12 months after receipt (the bands of the KCSIE 2016
    targets, whatever targets *procedures* set: compare them with
    [`meets_resolution_targets`][]). Tallies of separate contact lists add up
    with ``+`` to the tally of all of them.

    Legal basis:
        Reporting conventions of LADO annual reports (for example Lewisham
        LSCB 2018/19); the 1-, 3- and 12-month bands are those of KCSIE 2016
        para 174 (rule ``lado.resolution_targets``); "substantiated" is the
        outcome category of rule ``lado.outcomes``.

    Args:
        contacts: The contacts received in the period.
        on: The reporting date (end of the period): resolutions after it do
            not count.
        procedures: Local procedures; the counts use no working days and no rule a
            partnership sets, so they are only checked.

    Returns:
        A tally with a count for every indicator of [`MEASURES`][] (zeros included).

    Raises:
        InvalidInputError: an item is not a [`Contact`][], or a contact was
            received after *on* (the field is ``contacts[i]...``); a bad date or
            bad procedures.

    Examples:
        >>> import datetime as dt
        >>> seen = [Contact(received=dt.date(2019, 1, 7), investigated=False,
        ...                 resolved=dt.date(2019, 1, 8)),
        ...         Contact(received=dt.date(2019, 2, 4), investigated=True)]
        >>> counts = tally_contacts(seen, on=dt.date(2019, 3, 31))
        >>> counts.count(CONTACTS_INVESTIGATED.key)
        Count(numerator=1, denominator=2)
        >>> counts.count(RESOLVED_WITHIN_7_DAYS.key)
        Count(numerator=1, denominator=1)
    """
    check_date("on", on)
    check_procedures(procedures)
    counts = dict.fromkeys((a.name for a in attrs.fields(ServiceMeasures)), 0)
    for index, contact in enumerate(contacts):
        if not isinstance(contact, Contact):
            raise InvalidInputError(f"contacts[{index}]", "must be a Contact")
        if contact.received > on:
            raise InvalidInputError(f"contacts[{index}].received", "is after the reporting date")
        counts["contacts"] += 1
        counts["investigations"] += contact.investigated
        resolved = contact.resolved
        if resolved is None or resolved > on:
            continue
        counts["resolved"] += 1
        if contact.investigated:
            counts["concluded"] += 1
            counts["substantiated"] += contact.outcome is Outcome.SUBSTANTIATED
        days = (resolved - contact.received).days
        counts["within_7_days"] += days <= 7
        counts["within_31_days"] += days <= 31
        counts["within_1_month"] += resolved <= add_months(contact.received, 1)
        counts["within_3_months"] += resolved <= add_months(contact.received, 3)
        counts["within_12_months"] += resolved <= add_months(contact.received, 12)
    return _tally_of(counts)


def lado_values(
    tally: Tally, *, period: Period, confidence: float = 0.95
) -> tuple[IndicatorValue, ...]:
    """The LADO service measures' values from a tally, in [`MEASURES`][] order.

    Shares get Wilson intervals and the count of contacts exact Poisson or
    Byar limits (see [`compute`][safeguarding.indicators.definitions.Indicator.compute]);
    a share with nothing to count (no contact resolved) has no value.

    Legal basis:
        As [`tally_contacts`][]; OHID public health technical guidance for the
        intervals.

    Args:
        tally: Counts, usually from [`tally_contacts`][] (merged with ``+``).
        period: The period the counts are for.
        confidence: The confidence level of the intervals.

    Returns:
        One value per indicator of [`MEASURES`][].

    Raises:
        InvalidInputError: *tally* is not a Tally, a bad period or confidence, or a
            share whose numerator exceeds its denominator.

    Examples:
        >>> values = lado_values(Tally(), period=Period.financial_year(2018))
        >>> [value.formatted() for value in values[:3]]
        ['0', 'z', 'z']
    """
    if not isinstance(tally, Tally):
        raise InvalidInputError("tally", "must be a Tally")
    return tally.values(MEASURES, period=period, confidence=confidence)


def measure(contacts: Iterable[Contact], *, on: dt.date) -> ServiceMeasures:
    """Count a LADO service's contacts as its annual report does, as named counts.

    The counts of [`tally_contacts`][] as [`ServiceMeasures`][].

    Legal basis:
        As [`tally_contacts`][].

    Args:
        contacts: The contacts received in the period.
        on: The reporting date (end of the period): resolutions after it do
            not count.

    Returns:
        The counts.

    Raises:
        InvalidInputError: an item is not a [`Contact`][], or a contact was
            received after *on* (the field is ``contacts[i]...``).

    Examples:
        >>> import datetime as dt
        >>> seen = [Contact(received=dt.date(2019, 1, 7), investigated=False,
        ...                 resolved=dt.date(2019, 1, 8))]
        >>> measure(seen, on=dt.date(2019, 3, 31)).within_7_days
        1
    """
    return ServiceMeasures.from_tally(tally_contacts(contacts, on=on))


def meets_resolution_targets(
    measures: ServiceMeasures | Tally, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[bool | None]:
    """Compare a service's resolution times with the KCSIE resolution targets.

    80% of cases resolved within 1 month, 90% within 3 months, and all but the
    most exceptional within 12 months. Whether a case over 12 months was
    exceptional is a judgement the counts cannot make, so that finding is
    undecided when any case took longer.

    Legal basis:
        Keeping Children Safe in Education 2016, Part four, para 174 (later
        editions unverified). Rule ``lado.resolution_targets``.

    Args:
        measures: The service's counts, or their tally (from [`tally_contacts`][]).
        on: The date whose edition applies (the end of the period).
        procedures: Local procedures; where they set ``lado.resolution_targets``,
            their bands apply and each finding cites the local document.

    Returns:
        A decision with one finding per band; ``True`` if every band is met,
        ``False`` if any is missed, else ``None``.

    Raises:
        InvalidInputError: *measures* is neither [`ServiceMeasures`][] nor a tally of
            them, a bad date or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2016.

    Examples:
        >>> import datetime as dt
        >>> m = ServiceMeasures(contacts=10, investigations=10, concluded=10, substantiated=2,
        ...     resolved=10, within_7_days=5, within_31_days=8, within_1_month=8,
        ...     within_3_months=10, within_12_months=10)
        >>> meets_resolution_targets(m, on=dt.date(2019, 3, 31)).outcome
        True
    """
    if isinstance(measures, Tally):
        try:
            measures = ServiceMeasures.from_tally(measures)
        except InvalidInputError as error:
            raise InvalidInputError("measures", error.reason) from None
    if not isinstance(measures, ServiceMeasures):
        raise InvalidInputError("measures", "must be ServiceMeasures or their Tally")
    version = RESOLUTION_TARGETS.at(on, procedures=check_procedures(procedures))
    findings: list[Finding] = []
    for band in version.value:
        share = measures.percent_within_months(band.months)
        if share is None:
            met: bool | None = None
            detail = "No contact was resolved in the period."
        elif band.percent is None:
            late = measures.over_12_months
            met = True if late == 0 else None
            detail = (
                "No case took longer."
                if late == 0
                else f"{late} took longer; whether each was exceptional is a judgement."
            )
        else:
            met = share >= band.percent
            detail = f"{share:.1f}% were resolved within {band.period}."
        findings.append(
            Finding(criterion=band.describe(), met=met, detail=detail, source=version.source)
        )
    outcome = all_of(*(f.met for f in findings))
    return Decision(
        outcome=outcome,
        findings=tuple(findings),
        rule_version=edition_label(on=on, procedures=procedures),
    )
