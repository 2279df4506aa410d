"""Three-valued logic: how the library combines facts that may be unknown.

A fact the caller does not know is ``None``, never ``False``: an unknown fact is
never read as "no". Criteria combine with Kleene's strong three-valued logic, so a
conclusion is reached whenever the known facts settle it, and is ``None`` ("cannot
decide yet") only when they do not:

- [`all_of`][safeguarding.logic.all_of] (AND) is ``False`` as soon as one part is
  ``False``; otherwise ``None`` if a part is unknown; otherwise ``True``;
- [`any_of`][safeguarding.logic.any_of] (OR) is ``True`` as soon as one part is
  ``True``; otherwise ``None`` if a part is unknown; otherwise ``False``;
- [`not_`][safeguarding.logic.not_] keeps an unknown unknown.

Every domain package combines its criteria with these functions.

Examples:
    >>> all_of(True, None), all_of(False, None), all_of(True, True)
    (None, False, True)
    >>> any_of(False, None), any_of(True, None), any_of()
    (None, True, False)
    >>> not_(None), not_(False)
    (None, True)
"""

from __future__ import annotations

from typing import TypeAlias

__all__ = ["Tristate", "all_of", "any_of", "describe", "not_"]

Tristate: TypeAlias = bool | None
"""A fact or conclusion that may be unknown: ``True``, ``False`` or ``None`` (unknown)."""


def all_of(*values: bool | None) -> bool | None:
    """Three-valued AND of *values* (``True`` for none at all).

    Args:
        *values: The parts; ``None`` is an unknown part.

    Returns:
        ``False`` if any part is ``False``; otherwise ``None`` if any is unknown;
        otherwise ``True``.
    """
    unknown = False
    for value in values:
        if value is False:
            return False
        if value is None:
            unknown = True
    return None if unknown else True


def any_of(*values: bool | None) -> bool | None:
    """Three-valued OR of *values* (``False`` for none at all).

    Args:
        *values: The parts; ``None`` is an unknown part.

    Returns:
        ``True`` if any part is ``True``; otherwise ``None`` if any is unknown;
        otherwise ``False``.
    """
    unknown = False
    for value in values:
        if value is True:
            return True
        if value is None:
            unknown = True
    return None if unknown else False


def not_(value: bool | None) -> bool | None:
    """Three-valued NOT: ``None`` stays ``None``.

    Args:
        value: The fact, or ``None`` if unknown.

    Returns:
        The negation, or ``None``.
    """
    return None if value is None else not value


def describe(value: bool | None, yes: str, no: str, unknown: str) -> str:
    """The sentence for a three-valued fact.

    Args:
        value: The fact, or ``None`` if unknown.
        yes: Said when the fact is ``True``.
        no: Said when it is ``False``.
        unknown: Said when it is unknown.

    Returns:
        One of *yes*, *no* and *unknown*.
    """
    if value is None:
        return unknown
    return yes if value else no
