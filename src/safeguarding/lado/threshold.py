"""Does an allegation meet the harm threshold (a LADO matter), or is it a low-level concern?

An allegation is referred to the Local Authority Designated Officer (LADO) when
it is alleged that someone who works with children has

1. behaved in a way that has harmed a child, or may have harmed a child;
2. possibly committed a criminal offence against or related to a child;
3. behaved towards a child or children in a way that indicates they may pose a
   risk of harm to children; or, **from KCSIE 2020 (1 September 2020)**,
4. behaved or may have behaved in a way that indicates they may not be suitable
   to work with children.

Any one limb is enough. The fourth limb brought in *transferable risk*: conduct
outside work (domestic abuse at home, say) that suggests the person may not be
safe with children. Before 1 September 2020 such conduct reached the LADO only
if it could be framed under one of the first three limbs.

From **KCSIE 2021 (1 September 2021)** a concern that does not meet the
threshold is a *low-level concern* when the person may have acted in a way
inconsistent with the staff code of conduct, including inappropriate conduct
outside work. "Low-level" does not mean insignificant; the school or employer
records and handles it itself. Before KCSIE 2021 there was no such category.

KCSIE governs schools and colleges; local safeguarding procedures apply the
same test to every sector (early years, health, sport, faith, foster care, ...).

Examples:
    >>> import datetime as dt
    >>> from safeguarding.lado.models import Allegation, Behaviour, ConcernCategory, Setting
    >>> at_home = Behaviour(category=ConcernCategory.CONDUCT, setting=Setting.OUTSIDE_WORK,
    ...                     harmed_child=False, criminal_offence=False, risk_to_children=False,
    ...                     unsuitable=True)
    >>> allegation = Allegation(made_on=dt.date(2020, 8, 31), behaviours=(at_home,))
    >>> assess_threshold(allegation, on=dt.date(2020, 8, 31)).outcome.value
    'neither'
    >>> assess_threshold(allegation, on=dt.date(2020, 9, 1)).outcome.value
    'LADO referral'
"""

from __future__ import annotations

import datetime as dt
import enum

from safeguarding._validate import check_date
from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria
from safeguarding.lado.editions import (
    _carried,
    _version,
    commencement,
    edition_label,
)
from safeguarding.lado.models import Allegation, Behaviour, Setting
from safeguarding.logic import any_of, not_
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, register
from safeguarding.sources import keeping_children_safe_in_education

__all__ = [
    "HARM_THRESHOLD",
    "LOW_LEVEL_CONCERN",
    "Limb",
    "ThresholdOutcome",
    "assess_threshold",
    "is_lado_referral",
    "limbs_in_force",
]


class Limb(enum.Enum):
    """A limb of the harm threshold; the value is the limb in a few words."""

    HARMED_CHILD = "harmed or may have harmed a child"
    CRIMINAL_OFFENCE = "possibly committed a criminal offence against or related to a child"
    RISK_OF_HARM = "behaved towards children in a way indicating a risk of harm"
    NOT_SUITABLE = "may not be suitable to work with children (transferable risk)"


class ThresholdOutcome(enum.Enum):
    """Where an allegation falls."""

    LADO_REFERRAL = "LADO referral"
    """At least one limb of the harm threshold is met: refer to the LADO."""
    LOW_LEVEL_CONCERN = "low-level concern"
    """Below the threshold, but inconsistent with the staff code of conduct (KCSIE 2021 on)."""
    NEITHER = "neither"
    """No limb is met and it is not a low-level concern."""
    UNDETERMINED = "undetermined"
    """The facts given are not enough to decide."""


_FIELD = {
    Limb.HARMED_CHILD: "harmed_child",
    Limb.CRIMINAL_OFFENCE: "criminal_offence",
    Limb.RISK_OF_HARM: "risk_to_children",
    Limb.NOT_SUITABLE: "unsuitable",
}

_THREE: tuple[Limb, ...] = (Limb.HARMED_CHILD, Limb.CRIMINAL_OFFENCE, Limb.RISK_OF_HARM)
_FOUR: tuple[Limb, ...] = (*_THREE, Limb.NOT_SUITABLE)

_PART_FOUR_2021 = "https://www.keepingchildrensafeineducation.co.uk/part_four_alleg.html"

HARM_THRESHOLD: DatedRule[tuple[Limb, ...]] = register(
    DatedRule(
        key="lado.harm_threshold",
        title="Limbs of the harm threshold: any one met means a referral to the LADO",
        versions=(
            _version(
                2014,
                _THREE,
                keeping_children_safe_in_education(2014).cite(
                    "Part four (threshold paragraph not read)",
                    Verification.SECONDARY,
                    note="Three limbs restated, citing Working Together 2015, by Luton LSCB, "
                    "Hounslow SCB and Stafford BC ('page 48'), and in 2012-era procedures. "
                    "Applied to every edition before KCSIE 2020; the KCSIE 2014 to 2019 "
                    "paragraphs themselves were not read.",
                ),
            ),
            _version(
                2020,
                _FOUR,
                keeping_children_safe_in_education(2020).cite(
                    "Part four, para 211",
                    Verification.SECONDARY,
                    url="https://www.footanstey.com/our-insights/articles-news/"
                    "keeping-children-safe-in-education-revised-statutory-guidance/",
                    note="Para 211 with its added fourth bullet (may not be suitable to work "
                    "with children) is quoted by Foot Anstey and Browne Jacobson, who give "
                    "transferable risk as the reason; both confirmed with the search tool. "
                    "The KCSIE 2020 text itself was not read.",
                ),
            ),
            _version(
                2021,
                _FOUR,
                keeping_children_safe_in_education(2021).cite(
                    "Part four, Section one, paras 338-340",
                    Verification.PRIMARY,
                    url=_PART_FOUR_2021,
                    note="Read in verbatim copies of KCSIE 2021 (flipbook page 123 and the "
                    "keepingchildrensafeineducation.co.uk HTML); para 338 lists the four limbs "
                    "joined by 'and/or', paras 339-340 name transferable risk. Confirmed again "
                    "with the search tool.",
                ),
            ),
            *(_carried(year, _FOUR, read_in=2021, what="harm threshold") for year in (2022, 2023)),
            _version(
                2024,
                _FOUR,
                keeping_children_safe_in_education(2024).cite(
                    "Part four, Section one, para 356",
                    Verification.PRIMARY,
                    note="Read in a verbatim tri.x-hosted copy whose Annex F lists changes from "
                    "September 2023: the same four limbs under the heading 'harm threshold'.",
                ),
            ),
            _carried(2025, _FOUR, read_in=2024, what="harm threshold"),
        ),
    )
)

_LLC_CRITERIA = (
    "inconsistent with the staff code of conduct, including inappropriate conduct outside work",
    "does not meet the harm threshold or is otherwise not serious enough for a LADO referral",
)

LOW_LEVEL_CONCERN: DatedRule[tuple[str, str]] = register(
    DatedRule(
        key="lado.low_level_concern",
        title="A low-level concern: both conditions hold (a category from KCSIE 2021)",
        versions=(
            _version(
                2021,
                _LLC_CRITERIA,
                keeping_children_safe_in_education(2021).cite(
                    "Part four, Section two, paras 407-410",
                    Verification.PRIMARY,
                    url="https://user-s7hizqk.cld.bz/1-General-Information/137",
                    note="Para 409 read in a verbatim flipbook copy: any concern, however small, "
                    "that an adult may have acted inconsistently with the staff code of "
                    "conduct and below the threshold. The IICSA residential schools report "
                    "(official) says KCSIE 2021 first split Part four into allegations and "
                    "low-level concerns.",
                ),
            ),
            *(
                _carried(year, _LLC_CRITERIA, read_in=2021, what="low-level concerns")
                for year in (2022, 2023)
            ),
            _version(
                2024,
                _LLC_CRITERIA,
                keeping_children_safe_in_education(2024).cite(
                    "Part four, Section two (definition not read)",
                    Verification.UNVERIFIED,
                    note="The KCSIE 2024 contents (verbatim copy) show Section two, 'Concerns or "
                    "allegations that do not meet the harm threshold'; the definition itself "
                    "was not read and is assumed unchanged from KCSIE 2021.",
                ),
            ),
            _carried(2025, _LLC_CRITERIA, read_in=2024, what="low-level concerns"),
        ),
    )
)


def limbs_in_force(*, on: dt.date, procedures: Procedures = NATIONAL) -> tuple[Limb, ...]:
    """The limbs of the harm threshold on *on*.

    Legal basis:
        Keeping Children Safe in Education, Part four: three limbs until
        KCSIE 2020 para 211 added the fourth (1 September 2020); KCSIE 2021
        para 338, KCSIE 2024 para 356. Rule ``lado.harm_threshold``.

    Args:
        on: The date that matters.
        procedures: Local procedures (national guidance if omitted).

    Returns:
        The limbs in the guidance's order.

    Raises:
        InvalidInputError: *on* is not a plain ``date``, or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2014 (3 April 2014).

    Examples:
        >>> import datetime as dt
        >>> len(limbs_in_force(on=dt.date(2020, 8, 31)))
        3
        >>> len(limbs_in_force(on=dt.date(2020, 9, 1)))
        4
    """
    return HARM_THRESHOLD.at(on, procedures=check_procedures(procedures)).value


def _plural(n: int) -> str:
    return "behaviour" if n == 1 else "behaviours"


def _limb_detail(limb: Limb, behaviours: tuple[Behaviour, ...], met: bool | None) -> str:
    total = len(behaviours)
    values = [getattr(b, _FIELD[limb]) for b in behaviours]
    if met is True:
        engaging = [b for b, v in zip(behaviours, values, strict=True) if v is True]
        categories = ", ".join(sorted({b.category.value for b in engaging}))
        outside = any(b.setting is Setting.OUTSIDE_WORK for b in engaging)
        where = ", including conduct outside work" if outside else ""
        return (
            f"{len(engaging)} of {total} alleged {_plural(total)} engage this limb "
            f"({categories}{where})."
        )
    if met is None:
        unknown = values.count(None)
        return (
            f"No alleged behaviour is known to engage this limb; it is not yet known for "
            f"{unknown} of {total}."
        )
    return f"None of the {total} alleged {_plural(total)} engages this limb."


@criteria("lado.harm_threshold", "lado.low_level_concern", calls="threshold_calls")
def assess_threshold(
    allegation: Allegation, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[ThresholdOutcome]:
    """Decide whether an allegation is a LADO referral, a low-level concern or neither.

    Each limb of the harm threshold in force on *on* is met if any alleged
    behaviour engages it, not met if every behaviour is known not to, and
    undecided otherwise. One limb met makes a LADO referral. If no limb is met
    and the low-level-concern category exists (KCSIE 2021 on), a behaviour
    inconsistent with the staff code of conduct makes a low-level concern.
    The order of the behaviours never matters.

    Legal basis:
        Keeping Children Safe in Education, Part four: 2020 para 211 (fourth
        limb), 2021 paras 338-340 and 407-410, 2024 para 356; Working Together
        to Safeguard Children (the LADO's role). Rules ``lado.harm_threshold``
        and ``lado.low_level_concern``.

    Args:
        allegation: The alleged behaviours.
        on: The date whose edition applies (usually the day the employer
            became aware of the allegation).
        procedures: Local procedures; where they set ``lado.harm_threshold`` or
            ``lado.low_level_concern``, the findings cite the local document.

    Returns:
        A decision with one finding per limb in force, then (from KCSIE 2021)
        the two conditions of a low-level concern; an extra finding explains
        transferable risk before KCSIE 2020 or a code-of-conduct breach before
        KCSIE 2021 when the facts raise them. ``rule_version`` names the edition.

    Raises:
        InvalidInputError: *allegation* is not an [`Allegation`][], *on*
            is not a plain ``date``, or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2014 (3 April 2014).

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.lado.models import Allegation, Behaviour, ConcernCategory, Setting
        >>> favourites = Behaviour(category=ConcernCategory.CONDUCT, setting=Setting.IN_WORK,
        ...     harmed_child=False, criminal_offence=False, risk_to_children=False,
        ...     unsuitable=False, breaches_code_of_conduct=True)
        >>> decision = assess_threshold(
        ...     Allegation(made_on=dt.date(2022, 3, 1), behaviours=(favourites,)),
        ...     on=dt.date(2022, 3, 1))
        >>> print(decision.outcome.value, "|", decision.rule_version)
        low-level concern | KCSIE 2021
    """
    if not isinstance(allegation, Allegation):
        raise InvalidInputError("allegation", "must be an Allegation")
    check_date("on", on)
    check_procedures(procedures)
    version = HARM_THRESHOLD.at(on, procedures=procedures)
    behaviours = allegation.behaviours
    findings: list[Finding] = []
    for limb in version.value:
        met = any_of(*(getattr(b, _FIELD[limb]) for b in behaviours))
        findings.append(
            Finding(
                criterion=limb.value,
                met=met,
                detail=_limb_detail(limb, behaviours, met),
                source=version.source,
            )
        )
    threshold = any_of(*(f.met for f in findings))
    if Limb.NOT_SUITABLE not in version.value and any(b.unsuitable for b in behaviours):
        findings.append(
            Finding(
                criterion="transferable risk (not a limb before KCSIE 2020)",
                met=False,
                detail="Behaviour said to show the person may not be suitable to work with "
                "children counts only if it falls under one of the three limbs: the fourth "
                "limb applies from 1 September 2020.",
                source=HARM_THRESHOLD.at(commencement(2020)).source,
            )
        )
    conduct = any_of(*(b.breaches_code_of_conduct for b in behaviours))
    outcome = _outcome(threshold, conduct, low_level=LOW_LEVEL_CONCERN.is_in_force(on))
    if LOW_LEVEL_CONCERN.is_in_force(on):
        llc = LOW_LEVEL_CONCERN.at(on, procedures=procedures)
        code, below = llc.value
        breaching = sum(1 for b in behaviours if b.breaches_code_of_conduct)
        findings.append(
            Finding(
                criterion=code,
                met=conduct,
                detail=f"{breaching} of {len(behaviours)} alleged {_plural(len(behaviours))} "
                "said to be inconsistent with the staff code of conduct.",
                source=llc.source,
            )
        )
        findings.append(
            Finding(
                criterion=below,
                met=not_(threshold),
                detail=_below_detail(threshold),
                source=llc.source,
            )
        )
    elif conduct:
        findings.append(
            Finding(
                criterion="low-level concern (not a category before KCSIE 2021)",
                met=False,
                detail="A breach of the staff code of conduct below the threshold is for the "
                "employer's own conduct procedures; low-level concerns are a category from "
                "1 September 2021.",
                source=LOW_LEVEL_CONCERN.versions[0].source,
            )
        )
    return Decision(
        outcome=outcome,
        findings=tuple(findings),
        rule_version=edition_label(on=on, procedures=procedures),
    )


def _below_detail(threshold: bool | None) -> str:
    if threshold is None:
        return "Not yet known whether the harm threshold is met."
    if threshold:
        return "The harm threshold is met, so this is not a low-level concern."
    return "No limb of the harm threshold is met."


def _outcome(threshold: bool | None, conduct: bool | None, *, low_level: bool) -> ThresholdOutcome:
    if threshold is True:
        return ThresholdOutcome.LADO_REFERRAL
    if threshold is None:
        return ThresholdOutcome.UNDETERMINED
    if not low_level or conduct is False:
        return ThresholdOutcome.NEITHER
    if conduct is None:
        return ThresholdOutcome.UNDETERMINED
    return ThresholdOutcome.LOW_LEVEL_CONCERN


def is_lado_referral(
    allegation: Allegation, *, on: dt.date, procedures: Procedures = NATIONAL
) -> bool | None:
    """Whether the allegation meets the harm threshold on *on*: yes, no, or not yet known.

    Legal basis:
        As [`assess_threshold`][].

    Args:
        allegation: The alleged behaviours.
        on: The date whose edition applies.
        procedures: Local procedures (national guidance if omitted).

    Returns:
        ``True`` when a limb in force is met (a LADO referral), ``False`` when every
        limb is known not to be met, and ``None`` when the facts given cannot decide:
        an unknown is never read as "no". [`assess_threshold`][] gives the reasons.

    Raises:
        InvalidInputError: bad arguments.
        RuleNotInForceError: *on* is before KCSIE 2014.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.lado.models import Allegation, Behaviour, ConcernCategory, Setting
        >>> slap = Behaviour(category=ConcernCategory.PHYSICAL, setting=Setting.IN_WORK,
        ...                  harmed_child=True)
        >>> is_lado_referral(Allegation(made_on=dt.date(2019, 5, 1), behaviours=(slap,)),
        ...                  on=dt.date(2019, 5, 1))
        True
    """
    if not isinstance(allegation, Allegation):
        raise InvalidInputError("allegation", "must be an Allegation")
    limbs = limbs_in_force(on=on, procedures=procedures)
    return any_of(*(getattr(b, _FIELD[limb]) for limb in limbs for b in allegation.behaviours))
