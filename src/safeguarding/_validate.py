"""Validators shared by every model and public function.

Each raises [`InvalidInputError`][safeguarding.errors.InvalidInputError] naming the field,
never echoing its value (the value may be a child's personal data). The attrs
validators have the ``(instance, attribute, value)`` signature; the ``check_*``
functions validate plain function arguments.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from safeguarding.errors import InvalidInputError

T = TypeVar("T")

AttrsValidator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def check_date(name: str, value: object) -> dt.date:
    """Return *value* if it is a plain [`datetime.date`][], else raise.

    A [`datetime.datetime`][] is refused: it is a subclass of ``date`` whose
    comparisons with a date raise ``TypeError`` deep inside the rules.
    """
    if type(value) is not dt.date:
        raise InvalidInputError(name, "must be a datetime.date (not a datetime or a string)")
    return value


def check_int(name: str, value: object, *, minimum: int | None = None) -> int:
    """Return *value* if it is an ``int`` (not a ``bool``) at least *minimum*."""
    if type(value) is not int:
        raise InvalidInputError(name, "must be an integer")
    if minimum is not None and value < minimum:
        raise InvalidInputError(name, f"must be at least {minimum}")
    return value


def check_enum(name: str, value: object, enum_type: type[enum.Enum]) -> None:
    """Raise unless *value* is a member of *enum_type*."""
    if not isinstance(value, enum_type):
        raise InvalidInputError(name, f"must be a {enum_type.__name__} member")


def is_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: a plain [`datetime.date`][]."""
    check_date(attribute.name, value)


def is_optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``None`` or a plain [`datetime.date`][]."""
    if value is not None:
        check_date(attribute.name, value)


def is_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: a string with at least one non-space character."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(attribute.name, "must be a non-empty string")


def is_str(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: any string (possibly empty)."""
    if not isinstance(value, str):
        raise InvalidInputError(attribute.name, "must be a string")


def is_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise InvalidInputError(attribute.name, "must be True or False")


def is_optional_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``True``, ``False`` or ``None`` (not known)."""
    if value is not None and not isinstance(value, bool):
        raise InvalidInputError(attribute.name, "must be True, False or None")


def is_int(minimum: int | None = None) -> AttrsValidator:
    """Attrs validator factory: an ``int`` (not a ``bool``), at least *minimum*."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_int(attribute.name, value, minimum=minimum)

    return validate


def is_member(enum_type: type[enum.Enum]) -> AttrsValidator:
    """Attrs validator factory: a member of *enum_type*."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_enum(attribute.name, value, enum_type)

    return validate


def is_instance(kind: type[Any]) -> AttrsValidator:
    """Attrs validator factory: an instance of *kind*."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidInputError(attribute.name, f"must be a {kind.__name__}")

    return validate


def is_tuple_of(kind: type[Any], *, min_length: int = 0) -> AttrsValidator:
    """Attrs validator factory: a tuple whose items are all instances of *kind*."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidInputError(attribute.name, "must be a tuple")
        if len(value) < min_length:
            raise InvalidInputError(attribute.name, f"must hold at least {min_length} item(s)")
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise InvalidInputError(f"{attribute.name}[{index}]", f"must be a {kind.__name__}")

    return validate


def check_number(name: str, value: object) -> float:
    """Return *value* as a float if it is a finite ``int`` or ``float`` (not a ``bool``)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInputError(name, "must be a finite number")
    return float(value)


def is_number(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: a finite ``int`` or ``float`` (not a ``bool``)."""
    check_number(attribute.name, value)


def is_optional_number(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``None`` or a finite ``int`` or ``float``."""
    if value is not None:
        check_number(attribute.name, value)


def sorted_counts(name: str, value: object) -> dict[str, int]:
    """*value* as a dict of counts sorted by key (text keys, whole numbers >= 0)."""
    if not isinstance(value, dict):
        raise InvalidInputError(name, "must be a dict of counts")
    for key, count in value.items():
        if not isinstance(key, str):
            raise InvalidInputError(name, "keys must be text")
        check_int(f"{name}[{key!r}]", count, minimum=0)
    return dict(sorted(value.items()))


def hidden(value: object) -> str:
    """Stand-in for personal data in a ``repr`` (an attrs ``repr=`` hook): never the value."""
    return "None" if value is None else "<hidden>"
