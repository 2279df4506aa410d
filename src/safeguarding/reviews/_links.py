"""How an incident is linked to the area asking, three-valued, and how to say what is unknown."""

from __future__ import annotations

from safeguarding.logic import any_of
from safeguarding.places import in_area
from safeguarding.reviews.incidents import Incident

__all__ = ["PLACE_UNKNOWN", "RESIDENCE_UNKNOWN", "linked_to_area", "unknown_whereabouts"]

PLACE_UNKNOWN = "where it happened"
"""The phrase for an unknown place, after "not yet known"."""
RESIDENCE_UNKNOWN = "where the child normally lives"
"""The phrase for an unknown residence, after "not yet known"."""


def linked_to_area(incident: Incident) -> bool | None:
    """Whether it happened in the area or the child normally lives there (``None``: unknown)."""
    return any_of(in_area(incident.place), in_area(incident.residence))


def unknown_whereabouts(incident: Incident, *, residence: str = RESIDENCE_UNKNOWN) -> list[str]:
    """The phrases for the place and the residence that are not yet known, in that order.

    *residence* is the phrase for an unknown residence (``"where the person normally
    lived"`` after a death).
    """
    phrases = []
    if incident.place is None:
        phrases.append(PLACE_UNKNOWN)
    if incident.residence is None:
        phrases.append(residence)
    return phrases
