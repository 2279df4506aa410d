"""Instruments the case-review rules cite that [`safeguarding.sources`][] does not define.

Each is defined once here and cited with [`cite`][safeguarding.citations.Instrument.cite].
The shared instruments (Children Act 2004, Working Together 2010 to 2023, the LSCB and
CSPR regulations, the Care Act 2014, the Domestic Violence, Crime and Victims Act 2004, the
Police, Crime, Sentencing and Courts Act 2022) come from [`safeguarding.sources`][].
"""

from __future__ import annotations

from safeguarding.citations import Instrument

__all__ = [
    "DFE_SERIOUS_INCIDENT_STATISTICS",
    "LEWISHAM_LSCB_ANNUAL_REPORT_2018_19",
    "NATIONAL_SCR_PANEL_GUIDANCE",
    "OWHR_COMMENCEMENT_REGULATIONS_2023",
    "PANEL_FAQ",
]

NATIONAL_SCR_PANEL_GUIDANCE = Instrument(
    title="National Panel of Independent Experts on Serious Case Reviews, guidance flowchart 1 "
    "(SCR initiation decisions)",
    url="https://docsbay.net/national-scr-panel-guidance-flowchart-1-scr-initiation-decisions",
)
PANEL_FAQ = Instrument(
    title="Child Safeguarding Practice Review Panel, frequently asked questions",
    url="https://childsafeguarding.independent-panel.uk/about/faqs/",
)
DFE_SERIOUS_INCIDENT_STATISTICS = Instrument(
    title="Department for Education, Serious incident notifications (official statistics)",
    url="https://explore-education-statistics.service.gov.uk/find-statistics/"
    "serious-incident-notifications",
)
OWHR_COMMENCEMENT_REGULATIONS_2023 = Instrument(
    title="Police, Crime, Sentencing and Courts Act 2022 (Commencement No. 1) (England and "
    "Wales) Regulations 2023 (SI 2023/227)",
    url="https://www.legislation.gov.uk/uksi/2023/227",
)
LEWISHAM_LSCB_ANNUAL_REPORT_2018_19 = Instrument(
    title="Lewisham Safeguarding Children Board Annual Report 2018/19",
    url=None,
)
