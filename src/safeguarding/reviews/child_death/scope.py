"""Which deaths the area's child death review partners review.

A "child death" is the death of a child born alive who died before their 18th birthday.
Stillbirths, late foetal losses and lawful terminations of pregnancy are not child
deaths, and neither is a baby born alive after a planned lawful termination. The
partners must review the child death of a child normally resident in their area
(Children Act 2004, s16M(1); before 29 June 2018 the LSCB, under the LSCB Regulations
2006, reg 6); they *may* also review a child death in their area of a child not
normally resident there (s16M(2)), and their
[`Procedures`][safeguarding.procedures.Procedures] say whether they do (rule
``child_death.review_non_resident_deaths``). [`in_scope`][] decides.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.people import Child
    >>> from safeguarding.places import Place, Residence
    >>> from safeguarding.reviews.child_death.records import ChildDeath
    >>> visitor = ChildDeath(
    ...     child=Child(identifier="V1", date_of_birth=dt.date(2015, 6, 1)),
    ...     date_of_death=dt.date(2021, 8, 14),
    ...     residence=Residence.ELSEWHERE_IN_ENGLAND,
    ...     place=Place.IN_AREA,
    ... )
    >>> in_scope(visitor, on=dt.date(2021, 8, 14)).outcome.value
    'review permitted'
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from safeguarding._validate import check_date
from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.families import criteria
from safeguarding.logic import not_
from safeguarding.people import age_on
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews.child_death.records import ChildDeath, _check_death
from safeguarding.reviews.child_death.regime import (
    _BIRTHS_AND_DEATHS_REGISTRATION_ACT_1953,
    _LSCB_DUTY,
    _OSR_2011_URL,
    _PARTNERS_DUTY,
    DFE_CHILD_DEATH_STATISTICS,
    _from_partners_duty,
)
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    CHILD_DEATH_REVIEW_GUIDANCE_2018,
    CHILDREN_ACT_2004,
    LSCB_REGULATIONS_2006,
    WORKING_TOGETHER_2015,
)

__all__ = [
    "AGE_LIMIT",
    "EXCLUDED_DEATHS",
    "REVIEW_DUTY",
    "REVIEW_NON_RESIDENT_DEATHS",
    "STILLBIRTH_GESTATION",
    "AreaLink",
    "ReviewScope",
    "in_scope",
]


class AreaLink(enum.Enum):
    """How a death is linked to the area of the child death review partners."""

    NORMALLY_RESIDENT = "normally resident in the area"
    """The child was normally resident in the area (wherever the death happened)."""
    DIED_IN_AREA = "died in the area"
    """The child died in the area but was not normally resident there."""


class ReviewScope(enum.Enum):
    """Whether the partners for an area review a death."""

    REQUIRED = "review required"
    """A child death of a child normally resident in the area: the partners must review it."""
    DISCRETIONARY = "review permitted"
    """A child death in the area of a child not normally resident there: it may be reviewed."""
    NOT_IN_SCOPE = "not in scope"
    """Not a child death, or no link to the area that brings it into the area's reviews."""
    UNDETERMINED = "undetermined"
    """The facts given are not enough to decide."""


@attrs.frozen(kw_only=True)
class _ReviewDuty:
    """Which deaths the area's reviewers must, and may, review."""

    required: AreaLink
    permitted: AreaLink | None

    def describe(self) -> str:
        permitted = (
            f"; may review a death of a child {self.permitted.value} (not normally resident)"
            if self.permitted is not None
            else "; no power to review other deaths"
        )
        return f"must review each death of a child {self.required.value}{permitted}"


REVIEW_DUTY: DatedRule[_ReviewDuty] = register(
    DatedRule(
        key="child_death.review_duty",
        title="Which child deaths the area must, and may, review",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=_ReviewDuty(required=AreaLink.NORMALLY_RESIDENT, permitted=None),
                source=LSCB_REGULATIONS_2006.cite(
                    "reg 6",
                    Verification.SECONDARY,
                    note="From 1 April 2008 LSCBs reviewed the deaths of all children normally "
                    "resident in their area (DfE OSR 11/2011, studylib copy read; reg 6(1)(a)-(b) "
                    "quoted in a tri.x copy of Working Together read). Regulation not read on "
                    "legislation.gov.uk.",
                ),
                edition="LSCB 2008",
            ),
            Version(
                in_force_from=_PARTNERS_DUTY,
                value=_ReviewDuty(
                    required=AreaLink.NORMALLY_RESIDENT, permitted=AreaLink.DIED_IN_AREA
                ),
                source=_from_partners_duty(
                    CHILDREN_ACT_2004.cite(
                        "s16M(1), (2)",
                        Verification.PRIMARY,
                        url="https://www.legislation.gov.uk/ukpga/2004/31/part/2/crossheading/"
                        "child-death-review-partners-for-local-authority-areas",
                        note="Read on legislation.gov.uk: (1) the partners must make arrangements "
                        "for the review of each death of a child normally resident in the area; "
                        "(2) they may also, if they consider it appropriate, review a death in "
                        "their area of a child not normally resident there. Inserted 29.6.2018 by "
                        "CSWA 2017 s24 (SI 2018/497 reg 3(m)); local arrangements in place by 29 "
                        "September 2019.",
                    )
                ),
                edition="CDR partners 2018",
            ),
        ),
    )
)

REVIEW_NON_RESIDENT_DEATHS: DatedRule[bool] = register(
    DatedRule(
        key="child_death.review_non_resident_deaths",
        title="Whether the partners review deaths in the area of children not normally "
        "resident there",
        versions=(
            Version(
                in_force_from=_PARTNERS_DUTY,
                value=False,
                source=_from_partners_duty(
                    CHILDREN_ACT_2004.cite(
                        "s16M(2)",
                        Verification.PRIMARY,
                        url="https://www.legislation.gov.uk/ukpga/2004/31/part/2/crossheading/"
                        "child-death-review-partners-for-local-authority-areas",
                        note="Read on legislation.gov.uk: the partners 'may also, if they consider "
                        "it appropriate, review' a death in their area of a child not normally "
                        "resident there. A power, not a duty: until the partners' procedures say "
                        "they use it, the area of residence reviews (the library's reading of the "
                        "power; local procedures set this rule to use it).",
                    )
                ),
                edition="CDR partners 2018",
            ),
        ),
    )
)
"""No, nationally: a power the partners' procedures may use (s16M(2))."""

AGE_LIMIT: DatedRule[int] = register(
    DatedRule(
        key="child_death.age_limit",
        title="Age before which a death is a child death (years)",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=18,
                source=DFE_CHILD_DEATH_STATISTICS.cite(
                    "OSR 11/2011, introduction",
                    Verification.SECONDARY,
                    url=_OSR_2011_URL,
                    note="Deaths of all children from birth (excluding stillborn babies) up to 18 "
                    "years (studylib copy of the DfE release read).",
                ),
                edition="LSCB 2008",
            ),
            Version(
                in_force_from=_PARTNERS_DUTY,
                value=18,
                source=_from_partners_duty(
                    CHILDREN_ACT_2004.cite(
                        "s16M with s65(1) ('child' means a person under 18)",
                        Verification.SECONDARY,
                        note="s16M read; the s65 definition of 'child' is restated in the CDR "
                        "guidance's scope (any person under 18, before their 18th birthday), not "
                        "read.",
                    )
                ),
                edition="CDR partners 2018",
            ),
        ),
    )
)

STILLBIRTH_GESTATION: DatedRule[int] = register(
    DatedRule(
        key="child_death.stillbirth_gestation",
        title="Completed weeks of pregnancy from which a baby born without signs of life is "
        "stillborn (before: late foetal loss)",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=24,
                source=_BIRTHS_AND_DEATHS_REGISTRATION_ACT_1953.cite(
                    "s41 'stillborn child' (as amended by the Stillbirth (Definition) Act 1992)",
                    Verification.SECONDARY,
                    note="Born after the 24th week of pregnancy without breathing or showing any "
                    "other signs of life; restated in the scope exclusions of the Child Death "
                    "Review Statutory and Operational Guidance (England) 2018 as given in local "
                    "CDOP protocols (e.g. Cambridgeshire and Peterborough); the primary text "
                    "was not checked. "
                    "In force since 1992; encoded from the start of the CDR duty only.",
                ),
            ),
        ),
    )
)

EXCLUDED_DEATHS: DatedRule[tuple[str, ...]] = register(
    DatedRule(
        key="child_death.excluded_deaths",
        title="Deaths that are not child deaths for review",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=(
                    "stillbirths (no signs of life)",
                    "planned terminations of pregnancy carried out within the law",
                ),
                source=WORKING_TOGETHER_2015.cite(
                    "chapter 5 (and the 2010 edition, chapter 7)",
                    Verification.SECONDARY,
                    note="Restated: babies who are stillborn and planned terminations carried out "
                    "within the law are excluded (Lewisham LSCB annual report 2018/19 on WT2015 "
                    "ch.5; DfE OSR 11/2011). Official text not read.",
                ),
                edition="LSCB 2008",
            ),
            Version(
                in_force_from=_PARTNERS_DUTY,
                value=(
                    "stillbirths (no signs of life, born at or after 24 weeks)",
                    "late foetal losses (no signs of life, born before 24 weeks)",
                    (
                        "lawful terminations of pregnancy at any gestation, including a baby born "
                        "alive after a planned lawful termination"
                    ),
                ),
                source=_from_partners_duty(
                    CHILD_DEATH_REVIEW_GUIDANCE_2018.cite(
                        "Terminology ('child death')",
                        Verification.SECONDARY,
                        note="S+: Cambridgeshire and Peterborough CDOP protocol, Manchester "
                        "partnership; NCMD data-security page (primary) for live births under 18. "
                        "Terminology section not read.",
                    ),
                    guidance=True,
                ),
                edition="CDR partners 2018",
            ),
        ),
    )
)


def _not_born_alive_label(death: ChildDeath, on: dt.date, procedures: Procedures) -> str:
    weeks = death.gestation_weeks
    if weeks is None:
        return "a stillbirth or late foetal loss (gestation not given)"
    threshold = STILLBIRTH_GESTATION.at(on, procedures=procedures).value
    return "a stillbirth" if weeks >= threshold else "a late foetal loss"


def _scope_findings(death: ChildDeath, on: dt.date, procedures: Procedures) -> list[Finding]:
    excluded = EXCLUDED_DEATHS.at(on, procedures=procedures).source
    age_version = AGE_LIMIT.at(on, procedures=procedures)
    if death.born_alive is None:
        born_detail = "It is not known whether the baby showed signs of life at birth."
    elif death.born_alive:
        born_detail = "The child was born alive."
    else:
        label = _not_born_alive_label(death, on, procedures)
        born_detail = f"Not born alive: {label}, not a child death."
    termination = {
        True: "The pregnancy was ended by a lawful termination: excluded, even if the baby was "
        "born alive after it.",
        False: "The pregnancy was not ended by a lawful termination.",
        None: "It is not known whether the pregnancy was ended by a lawful termination.",
    }[death.lawful_termination]
    age = death.age_at_death
    age_detail = f"Aged {age} at death (limit: under {age_version.value})."
    if death.date_of_incident is not None:
        age_at_incident = age_on(death.date_of_birth, death.date_of_incident)
        age_detail += f" Aged {age_at_incident} at the incident; the age at death decides."
    return [
        Finding(criterion="born alive", met=death.born_alive, detail=born_detail, source=excluded),
        Finding(
            criterion="not a lawful termination",
            met=not_(death.lawful_termination),
            detail=termination,
            source=excluded,
        ),
        Finding(
            criterion="died before the 18th birthday",
            met=age < age_version.value,
            detail=age_detail,
            source=age_version.source,
        ),
    ]


def _area_link(death: ChildDeath, duty: _ReviewDuty) -> tuple[ReviewScope, bool | None, str]:
    """The scope the area link gives, whether the link is met, and why."""
    resident, died_here = death.normally_resident_in_area, death.died_in_area
    permitted = duty.permitted is not None
    if resident:
        return ReviewScope.REQUIRED, True, "Normally resident in the area: the review is required."
    if resident is None:
        return (
            ReviewScope.UNDETERMINED,
            None,
            "Not known whether the child was normally resident in the area.",
        )
    if permitted and died_here:
        return (
            ReviewScope.DISCRETIONARY,
            True,
            "Not normally resident, but died in the area: the partners may review the death.",
        )
    if permitted and died_here is None:
        return (
            ReviewScope.UNDETERMINED,
            None,
            "Not normally resident; not known whether the death happened in the area.",
        )
    return (
        ReviewScope.NOT_IN_SCOPE,
        False,
        "Not normally resident in the area"
        + (" and did not die in it." if permitted else ": the area of residence reviews."),
    )


@criteria(
    "child_death.review_duty",
    "child_death.age_limit",
    "child_death.excluded_deaths",
    "child_death.stillbirth_gestation",
    "child_death.review_non_resident_deaths",
    calls="in_scope_calls",
)
def in_scope(
    death: ChildDeath, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[ReviewScope]:
    """Decide whether the area's child death review partners review a death.

    The rule: a *child death* is the death of a child born alive who died
    before their 18th birthday, other than after a lawful termination of
    pregnancy (even if the baby was born alive). Stillbirths and late
    foetal losses are not child deaths. The partners must review the child
    death of a child normally resident in their area; since 29 June 2018
    they may also review a child death in their area of a child not
    normally resident there. The age that counts is the age at death, not
    at the incident that led to it.

    Legal basis:
        Children Act 2004, s16M(1)-(2) (from 29 June 2018; LSCB
        Regulations 2006, reg 6, before); Child Death Review Statutory and
        Operational Guidance 2018 (exclusions). Rules
        ``child_death.review_duty``, ``child_death.age_limit``,
        ``child_death.excluded_deaths``, ``child_death.review_non_resident_deaths``.

    Args:
        death: The facts of the death.
        on: The date whose rules apply (usually the date of death).
        procedures: Local procedures. Whether the partners use their power to review
            non-resident deaths (rule ``child_death.review_non_resident_deaths``) is only
            reported as a finding: it does not change the outcome.

    Returns:
        A decision whose outcome is a [`ReviewScope`][], with findings
        on birth, termination, age and the link to the area.

    Raises:
        InvalidInputError: *death* is not a [`ChildDeath`][], *on* is not
            a date, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 1 April 2008.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.people import Child
        >>> from safeguarding.places import Place, Residence
        >>> baby = Child(identifier="S1", date_of_birth=dt.date(2021, 5, 3))
        >>> stillbirth = ChildDeath(child=baby, date_of_death=dt.date(2021, 5, 3),
        ...                         born_alive=False, gestation_weeks=38,
        ...                         residence=Residence.IN_AREA)
        >>> in_scope(stillbirth, on=dt.date(2021, 5, 3)).outcome.value
        'not in scope'
    """
    death = _check_death(death)
    check_date("on", on)
    procedures = check_procedures(procedures)
    duty_version = REVIEW_DUTY.at(on, procedures=procedures)
    findings = _scope_findings(death, on, procedures)
    link_scope, link_met, link_detail = _area_link(death, duty_version.value)
    findings.append(
        Finding(
            criterion="link to the area",
            met=link_met,
            detail=link_detail,
            source=duty_version.source,
        )
    )
    if link_scope is ReviewScope.DISCRETIONARY:
        local = REVIEW_NON_RESIDENT_DEATHS.at(on, procedures=procedures)
        choice = "do" if local.value else "do not"
        findings.append(
            Finding(
                criterion="local arrangements",
                met=local.value,
                detail=f"The partners' procedures {choice} review deaths in the area of children "
                "not normally resident there.",
                source=local.source,
            )
        )
    child_death = [finding.met for finding in findings[:3]]
    if False in child_death:
        outcome = ReviewScope.NOT_IN_SCOPE
    elif None in child_death:
        outcome = ReviewScope.UNDETERMINED
    else:
        outcome = link_scope
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=duty_version.edition)
