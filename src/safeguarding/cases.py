"""A child's social care record as the children in need (CIN) census sees it.

The Department for Education's CIN census records, for each child referred to
children's social care, one or more *episodes of need* (``CINdetails``): the
referral, the assessments, child in need plans, section 47 enquiries, initial
child protection conferences and child protection plans with their review
conferences, and the closure. This module models that record so that the
census reader, the statutory timescales
([`safeguarding.thresholds.journey`][]) and the indicators can share it.

Each field names the census data item it holds (``N00100`` and so on), so a
reader can fill it directly. A few facts the census does not collect but the
statutory clocks need are modelled as well, and say so: the date of the
referral decision, the strategy discussions behind a section 47 enquiry, core
group meetings, and looked-after periods with their reviews (those come from
the SSDA903 return, not the CIN census).

Code lists (referral sources, primary need, reasons for closure, categories of
abuse, factors identified at assessment, ethnicity, disability) are enums whose
values are the census codes; each list is also a dated rule with its source.

**What the models accept.** A model refuses what cannot be a record at all: a
wrong type, or an end before its own start (an assessment authorised before it
started, a plan ending before it started, an episode closed before its
referral). Everything that is merely *inconsistent across items* (a conference
before the enquiry started, a plan starting on a day with no conference, two
open plans, activity after closure) is accepted, because real returns contain
such errors: [`safeguarding.thresholds.journey.check_journey`][] reports
them as findings.

Examples:
    >>> import datetime as dt
    >>> episode = Episode(
    ...     referral_date=dt.date(2024, 3, 25),
    ...     referral_nfa=False,
    ...     assessments=(Assessment(start_date=dt.date(2024, 3, 26),
    ...                             authorisation_date=dt.date(2024, 5, 20)),),
    ... )
    >>> episode.assessments[0].authorisation_date
    datetime.date(2024, 5, 20)
    >>> Episode(referral_date=dt.date(2024, 3, 25), closure_date=dt.date(2024, 3, 1))
    Traceback (most recent call last):
        ...
    safeguarding.errors.InvalidInputError: closure_date: must not be before referral_date
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from safeguarding._validate import (
    AttrsValidator,
    is_date,
    is_instance,
    is_int,
    is_member,
    is_optional_bool,
    is_optional_date,
    is_tuple_of,
)
from safeguarding.citations import Instrument, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.people import Child
from safeguarding.rules import DatedRule, Version, register

__all__ = [
    "CIN_CENSUS",
    "Assessment",
    "AssessmentFactor",
    "CINPlan",
    "CategoryOfAbuse",
    "ChildProtectionPlan",
    "ChildRecord",
    "Disability",
    "Episode",
    "Ethnicity",
    "LookedAfterPeriod",
    "PrimaryNeed",
    "ReasonForClosure",
    "ReferralSource",
    "Section47Enquiry",
    "StrategyDiscussion",
]

CIN_CENSUS = Instrument(
    title="Children in need census: business and technical specification (DfE)",
    url="https://www.gov.uk/government/collections/children-in-need-census",
)
"""The DfE's specification of the CIN census: its data items, code lists and XML schema."""


# --------------------------------------------------------------------------- code lists


class ReferralSource(enum.Enum):
    """Source of the referral (census item N00152, ``ReferralSource``)."""

    INDIVIDUAL_FAMILY = "1A"
    """Individual: family member, relative or carer."""
    INDIVIDUAL_ACQUAINTANCE = "1B"
    """Individual: acquaintance (including neighbours and child minders)."""
    INDIVIDUAL_SELF = "1C"
    """Individual: self."""
    INDIVIDUAL_OTHER = "1D"
    """Individual: other (including strangers)."""
    SCHOOLS = "2A"
    """Schools."""
    EDUCATION_SERVICES = "2B"
    """Education services."""
    HEALTH_GP = "3A"
    """Health services: general practitioner (GP)."""
    HEALTH_VISITOR = "3B"
    """Health services: health visitor."""
    HEALTH_SCHOOL_NURSE = "3C"
    """Health services: school nurse."""
    HEALTH_OTHER_PRIMARY = "3D"
    """Health services: other primary health services."""
    HEALTH_EMERGENCY = "3E"
    """Health services: A&E (accident and emergency department)."""
    HEALTH_OTHER = "3F"
    """Health services: other (for example hospice)."""
    HOUSING = "4"
    """Housing: local authority housing or housing association."""
    LA_SOCIAL_CARE = "5A"
    """LA services: social care, for example adults' social care services."""
    LA_OTHER_INTERNAL = "5B"
    """LA services: other internal (another department, for example youth offending)."""
    LA_EXTERNAL = "5C"
    """LA services: external, for example another local authority's adults' social care."""
    LA_EARLY_HELP = "5D"
    """LA services: early help (code added by the 2023-24 census; label not read)."""
    POLICE = "6"
    """Police."""
    OTHER_LEGAL_AGENCY = "7"
    """Other legal agency: courts, probation, immigration, Cafcass or prison."""
    OTHER = "8"
    """Other: children's centres, independent agency providers, voluntary organisations."""
    ANONYMOUS = "9"
    """Anonymous."""
    UNKNOWN = "10"
    """Unknown."""


class PrimaryNeed(enum.Enum):
    """The child's primary need at assessment (census item N00101, ``PrimaryNeedCode``)."""

    ABUSE_OR_NEGLECT = "N1"
    """Abuse or neglect."""
    CHILD_DISABILITY = "N2"
    """Child's disability."""
    PARENTAL_DISABILITY = "N3"
    """Parental disability or illness."""
    FAMILY_ACUTE_STRESS = "N4"
    """Family in acute stress."""
    FAMILY_DYSFUNCTION = "N5"
    """Family dysfunction."""
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR = "N6"
    """Socially unacceptable behaviour."""
    LOW_INCOME = "N7"
    """Low income."""
    ABSENT_PARENTING = "N8"
    """Absent parenting."""
    NOT_IN_NEED = "N9"
    """Cases other than children in need."""
    NOT_STATED = "N0"
    """Not stated."""


class ReasonForClosure(enum.Enum):
    """Why the episode closed (census item N00103, ``ReasonForClosure``)."""

    ADOPTED = "RC1"
    """Adopted."""
    DIED = "RC2"
    """Died."""
    CHILD_ARRANGEMENTS_ORDER = "RC3"
    """Child arrangements order."""
    SPECIAL_GUARDIANSHIP_ORDER = "RC4"
    """Special guardianship order."""
    TRANSFERRED_TO_ANOTHER_LA = "RC5"
    """Transferred to services of another local authority."""
    TRANSFERRED_TO_ADULT_SERVICES = "RC6"
    """Transferred to adult social care services."""
    SERVICES_CEASED = "RC7"
    """Services ceased for any other reason, including child no longer in need."""
    CLOSED_AFTER_ASSESSMENT = "RC8"
    """Case closed after assessment, no further action."""
    CLOSED_AFTER_ASSESSMENT_EARLY_HELP = "RC9"
    """Case closed after assessment, referred to early help (added 2023-24; label not read)."""


class CategoryOfAbuse(enum.Enum):
    """Category of abuse of a child protection plan (census items N00113, N00114)."""

    NEGLECT = "NEG"
    """Neglect."""
    PHYSICAL = "PHY"
    """Physical abuse."""
    EMOTIONAL = "EMO"
    """Emotional abuse."""
    SEXUAL = "SAB"
    """Sexual abuse."""
    MULTIPLE = "MUL"
    """Multiple (the census marks this code "not recommended")."""


class AssessmentFactor(enum.Enum):
    """A factor identified at the end of an assessment (census item N00181)."""

    ALCOHOL_CHILD = "1A"
    """Alcohol misuse by the child."""
    ALCOHOL_PARENT = "1B"
    """Alcohol misuse by the parent(s) or carer(s)."""
    ALCOHOL_OTHER = "1C"
    """Alcohol misuse by another person living in the household."""
    DRUGS_CHILD = "2A"
    """Drug misuse by the child."""
    DRUGS_PARENT = "2B"
    """Drug misuse by the parent(s) or carer(s)."""
    DRUGS_OTHER = "2C"
    """Drug misuse by another person living in the household."""
    DOMESTIC_VIOLENCE_CHILD = "3A"
    """Domestic violence: the child is the subject."""
    DOMESTIC_VIOLENCE_PARENT = "3B"
    """Domestic violence: the parent(s) or carer(s) are the subject."""
    DOMESTIC_VIOLENCE_OTHER = "3C"
    """Domestic violence: another person living in the household is the subject."""
    MENTAL_HEALTH_CHILD = "4A"
    """Mental health of the child."""
    MENTAL_HEALTH_PARENT = "4B"
    """Mental health of the parent(s) or carer(s)."""
    MENTAL_HEALTH_OTHER = "4C"
    """Mental health of another person in the family or household."""
    LEARNING_DISABILITY_CHILD = "5A"
    """The child's learning disability."""
    LEARNING_DISABILITY_PARENT = "5B"
    """The parent(s)' or carer(s)' learning disability."""
    LEARNING_DISABILITY_OTHER = "5C"
    """Another person in the family or household's learning disability."""
    PHYSICAL_DISABILITY_CHILD = "6A"
    """Physical disability or illness of the child."""
    PHYSICAL_DISABILITY_PARENT = "6B"
    """Physical disability or illness of the parent(s) or carer(s)."""
    PHYSICAL_DISABILITY_OTHER = "6C"
    """Physical disability or illness of another person in the family or household."""
    YOUNG_CARER = "7A"
    """Young carer."""
    PRIVATELY_FOSTERED_OVERSEAS_RETURN = "8B"
    """Privately fostered: overseas children who intend to return."""
    PRIVATELY_FOSTERED_OVERSEAS_STAY = "8C"
    """Privately fostered: overseas children who intend to stay."""
    PRIVATELY_FOSTERED_EDUCATION = "8D"
    """Privately fostered: UK children in educational placements."""
    PRIVATELY_FOSTERED_FAMILY_ARRANGEMENT = "8E"
    """Privately fostered: UK children making alternative family arrangements."""
    PRIVATELY_FOSTERED_OTHER = "8F"
    """Privately fostered: other."""
    UNACCOMPANIED_ASYLUM_SEEKING = "9A"
    """Unaccompanied asylum-seeking child."""
    MISSING = "10A"
    """Going or being missing."""
    CHILD_SEXUAL_EXPLOITATION = "11A"
    """Child sexual exploitation."""
    TRAFFICKING = "12A"
    """Trafficking."""
    GANGS = "13A"
    """Involvement in or with gangs."""
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR = "14A"
    """Socially unacceptable behaviour."""
    SELF_HARM = "15A"
    """Self-harm."""
    NEGLECT = "16A"
    """Abuse or neglect: neglect."""
    EMOTIONAL_ABUSE = "17A"
    """Abuse or neglect: emotional abuse."""
    PHYSICAL_ABUSE_BY_CHILD = "18B"
    """Abuse or neglect: physical abuse, child on child."""
    PHYSICAL_ABUSE_BY_ADULT = "18C"
    """Abuse or neglect: physical abuse, adult on child."""
    SEXUAL_ABUSE_BY_CHILD = "19B"
    """Abuse or neglect: sexual abuse, child on child."""
    SEXUAL_ABUSE_BY_ADULT = "19C"
    """Abuse or neglect: sexual abuse, adult on child."""
    OTHER = "20"
    """Other."""
    NO_FACTORS = "21"
    """No factors identified (only with no further action, and with no other factor)."""
    FEMALE_GENITAL_MUTILATION = "22A"
    """Female genital mutilation."""
    ABUSE_LINKED_TO_FAITH = "23A"
    """Abuse linked to faith or belief."""
    CHILD_CRIMINAL_EXPLOITATION = "24A"
    """Child criminal exploitation."""


class Ethnicity(enum.Enum):
    """The child's ethnicity (census item N00177)."""

    WHITE_BRITISH = "WBRI"
    """White British."""
    WHITE_IRISH = "WIRI"
    """White Irish."""
    TRAVELLER_OF_IRISH_HERITAGE = "WIRT"
    """Traveller of Irish heritage."""
    WHITE_OTHER = "WOTH"
    """Any other White background."""
    GYPSY_ROMA = "WROM"
    """Gypsy/Roma."""
    WHITE_AND_BLACK_CARIBBEAN = "MWBC"
    """White and Black Caribbean."""
    WHITE_AND_BLACK_AFRICAN = "MWBA"
    """White and Black African."""
    WHITE_AND_ASIAN = "MWAS"
    """White and Asian."""
    MIXED_OTHER = "MOTH"
    """Any other mixed background."""
    INDIAN = "AIND"
    """Indian."""
    PAKISTANI = "APKN"
    """Pakistani."""
    BANGLADESHI = "ABAN"
    """Bangladeshi."""
    ASIAN_OTHER = "AOTH"
    """Any other Asian background."""
    CARIBBEAN = "BCRB"
    """Caribbean."""
    AFRICAN = "BAFR"
    """African."""
    BLACK_OTHER = "BOTH"
    """Any other Black background."""
    CHINESE = "CHNE"
    """Chinese."""
    OTHER = "OOTH"
    """Any other ethnic group."""
    REFUSED = "REFU"
    """Refused."""
    NOT_OBTAINED = "NOBT"
    """Information not yet obtained."""


class Disability(enum.Enum):
    """A disability of the child (census item N00099)."""

    NONE = "NONE"
    """No disability."""
    MOBILITY = "MOB"
    """Mobility."""
    HAND_FUNCTION = "HAND"
    """Hand function."""
    PERSONAL_CARE = "PC"
    """Personal care."""
    INCONTINENCE = "INC"
    """Incontinence."""
    COMMUNICATION = "COMM"
    """Communication."""
    LEARNING = "LD"
    """Learning."""
    HEARING = "HEAR"
    """Hearing."""
    VISION = "VIS"
    """Vision."""
    BEHAVIOUR = "BEH"
    """Behaviour."""
    CONSCIOUSNESS = "CON"
    """Consciousness."""
    AUTISM = "AUT"
    """Autism."""
    OTHER = "DDA"
    """Other."""


_CENSUS_2022 = dt.date(2021, 4, 1)
_CENSUS_2024 = dt.date(2023, 4, 1)
_XSD_NOTE = (
    "Read in the DfE XML schema of the 2021-22 census (file cin-2022.xsd, as copied in the "
    "SocialFinanceDigitalLabs/liia-tools repository, spec/cin_census). The list applies from that "
    "census year; earlier years' schemas were not compared."
)


def _code_list(key: str, title: str, item: str, members: tuple[enum.Enum, ...]) -> None:
    register(
        DatedRule(
            key=key,
            title=title,
            versions=(
                Version(
                    in_force_from=_CENSUS_2022,
                    value=members,
                    source=CIN_CENSUS.cite(
                        f"code list of {item}", Verification.PRIMARY, note=_XSD_NOTE
                    ),
                    edition="CIN census 2021-22",
                ),
            ),
        )
    )


_ADDED_2024_NOTE = (
    "The code {code} is listed in the 2023-24 XML schema (CIN_schema_2024.xsd) as copied in the "
    "SocialFinanceDigitalLabs/liia-tools repository (spec/cin_census); the DfE's own publication "
    "was not checked, and the label given to {code} is the library's reading, not checked in the "
    "specification."
)

register(
    DatedRule(
        key="cases.referral_sources",
        title="Sources of referral (CIN census N00152)",
        versions=(
            Version(
                in_force_from=_CENSUS_2022,
                value=tuple(s for s in ReferralSource if s is not ReferralSource.LA_EARLY_HELP),
                source=CIN_CENSUS.cite("code list of N00152", Verification.PRIMARY, note=_XSD_NOTE),
                edition="CIN census 2021-22",
            ),
            Version(
                in_force_from=_CENSUS_2024,
                value=tuple(ReferralSource),
                source=CIN_CENSUS.cite(
                    "code list of N00152",
                    Verification.SECONDARY,
                    note=_ADDED_2024_NOTE.format(code="5D"),
                ),
                edition="CIN census 2023-24",
            ),
        ),
    )
)
register(
    DatedRule(
        key="cases.reasons_for_closure",
        title="Reasons for closure of an episode (CIN census N00103)",
        versions=(
            Version(
                in_force_from=_CENSUS_2022,
                value=tuple(
                    r
                    for r in ReasonForClosure
                    if r is not ReasonForClosure.CLOSED_AFTER_ASSESSMENT_EARLY_HELP
                ),
                source=CIN_CENSUS.cite("code list of N00103", Verification.PRIMARY, note=_XSD_NOTE),
                edition="CIN census 2021-22",
            ),
            Version(
                in_force_from=_CENSUS_2024,
                value=tuple(ReasonForClosure),
                source=CIN_CENSUS.cite(
                    "code list of N00103",
                    Verification.SECONDARY,
                    note=_ADDED_2024_NOTE.format(code="RC9"),
                ),
                edition="CIN census 2023-24",
            ),
        ),
    )
)
_code_list(
    "cases.primary_needs", "Primary need codes (CIN census N00101)", "N00101", tuple(PrimaryNeed)
)
_code_list(
    "cases.categories_of_abuse",
    "Categories of abuse of a child protection plan (CIN census N00113, N00114)",
    "N00113 and N00114",
    tuple(CategoryOfAbuse),
)
_code_list(
    "cases.assessment_factors",
    "Factors identified at assessment (CIN census N00181)",
    "N00181",
    tuple(AssessmentFactor),
)
_code_list("cases.ethnicities", "Ethnicity codes (CIN census N00177)", "N00177", tuple(Ethnicity))
_code_list(
    "cases.disabilities", "Disability codes (CIN census N00099)", "N00099", tuple(Disability)
)


# --------------------------------------------------------------------------- validators


def _frozenset_of(kind: type[enum.Enum]) -> AttrsValidator:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            raise InvalidInputError(attribute.name, "must be a frozenset")
        for item in value:
            if not isinstance(item, kind):
                raise InvalidInputError(attribute.name, f"must hold only {kind.__name__} members")

    return validate


def _optional_member(kind: type[enum.Enum]) -> AttrsValidator:
    check = is_member(kind)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return validate


def _optional_dates(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        is_tuple_of(dt.date)(_instance, attribute, value)
        _plain_dates(attribute.name, value)  # type: ignore[arg-type]


def _dates(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(dt.date)(_instance, attribute, value)
    _plain_dates(attribute.name, value)  # type: ignore[arg-type]


def _plain_dates(name: str, value: tuple[object, ...]) -> None:
    for index, item in enumerate(value):
        if type(item) is not dt.date:
            raise InvalidInputError(f"{name}[{index}]", "must be a datetime.date")


def _optional_count(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        is_int(minimum=0)(_instance, attribute, value)


def _not_before(end_name: str, end: dt.date | None, start_name: str, start: dt.date) -> None:
    if end is not None and end < start:
        raise InvalidInputError(end_name, f"must not be before {start_name}")


# --------------------------------------------------------------------------- records


@attrs.frozen(kw_only=True)
class StrategyDiscussion:
    """A strategy discussion (or meeting) about a child (not a CIN census item).

    A strategy discussion is held when there is reasonable cause to suspect
    that a child is suffering, or is likely to suffer, significant harm; it
    decides whether to start section 47 enquiries. The initial child
    protection conference's 15-working-day clock starts at a strategy
    discussion (see [`safeguarding.thresholds.timescales`][]).

    Attributes:
        discussion_date: The day the discussion was held.
        initiated_s47: Whether this discussion decided to start the section
            47 enquiry it is recorded under, or ``None`` if not recorded.
    """

    discussion_date: dt.date = attrs.field(validator=is_date)
    initiated_s47: bool | None = attrs.field(default=None, validator=is_optional_bool)


@attrs.frozen(kw_only=True)
class Assessment:
    """A children's social care assessment (census group ``Assessments``).

    Attributes:
        start_date: ``AssessmentActualStartDate`` (N00159).
        authorisation_date: ``AssessmentAuthorisationDate`` (N00160): the day
            the assessment was completed and authorised, or ``None`` while open.
        internal_review_date: ``AssessmentInternalReviewDate``, if any.
        factors: ``AssessmentFactors`` (N00181) identified at the end of the
            assessment.

    Raises:
        InvalidInputError: a field has the wrong type, or the assessment is
            authorised before it started.
    """

    start_date: dt.date = attrs.field(validator=is_date)
    authorisation_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    internal_review_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    factors: frozenset[AssessmentFactor] = attrs.field(
        default=frozenset(), validator=_frozenset_of(AssessmentFactor)
    )

    def __attrs_post_init__(self) -> None:
        """An assessment cannot be authorised before it started."""
        _not_before("authorisation_date", self.authorisation_date, "start_date", self.start_date)


@attrs.frozen(kw_only=True)
class CINPlan:
    """A child in need plan (census group ``CINPlanDates``, collected since 2022).

    Attributes:
        start_date: ``CINPlanStartDate`` (N00689).
        end_date: ``CINPlanEndDate`` (N00690), or ``None`` while open.

    Raises:
        InvalidInputError: a field has the wrong type, or the plan ends before
            it starts.
    """

    start_date: dt.date = attrs.field(validator=is_date)
    end_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        """A plan cannot end before it starts."""
        _not_before("end_date", self.end_date, "start_date", self.start_date)


@attrs.frozen(kw_only=True)
class Section47Enquiry:
    """A section 47 enquiry (census group ``Section47``).

    Attributes:
        start_date: ``S47ActualStartDate`` (N00148).
        strategy_discussions: The strategy discussions about this enquiry: the
            one that initiated it and any held later (not a census item; empty
            when not recorded).
        icpc_target_date: ``InitialCPCtarget`` (N00109): the date the local
            authority set as its target for the conference.
        initial_cpc_date: ``DateOfInitialCPC`` (N00110): the initial child
            protection conference that followed, if any.
        icpc_not_required: ``ICPCnotRequired`` (N00111): ``True`` when the
            enquiry concluded that no conference was needed; ``None`` if not
            recorded.
    """

    start_date: dt.date = attrs.field(validator=is_date)
    strategy_discussions: tuple[StrategyDiscussion, ...] = attrs.field(
        default=(), validator=is_tuple_of(StrategyDiscussion)
    )
    icpc_target_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    initial_cpc_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    icpc_not_required: bool | None = attrs.field(default=None, validator=is_optional_bool)


@attrs.frozen(kw_only=True)
class ChildProtectionPlan:
    """A child protection plan (census group ``ChildProtectionPlans``).

    Attributes:
        start_date: ``CPPstartDate`` (N00105): the day of the conference that
            made the plan.
        end_date: ``CPPendDate`` (N00115), or ``None`` while the plan is open.
        initial_category: ``InitialCategoryOfAbuse`` (N00113).
        latest_category: ``LatestCategoryOfAbuse`` (N00114).
        previous_plans: ``NumberOfPreviousCPP`` (N00106): how many plans the
            child had before this one (0 or more; the schema's
            ``positiveInteger`` is a known error, DfE rule 8730 allows 0).
        review_dates: ``CPPreviewDate`` (N00116): the review conferences held.
        core_group_dates: Core group meetings held (not a census item);
            ``None`` when the source does not record them.

    Raises:
        InvalidInputError: a field has the wrong type, or the plan ends before
            it starts.
    """

    start_date: dt.date = attrs.field(validator=is_date)
    end_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    initial_category: CategoryOfAbuse | None = attrs.field(
        default=None, validator=_optional_member(CategoryOfAbuse)
    )
    latest_category: CategoryOfAbuse | None = attrs.field(
        default=None, validator=_optional_member(CategoryOfAbuse)
    )
    previous_plans: int | None = attrs.field(default=None, validator=_optional_count)
    review_dates: tuple[dt.date, ...] = attrs.field(default=(), validator=_dates)
    core_group_dates: tuple[dt.date, ...] | None = attrs.field(
        default=None, validator=_optional_dates
    )

    def __attrs_post_init__(self) -> None:
        """A plan cannot end before it starts."""
        _not_before("end_date", self.end_date, "start_date", self.start_date)


@attrs.frozen(kw_only=True)
class LookedAfterPeriod:
    """A period of being looked after, with its statutory reviews (SSDA903, not the CIN census).

    Attributes:
        start_date: The day the child became looked after.
        end_date: The day the child ceased to be looked after, or ``None``.
        review_dates: The looked-after reviews held.

    Raises:
        InvalidInputError: a field has the wrong type, or the period ends
            before it starts.
    """

    start_date: dt.date = attrs.field(validator=is_date)
    end_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    review_dates: tuple[dt.date, ...] = attrs.field(default=(), validator=_dates)

    def __attrs_post_init__(self) -> None:
        """A period cannot end before it starts."""
        _not_before("end_date", self.end_date, "start_date", self.start_date)


@attrs.frozen(kw_only=True)
class Episode:
    """One episode of need: a referral and everything that followed it (census ``CINdetails``).

    Attributes:
        referral_date: ``CINreferralDate`` (N00100).
        referral_source: ``ReferralSource`` (N00152).
        primary_need: ``PrimaryNeedCode`` (N00101).
        referral_nfa: ``ReferralNFA`` (N00112): ``True`` for a referral that
            led to no further action; ``None`` if not recorded.
        referral_decision_date: The day the decision on the referral was made
            (not a census item; ``None`` if not recorded).
        closure_date: ``CINclosureDate`` (N00102), or ``None`` while open.
        reason_for_closure: ``ReasonForClosure`` (N00103).
        initial_cpc_date: ``DateOfInitialCPC`` (N00110) recorded at episode
            level, for a conference with no section 47 enquiry in the episode
            (a transfer-in conference, for example).
        assessments: ``Assessments`` groups.
        cin_plans: ``CINPlanDates`` groups.
        section47_enquiries: ``Section47`` groups.
        child_protection_plans: ``ChildProtectionPlans`` groups.
        looked_after_periods: Periods of being looked after during the
            episode (from the SSDA903 return, not the CIN census).

    Raises:
        InvalidInputError: a field has the wrong type, or the episode closes
            (or the referral is decided) before the referral was received.
    """

    referral_date: dt.date = attrs.field(validator=is_date)
    referral_source: ReferralSource | None = attrs.field(
        default=None, validator=_optional_member(ReferralSource)
    )
    primary_need: PrimaryNeed | None = attrs.field(
        default=None, validator=_optional_member(PrimaryNeed)
    )
    referral_nfa: bool | None = attrs.field(default=None, validator=is_optional_bool)
    referral_decision_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    closure_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    reason_for_closure: ReasonForClosure | None = attrs.field(
        default=None, validator=_optional_member(ReasonForClosure)
    )
    initial_cpc_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    assessments: tuple[Assessment, ...] = attrs.field(default=(), validator=is_tuple_of(Assessment))
    cin_plans: tuple[CINPlan, ...] = attrs.field(default=(), validator=is_tuple_of(CINPlan))
    section47_enquiries: tuple[Section47Enquiry, ...] = attrs.field(
        default=(), validator=is_tuple_of(Section47Enquiry)
    )
    child_protection_plans: tuple[ChildProtectionPlan, ...] = attrs.field(
        default=(), validator=is_tuple_of(ChildProtectionPlan)
    )
    looked_after_periods: tuple[LookedAfterPeriod, ...] = attrs.field(
        default=(), validator=is_tuple_of(LookedAfterPeriod)
    )

    def __attrs_post_init__(self) -> None:
        """The episode cannot close, nor its referral be decided, before the referral."""
        _not_before("closure_date", self.closure_date, "referral_date", self.referral_date)
        _not_before(
            "referral_decision_date",
            self.referral_decision_date,
            "referral_date",
            self.referral_date,
        )


@attrs.frozen(kw_only=True)
class ChildRecord:
    """One child in the census (``Child``): identifiers, characteristics and episodes.

    The child's identifier (``LAchildID``, N00097) and date of birth
    (``PersonBirthDate``, N00066, or ``ExpectedPersonBirthDate``, N00098) are
    held by [`Child`][safeguarding.people.Child], which never shows them in a
    ``repr``.

    Attributes:
        child: The child.
        ethnicity: ``Ethnicity`` (N00177), if recorded.
        disabilities: ``Disability`` codes (N00099).
        episodes: The child's ``CINdetails`` episodes.
    """

    child: Child = attrs.field(validator=is_instance(Child))
    ethnicity: Ethnicity | None = attrs.field(default=None, validator=_optional_member(Ethnicity))
    disabilities: frozenset[Disability] = attrs.field(
        default=frozenset(), validator=_frozenset_of(Disability)
    )
    episodes: tuple[Episode, ...] = attrs.field(default=(), validator=is_tuple_of(Episode))
