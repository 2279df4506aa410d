"""Where a child normally lives and where an event happened, relative to the area asking.

Duties fall on an area: the local authority (with its partners) for the area where a child
died or was harmed, or for the area where the child normally lives. The library never
records a named place or an address: every place is relative to **the area asking**, the
local authority area whose duties are being decided.

* [`Place`][safeguarding.places.Place]: where an event (a death, an injury, an incident)
  happened.
* [`Residence`][safeguarding.places.Residence]: where the child is normally resident. A
  child with no normal residence anywhere (of no fixed abode) is
  ``Residence.NO_NORMAL_RESIDENCE``: that is a known fact about the child.

Neither has a member for "not yet known": a model whose place or residence may not be
known yet holds ``None``. [`in_area`][safeguarding.places.in_area] and
[`in_england`][safeguarding.places.in_england] answer three-valued, as
[`safeguarding.logic`][] expects, so an unknown place is never read as "not here".

Examples:
    >>> in_area(Place.IN_AREA), in_area(Residence.WALES), in_area(None)
    (True, False, None)
    >>> in_england(Place.OUTSIDE_UK), in_england(Residence.NO_NORMAL_RESIDENCE)
    (False, False)
"""

from __future__ import annotations

import enum

from safeguarding.errors import InvalidInputError

__all__ = ["Place", "Residence", "in_area", "in_england"]


class Place(enum.Enum):
    """Where an event (a death, harm, an incident) happened, relative to the area asking.

    The members do not overlap: each place is in exactly one of them. A place not yet
    known is not a member: it is ``None`` wherever a model allows it.
    """

    IN_AREA = "in the area"
    """In the local authority area asking."""
    ELSEWHERE_IN_ENGLAND = "elsewhere in England"
    """In England, in another local authority area."""
    WALES = "Wales"
    """In Wales."""
    ELSEWHERE_IN_UK = "Scotland or Northern Ireland"
    """In Scotland or Northern Ireland (the rest of the United Kingdom: not England or
    Wales)."""
    OUTSIDE_UK = "outside the United Kingdom"
    """Outside the United Kingdom (abroad)."""

    @property
    def in_england(self) -> bool:
        """Whether the place is in England (this area or another English area)."""
        return self in (Place.IN_AREA, Place.ELSEWHERE_IN_ENGLAND)

    @property
    def in_england_or_wales(self) -> bool:
        """Whether the place is in England or Wales."""
        return self.in_england or self is Place.WALES


class Residence(enum.Enum):
    """Where the child normally lives (is normally resident), relative to the area asking.

    The members do not overlap, and each one is a known fact: a child of no fixed abode is
    ``NO_NORMAL_RESIDENCE``. Where the child normally lives not being known *yet* is not a
    member: it is ``None`` wherever a model allows it.
    """

    IN_AREA = "in the area"
    """Normally resident in the local authority area asking."""
    ELSEWHERE_IN_ENGLAND = "elsewhere in England"
    """Normally resident in England, in another local authority area."""
    WALES = "Wales"
    """Normally resident in Wales."""
    OUTSIDE_ENGLAND_AND_WALES = "outside England and Wales"
    """Normally resident in Scotland, Northern Ireland or outside the United Kingdom."""
    NO_NORMAL_RESIDENCE = "no normal residence"
    """Known to have no normal residence anywhere (of no fixed abode). Not "not yet known":
    that is ``None``."""

    @property
    def in_england(self) -> bool:
        """Whether the child is normally resident in England (this area or another one)."""
        return self in (Residence.IN_AREA, Residence.ELSEWHERE_IN_ENGLAND)


def _check_where(where: object) -> Place | Residence | None:
    if where is None or isinstance(where, Place | Residence):
        return where
    raise InvalidInputError("where", "must be a Place, a Residence or None (not yet known)")


def in_area(where: Place | Residence | None) -> bool | None:
    """Whether an event happened, or the child normally lives, in the area asking.

    Args:
        where: A [`Place`][safeguarding.places.Place] or a
            [`Residence`][safeguarding.places.Residence], or ``None`` if not yet known.

    Returns:
        ``True`` or ``False``, or ``None`` if *where* is not yet known.

    Raises:
        InvalidInputError: *where* is neither a place, a residence nor ``None``.

    Examples:
        >>> in_area(Residence.NO_NORMAL_RESIDENCE), in_area(Place.ELSEWHERE_IN_ENGLAND)
        (False, False)
    """
    where = _check_where(where)
    if where is None:
        return None
    return where in (Place.IN_AREA, Residence.IN_AREA)


def in_england(where: Place | Residence | None) -> bool | None:
    """Whether an event happened, or the child normally lives, in England.

    Args:
        where: A [`Place`][safeguarding.places.Place] or a
            [`Residence`][safeguarding.places.Residence], or ``None`` if not yet known.

    Returns:
        ``True`` or ``False`` (a child with no normal residence is not normally resident
        in England), or ``None`` if *where* is not yet known.

    Raises:
        InvalidInputError: *where* is neither a place, a residence nor ``None``.

    Examples:
        >>> in_england(Place.WALES), in_england(Residence.ELSEWHERE_IN_ENGLAND), in_england(None)
        (False, True, None)
    """
    where = _check_where(where)
    if where is None:
        return None
    return where.in_england
