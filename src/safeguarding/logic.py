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

Every domain package combines its criteria with these functions. A caller who knows that
every fact it has not given is absent says so explicitly with
[`absent_unless_given`][safeguarding.logic.absent_unless_given].

Examples:
    >>> all_of(True, None), all_of(False, None), all_of(True, True)
    (None, False, True)
    >>> any_of(False, None), any_of(True, None), any_of()
    (None, True, False)
    >>> not_(None), not_(False)
    (None, True)
"""

from __future__ import annotations

from typing import TypeAlias, TypeVar, cast

import attrs

from safeguarding.errors import InvalidInputError

__all__ = ["Tristate", "absent_unless_given", "all_of", "any_of", "describe", "not_"]

M = TypeVar("M")

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


def absent_unless_given(model: type[M], /, **given: object) -> M:
    """Build *model* saying that every yes/no fact not in *given* is known to be absent.

    A model's facts that may be unknown (fields typed ``bool | None``) default to
    ``None``: not given means not known, never "no". A caller who knows that every fact
    it has not listed is absent says so with this function, explicitly, instead of
    spelling each one out as ``False``; nothing is ever assumed absent implicitly.

    Args:
        model: An attrs model class of the library.
        **given: The fields the caller gives, as for the model's constructor. A fact
            given as ``None`` stays unknown.

    Returns:
        The model, with every ``bool | None`` field not in *given* set to ``False``.

    Raises:
        InvalidInputError: *model* is not an attrs class, or a name in *given* is not one
            of its fields; the model's own validation errors otherwise.

    Examples:
        >>> from safeguarding.lado import Behaviour, ConcernCategory, Setting
        >>> slap = absent_unless_given(
        ...     Behaviour, category=ConcernCategory.PHYSICAL, setting=Setting.IN_WORK,
        ...     harmed_child=True,
        ... )
        >>> slap.harmed_child, slap.criminal_offence, slap.unsuitable
        (True, False, False)
    """
    if not (isinstance(model, type) and attrs.has(model)):
        raise InvalidInputError("model", "must be an attrs model class")
    fields = attrs.fields_dict(attrs.resolve_types(model))
    unknown = sorted(set(given) - set(fields))
    if unknown:
        raise InvalidInputError(unknown[0], f"is not a field of {model.__name__}")
    absent = {
        name: False
        for name, field in fields.items()
        if field.init and field.type == bool | None and name not in given
    }
    return cast("M", model(**given, **absent))
