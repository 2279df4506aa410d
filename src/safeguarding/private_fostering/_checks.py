"""Validators shared by the private fostering modules."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from safeguarding._validate import AttrsValidator, check_enum
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
