"""Editions of *Keeping Children Safe in Education* and the other instruments LADO rules cite.

Keeping Children Safe in Education (KCSIE) is the statutory guidance for schools
and colleges in England. Its Part four sets out how allegations against staff are
handled, and local safeguarding procedures apply the same model to every sector.
It is revised most years; each edition comes into force at the start of the
school year (on 1 September since 2020), some months after it is published "for
information". The LADO rules are versioned by edition: every version starts on
its edition's commencement day, read from the editions table
([`EDITIONS`][safeguarding.sources.EDITIONS]), as does the rule
``lado.kcsie_edition`` (the edition in force on a day).

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
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    Basis,
    Series,
    editions,
    keeping_children_safe_in_education,
)

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

# The KCSIE editions, from the editions table: each LADO rule version starts on the day its
# edition came into effect (its commencement), the day schools had to follow it; the earlier
# "for information" publication did not change what schools had to do.
_KCSIE = editions(Series.KEEPING_CHILDREN_SAFE_IN_EDUCATION)
_BY_YEAR = {entry.year: entry for entry in _KCSIE}

KCSIE_EDITION: DatedRule[int] = register(
    DatedRule(
        key="lado.kcsie_edition",
        title="Edition of Keeping Children Safe in Education in force (its year)",
        versions=tuple(
            Version(
                in_force_from=entry.in_effect.day,
                value=entry.year,
                source=entry.dated(entry.in_effect.source, Basis.IN_EFFECT),
                edition=entry.key,
            )
            for entry in _KCSIE
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
        return _BY_YEAR[year].in_effect.day
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
    return KCSIE_EDITION.at(on, procedures=check_procedures(procedures)).value


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


def _version(year: int, value: T, source: Citation) -> Version[T]:
    """A rule version that starts with the *year* edition of KCSIE, on its commencement.

    The citation's note ends with the sentence saying so
    ([`Edition.applies_from`][safeguarding.sources.Edition.applies_from]).
    """
    commencement(year)  # a known edition
    entry = _BY_YEAR[year]
    return Version(
        in_force_from=entry.in_effect.day,
        value=value,
        source=entry.dated(source, Basis.IN_EFFECT),
        edition=entry.key,
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
