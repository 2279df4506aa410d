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
then dies *is* a child death
([`in_scope`][safeguarding.reviews.child_death.scope.in_scope]). Whether the death
was expected, and whether it calls for a Joint Agency Response, is decided by
[`expectedness`][safeguarding.reviews.child_death.unexpected_deaths.expectedness]
and
[`joint_agency_response`][safeguarding.reviews.child_death.unexpected_deaths.joint_agency_response].

The panel then:

* categorises the death into one of ten nationally defined **categories**
  ([`Category`][safeguarding.reviews.child_death.categories.Category]). Where
  more than one could apply, the scheme is hierarchical: the category highest
  in the list wins
  ([`categorise`][safeguarding.reviews.child_death.categories.categorise]).
  The panel may override that, and the override is recorded. Sudden
  unexpected death in infancy (SUDI) is not a category: it is how a death
  presents, and after review it may land in any of several categories.
  Sudden unexpected death in epilepsy (SUDEP) goes to category 5 (acute
  medical or surgical condition), never to category 10;
* records the factors it found in four **domains** (the child; the social
  environment, including family and parenting capacity; the physical
  environment; service provision), each scored on the analysis form's scale
  ([`FactorLevel`][safeguarding.reviews.child_death.modifiable_factors.FactorLevel]);
* concludes, separately, whether the death had **modifiable factors**:
  modifiable, not modifiable, or *insufficient information*
  ([`ModifiableConclusion`][safeguarding.reviews.child_death.ModifiableConclusion]).
  The conclusion is the panel's judgement, never arithmetic on the domain
  scores: a factor can have contributed to a death (extreme prematurity)
  without being modifiable.

Panel figures are indicators
([`CHILD_DEATH_MEASURES`][safeguarding.reviews.child_death.figures.CHILD_DEATH_MEASURES]):
notifications, unexpected deaths, reviews completed, reviews with modifiable
factors, reviews by category and referrals to the case review panel.
[`tally_reviews`][safeguarding.reviews.child_death.figures.tally_reviews]
counts them from the panel's records in one pass into a mergeable
[`Tally`][safeguarding.indicators.definitions.Tally],
[`child_death_values`][safeguarding.reviews.child_death.figures.child_death_values]
gives their values, and
[`compute_figures`][safeguarding.reviews.child_death.figures.compute_figures]
the same counts as named fields. The percentage with modifiable factors is
taken over the reviews that had enough information: reviews concluding
"insufficient information" leave the denominator, as the national statistics
do.

Every rule is a [`DatedRule`][safeguarding.rules.DatedRule] under the
``child_death.`` prefix, with an honest verification status: the statute
(s16M) was read; the category list, its hierarchy instruction and what each
category includes could only partly be confirmed and are marked so. The
partners' own choices (whether they review non-residents' deaths, whether the
hierarchy applies) are rules with a national default that their
[`Procedures`][safeguarding.procedures.Procedures] may set, citing their own
document; every decision function takes them as ``procedures=``.

The modules, one concept each:

* [`scope`][safeguarding.reviews.child_death.scope]: which deaths the area's
  partners review;
* [`unexpected_deaths`][safeguarding.reviews.child_death.unexpected_deaths]:
  expected or unexpected, and the joint agency response;
* [`categories`][safeguarding.reviews.child_death.categories]: the ten
  categories and how a panel records one;
* [`modifiable_factors`][safeguarding.reviews.child_death.modifiable_factors]:
  the four domains, their scale and the panel's conclusion on modifiable factors;
* [`figures`][safeguarding.reviews.child_death.figures]: a panel's figures for a
  period, as indicators counted into a tally;
* [`records`][safeguarding.reviews.child_death.records]: the facts of a death and
  the panel's record of its review;
* [`regime`][safeguarding.reviews.child_death.regime]: the days the regime
  changed and the documents its rules cite.

Every public name of these modules is importable from this package, and from
`safeguarding.reviews`.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.people import Child
    >>> from safeguarding.places import Place, Residence
    >>> death = ChildDeath(
    ...     child=Child(identifier="X1", date_of_birth=dt.date(2019, 3, 1)),
    ...     date_of_death=dt.date(2019, 3, 9),
    ...     residence=Residence.IN_AREA,
    ... )
    >>> in_scope(death, on=dt.date(2019, 3, 9)).outcome.value
    'review required'
    >>> decision = categorise([Category.PERINATAL_NEONATAL, Category.INFECTION],
    ...                       on=dt.date(2020, 1, 6))
    >>> print(decision.outcome)
    8 Perinatal/neonatal event
"""

from __future__ import annotations

from safeguarding.reviews.child_death.categories import (
    APPLY_CATEGORY_HIERARCHY,
    CATEGORIES,
    CATEGORY_HIERARCHY,
    CATEGORY_INCLUSIONS,
    SUDEP_CATEGORY,
    Categorisation,
    Category,
    categorise,
)
from safeguarding.reviews.child_death.figures import (
    CATEGORY_SHARES,
    CHILD_DEATH_MEASURES,
    DEATHS_NOTIFIED,
    EXPECTEDNESS_NOT_RECORDED,
    MODIFIABLE_PERCENTAGE,
    NOTIFIED_UNEXPECTED,
    REFERRALS_TO_CASE_REVIEW_PANEL,
    REVIEWS_COMPLETED,
    REVIEWS_INSUFFICIENT_INFORMATION,
    REVIEWS_WITH_MODIFIABLE_FACTORS,
    CategoryCount,
    PanelFigures,
    Share,
    child_death_values,
    compute_figures,
    tally_reviews,
)
from safeguarding.reviews.child_death.modifiable_factors import (
    DOMAIN_SCALE,
    DOMAINS,
    MODIFIABLE_FACTORS,
    Domain,
    DomainAssessment,
    FactorLevel,
    ModifiableConclusion,
    assess_modifiable_factors,
)
from safeguarding.reviews.child_death.records import ChildDeath, ChildDeathReview
from safeguarding.reviews.child_death.regime import (
    CDOP_FORM_C,
    DFE_CHILD_DEATH_STATISTICS,
    NCMD_ANALYSIS_FORM,
    NCMD_CATEGORY_CLARIFICATIONS,
    NHS_DIGITAL_CHILD_DEATH_STATISTICS,
    WORKING_TOGETHER_2010,
)
from safeguarding.reviews.child_death.scope import (
    AGE_LIMIT,
    EXCLUDED_DEATHS,
    REVIEW_DUTY,
    REVIEW_NON_RESIDENT_DEATHS,
    STILLBIRTH_GESTATION,
    AreaLink,
    ReviewScope,
    in_scope,
)
from safeguarding.reviews.child_death.unexpected_deaths import (
    JOINT_AGENCY_RESPONSE,
    UNEXPECTED_DEATH,
    Expectedness,
    JarTrigger,
    JointAgencyResponse,
    expectedness,
    joint_agency_response,
)

__all__ = [
    "AGE_LIMIT",
    "APPLY_CATEGORY_HIERARCHY",
    "CATEGORIES",
    "CATEGORY_HIERARCHY",
    "CATEGORY_INCLUSIONS",
    "CATEGORY_SHARES",
    "CDOP_FORM_C",
    "CHILD_DEATH_MEASURES",
    "DEATHS_NOTIFIED",
    "DFE_CHILD_DEATH_STATISTICS",
    "DOMAINS",
    "DOMAIN_SCALE",
    "EXCLUDED_DEATHS",
    "EXPECTEDNESS_NOT_RECORDED",
    "JOINT_AGENCY_RESPONSE",
    "MODIFIABLE_FACTORS",
    "MODIFIABLE_PERCENTAGE",
    "NCMD_ANALYSIS_FORM",
    "NCMD_CATEGORY_CLARIFICATIONS",
    "NHS_DIGITAL_CHILD_DEATH_STATISTICS",
    "NOTIFIED_UNEXPECTED",
    "REFERRALS_TO_CASE_REVIEW_PANEL",
    "REVIEWS_COMPLETED",
    "REVIEWS_INSUFFICIENT_INFORMATION",
    "REVIEWS_WITH_MODIFIABLE_FACTORS",
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
    "child_death_values",
    "compute_figures",
    "expectedness",
    "in_scope",
    "joint_agency_response",
    "tally_reviews",
]
