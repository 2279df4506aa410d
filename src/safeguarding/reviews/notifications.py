"""Telling the national bodies: which incidents are notified, to whom, and by when.

Which scheme applies depends on the day the local authority **became aware** of the
incident, not the day it happened:

* **From 26 March 2015 to 28 June 2018** (Working Together 2015) the local authority reported
  a *notifiable incident* to **Ofsted and the LSCB**: a child died (including suspected
  suicide) or was seriously harmed and abuse or neglect was known or suspected; or a
  **looked-after child** died, or a child died in a **regulated setting or service**, whether
  or not abuse or neglect was suspected.
* **From 29 June 2018** (Children Act 2004 s16C(1)) a local authority in England that knows
  or suspects a child has been abused or neglected must notify the **Child Safeguarding
  Practice Review Panel** if the child dies or is seriously harmed **in its area**, or, while
  **normally resident** in its area, dies or is seriously harmed **outside England**. The
  death of a looked-after child goes to the **Secretary of State and Ofsted** whether or not
  abuse or neglect is suspected; the local safeguarding partners are told too.

The guidance asks for the notification within **5 working days of becoming aware**: the day
of awareness is day 0 and the notification is in time up to the 5th working day after it.

Examples:
    >>> import datetime as dt
    >>> notification_deadline(dt.date(2018, 12, 21)).due   # Christmas and New Year skipped
    datetime.date(2019, 1, 2)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from safeguarding._validate import AttrsValidator, check_date, is_member
from safeguarding.citations import Verification
from safeguarding.decisions import Deadline, Decision, Finding, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria, timescale
from safeguarding.logic import all_of, any_of, describe, not_
from safeguarding.places import in_area, in_england
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import rules_date
from safeguarding.reviews._instruments import DFE_SERIOUS_INCIDENT_STATISTICS
from safeguarding.reviews._links import (
    PLACE_UNKNOWN,
    RESIDENCE_UNKNOWN,
    linked_to_area,
    unknown_whereabouts,
)
from safeguarding.reviews.child_death import AGE_LIMIT
from safeguarding.reviews.duties import DutyStatus
from safeguarding.reviews.incidents import Incident
from safeguarding.reviews.serious_harm import assess_serious_harm
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    CHILDREN_ACT_2004,
    TRANSITION_2018,
    WORKING_TOGETHER_2015,
    WORKING_TOGETHER_2018,
    WORKING_TOGETHER_2023,
    edition,
)

__all__ = [
    "LOOKED_AFTER_DEATH_RECIPIENTS",
    "NOTIFICATION_SCHEME",
    "NOTIFICATION_TIMESCALE",
    "PARTNER_NOTIFICATION_TIMESCALE",
    "NotificationRegime",
    "NotificationScheme",
    "NotificationTrigger",
    "Recipient",
    "assess_looked_after_death",
    "assess_notification",
    "died_as_child",
    "is_notifiable",
    "notification_deadline",
    "partner_notification_deadline",
]

# Editions from the editions table (safeguarding.sources): each version below starts on the
# day its edition came into effect or, for the new system, on the commencement of the 2018
# statutory framework (before Working Together 2018 was published); its citation note says
# which.
_WT2015, _WT2018, _WT2023 = edition("WT2015"), edition("WT2018"), edition("WT2023")


class NotificationRegime(enum.Enum):
    """The national notification scheme in force."""

    OFSTED_AND_LSCB = "notifiable incidents to Ofsted and the LSCB (Working Together 2015)"
    """Until 28 June 2018."""
    PANEL = "serious incident notifications to the Panel (Children Act 2004 s16C)"
    """From 29 June 2018."""


class NotificationTrigger(enum.Enum):
    """One limb of a notification scheme."""

    DEATH_WITH_ABUSE_OR_NEGLECT = "child died, abuse or neglect known or suspected"
    """A child died (including suspected suicide) and abuse or neglect is known or suspected."""
    SERIOUS_HARM_WITH_ABUSE_OR_NEGLECT = (
        "child seriously harmed, abuse or neglect known or suspected"
    )
    """A child was seriously harmed and abuse or neglect is known or suspected."""
    LOOKED_AFTER_CHILD_DEATH = "looked-after child died"
    """A looked-after child died, whether or not abuse or neglect is known or suspected."""
    REGULATED_SETTING_DEATH = "child died in a regulated setting or service"
    """A child in a regulated setting or service died, abuse or neglect or not."""
    IN_AREA = "death or serious harm in the area"
    """s16C(1)(a): abuse or neglect known or suspected; the child died or was seriously harmed
    in the authority's area."""
    OUTSIDE_ENGLAND_WHILE_RESIDENT = "death or serious harm outside England of a resident"
    """s16C(1)(b): abuse or neglect known or suspected; the child, normally resident in the
    area, died or was seriously harmed outside England."""


class Recipient(enum.Enum):
    """Who receives a notification."""

    OFSTED = "Ofsted"
    """The Office for Standards in Education, Children's Services and Skills."""
    LSCB = "the Local Safeguarding Children Board"
    """The area's LSCB (until local arrangements went live)."""
    PANEL = "the Child Safeguarding Practice Review Panel"
    """The national Panel (notifications are shared with Ofsted and the DfE)."""
    SECRETARY_OF_STATE = "the Secretary of State"
    """The Secretary of State for Education."""


def _unique_members(kind: type[enum.Enum]) -> AttrsValidator:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not value:
            raise InvalidInputError(attribute.name, "must be a non-empty tuple")
        for index, item in enumerate(value):
            is_member(kind)(None, attribute, item)
            if item in value[:index]:
                raise InvalidInputError(f"{attribute.name}[{index}]", "is repeated")

    return validate


@attrs.frozen(kw_only=True)
class NotificationScheme:
    """A national notification scheme: which incidents, to whom.

    Attributes:
        regime: Which scheme this is.
        triggers: Its limbs: an incident meeting any of them is notified.
        recipients: Who is notified.
    """

    regime: NotificationRegime = attrs.field(validator=is_member(NotificationRegime))
    triggers: tuple[NotificationTrigger, ...] = attrs.field(
        validator=_unique_members(NotificationTrigger)
    )
    recipients: tuple[Recipient, ...] = attrs.field(validator=_unique_members(Recipient))

    def describe(self) -> str:
        """One line for the rules table."""
        triggers = "; ".join(trigger.value for trigger in self.triggers)
        recipients = " and ".join(recipient.value for recipient in self.recipients)
        return f"to {recipients} if: {triggers}"


_T = NotificationTrigger
_AWARENESS = "local authority becoming aware of the incident"

NOTIFICATION_SCHEME: DatedRule[NotificationScheme] = register(
    DatedRule(
        key="reviews.notification_scheme",
        title="Which incidents the local authority notifies, and to whom",
        versions=(
            Version(
                in_force_from=_WT2015.in_effect.day,
                value=NotificationScheme(
                    regime=NotificationRegime.OFSTED_AND_LSCB,
                    triggers=(
                        _T.DEATH_WITH_ABUSE_OR_NEGLECT,
                        _T.SERIOUS_HARM_WITH_ABUSE_OR_NEGLECT,
                        _T.LOOKED_AFTER_CHILD_DEATH,
                        _T.REGULATED_SETTING_DEATH,
                    ),
                    recipients=(Recipient.OFSTED, Recipient.LSCB),
                ),
                source=_WT2015.dated(
                    WORKING_TOGETHER_2015.cite(
                        "chapter 4, paragraphs 13-16 (notifiable incidents)",
                        Verification.SECONDARY,
                        note="The four criteria are quoted identically by Northamptonshire LSCB "
                        "(which gives ch.4 paras 13-16, p.74), Sefton LSCB, Knowsley and "
                        "Skylakes. WT2015 does not say (in the restatements read) which authority "
                        "notifies when the incident and the child's home are in different areas: "
                        "the library takes the authority of either.",
                    )
                ),
                edition="WT2015",
            ),
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=NotificationScheme(
                    regime=NotificationRegime.PANEL,
                    triggers=(_T.IN_AREA, _T.OUTSIDE_ENGLAND_WHILE_RESIDENT),
                    recipients=(Recipient.PANEL,),
                ),
                source=TRANSITION_2018.dated(
                    CHILDREN_ACT_2004.cite(
                        "s16C(1)",
                        Verification.PRIMARY,
                        url="https://www.legislation.gov.uk/ukpga/2004/31/section/16C",
                        note="Duty quoted in the DfE's official serious incident notification "
                        "statistics, which also state that it came into effect on 29 June 2018 "
                        "(before then notifications went to Ofsted); legislation.gov.uk shows "
                        "ss16A-16B inserted 29.6.2018 by CSWA 2017 (SI 2018/497 reg 3(a)). "
                        "Notifications are shared with Ofsted and the DfE.",
                    ),
                    _WT2018,
                ),
                edition="CA 2004 s16C",
            ),
        ),
    )
)
"""The notification scheme in force on the day the authority became aware."""

NOTIFICATION_TIMESCALE: DatedRule[Timescale] = register(
    DatedRule(
        key="reviews.notification_timescale",
        title="Time allowed for the local authority's notification",
        versions=(
            Version(
                in_force_from=_WT2015.in_effect.day,
                value=Timescale(amount=5, unit=Unit.WORKING_DAYS, clock_starts=_AWARENESS),
                source=_WT2015.dated(
                    WORKING_TOGETHER_2015.cite(
                        "chapter 4, paragraph 16",
                        Verification.SECONDARY,
                        note="'Promptly and within five working days of becoming aware that the "
                        "incident has occurred' (Knowsley's restatement of the criteria and "
                        "process). WT2015 not read.",
                    )
                ),
                edition="WT2015",
            ),
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=Timescale(amount=5, unit=Unit.WORKING_DAYS, clock_starts=_AWARENESS),
                source=TRANSITION_2018.dated(
                    WORKING_TOGETHER_2018.cite(
                        "chapter 4 (notifiable incidents)",
                        Verification.SECONDARY,
                        note="Guidance, not statute. 'Within five working days of becoming aware "
                        "that the incident has occurred': DfE official statistics (methodology), "
                        "Ofsted's 2018 reporting guidance (as reported), Wirral, St Helens. One "
                        "local flowchart (Devon) counts from the incident instead; the library "
                        "counts from awareness. WT2018 not read.",
                    ),
                    _WT2018,
                ),
                edition="WT2018",
            ),
            Version(
                in_force_from=_WT2023.in_effect.day,
                value=Timescale(amount=5, unit=Unit.WORKING_DAYS, clock_starts=_AWARENESS),
                source=_WT2023.dated(
                    WORKING_TOGETHER_2023.cite(
                        "chapter 5 (notifying serious incidents)",
                        Verification.SECONDARY,
                        note="Unchanged in WT2023-era restatements (NE Lincolnshire 2024, "
                        "Lincolnshire 2024, St Helens). WT2023 not read.",
                    )
                ),
                edition="WT2023",
            ),
        ),
    )
)
"""Five working days from awareness, in every edition."""

LOOKED_AFTER_DEATH_RECIPIENTS: DatedRule[tuple[Recipient, ...]] = register(
    DatedRule(
        key="reviews.looked_after_death_notification",
        title="Who is told of the death of a looked-after child (abuse or neglect or not)",
        versions=(
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=(Recipient.SECRETARY_OF_STATE, Recipient.OFSTED),
                source=TRANSITION_2018.dated(
                    DFE_SERIOUS_INCIDENT_STATISTICS.cite(
                        "methodology: 'The local authority must also notify the Secretary of State "
                        "and Ofsted where a looked after child has died'",
                        Verification.PRIMARY,
                        note="Official DfE text read; it restates WT2018 ch.4. The duty to notify "
                        "the Panel of every looked-after child's death was removed from the Bill "
                        "before Royal Assent (Lords, 18 October 2016). The regulation behind the "
                        "Secretary of State and Ofsted duty was not confirmed, and no timescale "
                        "for it was found.",
                    ),
                    _WT2018,
                ),
                edition="WT2018",
            ),
        ),
    )
)
"""From 29 June 2018: the Secretary of State and Ofsted."""

PARTNER_NOTIFICATION_TIMESCALE: DatedRule[Timescale] = register(
    DatedRule(
        key="reviews.partner_notification_timescale",
        title="Time allowed for telling the local safeguarding partners of a notified event",
        versions=(
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=Timescale(amount=5, unit=Unit.WORKING_DAYS, clock_starts=_AWARENESS),
                source=TRANSITION_2018.dated(
                    WORKING_TOGETHER_2018.cite(
                        "chapter 4 (notifiable incidents)",
                        Verification.SECONDARY,
                        note="'The local authority should also report the event to the "
                        "safeguarding partners in their area (and in other areas if appropriate) "
                        "within five working days' (Wirral, Solihull citing the Panel chair's "
                        "2018 letter). Until local arrangements went live the LSCB was told at "
                        "the same time (Ofsted's 2018 guidance, as reported by Family Law Week).",
                    ),
                    _WT2018,
                ),
                edition="WT2018",
            ),
            Version(
                in_force_from=_WT2023.in_effect.day,
                value=Timescale(amount=5, unit=Unit.WORKING_DAYS, clock_starts=_AWARENESS),
                source=_WT2023.dated(
                    WORKING_TOGETHER_2023.cite(
                        "chapter 5 (notifying serious incidents)",
                        Verification.SECONDARY,
                        note="Unchanged in NE Lincolnshire (2024) and St Helens restatements.",
                    )
                ),
                edition="WT2023",
            ),
        ),
    )
)
"""From 29 June 2018: five working days from awareness."""


def _check_incident(incident: object) -> Incident:
    if not isinstance(incident, Incident):
        raise InvalidInputError("incident", "must be an Incident")
    return incident


def died_as_child(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> bool:
    """Whether the child died before the age limit for a child death.

    A death counts as a child's death only before the 18th birthday; the age that counts
    is the age at death, not at the incident.

    Legal basis:
        Children Act 2004 s16M with s65(1) (rule ``child_death.age_limit``).

    Args:
        incident: The incident.
        on: The date whose rule applies; by default the day the authority became aware
            (``incident.aware_on``).
        procedures: Local procedures.

    Returns:
        ``True`` if the child died aged under 18, else ``False`` (alive, or 18 or over).

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 1 April 2008.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> later = Incident(incident_date=dt.date(2020, 1, 6), aware_on=dt.date(2020, 1, 6),
        ...     age_at_incident=17, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, death_date=dt.date(2020, 9, 1),
        ...     age_at_death=18)
        >>> died_as_child(later)
        False
    """
    incident = _check_incident(incident)
    on = rules_date(on, incident.aware_on)
    limit = AGE_LIMIT.at(on, procedures=check_procedures(procedures)).value
    return incident.age_at_death is not None and incident.age_at_death < limit


_ABUSE_UNKNOWN = "whether abuse or neglect is known or suspected"
_HARM_UNKNOWN = "whether the child was seriously harmed"


def _trigger(
    trigger: NotificationTrigger, incident: Incident, *, harmed: bool | None, died: bool
) -> tuple[bool | None, str]:
    # Each limb is a conjunction of facts; a fact not yet known is named by its phrase.
    abuse = (incident.abuse_or_neglect.known_or_suspected, [_ABUSE_UNKNOWN])
    event = (any_of(died, harmed), [_HARM_UNKNOWN])
    # Under the 2015 scheme the library links the incident to the area where it happened
    # or where the child normally lives.
    link = (linked_to_area(incident), unknown_whereabouts(incident))
    here = (in_area(incident.place), [PLACE_UNKNOWN])
    parts: list[tuple[bool | None, list[str]]]
    match trigger:
        case _T.DEATH_WITH_ABUSE_OR_NEGLECT:
            parts = [abuse, (died, []), link]
        case _T.SERIOUS_HARM_WITH_ABUSE_OR_NEGLECT:
            parts = [abuse, (harmed, [_HARM_UNKNOWN]), link]
        case _T.LOOKED_AFTER_CHILD_DEATH:
            parts = [(incident.looked_after, []), (died, [])]
        case _T.REGULATED_SETTING_DEATH:
            parts = [(incident.setting.is_regulated, []), (died, []), link]
        case _T.IN_AREA:
            parts = [abuse, event, here]
        case _:  # OUTSIDE_ENGLAND_WHILE_RESIDENT
            parts = [
                abuse,
                event,
                (not_(in_england(incident.place)), [PLACE_UNKNOWN]),
                (in_area(incident.residence), [RESIDENCE_UNKNOWN]),
            ]
    met = all_of(*(value for value, _ in parts))
    unknown = [phrase for value, phrases in parts if value is None for phrase in phrases]
    detail = describe(
        met,
        f"Met: {trigger.value}.",
        f"Not met: {trigger.value}.",
        f"Not yet known: {trigger.value} (not yet known: {'; '.join(unknown)}).",
    )
    return met, detail


@criteria(
    "reviews.notification_scheme",
    "reviews.serious_harm",
    "child_death.age_limit",
    calls="notification_calls",
)
def assess_notification(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Decision[DutyStatus]:
    """Decide whether the local authority must notify the incident, under the scheme in force.

    The scheme ([`NOTIFICATION_SCHEME`][]) is the one in force on the day the authority
    became aware (``incident.aware_on``): Ofsted and the LSCB under Working Together 2015,
    the Child Safeguarding Practice Review Panel from 29 June 2018. The incident is notified
    if it meets any limb (one finding per limb). A death counts only before the 18th birthday
    (the ``child_death.age_limit`` rule); harm at 17 followed by death at 18 can still be
    notified as serious harm. Under the 2015 scheme the library takes the authority for the
    area where it happened, or where the child normally lives (the guidance read does not
    say which). Where it happened or where the child normally lives may be ``None`` (not yet
    known): a limb that depends on it is then not yet known, its finding says which fact is
    missing, and the outcome is ``UNDETERMINED`` unless another limb is met.

    Legal basis:
        Working Together 2015 ch.4 paras 13-16; Children Act 2004 s16C(1).

    Args:
        incident: The incident, with places relative to the area asking (``None``: not
            yet known).
        on: The date whose scheme applies; by default the day the authority became aware
            (``incident.aware_on``).
        procedures: Local procedures.

    Returns:
        ``REQUIRED`` if a limb is met, ``UNDETERMINED`` if a limb may be met once the facts
        are known, else ``NOT_REQUIRED``.

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 26 March 2015.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> death = Incident(incident_date=dt.date(2018, 6, 28), aware_on=dt.date(2018, 7, 2),
        ...     age_at_incident=3, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.SUSPECTED,
        ...     death_date=dt.date(2018, 6, 28), age_at_death=3)
        >>> decision = assess_notification(death)
        >>> decision.outcome.value, decision.rule_version
        ('required', 'CA 2004 s16C')

        Where it happened is not yet known: the notification cannot be decided yet.

        >>> visitor = Incident(incident_date=dt.date(2024, 5, 6), aware_on=dt.date(2024, 5, 7),
        ...     age_at_incident=3, residence=Residence.ELSEWHERE_IN_ENGLAND,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, seriously_harmed=True)
        >>> decision = assess_notification(visitor)
        >>> decision.outcome.value
        'undetermined'
        >>> print(decision.findings[0].detail)
        Not yet known: death or serious harm in the area (not yet known: where it happened).
    """
    incident = _check_incident(incident)
    on = rules_date(on, incident.aware_on)
    version = NOTIFICATION_SCHEME.at(on, procedures=check_procedures(procedures))
    harmed = assess_serious_harm(incident, on=on, procedures=procedures).outcome
    died = died_as_child(incident, on=on, procedures=procedures)
    findings: list[Finding] = []
    results: list[bool | None] = []
    for trigger in version.value.triggers:
        met, detail = _trigger(trigger, incident, harmed=harmed, died=died)
        results.append(met)
        findings.append(
            Finding(criterion=trigger.value, met=met, detail=detail, source=version.source)
        )
    notify = any_of(*results)
    outcome = {
        True: DutyStatus.REQUIRED,
        False: DutyStatus.NOT_REQUIRED,
        None: DutyStatus.UNDETERMINED,
    }[notify]
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=version.edition)


def is_notifiable(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> bool | None:
    """Whether the incident must be notified: the outcome of [`assess_notification`][].

    Legal basis:
        As [`assess_notification`][].

    Args:
        incident: The incident.
        on: The date whose scheme applies; by default the day the authority became aware.
        procedures: Local procedures.

    Returns:
        ``True`` (required), ``False`` (not required) or ``None`` (not yet known).

    Raises:
        InvalidInputError: as [`assess_notification`][].
        RuleNotInForceError: as [`assess_notification`][].

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> no_harm = Incident(incident_date=dt.date(2024, 2, 1), aware_on=dt.date(2024, 2, 1),
        ...     age_at_incident=8, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.SUSPECTED, seriously_harmed=False)
        >>> is_notifiable(no_harm)
        False
    """
    return {
        DutyStatus.REQUIRED: True,
        DutyStatus.NOT_REQUIRED: False,
        DutyStatus.UNDETERMINED: None,
    }[assess_notification(incident, on=on, procedures=procedures).outcome]


@criteria(
    "reviews.looked_after_death_notification",
    "reviews.notification_scheme",
    "child_death.age_limit",
    calls="looked_after_death_calls",
)
def assess_looked_after_death(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Decision[DutyStatus]:
    """Decide whether a looked-after child's death must go to the Secretary of State and Ofsted.

    From 29 June 2018 the local authority must tell the Secretary of State and Ofsted of the
    death of a child it looks after, whether or not abuse or neglect is known or suspected
    ([`LOOKED_AFTER_DEATH_RECIPIENTS`][]). Before then the same death was a notifiable
    incident to Ofsted and the LSCB (see [`assess_notification`][]), so this duty did not
    exist separately.

    Legal basis:
        Working Together 2018 ch.4, as restated by the DfE.

    Args:
        incident: The incident (``looked_after`` means looked after by this authority).
        on: The date whose rules apply; by default the day the authority became aware
            (``incident.aware_on``).
        procedures: Local procedures.

    Returns:
        ``REQUIRED`` or ``NOT_REQUIRED``.

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 26 March 2015.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> natural = Incident(incident_date=dt.date(2019, 1, 7), aware_on=dt.date(2019, 1, 7),
        ...     age_at_incident=12, place=Place.ELSEWHERE_IN_ENGLAND, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.NOT_SUSPECTED, looked_after=True,
        ...     death_date=dt.date(2019, 1, 7), age_at_death=12)
        >>> assess_looked_after_death(natural).outcome.value
        'required'
    """
    incident = _check_incident(incident)
    on = rules_date(on, incident.aware_on)
    procedures = check_procedures(procedures)
    rule = LOOKED_AFTER_DEATH_RECIPIENTS
    if not rule.is_in_force(on):
        source = NOTIFICATION_SCHEME.at(on, procedures=procedures).source
        finding = Finding(
            criterion="separate looked-after death notification",
            met=False,
            detail="Before 29 June 2018 the death of a looked-after child was a notifiable "
            "incident to Ofsted and the LSCB, not a separate notification.",
            source=source,
        )
        return Decision(outcome=DutyStatus.NOT_REQUIRED, findings=(finding,), rule_version="WT2015")
    version = rule.at(on, procedures=procedures)
    died = died_as_child(incident, on=on, procedures=procedures)
    findings = (
        Finding(
            criterion="looked after by this authority",
            met=incident.looked_after,
            detail="The child was looked after by this local authority."
            if incident.looked_after
            else "The child was not looked after by this local authority.",
            source=version.source,
        ),
        Finding(
            criterion="the child died",
            met=died,
            detail="The child died (abuse or neglect need not be suspected)."
            if died
            else "The child has not died as a child.",
            source=version.source,
        ),
    )
    required = incident.looked_after and died
    return Decision(
        outcome=DutyStatus.REQUIRED if required else DutyStatus.NOT_REQUIRED,
        findings=findings,
        rule_version=version.edition,
    )


@timescale("reviews.notification_timescale")
def notification_deadline(
    aware_on: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The last day for the local authority's notification.

    Within 5 working days of becoming aware: the day of awareness is day 0, and the
    notification is in time up to the 5th working day after it (weekends, bank holidays and
    the closure days of the procedures' calendar skipped).

    Legal basis:
        Working Together 2015 ch.4 para 16; Working Together 2018 ch.4; Working Together 2023
        ch.5 (rule ``reviews.notification_timescale``).

    Args:
        aware_on: The day the local authority became aware of the incident (day 0).
        on: The date whose rule applies; *aware_on* by default.
        procedures: Local procedures: their working-day calendar, and any local version of
            the timescale (then cited).

    Returns:
        The deadline, with its source.

    Raises:
        InvalidInputError: a date is not a date, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 26 March 2015.
        CalendarCoverageError: the dates are outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> notification_deadline(dt.date(2018, 7, 2)).due
        datetime.date(2018, 7, 9)
    """
    check_date("aware_on", aware_on)
    return Deadline.from_rule(
        NOTIFICATION_TIMESCALE, aware_on, on=rules_date(on, aware_on), procedures=procedures
    )


@timescale("reviews.partner_notification_timescale")
def partner_notification_deadline(
    aware_on: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The last day for telling the local safeguarding partners of a notified event.

    Within 5 working days of becoming aware (day 0 is the day of awareness).

    Legal basis:
        Working Together 2018 ch.4; Working Together 2023 ch.5 (rule
        ``reviews.partner_notification_timescale``).

    Args:
        aware_on: The day the local authority became aware of the incident (day 0).
        on: The date whose rule applies; *aware_on* by default.
        procedures: Local procedures: their working-day calendar, and any local version of
            the timescale (then cited).

    Returns:
        The deadline, with its source.

    Raises:
        InvalidInputError: a date is not a date, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 29 June 2018.
        CalendarCoverageError: the dates are outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> partner_notification_deadline(dt.date(2024, 3, 28)).due   # Easter skipped
        datetime.date(2024, 4, 8)
    """
    check_date("aware_on", aware_on)
    return Deadline.from_rule(
        PARTNER_NOTIFICATION_TIMESCALE,
        aware_on,
        on=rules_date(on, aware_on),
        procedures=procedures,
    )
