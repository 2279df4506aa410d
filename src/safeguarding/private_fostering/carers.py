"""Who may foster privately, and how many children (Children Act 1989 s68, Sch 7).

* A person barred from regulated activity relating to children (the DBS
  children's barred list) must not foster privately: the bar is absolute,
  the local authority cannot lift it (s68(3A)); the text goes on to a
  household limb whose full wording was not seen.
* A person disqualified by the Disqualification from Caring for Children
  (England) Regulations 2002 (for example a parent of a child made subject
  to a care order, or someone convicted of specified offences), or living in
  a household where a disqualified person lives or is employed, may foster
  privately only after disclosing it to the local authority and obtaining
  its written consent (s68(1) and (3)).
* Nobody may foster more than three children (private and local authority
  fostering together) unless they are all siblings of each other or the local
  authority has exempted the carer; above the limit the carer is treated as
  running a children's home (Sch 7, the "usual fostering limit").

Examples:
    >>> import datetime as dt
    >>> assess_carer(CarerCircumstances(barred=True), on=dt.date(2025, 1, 6)).outcome.value
    'may not foster'
    >>> assess_fostering_limit(children=4, all_siblings=True, exempted=False,
    ...                        on=dt.date(2025, 1, 6)).outcome.value
    'within limit'
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from safeguarding._validate import check_date, check_int, is_optional_bool
from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria
from safeguarding.logic import all_of, any_of, not_
from safeguarding.private_fostering._instruments import DISQUALIFICATION_REGULATIONS_2002
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import CHILDREN_ACT_1989

__all__ = [
    "BARRED",
    "BARRED_HOUSEHOLD",
    "DISQUALIFIED",
    "USUAL_FOSTERING_LIMIT",
    "CarerCircumstances",
    "LimitOutcome",
    "Permission",
    "assess_carer",
    "assess_fostering_limit",
]

_PART_IX_COMMENCEMENT = dt.date(1991, 10, 14)
_BARRED_LISTS = dt.date(2009, 10, 12)
_S68 = "https://www.legislation.gov.uk/ukpga/1989/41/section/68"

BARRED: DatedRule[str] = register(
    DatedRule(
        key="private_fostering.barred",
        title="A person barred from regulated activity with children must not foster privately",
        versions=(
            Version(
                in_force_from=_BARRED_LISTS,
                value="absolute: no local authority consent can lift it",
                source=CHILDREN_ACT_1989.cite(
                    "s68(3A)(a)",
                    Verification.PRIMARY,
                    url=_S68,
                    note="Text read on legislation.gov.uk (barred within the meaning of the "
                    "Safeguarding Vulnerable Groups Act 2006, s3(2)); the in-force date is the "
                    "start of the SVGA barred lists (12 October 2009), from background "
                    "knowledge: the commencement of s68(3A) itself was not seen.",
                ),
            ),
        ),
    )
)
BARRED_HOUSEHOLD: DatedRule[str] = register(
    DatedRule(
        key="private_fostering.barred_household",
        title="A person living in the same household as a barred person must not foster privately",
        versions=(
            Version(
                in_force_from=_BARRED_LISTS,
                value="absolute: no local authority consent can lift it",
                source=CHILDREN_ACT_1989.cite(
                    "s68(3A)(b)",
                    Verification.UNVERIFIED,
                    url=_S68,
                    note="The text read breaks off at '(b) he lives in the same h...'; the "
                    "rest of the limb (and any 'employed at the household' limb) is unverified.",
                ),
            ),
        ),
    )
)
DISQUALIFIED: DatedRule[str] = register(
    DatedRule(
        key="private_fostering.disqualified",
        title="A disqualified person (or one living with one) may foster privately only with "
        "written consent",
        versions=(
            Version(
                in_force_from=_PART_IX_COMMENCEMENT,
                value="only after disclosure to the local authority and its written consent",
                source=CHILDREN_ACT_1989.cite(
                    "s68(1) and (3)",
                    Verification.PRIMARY,
                    url=_S68,
                    note="Text read on legislation.gov.uk. The grounds are in regulations: "
                    "from 1 April 2002 in England the Disqualification from Caring for Children "
                    "(England) Regulations 2002 (SI 2002/635).",
                ),
            ),
            Version(
                in_force_from=dt.date(2002, 4, 1),
                value="only after disclosure to the local authority and its written consent",
                source=DISQUALIFICATION_REGULATIONS_2002.cite(
                    "regs 2 to 4, with Children Act 1989 s68(1) and (3)",
                    Verification.PRIMARY,
                    url="https://www.legislation.gov.uk/uksi/2002/635/made",
                    note="The first grounds were read (care orders, removal of a child, "
                    "specified offences); the full list was not.",
                ),
                edition="Disqualification Regulations 2002",
            ),
        ),
    )
)
USUAL_FOSTERING_LIMIT: DatedRule[int] = register(
    DatedRule(
        key="private_fostering.usual_fostering_limit",
        title="Most children one person may foster (unless all siblings or exempted)",
        versions=(
            Version(
                in_force_from=_PART_IX_COMMENCEMENT,
                value=3,
                source=CHILDREN_ACT_1989.cite(
                    "Sch 7 paras 2 and 4",
                    Verification.SECONDARY,
                    url="https://www.legislation.gov.uk/ukpga/1989/41/schedule/7",
                    note="Enacted text read in Hansard (8 November 1989, then Sch 6A): more than "
                    "three children exceeds the limit unless all siblings; a local authority "
                    "may exempt a person. Current text as summarised by Fosterline and "
                    "CoramBAAF. Fostering includes fostering privately.",
                ),
            ),
        ),
    )
)


class Permission(enum.Enum):
    """Whether a person may foster a child privately."""

    MAY_FOSTER = "may foster"
    MAY_NOT_FOSTER = "may not foster"
    CANNOT_DECIDE = "cannot decide"


class LimitOutcome(enum.Enum):
    """Whether a carer is within the usual fostering limit."""

    WITHIN_LIMIT = "within limit"
    EXCEEDS_LIMIT = "exceeds limit"
    """Treated as running a children's home."""
    CANNOT_DECIDE = "cannot decide"


@attrs.frozen(kw_only=True)
class CarerCircumstances:
    """Facts about a (proposed) private foster carer's suitability in law.

    ``None`` means not known.

    Attributes:
        barred: On the children's barred list (SVGA 2006 s3(2)).
        household_member_barred: Lives in the same household as a barred person.
        disqualified: Disqualified under the 2002 Regulations.
        household_member_disqualified: Lives in a household where a
            disqualified person lives or is employed.
        written_consent: Disclosed the disqualification to the local
            authority and received its written consent.
    """

    barred: bool | None = attrs.field(default=None, validator=is_optional_bool)
    household_member_barred: bool | None = attrs.field(default=None, validator=is_optional_bool)
    disqualified: bool | None = attrs.field(default=None, validator=is_optional_bool)
    household_member_disqualified: bool | None = attrs.field(
        default=None, validator=is_optional_bool
    )
    written_consent: bool | None = attrs.field(default=None, validator=is_optional_bool)


def _flag(
    criterion: str, value: bool | None, rule: DatedRule[str], on: dt.date, p: Procedures
) -> Finding:
    version = rule.at(on, procedures=p)
    detail = {
        None: "Not known.",
        True: f"Yes: {version.value}.",
        False: "No.",
    }[value]
    return Finding(criterion=criterion, met=not_(value), detail=detail, source=version.source)


def _consented(
    criterion: str, value: bool | None, consent: bool | None, on: dt.date, p: Procedures
) -> Finding:
    version = DISQUALIFIED.at(on, procedures=p)
    met = any_of(not_(value), consent)
    if value is False:
        detail = "No."
    elif consent is True:
        detail = "Disqualified, but the local authority has given written consent."
    elif value is None:
        detail = "Not known."
    elif consent is False:
        detail = "Disqualified, and no written consent from the local authority."
    else:
        detail = "Disqualified; not known whether the local authority consented in writing."
    return Finding(criterion=criterion, met=met, detail=detail, source=version.source)


@criteria(
    "private_fostering.barred",
    "private_fostering.barred_household",
    "private_fostering.disqualified",
    calls="assess_carer_calls",
)
def assess_carer(
    circumstances: CarerCircumstances, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[Permission]:
    """Decide whether a person may foster a child privately on *on*.

    Rule: a barred person (or one in a barred person's household) never may;
    a disqualified person, or one in a disqualified person's household, may
    only with the local authority's written consent after disclosure.

    Legal basis:
        Children Act 1989 s68(1), (3) and (3A); Disqualification from Caring
        for Children (England) Regulations 2002.

    Args:
        circumstances: The facts about the carer.
        on: The day asked about, whose rules apply (before 12 October 2009
            the barred-list bar is not applied).
        procedures: Local procedures (any local version of a rule, cited in
            its finding).

    Returns:
        A decision with outcome [`Permission`][] and one finding per bar.

    Raises:
        InvalidInputError: bad arguments.
        RuleNotInForceError: *on* is before 14 October 1991.

    Examples:
        >>> import datetime as dt
        >>> facts = CarerCircumstances(barred=False, household_member_barred=False,
        ...                            disqualified=True, household_member_disqualified=False,
        ...                            written_consent=True)
        >>> assess_carer(facts, on=dt.date(2025, 1, 6)).outcome.value
        'may foster'
    """
    if not isinstance(circumstances, CarerCircumstances):
        raise InvalidInputError("circumstances", "must be a CarerCircumstances")
    check_date("on", on)
    p = check_procedures(procedures)
    c = circumstances
    findings = []
    if BARRED.is_in_force(on):
        findings.append(
            _flag("not barred from work with children (s68(3A))", c.barred, BARRED, on, p)
        )
        findings.append(
            _flag(
                "no barred person in the household (s68(3A))",
                c.household_member_barred,
                BARRED_HOUSEHOLD,
                on,
                p,
            )
        )
    findings.append(
        _consented(
            "not disqualified, or consented in writing (s68(1))",
            c.disqualified,
            c.written_consent,
            on,
            p,
        )
    )
    findings.append(
        _consented(
            "no disqualified person in the household, or consented in writing (s68(3))",
            c.household_member_disqualified,
            c.written_consent,
            on,
            p,
        )
    )
    verdict = all_of(*(f.met for f in findings))
    outcome = {
        True: Permission.MAY_FOSTER,
        False: Permission.MAY_NOT_FOSTER,
        None: Permission.CANNOT_DECIDE,
    }[verdict]
    return Decision(
        outcome=outcome,
        findings=tuple(findings),
        rule_version=f"Children Act 1989 s68 as in force on {on.isoformat()}",
    )


def assess_fostering_limit(
    *,
    children: int,
    all_siblings: bool | None,
    exempted: bool | None,
    on: dt.date,
    procedures: Procedures = NATIONAL,
) -> Decision[LimitOutcome]:
    """Decide whether a carer is within the usual fostering limit.

    Rule: fostering (privately or for a local authority) more than three
    children exceeds the limit, unless the children are all siblings of each
    other or the local authority where the carer lives has exempted them.

    Legal basis:
        Children Act 1989 Sch 7 (the usual fostering limit; "fostering"
        includes fostering privately).

    Args:
        children: How many children the person fosters, all kinds together.
        all_siblings: Whether they are all siblings of each other.
        exempted: Whether the local authority has exempted the carer.
        on: The day asked about, whose rules apply.
        procedures: Local procedures (any local version of the rule, cited
            in the findings).

    Returns:
        A decision with outcome [`LimitOutcome`][].

    Raises:
        InvalidInputError: *children* is not an integer of at least 0, a
            flag is not ``True``/``False``/``None``, *on* is not a date, or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].

    Examples:
        >>> import datetime as dt
        >>> assess_fostering_limit(children=4, all_siblings=False, exempted=None,
        ...                        on=dt.date(2025, 1, 6)).outcome.value
        'cannot decide'
    """
    check_int("children", children, minimum=0)
    for name, flag in (("all_siblings", all_siblings), ("exempted", exempted)):
        if flag is not None and not isinstance(flag, bool):
            raise InvalidInputError(name, "must be True, False or None")
    check_date("on", on)
    version = USUAL_FOSTERING_LIMIT.at(on, procedures=check_procedures(procedures))
    limit = version.value
    within = children <= limit
    findings = (
        Finding(
            criterion=f"fostering no more than {limit} children",
            met=within,
            detail=f"Fostering {children} children.",
            source=version.source,
        ),
        Finding(
            criterion="all the children are siblings of each other",
            met=all_siblings,
            detail={None: "Not known.", True: "Yes.", False: "No."}[all_siblings],
            source=version.source,
        ),
        Finding(
            criterion="exempted by the local authority",
            met=exempted,
            detail={None: "Not known.", True: "Yes.", False: "No."}[exempted],
            source=version.source,
        ),
    )
    verdict = any_of(within, all_siblings, exempted)
    outcome = {
        True: LimitOutcome.WITHIN_LIMIT,
        False: LimitOutcome.EXCEEDS_LIMIT,
        None: LimitOutcome.CANNOT_DECIDE,
    }[verdict]
    return Decision(
        outcome=outcome,
        findings=findings,
        rule_version=f"Children Act 1989 Sch 7 as in force on {on.isoformat()}",
    )
