"""The facts of an allegation against someone who works with children.

A LADO case is about a **person** (their role, the sector of their employer,
and whether they are paid, supply or agency staff, a volunteer, a contractor or
a foster carer), an **allegation** (one or more alleged behaviours, each with
its category of concern, whether it happened in or outside work, and which
limbs of the harm test it engages), the **dates** the case went through
(employer aware, referral to the LADO, strategy discussion, investigation
report, decision, hearing, conclusion) and, once concluded, the **outcome**.

The models hold facts only; the rules live in
[`threshold`][safeguarding.lado.threshold], [`outcomes`][safeguarding.lado.outcomes],
[`timescales`][safeguarding.lado.timescales] and [`records`][safeguarding.lado.records].
A person's date of birth never appears in a ``repr``.

Examples:
    >>> import datetime as dt
    >>> person = Person(role=Role.TEACHER, sector=Sector.EDUCATION, engagement=Engagement.PAID,
    ...                 date_of_birth=dt.date(1990, 5, 17), normal_pension_age=67)
    >>> person
    Person(role=<Role.TEACHER: 'teacher'>, sector=<Sector.EDUCATION: 'education'>, \
    engagement=<Engagement.PAID: 'paid'>, date_of_birth=<hidden>, normal_pension_age=67)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from safeguarding._validate import (
    hidden,
    is_bool,
    is_date,
    is_instance,
    is_member,
    is_optional_bool,
    is_optional_date,
    is_tuple_of,
)
from safeguarding.errors import InvalidInputError
from safeguarding.lado.outcomes import Outcome, check_outcome_in_force

__all__ = [
    "Allegation",
    "Behaviour",
    "Case",
    "ConcernCategory",
    "Contact",
    "Engagement",
    "Person",
    "Role",
    "Sector",
    "Setting",
    "Timeline",
]


class Sector(enum.Enum):
    """The sector of the person's employer or the organisation they volunteer for."""

    EDUCATION = "education"
    EARLY_YEARS = "early years"
    SOCIAL_CARE = "social care"
    RESIDENTIAL_CARE = "residential care"
    FOSTERING = "fostering"
    HEALTH = "health"
    POLICE = "police"
    YOUTH_JUSTICE_AND_PROBATION = "youth justice and probation"
    FAITH = "faith"
    SPORT_AND_LEISURE = "sport and leisure"
    TRANSPORT = "transport"
    VOLUNTARY_AND_COMMUNITY = "voluntary and community"
    OTHER = "other"

    @classmethod
    def parse(cls, text: object) -> Sector:
        """The sector named by *text* (its value or member name, any case).

        Raises:
            InvalidInputError: naming ``sector``: not a sector the library knows.

        Examples:
            >>> Sector.parse("Early years")
            <Sector.EARLY_YEARS: 'early years'>
        """
        if isinstance(text, str):
            wanted = text.strip().lower().replace("_", " ")
            for member in cls:
                if wanted in (member.value, member.name.lower().replace("_", " ")):
                    return member
        raise InvalidInputError("sector", "is not a sector the library knows")


class Engagement(enum.Enum):
    """How the person works with children."""

    PAID = "paid"
    SUPPLY_OR_AGENCY = "supply or agency"
    VOLUNTEER = "volunteer"
    CONTRACTOR = "contractor"
    FOSTER_CARER = "foster carer"


class Role(enum.Enum):
    """The person's role (the LADO reports' usual breakdown)."""

    TEACHER = "teacher"
    TEACHING_ASSISTANT = "teaching assistant"
    OTHER_SCHOOL_STAFF = "other school staff"
    EARLY_YEARS_PRACTITIONER = "early years practitioner"
    SOCIAL_WORKER = "social worker"
    CARE_WORKER = "care worker"
    FOSTER_CARER = "foster carer"
    HEALTH_PRACTITIONER = "health practitioner"
    POLICE_OFFICER = "police officer"
    COACH_OR_INSTRUCTOR = "coach or instructor"
    FAITH_LEADER = "faith leader"
    DRIVER_OR_ESCORT = "driver or escort"
    YOUTH_WORKER = "youth worker"
    OTHER = "other"


class Setting(enum.Enum):
    """Whether the alleged behaviour happened in the course of work or outside it."""

    IN_WORK = "in work"
    OUTSIDE_WORK = "outside work"
    NOT_KNOWN = "not known"


class ConcernCategory(enum.Enum):
    """Category of concern, as LADO annual reports count them."""

    PHYSICAL = "physical"
    SEXUAL = "sexual"
    EMOTIONAL = "emotional"
    NEGLECT = "neglect"
    CONDUCT = "conduct or transferable risk"


def _is_optional_outcome(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Outcome):
        raise InvalidInputError(attribute.name, "must be an Outcome member or None")


def _is_pension_age(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int or not 50 <= value <= 75:
        raise InvalidInputError(attribute.name, "must be a whole number of years from 50 to 75")


@attrs.frozen(kw_only=True)
class Person:
    """The person the allegation is about.

    Attributes:
        role: What they do.
        sector: The sector of their employer (or of the organisation they
            volunteer for, or the fostering service).
        engagement: Paid, supply or agency, volunteer, contractor, foster carer.
        date_of_birth: Needed only for the record retention date; never shown
            in a ``repr``.
        normal_pension_age: Normal pension age in years under the person's
            scheme (for the retention date), if known.
    """

    role: Role = attrs.field(validator=is_member(Role))
    sector: Sector = attrs.field(validator=is_member(Sector))
    engagement: Engagement = attrs.field(validator=is_member(Engagement))
    date_of_birth: dt.date | None = attrs.field(
        default=None, validator=is_optional_date, repr=hidden
    )
    normal_pension_age: int | None = attrs.field(default=None, validator=_is_pension_age)

    def __attrs_post_init__(self) -> None:
        """A foster carer's role and engagement agree, and they foster for a fostering service."""
        if (self.role is Role.FOSTER_CARER) != (self.engagement is Engagement.FOSTER_CARER):
            raise InvalidInputError(
                "engagement", "a foster carer has both the role and the engagement foster carer"
            )
        if self.engagement is Engagement.FOSTER_CARER and self.sector is not Sector.FOSTERING:
            raise InvalidInputError("sector", "a foster carer's sector is fostering")


@attrs.frozen(kw_only=True)
class Behaviour:
    """One alleged behaviour, and which tests it engages.

    Each test is ``True`` (the allegation says so, or says it may be so),
    ``False`` (it does not) or ``None`` (not known yet).

    Attributes:
        category: The category of concern.
        setting: In work, outside work, or not known.
        harmed_child: Behaved in a way that has harmed, or may have harmed, a child.
        criminal_offence: Possibly committed a criminal offence against or
            related to a child.
        risk_to_children: Behaved towards a child or children in a way that
            indicates they may pose a risk of harm to children.
        unsuitable: Behaved, or may have behaved, in a way that indicates they
            may not be suitable to work with children (transferable risk; a
            limb from KCSIE 2020).
        breaches_code_of_conduct: Acted in a way inconsistent with the staff
            code of conduct, including inappropriate conduct outside work (the
            first condition of a low-level concern, from KCSIE 2021).
    """

    category: ConcernCategory = attrs.field(validator=is_member(ConcernCategory))
    setting: Setting = attrs.field(validator=is_member(Setting))
    harmed_child: bool | None = attrs.field(default=None, validator=is_optional_bool)
    criminal_offence: bool | None = attrs.field(default=None, validator=is_optional_bool)
    risk_to_children: bool | None = attrs.field(default=None, validator=is_optional_bool)
    unsuitable: bool | None = attrs.field(default=None, validator=is_optional_bool)
    breaches_code_of_conduct: bool | None = attrs.field(default=None, validator=is_optional_bool)


@attrs.frozen(kw_only=True)
class Allegation:
    """An allegation: when it was made and the behaviours it alleges.

    Attributes:
        made_on: The date the allegation was made (to the employer, the police
            or anyone else). Retention runs from it, and a case's outcome must
            be a category in force on it.
        behaviours: One or more alleged behaviours. Their order carries no
            meaning.
    """

    made_on: dt.date = attrs.field(validator=is_date)
    behaviours: tuple[Behaviour, ...] = attrs.field(validator=is_tuple_of(Behaviour, min_length=1))

    @property
    def categories(self) -> frozenset[ConcernCategory]:
        """The categories of concern the allegation covers."""
        return frozenset(b.category for b in self.behaviours)


_TIMELINE_ORDER = (
    "employer_aware",
    "referred_to_lado",
    "strategy_discussion",
    "investigation_report",
    "decision",
    "hearing",
    "concluded",
)


@attrs.frozen(kw_only=True)
class Timeline:
    """The dates a case went through; later steps may not yet have happened (``None``).

    Each date given must be on or after every earlier step given, in the order
    of the attributes below.

    Attributes:
        employer_aware: The employer (or case manager) became aware of the
            allegation.
        referred_to_lado: The employer referred it to the LADO.
        strategy_discussion: The strategy discussion, or the initial discussion
            with the LADO, that decided how to proceed.
        investigation_report: The investigation report reached the case manager.
        decision: The case manager decided whether a disciplinary hearing is needed.
        hearing: The disciplinary hearing.
        concluded: The case was concluded (outcome decided, action complete).
    """

    employer_aware: dt.date = attrs.field(validator=is_date)
    referred_to_lado: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    strategy_discussion: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    investigation_report: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    decision: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    hearing: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    concluded: dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        """Check that the steps given are in order."""
        latest: tuple[str, dt.date] | None = None
        for name in _TIMELINE_ORDER:
            day: dt.date | None = getattr(self, name)
            if day is None:
                continue
            if latest is not None and day < latest[1]:
                raise InvalidInputError(name, f"must not be before {latest[0]}")
            latest = (name, day)


@attrs.frozen(kw_only=True)
class Case:
    """One allegation case: the person, the allegation, its dates and its outcome.

    Attributes:
        person: The person the allegation is about.
        allegation: What is alleged, and when it was made.
        timeline: The dates of the case.
        outcome: The outcome once concluded; it must be a category in force on
            the date of the allegation.
        person_left: Whether the person was dismissed, resigned or otherwise
            stopped working with children (or the employer stopped using
            them), or ``None`` if not known. Needed for the DBS referral duty.
    """

    person: Person = attrs.field(validator=is_instance(Person))
    allegation: Allegation = attrs.field(validator=is_instance(Allegation))
    timeline: Timeline = attrs.field(validator=is_instance(Timeline))
    outcome: Outcome | None = attrs.field(default=None, validator=_is_optional_outcome)
    person_left: bool | None = attrs.field(default=None, validator=is_optional_bool)

    def __attrs_post_init__(self) -> None:
        """Check the dates against the allegation and the outcome against the edition."""
        if self.timeline.employer_aware < self.allegation.made_on:
            raise InvalidInputError(
                "timeline.employer_aware", "must not be before the allegation was made"
            )
        if self.outcome is not None:
            check_outcome_in_force("outcome", self.outcome, on=self.allegation.made_on)
            if self.timeline.concluded is None:
                raise InvalidInputError("outcome", "an outcome needs timeline.concluded")


@attrs.frozen(kw_only=True)
class Contact:
    """One contact to the LADO, as the service counts them for its annual report.

    A contact is advice or consultation, or an allegation taken forward for
    investigation (it met the harm threshold).

    Attributes:
        received: The day the LADO received the contact.
        investigated: Whether it was taken forward for investigation.
        resolved: The day it was resolved (advice given, or the case
            concluded), if it has been.
        outcome: For a concluded investigation, its outcome; a category in
            force on the day the contact was received.
    """

    received: dt.date = attrs.field(validator=is_date)
    investigated: bool = attrs.field(validator=is_bool)
    resolved: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    outcome: Outcome | None = attrs.field(default=None, validator=_is_optional_outcome)

    def __attrs_post_init__(self) -> None:
        """Check the resolution date and the outcome."""
        if self.resolved is not None and self.resolved < self.received:
            raise InvalidInputError("resolved", "must not be before received")
        if self.outcome is not None:
            check_outcome_in_force("outcome", self.outcome, on=self.received)
            if not self.investigated:
                raise InvalidInputError("outcome", "only an investigation has an outcome")
            if self.resolved is None:
                raise InvalidInputError("outcome", "an outcome needs the resolved date")
