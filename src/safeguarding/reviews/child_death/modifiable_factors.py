"""Factors in four domains, and the panel's conclusion on modifiable factors.

A panel records the factors it found in four domains ([`Domain`][]: the child; the
social environment, including family and parenting capacity; the physical environment;
service provision), each scored on the analysis form's scale ([`FactorLevel`][]). It
concludes, separately, whether the death had modifiable factors: modifiable, not
modifiable, or insufficient information ([`ModifiableConclusion`][]). The conclusion is
the panel's judgement, never arithmetic on the domain scores: a factor can have
contributed to a death (extreme prematurity) without being modifiable
([`assess_modifiable_factors`][]). Before 1 April 2010 panels recorded whether a death
was "preventable".
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from safeguarding._validate import check_date, is_member
from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import items_of
from safeguarding.reviews.child_death.regime import (
    _LSCB_DUTY,
    _MODIFIABLE_FROM,
    _NCMD_FORMS,
    _OSR_2011_URL,
    _STAFFS_URL,
    CDOP_FORM_C,
    DFE_CHILD_DEATH_STATISTICS,
    NCMD_ANALYSIS_FORM,
)
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import WORKING_TOGETHER_2010

__all__ = [
    "DOMAINS",
    "DOMAIN_SCALE",
    "MODIFIABLE_FACTORS",
    "Domain",
    "DomainAssessment",
    "FactorLevel",
    "ModifiableConclusion",
    "assess_modifiable_factors",
]


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
                    "deaths. Never derived from the domain scores. Applies from 1 April 2010, "
                    "when panels' returns changed from preventable deaths to deaths with "
                    "modifiable factors (DfE OSR 11/2011), shortly after Working Together 2010 "
                    "was published.",
                ),
                edition="modifiable factors 2010",
            ),
        ),
    )
)


@attrs.frozen(kw_only=True)
class DomainAssessment:
    """The level of influence a panel recorded for the factors in one domain.

    Attributes:
        domain: The domain (A to D).
        level: The level on the analysis form's scale.
    """

    domain: Domain = attrs.field(validator=is_member(Domain))
    level: FactorLevel = attrs.field(validator=is_member(FactorLevel))


def _domain_detail(level: FactorLevel) -> tuple[bool | None, str]:
    if level is FactorLevel.NOT_AVAILABLE:
        return None, "information not available"
    if level in (FactorLevel.NONE_IDENTIFIED, FactorLevel.UNLIKELY_TO_HAVE_CONTRIBUTED):
        return False, _LEVEL_NAMES[level]
    return True, _LEVEL_NAMES[level]


@criteria(
    "child_death.modifiable_factors",
    "child_death.domains",
    "child_death.domain_scale",
    calls="modifiable_factors_calls",
)
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
    assessed = items_of("domains", domains, DomainAssessment)
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
