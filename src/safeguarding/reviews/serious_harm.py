"""When a child has been "seriously harmed": the definition, edition by edition.

Whether an incident must be notified and reviewed often turns on serious harm. Working
Together has described it differently over time:

* **2010** (17 March 2010): a potentially life-threatening injury, serious *and permanent*
  impairment of health or development, or being seriously harmed through sexual abuse.
* **2015** (26 March 2015): includes, but is not limited to, a potentially life-threatening
  injury or serious and/or *likely long-term* impairment of physical or mental health or of
  physical, intellectual, emotional, social or behavioural development. Recovery does not
  mean serious harm did not occur.
* **2018** (4 July 2018) and **2023** (15 December 2023): includes, but is not limited to,
  serious and/or long-term impairment of mental health or of intellectual, emotional, social
  or behavioural development; it should also cover impairment of physical health; use
  judgement where impairment is likely to be long-term though not yet certain; a child may
  have been seriously harmed even if they recover, including from a one-off incident.

The library records the *facts* ([`HarmIndicator`][safeguarding.reviews.incidents.HarmIndicator])
and the panel's *judgement* (``Incident.seriously_harmed``). A listed fact settles the
question; otherwise, because the lists are not exhaustive, the judgement does; with neither,
the answer is unknown (``None``), never a silent "no".

Examples:
    >>> import datetime as dt
    >>> from safeguarding.reviews.incidents import (
    ...     AbuseOrNeglect, HarmIndicator, Incident, Place, Residence)
    >>> incident = Incident(
    ...     incident_date=dt.date(2016, 5, 2), aware_on=dt.date(2016, 5, 3), age_at_incident=4,
    ...     place=Place.IN_AREA, residence=Residence.IN_AREA,
    ...     abuse_or_neglect=AbuseOrNeglect.SUSPECTED,
    ...     harm_indicators={HarmIndicator.LIKELY_LONG_TERM_IMPAIRMENT})
    >>> assess_serious_harm(incident, on=dt.date(2016, 5, 3)).outcome     # WT2015: likely long-term
    True
    >>> print(assess_serious_harm(incident, on=dt.date(2012, 5, 3)).outcome)  # WT2010: permanent
    None
"""

from __future__ import annotations

import datetime as dt

from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria
from safeguarding.logic import describe
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import rules_date
from safeguarding.reviews._instruments import NATIONAL_SCR_PANEL_GUIDANCE
from safeguarding.reviews.incidents import HarmIndicator, Incident
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    WORKING_TOGETHER_2010,
    WORKING_TOGETHER_2015,
    WORKING_TOGETHER_2018,
    WORKING_TOGETHER_2023,
    edition,
)

__all__ = ["SERIOUS_HARM", "assess_serious_harm", "is_seriously_harmed"]


# Editions from the editions table (safeguarding.sources): each version below starts on the
# day its edition came into effect, and its citation note says so.
_WT2010, _WT2015, _WT2018, _WT2023 = map(edition, ("WT2010", "WT2015", "WT2018", "WT2023"))

_H = HarmIndicator
_SINCE_2015 = frozenset(
    {
        _H.LIFE_THREATENING_INJURY,
        _H.PERMANENT_IMPAIRMENT,
        _H.LONG_TERM_IMPAIRMENT,
        _H.LIKELY_LONG_TERM_IMPAIRMENT,
        _H.PHYSICAL_HEALTH_IMPAIRMENT,
    }
)

SERIOUS_HARM: DatedRule[frozenset[HarmIndicator]] = register(
    DatedRule(
        key="reviews.serious_harm",
        title='Facts that make a child "seriously harmed" (the lists are not exhaustive)',
        versions=(
            Version(
                in_force_from=_WT2010.in_effect.day,
                value=frozenset(
                    {_H.LIFE_THREATENING_INJURY, _H.PERMANENT_IMPAIRMENT, _H.SERIOUS_SEXUAL_ABUSE}
                ),
                source=_WT2010.dated(
                    WORKING_TOGETHER_2010.cite(
                        "chapter 8 (serious case reviews), circumstances to consider",
                        Verification.SECONDARY,
                        note="Restated in essays and LSCB material quoting WT2010: a potentially "
                        "life-threatening injury or serious and permanent impairment of physical "
                        "and/or mental health and development through abuse or neglect, or serious "
                        "harm through sexual abuse. Working Together 2013 gave no definition; the "
                        f"{NATIONAL_SCR_PANEL_GUIDANCE.title} kept this wording until 2015.",
                    )
                ),
                edition="WT2010",
            ),
            Version(
                in_force_from=_WT2015.in_effect.day,
                value=_SINCE_2015,
                source=_WT2015.dated(
                    WORKING_TOGETHER_2015.cite(
                        "chapter 4, notifiable incidents ('seriously harmed')",
                        Verification.SECONDARY,
                        note="Restated word for word by Sefton LSCB (2017) and other LSCBs: "
                        "includes, but is not limited to, a potentially life-threatening injury, "
                        "or serious and/or likely long-term impairment of physical or mental "
                        "health or physical, intellectual, emotional, social or behavioural "
                        "development; not exhaustive; recovery does not mean serious harm did not "
                        "occur. WT2015 text not read.",
                    )
                ),
                edition="WT2015",
            ),
            Version(
                in_force_from=_WT2018.in_effect.day,
                value=_SINCE_2015,
                source=_WT2018.dated(
                    WORKING_TOGETHER_2018.cite(
                        "chapter 4, 'serious harm'",
                        Verification.SECONDARY,
                        note="Restated by the DfE serious incident notification statistics and "
                        "several partnerships: serious and/or long-term impairment of mental "
                        "health or intellectual, emotional, social or behavioural development; "
                        "should also cover impairment of physical health; judgement where "
                        "impairment is likely to be long-term. A potentially life-threatening "
                        "injury is no longer named; the library reads it as impairment of "
                        "physical health. WT2018 not read.",
                    )
                ),
                edition="WT2018",
            ),
            Version(
                in_force_from=_WT2023.in_effect.day,
                value=_SINCE_2015,
                source=_WT2023.dated(
                    WORKING_TOGETHER_2023.cite(
                        "chapter 5, 'serious harm'",
                        Verification.SECONDARY,
                        note="Restated by Tees, NE Lincolnshire and St Helens (2024): same "
                        "wording as 2018, adding that a child may be seriously harmed even after "
                        "recovering from a one-off incident. One restatement (Tees) omits the "
                        "physical-health sentence; the others keep it, and so does the library. "
                        "WT2023 not read.",
                    )
                ),
                edition="WT2023",
            ),
        ),
    )
)
"""The facts that count as serious harm in each edition of Working Together."""


@criteria("reviews.serious_harm", calls="serious_harm_calls")
def assess_serious_harm(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Decision[bool | None]:
    """Decide whether the child was seriously harmed, under the edition in force *on*.

    A fact the edition lists ([`SERIOUS_HARM`][]) settles it: the child was seriously
    harmed. Otherwise the panel's judgement (``incident.seriously_harmed``) decides, since no
    edition's list is exhaustive; with no listed fact and no judgement the outcome is
    ``None``. Recovery never rules serious harm out.

    Legal basis:
        Working Together 2010 ch.8; 2015 ch.4; 2018 ch.4; 2023 ch.5 (rule
        ``reviews.serious_harm``).

    Args:
        incident: The incident.
        on: The date whose edition applies; by default the day the authority became aware
            (``incident.aware_on``).
        procedures: Local procedures (a local version of the rule cites its local document).

    Returns:
        A decision whose outcome is ``True``, ``False`` or ``None`` (not enough facts).

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 17 March 2010.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> harmed = Incident(incident_date=dt.date(2024, 1, 8), aware_on=dt.date(2024, 1, 8),
        ...     age_at_incident=2, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, seriously_harmed=True)
        >>> assess_serious_harm(harmed, on=dt.date(2024, 1, 8)).rule_version
        'WT2023'
    """
    if not isinstance(incident, Incident):
        raise InvalidInputError("incident", "must be an Incident")
    on = rules_date(on, incident.aware_on)
    version = SERIOUS_HARM.at(on, procedures=check_procedures(procedures))
    listed = incident.harm_indicators & version.value
    other = incident.harm_indicators - version.value
    names = "; ".join(sorted(indicator.value for indicator in listed))
    unlisted = "; ".join(sorted(indicator.value for indicator in other))
    findings = [
        Finding(
            criterion="a listed fact of serious harm",
            met=bool(listed),
            detail=(
                f"{version.edition} names: {names}."
                if listed
                else f"None of the facts recorded is named by {version.edition}"
                + (f" ({unlisted})." if unlisted else " (no facts recorded).")
            ),
            source=version.source,
        )
    ]
    judgement = incident.seriously_harmed
    findings.append(
        Finding(
            criterion="the panel's judgement",
            met=judgement,
            detail=describe(
                judgement,
                "The panel judges the child seriously harmed (the definition is not exhaustive).",
                "The panel judges the child not seriously harmed.",
                "No judgement recorded on serious harm.",
            ),
            source=version.source,
        )
    )
    outcome: bool | None = True if listed else judgement
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=version.edition)


def is_seriously_harmed(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> bool | None:
    """Whether the child was seriously harmed: the outcome of [`assess_serious_harm`][].

    Legal basis:
        As [`assess_serious_harm`][].

    Args:
        incident: The incident.
        on: The date whose edition applies; by default the day the authority became aware.
        procedures: Local procedures.

    Returns:
        ``True``, ``False``, or ``None`` when the facts are not enough.

    Raises:
        InvalidInputError: as [`assess_serious_harm`][].
        RuleNotInForceError: as [`assess_serious_harm`][].

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import (
        ...     AbuseOrNeglect, HarmIndicator, Incident, Place, Residence)
        >>> incident = Incident(incident_date=dt.date(2012, 3, 1), aware_on=dt.date(2012, 3, 1),
        ...     age_at_incident=9, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN,
        ...     harm_indicators={HarmIndicator.SERIOUS_SEXUAL_ABUSE})
        >>> is_seriously_harmed(incident, on=dt.date(2012, 3, 1))   # listed in WT2010
        True
    """
    return assess_serious_harm(incident, on=on, procedures=procedures).outcome
