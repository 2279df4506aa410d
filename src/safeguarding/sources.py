"""The instruments the library's rules cite, each defined once.

Acts and statutory instruments link to legislation.gov.uk; statutory guidance
to its publication page. A module cites a provision with
[`cite`][safeguarding.citations.Instrument.cite], giving the provision, the
verification status and, where it has one, the provision's own link:

Examples:
    >>> from safeguarding.citations import Verification
    >>> str(CHILDREN_ACT_1989.cite("s66(1)", Verification.PRIMARY))
    'Children Act 1989, s66(1) [primary]'

Guidance editions are separate instruments (``WORKING_TOGETHER_2018`` and
``WORKING_TOGETHER_2023`` are different documents), so a rule's versions cite
the edition that applied.
"""

from __future__ import annotations

from safeguarding.citations import Instrument

__all__ = [
    "CARE_ACT_2014",
    "CARE_PLANNING_REGULATIONS_2010",
    "CHILDREN_ACT_1989",
    "CHILDREN_ACT_2004",
    "CHILDREN_AND_SOCIAL_WORK_ACT_2017",
    "CHILD_DEATH_REVIEW_GUIDANCE_2018",
    "CSPR_REGULATIONS_2018",
    "DOMESTIC_VIOLENCE_CRIME_AND_VICTIMS_ACT_2004",
    "LSCB_REGULATIONS_2006",
    "POLICE_CRIME_SENTENCING_AND_COURTS_ACT_2022",
    "PRIVATE_FOSTERING_REGULATIONS_2005",
    "WORKING_TOGETHER_2015",
    "WORKING_TOGETHER_2018",
    "WORKING_TOGETHER_2023",
    "keeping_children_safe_in_education",
]

CHILDREN_ACT_1989 = Instrument(
    title="Children Act 1989", url="https://www.legislation.gov.uk/ukpga/1989/41"
)
CHILDREN_ACT_2004 = Instrument(
    title="Children Act 2004", url="https://www.legislation.gov.uk/ukpga/2004/31"
)
CHILDREN_AND_SOCIAL_WORK_ACT_2017 = Instrument(
    title="Children and Social Work Act 2017", url="https://www.legislation.gov.uk/ukpga/2017/16"
)
CARE_ACT_2014 = Instrument(
    title="Care Act 2014", url="https://www.legislation.gov.uk/ukpga/2014/23"
)
DOMESTIC_VIOLENCE_CRIME_AND_VICTIMS_ACT_2004 = Instrument(
    title="Domestic Violence, Crime and Victims Act 2004",
    url="https://www.legislation.gov.uk/ukpga/2004/28",
)
POLICE_CRIME_SENTENCING_AND_COURTS_ACT_2022 = Instrument(
    title="Police, Crime, Sentencing and Courts Act 2022",
    url="https://www.legislation.gov.uk/ukpga/2022/32",
)
PRIVATE_FOSTERING_REGULATIONS_2005 = Instrument(
    title="Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)",
    url="https://www.legislation.gov.uk/uksi/2005/1533",
)
LSCB_REGULATIONS_2006 = Instrument(
    title="Local Safeguarding Children Boards Regulations 2006 (SI 2006/90)",
    url="https://www.legislation.gov.uk/uksi/2006/90",
)
CSPR_REGULATIONS_2018 = Instrument(
    title="Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 "
    "(SI 2018/789)",
    url="https://www.legislation.gov.uk/uksi/2018/789",
)
CARE_PLANNING_REGULATIONS_2010 = Instrument(
    title="Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
    url="https://www.legislation.gov.uk/uksi/2010/959",
)
WORKING_TOGETHER_2015 = Instrument(
    title="Working Together to Safeguard Children 2015",
    url="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
)
WORKING_TOGETHER_2018 = Instrument(
    title="Working Together to Safeguard Children 2018",
    url="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
)
WORKING_TOGETHER_2023 = Instrument(
    title="Working Together to Safeguard Children 2023",
    url="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
)
CHILD_DEATH_REVIEW_GUIDANCE_2018 = Instrument(
    title="Child Death Review: Statutory and Operational Guidance (England) 2018",
    url="https://www.gov.uk/government/publications/child-death-review-statutory-and-operational-guidance-england",
)

_KCSIE_URL = "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2"


def keeping_children_safe_in_education(year: int) -> Instrument:
    """The September *year* edition of *Keeping Children Safe in Education*.

    Examples:
        >>> keeping_children_safe_in_education(2021).title
        'Keeping Children Safe in Education 2021'
    """
    return Instrument(title=f"Keeping Children Safe in Education {year}", url=_KCSIE_URL)
