"""What is recorded about a death: the facts notified, and the panel's review of it.

A [`ChildDeath`][] holds the facts that decide whether and how a death is reviewed (its
scope, whether it was expected, whether it calls for a joint agency response); the
child's identifier and dates never appear in its ``repr``. A [`ChildDeathReview`][] holds
one death as the panel's records keep it, with no name, date of birth or identifier: the
day it was notified and, once the review is complete, the category and the conclusion on
modifiable factors the panel recorded. The panel's figures are counted from these.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from safeguarding._validate import (
    check_int,
    hidden,
    is_date,
    is_instance,
    is_member,
    is_optional_bool,
    is_optional_date,
    is_tuple_of,
)
from safeguarding.errors import InvalidInputError
from safeguarding.people import Child, age_on
from safeguarding.places import Place, Residence, in_area
from safeguarding.reviews.child_death.categories import Categorisation
from safeguarding.reviews.child_death.modifiable_factors import (
    DomainAssessment,
    ModifiableConclusion,
)

__all__ = [
    "ChildDeath",
    "ChildDeathReview",
]


def _is_born_child(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Child):
        raise InvalidInputError(attribute.name, "must be a Child")
    if value.date_of_birth is None:
        raise InvalidInputError(attribute.name, "must have a date of birth (the day of delivery)")


def _is_optional_gestation(
    _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        weeks = check_int(attribute.name, value, minimum=1)
        if weeks > 50:
            raise InvalidInputError(attribute.name, "must be at most 50 completed weeks")


@attrs.frozen(kw_only=True)
class ChildDeath:
    """The facts about a death that decide whether and how it is reviewed.

    The child's identifier and dates never appear in the ``repr``. Facts
    not known are ``None``: the decisions then say what could not be
    decided rather than guess.

    Attributes:
        child: The child, with the date of birth (for a baby not born alive,
            the day of delivery).
        date_of_death: The day the child died (the day of delivery for a
            baby not born alive).
        born_alive: Whether the baby showed signs of life at birth
            (default ``True``).
        gestation_weeks: Completed weeks of pregnancy at delivery, if known
            (names a stillbirth or a late foetal loss; 1 to 50).
        lawful_termination: Whether the pregnancy was ended by a lawful
            termination, including when the baby was born alive after it
            (default ``False``).
        residence: Where the child normally lived, relative to the area of the
            reviewing partners (default ``None``: not yet known; every later
            fact also defaults to ``None``). The same vocabulary as case reviews
            ([`Residence`][safeguarding.places.Residence]).
        place: Where the death happened, relative to that area (default ``None``:
            not yet known; [`Place`][safeguarding.places.Place]).
        date_of_incident: The day of the injury or collapse that led to the
            death, if any (a child harmed at 17 may die at 18).
        anticipated: Whether the death was anticipated as a significant
            possibility beforehand (for example 24 hours before).
        unexpected_collapse: Whether a similarly unexpected collapse or
            incident led to or precipitated the events that led to the death.
        external_causes: Whether the death is or could be due to external causes.
        sudden_without_apparent_cause: Whether the death was sudden with no
            immediately apparent cause.
        in_custody_or_detained: Whether the child died in custody or while
            detained under mental health law.
        suspicion_not_natural: Whether the initial circumstances raise any
            suspicion that the death was not natural.
        healthcare_professional_present: For a baby not born alive, whether
            a healthcare professional attended the birth.
    """

    child: Child = attrs.field(validator=_is_born_child)
    date_of_death: dt.date = attrs.field(validator=is_date, repr=hidden)
    born_alive: bool | None = attrs.field(default=True, validator=is_optional_bool)
    gestation_weeks: int | None = attrs.field(default=None, validator=_is_optional_gestation)
    lawful_termination: bool | None = attrs.field(default=False, validator=is_optional_bool)
    residence: Residence | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_member(Residence))
    )
    place: Place | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_member(Place))
    )
    date_of_incident: dt.date | None = attrs.field(
        default=None, validator=is_optional_date, repr=hidden
    )
    anticipated: bool | None = attrs.field(default=None, validator=is_optional_bool)
    unexpected_collapse: bool | None = attrs.field(default=None, validator=is_optional_bool)
    external_causes: bool | None = attrs.field(default=None, validator=is_optional_bool)
    sudden_without_apparent_cause: bool | None = attrs.field(
        default=None, validator=is_optional_bool
    )
    in_custody_or_detained: bool | None = attrs.field(default=None, validator=is_optional_bool)
    suspicion_not_natural: bool | None = attrs.field(default=None, validator=is_optional_bool)
    healthcare_professional_present: bool | None = attrs.field(
        default=None, validator=is_optional_bool
    )

    @property
    def normally_resident_in_area(self) -> bool | None:
        """Whether the child normally lived in the area (``None`` while not yet known)."""
        return in_area(self.residence)

    @property
    def died_in_area(self) -> bool | None:
        """Whether the death happened in the area (``None`` while not yet known)."""
        return in_area(self.place)

    def __attrs_post_init__(self) -> None:
        """Check the dates against each other (messages never repeat them)."""
        born = self.date_of_birth
        if self.date_of_death < born:
            raise InvalidInputError("date_of_death", "must not be before the date of birth")
        if self.born_alive is False and self.date_of_death != born:
            raise InvalidInputError(
                "date_of_death", "must be the day of delivery for a baby not born alive"
            )
        if self.date_of_incident is not None and not (
            born <= self.date_of_incident <= self.date_of_death
        ):
            raise InvalidInputError(
                "date_of_incident", "must fall between the date of birth and the date of death"
            )

    @property
    def date_of_birth(self) -> dt.date:
        """The child's date of birth (the day of delivery)."""
        born = self.child.date_of_birth
        if born is None:  # pragma: no cover - the field validator guarantees it
            raise AssertionError
        return born

    @property
    def age_at_death(self) -> int:
        """Completed years of age on the day of death."""
        return age_on(self.date_of_birth, self.date_of_death)


def _unique_domains(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(DomainAssessment)(_instance, attribute, value)
    domains = [item.domain for item in value]  # type: ignore[attr-defined]
    if len(set(domains)) != len(domains):
        raise InvalidInputError(attribute.name, "must assess each domain at most once")


@attrs.frozen(kw_only=True)
class ChildDeathReview:
    """One death as the panel's records hold it: no name, date of birth or identifier.

    A review not yet completed has no ``reviewed`` date, no category and no
    conclusion; a completed one has all three.

    Attributes:
        notified: The day the death was notified to the panel.
        unexpected: Whether the death was unexpected (``None``: not recorded).
        reviewed: The day the panel completed its review, or ``None``.
        categorisation: The category recorded at review.
        modifiable: The panel's conclusion on modifiable factors.
        domains: The level recorded in each domain assessed (each at most once).
        case_review_referral: The day the panel referred the death to the
            case review panel (for a serious case review or a child
            safeguarding practice review), or ``None``.
    """

    notified: dt.date = attrs.field(validator=is_date)
    unexpected: bool | None = attrs.field(default=None, validator=is_optional_bool)
    reviewed: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    categorisation: Categorisation | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Categorisation))
    )
    modifiable: ModifiableConclusion | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_member(ModifiableConclusion))
    )
    domains: tuple[DomainAssessment, ...] = attrs.field(default=(), validator=_unique_domains)
    case_review_referral: dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        """Dates in order; conclusions present exactly when the review is complete."""
        if self.reviewed is not None and self.reviewed < self.notified:
            raise InvalidInputError("reviewed", "must not be before the notification")
        if self.case_review_referral is not None and self.case_review_referral < self.notified:
            raise InvalidInputError("case_review_referral", "must not be before the notification")
        completed = self.reviewed is not None
        for name in ("categorisation", "modifiable"):
            if (getattr(self, name) is not None) != completed:
                raise InvalidInputError(
                    name, "is recorded exactly when the review is completed (reviewed is set)"
                )


def _check_death(death: object) -> ChildDeath:
    if not isinstance(death, ChildDeath):
        raise InvalidInputError("death", "must be a ChildDeath")
    return death
