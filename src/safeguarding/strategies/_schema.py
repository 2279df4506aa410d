"""Hypothesis strategies for the XSD schema model ([`safeguarding.io.schema`][])."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from safeguarding.io.schema import (
    BuiltinType,
    CensusSchema,
    ComplexType,
    ElementDeclaration,
    SimpleType,
)

__all__ = [
    "STRATEGIES",
    "census_schemas",
    "complex_types",
    "element_declarations",
    "simple_types",
]

_NAMES = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,11}", fullmatch=True)
_PATTERNS = (r"\d{3}", r"\d{3}\d*", r"[A-Za-z]\d{12}", r"[A-Za-z]\d{11}[A-Za-z]", r"[A-Z]{1,4}")
_INTEGER_MINIMUM = {
    BuiltinType.INTEGER: -100,
    BuiltinType.NON_NEGATIVE_INTEGER: 0,
    BuiltinType.POSITIVE_INTEGER: 1,
}


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def _simple_type(draw: st.DrawFn) -> SimpleType:
    base = draw(st.sampled_from(BuiltinType))
    enumeration: frozenset[str] | None = None
    patterns: tuple[tuple[str, ...], ...] = ()
    min_length: int | None = None
    if base is BuiltinType.STRING:
        codes = st.from_regex(r"[A-Z0-9]{1,4}", fullmatch=True)
        enumeration = draw(_optional(st.frozensets(codes, min_size=1, max_size=6)))
        step = st.lists(st.sampled_from(_PATTERNS), min_size=1, max_size=2, unique=True)
        patterns = tuple(draw(st.lists(step.map(tuple), max_size=2)))
        min_length = draw(_optional(st.integers(0, 5)))
    elif base is BuiltinType.BOOLEAN:
        flags = st.sampled_from(["true", "false"])
        enumeration = draw(_optional(st.frozensets(flags, min_size=1)))
    elif base in _INTEGER_MINIMUM:
        numbers = st.integers(_INTEGER_MINIMUM[base], 1000).map(str)
        enumeration = draw(_optional(st.frozensets(numbers, min_size=1, max_size=6)))
    return SimpleType(
        name=draw(_optional(_NAMES)),
        base=base,
        enumeration=enumeration,
        patterns=patterns,
        min_length=min_length,
    )


def simple_types() -> st.SearchStrategy[SimpleType]:
    """Simple types of every built-in base, with the facets that apply to it."""
    return _simple_type()


def _declarations(
    types: st.SearchStrategy[ComplexType | SimpleType],
) -> st.SearchStrategy[ElementDeclaration]:
    @st.composite
    def build(draw: st.DrawFn) -> ElementDeclaration:
        min_occurs = draw(st.integers(0, 2))
        max_occurs = draw(_optional(st.integers(max(min_occurs, 1), 3)))
        return ElementDeclaration(
            name=draw(_NAMES),
            type=draw(types),
            min_occurs=min_occurs,
            max_occurs=max_occurs,
        )

    return build()


def _complex(
    particles: st.SearchStrategy[ElementDeclaration], max_size: int
) -> st.SearchStrategy[ComplexType]:
    return st.builds(
        ComplexType,
        name=_optional(_NAMES),
        sequence=st.lists(particles, max_size=max_size).map(tuple),
    )


def complex_types() -> st.SearchStrategy[ComplexType]:
    """Complex types: sequences of simple and (a few levels of) nested complex elements."""
    particles = st.recursive(
        _declarations(simple_types()),
        lambda inner: _declarations(_complex(inner, 3)),
        max_leaves=6,
    )
    return _complex(particles, 4)


def element_declarations() -> st.SearchStrategy[ElementDeclaration]:
    """Element declarations with any occurrence bounds, of a simple or a complex type."""
    return _declarations(st.one_of(simple_types(), complex_types()))


def census_schemas() -> st.SearchStrategy[CensusSchema]:
    """Schemas of one to three top-level elements with distinct names."""
    return st.builds(
        CensusSchema,
        elements=st.lists(
            element_declarations(), min_size=1, max_size=3, unique_by=lambda e: e.name
        ).map(tuple),
    )


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    CensusSchema: census_schemas,
    ComplexType: complex_types,
    ElementDeclaration: element_declarations,
    SimpleType: simple_types,
}
