"""The neighbouring reviews: domestic homicide, safeguarding adults, offensive weapons, child death.

The same death can call for several statutory reviews at once. They are listed together,
never collapsed into one (a joint or linked review is for the partners to arrange):

* **Domestic homicide review** (Domestic Violence, Crime and Victims Act 2004 s9, from
  13 April 2011): the death of a person **aged 16 or over** that has, or appears to have,
  resulted from violence, abuse or neglect by a **relative**, a current or former **intimate
  partner**, or a **member of the same household**. A 16- or 17-year-old can therefore have
  both a child safeguarding review and a DHR. (The prospective "domestic abuse related death
  review" of the Victims and Prisoners Act 2024 s19 is not in force and not encoded.)
* **Safeguarding adults review** (Care Act 2014 s44, from 1 April 2015): an **adult** with
  needs for care and support, cause for concern about how agencies worked together, and a
  death known or suspected to result from abuse or neglect (or serious abuse or neglect of a
  living adult). Other cases are discretionary.
* **Offensive weapons homicide review** (Police, Crime, Sentencing and Courts Act 2022 s24,
  piloted from 1 April 2023): the homicide in England or Wales of a victim **aged 18 or
  over** in which an offensive weapon was, or was likely to have been, used, in a pilot area
  and period; not where a domestic homicide review (or another statutory review) applies.
* **Child death review** (Children Act 2004 s16M): every death of a child under 18,
  whatever the cause, reviewed by the child death review partners for the area where the
  child normally lived (those where the child died may review too). The full scope rules
  (born alive, terminations, stillbirths) are in [`safeguarding.reviews.child_death`][].

Examples:
    >>> import datetime as dt
    >>> from safeguarding.reviews.incidents import (
    ...     AbuseOrNeglect, Incident, Place, Relationship, Residence)
    >>> killed = Incident(incident_date=dt.date(2024, 6, 3), aware_on=dt.date(2024, 6, 3),
    ...     age_at_incident=17, place=Place.IN_AREA, residence=Residence.IN_AREA,
    ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, perpetrator=Relationship.INTIMATE_PARTNER,
    ...     death_date=dt.date(2024, 6, 3), age_at_death=17)
    >>> assess_domestic_homicide_review(killed).outcome.value
    'required'
"""

from __future__ import annotations

import datetime as dt

from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria
from safeguarding.logic import all_of, any_of, describe, not_
from safeguarding.places import in_area
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import rules_date
from safeguarding.reviews._instruments import OWHR_COMMENCEMENT_REGULATIONS_2023
from safeguarding.reviews._links import linked_to_area, unknown_whereabouts
from safeguarding.reviews.child_death import AGE_LIMIT, REVIEW_DUTY, AreaLink
from safeguarding.reviews.duties import DutyStatus
from safeguarding.reviews.incidents import Incident, Relationship
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    CARE_ACT_2014,
    DOMESTIC_VIOLENCE_CRIME_AND_VICTIMS_ACT_2004,
    POLICE_CRIME_SENTENCING_AND_COURTS_ACT_2022,
)

__all__ = [
    "DHR_MINIMUM_AGE",
    "DHR_RELATIONSHIPS",
    "OWHR_CONDITIONS",
    "OWHR_MINIMUM_AGE",
    "OWHR_PILOT_PERIOD",
    "SAR_CONDITIONS",
    "SAR_MINIMUM_AGE",
    "assess_child_death_review",
    "assess_domestic_homicide_review",
    "assess_offensive_weapons_homicide_review",
    "assess_safeguarding_adults_review",
    "other_review_applies",
]

_DHR_START = dt.date(2011, 4, 13)
_S9 = "https://www.legislation.gov.uk/ukpga/2004/28/section/9"
_S9_NOTE = (
    "Read on legislation.gov.uk (valid from 13 April 2011): a review of the circumstances in "
    "which the death of a person aged 16 or over has, or appears to have, resulted from "
    "violence, abuse or neglect by (a) a person to whom he was related or with whom he was or "
    "had been in an intimate personal relationship, or (b) a member of the same household. "
    "Reports go to the Domestic Abuse Commissioner (s9(3B)-(3C)). The decision (about 1 month) "
    "and completion (about 6 months) timescales of the 2016 guidance were not confirmed and "
    "are not encoded; neither is the prospective VPA 2024 s19 'domestic abuse related death "
    "review'."
)

DHR_MINIMUM_AGE: DatedRule[int] = register(
    DatedRule(
        key="reviews.dhr.minimum_age",
        title="Minimum age of the person who died for a domestic homicide review (years)",
        versions=(
            Version(
                in_force_from=_DHR_START,
                value=16,
                source=DOMESTIC_VIOLENCE_CRIME_AND_VICTIMS_ACT_2004.cite(
                    "s9(1)", Verification.PRIMARY, url=_S9, note=_S9_NOTE
                ),
                edition="DVCVA 2004 s9",
            ),
        ),
    )
)
"""Sixteen."""

DHR_RELATIONSHIPS: DatedRule[frozenset[Relationship]] = register(
    DatedRule(
        key="reviews.dhr.relationships",
        title="Relationships of the suspected perpetrator that bring a death into a DHR",
        versions=(
            Version(
                in_force_from=_DHR_START,
                value=frozenset(
                    {
                        Relationship.PARENT,
                        Relationship.OTHER_RELATIVE,
                        Relationship.INTIMATE_PARTNER,
                        Relationship.HOUSEHOLD_MEMBER,
                    }
                ),
                source=DOMESTIC_VIOLENCE_CRIME_AND_VICTIMS_ACT_2004.cite(
                    "s9(1)(a)-(b)", Verification.PRIMARY, url=_S9, note=_S9_NOTE
                ),
                edition="DVCVA 2004 s9",
            ),
        ),
    )
)
"""A relative (a parent included), a current or former intimate partner, a household member."""

_S44 = "https://www.legislation.gov.uk/ukpga/2014/23/section/44"

SAR_CONDITIONS: DatedRule[tuple[str, ...]] = register(
    DatedRule(
        key="reviews.sar.conditions",
        title="Conditions for a mandatory safeguarding adults review",
        versions=(
            Version(
                in_force_from=dt.date(2015, 4, 1),
                value=(
                    "an adult in the area with needs for care and support",
                    "reasonable cause for concern about how agencies worked together",
                    "died, death known or suspected to result from abuse or neglect",
                ),
                source=CARE_ACT_2014.cite(
                    "s44(1)-(4)",
                    Verification.PRIMARY,
                    url=_S44,
                    note="Read (legislation.gov.uk data copy, in force 1.4.2015 by SI 2015/993 "
                    "art 2(o)): the SAB must arrange a review if there is reasonable cause for "
                    "concern about how it, its members or others worked together, and condition "
                    "1 (the adult died and the SAB knows or suspects the death resulted from "
                    "abuse or neglect) or condition 2 (alive, serious abuse or neglect known or "
                    "suspected) is met; it may review any other case (s44(4)).",
                ),
                edition="Care Act 2014 s44",
            ),
        ),
    )
)
"""The s44(1)-(2) conditions, as criterion names."""

SAR_MINIMUM_AGE: DatedRule[int] = register(
    DatedRule(
        key="reviews.sar.minimum_age",
        title="Age from which a person is an adult for a safeguarding adults review (years)",
        versions=(
            Version(
                in_force_from=dt.date(2015, 4, 1),
                value=18,
                source=CARE_ACT_2014.cite(
                    "s44 ('adult')",
                    Verification.SECONDARY,
                    url=_S44,
                    note="An adult is a person aged 18 or over (restated by adult safeguarding "
                    "practitioners; the Act's definition was not read).",
                ),
                edition="Care Act 2014 s44",
            ),
        ),
    )
)
"""Eighteen."""

_OWHR_START = dt.date(2023, 4, 1)
_PCSCA_CH2 = "https://www.legislation.gov.uk/ukpga/2022/32/part/2/chapter/2"

OWHR_CONDITIONS: DatedRule[tuple[str, ...]] = register(
    DatedRule(
        key="reviews.owhr.conditions",
        title="Conditions for an offensive weapons homicide review",
        versions=(
            Version(
                in_force_from=_OWHR_START,
                value=(
                    "the death was, or is likely to have been, a qualifying homicide",
                    "an offensive weapon was, or was likely to have been, used",
                    "the death occurred in England or Wales, in the area",
                    "no domestic homicide review or other statutory review applies",
                    "a review partner holds, or could be expected to hold, relevant information",
                ),
                source=POLICE_CRIME_SENTENCING_AND_COURTS_ACT_2022.cite(
                    "ss24-26; OWHR Regulations 2022",
                    Verification.PRIMARY,
                    url=_PCSCA_CH2,
                    note="s24(1) read on legislation.gov.uk (qualifying homicide; death in "
                    "England or Wales; conditions in regulations; relevant review partner). "
                    "Regulations as described by the minister (Lords, 8 November 2022): review "
                    "partners for the area where the death occurred (or the body was found); a "
                    "partner must hold or be expected to hold relevant information. The Home "
                    "Office's 'Police, Crime, Sentencing and Courts Bill 2021: homicide reviews "
                    "factsheet' (gov.uk) says no OWHR is required where another statutory "
                    "review, such as a DHR, applies (s26).",
                ),
                edition="PCSCA 2022",
            ),
        ),
    )
)
"""The s24 conditions, as criterion names."""

OWHR_MINIMUM_AGE: DatedRule[int] = register(
    DatedRule(
        key="reviews.owhr.minimum_age",
        title="Minimum age of the victim for an offensive weapons homicide review (years)",
        versions=(
            Version(
                in_force_from=_OWHR_START,
                value=18,
                source=POLICE_CRIME_SENTENCING_AND_COURTS_ACT_2022.cite(
                    "s24 with the OWHR Regulations 2022",
                    Verification.PRIMARY,
                    url=_PCSCA_CH2,
                    note="'Where the victim was aged 18 or over': the Home Office's 'Police, "
                    "Crime, Sentencing and Courts Bill 2021: homicide reviews factsheet' and "
                    "its 'Offensive weapons homicide reviews' statutory guidance page (gov.uk, "
                    "April 2023) and the minister in the Lords (8 November 2022).",
                ),
                edition="PCSCA 2022",
            ),
        ),
    )
)
"""Eighteen."""

OWHR_PILOT_PERIOD: DatedRule[tuple[dt.date, dt.date]] = register(
    DatedRule(
        key="reviews.owhr.pilot_period",
        title="First and last day of the offensive weapons homicide review pilot",
        versions=(
            Version(
                in_force_from=_OWHR_START,
                value=(_OWHR_START, dt.date(2023, 12, 31)),
                source=OWHR_COMMENCEMENT_REGULATIONS_2023.cite(
                    "reg 1(2) ('the pilot period'), reg 4 (savings)",
                    Verification.PRIMARY,
                    note="Read: the pilot period is 9 months beginning with 1 April 2023, for "
                    "deaths occurring (or likely to have occurred) in it; pilot partners for "
                    "South Wales, the London boroughs of Barnet, Brent, Harrow, Lambeth and "
                    "Southwark, and Birmingham and Coventry; reviews started in the period "
                    "continue (reg 4). The government had announced 18 months (Lords, "
                    "8 November 2022); no extension was found.",
                ),
                edition="SI 2023/227",
            ),
        ),
    )
)
"""1 April 2023 to 31 December 2023 (deaths in the pilot areas)."""


def _check_incident(incident: object) -> Incident:
    if not isinstance(incident, Incident):
        raise InvalidInputError("incident", "must be an Incident")
    return incident


_LIVED_UNKNOWN = "where the person normally lived"


def _unknown_link(incident: Incident) -> str:
    """Why the link to the area is not yet known (only for a link that is unknown)."""
    return f"Not yet known {' or '.join(unknown_whereabouts(incident, residence=_LIVED_UNKNOWN))}."


def _status(value: bool | None) -> DutyStatus:
    return {
        True: DutyStatus.REQUIRED,
        False: DutyStatus.NOT_REQUIRED,
        None: DutyStatus.UNDETERMINED,
    }[value]


def _perpetrator_fact(incident: Incident, relationships: frozenset[Relationship]) -> bool | None:
    if incident.perpetrator is Relationship.NOT_KNOWN:
        return None
    return incident.perpetrator in relationships


@criteria(
    "reviews.dhr.minimum_age", "reviews.dhr.relationships", calls="domestic_homicide_review_calls"
)
def assess_domestic_homicide_review(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Decision[DutyStatus]:
    """Decide whether the death calls for a domestic homicide review.

    Required when a person aged 16 or over at death died, or appears to have died, from
    violence, abuse or neglect (here: abuse or neglect known or suspected) by a relative, a
    current or former intimate partner or a member of the same household. The library links
    the review to this area when the death happened here or the person lived here; while
    where it happened or where the person lived is not yet known (``None``), a death that
    otherwise calls for a review is ``UNDETERMINED``.

    Legal basis:
        Domestic Violence, Crime and Victims Act 2004 s9(1) (rules ``reviews.dhr.minimum_age``,
        ``reviews.dhr.relationships``).

    Args:
        incident: The incident (``perpetrator`` is the suspected perpetrator's relationship).
        on: The date whose rules apply; by default the date of death
            (``incident.death_date``).
        procedures: Local procedures.

    Returns:
        ``REQUIRED``, ``NOT_REQUIRED`` or ``UNDETERMINED``.

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import (
        ...     AbuseOrNeglect, Incident, Place, Relationship, Residence)
        >>> younger = Incident(incident_date=dt.date(2024, 6, 3), aware_on=dt.date(2024, 6, 3),
        ...     age_at_incident=15, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, perpetrator=Relationship.PARENT,
        ...     death_date=dt.date(2024, 6, 3), age_at_death=15)
        >>> assess_domestic_homicide_review(younger).outcome.value
        'not required'
    """
    incident = _check_incident(incident)
    procedures = check_procedures(procedures)
    death = incident.death_date
    day = rules_date(on, incident.aware_on if death is None else death)
    if death is None or incident.age_at_death is None:
        source = DHR_MINIMUM_AGE.versions[-1].source
        finding = Finding(criterion="a death", met=False, detail="No one has died.", source=source)
        return Decision(
            outcome=DutyStatus.NOT_REQUIRED, findings=(finding,), rule_version="DVCVA 2004 s9"
        )
    if not DHR_MINIMUM_AGE.is_in_force(day):
        source = DHR_MINIMUM_AGE.versions[0].source
        finding = Finding(
            criterion="in force at the death",
            met=False,
            detail="Domestic homicide reviews apply to deaths from 13 April 2011.",
            source=source,
        )
        return Decision(
            outcome=DutyStatus.NOT_REQUIRED, findings=(finding,), rule_version="DVCVA 2004 s9"
        )
    age = DHR_MINIMUM_AGE.at(day, procedures=procedures)
    relationships = DHR_RELATIONSHIPS.at(day, procedures=procedures)
    old_enough = incident.age_at_death >= age.value
    abuse = incident.abuse_or_neglect.known_or_suspected
    related = _perpetrator_fact(incident, relationships.value)
    linked = linked_to_area(incident)
    findings = (
        Finding(
            criterion=f"aged {age.value} or over at death",
            met=old_enough,
            detail=f"Aged {incident.age_at_death} at death.",
            source=age.source,
        ),
        Finding(
            criterion="death from violence, abuse or neglect",
            met=abuse,
            detail=describe(
                abuse,
                "The death has, or appears to have, resulted from abuse or neglect.",
                "Abuse or neglect is not suspected.",
                "Not yet known whether abuse or neglect is suspected.",
            ),
            source=relationships.source,
        ),
        Finding(
            criterion="by a relative, partner or household member",
            met=related,
            detail=f"The suspected perpetrator: {incident.perpetrator.value}.",
            source=relationships.source,
        ),
        Finding(
            criterion="linked to the area",
            met=linked,
            detail=describe(
                linked,
                "The death happened in the area or the person lived here.",
                "Neither the death nor the person's home is in the area.",
                _unknown_link(incident),
            ),
            source=relationships.source,
        ),
    )
    return Decision(
        outcome=_status(all_of(old_enough, abuse, related, linked)),
        findings=findings,
        rule_version=age.edition,
    )


@criteria(
    "reviews.sar.conditions", "reviews.sar.minimum_age", calls="safeguarding_adults_review_calls"
)
def assess_safeguarding_adults_review(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Decision[DutyStatus]:
    """Decide whether the death of a young adult calls for a safeguarding adults review.

    Only a person who was an adult (18 or over) when they died comes within a SAR here; an
    incident to a child is reviewed under the child safeguarding rules. A SAR is
    **required** for an adult in the area with needs for care and support, with reasonable
    cause for concern about how agencies worked together, whose death is known or suspected
    to result from abuse or neglect; any other case of such an adult is **discretionary**.
    The adult is in the area when the death happened here or they lived here; while that is
    not yet known, the case is ``UNDETERMINED`` unless another condition already settles it.

    Legal basis:
        Care Act 2014 s44(1)-(4) (rules ``reviews.sar.conditions``,
        ``reviews.sar.minimum_age``).

    Args:
        incident: The incident (``care_and_support_needs`` and
            ``concern_about_joint_working`` as the SAB knows them).
        on: The date whose rules apply; by default the date of death, or for a living
            person the day the authority became aware.
        procedures: Local procedures.

    Returns:
        ``REQUIRED``, ``DISCRETIONARY``, ``NOT_REQUIRED`` or ``UNDETERMINED``.

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> child = Incident(incident_date=dt.date(2024, 6, 3), aware_on=dt.date(2024, 6, 3),
        ...     age_at_incident=17, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, death_date=dt.date(2024, 6, 3),
        ...     age_at_death=17)
        >>> assess_safeguarding_adults_review(child).outcome.value
        'not required'
    """
    incident = _check_incident(incident)
    procedures = check_procedures(procedures)
    day = rules_date(on, incident.death_date or incident.aware_on)
    if not SAR_CONDITIONS.is_in_force(day):
        finding = Finding(
            criterion="in force",
            met=False,
            detail="Safeguarding adults reviews apply from 1 April 2015.",
            source=SAR_CONDITIONS.versions[0].source,
        )
        return Decision(
            outcome=DutyStatus.NOT_REQUIRED, findings=(finding,), rule_version="Care Act 2014 s44"
        )
    conditions = SAR_CONDITIONS.at(day, procedures=procedures)
    adult_age = SAR_MINIMUM_AGE.at(day, procedures=procedures)
    adult = incident.age_at_death is not None and incident.age_at_death >= adult_age.value
    if not adult:
        finding = Finding(
            criterion=f"an adult ({adult_age.value} or over) at death",
            met=False,
            detail="The person did not die as an adult: the child safeguarding reviews apply.",
            source=adult_age.source,
        )
        return Decision(
            outcome=DutyStatus.NOT_REQUIRED, findings=(finding,), rule_version=conditions.edition
        )
    linked = linked_to_area(incident)
    needs = all_of(incident.care_and_support_needs, linked)
    concern = incident.concern_about_joint_working
    abuse = incident.abuse_or_neglect.known_or_suspected
    unknown = []
    if incident.care_and_support_needs is None:
        unknown.append("whether the adult had needs for care and support")
    if linked is None:
        unknown.extend(unknown_whereabouts(incident, residence=_LIVED_UNKNOWN))
    findings = (
        Finding(
            criterion=conditions.value[0],
            met=needs,
            detail=describe(
                needs,
                "An adult in the area with needs for care and support.",
                "Not an adult in the area with needs for care and support.",
                f"Not yet known {' or '.join(unknown)}.",
            ),
            source=conditions.source,
        ),
        Finding(
            criterion=conditions.value[1],
            met=concern,
            detail=describe(
                concern,
                "There is cause for concern about how agencies worked together.",
                "No cause for concern about how agencies worked together.",
                "Not yet known whether there is concern about joint working.",
            ),
            source=conditions.source,
        ),
        Finding(
            criterion=conditions.value[2],
            met=abuse,
            detail=describe(
                abuse,
                "The death is known or suspected to result from abuse or neglect.",
                "Abuse or neglect is not suspected.",
                "Not yet known whether abuse or neglect is suspected.",
            ),
            source=conditions.source,
        ),
    )
    mandatory = all_of(needs, concern, abuse)
    if needs is False:
        outcome = DutyStatus.NOT_REQUIRED
    elif mandatory is True:
        outcome = DutyStatus.REQUIRED
    elif needs is True and mandatory is False:
        outcome = DutyStatus.DISCRETIONARY
    else:
        outcome = DutyStatus.UNDETERMINED
    return Decision(outcome=outcome, findings=findings, rule_version=conditions.edition)


@criteria(
    "reviews.owhr.conditions",
    "reviews.owhr.minimum_age",
    "reviews.owhr.pilot_period",
    calls="offensive_weapons_homicide_review_calls",
)
def assess_offensive_weapons_homicide_review(
    incident: Incident,
    *,
    pilot_area: bool,
    excluded_by_other_review: bool | None,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> Decision[DutyStatus]:
    """Decide whether the death calls for an offensive weapons homicide review.

    Only during the pilot (deaths from 1 April 2023 to 31 December 2023 in the pilot areas):
    the victim was 18 or over; the death was, or is likely to have been, a homicide in which
    an offensive weapon was, or was likely to have been, used; it occurred in England or
    Wales, in this area (not yet known while ``incident.place`` is ``None``); and no other
    statutory review (a domestic homicide review, a safeguarding adults review) applies. A
    review partner must also hold relevant information: the library cannot know that, so a
    case meeting every other condition is ``UNDETERMINED``.

    Legal basis:
        Police, Crime, Sentencing and Courts Act 2022 ss24-26; OWHR Regulations 2022;
        SI 2023/227 regs 1 and 4 (rules ``reviews.owhr.*``).

    Args:
        incident: The incident.
        pilot_area: Whether this area is an OWHR pilot area.
        excluded_by_other_review: Whether another statutory review applies (``None`` if not
            yet known).
        on: The date whose rules apply; by default the date of death
            (``incident.death_date``).
        procedures: Local procedures.

    Returns:
        ``NOT_REQUIRED`` or ``UNDETERMINED`` (never ``REQUIRED``: see above).

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> stabbed = Incident(incident_date=dt.date(2023, 5, 2), aware_on=dt.date(2023, 5, 2),
        ...     age_at_incident=17, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, suspected_homicide=True,
        ...     offensive_weapon=True, death_date=dt.date(2023, 5, 2), age_at_death=17)
        >>> assess_offensive_weapons_homicide_review(
        ...     stabbed, pilot_area=True, excluded_by_other_review=False).outcome.value
        'not required'
    """
    incident = _check_incident(incident)
    procedures = check_procedures(procedures)
    source = OWHR_CONDITIONS.versions[0].source
    death = incident.death_date
    day = rules_date(on, incident.aware_on if death is None else death)
    if death is None or incident.age_at_death is None or not OWHR_CONDITIONS.is_in_force(day):
        finding = Finding(
            criterion="a death within the OWHR provisions",
            met=False,
            detail="No death, or a death before the OWHR provisions took effect (1 April 2023).",
            source=source,
        )
        return Decision(
            outcome=DutyStatus.NOT_REQUIRED, findings=(finding,), rule_version="PCSCA 2022"
        )
    conditions = OWHR_CONDITIONS.at(day, procedures=procedures)
    age = OWHR_MINIMUM_AGE.at(day, procedures=procedures)
    pilot = OWHR_PILOT_PERIOD.at(day, procedures=procedures)
    first, last = pilot.value
    in_pilot = pilot_area and first <= death <= last
    adult = incident.age_at_death >= age.value
    place = in_area(incident.place)
    results: list[bool | None] = [
        adult,
        in_pilot,
        incident.suspected_homicide,
        incident.offensive_weapon,
        place,
        not_(excluded_by_other_review),
    ]
    findings = [
        Finding(
            criterion=f"victim aged {age.value} or over",
            met=adult,
            detail=f"Aged {incident.age_at_death} at death.",
            source=age.source,
        ),
        Finding(
            criterion="a pilot area, a death in the pilot period",
            met=in_pilot,
            detail=f"Pilot deaths {first.isoformat()} to {last.isoformat()} in the pilot areas; "
            f"this area is {'' if pilot_area else 'not '}a pilot area.",
            source=pilot.source,
        ),
    ]
    unknown = (
        "Not yet known whether it was a homicide.",
        "Not yet known whether an offensive weapon was used.",
        "Not yet known where the death occurred.",
        "Not yet known whether another statutory review applies.",
    )
    findings.extend(
        Finding(
            criterion=criterion,
            met=met,
            detail=describe(met, f"Met: {criterion}.", f"Not met: {criterion}.", missing),
            source=conditions.source,
        )
        for criterion, met, missing in zip(conditions.value[:4], results[2:], unknown, strict=True)
    )
    findings.append(
        Finding(
            criterion=conditions.value[4],
            met=None,
            detail="For the review partners to judge.",
            source=conditions.source,
        )
    )
    others = all_of(*results)
    outcome = DutyStatus.NOT_REQUIRED if others is False else DutyStatus.UNDETERMINED
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=conditions.edition)


@criteria("child_death.review_duty", "child_death.age_limit", calls="child_death_review_calls")
def assess_child_death_review(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Decision[DutyStatus]:
    """Point to the child death review: which area's partners review this death.

    Every death of a child (under 18 at death, whatever the cause) is reviewed by the child
    death review partners for the area where the child normally lived (**required** here if
    the child lived here); the partners for the area where the child died may also review it
    (**discretionary** here if the child died here but lived elsewhere). While where the
    child lived, or (for a child living elsewhere) where the child died, is not yet known
    (``None``), the answer is **undetermined**. Harm at 17 followed by death at 18 or over
    is not a child death. Whether the death is in scope at all (born alive, not after a
    lawful termination) and everything that follows are decided by
    [`safeguarding.reviews.child_death.in_scope`][].

    Legal basis:
        Children Act 2004 s16M (rules ``child_death.review_duty``, ``child_death.age_limit``).

    Args:
        incident: The incident.
        on: The date whose rules apply; by default the date of death
            (``incident.death_date``).
        procedures: Local procedures.

    Returns:
        ``REQUIRED``, ``DISCRETIONARY``, ``NOT_REQUIRED`` or ``UNDETERMINED``.

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> visitor = Incident(incident_date=dt.date(2024, 6, 3), aware_on=dt.date(2024, 6, 3),
        ...     age_at_incident=9, place=Place.IN_AREA, residence=Residence.WALES,
        ...     abuse_or_neglect=AbuseOrNeglect.NOT_SUSPECTED, death_date=dt.date(2024, 6, 3),
        ...     age_at_death=9)
        >>> assess_child_death_review(visitor).outcome.value
        'for the decision-makers to decide'
    """
    incident = _check_incident(incident)
    procedures = check_procedures(procedures)
    death = incident.death_date
    day = rules_date(on, incident.aware_on if death is None else death)
    if death is None or incident.age_at_death is None or not AGE_LIMIT.is_in_force(day):
        finding = Finding(
            criterion="a child's death",
            met=False,
            detail="No death, or a death before child death reviews began (1 April 2008).",
            source=REVIEW_DUTY.versions[0].source,
        )
        return Decision(
            outcome=DutyStatus.NOT_REQUIRED, findings=(finding,), rule_version="CA 2004 s16M"
        )
    limit = AGE_LIMIT.at(day, procedures=procedures)
    duty = REVIEW_DUTY.at(day, procedures=procedures)
    child = incident.age_at_death < limit.value
    findings = [
        Finding(
            criterion=f"died before the age of {limit.value}",
            met=child,
            detail=f"Aged {incident.age_at_death} at death.",
            source=limit.source,
        )
    ]
    resident = in_area(incident.residence)
    died_here = in_area(incident.place)
    permitted = duty.value.permitted is AreaLink.DIED_IN_AREA
    may = all_of(permitted, died_here, not_(resident))
    if resident:
        detail = "The child normally lived here: this area's partners must review the death."
    elif may:
        detail = (
            "The child died here but lived elsewhere: this area's partners may review it; "
            "the area where the child lived must."
        )
    elif resident is None:
        detail = (
            "Not yet known where the child normally lived: the partners for that area must "
            "review the death" + ("; those where the child died may." if permitted else ".")
        )
    elif may is None:
        detail = (
            "The child lived elsewhere; not yet known where the child died: the partners "
            "for that area may review the death, the area where the child lived must."
        )
    else:
        detail = "The partners for the area where the child normally lived review it."
    reviewing = any_of(resident, may)
    findings.append(
        Finding(criterion="the reviewing area", met=reviewing, detail=detail, source=duty.source)
    )
    if not child:
        outcome = DutyStatus.NOT_REQUIRED
    elif resident:
        outcome = DutyStatus.REQUIRED
    elif resident is None or may is None:
        outcome = DutyStatus.UNDETERMINED
    elif may:
        outcome = DutyStatus.DISCRETIONARY
    else:
        outcome = DutyStatus.NOT_REQUIRED
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=duty.edition)


def other_review_applies(dhr: DutyStatus, sar: DutyStatus, cdr: DutyStatus) -> bool | None:
    """Whether another statutory review displaces an offensive weapons homicide review.

    Legal basis:
        Police, Crime, Sentencing and Courts Act 2022 s26 (no OWHR where a DHR or another
        statutory review such as a SAR or a child death review applies).

    Args:
        dhr: The domestic homicide review status.
        sar: The safeguarding adults review status.
        cdr: The child death review status.

    Returns:
        ``True`` if one is required, ``None`` if one may be, else ``False``.

    Examples:
        >>> other_review_applies(DutyStatus.REQUIRED, DutyStatus.NOT_REQUIRED,
        ...                      DutyStatus.NOT_REQUIRED)
        True
    """
    statuses = (dhr, sar, cdr)
    return any_of(
        *(
            {DutyStatus.REQUIRED: True, DutyStatus.UNDETERMINED: None}.get(status, False)
            for status in statuses
        )
    )
