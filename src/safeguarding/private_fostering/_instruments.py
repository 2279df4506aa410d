"""Instruments cited only by the private fostering rules (the others are in ``sources``)."""

from __future__ import annotations

from safeguarding.citations import Instrument

__all__ = [
    "CIVIL_PARTNERSHIP_ACT_2004",
    "CORONAVIRUS_AMENDMENT_REGULATIONS_2020",
    "DISQUALIFICATION_REGULATIONS_2002",
    "PRIVATE_FOSTERING_GUIDANCE_2005",
    "PRIVATE_FOSTERING_STATISTICS",
]

CIVIL_PARTNERSHIP_ACT_2004 = Instrument(
    title="Civil Partnership Act 2004", url="https://www.legislation.gov.uk/ukpga/2004/33"
)
CORONAVIRUS_AMENDMENT_REGULATIONS_2020 = Instrument(
    title="Adoption and Children (Coronavirus) (Amendment) Regulations 2020 (SI 2020/445)",
    url="https://www.legislation.gov.uk/uksi/2020/445",
)
DISQUALIFICATION_REGULATIONS_2002 = Instrument(
    title="Disqualification from Caring for Children (England) Regulations 2002 (SI 2002/635)",
    url="https://www.legislation.gov.uk/uksi/2002/635",
)
PRIVATE_FOSTERING_GUIDANCE_2005 = Instrument(
    title="Replacement Children Act 1989 Guidance on Private Fostering (2005) and National "
    "Minimum Standards for Private Fostering (2005)",
    url=None,
)
PRIVATE_FOSTERING_STATISTICS = Instrument(
    title="Department for Education, Notifications of private fostering arrangements in England "
    "(PF1 return, last published 2015)",
    url="https://www.gov.uk/government/statistics/notifications-of-private-fostering-arrangements-in-england-2015",
)
