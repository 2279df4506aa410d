"""Indicator definitions, their values for a period, and mergeable tallies.

An [`Indicator`][] is a definition: a stable key, a title, the numerator
and denominator in words, the kind of statistic (a proportion, a rate, a
count), its multiplier, polarity, decimals and source. Computing it on counts
for a [`Period`][] gives an [`IndicatorValue`][]: the value, the counts
behind it, and its confidence interval by the official method (Wilson for
proportions; exact Poisson below 10 events and Byar's from 10 for rates and
counts).

A [`Tally`][] holds the counts for many indicators and adds up with ``+``:
the value for a region or England is the value of the *sum* of the local
tallies, whatever machine or process computed each of them (``+`` is
associative and commutative, and the empty tally is its identity).

Examples:
    >>> period = Period.financial_year(2014)
    >>> plans = Indicator(
    ...     key="example.cp_plans_rate",
    ...     title="Children subject to a child protection plan per 10,000 children",
    ...     numerator="children subject to a plan at 31 March",
    ...     denominator="children aged under 18 (mid-year estimate)",
    ...     kind=Kind.RATE,
    ...     multiplier=10_000,
    ...     polarity=Polarity.NO_JUDGEMENT,
    ...     decimals=1,
    ...     source=DFE_CIN_MEASURES,
    ... )
    >>> value = plans.compute(377, 61_400, period=period)
    >>> value.formatted()
    '61.4'
    >>> round(value.interval.lower, 4), round(value.interval.upper, 4)
    (55.3582, 67.9226)
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from safeguarding._validate import (
    check_date,
    check_int,
    is_date,
    is_instance,
    is_int,
    is_member,
    is_optional_number,
    is_text,
)
from safeguarding.citations import Citation, Instrument, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.comparison import Polarity
from safeguarding.indicators.publication import (
    MAX_DECIMALS,
    Symbol,
    format_count,
    format_value,
)
from safeguarding.indicators.statistics import (
    Interval,
    Method,
    count_interval,
    rate_interval,
    wilson_interval,
)

__all__ = [
    "DFE_CIN_MEASURES",
    "Count",
    "Indicator",
    "IndicatorValue",
    "Kind",
    "Period",
    "Tally",
    "to_dataframe",
    "to_records",
]

DFE_CIN_MEASURES = Instrument(
    title="Department for Education, Characteristics of children in need",
    url="https://explore-education-statistics.service.gov.uk/find-statistics/characteristics-of-children-in-need",
).cite(
    "national tables and data guidance",
    Verification.SECONDARY,
    note="Definitions as given in the published national tables, data guidance and "
    "methodology on explore-education-statistics.service.gov.uk (refined per indicator).",
)
"""A default citation for the DfE children-in-need measures (refined per indicator)."""

_KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


class Kind(enum.Enum):
    """What kind of statistic an indicator is, which decides its interval."""

    PROPORTION = "proportion"
    """A share of a count (``numerator <= denominator``): Wilson score interval."""
    RATE = "rate"
    """Events per population: exact Poisson below 10 events, Byar's from 10."""
    COUNT = "count"
    """A number of events with no denominator: exact Poisson / Byar limits of the count."""


@attrs.frozen(kw_only=True)
class Period:
    """The period a value is for: first and last day (both included) and a label.

    Examples:
        >>> Period.financial_year(2018).label
        '2018-19'
    """

    start: dt.date = attrs.field(validator=is_date)
    end: dt.date = attrs.field(validator=is_date)
    label: str = attrs.field(validator=is_text)

    def __attrs_post_init__(self) -> None:
        """The end may not come before the start."""
        if self.end < self.start:
            raise InvalidInputError("end", "must not be before start")

    @classmethod
    def financial_year(cls, year: int) -> Period:
        """1 April *year* to 31 March *year* + 1 (the census and reporting year)."""
        check_int("year", year, minimum=1)
        if year >= dt.MAXYEAR:
            raise InvalidInputError("year", "must be before 9999")
        return cls(
            start=dt.date(year, 4, 1),
            end=dt.date(year + 1, 3, 31),
            label=f"{year}-{(year + 1) % 100:02d}",
        )

    def contains(self, day: dt.date) -> bool:
        """Whether *day* falls in the period (ends included)."""
        check_date("day", day)
        return self.start <= day <= self.end


@attrs.frozen(kw_only=True)
class Count:
    """The numerator and denominator counted for one indicator; adds up with ``+``.

    Attributes:
        numerator: Events counted (0 or more).
        denominator: What they are counted against (0 or more): the cases for a
            proportion, the population for a rate, 0 for a plain count.
    """

    numerator: int = attrs.field(default=0, validator=is_int(minimum=0))
    denominator: int = attrs.field(default=0, validator=is_int(minimum=0))

    def __add__(self, other: Count) -> Count:
        """Component-wise sum."""
        if not isinstance(other, Count):
            return NotImplemented
        return Count(
            numerator=self.numerator + other.numerator,
            denominator=self.denominator + other.denominator,
        )


def _check_key(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _KEY.fullmatch(value) is None:
        raise InvalidInputError(attribute.name, "must be a dotted lower-case key")


def _check_decimals(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_int(minimum=0)(_instance, attribute, value)
    if value > MAX_DECIMALS:  # type: ignore[operator]
        raise InvalidInputError(attribute.name, f"must be at most {MAX_DECIMALS}")


@attrs.frozen(kw_only=True)
class IndicatorValue:
    """An indicator's value for a period, with the counts and interval behind it.

    ``value`` and ``interval`` are ``None`` when the value cannot be computed
    (a proportion of 0 cases, a rate on no population).

    Attributes:
        key: The indicator's key.
        title: The indicator's title.
        period: The period the value is for.
        value: The value, already multiplied (a percentage, a rate per 10,000).
        numerator: The events counted.
        denominator: What they were counted against (0 for a plain count).
        interval: The confidence interval on the same scale, or ``None``.
        multiplier: 100 for a percentage, 10,000 for a rate per 10,000, 1 for a count.
        decimals: Decimal places for publication.
        polarity: Whether high is good, low is good, or neither.
    """

    key: str = attrs.field(validator=_check_key)
    title: str = attrs.field(validator=is_text)
    period: Period = attrs.field(validator=is_instance(Period))
    value: float | None = attrs.field(validator=is_optional_number)
    numerator: int = attrs.field(validator=is_int(minimum=0))
    denominator: int = attrs.field(validator=is_int(minimum=0))
    interval: Interval | None = attrs.field()
    multiplier: int = attrs.field(validator=is_int(minimum=1))
    decimals: int = attrs.field(validator=_check_decimals)
    polarity: Polarity = attrs.field(validator=is_member(Polarity))

    @interval.validator
    def _check_interval(self, _attribute: attrs.Attribute[Interval | None], value: object) -> None:
        if value is not None and not isinstance(value, Interval):
            raise InvalidInputError("interval", "must be an Interval or None")
        if (value is None) != (self.value is None):
            raise InvalidInputError("interval", "must be given exactly when value is given")

    @property
    def method(self) -> Method | None:
        """How the interval was computed, or ``None`` without one."""
        return None if self.interval is None else self.interval.method

    def formatted(self) -> str:
        """The value as published: rounded half up, ``z`` when it cannot be computed."""
        return format_value(self.value, decimals=self.decimals)

    def to_record(self) -> dict[str, object]:
        """A flat dict (one table row) of plain values, for CSV, JSON or pandas.

        ``value``, ``numerator``, ``denominator`` and the interval are the
        object's own, unrounded and unsuppressed; only the publication fields
        follow the publication conventions. ``numerator_published`` is ``c``
        for a count of 1 to 5, and then ``formatted`` is ``c`` as well (a
        computed value is suppressed with its count, since the count could
        otherwise be worked back from the rate or percentage).

        Examples:
            >>> from safeguarding.indicators.catalogue import indicator
            >>> value = indicator("dfe.re_referrals_12_months").compute(
            ...     3, 40, period=Period.financial_year(2018))
            >>> record = value.to_record()
            >>> record["numerator"], record["value"], value.formatted()
            (3, 7.5, '7.5')
            >>> record["numerator_published"], record["formatted"]
            ('c', 'c')
        """
        interval = self.interval
        numerator_published = format_count(self.numerator)
        formatted = self.formatted()
        if numerator_published == Symbol.CONFIDENTIAL.value and self.value is not None:
            formatted = Symbol.CONFIDENTIAL.value
        return {
            "key": self.key,
            "title": self.title,
            "period": self.period.label,
            "period_start": self.period.start.isoformat(),
            "period_end": self.period.end.isoformat(),
            "value": self.value,
            "formatted": formatted,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "numerator_published": numerator_published,
            "lower": None if interval is None else interval.lower,
            "upper": None if interval is None else interval.upper,
            "confidence": None if interval is None else interval.confidence,
            "method": None if interval is None else interval.method.value,
            "multiplier": self.multiplier,
            "polarity": self.polarity.value,
        }


@attrs.frozen(kw_only=True)
class Indicator:
    """The definition of an indicator.

    Attributes:
        key: Stable dotted key, never renamed (``"dfe.re_referrals"``).
        title: What it measures, as a heading.
        numerator: The numerator in words.
        denominator: The denominator in words (``""`` for a plain count).
        kind: Proportion, rate or count, which decides the interval.
        multiplier: 100 for a percentage, 10,000 per 10,000 children, 1 for a count.
        polarity: Whether high is good, low is good, or neither.
        decimals: Decimal places for publication.
        source: Where the definition comes from, with its verification status.
    """

    key: str = attrs.field(validator=_check_key)
    title: str = attrs.field(validator=is_text)
    numerator: str = attrs.field(validator=is_text)
    denominator: str = attrs.field(validator=attrs.validators.instance_of(str))
    kind: Kind = attrs.field(validator=is_member(Kind))
    multiplier: int = attrs.field(validator=is_int(minimum=1))
    polarity: Polarity = attrs.field(validator=is_member(Polarity))
    decimals: int = attrs.field(validator=_check_decimals)
    source: Citation = attrs.field(validator=is_instance(Citation))

    def __attrs_post_init__(self) -> None:
        """A proportion or a rate needs a denominator; a count has none."""
        if self.kind is Kind.COUNT and self.denominator:
            raise InvalidInputError("denominator", "must be empty for a count")
        if self.kind is not Kind.COUNT and not self.denominator.strip():
            raise InvalidInputError("denominator", "must be described for a proportion or rate")

    @property
    def formula(self) -> str:
        """The formula in words, for the catalogue."""
        if self.kind is Kind.COUNT:
            return f"count of {self.numerator}"
        scale = "" if self.multiplier == 1 else f" x {self.multiplier:,}"
        return f"{self.numerator} / {self.denominator}{scale}"

    def compute(
        self,
        numerator: int,
        denominator: int = 0,
        *,
        period: Period,
        confidence: float = 0.95,
    ) -> IndicatorValue:
        """The value for *period* from its counts, with its confidence interval.

        Args:
            numerator: The events counted.
            denominator: The cases or population (ignored for a count; 0 for
                a proportion or rate gives no value).
            period: The period the counts are for.
            confidence: The confidence level of the interval.

        Returns:
            An [`IndicatorValue`][].

        Raises:
            InvalidInputError: negative or non-integer counts, or a proportion
                whose numerator exceeds its denominator.
        """
        check_int("numerator", numerator, minimum=0)
        check_int("denominator", denominator, minimum=0)
        if not isinstance(period, Period):
            raise InvalidInputError("period", "must be a Period")
        value: float | None = None
        interval: Interval | None = None
        if self.kind is Kind.COUNT:
            denominator = 0
            value = float(numerator)
            interval = count_interval(numerator, confidence=confidence)
        elif denominator > 0:
            if self.kind is Kind.PROPORTION:
                if numerator > denominator:
                    raise InvalidInputError("numerator", "must not exceed the denominator")
                ci = wilson_interval(numerator, denominator, confidence=confidence)
                interval = attrs.evolve(
                    ci, lower=ci.lower * self.multiplier, upper=ci.upper * self.multiplier
                )
            else:
                interval = rate_interval(
                    numerator, denominator, per=self.multiplier, confidence=confidence
                )
            value = numerator / denominator * self.multiplier
        return IndicatorValue(
            key=self.key,
            title=self.title,
            period=period,
            value=value,
            numerator=numerator,
            denominator=denominator,
            interval=interval,
            multiplier=self.multiplier,
            decimals=self.decimals,
            polarity=self.polarity,
        )


def _frozen_counts(value: object) -> dict[str, Count]:
    if not isinstance(value, Mapping):
        raise InvalidInputError("counts", "must be a mapping from indicator key to Count")
    return dict(sorted(value.items()))


def _check_counts(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    assert isinstance(value, dict)  # noqa: S101 - guaranteed by the converter
    for key, count in value.items():
        if not isinstance(key, str) or _KEY.fullmatch(key) is None:
            raise InvalidInputError(attribute.name, "keys must be dotted lower-case indicator keys")
        if not isinstance(count, Count):
            raise InvalidInputError(f"{attribute.name}[{key!r}]", "must be a Count")


@attrs.frozen(kw_only=True)
class Tally:
    """Counts for many indicators, mergeable with ``+``.

    ``a + b`` adds the counts key by key (a key missing on one side counts as
    zero). Addition is associative and commutative and ``Tally()`` is its
    identity, so tallies computed anywhere (per file, per authority, per
    process) merge into the tally of the pooled records.

    Attributes:
        counts: Indicator key to [`Count`][], kept sorted by key.

    Examples:
        >>> a = Tally(counts={"x.y": Count(numerator=2, denominator=10)})
        >>> b = Tally(counts={"x.y": Count(numerator=3, denominator=5)})
        >>> (a + b).counts["x.y"]
        Count(numerator=5, denominator=15)
    """

    counts: dict[str, Count] = attrs.field(
        factory=dict, converter=_frozen_counts, validator=_check_counts, hash=False
    )

    def __add__(self, other: Tally) -> Tally:
        """Key-by-key sum of the counts."""
        if not isinstance(other, Tally):
            return NotImplemented
        merged = dict(self.counts)
        for key, count in other.counts.items():
            merged[key] = merged[key] + count if key in merged else count
        return Tally(counts=merged)

    def count(self, key: str) -> Count:
        """The count for *key* (zero if nothing was counted)."""
        return self.counts.get(key, Count())

    def values(
        self,
        indicators: Iterable[Indicator],
        *,
        period: Period,
        confidence: float = 0.95,
    ) -> tuple[IndicatorValue, ...]:
        """Compute each indicator from its counts, in the order given."""
        return tuple(
            indicator.compute(
                self.count(indicator.key).numerator,
                self.count(indicator.key).denominator,
                period=period,
                confidence=confidence,
            )
            for indicator in indicators
        )


def _flatten(prefix: str, value: object, row: dict[str, object]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), item, row)
    elif isinstance(value, enum.Enum):
        row[prefix] = value.value
    elif isinstance(value, dt.date):
        row[prefix] = value.isoformat()
    else:
        row[prefix] = value


def to_records(results: Iterable[object]) -> list[dict[str, object]]:
    """Plain dict rows, one per result, for CSV, JSON or a pandas DataFrame.

    An [`IndicatorValue`][] gives its [`to_record`][IndicatorValue.to_record].
    Any other result of the library (an ``Estimate``, a ``Comparison``, a
    ``PublishedCheck``, a ``TotalCheck``, a ``StandardisedRate``, funnel
    limits, a ``YearOnYearChange`` ...) gives its fields as plain values, dates
    in ISO 8601 and enums by value, with nested results flattened into dotted
    column names (``interval.lower``) and lists kept as lists.

    Args:
        results: The results, of one kind or several.

    Returns:
        One dict per result.

    Raises:
        InvalidInputError: an item is not a result of the library.

    Examples:
        >>> from safeguarding.indicators.statistics import proportion
        >>> row = to_records([proportion(18, 129)])[0]
        >>> round(row["value"], 6), round(row["interval.lower"], 6), row["interval.method"]
        (0.139535, 0.09012, 'wilson')
    """
    from safeguarding.serialization import make_converter  # noqa: PLC0415 - avoids a cycle

    converter = make_converter()
    rows: list[dict[str, object]] = []
    for index, result in enumerate(results):
        if isinstance(result, IndicatorValue):
            rows.append(result.to_record())
            continue
        if not attrs.has(type(result)):
            raise InvalidInputError(f"results[{index}]", "is not a result of the library")
        row: dict[str, object] = {}
        _flatten("", converter.unstructure(result), row)
        rows.append(row)
    return rows


def to_dataframe(results: Iterable[object]) -> Any:  # noqa: ANN401 - pandas is optional
    """A pandas DataFrame of the results, one row each (needs the ``pandas`` extra).

    The rows are those of [`to_records`][].

    Raises:
        ImportError: pandas is not installed (``pip install safeguarding[pandas]``).
        InvalidInputError: an item is not a result of the library.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency
    except ImportError as exc:  # pragma: no cover - the test environment has pandas
        msg = "to_dataframe needs pandas: pip install 'safeguarding[pandas]'"
        raise ImportError(msg) from exc
    return pd.DataFrame.from_records(to_records(results))
