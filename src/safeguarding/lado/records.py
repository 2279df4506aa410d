"""What happens to the record of an allegation: kept or removed, for how long, and references.

* **Removal.** Until KCSIE 2016 only allegations found *malicious* were removed
  from personnel records. KCSIE 2021 (para 397) removes allegations found
  *malicious or false*, unless the person consents to the record being kept.
  Which edition made the change (2018, 2019, 2020 or 2021) is not confirmed;
  the library applies it from KCSIE 2021. Unsubstantiated and unfounded
  allegations are kept.
* **What is kept** for other outcomes: a clear summary, how it was followed up
  and resolved, the action and decisions and the outcome category, a copy to
  the person where children's social care or the police agree, and whether it
  will be mentioned in references.
* **Retention.** At least until the person reaches normal pension (retirement)
  age, or for 10 years from the date of the allegation if that is longer
  (KCSIE 2014 para 127). Computing it needs the person's date of birth and
  normal pension age.
* **IICSA.** From KCSIE 2021 (para 399) records of allegations of sexual abuse
  were preserved for the Independent Inquiry into Child Sexual Abuse; the
  inquiry reported in October 2022 and KCSIE 2023 dropped the requirement.
* **References.** Allegations found false, unsubstantiated or malicious are
  left out of references (KCSIE 2016 para 173); the library leaves unfounded
  ones out too (unverified).
* **Referrals.** A substantiated allegation against someone who is dismissed,
  resigns or stops working with children must be referred to the Disclosure
  and Barring Service (Safeguarding Vulnerable Groups Act 2006 s35; KCSIE
  2021 para 383); for a teacher the case manager must also consider a
  referral to the Teaching Regulation Agency (para 384).

Examples:
    >>> import datetime as dt
    >>> from safeguarding.lado.outcomes import Outcome
    >>> record_treatment(Outcome.FALSE, on=dt.date(2021, 8, 31)).outcome.value
    'keep on the personnel file'
    >>> record_treatment(Outcome.FALSE, on=dt.date(2021, 9, 1)).outcome.value
    'remove from personnel records'
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from safeguarding._validate import check_date, check_enum
from safeguarding.calendar import add_months
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.lado.editions import (
    SAFEGUARDING_VULNERABLE_GROUPS_ACT_2006,
    _carried,
    _version,
    commencement,
    edition_label,
)
from safeguarding.lado.models import Case, ConcernCategory, Role
from safeguarding.lado.outcomes import OUTCOMES, Outcome, check_outcome_in_force
from safeguarding.logic import all_of
from safeguarding.people import date_reaching_age
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import keeping_children_safe_in_education

__all__ = [
    "DBS_REFERRAL",
    "IICSA_PRESERVATION",
    "RECORD_REMOVAL",
    "RECORD_RETENTION",
    "REFERENCES",
    "TRA_REFERRAL",
    "RecordRemoval",
    "RecordTreatment",
    "dbs_referral",
    "may_mention_in_reference",
    "record_treatment",
    "retention",
    "tra_referral",
]


class RecordTreatment(enum.Enum):
    """What happens to the allegation on the person's personnel file."""

    KEEP = "keep on the personnel file"
    REMOVE = "remove from personnel records"


def _is_outcome_set(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset) or not all(isinstance(o, Outcome) for o in value):
        raise InvalidInputError(attribute.name, "must be a frozenset of Outcome members")


def _is_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidInputError(attribute.name, "must be True or False")


def _a(outcome: Outcome) -> str:
    """``"a false"``, ``"an unfounded"``: the outcome with its article."""
    article = "an" if outcome.value[0] in "aeiou" else "a"
    return f"{article} {outcome.value}"


def _names(outcomes: Iterable[Outcome]) -> str:
    ordered = [o.value for o in Outcome if o in set(outcomes)]
    if len(ordered) <= 1:
        return "".join(ordered) or "nothing"
    return ", ".join(ordered[:-1]) + " or " + ordered[-1]


@attrs.frozen(kw_only=True)
class RecordRemoval:
    """Which outcomes are removed from personnel records, and whether consent keeps them.

    Attributes:
        removed: The outcomes whose details are removed.
        unless_consent: Whether the person may consent to the record being kept.
    """

    removed: frozenset[Outcome] = attrs.field(validator=_is_outcome_set)
    unless_consent: bool = attrs.field(validator=_is_bool)

    def describe(self) -> str:
        """``"malicious or false removed unless the person consents"``."""
        consent = " unless the person consents" if self.unless_consent else ""
        return f"{_names(self.removed)} removed{consent}"


_KCSIE_2014 = keeping_children_safe_in_education(2014)
_KCSIE_2016 = keeping_children_safe_in_education(2016)
_KCSIE_2021 = keeping_children_safe_in_education(2021)
_GRID_NOTE = (
    "Read in the verbatim copy of KCSIE April 2014 paras 126-128 on Hertfordshire's schools "
    "portal (thegrid.org.uk, not https)."
)
_P135 = "https://user-s7hizqk.cld.bz/1-General-Information/135"
_P47 = "https://online.flipbuilder.com/ruih/lrev/files/basic-html/page47.html"

_MALICIOUS_ONLY = RecordRemoval(removed=frozenset({Outcome.MALICIOUS}), unless_consent=False)
_MALICIOUS_OR_FALSE = RecordRemoval(
    removed=frozenset({Outcome.MALICIOUS, Outcome.FALSE}), unless_consent=True
)

RECORD_REMOVAL: DatedRule[RecordRemoval] = register(
    DatedRule(
        key="lado.record_removal",
        title="Allegations whose details are removed from personnel records",
        versions=(
            _version(
                2014,
                _MALICIOUS_ONLY,
                _KCSIE_2014.cite("Part four, paras 126-127", Verification.PRIMARY, note=_GRID_NOTE),
            ),
            _carried(2015, _MALICIOUS_ONLY, read_in=2014, what="record keeping"),
            _version(
                2016,
                _MALICIOUS_ONLY,
                _KCSIE_2016.cite(
                    "Part four, para 170",
                    Verification.PRIMARY,
                    url="https://online.flipbuilder.com/ruih/lrev/files/basic-html/page46.html",
                    note="Read in a verbatim flipbook copy of the September 2016 edition.",
                ),
            ),
            *(
                _carried(year, _MALICIOUS_ONLY, read_in=2016, what="record keeping")
                for year in (2018, 2019, 2020)
            ),
            _version(
                2021,
                _MALICIOUS_OR_FALSE,
                _KCSIE_2021.cite(
                    "Part four, para 397",
                    Verification.PRIMARY,
                    url=_P135,
                    note="Read in a verbatim flipbook copy of KCSIE 2021 and confirmed with the "
                    "search tool. Which edition first removed false allegations and added the "
                    "consent exception (2018 to 2021) is not confirmed.",
                ),
            ),
            *(
                _carried(year, _MALICIOUS_OR_FALSE, read_in=2021, what="record keeping")
                for year in (2022, 2023, 2024, 2025)
            ),
        ),
    )
)

RECORD_RETENTION: DatedRule[int] = register(
    DatedRule(
        key="lado.record_retention",
        title="Keep the record until normal pension age, or this many years from the "
        "allegation if later",
        versions=(
            _version(
                2014,
                10,
                _KCSIE_2014.cite(
                    "Part four, para 127",
                    Verification.PRIMARY,
                    note=_GRID_NOTE + " The 2014 text says 'normal retirement age'; para 128 "
                    "points to the ICO Employment Practices Code.",
                ),
            ),
            _carried(2016, 10, read_in=2014, what="record retention"),
            _version(
                2021,
                10,
                _KCSIE_2021.cite(
                    "Part four, para 399 (sentence cut off in the copy read)",
                    Verification.SECONDARY,
                    url="https://neu.org.uk/advice/recording-allegations-abuse",
                    note="Restated as 'normal pension age, or 10 years from the allegation if "
                    "longer' by the NEU and London Child Protection Procedures 2014 s7.5.1; the "
                    "copy of KCSIE 2021 read breaks off before the period.",
                ),
            ),
        ),
    )
)

IICSA_PRESERVATION: DatedRule[bool] = register(
    DatedRule(
        key="lado.iicsa_preservation",
        title="Records of allegations of sexual abuse preserved for IICSA",
        versions=(
            _version(
                2021,
                True,  # noqa: FBT003 - a rule's value
                _KCSIE_2021.cite(
                    "Part four, para 399",
                    Verification.PRIMARY,
                    url=_P135,
                    note="Read in a verbatim flipbook copy: preserve for the term of the "
                    "inquiry. Earlier editions were not read for this duty.",
                ),
            ),
            _version(
                2023,
                False,  # noqa: FBT003 - a rule's value
                keeping_children_safe_in_education(2023).cite(
                    "Part four, record keeping",
                    Verification.SECONDARY,
                    url="https://schoolleaders.thekeysupport.com/administration-and-management/"
                    "record-keeping/retention-records/"
                    "child-protection-records-how-long-should-they-be-retained/",
                    note="The Key (June 2023): the inquiry has concluded and the requirement is "
                    "no longer in KCSIE 2023. Confirmed with the search tool.",
                ),
            ),
        ),
    )
)

_OUT_OF_REFERENCES = frozenset({Outcome.FALSE, Outcome.UNSUBSTANTIATED, Outcome.MALICIOUS})

REFERENCES: DatedRule[frozenset[Outcome]] = register(
    DatedRule(
        key="lado.references",
        title="Outcomes that must not be mentioned in an employer reference",
        versions=(
            _version(
                2016,
                _OUT_OF_REFERENCES,
                _KCSIE_2016.cite(
                    "Part four, para 173",
                    Verification.PRIMARY,
                    url=_P47,
                    note="Read in a verbatim flipbook copy; a history of repeated concerns all "
                    "found false, unsubstantiated or malicious is left out too.",
                ),
            ),
            *(
                _carried(year, _OUT_OF_REFERENCES, read_in=2016, what="references")
                for year in (2018, 2019, 2020)
            ),
            _version(
                2021,
                _OUT_OF_REFERENCES | {Outcome.UNFOUNDED},
                _KCSIE_2021.cite(
                    "Part four, references (not read)",
                    Verification.UNVERIFIED,
                    note="Whether 'unfounded' joins false, unsubstantiated and malicious is not "
                    "confirmed; the library leaves unfounded allegations out of references, as "
                    "there was no evidence or proper basis for them.",
                ),
            ),
        ),
    )
)

DBS_REFERRAL: DatedRule[str] = register(
    DatedRule(
        key="lado.dbs_referral",
        title="Duty to refer to the Disclosure and Barring Service",
        versions=(
            Version(
                in_force_from=commencement(2014),
                value="refer when the person is removed from work with children (or would "
                "have been had they not left) because they harmed or posed a risk of harm",
                source=SAFEGUARDING_VULNERABLE_GROUPS_ACT_2006.cite(
                    "s35",
                    Verification.SECONDARY,
                    url="https://www.legislation.gov.uk/ukpga/2006/47/section/35",
                    note="Working Together wording quoted by Sefton LSCB: an organisation that "
                    "removes an individual because they pose a risk of harm to children must "
                    "refer to the DBS, and failing to without good reason is an offence. s35 "
                    "itself was not read. The start date is the library's coverage (the "
                    "commencement of KCSIE 2014, 3 April 2014).",
                ),
            ),
            _version(
                2021,
                "refer when the allegation is substantiated and the person is dismissed, "
                "resigns or otherwise stops providing services (or the employer stops using "
                "them)",
                _KCSIE_2021.cite(
                    "Part four, para 383",
                    Verification.PRIMARY,
                    url="https://user-s7hizqk.cld.bz/1-General-Information/132",
                    note="Read in a verbatim flipbook copy; settlement agreements cannot prevent "
                    "the referral (para 396).",
                ),
            ),
        ),
    )
)

_TRA = "Teaching Regulation Agency (TRA)"

TRA_REFERRAL: DatedRule[str] = register(
    DatedRule(
        key="lado.tra_referral",
        title="Regulator a case manager must consider referring a teacher to",
        versions=(
            _version(
                2014,
                "National College for Teaching and Leadership (NCTL)",
                _KCSIE_2014.cite(
                    "Part four (referral of teachers not read)",
                    Verification.UNVERIFIED,
                    note="The NCTL regulated teacher misconduct until 2018; model school "
                    "policies of 2015 refer to 'the DBS/NCTL'. The KCSIE text was not read.",
                ),
            ),
            _version(
                2018,
                _TRA,
                keeping_children_safe_in_education(2018).cite(
                    "Part four",
                    Verification.SECONDARY,
                    url="https://hub4leaders.co.uk/learning-hub/resources/kcsie-2018-changes/"
                    "kcsie-changes-2018/",
                    note="Hub4Leaders: KCSIE 2018 replaced references to the NCTL with the TRA. "
                    "Confirmed with the search tool.",
                ),
            ),
            _version(
                2021,
                _TRA,
                _KCSIE_2021.cite(
                    "Part four, para 384",
                    Verification.PRIMARY,
                    url="https://user-s7hizqk.cld.bz/1-General-Information/132",
                    note="Read in a verbatim flipbook copy.",
                ),
            ),
        ),
    )
)


def _check_case(case: object) -> Case:
    if not isinstance(case, Case):
        raise InvalidInputError("case", "must be a Case")
    return case


def record_treatment(
    outcome: Outcome,
    *,
    on: dt.date,
    consents_to_retention: bool = False,
    procedures: Procedures = NATIONAL,
) -> Decision[RecordTreatment]:
    """Whether the details of a concluded allegation stay on the person's personnel file.

    Malicious allegations are removed (every edition); from KCSIE 2021 false
    allegations are removed too, unless the person consents to the record
    being kept. Other outcomes are kept.

    Legal basis:
        Keeping Children Safe in Education 2014 paras 126-127, 2016 para 170,
        2021 para 397. Rule ``lado.record_removal``.

    Args:
        outcome: The outcome of the investigation.
        on: The date whose edition applies (usually the conclusion date).
        consents_to_retention: Whether the person consents to the record
            being kept (counts only where the edition allows it).
        procedures: Local procedures (national guidance if omitted).

    Returns:
        A decision (keep or remove) with one finding.

    Raises:
        InvalidInputError: *outcome* is not an [`Outcome`][] or not a
            category on *on*, or a bad date, flag or procedures.
        RuleNotInForceError: *on* is before KCSIE 2014.

    Examples:
        >>> import datetime as dt
        >>> record_treatment(Outcome.FALSE, on=dt.date(2023, 1, 1),
        ...                  consents_to_retention=True).outcome.value
        'keep on the personnel file'
    """
    check_enum("outcome", outcome, Outcome)
    check_date("on", on)
    if not isinstance(consents_to_retention, bool):
        raise InvalidInputError("consents_to_retention", "must be True or False")
    check_procedures(procedures)
    if OUTCOMES.is_in_force(on):
        check_outcome_in_force("outcome", outcome, on=on, procedures=procedures)
    version = RECORD_REMOVAL.at(on, procedures=procedures)
    rule = version.value
    removable = outcome in rule.removed
    kept_by_consent = removable and rule.unless_consent and consents_to_retention
    subject = f"{_a(outcome).capitalize()} allegation"
    if not removable:
        detail = f"{subject} is kept: only {_names(rule.removed)} ones go."
    elif kept_by_consent:
        detail = f"{subject} is removed unless the person consents; they do."
    elif rule.unless_consent:
        detail = f"{subject} is removed; the person has not consented to its being kept."
    else:
        detail = f"{subject} is removed; this edition has no consent exception."
    keep = not removable or kept_by_consent
    finding = Finding(
        criterion="record kept on the personnel file",
        met=keep,
        detail=detail,
        source=version.source,
    )
    return Decision(
        outcome=RecordTreatment.KEEP if keep else RecordTreatment.REMOVE,
        findings=(finding,),
        rule_version=edition_label(on=on, procedures=procedures),
    )


def retention(
    case: Case,
    *,
    on: dt.date,
    consents_to_retention: bool = False,
    procedures: Procedures = NATIONAL,
) -> Decision[dt.date | None]:
    """Until when the record of an allegation must be kept.

    The record is kept at least until the person reaches normal pension age,
    or for 10 years from the date of the allegation if that is later. If the
    outcome means the record is removed, there is nothing to retain and the
    outcome is ``None``.

    Legal basis:
        Keeping Children Safe in Education 2014 para 127 (primary copy); later
        editions secondary or unverified. Rules ``lado.record_retention``,
        ``lado.record_removal``, ``lado.iicsa_preservation``.

    Args:
        case: The case; its person needs a date of birth and a normal pension age.
        on: The date whose edition applies.
        consents_to_retention: Whether the person consents to a removable
            record being kept.
        procedures: Local procedures (national guidance if omitted).

    Returns:
        A decision whose outcome is the last day the record must be kept (or
        ``None`` if it is removed), with findings for removal, each of the two
        limits, and (while it applied) the IICSA hold on sexual-abuse records.

    Raises:
        InvalidInputError: *case* is not a [`Case`][], its person lacks a
            date of birth or a normal pension age, or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2014.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.lado.models import (Allegation, Behaviour, ConcernCategory,
        ...     Engagement, Person, Role, Sector, Setting, Timeline)
        >>> person = Person(role=Role.TEACHER, sector=Sector.EDUCATION, engagement=Engagement.PAID,
        ...                 date_of_birth=dt.date(1962, 6, 1), normal_pension_age=66)
        >>> shove = Behaviour(category=ConcernCategory.PHYSICAL, setting=Setting.IN_WORK,
        ...                   harmed_child=True)
        >>> case = Case(person=person,
        ...             allegation=Allegation(made_on=dt.date(2024, 6, 3), behaviours=(shove,)),
        ...             timeline=Timeline(employer_aware=dt.date(2024, 6, 3)))
        >>> retention(case, on=dt.date(2024, 6, 3)).outcome   # ten years beats pension age
        datetime.date(2034, 6, 3)
    """
    _check_case(case)
    check_date("on", on)
    check_procedures(procedures)
    person = case.person
    if person.date_of_birth is None:
        raise InvalidInputError("case.person.date_of_birth", "is needed for the retention date")
    if person.normal_pension_age is None:
        raise InvalidInputError(
            "case.person.normal_pension_age", "is needed for the retention date"
        )
    findings: list[Finding] = []
    if case.outcome is not None:
        treatment = record_treatment(
            case.outcome,
            on=on,
            consents_to_retention=consents_to_retention,
            procedures=procedures,
        )
        findings.extend(treatment.findings)
        if treatment.outcome is RecordTreatment.REMOVE:
            return Decision(
                outcome=None, findings=tuple(findings), rule_version=treatment.rule_version
            )
    version = RECORD_RETENTION.at(on, procedures=procedures)
    made_on = case.allegation.made_on
    pension = date_reaching_age(person.date_of_birth, person.normal_pension_age)
    years = add_months(made_on, 12 * version.value)
    findings.append(
        Finding(
            criterion="until normal pension age",
            met=pension >= years,
            detail=f"Normal pension age ({person.normal_pension_age}) is reached "
            f"{'on or after' if pension >= years else 'before'} the end of {version.value} "
            "years from the allegation.",
            source=version.source,
        )
    )
    findings.append(
        Finding(
            criterion=f"{version.value} years from the allegation",
            met=years > pension,
            detail=f"{version.value} years from the allegation end on {years.isoformat()}.",
            source=version.source,
        )
    )
    if ConcernCategory.SEXUAL in case.allegation.categories and IICSA_PRESERVATION.is_in_force(on):
        hold = IICSA_PRESERVATION.at(on, procedures=procedures)
        findings.append(
            Finding(
                criterion="preserved for the Independent Inquiry into Child Sexual Abuse",
                met=hold.value,
                detail="Records of allegations of sexual abuse are preserved for the term of the "
                "inquiry."
                if hold.value
                else "The inquiry has reported; the preservation duty no longer applies.",
                source=hold.source,
            )
        )
    return Decision(
        outcome=max(pension, years),
        findings=tuple(findings),
        rule_version=edition_label(on=on, procedures=procedures),
    )


def may_mention_in_reference(
    outcome: Outcome, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[bool]:
    """Whether an allegation with *outcome* may be mentioned in an employer reference.

    Allegations found false, unsubstantiated or malicious (and, in the
    library's reading from KCSIE 2021, unfounded) must not be mentioned;
    a substantiated allegation may be.

    Legal basis:
        Keeping Children Safe in Education 2016, Part four, para 173. Rule
        ``lado.references``.

    Args:
        outcome: The outcome of the investigation.
        on: The date whose edition applies (the date of the reference).
        procedures: Local procedures (national guidance if omitted).

    Returns:
        A decision with one finding.

    Raises:
        InvalidInputError: *outcome* is not an [`Outcome`][] or not a
            category on *on*, or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2016.

    Examples:
        >>> import datetime as dt
        >>> may_mention_in_reference(Outcome.UNSUBSTANTIATED, on=dt.date(2019, 1, 1)).outcome
        False
    """
    check_outcome_in_force("outcome", outcome, on=on, procedures=procedures)
    version = REFERENCES.at(on, procedures=procedures)
    allowed = outcome not in version.value
    detail = (
        f"{_a(outcome).capitalize()} allegation may be mentioned in a reference."
        if allowed
        else f"{_a(outcome).capitalize()} allegation must be left out of references."
    )
    finding = Finding(
        criterion=f"not found {_names(version.value)}",
        met=allowed,
        detail=detail,
        source=version.source,
    )
    return Decision(
        outcome=allowed,
        findings=(finding,),
        rule_version=edition_label(on=on, procedures=procedures),
    )


def _substantiated(case: Case, source: Citation) -> Finding:
    met = None if case.outcome is None else case.outcome is Outcome.SUBSTANTIATED
    detail = (
        "The case has no outcome yet."
        if case.outcome is None
        else f"The allegation was found {case.outcome.value}."
    )
    return Finding(criterion="allegation substantiated", met=met, detail=detail, source=source)


def dbs_referral(
    case: Case, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[bool | None]:
    """Whether the employer must refer the person to the Disclosure and Barring Service.

    Legal basis:
        Safeguarding Vulnerable Groups Act 2006 s35; Keeping Children Safe in
        Education 2021, Part four, para 383. Rule ``lado.dbs_referral``.

    Args:
        case: The case (its outcome and whether the person left).
        on: The date whose edition applies.
        procedures: Local procedures (national guidance if omitted).

    Returns:
        ``True`` when the allegation is substantiated and the person was
        dismissed, resigned or stopped working with children; ``None`` when a
        fact is not known yet.

    Raises:
        InvalidInputError: *case* is not a [`Case`][], a bad date or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2014.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.lado.models import (Allegation, Behaviour, ConcernCategory,
        ...     Engagement, Person, Role, Sector, Setting, Timeline)
        >>> coach = Person(role=Role.COACH_OR_INSTRUCTOR, sector=Sector.SPORT_AND_LEISURE,
        ...                engagement=Engagement.VOLUNTEER)
        >>> touching = Behaviour(category=ConcernCategory.SEXUAL, setting=Setting.IN_WORK,
        ...                      harmed_child=True)
        >>> case = Case(person=coach,
        ...     allegation=Allegation(made_on=dt.date(2022, 1, 10), behaviours=(touching,)),
        ...     timeline=Timeline(
        ...         employer_aware=dt.date(2022, 1, 10), concluded=dt.date(2022, 3, 1)
        ...     ),
        ...     outcome=Outcome.SUBSTANTIATED, person_left=True)
        >>> dbs_referral(case, on=dt.date(2022, 3, 1)).outcome
        True
    """
    _check_case(case)
    version = DBS_REFERRAL.at(on, procedures=check_procedures(procedures))
    left = Finding(
        criterion="person dismissed, resigned or stopped working with children",
        met=case.person_left,
        detail={
            True: "The person left or was removed from work with children.",
            False: "The person still works with children.",
            None: "Not known whether the person left.",
        }[case.person_left],
        source=version.source,
    )
    findings = (_substantiated(case, version.source), left)
    return Decision(
        outcome=all_of(*(f.met for f in findings)),
        findings=findings,
        rule_version=edition_label(on=on, procedures=procedures),
    )


def tra_referral(
    case: Case, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[bool | None]:
    """Whether the case manager must consider referring a teacher to the teaching regulator.

    Legal basis:
        Keeping Children Safe in Education 2021, Part four, para 384 (the
        Teaching Regulation Agency; the NCTL before 2018). Rule
        ``lado.tra_referral``.

    Args:
        case: The case (the person's role and the outcome).
        on: The date whose edition applies.
        procedures: Local procedures (national guidance if omitted).

    Returns:
        ``True`` when the person is a teacher and the allegation substantiated;
        the first finding names the regulator.

    Raises:
        InvalidInputError: *case* is not a [`Case`][], a bad date or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2014.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.lado.models import (Allegation, Behaviour, ConcernCategory,
        ...     Engagement, Person, Role, Sector, Setting, Timeline)
        >>> teacher = Person(role=Role.TEACHER, sector=Sector.EDUCATION, engagement=Engagement.PAID)
        >>> push = Behaviour(category=ConcernCategory.PHYSICAL, setting=Setting.IN_WORK,
        ...                  harmed_child=True)
        >>> case = Case(person=teacher,
        ...     allegation=Allegation(made_on=dt.date(2022, 1, 10), behaviours=(push,)),
        ...     timeline=Timeline(employer_aware=dt.date(2022, 1, 10)))
        >>> print(tra_referral(case, on=dt.date(2022, 1, 10)).outcome)
        None
    """
    _check_case(case)
    version = TRA_REFERRAL.at(on, procedures=check_procedures(procedures))
    teacher = case.person.role is Role.TEACHER
    role = Finding(
        criterion="person is a teacher",
        met=teacher,
        detail=f"Teachers may be referred to the {version.value}."
        if teacher
        else f"The person is not a teacher ({case.person.role.value}).",
        source=version.source,
    )
    findings = (role, _substantiated(case, version.source))
    return Decision(
        outcome=all_of(*(f.met for f in findings)),
        findings=findings,
        rule_version=edition_label(on=on, procedures=procedures),
    )
