"""The ten categories of child death, and how a panel records one.

A panel categorises each death into one of ten nationally defined categories
([`Category`][]). Where more than one could apply, the scheme is hierarchical: the
category highest in the list wins ([`categorise`][]). The panel may override that, and
the override is recorded ([`Categorisation`][]); a partnership's procedures may switch
the hierarchy off (rule ``child_death.apply_category_hierarchy``). Sudden unexpected
death in infancy (SUDI) is not a category: it is how a death presents, and after review
it may land in any of several categories. Sudden unexpected death in epilepsy (SUDEP)
goes to category 5 (acute medical or surgical condition), never to category 10.

The category list and its hierarchy instruction could only partly be confirmed, and
what each category includes not at all: their rules are marked so.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from safeguarding._validate import check_date, is_bool, is_member, is_str, is_tuple_of
from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import items_of
from safeguarding.reviews.child_death.regime import (
    _LSCB_DUTY,
    _NCMD_FORMS,
    CDOP_FORM_C,
    NCMD_ANALYSIS_FORM,
    NCMD_CATEGORY_CLARIFICATIONS,
)
from safeguarding.rules import DatedRule, Version, register

__all__ = [
    "APPLY_CATEGORY_HIERARCHY",
    "CATEGORIES",
    "CATEGORY_HIERARCHY",
    "CATEGORY_INCLUSIONS",
    "SUDEP_CATEGORY",
    "Categorisation",
    "Category",
    "categorise",
]

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


def _hide_text(value: object) -> str:
    """Stand-in for free text (it may name people) in a ``repr``."""
    return "''" if value == "" else "<text>"


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


def _check_categories(candidates: object) -> tuple[Category, ...]:
    chosen = items_of("candidates", candidates, Category)
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


@criteria(
    "child_death.categories",
    "child_death.category_hierarchy",
    "child_death.apply_category_hierarchy",
    "child_death.sudep_category",
    calls="categorise_calls",
)
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
