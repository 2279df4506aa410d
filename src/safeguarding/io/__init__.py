"""Readers and writers for the statutory data returns (the CIN census XML).

See [`safeguarding.io.cin_census`][] (reading and writing) and
[`safeguarding.io.schema`][] (validating against the XSD schema).
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
from safeguarding.io.schema import (
    BuiltinType,
    CensusSchema,
    ComplexType,
    ElementDeclaration,
    SimpleType,
    validate_census,
)

__all__ = [
    "BuiltinType",
    "CensusChild",
    "CensusHeader",
    "CensusReading",
    "CensusSchema",
    "ComplexType",
    "ElementDeclaration",
    "GenderCurrent",
    "LayoutFeature",
    "MalformedCensusError",
    "PreProceedings",
    "Problem",
    "Severity",
    "Sex",
    "SimpleType",
    "UPNUnknown",
    "UnsafeXMLError",
    "census_items",
    "read_census",
    "validate_census",
    "write_census",
]
