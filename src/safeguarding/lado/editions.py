"""Editions of *Keeping Children Safe in Education* and the other instruments LADO rules cite.

Keeping Children Safe in Education (KCSIE) is the statutory guidance for schools
and colleges in England. Its Part four sets out how allegations against staff are
handled, and local safeguarding procedures apply the same model to every sector.
It is revised most years; each edition comes into force at the start of the
school year (on 1 September since 2020). The LADO rules are versioned by
edition, so this module holds the one table of the days each edition came into
force (rule ``lado.kcsie_edition``); every other LADO rule builds its versions
from it.

The commencement days were confirmed in secondary sources (school-sector
briefings, council and law-firm pages) for 2014 to 2021; the later days are the
usual 1 September, not yet confirmed (status *unverified*). The July 2015
revision of KCSIE 2015 is not a separate edition here.

Examples:
    >>> import datetime as dt
    >>> edition_label(on=dt.date(2020, 8, 31)), edition_label(on=dt.date(2020, 9, 1))
    ('KCSIE 2019', 'KCSIE 2020')
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from safeguarding._validate import check_int
from safeguarding.citations import Citation, Instrument, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import keeping_children_safe_in_education

__all__ = [
    "KCSIE_EDITION",
    "LOCAL_ALLEGATIONS_PROCEDURES",
    "SAFEGUARDING_VULNERABLE_GROUPS_ACT_2006",
    "commencement",
    "edition_label",
    "kcsie_edition",
]

T = TypeVar("T")

SAFEGUARDING_VULNERABLE_GROUPS_ACT_2006 = Instrument(
    title="Safeguarding Vulnerable Groups Act 2006",
    url="https://www.legislation.gov.uk/ukpga/2006/47",
)
"""The Act behind the duty to refer to the Disclosure and Barring Service (s35)."""

LOCAL_ALLEGATIONS_PROCEDURES = Instrument(
    title="Local safeguarding partnership allegations procedures (model timescales)",
)
"""Timescales that appear in local procedures but in no national text read."""

# (year, first day in force, status, note): the single table of KCSIE commencement days.
_EDITIONS: tuple[tuple[int, dt.date, Verification, str], ...] = (
    (
        2014,
        dt.date(2014, 4, 3),
        Verification.SECONDARY,
        (
            "GOV.UK records that the guidance it replaced (Safeguarding children and safer "
            "recruitment in education) was archived on 3 April 2014; Safeguarding in Schools "
            "says the April 2014 KCSIE came into force immediately on publication."
        ),
    ),
    (
        2015,
        dt.date(2015, 3, 26),
        Verification.SECONDARY,
        (
            "Updated edition published 26 March 2015 (Safeguarding in Schools; GOV.UK "
            "publication page first published 26 March 2015). A further revision of July "
            "2015 is not treated as a separate edition."
        ),
    ),
    (
        2016,
        dt.date(2016, 9, 5),
        Verification.SECONDARY,
        "In force from 5 September 2016 (The Key for School Governors summary).",
    ),
    (
        2018,
        dt.date(2018, 9, 3),
        Verification.SECONDARY,
        "In force from 3 September 2018 (Devon County Council; The Key; HCR Law).",
    ),
    (
        2019,
        dt.date(2019, 9, 2),
        Verification.SECONDARY,
        "In force from 2 September 2019 (Safeguarding Network briefing).",
    ),
    (
        2020,
        dt.date(2020, 9, 1),
        Verification.SECONDARY,
        (
            "In force from 1 September 2020 (Trafford Safeguarding Partnership; Farrer & Co; "
            "Browne Jacobson)."
        ),
    ),
    (
        2021,
        dt.date(2021, 9, 1),
        Verification.SECONDARY,
        (
            "In force from 1 September 2021 (Withers; Halton partnership). The IICSA residential "
            "schools report (official) confirms it came into force in September 2021."
        ),
    ),
    (
        2022,
        dt.date(2022, 9, 1),
        Verification.UNVERIFIED,
        "Published May 2022 for September 2022 (HCR Law); the day, 1 September, is assumed.",
    ),
    (
        2023,
        dt.date(2023, 9, 1),
        Verification.UNVERIFIED,
        "The usual 1 September start; not confirmed in any source read.",
    ),
    (
        2024,
        dt.date(2024, 9, 1),
        Verification.UNVERIFIED,
        "The usual 1 September start; not confirmed in any source read.",
    ),
    (
        2025,
        dt.date(2025, 9, 1),
        Verification.UNVERIFIED,
        "The usual 1 September start; not confirmed in any source read.",
    ),
)

_COMMENCEMENT = {year: start for year, start, _, _ in _EDITIONS}

KCSIE_EDITION: DatedRule[int] = register(
    DatedRule(
        key="lado.kcsie_edition",
        title="Edition of Keeping Children Safe in Education in force (its year)",
        versions=tuple(
            Version(
                in_force_from=start,
                value=year,
                source=keeping_children_safe_in_education(year).cite(
                    "commencement", status, note=note
                ),
                edition=f"KCSIE {year}",
            )
            for year, start, status, note in _EDITIONS
        ),
    )
)


def commencement(year: int) -> dt.date:
    """The day the *year* edition of KCSIE came into force.

    Legal basis:
        Each edition of Keeping Children Safe in Education states when it comes
        into force (rule ``lado.kcsie_edition``; mostly secondary confirmation).

    Args:
        year: The edition's year (2014, 2015, 2016, 2018 to 2025; there was no
            2017 edition).

    Returns:
        The first day the edition applied.

    Raises:
        InvalidInputError: *year* is not an edition the library knows.

    Examples:
        >>> commencement(2020)
        datetime.date(2020, 9, 1)
    """
    check_int("year", year)
    try:
        return _COMMENCEMENT[year]
    except KeyError:
        raise InvalidInputError("year", "is not a KCSIE edition the library knows") from None


def kcsie_edition(*, on: dt.date, procedures: Procedures = NATIONAL) -> int:
    """The year of the KCSIE edition in force on *on*.

    Legal basis:
        Rule ``lado.kcsie_edition``: the edition applies from its commencement
        day until the next edition's.

    Args:
        on: The day asked about.
        procedures: Local procedures (national guidance if omitted).

    Returns:
        The edition's year.

    Raises:
        InvalidInputError: *on* is not a plain ``date``, or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2014 (3 April 2014).

    Examples:
        >>> import datetime as dt
        >>> kcsie_edition(on=dt.date(2018, 9, 2)), kcsie_edition(on=dt.date(2018, 9, 3))
        (2016, 2018)
    """
    return KCSIE_EDITION.at(on, procedures=_check_procedures(procedures)).value


def edition_label(*, on: dt.date, procedures: Procedures = NATIONAL) -> str:
    """``"KCSIE <year>"`` for the edition in force on *on*: the ``rule_version`` of decisions.

    Legal basis:
        As [`kcsie_edition`][].

    Args:
        on: The day asked about.
        procedures: Local procedures (national guidance if omitted).

    Returns:
        The label, for example ``"KCSIE 2021"``.

    Raises:
        InvalidInputError: *on* is not a plain ``date``, or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2014.

    Examples:
        >>> import datetime as dt
        >>> edition_label(on=dt.date(2021, 9, 1))
        'KCSIE 2021'
    """
    return f"KCSIE {kcsie_edition(on=on, procedures=procedures)}"


def _check_procedures(procedures: object) -> Procedures:
    """Return *procedures*, or raise naming ``procedures`` if it is not a [`Procedures`][]."""
    if not isinstance(procedures, Procedures):
        raise InvalidInputError("procedures", "must be a Procedures")
    return procedures


def _version(year: int, value: T, source: Citation) -> Version[T]:
    """A rule version that starts with the *year* edition of KCSIE."""
    return Version(
        in_force_from=commencement(year), value=value, source=source, edition=f"KCSIE {year}"
    )


def _carried(year: int, value: T, *, read_in: int, what: str) -> Version[T]:
    """A version for an edition whose text was not read: assumed unchanged, unverified."""
    source = keeping_children_safe_in_education(year).cite(
        f"Part four, {what} (text of this edition not read)",
        Verification.UNVERIFIED,
        note=f"The KCSIE {year} text was not read; the library assumes the rule is unchanged "
        f"from KCSIE {read_in}.",
    )
    return _version(year, value, source)
