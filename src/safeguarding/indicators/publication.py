"""Publication conventions, as a formatting step, and checks of published figures.

The Department for Education publishes children-in-need statistics with
conventions that must never leak back into the numbers used for further
computation:

* rates per 10,000 and percentages are shown to 1 decimal place, computed
  from unrounded counts;
* England and regional counts are rounded to the nearest 10;
* counts of 1 to 5 are suppressed and shown as ``c`` (with secondary
  suppression where a total would reveal them); ``0`` is a true zero;
* other symbols mark what is missing for other reasons ([`Symbol`][]).

Formatting here returns text or a [`Symbol`][]; it never turns a symbol
into 0. [`check_published`][] and [`check_total`][] say whether a figure
printed in a report is consistent with the counts behind it.

Examples:
    >>> format_count(3)
    'c'
    >>> format_count(0)
    '0'
    >>> format_value(22.2924, decimals=1)
    '22.3'
    >>> check_published(4170, 18706, "22.2", decimals=1).consistent
    False
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from fractions import Fraction

import attrs

from safeguarding._validate import check_int, is_bool, is_int
from safeguarding.citations import Instrument, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.rules import DatedRule, Version, register

__all__ = [
    "MAX_DECIMALS",
    "PublishedCheck",
    "Symbol",
    "TotalCheck",
    "check_published",
    "check_total",
    "format_count",
    "format_value",
    "round_half_up",
    "round_to_nearest",
    "suppress",
]

DFE_CIN = Instrument(
    title="Department for Education, Children in need statistics: data guidance",
    url="https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need",
)

SUPPRESSION_RULE = register(
    DatedRule(
        key="indicators.suppression",
        title="Counts suppressed as 'c' in DfE children-in-need tables (inclusive range)",
        versions=(
            Version(
                in_force_from=dt.date(2020, 4, 1),
                value=(1, 5),
                source=DFE_CIN.cite(
                    "data guidance, reporting years 2020 and 2021 (symbols and suppression)",
                    Verification.PRIMARY,
                    url="https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need/2020/data-guidance",
                    note="Counts of 1 to 5 inclusive are shown as 'c', with secondary "
                    "suppression; 0 is a true zero. Read in the 2020 and 2021 releases; "
                    "the start date is the first release read, not a known change.",
                ),
            ),
        ),
    )
)
DECIMALS_RULE = register(
    DatedRule(
        key="indicators.decimals",
        title="Decimal places of published rates per 10,000 and percentages",
        versions=(
            Version(
                in_force_from=dt.date(2020, 4, 1),
                value=1,
                source=DFE_CIN.cite(
                    "data guidance (rounding)",
                    Verification.PRIMARY,
                    note="Rates and percentages to 1 decimal place, from unrounded counts.",
                ),
            ),
        ),
    )
)
NATIONAL_ROUNDING_RULE = register(
    DatedRule(
        key="indicators.national_count_rounding",
        title="England and regional counts are rounded to the nearest",
        versions=(
            Version(
                in_force_from=dt.date(2020, 4, 1),
                value=10,
                source=DFE_CIN.cite("data guidance (rounding)", Verification.PRIMARY),
            ),
        ),
    )
)
TIE_RULE = register(
    DatedRule(
        key="indicators.rounding_ties",
        title="How a value exactly half-way is rounded for publication",
        versions=(
            Version(
                in_force_from=dt.date(2020, 4, 1),
                value="half away from zero",
                source=DFE_CIN.cite(
                    "data guidance (rounding)",
                    Verification.UNVERIFIED,
                    note="The guidance read does not say how ties are rounded; the library "
                    "rounds half away from zero and accepts either rounding of a tie when it "
                    "checks a published figure.",
                ),
            ),
        ),
    )
)

MAX_DECIMALS = 15
"""Most decimal places a figure is rounded or published to: a float carries about 15
significant digits, and official statistics publish 0 to 3."""


class Symbol(enum.Enum):
    """Symbols that stand in for a number in published tables. Never 0."""

    CONFIDENTIAL = "c"
    """Suppressed to protect confidentiality (a count of 1 to 5, or revealing one)."""
    NOT_APPLICABLE = "z"
    """Not applicable (the figure cannot exist)."""
    NOT_AVAILABLE = ":"
    """Not available (the data were not collected or are missing)."""
    UNAVAILABLE = "x"
    """Unavailable for another reason (newer government statistics style; unconfirmed here)."""
    LOW = "low"
    """Rounds to 0 but is not 0 (newer style; unconfirmed here)."""
    LOW_RELIABILITY = "u"
    """Low reliability (newer style; unconfirmed here)."""


def round_half_up(value: float | Fraction | Decimal, decimals: int) -> Decimal:
    """Round to *decimals* places, halves away from zero (not Python's half-even).

    Args:
        value: The number to round.
        decimals: Decimal places, 0 or more.

    Returns:
        The rounded value as a `Decimal` (exact, prints as published).

    Raises:
        InvalidInputError: a non-finite value, or *decimals* negative or above
            [`MAX_DECIMALS`][safeguarding.indicators.publication.MAX_DECIMALS].

    Examples:
        >>> round_half_up(81.25, 1), round(81.25, 1)
        (Decimal('81.3'), 81.2)
    """
    _check_decimals(decimals)
    exact = _to_decimal("value", value)
    quantum = Decimal(1).scaleb(-decimals)
    # Enough digits for the whole part and the places, whatever the value's size.
    digits = max(28, exact.adjusted() + decimals + 2)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP, context=Context(prec=digits))


def _check_decimals(decimals: object) -> None:
    if check_int("decimals", decimals, minimum=0) > MAX_DECIMALS:
        raise InvalidInputError("decimals", f"must be at most {MAX_DECIMALS}")


def _to_decimal(name: str, value: object) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise InvalidInputError(name, "must be a number")
    try:
        number = Decimal(value) if not isinstance(value, float) else Decimal(repr(value))
    except InvalidOperation:
        raise InvalidInputError(name, "must be a number") from None
    if not number.is_finite():
        raise InvalidInputError(name, "must be finite")
    return number


def round_to_nearest(count: int, base: int = 10) -> int:
    """Round a count to the nearest multiple of *base* (halves up), as England totals are.

    Examples:
        >>> round_to_nearest(49_415), round_to_nearest(49_425)
        (49420, 49430)
    """
    check_int("count", count, minimum=0)
    check_int("base", base, minimum=1)
    return ((count * 2 + base) // (2 * base)) * base


def suppress(count: int, *, on: dt.date) -> int | Symbol:
    """The count as published: itself, or ``Symbol.CONFIDENTIAL`` if it is 1 to 5.

    Secondary suppression (hiding another cell that would reveal a suppressed
    one) depends on the whole table and is left to the caller.

    Legal basis:
        DfE children-in-need data guidance (rule ``indicators.suppression``).

    Args:
        count: A count of 0 or more.
        on: The date of publication (the rule as it stood then).

    Returns:
        The count, or [`Symbol.CONFIDENTIAL`][].

    Examples:
        >>> suppress(5, on=dt.date(2024, 10, 31)), suppress(6, on=dt.date(2024, 10, 31))
        (<Symbol.CONFIDENTIAL: 'c'>, 6)
    """
    check_int("count", count, minimum=0)
    low, high = SUPPRESSION_RULE.at(on).value
    return Symbol.CONFIDENTIAL if low <= count <= high else count


def format_count(count: int | Symbol, *, suppress_small: bool = True) -> str:
    """A count as text: small counts as ``c`` unless *suppress_small* is off.

    Uses the suppression range in force today's rule table lists (1 to 5); a
    [`Symbol`][] is shown as its symbol.

    Examples:
        >>> format_count(12_345), format_count(Symbol.NOT_AVAILABLE)
        ('12,345', ':')
    """
    if isinstance(count, Symbol):
        return count.value
    check_int("count", count, minimum=0)
    low, high = SUPPRESSION_RULE.versions[-1].value
    if suppress_small and low <= count <= high:
        return Symbol.CONFIDENTIAL.value
    return f"{count:,}"


def format_value(value: float | Symbol | None, *, decimals: int = 1) -> str:
    """A rate or percentage as text, rounded half up to *decimals* places.

    ``None`` (a value that could not be computed, such as a proportion of
    zero) is shown as ``z``; a [`Symbol`][] as its symbol.

    Examples:
        >>> format_value(4.34992), format_value(None), format_value(Symbol.CONFIDENTIAL)
        ('4.3', 'z', 'c')
    """
    if value is None:
        return Symbol.NOT_APPLICABLE.value
    if isinstance(value, Symbol):
        return value.value
    return str(round_half_up(value, decimals))


@attrs.frozen(kw_only=True)
class PublishedCheck:
    """Whether a published figure agrees with the counts behind it.

    Attributes:
        numerator: The count of events.
        denominator: The count they are a share of.
        per: The multiplier (100 for a percentage).
        published: The figure as printed.
        decimals: Decimal places the figure was printed to.
        recomputed: ``numerator / denominator * per``, unrounded.
        consistent: Whether rounding the recomputed value can give the figure.
    """

    numerator: int = attrs.field(validator=is_int(minimum=0))
    denominator: int = attrs.field(validator=is_int(minimum=1))
    per: int = attrs.field(validator=is_int(minimum=1))
    published: str = attrs.field()
    decimals: int = attrs.field(validator=is_int(minimum=0))
    recomputed: float = attrs.field()
    consistent: bool = attrs.field(validator=is_bool)

    def explain(self) -> str:
        """One sentence with the recomputed value and the verdict."""
        shown = round_half_up(Fraction(self.numerator * self.per, self.denominator), self.decimals)
        verdict = "consistent" if self.consistent else "NOT consistent"
        return (
            f"{self.numerator:,} / {self.denominator:,} x {self.per} = {self.recomputed:.6g}, "
            f"which rounds to {shown}; the published {self.published} is {verdict}."
        )


def check_published(
    numerator: int,
    denominator: int,
    published: float | str | Decimal,
    *,
    decimals: int,
    per: int = 100,
) -> PublishedCheck:
    """Say whether a published figure can come from its counts.

    The figure is consistent when it lies within half a unit of its last
    decimal place of the exact value ``numerator / denominator * per`` (so
    either rounding of an exact tie is accepted). Computed in exact
    arithmetic: no floating-point near misses.

    Args:
        numerator: The count of events.
        denominator: The count they are a share of (at least 1).
        published: The figure as printed (``"22.2"``, ``40``, ``81.3``).
        decimals: Decimal places it was printed to.
        per: 100 for a percentage, 10,000 for a rate per 10,000.

    Returns:
        A [`PublishedCheck`][].

    Raises:
        InvalidInputError: counts that are not integers, a numerator above
            the denominator for a percentage, or a published value that is
            not a number.

    Examples:
        >>> check_published(65, 80, 81.3, decimals=1).consistent   # 81.25 printed half up
        True
        >>> print(check_published(4170, 18706, "22.2", decimals=1).explain())
        4,170 / 18,706 x 100 = 22.2923, which rounds to 22.3; the published 22.2 is NOT consistent.
    """
    check_int("numerator", numerator, minimum=0)
    check_int("denominator", denominator, minimum=1)
    check_int("per", per, minimum=1)
    _check_decimals(decimals)
    if per == 100 and numerator > denominator:
        raise InvalidInputError("numerator", "must not exceed the denominator for a percentage")
    printed = _to_decimal("published", published)
    exact = Fraction(numerator * per, denominator)
    half_unit = Fraction(1, 2 * 10**decimals)
    consistent = abs(Fraction(printed) - exact) <= half_unit
    return PublishedCheck(
        numerator=numerator,
        denominator=denominator,
        per=per,
        published=str(printed),
        decimals=decimals,
        recomputed=float(exact),
        consistent=consistent,
    )


@attrs.frozen(kw_only=True)
class TotalCheck:
    """Whether a printed total equals the sum of its rows.

    Attributes:
        rows_sum: The sum of the rows that have a number.
        missing_rows: How many rows had a symbol or ``None`` instead (not added as 0).
        published_total: The total as printed.
        difference: ``published_total - rows_sum``.
        consistent: Whether the difference is within the tolerance.
    """

    rows_sum: int = attrs.field(validator=is_int())
    missing_rows: int = attrs.field(validator=is_int(minimum=0))
    published_total: int = attrs.field(validator=is_int())
    difference: int = attrs.field(validator=is_int())
    consistent: bool = attrs.field(validator=is_bool)

    def explain(self) -> str:
        """One sentence with the sum, the printed total and the difference."""
        missing = f" ({self.missing_rows} row(s) not available)" if self.missing_rows else ""
        verdict = "consistent" if self.consistent else f"off by {self.difference:+,}"
        return (
            f"The rows add up to {self.rows_sum:,}{missing}; the printed total is "
            f"{self.published_total:,}: {verdict}."
        )


def check_total(
    rows: Iterable[int | Symbol | None], published_total: int, *, tolerance: int = 0
) -> TotalCheck:
    """Say whether a printed total equals the sum of its rows.

    Rows given as a [`Symbol`][] or ``None`` (``N/A`` in a report) are
    counted as missing, never as 0. With rounded tables, pass the rounding
    slack as *tolerance*.

    Args:
        rows: The row values.
        published_total: The total as printed.
        tolerance: The largest absolute difference still accepted.

    Returns:
        A [`TotalCheck`][].

    Examples:
        >>> check_total([45_110, 83_280, 550, 1_000, None, 2_000, 5_000, 22_555, 22_555],
        ...             182_350).difference
        300
    """
    check_int("published_total", published_total)
    check_int("tolerance", tolerance, minimum=0)
    values: Sequence[int | Symbol | None] = tuple(rows)
    total = 0
    missing = 0
    for index, row in enumerate(values):
        if row is None or isinstance(row, Symbol):
            missing += 1
            continue
        check_int(f"rows[{index}]", row)
        total += row
    difference = published_total - total
    return TotalCheck(
        rows_sum=total,
        missing_rows=missing,
        published_total=published_total,
        difference=difference,
        consistent=abs(difference) <= tolerance,
    )
