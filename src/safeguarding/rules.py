"""Effective-dated rules, each version with its legal source.

Guidance changes by edition (Working Together 2015, 2018, 2023; Keeping
Children Safe in Education every September), so every statutory number, list
or criterion in the library is a [`DatedRule`][]: a stable key and a
strictly chronological tuple of [`Version`][] values, each with the date it
came into force and its [`Citation`][safeguarding.citations.Citation].

A rule answers for a date with [`DatedRule.at`][]. Before its first version,
or on or after its repeal, it raises
[`RuleNotInForceError`][safeguarding.errors.RuleNotInForceError]: never a silent ``None``.

Every rule the package defines is [`register`][]-ed under its unique key;
[`all_rules`][] returns them all (the ``safeguarding rules`` table).

Examples:
    >>> import datetime as dt
    >>> from safeguarding.citations import Citation, Verification
    >>> src = Citation(instrument="Example Act 2000", provision="s1", url=None,
    ...                status=Verification.UNVERIFIED)
    >>> rule = DatedRule(
    ...     key="example.limit",
    ...     title="An example limit",
    ...     versions=(
    ...         Version(in_force_from=dt.date(2000, 1, 1), value=10, source=src),
    ...         Version(in_force_from=dt.date(2010, 1, 1), value=15, source=src),
    ...     ),
    ... )
    >>> rule.at(dt.date(2009, 12, 31)).value
    10
    >>> rule.at(dt.date(2010, 1, 1)).value
    15
    >>> rule.at(dt.date(1999, 12, 31))
    Traceback (most recent call last):
        ...
    safeguarding.errors.RuleNotInForceError: rule 'example.limit' was not in force on ...
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import importlib
import pkgutil
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import attrs

from safeguarding._validate import check_date, is_date, is_optional_date, is_str, is_text
from safeguarding.citations import Citation
from safeguarding.errors import InvalidInputError, RuleNotInForceError

__all__ = [
    "DatedRule",
    "LocalRule",
    "Overrides",
    "RuleRow",
    "Version",
    "all_rules",
    "find_rule",
    "register",
    "register_local",
    "render_value",
    "rule_table",
]

T = TypeVar("T")

_KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


def _is_citation(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Citation):
        raise InvalidInputError(attribute.name, "must be a Citation")


@attrs.frozen(kw_only=True)
class Version(Generic[T]):
    """One version of a rule: its value from a date, and where that comes from.

    Attributes:
        in_force_from: The first day this version applies (commencement).
        value: The rule's value: a number, a timescale, a tuple of criteria, …
        source: The citation for this version.
        edition: Optional label of the edition it belongs to (``"WT2018"``).
    """

    in_force_from: dt.date = attrs.field(validator=is_date)
    value: T
    source: Citation = attrs.field(validator=_is_citation)
    edition: str = attrs.field(default="", validator=is_str)


class Overrides(Protocol):
    """What a rule asks of local procedures: the local version of a rule, if one is set.

    [`Procedures`][safeguarding.procedures.Procedures] is the library's implementation.
    """

    def override(self, key: str) -> Version[Any] | None:
        """The local version of the rule *key*, or ``None`` to apply the national rule."""
        ...  # pragma: no cover - a protocol


def _check_versions(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidInputError(attribute.name, "must be a non-empty tuple of Version")
    previous: dt.date | None = None
    for index, version in enumerate(value):
        if not isinstance(version, Version):
            raise InvalidInputError(f"{attribute.name}[{index}]", "must be a Version")
        if previous is not None and version.in_force_from <= previous:
            raise InvalidInputError(
                f"{attribute.name}[{index}]",
                "versions must be in strictly chronological order of in_force_from",
            )
        previous = version.in_force_from


def _check_key(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _KEY.fullmatch(value) is None:
        raise InvalidInputError(
            attribute.name, "must be a dotted lower-case key such as 'calendar.working_day'"
        )


@attrs.frozen(kw_only=True)
class DatedRule(Generic[T]):
    """A rule whose value depends on the date it is asked about.

    Attributes:
        key: Stable dotted key, never renamed (``"timescales.icpc"``).
        title: What the rule is, in a few plain words.
        versions: Non-empty, strictly chronological tuple of versions.
        repealed_on: The first day the rule no longer applies, or ``None``.
    """

    key: str = attrs.field(validator=_check_key)
    title: str = attrs.field(validator=is_text)
    versions: tuple[Version[T], ...] = attrs.field(validator=_check_versions)
    repealed_on: dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        """Check that the repeal comes after the last version commenced."""
        if self.repealed_on is not None and self.repealed_on <= self.versions[-1].in_force_from:
            raise InvalidInputError("repealed_on", "must be after the last version's in_force_from")

    @property
    def in_force_from(self) -> dt.date:
        """The day the first version came into force."""
        return self.versions[0].in_force_from

    def at(self, on: dt.date, *, procedures: Overrides | None = None) -> Version[T]:
        """Return the version in force on *on*: the local one where procedures set one.

        Args:
            on: The date the rule is applied for.
            procedures: Local procedures; where they override this rule with a version
                in force on *on*, that version (citing the local document) is returned.

        Returns:
            The local version, if any; otherwise the latest national version whose
            ``in_force_from`` is on or before *on*.

        Raises:
            InvalidInputError: *on* is not a plain ``date``.
            RuleNotInForceError: *on* is on or after ``repealed_on`` (a local version
                does not revive a repealed rule), or before the first national version
                with no local version in force.
        """
        check_date("on", on)
        if procedures is not None and (self.repealed_on is None or on < self.repealed_on):
            local: Version[T] | None = procedures.override(self.key)
            if local is not None and local.in_force_from <= on:
                return local
        return self._national(on)

    def _national(self, on: dt.date) -> Version[T]:
        """The national version in force on *on* (already checked to be a date)."""
        if self.repealed_on is not None and on >= self.repealed_on:
            raise RuleNotInForceError(
                self.key, on, f"repealed with effect from {self.repealed_on.isoformat()}"
            )
        index = bisect.bisect_right(self.versions, on, key=lambda v: v.in_force_from)
        if index == 0:
            raise RuleNotInForceError(
                self.key, on, f"first in force on {self.in_force_from.isoformat()}"
            )
        return self.versions[index - 1]

    def is_in_force(self, on: dt.date) -> bool:
        """Whether some version applies on *on* (``at`` would not raise)."""
        check_date("on", on)
        return on >= self.in_force_from and (self.repealed_on is None or on < self.repealed_on)

    def commencement_dates(self) -> tuple[dt.date, ...]:
        """Every date the rule changed: each version's start and the repeal, if any."""
        dates = tuple(v.in_force_from for v in self.versions)
        return (*dates, self.repealed_on) if self.repealed_on is not None else dates


class LocalRule(Generic[T]):
    """A choice national guidance leaves to each partnership, with no national value.

    The partnership's [`Procedures`][safeguarding.procedures.Procedures] must set it
    (its continuum of need, say); asking without one raises. A definition, not data:
    it is not serialized.

    Args:
        key: Stable dotted key, never renamed (``"thresholds.continuum"``).
        title: What the choice is, in a few plain words.
        kind: The type of its value.

    Raises:
        InvalidInputError: a bad key, an empty title or a *kind* that is not a type.
    """

    __slots__ = ("key", "kind", "title")

    def __init__(self, *, key: str, title: str, kind: type[T]) -> None:
        """Check and keep the key, title and value type."""
        if not isinstance(key, str) or _KEY.fullmatch(key) is None:
            raise InvalidInputError("key", "must be a dotted lower-case key")
        if not isinstance(title, str) or not title.strip():
            raise InvalidInputError("title", "must be a non-empty string")
        if not isinstance(kind, type):
            raise InvalidInputError("kind", "must be a type")
        self.key: str = key
        self.title: str = title
        self.kind: type[T] = kind

    def __repr__(self) -> str:
        """The key and the value type."""
        return f"LocalRule(key={self.key!r}, kind={self.kind.__name__})"

    def __eq__(self, other: object) -> bool:
        """Equal when key, title and value type are."""
        if not isinstance(other, LocalRule):
            return NotImplemented
        return (self.key, self.title, self.kind) == (other.key, other.title, other.kind)

    def __hash__(self) -> int:
        """Hash of the key, title and value type."""
        return hash((self.key, self.title, self.kind))

    def at(self, on: dt.date, *, procedures: Overrides | None) -> Version[T]:
        """Return the procedures' version in force on *on*.

        Args:
            on: The date the choice is applied for.
            procedures: The partnership's procedures.

        Returns:
            The local version.

        Raises:
            InvalidInputError: *on* is not a plain ``date``, or the procedures do not set
                this choice.
            RuleNotInForceError: the procedures set it only from a later date.
        """
        check_date("on", on)
        local = None if procedures is None else procedures.override(self.key)
        if local is None:
            raise InvalidInputError(
                "procedures",
                f"must set the {self.title} ({self.key!r}): national guidance sets none",
            )
        if local.in_force_from > on:
            raise RuleNotInForceError(
                self.key, on, f"the procedures set it from {local.in_force_from.isoformat()}"
            )
        return local


_REGISTRY: dict[str, DatedRule[Any]] = {}
_LOCAL_REGISTRY: dict[str, LocalRule[Any]] = {}

# Modules not imported when the registry is collected: those needing an optional
# extra, and the command-line entry point (importing it runs the command). None
# of them defines a rule.
_SKIPPED_MODULES = ("safeguarding.strategies", "safeguarding._hypothesis", "safeguarding.__main__")


def find_rule(key: str) -> DatedRule[Any] | LocalRule[Any]:
    """The rule (national or local-only) registered under *key*.

    Args:
        key: A rule key (``"lado.employer_referral"``).

    Returns:
        The rule.

    Raises:
        InvalidInputError: no rule of the package has that key.
    """
    if not isinstance(key, str):
        raise InvalidInputError("key", "must be a string")
    if key not in _REGISTRY and key not in _LOCAL_REGISTRY:
        all_rules()  # imports every module, so that every rule is registered
    found = _REGISTRY.get(key) or _LOCAL_REGISTRY.get(key)
    if found is None:
        raise InvalidInputError("key", f"no rule of the package has the key {key!r}")
    return found


def register_local(rule: LocalRule[T]) -> LocalRule[T]:
    """Add the local-only *rule* to the package registry and return it.

    Raises:
        InvalidInputError: another rule already has the same key.
    """
    existing = _LOCAL_REGISTRY.get(rule.key)
    if (existing is not None and existing != rule) or rule.key in _REGISTRY:
        raise InvalidInputError("key", f"a different rule is already registered as {rule.key!r}")
    _LOCAL_REGISTRY[rule.key] = rule
    return rule


def register(rule: DatedRule[T]) -> DatedRule[T]:
    """Add *rule* to the package registry and return it.

    Args:
        rule: The rule to register.

    Returns:
        The same rule, so that a module can write ``X = register(DatedRule(...))``.

    Raises:
        InvalidInputError: another, different rule already has the same key.
    """
    existing = _REGISTRY.get(rule.key)
    if (existing is not None and existing != rule) or rule.key in _LOCAL_REGISTRY:
        raise InvalidInputError("key", f"a different rule is already registered as {rule.key!r}")
    _REGISTRY[rule.key] = rule
    return rule


def all_rules() -> tuple[DatedRule[Any], ...]:
    """Return every rule the package defines, sorted by key.

    Imports every module of the package (except those needing optional
    extras) so that their rules are registered.
    """
    # The package's own folder: this module lives at its top.
    for module in pkgutil.walk_packages([str(Path(__file__).parent)], prefix="safeguarding."):
        if not module.name.startswith(_SKIPPED_MODULES):
            importlib.import_module(module.name)
    return tuple(_REGISTRY[key] for key in sorted(_REGISTRY))


def render_value(value: object) -> str:
    """Render a rule's value for the rules table, in one line.

    Examples:
        >>> render_value((1, 2))
        '1; 2'
        >>> from safeguarding.citations import Verification
        >>> render_value(Verification.PRIMARY)
        'primary'
    """
    describe = getattr(value, "describe", None)
    if callable(describe):
        return str(describe())
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list | frozenset | set):
        items = sorted(value, key=str) if isinstance(value, frozenset | set) else value
        return "; ".join(render_value(item) for item in items)
    return str(value)


@attrs.frozen(kw_only=True)
class RuleRow:
    """One row of the rules table: one version of one rule.

    ``until`` is the first day the version no longer applies (the next
    version's commencement or the repeal), or ``None`` while it is current.
    """

    key: str
    title: str
    value: str
    in_force_from: dt.date
    until: dt.date | None
    edition: str
    source: Citation


def rule_table(
    rules: Iterable[DatedRule[Any]] | None = None, *, on: dt.date | None = None
) -> tuple[RuleRow, ...]:
    """Flatten rules into table rows: every version, or only those in force *on* a date.

    Args:
        rules: The rules to tabulate; by default [`all_rules`][].
        on: If given, only the version in force on that date, and no row for
            a rule not in force then.

    Returns:
        Rows sorted by key, then by date.
    """
    chosen = all_rules() if rules is None else tuple(rules)
    rows: list[RuleRow] = []
    for rule in sorted(chosen, key=lambda r: r.key):
        if on is not None:
            versions: tuple[Version[Any], ...] = (rule.at(on),) if rule.is_in_force(on) else ()
        else:
            versions = rule.versions
        for index, version in enumerate(rule.versions):
            if version not in versions:
                continue
            is_last = index == len(rule.versions) - 1
            ends = rule.versions[index + 1].in_force_from if not is_last else rule.repealed_on
            rows.append(
                RuleRow(
                    key=rule.key,
                    title=rule.title,
                    value=render_value(version.value),
                    in_force_from=version.in_force_from,
                    until=ends,
                    edition=version.edition,
                    source=version.source,
                )
            )
    return tuple(rows)
