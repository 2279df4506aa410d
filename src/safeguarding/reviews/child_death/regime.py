"""The child death review regime: the days it changed and the documents its rules cite.

From 1 April 2008 the Local Safeguarding Children Board reviewed the death of every child
normally resident in its area (LSCB Regulations 2006, reg 6); from 29 June 2018 the duty
lies on the child death review partners (Children Act 2004, s16M). Panels returned
"preventable" deaths until 1 April 2010 and "modifiable factors" from then (DfE child
death reviews release OSR 11/2011). The national CDOP analysis form (Form C) gave way to
the National Child Mortality Database (NCMD) forms on 1 April 2019, and *Working
Together* 2023 was published on 15 December 2023. The rules of the other modules date
their versions from these days.

The documents defined here are those the child death rules cite that
[`safeguarding.sources`][] does not define: the CDOP forms, the national statistics and
the NCMD clarifications.
"""

from __future__ import annotations

import datetime as dt

from safeguarding.citations import Instrument

__all__ = [
    "CDOP_FORM_C",
    "DFE_CHILD_DEATH_STATISTICS",
    "NCMD_ANALYSIS_FORM",
    "NCMD_CATEGORY_CLARIFICATIONS",
    "NHS_DIGITAL_CHILD_DEATH_STATISTICS",
    "WORKING_TOGETHER_2010",
]

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
