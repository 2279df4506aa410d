"""Local procedures: the one home of every choice a partnership makes for itself.

National guidance leaves some choices to each local safeguarding partnership ("within
24 hours" or "one working day", which strategy discussion starts the initial
conference clock, its continuum of need, its office closure days), and some national
figures could not be confirmed in the statutory text, so a partnership may state the
one its own procedures give. A [`Procedures`][safeguarding.procedures.Procedures]
holds them all:

- a `name` (whose procedures these are),
- a working-day `calendar` (local closure days),
- `overrides`: for a rule key, the local [`Version`][safeguarding.rules.Version],
  citing the local document, so that a local answer cites its local source.

Every function that applies a rule takes keyword-only `procedures`, with
[`NATIONAL`][safeguarding.procedures.NATIONAL] (national guidance, England and Wales
working days, no override) as its default, and reads each rule with
`rule.at(on, procedures=procedures)`.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.citations import Citation, Verification
    >>> from safeguarding.decisions import Timescale, Unit
    >>> sefton = Procedures.adopt(
    ...     "Sefton SCP procedures 2021",
    ...     {"lado.employer_referral": Timescale(amount=1, unit=Unit.CALENDAR_DAYS,
    ...                                          clock_starts="the employer became aware")},
    ...     in_force_from=dt.date(2021, 4, 1),
    ... )
    >>> sefton.override("lado.employer_referral").source.instrument
    'Sefton SCP procedures 2021'
    >>> NATIONAL.override("lado.employer_referral") is None
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs

from safeguarding._validate import check_date, is_instance, is_text
from safeguarding.calendar import ENGLAND_AND_WALES, WorkingCalendar
from safeguarding.citations import Citation, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.rules import DatedRule, LocalRule, Version, find_rule

__all__ = ["NATIONAL", "NATIONAL_NAME", "Procedures", "check_procedures"]

NATIONAL_NAME = "national defaults"
"""The name of the procedures that apply national guidance with no local choice."""

LOCAL_NOTE = "A local procedure chosen by the partnership, not national law."
"""The note on the citation [`Procedures.adopt`][safeguarding.procedures.Procedures.adopt]
writes for a local document."""


def _to_overrides(value: object) -> tuple[tuple[str, Version[Any]], ...]:
    """Accept a mapping (or pairs) of rule key to Version; keep them sorted by key."""
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, tuple | list):
        items = list(value)
    else:
        raise InvalidInputError("overrides", "must be a mapping of rule key to Version")
    pairs: list[tuple[str, Version[Any]]] = []
    for item in items:
        if not (isinstance(item, tuple) and len(item) == 2):
            raise InvalidInputError("overrides", "must be a mapping of rule key to Version")
        pairs.append(item)
    return tuple(sorted(pairs, key=lambda pair: str(pair[0])))


def _value_fits(rule: DatedRule[Any] | LocalRule[Any], value: object) -> bool:
    if isinstance(rule, LocalRule):
        return isinstance(value, rule.kind)
    return type(value) in {type(version.value) for version in rule.versions}


def _check_overrides(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    pairs: tuple[tuple[object, object], ...] = value  # type: ignore[assignment]
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise InvalidInputError(attribute.name, "must not set a rule twice")
    for key, version in pairs:
        if not isinstance(key, str):
            raise InvalidInputError(attribute.name, "keys must be rule keys (strings)")
        if not isinstance(version, Version):
            raise InvalidInputError(f"{attribute.name}[{key!r}]", "must be a Version")
        rule = find_rule(key)
        if not _value_fits(rule, version.value):
            raise InvalidInputError(
                f"{attribute.name}[{key!r}]", "value is not of the type the rule takes"
            )


@attrs.frozen(kw_only=True)
class Procedures:
    """A partnership's procedures: its calendar and its local versions of rules.

    Attributes:
        name: Whose procedures these are (``"Sefton SCP procedures 2021"``).
        calendar: The working-day calendar, with any local closure days.
        overrides: For a rule key, the local version of the rule, citing the local
            document; the rule's national version applies until the local one's
            ``in_force_from``. A mapping is accepted and kept as pairs sorted by key.

    Raises:
        InvalidInputError: a key is not a rule of the package, a value is not of the type
            its rule takes, or procedures with overrides keep the national name.
    """

    name: str = attrs.field(default=NATIONAL_NAME, validator=is_text)
    calendar: WorkingCalendar = attrs.field(
        default=ENGLAND_AND_WALES, validator=is_instance(WorkingCalendar)
    )
    overrides: tuple[tuple[str, Version[Any]], ...] = attrs.field(
        default=(), converter=_to_overrides, validator=_check_overrides
    )
    _index: dict[str, Version[Any]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Index the overrides; local choices need the name of the procedures that make them."""
        if self.overrides and self.name == NATIONAL_NAME:
            raise InvalidInputError("name", "name the local procedures that set a rule")
        object.__setattr__(self, "_index", dict(self.overrides))

    @classmethod
    def _structure_with(cls, converter: cattrs.Converter, data: object) -> Procedures:
        """Build from unstructured *data*, each override's value by its rule's type."""
        if not isinstance(data, Mapping):
            raise TypeError("expected an object")
        extra = set(data) - {"name", "calendar", "overrides"}
        if extra:
            raise TypeError("unexpected keys: " + ", ".join(sorted(map(str, extra))))
        raw_overrides = data.get("overrides", [])
        if not isinstance(raw_overrides, list | tuple):
            raise TypeError("overrides: expected a list of [key, version] pairs")
        overrides: list[tuple[str, Version[Any]]] = []
        for pair in raw_overrides:
            if not (isinstance(pair, list | tuple) and len(pair) == 2):
                raise TypeError("overrides: expected [key, version] pairs")
            key = converter.structure(pair[0], str)
            rule = find_rule(key)
            # The value has the type of the rule's (first) national value.
            kind = rule.kind if isinstance(rule, LocalRule) else type(rule.versions[0].value)
            overrides.append((key, converter.structure(pair[1], Version[kind])))  # type: ignore[valid-type]
        return cls(
            name=converter.structure(data.get("name", NATIONAL_NAME), str),
            calendar=converter.structure(data.get("calendar", {}), WorkingCalendar),
            overrides=tuple(overrides),
        )

    def override(self, key: str) -> Version[Any] | None:
        """The local version of the rule *key*, or ``None`` where the national rule applies."""
        return self._index.get(key)

    @classmethod
    def adopt(
        cls,
        name: str,
        values: Mapping[str, object],
        *,
        in_force_from: dt.date,
        source: Citation | None = None,
        calendar: WorkingCalendar = ENGLAND_AND_WALES,
    ) -> Procedures:
        """Procedures that set *values* (rule key to local value) from *in_force_from*.

        Args:
            name: Whose procedures these are.
            values: The local value of each rule it sets.
            in_force_from: The day the procedures apply from.
            source: The local document; by default a citation of *name* with the rule
                key as provision, status unverified (the caller vouches for it).
            calendar: The working-day calendar.

        Returns:
            The procedures.

        Raises:
            InvalidInputError: as for [`Procedures`][safeguarding.procedures.Procedures].
        """
        check_date("in_force_from", in_force_from)
        if not isinstance(values, Mapping):
            raise InvalidInputError("values", "must be a mapping of rule key to value")
        overrides = {
            key: Version(
                in_force_from=in_force_from,
                value=value,
                source=source
                if source is not None
                else Citation(
                    instrument=name,
                    provision=str(key),
                    url=None,
                    status=Verification.UNVERIFIED,
                    note=LOCAL_NOTE,
                ),
                edition=name,
            )
            for key, value in values.items()
        }
        return cls(name=name, calendar=calendar, overrides=overrides)


NATIONAL = Procedures()
"""National guidance: England and Wales working days, every rule as national law sets it."""


def check_procedures(procedures: object) -> Procedures:
    """Return *procedures* if it is a [`Procedures`][safeguarding.procedures.Procedures].

    Every function taking ``procedures`` checks it with this.

    Raises:
        InvalidInputError: it is not (field ``procedures``).
    """
    if not isinstance(procedures, Procedures):
        raise InvalidInputError("procedures", "must be a Procedures")
    return procedures
