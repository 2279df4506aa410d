"""Child death review: which deaths are reviewed, how a panel categorises them, and its figures.

Every death of a child normally resident in a local authority area in
England is reviewed by the area's child death review partners, through a
Child Death Overview Panel (CDOP). Before 29 June 2018 the duty lay on the
Local Safeguarding Children Board (from 1 April 2008); since then it lies on
the child death review partners (the local authority and the clinical
commissioning group, now the integrated care board) under the Children Act
2004, s16M. The partners *may* also review a death in their area of a child
not normally resident there.

A "child death" is the death of a child born alive who died before their
18th birthday. Stillbirths, late foetal losses and lawful terminations of
pregnancy are not child deaths, and neither is a baby born alive after a
planned lawful termination. A baby born alive at 22 weeks' gestation who
then dies *is* a child death.

The panel then:

* categorises the death into one of ten nationally defined **categories**
  ([`Category`][]). Where more than one could apply, the scheme is
  hierarchical: the category highest in the list wins ([`categorise`][]).
  The panel may override that, and the override is recorded. Sudden
  unexpected death in infancy (SUDI) is not a category: it is how a death
  presents, and after review it may land in any of several categories.
  Sudden unexpected death in epilepsy (SUDEP) goes to category 5 (acute
  medical or surgical condition), never to category 10;
* records the factors it found in four **domains** (the child; the social
  environment, including family and parenting capacity; the physical
  environment; service provision), each scored on the analysis form's scale
  ([`FactorLevel`][]);
* concludes, separately, whether the death had **modifiable factors**:
  modifiable, not modifiable, or *insufficient information*
  ([`ModifiableConclusion`][]). The conclusion is the panel's judgement,
  never arithmetic on the domain scores: a factor can have contributed to a
  death (extreme prematurity) without being modifiable.

Panel figures ([`compute_figures`][]) count notifications, unexpected
deaths, reviews completed, reviews with modifiable factors, reviews by
category and referrals to the case review panel. The percentage with
modifiable factors is taken over the reviews that had enough information:
reviews concluding "insufficient information" leave the denominator, as the
national statistics do.

Every rule is a [`DatedRule`][safeguarding.rules.DatedRule] under the
``child_death.`` prefix, with an honest verification status: the statute
(s16M) was read; the category list, its hierarchy instruction and what each
category includes could only partly be confirmed and are marked so. The
partners' own choices (whether they review non-residents' deaths, whether the
hierarchy applies) are rules with a national default that their
[`Procedures`][safeguarding.procedures.Procedures] may set, citing their own
document; every decision function takes them as ``procedures=``.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.people import Child
    >>> death = ChildDeath(
    ...     child=Child(identifier="X1", date_of_birth=dt.date(2019, 3, 1)),
    ...     date_of_death=dt.date(2019, 3, 9),
    ...     normally_resident_in_area=True,
    ... )
    >>> in_scope(death, on=dt.date(2019, 3, 9)).outcome.value
    'review required'
    >>> decision = categorise([Category.PERINATAL_NEONATAL, Category.INFECTION],
    ...                       on=dt.date(2020, 1, 6))
    >>> print(decision.outcome)
    8 Perinatal/neonatal event
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from safeguarding._validate import (
    check_date,
    check_int,
    is_bool,
    is_date,
    is_instance,
    is_int,
    is_member,
    is_optional_bool,
    is_optional_date,
    is_str,
    is_tuple_of,
)
from safeguarding.citations import Instrument, Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.publication import round_half_up
from safeguarding.indicators.statistics import Interval, wilson_interval
from safeguarding.logic import not_
from safeguarding.people import Child, age_on
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.reviews._checks import check_procedures, rules_date
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    CHILD_DEATH_REVIEW_GUIDANCE_2018,
    CHILDREN_ACT_2004,
    LSCB_REGULATIONS_2006,
    WORKING_TOGETHER_2015,
    WORKING_TOGETHER_2023,
)

__all__ = [
    "AGE_LIMIT",
    "APPLY_CATEGORY_HIERARCHY",
    "CATEGORIES",
    "CATEGORY_HIERARCHY",
    "CATEGORY_INCLUSIONS",
    "CDOP_FORM_C",
    "DFE_CHILD_DEATH_STATISTICS",
    "DOMAINS",
    "DOMAIN_SCALE",
    "EXCLUDED_DEATHS",
    "JOINT_AGENCY_RESPONSE",
    "MODIFIABLE_FACTORS",
    "MODIFIABLE_PERCENTAGE",
    "NCMD_ANALYSIS_FORM",
    "NCMD_CATEGORY_CLARIFICATIONS",
    "NHS_DIGITAL_CHILD_DEATH_STATISTICS",
    "REVIEW_DUTY",
    "REVIEW_NON_RESIDENT_DEATHS",
    "STILLBIRTH_GESTATION",
    "SUDEP_CATEGORY",
    "UNEXPECTED_DEATH",
    "WORKING_TOGETHER_2010",
    "AreaLink",
    "Categorisation",
    "Category",
    "CategoryCount",
    "ChildDeath",
    "ChildDeathReview",
    "Domain",
    "DomainAssessment",
    "Expectedness",
    "FactorLevel",
    "JarTrigger",
    "JointAgencyResponse",
    "ModifiableConclusion",
    "PanelFigures",
    "ReviewScope",
    "Share",
    "assess_modifiable_factors",
    "categorise",
    "compute_figures",
    "expectedness",
    "in_scope",
    "joint_agency_response",
]

T = TypeVar("T")

# ------------------------------------------------------------------ instruments
# Sources not in safeguarding.sources: the CDOP forms, the national statistics
# and the NCMD clarifications. Defined here because only this module cites them.

WORKING_TOGETHER_2010 = Instrument(title="Working Together to Safeguard Children 2010")
"""*Working Together* 2010 (chapter 7, child death reviews); no stable official link."""

CDOP_FORM_C = Instrument(
    title="Child Death Overview Panel Form C: Analysis Proforma (England, 2008 to March 2019)"
)
"""The national CDOP analysis form used until the NCMD forms replaced it on 1 April 2019."""

NCMD_ANALYSIS_FORM = Instrument(
    title="Child death review analysis form (England, from 1 April 2019)",
    url="https://www.gov.uk/government/publications/child-death-reviews-forms-for-reporting-child-deaths",
)
"""The statutory analysis form completed by the CDOP and sent to the NCMD."""

NCMD_CATEGORY_CLARIFICATIONS = Instrument(
    title="National Child Mortality Database, 'Category of death: clarifications'",
    url="https://www.ncmd.info/professionals/",
)
"""The NCMD's clarifications on recording the category of death."""

DFE_CHILD_DEATH_STATISTICS = Instrument(
    title="Department for Education, Child death reviews (official statistics, 2010 to 2015)",
    url="https://www.gov.uk/government/statistics/child-death-reviews-completed-in-england-year-ending-31-march-2012",
)
"""DfE's annual releases on child death reviews (OSR 11/2011, OSR 14/2012, ...)."""

NHS_DIGITAL_CHILD_DEATH_STATISTICS = Instrument(
    title="NHS Digital, Child Death Reviews: year ending 31 March 2018 (official statistics)",
    url="https://digital.nhs.uk/data-and-information/publications/statistical/child-death-reviews/2018",
)
"""The last national release before the NCMD took over the data."""

_BIRTHS_AND_DEATHS_REGISTRATION_ACT_1953 = Instrument(
    title="Births and Deaths Registration Act 1953",
    url="https://www.legislation.gov.uk/ukpga/Eliz2/1-2/20",
)

# Dates the regime changed: the LSCB child death review duty (LSCB Regulations 2006,
# SI 2006/90, reg 6, from 1 April 2008); DfE's switch from "preventable" deaths to
# "modifiable factors" (1 April 2010, DfE child death reviews release OSR 11/2011); the
# child death review partners' duty (Children Act 2004 s16M, in force 29 June 2018 under
# SI 2018/497); the NCMD forms (1 April 2019, gov.uk "Child death reviews: forms for
# reporting child deaths"); Working Together 2023 (published 15 December 2023).
_LSCB_DUTY = dt.date(2008, 4, 1)
_MODIFIABLE_FROM = dt.date(2010, 4, 1)
_PARTNERS_DUTY = dt.date(2018, 6, 29)
_NCMD_FORMS = dt.date(2019, 4, 1)
_WT2023 = dt.date(2023, 12, 15)

_OSR_2011_URL = "https://studylib.net/doc/12526596/statistical-release"
_STAFFS_URL = (
    "https://www.staffsscb.org.uk/Professionals/Procedures/Section-Ten/Definitions/Definitions.aspx"
)
_NHS_2018_URL = (
    "https://digital.nhs.uk/data-and-information/publications/statistical/"
    "child-death-reviews/2018/number-of-reviews"
)


# ------------------------------------------------------------------ enums


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


_TITLES: dict[int, str] = {
    1: "Deliberately inflicted injury, abuse or neglect",
    2: "Suicide or deliberate self-inflicted harm",
    3: "Trauma and other external factors",
    4: "Malignancy",
    5: "Acute medical or surgical condition",
    6: "Chronic medical condition",
    7: "Chromosomal, genetic and congenital anomalies",
    8: "Perinatal/neonatal event",
    9: "Infection",
    10: "Sudden unexpected, unexplained death",
}

_INCLUDES: dict[int, str] = {
    1: "homicide by any means (suffocation, shaking, stabbing, shooting, poisoning ...); deaths "
    "from war, terrorism or other mass violence; severe neglect leading to death",
    2: "intentional self-harm by any method, including self-poisoning and substance or solvent "
    "misuse where self-harm was intended",
    3: "isolated head injury, other or multiple trauma, burns, drowning, unintentional "
    "self-poisoning in young children, anaphylaxis and other external factors "
    "(excluding deliberately inflicted injury, category 1)",
    4: "solid tumours, leukaemias, lymphomas and malignant proliferative conditions, even if the "
    "final event was, for example, an infection or a haemorrhage",
    5: "for example Kawasaki disease, acute nephritis, intestinal volvulus, diabetic "
    "ketoacidosis, acute asthma, intussusception, appendicitis; sudden unexpected death in "
    "epilepsy (SUDEP)",
    6: "for example Crohn's disease, liver disease, immune deficiency, even if the final event "
    "was an infection or a haemorrhage; cerebral palsy with a clear post-perinatal cause",
    7: "trisomies and other chromosomal disorders, single-gene defects, neurodegenerative "
    "disease, cystic fibrosis and other congenital anomalies, including cardiac",
    8: "deaths ultimately due to perinatal events, whatever the age at death: sequelae of "
    "prematurity, antepartum or intrapartum hypoxia, bronchopulmonary dysplasia, "
    "post-haemorrhagic hydrocephalus, cerebral palsy with no other cause, early-onset "
    "infection in the first postnatal week",
    9: "a primary infection (not a complication of the categories above) arising after the first "
    "postnatal week, or after discharge of a preterm baby: septicaemia, pneumonia, "
    "meningitis, HIV and others",
    10: "a pathological diagnosis of sudden infant death syndrome or 'unascertained', at any "
    "age; excludes SUDEP (category 5)",
}


class Category(enum.Enum):
    """The ten categories of child death, numbered in hierarchy order (1 is highest).

    The value is the category's number on the CDOP analysis form. ``title``
    is its name and ``includes`` what it covers (rule
    ``child_death.category_inclusions``, unverified). Sudden unexpected
    death in infancy (SUDI) is not a category: it is how a death presents,
    and after review it may be recorded as 10 (unexplained), 3 (for example
    accidental suffocation), 1 (inflicted), 9 (infection), 5 (SUDEP) or
    another category.

    Examples:
        >>> Category(8).title
        'Perinatal/neonatal event'
        >>> Category.SUDDEN_UNEXPLAINED.describe()
        '10 Sudden unexpected, unexplained death'
    """

    DELIBERATELY_INFLICTED = 1
    SUICIDE = 2
    TRAUMA = 3
    MALIGNANCY = 4
    ACUTE_MEDICAL = 5
    CHRONIC_MEDICAL = 6
    CHROMOSOMAL_GENETIC_CONGENITAL = 7
    PERINATAL_NEONATAL = 8
    INFECTION = 9
    SUDDEN_UNEXPLAINED = 10

    @property
    def number(self) -> int:
        """The category's number (its place in the hierarchy)."""
        return int(self.value)

    @property
    def title(self) -> str:
        """The category's name as the analysis form gives it."""
        return _TITLES[self.number]

    @property
    def includes(self) -> str:
        """What the category includes (unverified: see ``child_death.category_inclusions``)."""
        return _INCLUDES[self.number]

    def describe(self) -> str:
        """Number and name: ``"8 Perinatal/neonatal event"``."""
        return f"{self.number} {self.title}"


class Domain(enum.Enum):
    """The four domains in which a panel records factors (the analysis form's A to D)."""

    CHILD = "A"
    """Factors intrinsic to the child (the child's needs)."""
    SOCIAL_ENVIRONMENT = "B"
    """The social environment, including family and parenting capacity."""
    PHYSICAL_ENVIRONMENT = "C"
    """The physical environment."""
    SERVICE_PROVISION = "D"
    """Service provision (delivery of services)."""

    def describe(self) -> str:
        """Letter and name: ``"B social environment, including family and parenting capacity"``."""
        return f"{self.value} {_DOMAIN_NAMES[self]}"


_DOMAIN_NAMES: dict[Domain, str] = {
    Domain.CHILD: "factors intrinsic to the child",
    Domain.SOCIAL_ENVIRONMENT: "social environment, including family and parenting capacity",
    Domain.PHYSICAL_ENVIRONMENT: "physical environment",
    Domain.SERVICE_PROVISION: "service provision",
}


class FactorLevel(enum.Enum):
    """The level of influence of the factors found in a domain (CDOP Form C scale).

    ``1*`` is its own code (factors found but unlikely to have contributed),
    not part of code 1. The level says whether factors *contributed*; it
    never says whether they were *modifiable*.
    """

    NOT_AVAILABLE = "0"
    """Information not available."""
    NONE_IDENTIFIED = "1"
    """No factors identified."""
    UNLIKELY_TO_HAVE_CONTRIBUTED = "1*"
    """Factors identified, but unlikely to have contributed to the death."""
    MAY_HAVE_CONTRIBUTED = "2"
    """Factors identified that may have contributed to vulnerability, ill-health or death."""
    COMPLETE_EXPLANATION = "3"
    """Factors identified that give a complete and sufficient explanation of the death."""

    def describe(self) -> str:
        """Code and meaning: ``"1* factors identified but unlikely to have contributed"``."""
        return f"{self.value} {_LEVEL_NAMES[self]}"


_LEVEL_NAMES: dict[FactorLevel, str] = {
    FactorLevel.NOT_AVAILABLE: "information not available",
    FactorLevel.NONE_IDENTIFIED: "no factors identified",
    FactorLevel.UNLIKELY_TO_HAVE_CONTRIBUTED: "factors identified but unlikely to have contributed",
    FactorLevel.MAY_HAVE_CONTRIBUTED: "factors identified that may have contributed",
    FactorLevel.COMPLETE_EXPLANATION: "factors identified that give a complete and sufficient "
    "explanation",
}


class ModifiableConclusion(enum.Enum):
    """The panel's conclusion on modifiable factors: a tri-state, never derived from scores."""

    MODIFIABLE = "modifiable factors identified"
    NOT_MODIFIABLE = "no modifiable factors identified"
    INSUFFICIENT_INFORMATION = "insufficient information"
    """The panel could not decide; such reviews leave the percentage's denominator."""


# ------------------------------------------------------------------ rule values


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


# ------------------------------------------------------------------ rules

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
                source=CHILDREN_ACT_2004.cite(
                    "s16M(1), (2)",
                    Verification.PRIMARY,
                    url="https://www.legislation.gov.uk/ukpga/2004/31/part/2/crossheading/"
                    "child-death-review-partners-for-local-authority-areas",
                    note="Read on legislation.gov.uk: (1) the partners must make arrangements for "
                    "the review of each death of a child normally resident in the area; (2) they "
                    "may also, if they consider it appropriate, review a death in their area of a "
                    "child not normally resident there. Inserted 29.6.2018 by CSWA 2017 s24 "
                    "(SI 2018/497 reg 3(m)); local arrangements in place by 29 September 2019.",
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
                source=CHILDREN_ACT_2004.cite(
                    "s16M(2)",
                    Verification.PRIMARY,
                    url="https://www.legislation.gov.uk/ukpga/2004/31/part/2/crossheading/"
                    "child-death-review-partners-for-local-authority-areas",
                    note="Read on legislation.gov.uk: the partners 'may also, if they consider it "
                    "appropriate, review' a death in their area of a child not normally resident "
                    "there. A power, not a duty: until the partners' procedures say they use it, "
                    "the area of residence reviews (the library's reading of the power; local "
                    "procedures set this rule to use it).",
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
                source=CHILDREN_ACT_2004.cite(
                    "s16M with s65(1) ('child' means a person under 18)",
                    Verification.SECONDARY,
                    note="s16M read; the s65 definition of 'child' is restated in the CDR "
                    "guidance's scope (any person under 18, before their 18th birthday), not read.",
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
                source=CHILD_DEATH_REVIEW_GUIDANCE_2018.cite(
                    "Terminology ('child death')",
                    Verification.SECONDARY,
                    note="S+: Cambridgeshire and Peterborough CDOP protocol, Manchester "
                    "partnership; NCMD data-security page (primary) for live births under 18. The "
                    "guidance was published in October 2018; the version is dated from s16M's "
                    "commencement. Terminology section not read.",
                ),
                edition="CDR partners 2018",
            ),
        ),
    )
)

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
                source=WORKING_TOGETHER_2010.cite(
                    "chapter 7, 'unexpected death'",
                    Verification.SECONDARY,
                    note="Wording of WT2010/2013/2015 restated by Staffordshire SCB (definitions "
                    "page, read). Assumed to apply from 1 April 2008 (WT2006 not read).",
                    url=_STAFFS_URL,
                ),
                edition="WT2010",
            ),
            Version(
                in_force_from=dt.date(2015, 3, 26),
                value="not anticipated as a significant possibility, for example 24 hours before "
                "the death; or a similarly unexpected collapse or incident led to or precipitated "
                "the events that led to the death",
                source=WORKING_TOGETHER_2015.cite(
                    "chapter 5, 'Definition of an unexpected death of a child'",
                    Verification.SECONDARY,
                    url=_STAFFS_URL,
                    note="Staffordshire SCB definitions page (read); Sussex and Pan-Dorset agree.",
                ),
                edition="WT2015",
            ),
            Version(
                in_force_from=_PARTNERS_DUTY,
                value="not anticipated as a significant possibility, for example 24 hours before "
                "the death; or a similarly unexpected collapse or incident led to or precipitated "
                "the events that led to the death",
                source=CHILD_DEATH_REVIEW_GUIDANCE_2018.cite(
                    "Terminology ('unexpected death')",
                    Verification.UNVERIFIED,
                    note="Believed unchanged from WT2015; the terminology section was not read.",
                ),
                edition="CDR partners 2018",
            ),
            Version(
                in_force_from=_WT2023,
                value="not anticipated as a significant possibility 24 hours before the death; "
                "or a similarly unexpected collapse or incident led to or precipitated the events "
                "that led to the death",
                source=WORKING_TOGETHER_2023.cite(
                    "chapter 6",
                    Verification.SECONDARY,
                    url="https://www.wakefieldscp.org.uk/resources/child-death-joint-agency-response-meeting-omg/",
                    note="Wakefield one-minute guide citing WT2023 ch.6 drops 'for example'. The "
                    "library keeps the 24 hours as an illustration: the caller judges whether the "
                    "death was anticipated.",
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
                source=CHILD_DEATH_REVIEW_GUIDANCE_2018.cite(
                    "chapter 2, Joint Agency Response",
                    Verification.SECONDARY,
                    url="https://nottinghamshirescp.trixonline.co.uk/chapter/child-death-review-procedures",
                    note="Five circumstances restated by Nottinghamshire's CDR procedure; NCMD's "
                    "JAR guidance (primary) says they did not change. Timings (24-hour joint "
                    "visit) unconfirmed and not encoded. An unattended stillbirth calls for a JAR "
                    "but is not a child death for review.",
                ),
                edition="CDR partners 2018",
            ),
        ),
    )
)

CATEGORIES: DatedRule[tuple[str, ...]] = register(
    DatedRule(
        key="child_death.categories",
        title="Categories of child death, in hierarchy order",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=tuple(f"{number} {title}" for number, title in _TITLES.items()),
                source=CDOP_FORM_C.cite(
                    "section on the category of death",
                    Verification.SECONDARY,
                    note="Names 1 and 4 in the DfE 2012 release (primary); 3, 7, 8, 9 and 10 in "
                    "the ADC 2017 abstract (secondary); 2 and 6 recalled, not seen. The Form C "
                    "copy read stops before the category list.",
                ),
                edition="CDOP Form C",
            ),
            Version(
                in_force_from=_NCMD_FORMS,
                value=tuple(f"{number} {title}" for number, title in _TITLES.items()),
                source=NCMD_ANALYSIS_FORM.cite(
                    "category of death",
                    Verification.SECONDARY,
                    note="The NCMD forms kept the ten categories (NCMD reports use the names; "
                    "5 confirmed by the NCMD clarifications). Category 3's label may now add "
                    "'including medical/surgical complications or error' (unconfirmed).",
                ),
                edition="NCMD 2019",
            ),
        ),
    )
)

CATEGORY_INCLUSIONS: DatedRule[tuple[str, ...]] = register(
    DatedRule(
        key="child_death.category_inclusions",
        title="What each category of death includes",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=tuple(f"{number}: {text}" for number, text in _INCLUDES.items()),
                source=CDOP_FORM_C.cite(
                    "category of death, notes",
                    Verification.UNVERIFIED,
                    note="Recalled from Form C and NCMD guidance; not seen in any source read "
                    "(except SUDEP in category 5, see child_death.sudep_category).",
                ),
                edition="CDOP Form C",
            ),
        ),
    )
)

CATEGORY_HIERARCHY: DatedRule[str] = register(
    DatedRule(
        key="child_death.category_hierarchy",
        title="Choosing between categories that could each apply",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value="record the category highest in the list (lowest number); "
                "the panel may override, with its reason recorded",
                source=CDOP_FORM_C.cite(
                    "category of death, instruction",
                    Verification.UNVERIFIED,
                    note="That the scheme is hierarchical is secondary (ADC 2017 abstract: "
                    "'standard hierarchical categorisation system'; Pearson et al., ADC 2011). The "
                    "operative instruction was not seen verbatim; local procedures can switch it "
                    "off (rule child_death.apply_category_hierarchy).",
                ),
                edition="CDOP Form C",
            ),
        ),
    )
)

APPLY_CATEGORY_HIERARCHY: DatedRule[bool] = register(
    DatedRule(
        key="child_death.apply_category_hierarchy",
        title="Whether the category hierarchy picks the category when several could apply",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=True,
                source=CDOP_FORM_C.cite(
                    "category of death, instruction",
                    Verification.UNVERIFIED,
                    note="As child_death.category_hierarchy: the hierarchical scheme is "
                    "secondary, its operative instruction was not seen verbatim. Because it is "
                    "unverified, a partnership's procedures may set this rule to False: its "
                    "panel then records its own choice among several candidates as an override.",
                ),
                edition="CDOP Form C",
            ),
        ),
    )
)
"""Yes, nationally (unverified); local procedures may switch the hierarchy off."""

SUDEP_CATEGORY: DatedRule[Category] = register(
    DatedRule(
        key="child_death.sudep_category",
        title="Category of a sudden unexpected death in epilepsy (SUDEP)",
        versions=(
            Version(
                in_force_from=_NCMD_FORMS,
                value=Category.ACUTE_MEDICAL,
                source=NCMD_CATEGORY_CLARIFICATIONS.cite(
                    "SUDEP",
                    Verification.PRIMARY,
                    note="Read in the NCMD's 'Category of death: clarifications': SUDEP is "
                    "recorded as category 5, not category 10. Dated from the NCMD forms; the "
                    "clarification's own date was not captured.",
                ),
                edition="NCMD 2019",
            ),
        ),
    )
)

DOMAINS: DatedRule[tuple[Domain, ...]] = register(
    DatedRule(
        key="child_death.domains",
        title="Domains in which the panel records factors",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=tuple(Domain),
                source=CDOP_FORM_C.cite(
                    "domains A to D",
                    Verification.SECONDARY,
                    url="https://docsbay.net/this-proforma-is-used-by-the-child-death-overview-panel-cdop-to",
                    note="Domain A ('factors intrinsic to the child') read in a re-hosted Form C; "
                    "B to D from the Scottish proforma modelled on it and the Working Together "
                    "wording (family and environment, parenting capacity, service provision).",
                ),
                edition="CDOP Form C",
            ),
            Version(
                in_force_from=_NCMD_FORMS,
                value=tuple(Domain),
                source=NCMD_ANALYSIS_FORM.cite(
                    "factors by domain",
                    Verification.UNVERIFIED,
                    note="Believed to keep the four domains; the analysis form was not read.",
                ),
                edition="NCMD 2019",
            ),
        ),
    )
)

DOMAIN_SCALE: DatedRule[tuple[FactorLevel, ...]] = register(
    DatedRule(
        key="child_death.domain_scale",
        title="Scale of the level of influence of the factors in each domain",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value=tuple(FactorLevel),
                source=CDOP_FORM_C.cite(
                    "level of influence, each domain",
                    Verification.PRIMARY,
                    url="https://docsbay.net/this-proforma-is-used-by-the-child-death-overview-panel-cdop-to",
                    note="Scale 0, 1, 1*, 2, 3 read in a re-hosted copy of the national Form C "
                    "(version date not shown; wording of the WT2010-2015 era).",
                ),
                edition="CDOP Form C",
            ),
            Version(
                in_force_from=_NCMD_FORMS,
                value=tuple(FactorLevel),
                source=NCMD_ANALYSIS_FORM.cite(
                    "factors by domain",
                    Verification.UNVERIFIED,
                    note="The NCMD analysis form's layout was not read; the Form C scale is kept "
                    "so records stay comparable.",
                ),
                edition="NCMD 2019",
            ),
        ),
    )
)

MODIFIABLE_FACTORS: DatedRule[str] = register(
    DatedRule(
        key="child_death.modifiable_factors",
        title="What the panel concludes about whether the death could have been prevented",
        versions=(
            Version(
                in_force_from=_LSCB_DUTY,
                value="preventable death: one in which modifiable factors may have contributed",
                source=DFE_CHILD_DEATH_STATISTICS.cite(
                    "OSR 11/2011, introduction and footnote 4",
                    Verification.SECONDARY,
                    url=_OSR_2011_URL,
                    note="Before 1 April 2010 CDOPs returned the number of deaths assessed as "
                    "preventable (studylib copy of the DfE release read).",
                ),
                edition="LSCB 2008",
            ),
            Version(
                in_force_from=_MODIFIABLE_FROM,
                value="modifiable factors: factors which may have contributed to the death and "
                "which, by means of locally or nationally achievable interventions, could be "
                "modified to reduce the risk of future child deaths; the panel concludes "
                "modifiable, not modifiable or insufficient information",
                source=WORKING_TOGETHER_2010.cite(
                    "chapter 7, 'Definition of preventable child deaths'",
                    Verification.SECONDARY,
                    url=_STAFFS_URL,
                    note="Staffordshire SCB definitions page (read); gov.uk DfE 2015 release "
                    "(read): factors that could be changed to reduce the risk of future child "
                    "deaths. Never derived from the domain scores.",
                ),
                edition="modifiable factors 2010",
            ),
        ),
    )
)

MODIFIABLE_PERCENTAGE: DatedRule[str] = register(
    DatedRule(
        key="child_death.modifiable_percentage",
        title="Percentage of reviews with modifiable factors",
        versions=(
            Version(
                in_force_from=_MODIFIABLE_FROM,
                value="reviews with modifiable factors / (reviews completed - reviews with "
                "insufficient information)",
                source=NHS_DIGITAL_CHILD_DEATH_STATISTICS.cite(
                    "Number of reviews",
                    Verification.PRIMARY,
                    url=_NHS_2018_URL,
                    note="Read: 3,595 reviews in 2017-18, of which 3,540 had enough information "
                    "and 55 insufficient information; 28% with modifiable factors. The DfE "
                    "release 'Child death reviews completed in England: year ending 31 March "
                    "2012' (gov.uk) states the sufficient-information denominator.",
                ),
                edition="modifiable factors 2010",
            ),
        ),
    )
)


# ------------------------------------------------------------------ models


def _hide(value: object) -> str:
    """Stand-in for personal data in a ``repr``."""
    return "None" if value is None else "<hidden>"


def _hide_text(value: object) -> str:
    """Stand-in for free text (it may name people) in a ``repr``."""
    return "''" if value == "" else "<text>"


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
        normally_resident_in_area: Whether the child was normally resident
            in the area of the reviewing partners (default ``None``: not
            known; every later fact also defaults to ``None``).
        died_in_area: Whether the death happened in that area.
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
    date_of_death: dt.date = attrs.field(validator=is_date, repr=_hide)
    born_alive: bool | None = attrs.field(default=True, validator=is_optional_bool)
    gestation_weeks: int | None = attrs.field(default=None, validator=_is_optional_gestation)
    lawful_termination: bool | None = attrs.field(default=False, validator=is_optional_bool)
    normally_resident_in_area: bool | None = attrs.field(default=None, validator=is_optional_bool)
    died_in_area: bool | None = attrs.field(default=None, validator=is_optional_bool)
    date_of_incident: dt.date | None = attrs.field(
        default=None, validator=is_optional_date, repr=_hide
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


def _is_candidate_tuple(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(Category, min_length=1)(_instance, attribute, value)
    items: tuple[Category, ...] = value  # type: ignore[assignment]
    if len(set(items)) != len(items):
        raise InvalidInputError(attribute.name, "must not repeat a category")


def _highest_listed(candidates: Iterable[Category]) -> Category:
    """The candidate highest in the hierarchy (lowest number)."""
    return min(candidates, key=lambda category: category.number)


@attrs.frozen(kw_only=True)
class Categorisation:
    """The category a panel recorded for a death, and how it got there.

    Attributes:
        candidates: The categories that could each apply (distinct, at least
            one). For a SUDEP death, category 10 is never among them and 5
            always is.
        category: The category recorded.
        sudep: Whether the death was a sudden unexpected death in epilepsy.
        override_reason: Empty when the category is the one the hierarchy
            gives; otherwise the panel's reason for recording another
            (hidden in the ``repr``: free text may name people).
    """

    candidates: tuple[Category, ...] = attrs.field(validator=_is_candidate_tuple)
    category: Category = attrs.field(validator=is_member(Category))
    sudep: bool = attrs.field(default=False, validator=is_bool)
    override_reason: str = attrs.field(default="", validator=is_str, repr=_hide_text)

    def __attrs_post_init__(self) -> None:
        """A category without an override must be the hierarchy's; SUDEP is never 10."""
        if self.sudep and (
            Category.SUDDEN_UNEXPLAINED in self.candidates
            or Category.ACUTE_MEDICAL not in self.candidates
        ):
            raise InvalidInputError(
                "candidates", "for a SUDEP death must include 5 and must not include 10"
            )
        if self.sudep and self.category is Category.SUDDEN_UNEXPLAINED:
            raise InvalidInputError("category", "a SUDEP death is never category 10")
        if self.override_reason and not self.override_reason.strip():
            raise InvalidInputError("override_reason", "must not be only spaces")
        if not self.override_reason and self.category is not self.hierarchy_choice:
            raise InvalidInputError(
                "category",
                "differs from the highest-listed candidate: record the panel's override_reason",
            )

    @property
    def hierarchy_choice(self) -> Category:
        """The candidate highest in the list: what the hierarchy alone would record."""
        return _highest_listed(self.candidates)

    @property
    def overridden(self) -> bool:
        """Whether the panel recorded an override."""
        return bool(self.override_reason)

    def __str__(self) -> str:
        """``"8 Perinatal/neonatal event"``, with ``" (panel override)"`` when overridden."""
        return self.category.describe() + (" (panel override)" if self.overridden else "")


@attrs.frozen(kw_only=True)
class DomainAssessment:
    """The level of influence a panel recorded for the factors in one domain.

    Attributes:
        domain: The domain (A to D).
        level: The level on the analysis form's scale.
    """

    domain: Domain = attrs.field(validator=is_member(Domain))
    level: FactorLevel = attrs.field(validator=is_member(FactorLevel))


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


@attrs.frozen(kw_only=True)
class Share:
    """A count out of a denominator, kept exact; rounding is only for display.

    Attributes:
        numerator: The count (0 to ``denominator``).
        denominator: What it is counted out of (0 when nothing qualifies).

    Examples:
        >>> share = Share(numerator=17, denominator=25)
        >>> share.percent
        Fraction(68, 1)
        >>> str(share)
        '17 of 25 (68%)'
    """

    numerator: int = attrs.field(validator=is_int(minimum=0))
    denominator: int = attrs.field(validator=is_int(minimum=0))

    def __attrs_post_init__(self) -> None:
        """The count cannot exceed its denominator."""
        if self.numerator > self.denominator:
            raise InvalidInputError("numerator", "must not be greater than denominator")

    @property
    def percent(self) -> Fraction | None:
        """The exact percentage, or ``None`` when the denominator is 0."""
        if self.denominator == 0:
            return None
        return Fraction(100 * self.numerator, self.denominator)

    def rounded_percent(self, places: int = 0) -> Decimal | None:
        """The percentage rounded half up to *places* decimals (a display step only).

        Args:
            places: Decimal places, 0 or more.

        Returns:
            The rounded percentage, or ``None`` when the denominator is 0.

        Raises:
            InvalidInputError: *places* is not an integer of at least 0.
        """
        check_int("places", places, minimum=0)
        percent = self.percent
        return None if percent is None else round_half_up(percent, places)

    def interval(self, *, confidence: float = 0.95) -> Interval | None:
        """The Wilson score interval of the percentage, or ``None`` when the denominator is 0.

        Examples:
            >>> ci = Share(numerator=17, denominator=25).interval()
            >>> round(100 * ci.lower, 1), round(100 * ci.upper, 1)
            (48.4, 82.8)
        """
        if self.denominator == 0:
            return None
        return wilson_interval(self.numerator, self.denominator, confidence=confidence)

    def __str__(self) -> str:
        """``"17 of 25 (68%)"``; ``"0 of 0 (no denominator)"``."""
        rounded = self.rounded_percent()
        shown = "no denominator" if rounded is None else f"{rounded}%"
        return f"{self.numerator} of {self.denominator} ({shown})"


@attrs.frozen(kw_only=True)
class CategoryCount:
    """How many completed reviews recorded one category.

    Attributes:
        category: The category.
        count: The number of reviews.
    """

    category: Category = attrs.field(validator=is_member(Category))
    count: int = attrs.field(validator=is_int(minimum=0))


def _category_counts(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(CategoryCount)(_instance, attribute, value)
    if value and tuple(item.category for item in value) != tuple(Category):  # type: ignore[attr-defined]
        raise InvalidInputError(
            attribute.name, "must be empty or hold every category once, in hierarchy order"
        )


@attrs.frozen(kw_only=True)
class PanelFigures:
    """A panel's figures for a period (both ends included).

    Notifications are counted by the day they were received, reviews by the
    day they were completed and referrals by the day they were made, so a
    death notified in one year may be reviewed in the next.

    Attributes:
        period_start: First day of the period.
        period_end: Last day of the period.
        notifications: Deaths notified in the period.
        unexpected_deaths: Notified deaths recorded as unexpected.
        unexpected_not_recorded: Notified deaths with expectedness not recorded.
        reviews_completed: Reviews completed in the period.
        modifiable: Completed reviews concluding modifiable factors.
        not_modifiable: Completed reviews concluding no modifiable factors.
        insufficient_information: Completed reviews that could not conclude.
        by_category: Completed reviews per category (every category, in
            order), or empty when only totals are known.
        referrals_to_case_review_panel: Referrals made in the period.
    """

    period_start: dt.date = attrs.field(validator=is_date)
    period_end: dt.date = attrs.field(validator=is_date)
    notifications: int = attrs.field(validator=is_int(minimum=0))
    unexpected_deaths: int = attrs.field(validator=is_int(minimum=0))
    unexpected_not_recorded: int = attrs.field(default=0, validator=is_int(minimum=0))
    reviews_completed: int = attrs.field(validator=is_int(minimum=0))
    modifiable: int = attrs.field(validator=is_int(minimum=0))
    not_modifiable: int = attrs.field(validator=is_int(minimum=0))
    insufficient_information: int = attrs.field(validator=is_int(minimum=0))
    by_category: tuple[CategoryCount, ...] = attrs.field(default=(), validator=_category_counts)
    referrals_to_case_review_panel: int = attrs.field(default=0, validator=is_int(minimum=0))

    def __attrs_post_init__(self) -> None:
        """Totals must add up."""
        if self.period_end < self.period_start:
            raise InvalidInputError("period_end", "must not be before period_start")
        if self.unexpected_deaths + self.unexpected_not_recorded > self.notifications:
            raise InvalidInputError(
                "unexpected_deaths", "with those not recorded, must not exceed notifications"
            )
        if self.modifiable + self.not_modifiable + self.insufficient_information != (
            self.reviews_completed
        ):
            raise InvalidInputError(
                "reviews_completed",
                "must equal modifiable + not_modifiable + insufficient_information",
            )
        if self.by_category and sum(c.count for c in self.by_category) != self.reviews_completed:
            raise InvalidInputError("by_category", "counts must add up to reviews_completed")

    @property
    def modifiable_share(self) -> Share:
        """Reviews with modifiable factors out of those with enough information to decide.

        Reviews concluding "insufficient information" are left out of the
        denominator (rule ``child_death.modifiable_percentage``).
        """
        return Share(numerator=self.modifiable, denominator=self.modifiable + self.not_modifiable)

    def category_shares(self) -> tuple[tuple[Category, Share], ...]:
        """Each category's reviews out of all reviews completed (empty if not known)."""
        return tuple(
            (item.category, Share(numerator=item.count, denominator=self.reviews_completed))
            for item in self.by_category
        )

    def summary(self) -> str:
        """The figures in plain English, one per line, percentages rounded half up."""
        share = self.modifiable_share
        lines = [
            f"Period {self.period_start.isoformat()} to {self.period_end.isoformat()}",
            f"Notifications: {self.notifications}, of which unexpected: {self.unexpected_deaths}"
            + (
                f" (not recorded: {self.unexpected_not_recorded})"
                if self.unexpected_not_recorded
                else ""
            ),
            f"Reviews completed: {self.reviews_completed}",
            (
                f"With modifiable factors: {share}; insufficient information (excluded): "
                f"{self.insufficient_information}"
            ),
        ]
        lines.extend(
            f"Category {category.describe()}: {category_share}"
            for category, category_share in self.category_shares()
            if category_share.numerator
        )
        lines.append(f"Referrals to the case review panel: {self.referrals_to_case_review_panel}")
        return "\n".join(lines)


# ------------------------------------------------------------------ decisions


def _check_death(death: object) -> ChildDeath:
    if not isinstance(death, ChildDeath):
        raise InvalidInputError("death", "must be a ChildDeath")
    return death


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
        >>> baby = Child(identifier="S1", date_of_birth=dt.date(2021, 5, 3))
        >>> stillbirth = ChildDeath(child=baby, date_of_death=dt.date(2021, 5, 3),
        ...                         born_alive=False, gestation_weeks=38,
        ...                         normally_resident_in_area=True)
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


def _items_of(name: str, value: object, kind: type[T]) -> tuple[T, ...]:
    """The items of an iterable argument (not a string), each a *kind*, or InvalidInputError."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInputError(name, f"must be an iterable of {kind.__name__}")
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidInputError(f"{name}[{index}]", f"must be a {kind.__name__}")
    return items


def _check_categories(candidates: object) -> tuple[Category, ...]:
    chosen = _items_of("candidates", candidates, Category)
    if not chosen:
        raise InvalidInputError("candidates", "must hold at least one Category")
    return tuple(sorted(set(chosen), key=lambda category: category.number))


def _check_override(*, sudep: object, override: object, reason: object) -> None:
    """Check the SUDEP flag and the override arguments of [`categorise`][]."""
    if not isinstance(sudep, bool):
        raise InvalidInputError("sudep", "must be True or False")
    if override is not None and not isinstance(override, Category):
        raise InvalidInputError("override", "must be a Category or None")
    if not isinstance(reason, str):
        raise InvalidInputError("reason", "must be a string")
    if override is not None and not reason.strip():
        raise InvalidInputError("reason", "an override must give the panel's reason")
    if override is None and reason:
        raise InvalidInputError("reason", "is only recorded with an override")
    if sudep and override is Category.SUDDEN_UNEXPLAINED:
        raise InvalidInputError("override", "a SUDEP death is never category 10")


def _apply_sudep(
    chosen: tuple[Category, ...], on: dt.date, procedures: Procedures, findings: list[Finding]
) -> tuple[Category, ...]:
    """Move a SUDEP death's candidates from category 10 to its own category; add the finding."""
    version = SUDEP_CATEGORY.at(on, procedures=procedures)
    home = version.value
    findings.append(
        Finding(
            criterion="SUDEP",
            met=True,
            detail=f"A sudden unexpected death in epilepsy is recorded under {home.describe()}, "
            "never under category 10.",
            source=version.source,
        )
    )
    kept = {c for c in chosen if c is not Category.SUDDEN_UNEXPLAINED} | {home}
    return tuple(sorted(kept, key=lambda category: category.number))


def categorise(  # noqa: PLR0913 - every option is keyword-only and one panel decision
    candidates: Iterable[Category],
    *,
    on: dt.date,
    sudep: bool = False,
    override: Category | None = None,
    reason: str = "",
    procedures: Procedures = NATIONAL,
) -> Decision[Categorisation]:
    """Record the category of a death from the categories that could each apply.

    The rule: the ten categories are hierarchical. Where more than one could
    reasonably apply, the one highest in the list (lowest number) is
    recorded. The panel may record another category instead, with its
    reason; the override is kept in the result. A sudden unexpected death in
    epilepsy (SUDEP) is recorded under category 5 (acute medical or surgical
    condition) and never under category 10: for a SUDEP death, 10 is removed
    from the candidates and 5 added before the hierarchy is applied.

    Legal basis:
        CDOP Form C / NCMD analysis form, category of death (list:
        secondary; hierarchy instruction: unverified); NCMD "Category of
        death: clarifications" (SUDEP, primary, from 1 April 2019). Rules
        ``child_death.categories``, ``child_death.category_hierarchy``,
        ``child_death.apply_category_hierarchy``, ``child_death.sudep_category``.

    Args:
        candidates: The categories that could each apply (at least one;
            repeats are ignored).
        on: The date whose rules apply (the date of the panel's review).
        sudep: Whether the death was a sudden unexpected death in epilepsy.
        override: The category the panel records instead of the hierarchy's
            choice, if any (it need not be a candidate).
        reason: The panel's reason for the override (required with one).
        procedures: Local procedures; where they set the rule
            ``child_death.apply_category_hierarchy`` to ``False``, a panel with
            several candidates must give an override.

    Returns:
        A decision whose outcome is the [`Categorisation`][] to store on
        the review record.

    Raises:
        InvalidInputError: bad candidates; an override without a reason, a
            reason without an override, or category 10 for a SUDEP death;
            several candidates with the hierarchy switched off and no
            override.
        RuleNotInForceError: *on* is before 1 April 2008, or *sudep* is set
            and *on* is before 1 April 2019 (the clarification's date).

    Examples:
        >>> import datetime as dt
        >>> decision = categorise([Category.SUDDEN_UNEXPLAINED], sudep=True, on=dt.date(2021, 2, 1))
        >>> print(decision.outcome)
        5 Acute medical or surgical condition
    """
    chosen = _check_categories(candidates)
    check_date("on", on)
    _check_override(sudep=sudep, override=override, reason=reason)
    procedures = check_procedures(procedures)
    listing = CATEGORIES.at(on, procedures=procedures)
    hierarchy = CATEGORY_HIERARCHY.at(on, procedures=procedures)
    applied = APPLY_CATEGORY_HIERARCHY.at(on, procedures=procedures)
    local_choice = applied is procedures.override(APPLY_CATEGORY_HIERARCHY.key)
    findings = [
        Finding(
            criterion="candidate categories",
            met=True,
            detail="Could apply: " + "; ".join(c.describe() for c in chosen) + ".",
            source=listing.source,
        )
    ]
    if sudep:
        chosen = _apply_sudep(chosen, on, procedures, findings)
    top = _highest_listed(chosen)
    if not applied.value and len(chosen) > 1 and override is None:
        raise InvalidInputError(
            "override",
            "several categories could apply and the hierarchy is switched off: "
            "record the panel's choice as an override",
        )
    findings.append(
        Finding(
            criterion="hierarchy",
            met=True if applied.value else None,
            detail=f"The highest-listed candidate is {top.describe()}."
            if applied.value
            else "Not applied: local procedures switch the hierarchy off.",
            source=applied.source if local_choice else hierarchy.source,
        )
    )
    if override is not None:
        findings.append(
            Finding(
                criterion="panel override",
                met=True,
                detail=f"The panel recorded {override.describe()} instead of the highest-listed "
                f"candidate, {top.describe()} (reason kept in the categorisation).",
                source=hierarchy.source,
            )
        )
    outcome = Categorisation(
        candidates=chosen,
        category=top if override is None else override,
        sudep=sudep,
        override_reason=reason if override is not None else "",
    )
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=listing.edition)


def _domain_detail(level: FactorLevel) -> tuple[bool | None, str]:
    if level is FactorLevel.NOT_AVAILABLE:
        return None, "information not available"
    if level in (FactorLevel.NONE_IDENTIFIED, FactorLevel.UNLIKELY_TO_HAVE_CONTRIBUTED):
        return False, _LEVEL_NAMES[level]
    return True, _LEVEL_NAMES[level]


def assess_modifiable_factors(
    conclusion: ModifiableConclusion,
    *,
    on: dt.date,
    domains: Iterable[DomainAssessment] = (),
    procedures: Procedures = NATIONAL,
) -> Decision[ModifiableConclusion]:
    """Record the panel's conclusion on modifiable factors, next to its domain scores.

    The rule: the panel records, domain by domain, the level of influence of
    the factors it found, and separately concludes whether the death had
    modifiable factors (factors that may have contributed and could be
    changed by locally or nationally achievable interventions to reduce the
    risk of future deaths), had none, or whether there was insufficient
    information to decide. The conclusion is the panel's judgement: it is
    never derived from the domain scores (a factor can contribute without
    being modifiable). The outcome is therefore always *conclusion*; the
    findings show what each domain contributed. Before 1 April 2010 panels
    recorded whether a death was "preventable".

    Legal basis:
        Working Together 2010 ch.7 onwards (definition, secondary); CDOP
        Form C (domains and scale). Rules ``child_death.modifiable_factors``,
        ``child_death.domains``, ``child_death.domain_scale``.

    Args:
        conclusion: The panel's conclusion.
        on: The date of the panel's review.
        domains: The level recorded for each domain assessed (each at most once).
        procedures: Local procedures.

    Returns:
        A decision whose outcome is *conclusion*, with one finding per domain
        (met: factors may have contributed; not met: none or unlikely to
        have; unknown: information not available) and one for the conclusion.

    Raises:
        InvalidInputError: *conclusion* is not a [`ModifiableConclusion`][],
            a domain is not a [`DomainAssessment`][] or is repeated, or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 1 April 2008.

    Examples:
        >>> import datetime as dt
        >>> scores = [DomainAssessment(domain=Domain.CHILD, level=FactorLevel.COMPLETE_EXPLANATION)]
        >>> d = assess_modifiable_factors(ModifiableConclusion.NOT_MODIFIABLE, domains=scores,
        ...                               on=dt.date(2020, 7, 1))
        >>> d.outcome.value
        'no modifiable factors identified'
    """
    if not isinstance(conclusion, ModifiableConclusion):
        raise InvalidInputError("conclusion", "must be a ModifiableConclusion")
    check_date("on", on)
    assessed = _items_of("domains", domains, DomainAssessment)
    seen: set[Domain] = set()
    for index, item in enumerate(assessed):
        if item.domain in seen:
            raise InvalidInputError(f"domains[{index}]", "repeats a domain already assessed")
        seen.add(item.domain)
    procedures = check_procedures(procedures)
    definition = MODIFIABLE_FACTORS.at(on, procedures=procedures)
    domain_list = DOMAINS.at(on, procedures=procedures)
    scale = DOMAIN_SCALE.at(on, procedures=procedures)
    findings = []
    for item in sorted(assessed, key=lambda a: domain_list.value.index(a.domain)):
        met, detail = _domain_detail(item.level)
        findings.append(
            Finding(
                criterion=f"domain {item.domain.describe()}",
                met=met,
                detail=f"Level {item.level.value}: {detail}. This records contribution, "
                "not modifiability.",
                source=scale.source,
            )
        )
    met = {
        ModifiableConclusion.MODIFIABLE: True,
        ModifiableConclusion.NOT_MODIFIABLE: False,
        ModifiableConclusion.INSUFFICIENT_INFORMATION: None,
    }[conclusion]
    wording = "preventable" if definition.in_force_from < _MODIFIABLE_FROM else "modifiable factors"
    findings.append(
        Finding(
            criterion="panel conclusion",
            met=met,
            detail=f"The panel's own judgement ({wording}): {conclusion.value}.",
            source=definition.source,
        )
    )
    return Decision(outcome=conclusion, findings=tuple(findings), rule_version=definition.edition)


def _in_period(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def compute_figures(
    reviews: Iterable[ChildDeathReview],
    *,
    period_start: dt.date,
    period_end: dt.date,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> PanelFigures:
    """Count a panel's figures for a period from its review records.

    The rule: notifications are counted by the day they were received,
    completed reviews by the day the panel completed them, referrals to the
    case review panel by the day they were made (both ends of the period
    included). The percentage with modifiable factors is taken over the
    completed reviews that had enough information: reviews concluding
    "insufficient information" are left out of the denominator (they are
    still counted as reviews completed). Category percentages are out of all
    reviews completed and add up to exactly 100% before rounding.

    Legal basis:
        NHS Digital / DfE child death review statistics (denominator,
        primary). Rule ``child_death.modifiable_percentage``, applied as it
        stood at the end of the period.

    Args:
        reviews: The panel's records (any order).
        period_start: First day of the period.
        period_end: Last day of the period.
        on: The date whose rule applies; *period_end* by default.
        procedures: Local procedures.

    Returns:
        The [`PanelFigures`][].

    Raises:
        InvalidInputError: a record is not a [`ChildDeathReview`][], a date
            is not a date, the period ends before it starts, or *procedures* is
            not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 1 April 2010 (panels then
            returned "preventable" deaths).

    Examples:
        >>> import datetime as dt
        >>> done = ChildDeathReview(
        ...     notified=dt.date(2018, 5, 1), unexpected=True, reviewed=dt.date(2018, 11, 20),
        ...     categorisation=categorise([Category.INFECTION], on=dt.date(2018, 11, 20)).outcome,
        ...     modifiable=ModifiableConclusion.INSUFFICIENT_INFORMATION)
        >>> figures = compute_figures([done], period_start=dt.date(2018, 4, 1),
        ...                           period_end=dt.date(2019, 3, 31))
        >>> figures.reviews_completed, str(figures.modifiable_share)
        (1, '0 of 0 (no denominator)')
    """
    check_date("period_start", period_start)
    check_date("period_end", period_end)
    if period_end < period_start:
        raise InvalidInputError("period_end", "must not be before period_start")
    records = _items_of("reviews", reviews, ChildDeathReview)
    day = rules_date(on, period_end)
    # Raises before April 2010 ("preventable" deaths).
    MODIFIABLE_PERCENTAGE.at(day, procedures=check_procedures(procedures))
    counts = dict.fromkeys(ModifiableConclusion, 0)
    categories = dict.fromkeys(Category, 0)
    notifications = unexpected = not_recorded = referrals = 0
    for review in records:
        if _in_period(review.notified, period_start, period_end):
            notifications += 1
            unexpected += review.unexpected is True
            not_recorded += review.unexpected is None
        if _in_period(review.reviewed, period_start, period_end):
            # A completed review always has both (ChildDeathReview checks it).
            counts[review.modifiable] += 1  # type: ignore[index]
            categories[review.categorisation.category] += 1  # type: ignore[union-attr]
        referrals += _in_period(review.case_review_referral, period_start, period_end)
    return PanelFigures(
        period_start=period_start,
        period_end=period_end,
        notifications=notifications,
        unexpected_deaths=unexpected,
        unexpected_not_recorded=not_recorded,
        reviews_completed=sum(counts.values()),
        modifiable=counts[ModifiableConclusion.MODIFIABLE],
        not_modifiable=counts[ModifiableConclusion.NOT_MODIFIABLE],
        insufficient_information=counts[ModifiableConclusion.INSUFFICIENT_INFORMATION],
        by_category=tuple(
            CategoryCount(category=category, count=count) for category, count in categories.items()
        ),
        referrals_to_case_review_panel=referrals,
    )
