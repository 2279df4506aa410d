"""Validators and three-valued logic shared by the private fostering modules."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from safeguarding._validate import AttrsValidator, check_enum, check_int
from safeguarding.errors import InvalidInputError

__all__: list[str] = []


def optional_member(enum_type: type[enum.Enum]) -> AttrsValidator:
    """Attrs validator factory: ``None`` or a member of *enum_type*."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check_enum(attribute.name, value, enum_type)

    return validate


def frozenset_of(enum_type: type[enum.Enum], *, optional: bool = False) -> AttrsValidator:
    """Attrs validator factory: a frozenset of *enum_type* members (or ``None`` if optional)."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, frozenset):
            raise InvalidInputError(attribute.name, "must be a frozenset")
        for item in value:
            if not isinstance(item, enum_type):
                raise InvalidInputError(
                    attribute.name, f"must hold only {enum_type.__name__} members"
                )

    return validate


def all_of(values: Iterable[bool | None]) -> bool | None:
    """Three-valued AND: ``False`` if any is false, else ``None`` if any is unknown."""
    seen = tuple(values)
    if any(value is False for value in seen):
        return False
    if any(value is None for value in seen):
        return None
    return True


def negate(value: bool | None) -> bool | None:
    """Three-valued NOT."""
    return None if value is None else not value


def any_of(values: Iterable[bool | None]) -> bool | None:
    """Three-valued OR: ``True`` if any is true, else ``None`` if any is unknown."""
    seen = tuple(values)
    if any(value is True for value in seen):
        return True
    if any(value is None for value in seen):
        return None
    return False


def optional_int(minimum: int) -> AttrsValidator:
    """Attrs validator factory: ``None`` or an ``int`` (not a ``bool``) of at least *minimum*."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check_int(attribute.name, value, minimum=minimum)

    return validate
