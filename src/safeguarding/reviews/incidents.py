"""What happened, who decides, and what was done: the facts a case review panel works from.

A case review panel starts from an **incident**: a child died or was seriously harmed, and
abuse or neglect may be known or suspected. The duties that follow depend on the facts
recorded here:

* what happened (a death, with the child's age at death, or harm, with the facts behind
  "seriously harmed"), when, and when the local authority became aware of it;
* where it happened ([`Place`][safeguarding.places.Place]) and where the child normally
  lives ([`Residence`][safeguarding.places.Residence]), relative to *this* area (the area
  whose local authority and safeguarding partners are asking), or ``None`` while not yet
  known;
* the child's circumstances: looked after, in custody, in a secure setting, detained under
  mental health legislation, in a regulated setting;
* the suspected perpetrator's relationship to the child, and whether there is concern about
  how agencies worked together.

The **local partnership** records facts about the area: the date its safeguarding-partner
arrangements went live (between 29 June 2018 and 29 September 2019, when Local Safeguarding
Children Boards were replaced) and whether it was an offensive weapons homicide review pilot
area. Its local procedural choices are not facts: they are
[`Procedures`][safeguarding.procedures.Procedures], passed to each function as
``procedures=``. The **review actions** record what was actually done: notification, rapid
review, the review decision and the reviews commissioned.

No model holds a child's name, date of birth or identifier: ages are whole years, and places
are relative to the area asking. [`Place`][safeguarding.places.Place] and
[`Residence`][safeguarding.places.Residence] are defined in [`safeguarding.places`][], below
the domain packages, so that every package can speak of places the same way; they are
importable from here too. A place or residence not yet known is ``None``, never read
as "not in the area": a duty that depends on it is then undetermined, and its explanation
says which of the two is not yet known.

Examples:
    >>> import datetime as dt
    >>> incident = Incident(
    ...     incident_date=dt.date(2024, 3, 1),
    ...     aware_on=dt.date(2024, 3, 4),
    ...     age_at_incident=15,
    ...     place=Place.IN_AREA,
    ...     residence=Residence.IN_AREA,
    ...     abuse_or_neglect=AbuseOrNeglect.SUSPECTED,
    ...     seriously_harmed=True,
    ... )
    >>> incident.died, incident.abuse_or_neglect.known_or_suspected
    (False, True)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from safeguarding._validate import (
    AttrsValidator,
    check_date,
    check_int,
    hidden,
    is_bool,
    is_date,
    is_instance,
    is_int,
    is_member,
    is_optional_bool,
    is_optional_date,
    is_text,
)
from safeguarding.calendar import add_months
from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError
from safeguarding.places import Place, Residence
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    CHILDREN_AND_SOCIAL_WORK_ACT_2017,
    TRANSITION_2018,
    WORKING_TOGETHER_2018,
    edition,
)

__all__ = [
    "TRANSITION",
    "AbuseOrNeglect",
    "ClockAnchor",
    "HarmIndicator",
    "Incident",
    "LocalPartnership",
    "Place",
    "Relationship",
    "Residence",
    "ReviewActions",
    "ReviewCase",
    "ReviewType",
    "Setting",
    "TransitionWindow",
]

_OLDEST_AGE = 130
_CHILD_UNDER = 18


class AbuseOrNeglect(enum.Enum):
    """Whether abuse or neglect of the child is known or suspected."""

    KNOWN = "known"
    """Abuse or neglect is known."""
    SUSPECTED = "suspected"
    """Abuse or neglect is suspected."""
    NOT_SUSPECTED = "not suspected"
    """Neither known nor suspected (for example a death from natural causes)."""
    NOT_YET_KNOWN = "not yet known"
    """The facts are not yet clear enough to say."""

    @property
    def known_or_suspected(self) -> bool | None:
        """``True`` if known or suspected, ``False`` if not, ``None`` if not yet known."""
        if self is AbuseOrNeglect.NOT_YET_KNOWN:
            return None
        return self in (AbuseOrNeglect.KNOWN, AbuseOrNeglect.SUSPECTED)


class HarmIndicator(enum.Enum):
    """Facts behind "seriously harmed" that the editions of Working Together name.

    Which of them count as serious harm depends on the edition in force (the
    ``reviews.serious_harm`` rule): Working Together 2010 needed *permanent* impairment,
    2015 *likely long-term* impairment, and 2018 and 2023 *serious and/or long-term*
    impairment, physical health included.
    """

    LIFE_THREATENING_INJURY = "potentially life-threatening injury"
    """A potentially life-threatening injury."""
    PERMANENT_IMPAIRMENT = "serious and permanent impairment"
    """Serious and permanent impairment of health or development."""
    LONG_TERM_IMPAIRMENT = "serious or long-term impairment of mental health or development"
    """Serious and/or long-term impairment of mental health or of intellectual, emotional,
    social or behavioural development."""
    LIKELY_LONG_TERM_IMPAIRMENT = "impairment likely to be long-term"
    """Impairment likely to be long-term, though not yet certain."""
    PHYSICAL_HEALTH_IMPAIRMENT = "serious impairment of physical health"
    """Serious (not necessarily permanent) impairment of physical health."""
    SERIOUS_SEXUAL_ABUSE = "particularly serious sexual abuse"
    """Particularly serious sexual abuse (a separate item only in Working Together 2010)."""


class Setting(enum.Enum):
    """Where the child was held or cared for when the death or harm happened."""

    COMMUNITY = "community"
    """None of the settings below (at home, in the community, in hospital)."""
    REGULATED_SETTING = "regulated setting or service"
    """A setting or service regulated by Ofsted (children's home, fostering service, ...)."""
    POLICE_CUSTODY = "police custody"
    """In police custody."""
    CUSTODY_ON_REMAND = "custody on remand"
    """In custody on remand."""
    CUSTODY_AFTER_SENTENCE = "custody following sentencing"
    """In custody following sentencing."""
    YOUNG_OFFENDER_INSTITUTION = "young offender institution"
    """In a young offender institution."""
    SECURE_TRAINING_CENTRE = "secure training centre"
    """In a secure training centre."""
    SECURE_CHILDRENS_HOME = "secure children's home"
    """In a secure children's home (also a regulated setting)."""
    MENTAL_HEALTH_DETENTION = "detained under mental health legislation"
    """Detained under the Mental Health Act 1983."""

    @property
    def is_regulated(self) -> bool:
        """Whether this is a setting or service regulated by Ofsted.

        A secure children's home is a children's home, so it counts; custody by the police,
        the prison service and young offender institutions does not.
        """
        return self in (Setting.REGULATED_SETTING, Setting.SECURE_CHILDRENS_HOME)


class Relationship(enum.Enum):
    """The relationship to the child of the person suspected of causing the death or harm."""

    PARENT = "parent"
    """A parent (a relative)."""
    OTHER_RELATIVE = "other relative"
    """Another relative."""
    INTIMATE_PARTNER = "intimate partner"
    """A current or former intimate partner."""
    HOUSEHOLD_MEMBER = "household member"
    """A member of the same household who is not a relative or partner."""
    OTHER_KNOWN_PERSON = "other known person"
    """Someone known to the child, not in the household (a carer, a peer, ...)."""
    STRANGER = "stranger"
    """A stranger."""
    NO_PERPETRATOR = "no perpetrator"
    """No one is suspected (natural causes, accident)."""
    NOT_KNOWN = "not known"
    """Not (yet) known."""


class ClockAnchor(enum.Enum):
    """The event a review clock is counted from.

    The value of the ``reviews.rapid_review_anchor`` rule, which a partnership's
    [`Procedures`][safeguarding.procedures.Procedures] may set for itself.
    """

    AWARENESS = "awareness"
    """The day the local authority (or the partners) became aware of the incident."""
    NOTIFICATION = "notification"
    """The day the incident was notified to the Child Safeguarding Practice Review Panel."""


class ReviewType(enum.Enum):
    """A type of review a panel can commission (or decide against)."""

    SERIOUS_CASE_REVIEW = "serious case review"
    """An LSCB serious case review (LSCB Regulations 2006, reg 5)."""
    LOCAL_PRACTICE_REVIEW = "local child safeguarding practice review"
    """A local child safeguarding practice review (Children Act 2004, s16F)."""
    NATIONAL_PRACTICE_REVIEW = "national child safeguarding practice review"
    """A review supervised by the national Panel (Children Act 2004, s16B)."""
    LEARNING_REVIEW = "learning review"
    """A non-statutory multi-agency learning review (including appreciative inquiry)."""
    THEMATIC_REVIEW = "thematic review"
    """A local thematic review covering several cases."""
    SINGLE_AGENCY_REVIEW = "single-agency review"
    """A single-agency review (an NHS serious incident review, an internal management review)."""
    DOMESTIC_HOMICIDE_REVIEW = "domestic homicide review"
    """A domestic homicide review (Domestic Violence, Crime and Victims Act 2004, s9)."""
    SAFEGUARDING_ADULTS_REVIEW = "safeguarding adults review"
    """A safeguarding adults review (Care Act 2014, s44)."""
    OFFENSIVE_WEAPONS_HOMICIDE_REVIEW = "offensive weapons homicide review"
    """An offensive weapons homicide review (Police, Crime, Sentencing and Courts Act 2022)."""
    NO_FURTHER_REVIEW = "no further review"
    """A decision that no review is needed."""


@attrs.frozen(kw_only=True)
class TransitionWindow:
    """The statutory window for replacing Local Safeguarding Children Boards.

    Attributes:
        opens: The first day safeguarding-partner arrangements could take effect.
        publish_by: The last day for publishing the arrangements.
        implement_by: The last day for the arrangements to go live.
        months_to_implement: Months allowed between publication and going live.
    """

    opens: dt.date = attrs.field(validator=is_date)
    publish_by: dt.date = attrs.field(validator=is_date)
    implement_by: dt.date = attrs.field(validator=is_date)
    months_to_implement: int = attrs.field(validator=is_int(minimum=0))

    def __attrs_post_init__(self) -> None:
        """The dates must be in order."""
        if self.publish_by < self.opens:
            raise InvalidInputError("publish_by", "must not be before opens")
        if self.implement_by < self.publish_by:
            raise InvalidInputError("implement_by", "must not be before publish_by")

    def describe(self) -> str:
        """One line for the rules table."""
        return (
            f"from {self.opens.isoformat()}; publish by {self.publish_by.isoformat()}; "
            f"live within {self.months_to_implement} months of publication and by "
            f"{self.implement_by.isoformat()}"
        )


TRANSITION: DatedRule[TransitionWindow] = register(
    DatedRule(
        key="reviews.transition_window",
        title="Window for safeguarding-partner arrangements to replace LSCBs",
        versions=(
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=TransitionWindow(
                    opens=TRANSITION_2018.framework_in_force.day,
                    publish_by=TRANSITION_2018.publish_by.day,
                    implement_by=TRANSITION_2018.implement_by.day,
                    months_to_implement=3,
                ),
                source=TRANSITION_2018.dated(
                    WORKING_TOGETHER_2018.cite(
                        "transitional guidance; Children Act 2004 s16E as inserted by the "
                        "Children and Social Work Act 2017",
                        Verification.SECONDARY,
                        note="Restated by several partnerships and the trade press (publish by "
                        "29 June 2019; implement within 3 months of publishing and by 29 September "
                        "2019). The Lewisham LSCB annual report 2018/19 matches: plan published by "
                        "the end of June 2019, arrangements in place by September 2019. The "
                        "transitional guidance itself was not read. "
                        f"Act: {CHILDREN_AND_SOCIAL_WORK_ACT_2017.title}. The three days are read "
                        "from the editions table (safeguarding.sources.TRANSITION_2018).",
                    ),
                    edition("WT2018"),
                ),
                edition="WT2018",
            ),
        ),
    )
)
"""The 2018-2019 window in which LSCBs were replaced by safeguarding-partner arrangements."""


def _check_live_from(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    value = check_date(attribute.name, value)
    window = TRANSITION.at(TRANSITION.in_force_from).value
    if not window.opens <= value <= window.implement_by:
        raise InvalidInputError(
            attribute.name,
            f"must be within the statutory window {window.opens.isoformat()} to "
            f"{window.implement_by.isoformat()}",
        )


@attrs.frozen(kw_only=True)
class LocalPartnership:
    """The local safeguarding partnership of the area asking: facts about the area.

    Before its safeguarding-partner arrangements went live, the area's Local Safeguarding
    Children Board ran serious case reviews; from that day the safeguarding partners run
    rapid reviews and local child safeguarding practice reviews. The partnership's own
    choices (a rapid-review clock, local closure days) are not held here: they are its
    [`Procedures`][safeguarding.procedures.Procedures].

    Attributes:
        area: The local authority area (``"Lewisham"``).
        arrangements_live_from: The day the safeguarding-partner arrangements went live,
            within the statutory window (29 June 2018 to 29 September 2019).
        arrangements_published_on: The day the arrangements were published, if known: no
            later than 29 June 2019, and no more than 3 months before going live.
        owhr_pilot_area: Whether the area is one of the offensive weapons homicide review
            pilot areas (SI 2023/227: parts of London, the West Midlands and South Wales).

    Raises:
        InvalidInputError: a date is outside the statutory window, or publication and going
            live do not fit together.
    """

    area: str = attrs.field(validator=is_text)
    arrangements_live_from: dt.date = attrs.field(validator=_check_live_from)
    arrangements_published_on: dt.date | None = attrs.field(
        default=None, validator=is_optional_date
    )
    owhr_pilot_area: bool = attrs.field(default=False, validator=is_bool)

    def __attrs_post_init__(self) -> None:
        """Check publication against the window and the go-live date."""
        published = self.arrangements_published_on
        if published is None:
            return
        window = TRANSITION.at(TRANSITION.in_force_from).value
        if not window.opens <= published <= window.publish_by:
            raise InvalidInputError(
                "arrangements_published_on",
                f"must be within {window.opens.isoformat()} to {window.publish_by.isoformat()}",
            )
        if published > self.arrangements_live_from:
            raise InvalidInputError(
                "arrangements_published_on", "must not be after arrangements_live_from"
            )
        if self.arrangements_live_from > add_months(published, window.months_to_implement):
            raise InvalidInputError(
                "arrangements_live_from",
                f"must be within {window.months_to_implement} months of publication",
            )


def _check_age_at_incident(
    _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    # The input domain, not a rule applied: a children's case review panel considers
    # incidents that happened to a child, a person under 18 (Children Act 1989 s105(1)).
    if check_int(attribute.name, value, minimum=0) >= _CHILD_UNDER:
        raise InvalidInputError(attribute.name, "must be 0 to 17: the incident is about a child")


def _check_optional_age(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and check_int(attribute.name, value, minimum=0) > _OLDEST_AGE:
        raise InvalidInputError(attribute.name, f"must be at most {_OLDEST_AGE}")


def _to_frozenset(value: object) -> object:
    """Accept any collection for a set field (JSON gives lists); validation follows."""
    if isinstance(value, list | tuple | set):
        return frozenset(value)
    return value


def _members_of(kind: type[enum.Enum]) -> AttrsValidator:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            raise InvalidInputError(attribute.name, "must be a set")
        if not all(isinstance(item, kind) for item in value):
            raise InvalidInputError(attribute.name, f"must hold only {kind.__name__} members")

    return validate


@attrs.frozen(kw_only=True)
class Incident:
    """A child's death or serious harm, as the case review panel knows it.

    Attributes:
        incident_date: The day the death or harm happened (or was first inflicted).
        aware_on: The day the local authority became aware of it: the notification clock
            starts here (day 0). Not before *incident_date*.
        age_at_incident: The child's age in whole years on *incident_date* (0 to 17).
        place: Where it happened, relative to the area asking, or ``None`` (the default)
            if not yet known.
        residence: Where the child normally lives, relative to the area asking, or
            ``None`` (the default) if not yet known. A child known to have no normal
            residence is ``Residence.NO_NORMAL_RESIDENCE``.
        abuse_or_neglect: Whether abuse or neglect is known or suspected.
        death_date: The day the child died, or ``None`` if the child is alive.
        age_at_death: The age in whole years at death (with *death_date*), not below
            *age_at_incident*.
        seriously_harmed: The panel's judgement of serious harm where the listed indicators
            do not settle it (the definitions are not exhaustive), or ``None``.
        harm_indicators: The facts behind "seriously harmed" ([`HarmIndicator`][]).
        looked_after: Whether the child was looked after by this local authority.
        setting: Where the child was held or cared for (custody, secure, regulated).
        perpetrator: The suspected perpetrator's relationship to the child.
        concern_about_joint_working: Whether there is cause for concern about how the
            agencies worked together to safeguard the child, or ``None`` if not yet known.
        care_and_support_needs: For an adult at death: whether they had needs for care and
            support (Care Act 2014), or ``None``.
        suspected_homicide: Whether the death was, or is likely to have been, a homicide.
        offensive_weapon: Whether an offensive weapon was, or was likely to have been, used.

    Raises:
        InvalidInputError: a field is invalid or the dates and ages do not fit together
            (awareness before the incident, death before the incident, age at death below
            age at incident or inconsistent with the dates).
    """

    incident_date: dt.date = attrs.field(validator=is_date)
    aware_on: dt.date = attrs.field(validator=is_date)
    age_at_incident: int = attrs.field(validator=_check_age_at_incident)
    place: Place | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_member(Place))
    )
    residence: Residence | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_member(Residence))
    )
    abuse_or_neglect: AbuseOrNeglect = attrs.field(validator=is_member(AbuseOrNeglect))
    death_date: dt.date | None = attrs.field(default=None, validator=is_optional_date, repr=hidden)
    age_at_death: int | None = attrs.field(default=None, validator=_check_optional_age)
    seriously_harmed: bool | None = attrs.field(default=None, validator=is_optional_bool)
    harm_indicators: frozenset[HarmIndicator] = attrs.field(
        factory=frozenset, converter=_to_frozenset, validator=_members_of(HarmIndicator)
    )
    looked_after: bool = attrs.field(default=False, validator=is_bool)
    setting: Setting = attrs.field(default=Setting.COMMUNITY, validator=is_member(Setting))
    perpetrator: Relationship = attrs.field(
        default=Relationship.NOT_KNOWN, validator=is_member(Relationship)
    )
    concern_about_joint_working: bool | None = attrs.field(default=None, validator=is_optional_bool)
    care_and_support_needs: bool | None = attrs.field(default=None, validator=is_optional_bool)
    suspected_homicide: bool | None = attrs.field(default=None, validator=is_optional_bool)
    offensive_weapon: bool | None = attrs.field(default=None, validator=is_optional_bool)

    def __attrs_post_init__(self) -> None:
        """Check that the dates and ages fit together."""
        if self.aware_on < self.incident_date:
            raise InvalidInputError("aware_on", "must not be before incident_date")
        if (self.death_date is None) != (self.age_at_death is None):
            raise InvalidInputError(
                "age_at_death", "give both death_date and age_at_death, or neither"
            )
        if self.death_date is None or self.age_at_death is None:
            return
        if self.death_date < self.incident_date:
            raise InvalidInputError("death_date", "must not be before incident_date")
        if self.age_at_death < self.age_at_incident:
            raise InvalidInputError("age_at_death", "must not be below age_at_incident")
        years = relativedelta(self.death_date, self.incident_date).years
        gained = self.age_at_death - self.age_at_incident
        most = years if self.death_date == self.incident_date else years + 1
        if not years <= gained <= most:
            raise InvalidInputError(
                "age_at_death", "is not consistent with age_at_incident and the dates"
            )

    @property
    def died(self) -> bool:
        """Whether the child (or the young person) has died."""
        return self.death_date is not None


def _check_after_awareness(case: ReviewCase) -> None:
    aware_on = case.incident.aware_on
    actions = case.actions
    for name in (
        "notified_on",
        "partners_informed_on",
        "rapid_review_completed_on",
        "review_decided_on",
        "report_sent_to_panel_on",
        "published_on",
    ):
        value = getattr(actions, name)
        if value is not None and value < aware_on:
            raise InvalidInputError(
                f"actions.{name}", "must not be before the authority became aware (aware_on)"
            )


@attrs.frozen(kw_only=True)
class ReviewActions:
    """What was actually done about an incident, and the partners' judgements.

    Every date is optional (``None``: not done, or not recorded).

    Attributes:
        notified_on: The day the incident was notified (to the Panel, or before 29 June
            2018 to Ofsted and the LSCB).
        partners_informed_on: The day the local safeguarding partners were told.
        rapid_review_completed_on: The day the rapid review was completed.
        review_decided_on: The day the decision on a review was taken.
        reviews_commissioned: The reviews decided on (several may run together).
        report_sent_to_panel_on: The day the final report went to the Panel and the
            Secretary of State.
        published_on: The day the final report was published.
        highlights_improvements: Whether the case highlights or may highlight improvements
            needed (reg 11(a) of SI 2018/789), as the partners judge it.
        highlights_recurrent_themes: Whether it highlights or may highlight recurrent themes
            (reg 11(b)).
        panel_suggests_local_review: Whether the Panel considered the case and concluded a
            local review may be more appropriate (reg 11(d)).

    Raises:
        InvalidInputError: publication before the review decision.
    """

    notified_on: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    partners_informed_on: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    rapid_review_completed_on: dt.date | None = attrs.field(
        default=None, validator=is_optional_date
    )
    review_decided_on: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    reviews_commissioned: frozenset[ReviewType] = attrs.field(
        factory=frozenset, converter=_to_frozenset, validator=_members_of(ReviewType)
    )
    report_sent_to_panel_on: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    published_on: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    highlights_improvements: bool | None = attrs.field(default=None, validator=is_optional_bool)
    highlights_recurrent_themes: bool | None = attrs.field(default=None, validator=is_optional_bool)
    panel_suggests_local_review: bool | None = attrs.field(default=None, validator=is_optional_bool)

    def __attrs_post_init__(self) -> None:
        """A report cannot be published before the review was decided on."""
        decided, published = self.review_decided_on, self.published_on
        if decided is not None and published is not None and published < decided:
            raise InvalidInputError("published_on", "must not be before review_decided_on")


@attrs.frozen(kw_only=True)
class ReviewCase:
    """An incident with the actions taken on it: one row of a case review panel's log.

    Attributes:
        incident: What happened.
        actions: What was done about it.

    Raises:
        InvalidInputError: an action is dated before the authority became aware of the
            incident (the field is named ``actions.<field>``).
    """

    incident: Incident = attrs.field(validator=is_instance(Incident))
    actions: ReviewActions = attrs.field(
        factory=ReviewActions, validator=is_instance(ReviewActions)
    )

    def __attrs_post_init__(self) -> None:
        """Actions cannot precede awareness."""
        _check_after_awareness(self)
