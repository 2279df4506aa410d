"""Readers and writers for the statutory data returns (the CIN census XML).

See :mod:`safeguarding.io.cin_census`.
"""

from __future__ import annotations

from safeguarding.io.cin_census import (
    CensusChild,
    CensusHeader,
    CensusReading,
    GenderCurrent,
    LayoutFeature,
    MalformedCensusError,
    PreProceedings,
    Problem,
    Severity,
    Sex,
    UnsafeXMLError,
    UPNUnknown,
    census_items,
    read_census,
    write_census,
)

__all__ = [
    "CensusChild",
    "CensusHeader",
    "CensusReading",
    "GenderCurrent",
    "LayoutFeature",
    "MalformedCensusError",
    "PreProceedings",
    "Problem",
    "Severity",
    "Sex",
    "UPNUnknown",
    "UnsafeXMLError",
    "census_items",
    "read_census",
    "write_census",
]
