"""Unexpected deaths: whether a death was expected, and whether it calls for a joint response.

A death is unexpected if it was not anticipated as a significant possibility beforehand,
or if a similarly unexpected collapse or incident led to or precipitated the events that
led to it ([`expectedness`][]). Since 29 June 2018 the circumstances that call for a
Joint Agency Response are those of the Child Death Review Statutory and Operational
Guidance (external causes, a sudden death with no apparent cause, a death in custody or
detention, suspicion the death was not natural, an unattended stillbirth); before then
the LSCB's rapid response covered every unexpected child death
([`joint_agency_response`][]).
"""

from __future__ import annotations

import datetime as dt
import enum

from safeguarding._validate import check_date
from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.families import criteria
from safeguarding.logic import not_
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews.child_death.records import ChildDeath, _check_death
from safeguarding.reviews.child_death.regime import (
    _LSCB_DUTY,
    _PARTNERS_DUTY,
    _STAFFS_URL,
    _WT2015,
    _WT2023,
    _from_lscb_duty,
    _from_partners_duty,
)
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    CHILD_DEATH_REVIEW_GUIDANCE_2018,
    LSCB_REGULATIONS_2006,
    WORKING_TOGETHER_2010,
    WORKING_TOGETHER_2015,
    WORKING_TOGETHER_2023,
)

__all__ = [
    "JOINT_AGENCY_RESPONSE",
    "UNEXPECTED_DEATH",
    "Expectedness",
    "JarTrigger",
    "JointAgencyResponse",
    "expectedness",
    "joint_agency_response",
]


class Expectedness(enum.Enum):
    """Whether a child's death was expected or unexpected, as the guidance defines it."""

    EXPECTED = "expected"
    """Anticipated as a significant possibility, and no unexpected collapse or incident."""
    UNEXPECTED = "unexpected"
    """Not anticipated, or an unexpected collapse or incident led to the death."""
    UNDETERMINED = "undetermined"
    """The facts given are not enough to decide."""


class JarTrigger(enum.Enum):
    """A circumstance that calls for a Joint Agency Response (before 2018: a rapid response)."""

    UNEXPECTED_DEATH = "the death of a child was unexpected"
    """LSCB era: a coordinated response to every unexpected death."""
    EXTERNAL_CAUSES = "the death is or could be due to external causes"
    SUDDEN_NO_APPARENT_CAUSE = (
        "the death is sudden and there is no immediately apparent cause (including SUDI/C)"
    )
    CUSTODY_OR_DETENTION = (
        "the death occurred in custody, or while the child was detained under mental health law"
    )
    SUSPICION_NOT_NATURAL = (
        "the initial circumstances raise any suspicion the death was not natural"
    )
    UNATTENDED_STILLBIRTH = "a stillbirth with no healthcare professional in attendance"


class JointAgencyResponse(enum.Enum):
    """Whether a death calls for a Joint Agency Response."""

    REQUIRED = "required"
    """At least one circumstance applies."""
    NOT_REQUIRED = "not required"
    """No circumstance applies."""
    UNDETERMINED = "undetermined"
    """None is known to apply, and some facts are missing."""


UNEXPECTED_DEATH: DatedRule[str] = register(
    DatedRule(
        key="child_death.unexpected_death",
        title="Definition of an unexpected death of a child",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value="not anticipated as a significant possibility, for example 24 hours before "
                "the death; or a similarly unexpected collapse or incident led to or precipitated "
                "the events that led to the death",
                source=_from_lscb_duty(
                    WORKING_TOGETHER_2010.cite(
                        "chapter 7, 'unexpected death'",
                        Verification.SECONDARY,
                        note="Wording of WT2010/2013/2015 restated by Staffordshire SCB "
                        "(definitions page, read); the 2006 edition was not read.",
                        url=_STAFFS_URL,
                    )
                ),
                edition="WT2010",
            ),
            Version(
                in_force_from=_WT2015.in_effect.day,
                value="not anticipated as a significant possibility, for example 24 hours before "
                "the death; or a similarly unexpected collapse or incident led to or precipitated "
                "the events that led to the death",
                source=_WT2015.dated(
                    WORKING_TOGETHER_2015.cite(
                        "chapter 5, 'Definition of an unexpected death of a child'",
                        Verification.SECONDARY,
                        url=_STAFFS_URL,
                        note="Staffordshire SCB definitions page (read); Sussex and Pan-Dorset "
                        "agree.",
                    )
                ),
                edition="WT2015",
            ),
            Version(
                in_force_from=_PARTNERS_DUTY,
                value="not anticipated as a significant possibility, for example 24 hours before "
                "the death; or a similarly unexpected collapse or incident led to or precipitated "
                "the events that led to the death",
                source=_from_partners_duty(
                    CHILD_DEATH_REVIEW_GUIDANCE_2018.cite(
                        "Terminology ('unexpected death')",
                        Verification.UNVERIFIED,
                        note="Believed unchanged from WT2015; the terminology section was not "
                        "read.",
                    ),
                    guidance=True,
                ),
                edition="CDR partners 2018",
            ),
            Version(
                in_force_from=_WT2023.in_effect.day,
                value="not anticipated as a significant possibility 24 hours before the death; "
                "or a similarly unexpected collapse or incident led to or precipitated the events "
                "that led to the death",
                source=_WT2023.dated(
                    WORKING_TOGETHER_2023.cite(
                        "chapter 6",
                        Verification.SECONDARY,
                        url="https://www.wakefieldscp.org.uk/resources/child-death-joint-agency-response-meeting-omg/",
                        note="Wakefield one-minute guide citing WT2023 ch.6 drops 'for example'. "
                        "The library keeps the 24 hours as an illustration: the caller judges "
                        "whether the death was anticipated.",
                    )
                ),
                edition="WT2023",
            ),
        ),
    )
)

JOINT_AGENCY_RESPONSE: DatedRule[tuple[JarTrigger, ...]] = register(
    DatedRule(
        key="child_death.joint_agency_response",
        title="Circumstances that call for a joint agency (rapid) response",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=(JarTrigger.UNEXPECTED_DEATH,),
                source=LSCB_REGULATIONS_2006.cite(
                    "reg 6(1)(b)",
                    Verification.SECONDARY,
                    note="A coordinated response by the authority, its Board partners and others "
                    "to an unexpected death (regulation quoted in a tri.x copy of Working "
                    "Together, read; Norfolk 2018: only unexpected deaths get the rapid response).",
                ),
                edition="LSCB 2008",
            ),
            Version(
                in_force_from=_PARTNERS_DUTY,
                value=(
                    JarTrigger.EXTERNAL_CAUSES,
                    JarTrigger.SUDDEN_NO_APPARENT_CAUSE,
                    JarTrigger.CUSTODY_OR_DETENTION,
                    JarTrigger.SUSPICION_NOT_NATURAL,
                    JarTrigger.UNATTENDED_STILLBIRTH,
                ),
                source=_from_partners_duty(
                    CHILD_DEATH_REVIEW_GUIDANCE_2018.cite(
                        "chapter 2, Joint Agency Response",
                        Verification.SECONDARY,
                        url="https://nottinghamshirescp.trixonline.co.uk/chapter/child-death-review-procedures",
                        note="Five circumstances restated by Nottinghamshire's CDR procedure; "
                        "NCMD's JAR guidance (primary) says they did not change. Timings (24-hour "
                        "joint visit) unconfirmed and not encoded. An unattended stillbirth calls "
                        "for a JAR but is not a child death for review.",
                    ),
                    guidance=True,
                ),
                edition="CDR partners 2018",
            ),
        ),
    )
)


@criteria("child_death.unexpected_death", calls="expectedness_calls")
def expectedness(
    death: ChildDeath, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[Expectedness]:
    """Decide whether a child's death was expected or unexpected.

    The rule: a death is unexpected if it was not anticipated as a
    significant possibility beforehand (the guidance's example: 24 hours
    before the death), or if a similarly unexpected collapse or incident
    led to or precipitated the events that led to it. Any other death is
    expected. The 24 hours is an illustration; the caller judges whether the
    death was anticipated.

    Legal basis:
        Working Together 2010 ch.7 / 2015 ch.5 / 2023 ch.6; Child Death
        Review Statutory and Operational Guidance 2018, terminology. Rule
        ``child_death.unexpected_death`` (secondary; 2018 wording unverified).

    Args:
        death: The facts of the death (``anticipated``, ``unexpected_collapse``).
        on: The date whose rules apply (usually the date of death).
        procedures: Local procedures.

    Returns:
        A decision whose outcome is an [`Expectedness`][].

    Raises:
        InvalidInputError: *death* is not a [`ChildDeath`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 1 April 2008.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.people import Child
        >>> death = ChildDeath(child=Child(identifier="U1", date_of_birth=dt.date(2020, 1, 10)),
        ...                    date_of_death=dt.date(2020, 4, 2), anticipated=False)
        >>> expectedness(death, on=dt.date(2020, 4, 2)).outcome.value
        'unexpected'
    """
    death = _check_death(death)
    check_date("on", on)
    version = UNEXPECTED_DEATH.at(on, procedures=check_procedures(procedures))
    not_anticipated = not_(death.anticipated)
    collapse = death.unexpected_collapse
    findings = (
        Finding(
            criterion="not anticipated as a significant possibility",
            met=not_anticipated,
            detail={
                True: "The death was not anticipated as a significant possibility beforehand.",
                False: "The death was anticipated as a significant possibility.",
                None: "Not known whether the death was anticipated.",
            }[not_anticipated],
            source=version.source,
        ),
        Finding(
            criterion="unexpected collapse or incident",
            met=collapse,
            detail={
                True: "A similarly unexpected collapse or incident led to the fatal events.",
                False: "No unexpected collapse or incident led to the death.",
                None: "Not known whether an unexpected collapse or incident led to the death.",
            }[collapse],
            source=version.source,
        ),
    )
    if not_anticipated or collapse:
        outcome = Expectedness.UNEXPECTED
    elif not_anticipated is False and collapse is False:
        outcome = Expectedness.EXPECTED
    else:
        outcome = Expectedness.UNDETERMINED
    return Decision(outcome=outcome, findings=findings, rule_version=version.edition)


_SIMPLE_TRIGGERS: dict[JarTrigger, str] = {
    JarTrigger.EXTERNAL_CAUSES: "external_causes",
    JarTrigger.SUDDEN_NO_APPARENT_CAUSE: "sudden_without_apparent_cause",
    JarTrigger.CUSTODY_OR_DETENTION: "in_custody_or_detained",
    JarTrigger.SUSPICION_NOT_NATURAL: "suspicion_not_natural",
}

_EXPECTEDNESS_MET: dict[Expectedness, bool | None] = {
    Expectedness.UNEXPECTED: True,
    Expectedness.EXPECTED: False,
    Expectedness.UNDETERMINED: None,
}


def _trigger_met(
    trigger: JarTrigger, death: ChildDeath, on: dt.date, procedures: Procedures
) -> bool | None:
    """Whether one JAR trigger applies to the death (``None``: not known)."""
    if trigger in _SIMPLE_TRIGGERS:
        met: bool | None = getattr(death, _SIMPLE_TRIGGERS[trigger])
        return met
    if trigger is JarTrigger.UNEXPECTED_DEATH:
        if death.born_alive is False:
            return False
        return _EXPECTEDNESS_MET[expectedness(death, on=on, procedures=procedures).outcome]
    # An unattended stillbirth: not born alive, and no healthcare professional present.
    if death.born_alive is None:
        return None
    if death.born_alive:
        return False
    return not_(death.healthcare_professional_present)


@criteria(
    "child_death.joint_agency_response",
    "child_death.unexpected_death",
    calls="joint_agency_response_calls",
)
def joint_agency_response(
    death: ChildDeath, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[JointAgencyResponse]:
    """Decide whether a death calls for a Joint Agency Response.

    The rule (from 29 June 2018): a Joint Agency Response is needed when the
    death is or could be due to external causes; is sudden with no
    immediately apparent cause (including SUDI/C); happens in custody or
    while the child is detained under mental health law; when the initial
    circumstances raise any suspicion that it was not natural; or for a
    stillbirth with no healthcare professional in attendance. Before then,
    the LSCB's rapid response covered every unexpected child death. One
    trigger met is enough; if none is met but some facts are missing, the
    answer is undetermined.

    Legal basis:
        Child Death Review Statutory and Operational Guidance 2018, ch.2
        (secondary); LSCB Regulations 2006, reg 6(1)(b) before. Rule
        ``child_death.joint_agency_response``.

    Args:
        death: The facts of the death.
        on: The date whose rules apply (the date of death).
        procedures: Local procedures.

    Returns:
        A decision whose outcome is a [`JointAgencyResponse`][], with one
        finding per trigger.

    Raises:
        InvalidInputError: *death* is not a [`ChildDeath`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 1 April 2008.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.people import Child
        >>> death = ChildDeath(
        ...     child=Child(identifier="J1", date_of_birth=dt.date(2022, 1, 4)),
        ...     date_of_death=dt.date(2022, 6, 1),
        ...     sudden_without_apparent_cause=True,
        ... )
        >>> joint_agency_response(death, on=dt.date(2022, 6, 1)).outcome.value
        'required'
    """
    death = _check_death(death)
    check_date("on", on)
    procedures = check_procedures(procedures)
    version = JOINT_AGENCY_RESPONSE.at(on, procedures=procedures)
    findings = tuple(
        Finding(
            criterion=trigger.value,
            met=(met := _trigger_met(trigger, death, on, procedures)),
            detail={
                True: "This circumstance applies.",
                False: "This circumstance does not apply.",
                None: "Not known whether this circumstance applies.",
            }[met],
            source=version.source,
        )
        for trigger in version.value
    )
    results = [finding.met for finding in findings]
    if True in results:
        outcome = JointAgencyResponse.REQUIRED
    elif None in results:
        outcome = JointAgencyResponse.UNDETERMINED
    else:
        outcome = JointAgencyResponse.NOT_REQUIRED
    return Decision(outcome=outcome, findings=findings, rule_version=version.edition)
