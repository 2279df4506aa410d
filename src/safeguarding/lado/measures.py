"""The figures a LADO service reports, computed from its contacts.

LADO annual reports count **contacts** (advice and consultation as well as
allegations), the share **taken forward for investigation**, how many
investigations were **concluded** and the share of those **substantiated**, and
how quickly contacts were **resolved**: within 7 and 31 days (the Lewisham
2018/19 report's bands) and within 1, 3 and 12 months (the bands of the KCSIE
2016 resolution targets, see ``lado.resolution_targets``).

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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from safeguarding._validate import check_date, is_int
from safeguarding.calendar import add_months
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.lado.editions import _check_procedures, edition_label
from safeguarding.lado.models import Contact
from safeguarding.lado.outcomes import Outcome
from safeguarding.lado.timescales import RESOLUTION_TARGETS
from safeguarding.logic import all_of
from safeguarding.procedures import NATIONAL, Procedures

__all__ = ["ServiceMeasures", "measure", "meets_resolution_targets"]

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

    def __add__(self, other: object) -> ServiceMeasures:
        """Merge the counts of two periods, teams or services."""
        if not isinstance(other, ServiceMeasures):
            return NotImplemented
        names = [a.name for a in attrs.fields(ServiceMeasures)]
        values: dict[str, Any] = {n: getattr(self, n) + getattr(other, n) for n in names}
        return ServiceMeasures(**values)

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


def measure(contacts: Iterable[Contact], *, on: dt.date) -> ServiceMeasures:
    """Count a LADO service's contacts as its annual report does.

    Legal basis:
        Reporting conventions of LADO annual reports (for example Lewisham
        LSCB 2018/19); the 1-, 3- and 12-month bands are those of KCSIE 2016
        para 174. See the module documentation for the exact conventions.

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
    check_date("on", on)
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
    return ServiceMeasures(**counts)


def meets_resolution_targets(
    measures: ServiceMeasures, *, on: dt.date, procedures: Procedures = NATIONAL
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
        measures: The service's counts.
        on: The date whose edition applies (the end of the period).
        procedures: Local procedures; where they set ``lado.resolution_targets``,
            their bands apply and each finding cites the local document.

    Returns:
        A decision with one finding per band; ``True`` if every band is met,
        ``False`` if any is missed, else ``None``.

    Raises:
        InvalidInputError: *measures* is not [`ServiceMeasures`][], a bad date or
            bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2016.

    Examples:
        >>> import datetime as dt
        >>> m = ServiceMeasures(contacts=10, investigations=10, concluded=10, substantiated=2,
        ...     resolved=10, within_7_days=5, within_31_days=8, within_1_month=8,
        ...     within_3_months=10, within_12_months=10)
        >>> meets_resolution_targets(m, on=dt.date(2019, 3, 31)).outcome
        True
    """
    if not isinstance(measures, ServiceMeasures):
        raise InvalidInputError("measures", "must be ServiceMeasures")
    version = RESOLUTION_TARGETS.at(on, procedures=_check_procedures(procedures))
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
