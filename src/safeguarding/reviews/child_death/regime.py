"""The child death review regime: the days it changed and the documents its rules cite.

From 1 April 2008 the Local Safeguarding Children Board reviewed the death of every child
normally resident in its area (LSCB Regulations 2006, reg 6); from 29 June 2018 the duty
lies on the child death review partners (Children Act 2004, s16M). Panels returned
"preventable" deaths until 1 April 2010 and "modifiable factors" from then (DfE child
death reviews release OSR 11/2011). The national CDOP analysis form (Form C) gave way to
the National Child Mortality Database (NCMD) forms on 1 April 2019, and *Working
Together* 2023 was published on 15 December 2023. The rules of the other modules date
their versions from these days.

The days of the guidance editions, and of the 2018 commencement, are read from the
editions table of [`safeguarding.sources`][]
([`TRANSITION_2018`][safeguarding.sources.TRANSITION_2018] and
[`edition`][safeguarding.sources.edition]); each version that starts on one says in its
citation note which day it is and why. Versions from 29 June 2018 start on the commencement
of the partners' duty (Children Act 2004 s16M), before the *Child Death Review Statutory and
Operational Guidance* was published on 15 October 2018; the version of the unexpected-death
definition labelled "WT2010" starts on 1 April 2008, the start of the LSCB duty, before
*Working Together* 2010 was published.

The documents defined here are those the child death rules cite that
[`safeguarding.sources`][] does not define: the CDOP forms, the national statistics and
the NCMD clarifications. ``WORKING_TOGETHER_2010`` is the instrument of
[`safeguarding.sources`][], handed on here.
"""

from __future__ import annotations

import datetime as dt

import attrs

from safeguarding.citations import Citation, Instrument
from safeguarding.sources import TRANSITION_2018, WORKING_TOGETHER_2010, edition

__all__ = [
    "CDOP_FORM_C",
    "DFE_CHILD_DEATH_STATISTICS",
    "NCMD_ANALYSIS_FORM",
    "NCMD_CATEGORY_CLARIFICATIONS",
    "NHS_DIGITAL_CHILD_DEATH_STATISTICS",
    "WORKING_TOGETHER_2010",
]

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

# Dates the regime changed that are not days of a guidance edition: the LSCB child death
# review duty (LSCB Regulations 2006, SI 2006/90, reg 6, from 1 April 2008); DfE's switch
# from "preventable" deaths to "modifiable factors" (1 April 2010, DfE child death reviews
# release OSR 11/2011); the NCMD forms (1 April 2019, gov.uk "Child death reviews: forms
# for reporting child deaths").
_LSCB_DUTY = dt.date(2008, 4, 1)
_MODIFIABLE_FROM = dt.date(2010, 4, 1)
_NCMD_FORMS = dt.date(2019, 4, 1)

# Days read from the editions table (safeguarding.sources): the child death review
# partners' duty (Children Act 2004 s16M) came into force with the 2018 framework, on
# 29 June 2018 (SI 2018/497 reg 3(m)); Working Together 2015 and 2023 came into effect on
# 26 March 2015 and 15 December 2023.
_CDR_2018 = edition("CDR 2018")
_WT2010 = edition("WT2010")
_WT2015 = edition("WT2015")
_WT2023 = edition("WT2023")
_PARTNERS_DUTY = TRANSITION_2018.framework_in_force.day


def _spoken(day: dt.date) -> str:
    """``29 June 2018``."""
    return f"{day.day} {day:%B %Y}"


def _with_sentence(source: Citation, sentence: str) -> Citation:
    """*source* with *sentence* ending its note."""
    return attrs.evolve(source, note=f"{source.note} {sentence}".strip())


def _from_partners_duty(source: Citation, *, guidance: bool = False) -> Citation:
    """*source*, for a version starting on 29 June 2018, its note saying why that day.

    The note ends with the sentence of
    [`Transition.dated`][safeguarding.sources.Transition.dated] for the 2018 framework and
    the child death review guidance. With *guidance* (the version cites the guidance, which
    was published later), it first says that the partners' duty of Children Act 2004 s16M
    commenced that day.
    """
    if guidance:
        source = _with_sentence(
            source,
            "The child death review partners' duty (Children Act 2004 s16M) commenced on "
            f"{_spoken(_PARTNERS_DUTY)} (SI 2018/497 reg 3(m)), before the guidance was "
            "published.",
        )
    return TRANSITION_2018.dated(source, _CDR_2018)


def _from_lscb_duty(source: Citation) -> Citation:
    """*source*, for a version labelled "WT2010" starting on 1 April 2008: why that day."""
    return _with_sentence(
        source,
        f"Applies from {_spoken(_LSCB_DUTY)}, the start of the LSCB child death review duty "
        "(LSCB Regulations 2006, SI 2006/90, reg 6), not the publication of "
        f"{_WT2010.instrument.title} on {_spoken(_WT2010.published.day)}: the definition is "
        "taken to have applied from the start of the duty.",
    )


_OSR_2011_URL = "https://studylib.net/doc/12526596/statistical-release"
_STAFFS_URL = (
    "https://www.staffsscb.org.uk/Professionals/Procedures/Section-Ten/Definitions/Definitions.aspx"
)
_NHS_2018_URL = (
    "https://digital.nhs.uk/data-and-information/publications/statistical/"
    "child-death-reviews/2018/number-of-reviews"
)
