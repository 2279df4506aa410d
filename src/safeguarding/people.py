"""People the rules are about: the child, and the age arithmetic every rule needs.

A [`Child`][] holds special-category personal data (identifiers, date of
birth), so its ``repr`` and ``str`` never show them: call
[`Child.personal_data`][] to see them on purpose.

Ages are attained at the start of the relevant birthday (Family Law Reform
Act 1969, s9). Someone born on 29 February reaches each birthday on 1 March in
a year that is not a leap year: the library takes that reading, which the
Act does not spell out (see the ``people.leap_day_birthday`` rule).

Examples:
    >>> import datetime as dt
    >>> age_on(dt.date(2008, 2, 29), on=dt.date(2026, 2, 28))
    17
    >>> age_on(dt.date(2008, 2, 29), on=dt.date(2026, 3, 1))
    18
    >>> child = Child(identifier="A1234567", date_of_birth=dt.date(2010, 5, 1))
    >>> child
    Child(identifier=<hidden>, date_of_birth=<hidden>, expected_date_of_birth=None, disabled=None)
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

import attrs

from safeguarding._validate import (
    check_date,
    check_int,
    hidden,
    is_optional_bool,
    is_optional_date,
    is_text,
)
from safeguarding.citations import Citation, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.rules import DatedRule, Version, register

__all__ = ["Child", "age_on", "date_reaching_age"]

_FLRA_1969_S9 = Citation(
    instrument="Family Law Reform Act 1969",
    provision="s9(1)",
    url="https://www.legislation.gov.uk/ukpga/1969/46/section/9",
    status=Verification.SECONDARY,
    note="The time at which a person attains a particular age expressed in years is the "
    "commencement of the relevant anniversary of the date of birth (wording confirmed in "
    "restatements and identical Commonwealth provisions; not read on legislation.gov.uk).",
)
_LEAP_DAY = Citation(
    instrument="Family Law Reform Act 1969",
    provision="s9(1), applied to a birth on 29 February",
    url="https://www.legislation.gov.uk/ukpga/1969/46/section/9",
    status=Verification.UNVERIFIED,
    note="The Act does not say which day is the 'relevant anniversary' of 29 February in a "
    "common year; the library takes 1 March (the anniversary falls after 28 February ends).",
)

register(
    DatedRule(
        key="people.attaining_age",
        title="A person attains an age at the start of the relevant birthday",
        versions=(
            Version(
                in_force_from=dt.date(1970, 1, 1),
                value="at the commencement of the anniversary of the date of birth",
                source=_FLRA_1969_S9,
            ),
        ),
    )
)
register(
    DatedRule(
        key="people.leap_day_birthday",
        title="Birthday of someone born on 29 February, in a common year",
        versions=(Version(in_force_from=dt.date(1970, 1, 1), value="1 March", source=_LEAP_DAY),),
    )
)


def _anniversary(date_of_birth: dt.date, year: int) -> dt.date:
    """The day in *year* on which someone born on *date_of_birth* has a birthday."""
    if date_of_birth.month == 2 and date_of_birth.day == 29 and not _calendar.isleap(year):
        return dt.date(year, 3, 1)
    return date_of_birth.replace(year=year)


def date_reaching_age(date_of_birth: dt.date, years: int) -> dt.date:
    """The day on which someone born on *date_of_birth* attains the age *years*.

    Legal basis:
        Family Law Reform Act 1969, s9(1): an age is attained at the start
        of the relevant anniversary of the birth. A birth on 29 February is
        taken to have its anniversary on 1 March in a common year
        (rule ``people.leap_day_birthday``, unverified).

    Args:
        date_of_birth: The date of birth.
        years: The age, 0 or more.

    Returns:
        The date of the birthday on which the age is attained.

    Raises:
        InvalidInputError: a bad date, a negative age, or a year past 9999.

    Examples:
        >>> import datetime as dt
        >>> date_reaching_age(dt.date(2008, 2, 29), 16)   # 2024 is a leap year
        datetime.date(2024, 2, 29)
        >>> date_reaching_age(dt.date(2008, 2, 29), 18)
        datetime.date(2026, 3, 1)
    """
    check_date("date_of_birth", date_of_birth)
    check_int("years", years, minimum=0)
    year = date_of_birth.year + years
    if year > dt.MAXYEAR:
        raise InvalidInputError("years", "gives a birthday past the year 9999")
    return _anniversary(date_of_birth, year)


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    """Age in whole years on the day *on*.

    The age goes up at the start of each birthday; someone born on
    29 February has their birthday on 1 March in a year that is not a leap
    year.

    Legal basis:
        Family Law Reform Act 1969, s9(1) (secondary); the 29 February reading
        is unverified (rule ``people.leap_day_birthday``).

    Args:
        date_of_birth: The date of birth.
        on: The day the age is wanted for (keyword or positional).

    Returns:
        Completed years of age on *on*.

    Raises:
        InvalidInputError: a date is not a plain ``date``, or *on* is before
            the birth. The message does not repeat the date of birth.

    Examples:
        >>> import datetime as dt
        >>> age_on(dt.date(2010, 9, 1), on=dt.date(2026, 8, 31))
        15
        >>> age_on(dt.date(2010, 9, 1), on=dt.date(2026, 9, 1))
        16
    """
    check_date("date_of_birth", date_of_birth)
    check_date("on", on)
    if on < date_of_birth:
        raise InvalidInputError("on", "is before the date of birth")
    years = on.year - date_of_birth.year
    if on < _anniversary(date_of_birth, on.year):
        years -= 1
    return years


@attrs.frozen(kw_only=True)
class Child:
    """A child (or an unborn child) the rules are applied to.

    Exactly one of *date_of_birth* and *expected_date_of_birth* is given.
    The identifier and both dates are personal data: they never appear in the
    ``repr``; [`personal_data`][] returns them explicitly.

    Attributes:
        identifier: The agency's identifier for the child (opaque text).
        date_of_birth: Date of birth of a born child.
        expected_date_of_birth: Expected date of birth of an unborn child.
        disabled: Whether the child is disabled (Children Act 1989 s17(11)),
            or ``None`` if not known. Some age limits depend on it.
    """

    identifier: str = attrs.field(validator=is_text, repr=hidden)
    date_of_birth: dt.date | None = attrs.field(
        default=None, validator=is_optional_date, repr=hidden
    )
    expected_date_of_birth: dt.date | None = attrs.field(
        default=None, validator=is_optional_date, repr=hidden
    )
    disabled: bool | None = attrs.field(default=None, validator=is_optional_bool)

    def __attrs_post_init__(self) -> None:
        """Require exactly one of the two dates."""
        if (self.date_of_birth is None) == (self.expected_date_of_birth is None):
            raise InvalidInputError(
                "date_of_birth", "give exactly one of date_of_birth and expected_date_of_birth"
            )

    @property
    def is_born(self) -> bool:
        """Whether the child has been born (a date of birth is recorded)."""
        return self.date_of_birth is not None

    def age_on(self, on: dt.date) -> int | None:
        """Age in whole years on *on*, or ``None`` for an unborn child."""
        if self.date_of_birth is None:
            return None
        return age_on(self.date_of_birth, on)

    def personal_data(self) -> dict[str, object]:
        """The identifier and dates, shown on purpose (never in logs)."""
        return {
            "identifier": self.identifier,
            "date_of_birth": self.date_of_birth,
            "expected_date_of_birth": self.expected_date_of_birth,
        }
