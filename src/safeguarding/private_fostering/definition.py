"""Who is a privately fostered child (Children Act 1989 s66, s105 and Schedule 8).

A child is *privately fostered* while they are under 16 (under 18 if disabled)
and are cared for, and provided with accommodation in the carer's own home, by
someone who is not a parent, not a person with parental responsibility (PR)
and not a *relative*. A relative is exactly: a grandparent, brother, sister,
uncle or aunt (of the full blood, the half blood, or by marriage or civil
partnership) or a step-parent. A great-aunt, a cousin, a family friend, a
host family or a parent's unmarried partner is not a relative.

A stay is not private fostering while the carer has looked after the child
for less than 28 days *and* does not intend to do so for longer: an
arrangement intended from the start to last 28 days or more is private
fostering from day 1, and a short stay becomes private fostering on the day
the carer comes to intend a longer one (or on day 28 at the latest).

Schedule 8 takes some children out: a child looked after by a local
authority; a child living where a parent, a PR holder, or a relative *who has
assumed responsibility for their care* also lives; a child cared for in a
voluntary organisation's accommodation, a school, a hospital, a care home or
a Secretary of State institution (unless the carer acts in a personal
capacity rather than in the course of their duties there); a child in care
under a criminal court order; a child detained under the Mental Health Act
1983; a child placed for adoption by an adoption agency. Conversely, a pupil
under 16 at a school not maintained by a local authority who lives at the
school for more than two weeks of a school holiday is treated as privately
fostered while there (Sch 8 para 9).

[`assess`][] applies all of this to an [`Arrangement`][] on a date and
returns a [`Decision`][safeguarding.decisions.Decision] with one finding per limb;
when the facts given are not enough it answers ``CANNOT_DECIDE`` and each
undecided finding names the missing fact ([`missing_facts`][]).

Examples:
    >>> import datetime as dt
    >>> from safeguarding.people import Child
    >>> stay = Arrangement(
    ...     child=Child(identifier="C1", date_of_birth=dt.date(2010, 5, 1), disabled=False),
    ...     relationship=Relationship.FAMILY_FRIEND,
    ...     carer_has_parental_responsibility=False,
    ...     setting=Setting.CARERS_HOME,
    ...     also_living_there=frozenset(),
    ...     looked_after=False, placed_for_adoption=False,
    ...     mental_health_detention=False, court_ordered=False,
    ...     start=dt.date(2025, 1, 6),
    ...     intention=IntendedDuration.OPEN_ENDED,
    ... )
    >>> assess(stay, on=dt.date(2025, 1, 6)).outcome.value
    'privately fostered'
    >>> assess(stay, on=dt.date(2026, 5, 1)).outcome.value   # 16th birthday
    'not privately fostered'
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any

import attrs

from safeguarding._validate import (
    check_date,
    is_date,
    is_instance,
    is_member,
    is_optional_bool,
    is_optional_date,
)
from safeguarding.citations import Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria
from safeguarding.logic import all_of, not_
from safeguarding.people import Child, age_on
from safeguarding.private_fostering._checks import (
    frozenset_of,
    optional_member,
)
from safeguarding.private_fostering._instruments import CIVIL_PARTNERSHIP_ACT_2004
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import CHILDREN_ACT_1989

__all__ = [
    "ADOPTION_EXEMPTION",
    "AGE_LIMIT",
    "BOARDING_HOLIDAY_AGE_LIMIT",
    "BOARDING_HOLIDAY_DAYS",
    "CHILDRENS_HOMES",
    "COURT_ORDER_EXEMPTION",
    "DAY_COUNT",
    "DEFINITION",
    "DISABLED_AGE_LIMIT",
    "DISABLED_MEANING",
    "EXEMPT_SETTINGS",
    "HOUSEHOLD_EXEMPTION",
    "LOOKED_AFTER_EXEMPTION",
    "MENTAL_HEALTH_EXEMPTION",
    "OWN_HOME",
    "PERSONAL_CAPACITY",
    "RELATIVES",
    "STEP_PARENT",
    "TWENTY_EIGHT_DAY_RULE",
    "Arrangement",
    "CarerCapacity",
    "HolidayStay",
    "IntendedDuration",
    "Link",
    "Outcome",
    "Relationship",
    "RelativesDefinition",
    "Resident",
    "Setting",
    "assess",
    "days_cared_for",
    "is_private_fostering",
    "missing_facts",
]

PART_IX_COMMENCEMENT = dt.date(1991, 10, 14)
"""Part IX and Schedule 8 of the Children Act 1989 came into force (SI 1991/828)."""
CARE_STANDARDS_COMMENCEMENT = dt.date(2002, 4, 1)
"""Care Standards Act 2000 amendments to Schedule 8 para 2 (England)."""
CIVIL_PARTNERSHIP_COMMENCEMENT = dt.date(2005, 12, 5)
"""Civil Partnership Act 2004 Part 2 in force (SI 2005/3175)."""

_S66 = "https://www.legislation.gov.uk/ukpga/1989/41/section/66"
_S105 = "https://www.legislation.gov.uk/ukpga/1989/41/section/105"
_SCH8 = "https://www.legislation.gov.uk/ukpga/1989/41/schedule/8"
_SCH8_TEXT_SEEN = (
    "Text read on legislation.gov.uk (point-in-time views 2000-08-31 and 2008-10-27, and the "
    "current exemptions cross-heading)."
)


# --- Enumerations ---------------------------------------------------------------------------


class Relationship(enum.Enum):
    """How the carer is related to the child (or not)."""

    PARENT = "parent"
    GRANDPARENT = "grandparent"
    SIBLING = "brother or sister"
    """Includes half-siblings (``Link.HALF_BLOOD``) and siblings by marriage."""
    UNCLE_OR_AUNT = "uncle or aunt"
    STEP_PARENT = "step-parent"
    GREAT_GRANDPARENT = "great-grandparent"
    GREAT_UNCLE_OR_AUNT = "great-uncle or great-aunt"
    COUSIN = "cousin"
    PARENTS_COUSIN = "parent's cousin"
    PARENTS_UNMARRIED_PARTNER = "parent's unmarried partner"
    """Neither married to nor in a civil partnership with the parent."""
    OTHER_FAMILY = "other family member"
    """Related, but outside the statutory list (a niece, a second cousin, ...)."""
    FAMILY_FRIEND = "family friend"
    HOST_FAMILY = "host family"
    STAFF_MEMBER = "staff member"
    """A teacher or other member of staff who knows the child through work."""
    OTHER_UNRELATED = "unrelated person"


class Link(enum.Enum):
    """How a grandparent, sibling, uncle or aunt (or step-parent) is related to the child."""

    FULL_BLOOD = "full blood"
    HALF_BLOOD = "half blood"
    MARRIAGE = "marriage"
    CIVIL_PARTNERSHIP = "civil partnership"


class Setting(enum.Enum):
    """Where the child is cared for and accommodated."""

    CARERS_HOME = "carer's home"
    """The carer's own home."""
    VOLUNTARY_ORGANISATION_ACCOMMODATION = "voluntary organisation accommodation"
    """Accommodation provided by or on behalf of a voluntary organisation."""
    SCHOOL = "school"
    """A school in which the child receives full-time education."""
    HEALTH_SERVICE_HOSPITAL = "health service hospital"
    CARE_HOME_OR_INDEPENDENT_HOSPITAL = "care home or independent hospital"
    SECRETARY_OF_STATE_INSTITUTION = "Secretary of State institution"
    """A home or institution provided, equipped and maintained by the Secretary of State."""
    CHILDRENS_HOME = "children's home"
    OTHER_PREMISES = "other premises"
    """Premises that are none of the above and not the carer's own home."""


_PLACE = {
    Setting.CARERS_HOME: "the carer's own home",
    Setting.VOLUNTARY_ORGANISATION_ACCOMMODATION: (
        "accommodation provided by or for a voluntary organisation"
    ),
    Setting.SCHOOL: "a school where the child receives full-time education",
    Setting.HEALTH_SERVICE_HOSPITAL: "a health service hospital",
    Setting.CARE_HOME_OR_INDEPENDENT_HOSPITAL: "a care home or independent hospital",
    Setting.SECRETARY_OF_STATE_INSTITUTION: (
        "a home or institution provided, equipped and maintained by the Secretary of State"
    ),
    Setting.CHILDRENS_HOME: "a children's home",
    Setting.OTHER_PREMISES: "premises that are not the carer's own home",
}


class CarerCapacity(enum.Enum):
    """Whether a carer at an establishment acts for themselves or for the establishment."""

    PERSONAL = "personal capacity"
    DUTIES = "course of duties"
    """In the course of their duties in relation to the establishment."""


class Resident(enum.Enum):
    """People whose living in the same premises matters (Sch 8 para 2(1)(a))."""

    PARENT = "parent"
    PR_HOLDER = "PR holder"
    """A person who is not a parent but has parental responsibility."""
    RELATIVE_WHO_HAS_ASSUMED_RESPONSIBILITY = "relative who has assumed responsibility"
    """A relative who has assumed responsibility for the child's care."""
    RELATIVE_WITHOUT_RESPONSIBILITY = "relative without responsibility"
    """A relative who has not assumed responsibility for the child's care."""


class IntendedDuration(enum.Enum):
    """What the carer intended, at the start, about how long the stay would last."""

    FIXED_END = "fixed end"
    """Until a fixed end date (``Arrangement.intended_end``)."""
    OPEN_ENDED = "open-ended"
    """No end in view."""
    NOT_KNOWN = "not known"


class Outcome(enum.Enum):
    """Whether the child is privately fostered on the date asked about."""

    PRIVATELY_FOSTERED = "privately fostered"
    TREATED_AS_PRIVATELY_FOSTERED = "treated as privately fostered"
    """By the boarding-school holiday rule (Sch 8 para 9)."""
    NOT_PRIVATELY_FOSTERED = "not privately fostered"
    CANNOT_DECIDE = "cannot decide"


# --- Rule value types -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RelativesDefinition:
    """The statutory list of relatives (Children Act 1989 s105(1)).

    Attributes:
        relationships: The kinds of relation that are relatives (step-parent
            included; its links are the ``private_fostering.step_parent`` rule).
        links: How a grandparent, sibling, uncle or aunt may be related and
            still count: full blood, half blood, by marriage, by civil partnership.
    """

    relationships: frozenset[Relationship] = attrs.field(validator=frozenset_of(Relationship))
    links: frozenset[Link] = attrs.field(validator=frozenset_of(Link))

    def describe(self) -> str:
        """The list in words, for the rules table."""
        kinds = [r.value for r in Relationship if r in self.relationships]
        qualified = [k for k in kinds if k != Relationship.STEP_PARENT.value]
        ways = [
            {Link.FULL_BLOOD: "of the full blood", Link.HALF_BLOOD: "of the half blood"}.get(
                link, f"by {link.value}"
            )
            for link in Link
            if link in self.links
        ]
        text = f"{', '.join(qualified)} (whether {', '.join(ways)})"
        if Relationship.STEP_PARENT in self.relationships:
            text += ", or a step-parent"
        return text


# --- Rules ----------------------------------------------------------------------------------


def _rule(key: str, title: str, *versions: Version[Any]) -> DatedRule[Any]:
    return register(DatedRule(key=key, title=title, versions=versions))


DEFINITION: DatedRule[str] = _rule(
    "private_fostering.definition",
    "Privately fostered child: cared for and accommodated by someone who is not a parent, "
    "PR holder or relative",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value="a child under the age limit who is cared for, and provided with accommodation, "
        "by someone other than a parent, a non-parent with parental responsibility, or a relative",
        source=CHILDREN_ACT_1989.cite(
            "s66(1)(a)",
            Verification.PRIMARY,
            url=_S66,
            note="Text read on legislation.gov.uk (1994 point-in-time text and the revised text "
            "up to date to 15 November 2024).",
        ),
    ),
)
AGE_LIMIT: DatedRule[int] = _rule(
    "private_fostering.age_limit",
    "Privately fostered child: under this age",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=16,
        source=CHILDREN_ACT_1989.cite("s66(1)(a)", Verification.PRIMARY, url=_S66),
    ),
)
DISABLED_AGE_LIMIT: DatedRule[int] = _rule(
    "private_fostering.disabled_age_limit",
    "Privately fostered child who is disabled: under this age",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=18,
        source=CHILDREN_ACT_1989.cite(
            "s66(4)",
            Verification.PRIMARY,
            url=_S66,
            note="For a disabled child s66(1)(a) reads 'eighteen' for 'sixteen'.",
        ),
    ),
)
DISABLED_MEANING: DatedRule[str] = _rule(
    "private_fostering.disabled_meaning",
    "Meaning of 'disabled' for the age limit",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value="blind, deaf or dumb, or suffering from a mental disorder of any kind, or "
        "substantially and permanently handicapped by illness, injury or congenital deformity "
        "or such other disability as may be prescribed; no formal diagnosis is required",
        source=CHILDREN_ACT_1989.cite(
            "s105(1) and s17(11)",
            Verification.SECONDARY,
            url=_S105,
            note="s105(1) refers to s17(11) (read on legislation.gov.uk); the s17(11) wording "
            "is as restated by tri.x, Nottinghamshire procedures and Family Rights Group.",
        ),
    ),
)
RELATIVES: DatedRule[RelativesDefinition] = _rule(
    "private_fostering.relatives",
    "Relatives of a child, who are never private foster carers",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=RelativesDefinition(
            relationships=frozenset(
                {
                    Relationship.GRANDPARENT,
                    Relationship.SIBLING,
                    Relationship.UNCLE_OR_AUNT,
                    Relationship.STEP_PARENT,
                }
            ),
            links=frozenset({Link.FULL_BLOOD, Link.HALF_BLOOD, Link.MARRIAGE}),
        ),
        source=CHILDREN_ACT_1989.cite(
            "s105(1), 'relative' (as enacted: 'by affinity')",
            Verification.PRIMARY,
            url=_S105,
            note="The enacted wording 'by affinity' (relationship by marriage) is confirmed by "
            "the Civil Partnership Act 2004 Explanatory Notes, para 145 (legislation.gov.uk). "
            "s105 itself was not opened.",
        ),
    ),
    Version(
        in_force_from=CIVIL_PARTNERSHIP_COMMENCEMENT,
        value=RelativesDefinition(
            relationships=frozenset(
                {
                    Relationship.GRANDPARENT,
                    Relationship.SIBLING,
                    Relationship.UNCLE_OR_AUNT,
                    Relationship.STEP_PARENT,
                }
            ),
            links=frozenset(Link),
        ),
        source=CHILDREN_ACT_1989.cite(
            "s105(1), 'relative', as amended by the Civil Partnership Act 2004, s75(4)",
            Verification.PRIMARY,
            url=_S105,
            note="Read in official Explanatory Notes on legislation.gov.uk: the Civil "
            "Partnership Act 2004 notes, para 145 ('by affinity' replaced with 'by marriage or "
            "civil partnership') and the Children and Young Persons Act 2008 notes, para 148 "
            "(the whole list). Commencement 5 December 2005 is that of the 2004 Act's Part 2 "
            "(SI 2005/3175). s105 itself was not opened.",
        ),
    ),
)
STEP_PARENT: DatedRule[frozenset[Link]] = _rule(
    "private_fostering.step_parent",
    "A step-parent (a relative) is the spouse, or civil partner, of a parent",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=frozenset({Link.MARRIAGE}),
        source=CHILDREN_ACT_1989.cite(
            "s105(1), 'step-parent' (undefined in the Act)",
            Verification.SECONDARY,
            url=_S105,
            note="Nottinghamshire procedures treat a step-parent as a person married to the "
            "child's parent.",
        ),
    ),
    Version(
        in_force_from=CIVIL_PARTNERSHIP_COMMENCEMENT,
        value=frozenset({Link.MARRIAGE, Link.CIVIL_PARTNERSHIP}),
        source=CIVIL_PARTNERSHIP_ACT_2004.cite(
            "s246 (stepchildren and step-parents by civil partnership)",
            Verification.UNVERIFIED,
            note="That a parent's civil partner is a step-parent for Children Act 1989 s105 is "
            "implied by the 'marriage or civil partnership' wording; not confirmed in the text.",
        ),
    ),
)
TWENTY_EIGHT_DAY_RULE: DatedRule[int] = _rule(
    "private_fostering.twenty_eight_day_rule",
    "Not private fostering while cared for fewer days than this and no longer stay intended",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=28,
        source=CHILDREN_ACT_1989.cite(
            "s66(2)",
            Verification.PRIMARY,
            url=_S66,
            note="Both limbs must hold for the exclusion: (a) cared for and accommodated for "
            "less than 28 days and (b) no intention to do so for any longer period.",
        ),
    ),
)
DAY_COUNT: DatedRule[str] = _rule(
    "private_fostering.day_count",
    "How the days of a stay are counted for the 28-day rule and the holiday rule",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value="every calendar day on which the child is cared for counts, the first day "
        "included: a stay from 1 to 28 March has lasted 28 days",
        source=CHILDREN_ACT_1989.cite(
            "s66(2) and Sch 8 para 9 (counting convention)",
            Verification.UNVERIFIED,
            url=_S66,
            note="The Act does not say how the period is counted. The library counts days "
            "inclusively, so day 28 is the first day of private fostering; this matches "
            "'28 days or more' (Devon) and 'more than 27 days' (Trafford). Counting nights "
            "instead would move the change one day later.",
        ),
    ),
)
OWN_HOME: DatedRule[str] = _rule(
    "private_fostering.own_home",
    "The care and accommodation are in the carer's own home",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value="cared for and provided with accommodation in the carer's own home",
        source=CHILDREN_ACT_1989.cite(
            "s66(1)(a), words 'in their own home'",
            Verification.UNVERIFIED,
            url=_S66,
            note="The words are in the revised text (legislation.gov.uk, up to date to "
            "15 November 2024) and absent from the 1994 text; the amending enactment and its "
            "commencement were not found, so the library applies them to every date.",
        ),
    ),
)
LOOKED_AFTER_EXEMPTION: DatedRule[str] = _rule(
    "private_fostering.exemption.looked_after",
    "Not privately fostered while looked after by a local authority",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value="looked after by a local authority",
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 1", Verification.PRIMARY, url=_SCH8, note=_SCH8_TEXT_SEEN
        ),
    ),
)
HOUSEHOLD_EXEMPTION: DatedRule[frozenset[Resident]] = _rule(
    "private_fostering.exemption.household",
    "Not privately fostered in premises where one of these people is living",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=frozenset(
            {
                Resident.PARENT,
                Resident.PR_HOLDER,
                Resident.RELATIVE_WHO_HAS_ASSUMED_RESPONSIBILITY,
            }
        ),
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 2(1)(a)", Verification.PRIMARY, url=_SCH8, note=_SCH8_TEXT_SEEN
        ),
    ),
)
EXEMPT_SETTINGS: DatedRule[frozenset[Setting]] = _rule(
    "private_fostering.exemption.settings",
    "Not privately fostered while in someone's care in these places",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=frozenset(
            {
                Setting.CHILDRENS_HOME,
                Setting.VOLUNTARY_ORGANISATION_ACCOMMODATION,
                Setting.SCHOOL,
                Setting.HEALTH_SERVICE_HOSPITAL,
                Setting.CARE_HOME_OR_INDEPENDENT_HOSPITAL,
                Setting.SECRETARY_OF_STATE_INSTITUTION,
            }
        ),
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 2(1)(b)-(g) (before 1 April 2002)",
            Verification.PRIMARY,
            url=_SCH8,
            note="2000 point-in-time text: (b) any children's home; (f) a residential care "
            "home, nursing home or mental nursing home, shown here as a care home or "
            "independent hospital.",
        ),
        edition="before the Care Standards Act 2000",
    ),
    Version(
        in_force_from=CARE_STANDARDS_COMMENCEMENT,
        value=frozenset(
            {
                Setting.VOLUNTARY_ORGANISATION_ACCOMMODATION,
                Setting.SCHOOL,
                Setting.HEALTH_SERVICE_HOSPITAL,
                Setting.CARE_HOME_OR_INDEPENDENT_HOSPITAL,
                Setting.SECRETARY_OF_STATE_INSTITUTION,
            }
        ),
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 2(1)(c)-(g)",
            Verification.PRIMARY,
            url=_SCH8,
            note="(b) repealed and (f) substituted ('any care home or independent hospital') "
            "from 1 April 2002 by the Care Standards Act 2000, Sch 4 para 14(27)-(28). "
            + _SCH8_TEXT_SEEN,
        ),
        edition="Care Standards Act 2000",
    ),
)
PERSONAL_CAPACITY: DatedRule[frozenset[Setting]] = _rule(
    "private_fostering.exemption.personal_capacity",
    "Setting exemptions that do not apply to a carer acting in a personal capacity",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=EXEMPT_SETTINGS.versions[0].value,
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 2(2) (sub-paragraph (1)(b) to (g))",
            Verification.PRIMARY,
            url=_SCH8,
            note="Does not apply where the carer acts in a personal capacity and not in the "
            "course of duties at the establishment. " + _SCH8_TEXT_SEEN,
        ),
        edition="before the Care Standards Act 2000",
    ),
    Version(
        in_force_from=CARE_STANDARDS_COMMENCEMENT,
        value=EXEMPT_SETTINGS.versions[1].value,
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 2(2) (sub-paragraph (1)(c) to (g))",
            Verification.PRIMARY,
            url=_SCH8,
            note=_SCH8_TEXT_SEEN,
        ),
        edition="Care Standards Act 2000",
    ),
)
CHILDRENS_HOMES: DatedRule[frozenset[Setting]] = _rule(
    "private_fostering.exemption.childrens_homes",
    "Children's homes, outside private fostering since 2002 through s63",
    Version(
        in_force_from=CARE_STANDARDS_COMMENCEMENT,
        value=frozenset({Setting.CHILDRENS_HOME}),
        source=CHILDREN_ACT_1989.cite(
            "s66(3)(a) and s63",
            Verification.UNVERIFIED,
            url=_S66,
            note="s66(1) is subject to s63 (read); that s63 keeps a child cared for in a "
            "children's home out of private fostering, and the personal-capacity reading "
            "carried over from the repealed para 2(1)(b), are not confirmed in s63's text.",
        ),
    ),
)
COURT_ORDER_EXEMPTION: DatedRule[str] = _rule(
    "private_fostering.exemption.court_order",
    "Not privately fostered while in someone's care under a criminal court order",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value="in the care of any person in compliance with an order of a criminal court "
        "(now the Sentencing Act 2020) or a Scottish supervision requirement",
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 3",
            Verification.PRIMARY,
            url=_SCH8,
            note="2000 wording read (Powers of Criminal Courts (Sentencing) Act 2000 s63(1); "
            "Children (Scotland) Act 1995 Part II); the current cross-references are "
            "unverified.",
        ),
    ),
)
MENTAL_HEALTH_EXEMPTION: DatedRule[str] = _rule(
    "private_fostering.exemption.mental_health",
    "Not privately fostered while liable to be detained or subject to guardianship",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value="liable to be detained, or subject to guardianship, under the Mental Health Act 1983",
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 4",
            Verification.UNVERIFIED,
            url=_SCH8,
            note="Every copy of Schedule 8 read stops after para 3; stated from background "
            "knowledge.",
        ),
    ),
)
ADOPTION_EXEMPTION: DatedRule[str] = _rule(
    "private_fostering.exemption.adoption",
    "Not privately fostered while placed for adoption by an adoption agency",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value="placed for adoption by an adoption agency",
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 5",
            Verification.SECONDARY,
            url=_SCH8,
            note="LexisNexis practice note 'Public children - private fostering'; the historic "
            "'protected child' limb and the current cross-references are unverified.",
        ),
    ),
)
BOARDING_HOLIDAY_DAYS: DatedRule[int] = _rule(
    "private_fostering.boarding_holiday_days",
    "Pupil living at a non-maintained school for more than this many days of a holiday is "
    "treated as privately fostered",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=14,
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 9(1) ('more than two weeks')",
            Verification.PRIMARY,
            url="https://www.legislation.gov.uk/ukpga/1989/41/schedule/8/paragraph/9",
            note="1994 text read: a child under sixteen at a school not maintained by a local "
            "education authority who lives at the school during the holidays for more than "
            "two weeks; para 2(1)(d) and para 6 are disapplied.",
        ),
    ),
)
BOARDING_HOLIDAY_AGE_LIMIT: DatedRule[int] = _rule(
    "private_fostering.boarding_holiday_age_limit",
    "Boarding-school holiday rule: pupils under this age",
    Version(
        in_force_from=PART_IX_COMMENCEMENT,
        value=16,
        source=CHILDREN_ACT_1989.cite(
            "Sch 8 para 9(1) ('under sixteen')",
            Verification.PRIMARY,
            url="https://www.legislation.gov.uk/ukpga/1989/41/schedule/8/paragraph/9",
            note="Para 9 has no disabled uplift of its own and s66(4) modifies only s66(1)(a): "
            "the library applies the text as written; whether a disabled pupil aged 16 or 17 "
            "is caught is an open question.",
        ),
    ),
)


# --- Models ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class HolidayStay:
    """Days of one school holiday on which a boarding pupil lives at the school.

    Attributes:
        first_day: The first day of the holiday the pupil lives at the school.
        last_day: The last such day (the same day for a one-day stay).
    """

    first_day: dt.date = attrs.field(validator=is_date)
    last_day: dt.date = attrs.field(validator=is_date)

    def __attrs_post_init__(self) -> None:
        """The stay cannot end before it starts."""
        if self.last_day < self.first_day:
            raise InvalidInputError("last_day", "must not be before first_day")

    @property
    def days(self) -> int:
        """Days of the stay, both ends included (rule ``private_fostering.day_count``)."""
        return (self.last_day - self.first_day).days + 1


@attrs.frozen(kw_only=True)
class Arrangement:
    """A child looked after and housed by someone other than their usual carer.

    Facts that may be unknown take ``None``; [`assess`][] then answers
    ``CANNOT_DECIDE`` if the answer turns on them, naming the missing fact.

    Attributes:
        child: The child (born; ``child.disabled`` matters for ages 16 and 17).
        relationship: The carer's relationship to the child.
        link: How a grandparent, sibling, uncle, aunt or step-parent is related
            (full or half blood, by marriage, by civil partnership).
        carer_has_parental_responsibility: Whether the carer holds parental
            responsibility (for example under a child arrangements order).
        setting: Where the child is cared for and accommodated.
        carer_capacity: For a child cared for in an establishment: whether the
            carer acts in a personal capacity or in the course of their duties.
        carer_lives_there: For a child cared for in an establishment: whether
            the premises are also the carer's own home (staff living in).
        also_living_there: Which of a parent, a PR holder or a relative
            (having, or not having, assumed responsibility for the child's
            care) live in the same premises; an empty set for none.
        looked_after: Whether the child is looked after by a local authority.
        placed_for_adoption: Whether an adoption agency placed the child for adoption.
        mental_health_detention: Whether the child is liable to be detained, or
            subject to guardianship, under the Mental Health Act 1983.
        court_ordered: Whether the care is in compliance with a criminal court
            order or a Scottish supervision requirement.
        start: The first day the carer cared for and accommodated the child.
        end: The last day of the arrangement, or ``None`` while it continues.
        intention: What the carer intended at the start about its length.
        intended_end: With ``FIXED_END``: the last day the carer intended.
        extension_intended_from: The day the carer came to intend to keep the
            child for 28 days or more, if the intention changed.
        school_maintained: For a child living at a school: whether a local
            authority maintains the school.
        holiday_stay: For a child living at a school: the days of a school
            holiday on which the child lives there.
        arranged: The day the arrangement was made or proposed, if before ``start``.
        authority_aware: The day the local authority became aware of the arrangement.
    """

    child: Child = attrs.field(validator=is_instance(Child))
    relationship: Relationship = attrs.field(validator=is_member(Relationship))
    link: Link | None = attrs.field(default=None, validator=optional_member(Link))
    carer_has_parental_responsibility: bool | None = attrs.field(
        default=None, validator=is_optional_bool
    )
    setting: Setting = attrs.field(validator=is_member(Setting))
    carer_capacity: CarerCapacity | None = attrs.field(
        default=None, validator=optional_member(CarerCapacity)
    )
    carer_lives_there: bool | None = attrs.field(default=None, validator=is_optional_bool)
    also_living_there: frozenset[Resident] | None = attrs.field(
        default=None, validator=frozenset_of(Resident, optional=True)
    )
    looked_after: bool | None = attrs.field(default=None, validator=is_optional_bool)
    placed_for_adoption: bool | None = attrs.field(default=None, validator=is_optional_bool)
    mental_health_detention: bool | None = attrs.field(default=None, validator=is_optional_bool)
    court_ordered: bool | None = attrs.field(default=None, validator=is_optional_bool)
    start: dt.date = attrs.field(validator=is_date)
    end: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    intention: IntendedDuration = attrs.field(validator=is_member(IntendedDuration))
    intended_end: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    extension_intended_from: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    school_maintained: bool | None = attrs.field(default=None, validator=is_optional_bool)
    holiday_stay: HolidayStay | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(HolidayStay))
    )
    arranged: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    authority_aware: dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        """Check the facts against each other (no personal data in the messages)."""
        self._check_child_and_dates()
        self._check_relationship()
        self._check_setting()
        self._check_intention()

    def _check_child_and_dates(self) -> None:
        born = self.child.date_of_birth
        if born is None:
            raise InvalidInputError("child", "must be a born child (date_of_birth given)")
        if self.start < born:
            raise InvalidInputError("start", "is before the child's date of birth")
        if self.end is not None and self.end < self.start:
            raise InvalidInputError("end", "must not be before start")
        if self.arranged is not None and self.arranged > self.start:
            raise InvalidInputError("arranged", "must not be after start")
        existed = self.start if self.arranged is None else self.arranged
        if self.authority_aware is not None and self.authority_aware < existed:
            raise InvalidInputError(
                "authority_aware",
                "is before the arrangement existed (give 'arranged' for an advance notice)",
            )

    def _check_relationship(self) -> None:
        if self.relationship is Relationship.PARENT and self.link is not None:
            raise InvalidInputError("link", "must be None for a parent")
        if self.relationship is Relationship.STEP_PARENT and self.link not in (
            None,
            Link.MARRIAGE,
            Link.CIVIL_PARTNERSHIP,
        ):
            raise InvalidInputError(
                "link", "a step-parent is related by marriage or civil partnership"
            )

    def _check_setting(self) -> None:
        if self.setting is Setting.CARERS_HOME and self.carer_lives_there is False:
            raise InvalidInputError(
                "carer_lives_there", "must not be False in the carer's own home"
            )
        if self.setting is Setting.OTHER_PREMISES and self.carer_lives_there is True:
            raise InvalidInputError(
                "carer_lives_there", "premises the carer lives in are the carer's own home"
            )
        if self.setting is not Setting.SCHOOL:
            if self.holiday_stay is not None:
                raise InvalidInputError(
                    "holiday_stay", "applies only to a child living at a school"
                )
            if self.school_maintained is not None:
                raise InvalidInputError(
                    "school_maintained", "applies only to a child living at a school"
                )
        stay = self.holiday_stay
        if stay is not None:
            if stay.first_day < self.start:
                raise InvalidInputError("holiday_stay", "must not begin before start")
            if self.end is not None and stay.last_day > self.end:
                raise InvalidInputError("holiday_stay", "must not end after end")

    def _check_intention(self) -> None:
        fixed = self.intention is IntendedDuration.FIXED_END
        if fixed and self.intended_end is None:
            raise InvalidInputError("intended_end", "is required when intention is FIXED_END")
        if not fixed and self.intended_end is not None:
            raise InvalidInputError("intended_end", "is given only when intention is FIXED_END")
        if self.intended_end is not None and self.intended_end < self.start:
            raise InvalidInputError("intended_end", "must not be before start")
        extension = self.extension_intended_from
        if extension is not None:
            if extension < self.start:
                raise InvalidInputError("extension_intended_from", "must not be before start")
            if self.end is not None and extension > self.end:
                raise InvalidInputError("extension_intended_from", "must not be after end")


# --- Assessment -----------------------------------------------------------------------------

_MISSING = re.compile(r"\(missing fact: ([a-z_.]+)\)")

_SETTING_PARAGRAPH = {
    Setting.CHILDRENS_HOME: "(b)",
    Setting.VOLUNTARY_ORGANISATION_ACCOMMODATION: "(c)",
    Setting.SCHOOL: "(d)",
    Setting.HEALTH_SERVICE_HOSPITAL: "(e)",
    Setting.CARE_HOME_OR_INDEPENDENT_HOSPITAL: "(f)",
    Setting.SECRETARY_OF_STATE_INSTITUTION: "(g)",
}


def _missing(field: str) -> str:
    return f"(missing fact: {field})"


def days_cared_for(arrangement: Arrangement, *, on: dt.date) -> int:
    """Days the child has been cared for by *on*, the first day included.

    Legal basis:
        Children Act 1989 s66(2); the counting convention is the library's
        reading (rule ``private_fostering.day_count``, unverified): every day
        of care counts, the first included, so a stay from 1 to 28 March has
        lasted 28 days. Days after ``end`` do not count; before ``start`` the
        count is 0.

    Args:
        arrangement: The arrangement.
        on: The day asked about.

    Returns:
        The number of days, 0 or more.

    Raises:
        InvalidInputError: *on* is not a plain ``date``.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.people import Child
        >>> a = Arrangement(child=Child(identifier="C", date_of_birth=dt.date(2012, 1, 1)),
        ...                 relationship=Relationship.HOST_FAMILY, setting=Setting.CARERS_HOME,
        ...                 start=dt.date(2025, 3, 1), intention=IntendedDuration.NOT_KNOWN)
        >>> days_cared_for(a, on=dt.date(2025, 3, 28))
        28
    """
    check_date("on", on)
    last = on if arrangement.end is None else min(on, arrangement.end)
    return max(0, (last - arrangement.start).days + 1)


def _in_progress(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    source = DEFINITION.at(on, procedures=p).source
    if on < a.start:
        met, detail = False, f"The arrangement starts on {a.start.isoformat()}, after this date."
    elif a.end is not None and on > a.end:
        met, detail = False, f"The arrangement ended on {a.end.isoformat()}, before this date."
    else:
        met, detail = True, "The child is being cared for and accommodated by the carer."
    return Finding(criterion="arrangement in progress", met=met, detail=detail, source=source)


def _age(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    limit = AGE_LIMIT.at(on, procedures=p)
    disabled_limit = DISABLED_AGE_LIMIT.at(on, procedures=p)
    born = a.child.date_of_birth
    if born is None or on < born:  # an Arrangement always holds a born child
        return Finding(
            criterion="age", met=False, detail="The child is not yet born.", source=limit.source
        )
    age = age_on(born, on)
    source = limit.source
    met: bool | None
    if age < limit.value:
        met, detail = True, f"The child is aged {age}, under {limit.value}."
    elif age >= disabled_limit.value:
        met = False
        detail = f"The child is aged {age}: nobody aged {disabled_limit.value} or over is."
    else:
        source = disabled_limit.source
        if a.child.disabled is True:
            met = True
            detail = f"The child is aged {age} and disabled: under {disabled_limit.value}."
        elif a.child.disabled is False:
            met = False
            detail = f"The child is aged {age} and not disabled: the limit is under {limit.value}."
        else:
            met = None
            detail = (
                f"The child is aged {age}: in scope only if disabled {_missing('child.disabled')}."
            )
    return Finding(criterion="age", met=met, detail=detail, source=source)


def _not_parent(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    is_parent = a.relationship is Relationship.PARENT
    detail = "The carer is a parent." if is_parent else "The carer is not a parent."
    return Finding(
        criterion="carer is not a parent",
        met=not is_parent,
        detail=detail,
        source=DEFINITION.at(on, procedures=p).source,
    )


def _no_pr(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    has_pr = a.carer_has_parental_responsibility
    if has_pr is None:
        detail = (
            "Not known whether the carer has parental responsibility "
            f"{_missing('carer_has_parental_responsibility')}."
        )
    elif has_pr:
        detail = "The carer has parental responsibility for the child."
    else:
        detail = "The carer does not have parental responsibility."
    return Finding(
        criterion="carer has no parental responsibility",
        met=not_(has_pr),
        detail=detail,
        source=DEFINITION.at(on, procedures=p).source,
    )


def _not_relative(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    definition = RELATIVES.at(on, procedures=p)
    kind = a.relationship
    criterion = "carer is not a relative"
    if kind not in definition.value.relationships:
        return Finding(
            criterion=criterion,
            met=True,
            detail=f"{kind.value.capitalize()}: not in the statutory list of relatives.",
            source=definition.source,
        )
    version: Version[Any]
    if kind is Relationship.STEP_PARENT:
        version = STEP_PARENT.at(on, procedures=p)
        links: frozenset[Link] = version.value
        possible = frozenset({Link.MARRIAGE, Link.CIVIL_PARTNERSHIP})
    else:
        version = definition
        links = definition.value.links
        possible = frozenset(Link)
    link = a.link
    met: bool | None
    if link is None:
        if links >= possible:
            met, detail = False, f"{kind.value.capitalize()}: a relative, however related."
        else:
            met = None
            ways = ", ".join(x.value for x in Link if x in links)
            detail = (
                f"{kind.value.capitalize()}: a relative only if related by {ways} "
                f"{_missing('link')}."
            )
    elif link in links:
        met, detail = False, f"{kind.value.capitalize()} by {link.value}: a relative."
    else:
        met = True
        detail = f"{kind.value.capitalize()} by {link.value}: not a relative on this date."
    return Finding(criterion=criterion, met=met, detail=detail, source=version.source)


def _own_home(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    criterion = "cared for and accommodated in the carer's own home"
    if a.setting is Setting.CARERS_HOME:
        return Finding(
            criterion=criterion,
            met=True,
            detail="The child is cared for and accommodated in the carer's own home.",
            source=DEFINITION.at(on, procedures=p).source,
        )
    source = OWN_HOME.at(on, procedures=p).source
    met: bool | None
    if a.setting is Setting.OTHER_PREMISES or a.carer_lives_there is False:
        met, detail = False, f"The child lives in {_PLACE[a.setting]}, not the carer's own home."
    elif a.carer_lives_there:
        met, detail = (
            True,
            f"The child lives in {_PLACE[a.setting]}, which is also the carer's home.",
        )
    else:
        met = None
        detail = (
            f"The child lives in {_PLACE[a.setting]}; not known whether the carer lives there "
            f"{_missing('carer_lives_there')}."
        )
    return Finding(criterion=criterion, met=met, detail=detail, source=source)


def _twenty_eight_days(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    version = TWENTY_EIGHT_DAY_RULE.at(on, procedures=p)
    limit = version.value
    reference = max(a.start, on if a.end is None else min(on, a.end))
    days = (reference - a.start).days + 1
    extension = a.extension_intended_from
    met: bool | None
    if days >= limit:
        met = True
        detail = f"Cared for {days} days by this date ({limit} or more)."
    elif extension is not None and extension <= reference:
        met = True
        detail = (
            f"Cared for {days} days, and since {extension.isoformat()} the carer intends to "
            f"care for the child for {limit} days or more."
        )
    elif a.intention is IntendedDuration.OPEN_ENDED:
        met = True
        detail = (
            f"Cared for {days} days, with no end in view: intended to last {limit} days or more."
        )
    elif a.intended_end is not None:
        intended = (a.intended_end - a.start).days + 1
        met = intended >= limit
        relation = "or more" if met else f"less than {limit}"
        detail = f"Cared for {days} days so far, intended to last {intended} days ({relation})."
    else:
        met = None
        detail = (
            f"Cared for {days} days; the carer's intention is not known {_missing('intention')}."
        )
    return Finding(
        criterion=f"{limit}-day rule (cared for {limit} days or more, or intended to be)",
        met=met,
        detail=detail,
        source=version.source,
    )


def _flag_exemption(  # noqa: PLR0913 - the finding, its fact, its rule and the law to apply
    criterion: str,
    value: bool | None,
    field: str,
    rule: DatedRule[str],
    *,
    on: dt.date,
    p: Procedures,
) -> Finding:
    version = rule.at(on, procedures=p)
    if value is None:
        detail = f"Not known whether the child is {version.value} {_missing(field)}."
    elif value:
        detail = f"The child is {version.value}: exempt."
    else:
        detail = f"The child is not {version.value}."
    return Finding(criterion=criterion, met=not_(value), detail=detail, source=version.source)


def _household(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    version = HOUSEHOLD_EXEMPTION.at(on, procedures=p)
    criterion = "no parent, PR holder or responsible relative living there (Sch 8 para 2(1)(a))"
    residents = a.also_living_there
    met: bool | None
    if residents is None:
        met = None
        detail = f"Not known who else lives in the premises {_missing('also_living_there')}."
    elif residents & version.value:
        met = False
        who = ", ".join(r.value for r in Resident if r in residents & version.value)
        detail = f"Living in the same premises: {who}: exempt."
    elif Resident.RELATIVE_WITHOUT_RESPONSIBILITY in residents:
        met = True
        detail = (
            "A relative lives there but has not assumed responsibility for the child's care, "
            "so the exemption does not apply."
        )
    else:
        met = True
        detail = "No parent, PR holder or relative lives in the premises."
    return Finding(criterion=criterion, met=met, detail=detail, source=version.source)


def _settings(a: Arrangement, on: dt.date, p: Procedures) -> dict[Setting, Finding]:
    exempt = EXEMPT_SETTINGS.at(on, procedures=p)
    carve = PERSONAL_CAPACITY.at(on, procedures=p)
    exempt_settings = set(exempt.value)
    carved = set(carve.value)
    homes: Version[frozenset[Setting]] | None = None
    if CHILDRENS_HOMES.is_in_force(on):
        homes = CHILDRENS_HOMES.at(on, procedures=p)
        exempt_settings |= homes.value
        carved |= homes.value
    findings: dict[Setting, Finding] = {}
    for setting in (s for s in Setting if s in exempt_settings):
        via_s63 = homes is not None and setting in homes.value
        provision = "s63" if via_s63 else f"Sch 8 para 2(1){_SETTING_PARAGRAPH[setting]}"
        source = homes.source if via_s63 and homes is not None else exempt.source
        met: bool | None
        if a.setting is not setting:
            met, detail = True, f"The child is not cared for in {_PLACE[setting]}."
        elif a.carer_capacity is CarerCapacity.DUTIES:
            met = False
            detail = (
                f"Cared for in {_PLACE[setting]} by a carer acting in the course of their "
                "duties: exempt."
            )
        elif a.carer_capacity is CarerCapacity.PERSONAL and setting in carved:
            met = True
            detail = (
                f"Cared for in {_PLACE[setting]} by a carer acting in a personal capacity: the "
                "exemption does not apply (Sch 8 para 2(2))."
            )
            source = source if via_s63 else carve.source
        else:
            met = None
            detail = (
                f"Cared for in {_PLACE[setting]}; not known in which capacity the carer acts "
                f"{_missing('carer_capacity')}."
            )
        findings[setting] = Finding(
            criterion=f"not cared for in {_PLACE[setting]} ({provision})",
            met=met,
            detail=detail,
            source=source,
        )
    return findings


def _boarding_holiday(a: Arrangement, on: dt.date, p: Procedures) -> Finding:
    days = BOARDING_HOLIDAY_DAYS.at(on, procedures=p)
    age_limit = BOARDING_HOLIDAY_AGE_LIMIT.at(on, procedures=p)
    criterion = "boarding-school holiday rule (Sch 8 para 9)"
    stay = a.holiday_stay
    born = a.child.date_of_birth
    met: bool | None
    if a.setting is not Setting.SCHOOL:
        met, detail = False, "The child does not live at a school."
    elif stay is None or not stay.first_day <= on <= stay.last_day:
        met, detail = False, "The child is not living at the school during a school holiday."
    elif born is not None and age_on(born, on) >= age_limit.value:
        met, detail = False, f"The rule covers pupils under {age_limit.value} only."
    elif a.school_maintained is None:
        met = None
        detail = (
            "Not known whether a local authority maintains the school "
            f"{_missing('school_maintained')}."
        )
    elif a.school_maintained:
        met, detail = False, "The school is maintained by a local authority."
    elif stay.days > days.value:
        met = True
        detail = (
            f"Living at a non-maintained school for {stay.days} days of the holiday (more than "
            f"{days.value}): treated as privately fostered while there."
        )
    else:
        met = False
        detail = (
            f"Living at the school for {stay.days} days of the holiday: not more than {days.value}."
        )
    return Finding(criterion=criterion, met=met, detail=detail, source=days.source)


def _settled(finding: Finding, *, needed: bool) -> Finding:
    """Drop the missing-fact mark from an unknown finding the outcome does not wait for."""
    if finding.met is not None or needed:
        return finding
    detail = _MISSING.sub("(not needed: other findings decide)", finding.detail)
    return attrs.evolve(finding, detail=detail)


@criteria(
    "private_fostering.definition",
    "private_fostering.age_limit",
    "private_fostering.relatives",
    "private_fostering.twenty_eight_day_rule",
    calls="assess_calls",
)
def assess(
    arrangement: Arrangement, *, on: dt.date, procedures: Procedures = NATIONAL
) -> Decision[Outcome]:
    """Decide whether the child in *arrangement* is privately fostered on *on*.

    The rule: the child must be under 16 (under 18 if disabled), cared for
    and accommodated in the carer's own home by someone who is not a parent,
    a PR holder or a relative, for 28 days or more or with the intention of
    a stay that long; and no Schedule 8 exemption may apply. A pupil under 16
    living at a non-maintained school for more than two weeks of a holiday is
    treated as privately fostered while there (Sch 8 para 9). Each rule is
    applied as it stood on *on*.

    Legal basis:
        Children Act 1989 s66(1), (2) and (4); s105(1) ("relative",
        "disabled"); Schedule 8 paras 1 to 5 and 9.

    Args:
        arrangement: The facts.
        on: The day asked about, whose rules apply.
        procedures: Local procedures: where they set their own version of a
            rule (their reading of an unconfirmed point, say), that version
            applies and its finding cites the local document.

    Returns:
        A decision whose outcome is an [`Outcome`][], with one finding per
        limb and exemption. ``CANNOT_DECIDE`` means some finding has
        ``met=None``; its detail names the missing fact (see [`missing_facts`][]).

    Raises:
        InvalidInputError: *arrangement* is not an [`Arrangement`][], *on*
            is not a plain ``date``, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 14 October 1991.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.people import Child
        >>> friend = Arrangement(
        ...     child=Child(identifier="C1", date_of_birth=dt.date(2012, 1, 1)),
        ...     relationship=Relationship.FAMILY_FRIEND, setting=Setting.CARERS_HOME,
        ...     start=dt.date(2025, 1, 6), intention=IntendedDuration.OPEN_ENDED)
        >>> decision = assess(friend, on=dt.date(2025, 1, 6))
        >>> decision.outcome.value
        'cannot decide'
        >>> for fact in missing_facts(decision):
        ...     print(fact)
        carer_has_parental_responsibility
        looked_after
        also_living_there
        court_ordered
        mental_health_detention
        placed_for_adoption
    """
    if not isinstance(arrangement, Arrangement):
        raise InvalidInputError("arrangement", "must be an Arrangement")
    check_date("on", on)
    p = check_procedures(procedures)
    a = arrangement
    in_progress = _in_progress(a, on, p)
    core = [
        in_progress,
        _age(a, on, p),
        _not_parent(a, on, p),
        _no_pr(a, on, p),
        _not_relative(a, on, p),
        _own_home(a, on, p),
        _twenty_eight_days(a, on, p),
    ]
    by_setting = _settings(a, on, p)
    settings = tuple(by_setting.values())
    # Para 9 disapplies the school exemption (para 2(1)(d)) and no other.
    not_school = tuple(f for s, f in by_setting.items() if s is not Setting.SCHOOL)
    looked_after = _flag_exemption(
        "not looked after by a local authority (Sch 8 para 1)",
        a.looked_after,
        "looked_after",
        LOOKED_AFTER_EXEMPTION,
        on=on,
        p=p,
    )
    household = _household(a, on, p)
    later = (
        _flag_exemption(
            "not in care under a criminal court order (Sch 8 para 3)",
            a.court_ordered,
            "court_ordered",
            COURT_ORDER_EXEMPTION,
            on=on,
            p=p,
        ),
        _flag_exemption(
            "not detained or under guardianship under the Mental Health Act 1983 (Sch 8 para 4)",
            a.mental_health_detention,
            "mental_health_detention",
            MENTAL_HEALTH_EXEMPTION,
            on=on,
            p=p,
        ),
        _flag_exemption(
            "not placed for adoption by an adoption agency (Sch 8 para 5)",
            a.placed_for_adoption,
            "placed_for_adoption",
            ADOPTION_EXEMPTION,
            on=on,
            p=p,
        ),
    )
    holiday = _boarding_holiday(a, on, p)
    exemptions = (looked_after, household, *settings, *later)
    normal = all_of(*(f.met for f in (*core, *exemptions)))
    deemed = all_of(
        *(f.met for f in (holiday, in_progress, looked_after, household, *not_school, *later))
    )
    if normal is True:
        outcome = Outcome.PRIVATELY_FOSTERED
    elif deemed is True:
        outcome = Outcome.TREATED_AS_PRIVATELY_FOSTERED
    elif normal is False and deemed is False:
        outcome = Outcome.NOT_PRIVATELY_FOSTERED
    else:
        outcome = Outcome.CANNOT_DECIDE
    # An unknown finding matters only while the outcome waits for its path.
    undecided = outcome is Outcome.CANNOT_DECIDE
    deemed_path = {
        id(f) for f in (holiday, in_progress, looked_after, household, *not_school, *later)
    }

    def needed(f: Finding) -> bool:
        waits_normal = normal is None and f is not holiday
        waits_deemed = deemed is None and id(f) in deemed_path
        return undecided and (waits_normal or waits_deemed)

    findings = tuple(_settled(f, needed=needed(f)) for f in (*core, *exemptions, holiday))
    return Decision(
        outcome=outcome,
        findings=findings,
        rule_version=f"Children Act 1989 Part IX and Schedule 8 as in force on {on.isoformat()}",
    )


def is_private_fostering(
    arrangement: Arrangement, *, on: dt.date, procedures: Procedures = NATIONAL
) -> bool | None:
    """Whether the child is privately fostered on *on*: the shortcut for [`assess`][].

    Legal basis:
        As [`assess`][].

    Args:
        arrangement: The facts.
        on: The day asked about, whose rules apply.
        procedures: Local procedures, as for [`assess`][].

    Returns:
        ``True`` if privately fostered or treated as such, ``False`` if not,
        ``None`` if the facts given are not enough (call [`assess`][]).

    Raises:
        InvalidInputError: bad input, as [`assess`][].

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.people import Child
        >>> aunt = Arrangement(
        ...     child=Child(identifier="C1", date_of_birth=dt.date(2012, 1, 1)),
        ...     relationship=Relationship.UNCLE_OR_AUNT, link=Link.MARRIAGE,
        ...     setting=Setting.CARERS_HOME, start=dt.date(2025, 1, 6),
        ...     intention=IntendedDuration.OPEN_ENDED)
        >>> is_private_fostering(aunt, on=dt.date(2025, 3, 1))
        False
    """
    outcome = assess(arrangement, on=on, procedures=procedures).outcome
    if outcome is Outcome.CANNOT_DECIDE:
        return None
    return outcome is not Outcome.NOT_PRIVATELY_FOSTERED


def missing_facts(decision: Decision[Any]) -> tuple[str, ...]:
    """The facts an undecided [`assess`][] decision is waiting for, in finding order.

    Only facts the outcome still waits for are listed: an unknown fact on a
    path that another finding already decides is not.

    Legal basis:
        As [`assess`][].

    Args:
        decision: A decision returned by [`assess`][].

    Returns:
        Field names of [`Arrangement`][] (``"child.disabled"`` for the
        child's disability), each once; empty when every finding is decided.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.people import Child
        >>> a = Arrangement(child=Child(identifier="C", date_of_birth=dt.date(2008, 6, 1)),
        ...                 relationship=Relationship.COUSIN, setting=Setting.CARERS_HOME,
        ...                 start=dt.date(2025, 1, 6), intention=IntendedDuration.NOT_KNOWN)
        >>> missing_facts(assess(a, on=dt.date(2025, 1, 7)))[:2]
        ('child.disabled', 'carer_has_parental_responsibility')
    """
    found: dict[str, None] = {}
    for finding in decision.undecided:
        match = _MISSING.search(finding.detail)
        if match is not None:
            found[match.group(1)] = None
    return tuple(found)
