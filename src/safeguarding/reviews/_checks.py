"""Argument checks shared by the case-review and child death review modules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from safeguarding._validate import check_date
from safeguarding.errors import InvalidInputError

__all__ = ["items_of", "rules_date"]

T = TypeVar("T")


def rules_date(on: object, fixed_by_facts: dt.date) -> dt.date:
    """The date whose rules apply: *on* if given, else the date the facts fix.

    Raises:
        InvalidInputError: *on* is given and is not a plain ``date`` (field ``on``).
    """
    return fixed_by_facts if on is None else check_date("on", on)


def items_of(name: str, value: object, kind: type[T]) -> tuple[T, ...]:
    """The items of an iterable argument (not a string), each a *kind*, or InvalidInputError."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInputError(name, f"must be an iterable of {kind.__name__}")
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidInputError(f"{name}[{index}]", f"must be a {kind.__name__}")
    return items
