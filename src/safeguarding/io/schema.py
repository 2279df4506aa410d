r"""Validate a CIN census file against its XSD schema, in pure Python and as a stream.

The Department for Education publishes an XML schema (XSD) for each year's CIN
census. The standard library has no XSD validator, so this module implements
the small part of XML Schema 1.0 that the census schemas use:

- ``xs:schema`` holding top-level ``xs:element``, ``xs:complexType`` and
  ``xs:simpleType`` definitions;
- complex types (named or anonymous) whose content is one ``xs:sequence`` of
  ``xs:element`` particles with ``minOccurs`` and ``maxOccurs`` (a number or
  ``unbounded``);
- simple types (named or anonymous) that are an ``xs:restriction`` of a
  built-in type or of another simple type, with the facets ``xs:enumeration``,
  ``xs:pattern`` and ``xs:minLength``;
- the built-in types ``xs:string``, ``xs:boolean``, ``xs:integer``,
  ``xs:nonNegativeInteger``, ``xs:positiveInteger``, ``xs:date``,
  ``xs:dateTime`` and ``xs:gYear``;
- ``xs:annotation`` (with its ``xs:documentation``), which is ignored.

Anything else (``xs:choice``, ``xs:attribute``, ``xs:import``, a
``targetNamespace``, another facet or built-in type, a regular-expression
feature that Python's `re` cannot express the same way, a recursive
type) is refused by [`CensusSchema.load`][] with
[`InvalidInputError`][safeguarding.errors.InvalidInputError] (field ``"schema"``), never
silently ignored: a schema that is loaded is checked in full.

[`validate_census`][] streams the census file through expat in 64 KiB chunks
(memory does not grow with the number of children) with the same protections
as [`read_census`][safeguarding.io.cin_census.read_census]: entity declarations and
external entities are refused with
[`UnsafeXMLError`][safeguarding.io.cin_census.UnsafeXMLError]. Every violation of the
schema is a [`Problem`][safeguarding.io.cin_census.Problem] of severity
``ERROR`` with the element path, line and reason; the child's ``LAchildID`` is
kept in the problem but never shown in its ``repr`` or ``str``. Reasons do not
repeat the values found (they may be personal data): they name the element
and the rule it breaks.

Examples:
    >>> schema = CensusSchema.load(rb'''<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
    ...   <xs:element name="Message"><xs:complexType><xs:sequence>
    ...     <xs:element name="Year" type="xs:gYear"/>
    ...     <xs:element name="LEA" minOccurs="0" maxOccurs="unbounded">
    ...       <xs:simpleType><xs:restriction base="xs:string">
    ...         <xs:pattern value="\d{3}"/>
    ...       </xs:restriction></xs:simpleType>
    ...     </xs:element>
    ...   </xs:sequence></xs:complexType></xs:element>
    ... </xs:schema>''')
    >>> message = b"<Message><LEA>20</LEA><Year>2024</Year></Message>"
    >>> for problem in validate_census(message, schema):
    ...     print(problem)
    error line 1 Message/LEA[1]: LEA does not match the pattern \d{3}
    error line 1 Message/Year: Year is out of sequence order: it must come before LEA
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, TypeVar
from xml.parsers import expat

import attrs

from safeguarding._validate import is_int, is_member, is_tuple_of
from safeguarding.errors import InvalidInputError
from safeguarding.io.cin_census import (
    MalformedCensusError,
    Problem,
    Severity,
    Source,
    protect,
    read_chunks,
)

__all__ = [
    "BuiltinType",
    "CensusSchema",
    "ComplexType",
    "ElementDeclaration",
    "SimpleType",
    "validate_census",
]

_T = TypeVar("_T")

_CHUNK: Final = 1 << 16
"""Bytes fed to expat at a time: memory stays bounded whatever the file size."""

_XSD: Final = "http://www.w3.org/2001/XMLSchema"
_XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
_SEPARATOR: Final = " "
"""expat's separator between a namespace URI and a local name (a URI holds no space)."""
_XML_SPACE: Final = " \t\n\r"


# --------------------------------------------------------------------------- built-in types


class BuiltinType(enum.Enum):
    """The XML Schema built-in types a [`SimpleType`][] can restrict."""

    STRING = "string"
    """``xs:string``: any text; whitespace is kept as written."""
    BOOLEAN = "boolean"
    """``xs:boolean``: ``true``, ``false``, ``1`` or ``0``."""
    INTEGER = "integer"
    """``xs:integer``: an optional sign and decimal digits."""
    NON_NEGATIVE_INTEGER = "nonNegativeInteger"
    """``xs:nonNegativeInteger``: an integer of 0 or more."""
    POSITIVE_INTEGER = "positiveInteger"
    """``xs:positiveInteger``: an integer of 1 or more."""
    DATE = "date"
    """``xs:date``: ``YYYY-MM-DD`` with an optional time zone."""
    DATE_TIME = "dateTime"
    """``xs:dateTime``: ``YYYY-MM-DDThh:mm:ss`` with optional fraction and time zone."""
    G_YEAR = "gYear"
    """``xs:gYear``: ``YYYY`` with an optional time zone."""


_TIMEZONE: Final = r"(Z|[+-](\d\d):(\d\d))?"
_DATE_RE: Final = re.compile(r"(-?)(\d{4,})-(\d\d)-(\d\d)" + _TIMEZONE, re.ASCII)
_DATE_TIME_RE: Final = re.compile(
    r"(-?)(\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?" + _TIMEZONE, re.ASCII
)
_G_YEAR_RE: Final = re.compile(r"(-?)(\d{4,})" + _TIMEZONE, re.ASCII)
_INTEGER_RE: Final = re.compile(r"[+-]?\d+", re.ASCII)
_BOOLEANS: Final = {"true": "true", "1": "true", "false": "false", "0": "false"}
_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _year(sign: str, digits: str) -> int | None:
    """The year of an XSD date, or ``None`` for year 0000 or a needless leading zero."""
    if len(digits) > 4 and digits[0] == "0":
        return None
    year = int(digits)
    if year == 0:
        return None
    return -year if sign else year


def _timezone_ok(match: re.Match[str], first: int) -> bool:
    """The time zone in groups *first* (whole), +1 (hours), +2 (minutes) is in range."""
    hours = match.group(first + 1)
    if hours is None:
        return True
    hh, mm = int(hours), int(match.group(first + 2))
    return mm <= 59 and (hh < 14 or (hh == 14 and mm == 0))


def _day_ok(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2 and day == 29:
        # XML Schema 1.0 counts 1 BCE as year -0001: a leap year.
        astronomical = year + 1 if year < 0 else year
        return astronomical % 4 == 0 and (astronomical % 100 != 0 or astronomical % 400 == 0)
    return day <= _DAYS[month - 1]


def _date(text: str) -> str | None:
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return None
    year = _year(match.group(1), match.group(2))
    if year is None or not _day_ok(year, int(match.group(3)), int(match.group(4))):
        return None
    return text if _timezone_ok(match, 5) else None


def _date_time(text: str) -> str | None:
    match = _DATE_TIME_RE.fullmatch(text)
    if match is None:
        return None
    year = _year(match.group(1), match.group(2))
    if year is None or not _day_ok(year, int(match.group(3)), int(match.group(4))):
        return None
    hour, minute, second = int(match.group(5)), int(match.group(6)), int(match.group(7))
    fraction = match.group(8) or ""
    if minute > 59 or second > 59:
        return None
    if hour > 23 and not (hour == 24 and minute == 0 and second == 0 and not fraction.strip(".0")):
        return None
    return text if _timezone_ok(match, 9) else None


def _g_year(text: str) -> str | None:
    match = _G_YEAR_RE.fullmatch(text)
    if match is None or _year(match.group(1), match.group(2)) is None:
        return None
    return text if _timezone_ok(match, 3) else None


def _integer(minimum: int | None) -> Callable[[str], str | None]:
    def canonical(text: str) -> str | None:
        if _INTEGER_RE.fullmatch(text) is None:
            return None
        value = int(text)
        if minimum is not None and value < minimum:
            return None
        return str(value)

    return canonical


def _string(text: str) -> str | None:
    return text


def _boolean(text: str) -> str | None:
    return _BOOLEANS.get(text)


_CANONICAL: Final[Mapping[BuiltinType, Callable[[str], str | None]]] = {
    BuiltinType.STRING: _string,
    BuiltinType.BOOLEAN: _boolean,
    BuiltinType.INTEGER: _integer(None),
    BuiltinType.NON_NEGATIVE_INTEGER: _integer(0),
    BuiltinType.POSITIVE_INTEGER: _integer(1),
    BuiltinType.DATE: _date,
    BuiltinType.DATE_TIME: _date_time,
    BuiltinType.G_YEAR: _g_year,
}
"""For each built-in type: the canonical form of a (whitespace-collapsed) value, or ``None``."""

_ORDERED: Final = frozenset({BuiltinType.DATE, BuiltinType.DATE_TIME, BuiltinType.G_YEAR})
"""Types whose values compare by instant, not text: no enumeration is supported on them."""

_MEMO_LIMIT: Final = 50_000
"""Results remembered per simple type (dates and numbers repeat across children)."""


# --------------------------------------------------------------------------- XSD patterns

_SINGLE_ESCAPES: Final = frozenset("\\|.-^?*+{}()[]")
_QUANTIFIER: Final = re.compile(r"\{\d+(,\d*)?\}", re.ASCII)


def _pattern_error(pattern: str, what: str) -> InvalidInputError:
    return InvalidInputError("patterns", f"pattern {pattern!r}: {what}")


def _escape(pattern: str, at: int, *, in_class: bool) -> str:
    """The Python form of the XSD escape (backslash and a character) at *at*."""
    if at + 1 >= len(pattern):
        raise _pattern_error(pattern, "ends with a lone backslash")
    char = pattern[at + 1]
    if char in "nrt":
        return "\\" + char
    if char in _SINGLE_ESCAPES:
        return re.escape(char)
    if char in "dD":
        return "\\" + char  # str patterns: any Unicode decimal digit, as XSD's \p{Nd}
    if char == "s":
        return " \\t\\n\\r" if in_class else "[ \\t\\n\\r]"
    if char == "S" and not in_class:
        return "[^ \\t\\n\\r]"
    where = " inside a character class" if in_class else ""
    raise _pattern_error(pattern, f"not supported: \\{char}{where}")


def _char_class(pattern: str, at: int) -> tuple[str, int]:
    """The Python form of the character class starting at *at*, and where it ends."""
    out = ["["]
    at += 1
    if pattern.startswith("^", at):
        out.append("^")
        at += 1
    first = True
    while at < len(pattern):
        char = pattern[at]
        if char == "]":
            if first:
                raise _pattern_error(pattern, "empty character class")
            out.append("]")
            return "".join(out), at + 1
        if char == "[":
            raise _pattern_error(pattern, "not supported: character class subtraction or nesting")
        if char == "\\":
            out.append(_escape(pattern, at, in_class=True))
            at += 2
        elif char == "-":
            if pattern.startswith("-", at + 1):
                raise _pattern_error(pattern, "'--' in a character class")
            edge = first or pattern.startswith("]", at + 1)
            out.append("\\-" if edge else "-")
            at += 1
        else:
            out.append(re.escape(char))
            at += 1
        first = False
    raise _pattern_error(pattern, "unterminated character class")


def _translate(pattern: str) -> str:
    """Translate an XSD regular expression into Python `re` syntax (used with fullmatch).

    XSD patterns are anchored at both ends, know no ``^``/``$`` anchors (they
    are plain characters) and their ``.`` excludes carriage return too.
    """
    out: list[str] = []
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            out.append(_escape(pattern, at, in_class=False))
            at += 2
        elif char == "[":
            piece, at = _char_class(pattern, at)
            out.append(piece)
        elif char == ".":
            out.append("[^\\n\\r]")
            at += 1
        elif char == "(" and pattern.startswith("?", at + 1):
            raise _pattern_error(pattern, "not supported: (? group extensions")
        elif char in "()|?*+":
            out.append(char)
            at += 1
        elif char == "{" and (quantifier := _QUANTIFIER.match(pattern, at)) is not None:
            out.append(quantifier.group())
            at = quantifier.end()
        else:
            out.append(re.escape(char))
            at += 1
    return "".join(out)


def _compile(pattern: str) -> re.Pattern[str]:
    translated = _translate(pattern)
    try:
        return re.compile(translated)
    except re.error as error:
        raise _pattern_error(pattern, f"not a valid regular expression ({error.msg})") from None


# --------------------------------------------------------------------------- the model

_NAME: Final = re.compile(r"[^\W\d][\w.\-]*")
"""An XML name without a colon (an NCName, near enough)."""


def _is_name(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _NAME.fullmatch(value) is None:
        raise InvalidInputError(attribute.name, "must be an XML name without a colon")


def _is_optional_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _is_name(instance, attribute, value)


def _is_enumeration(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        not isinstance(value, frozenset) or not all(isinstance(v, str) for v in value)
    ):
        raise InvalidInputError(attribute.name, "must be None or a frozenset of strings")


def _is_patterns(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(step, tuple) and step and all(isinstance(p, str) for p in step) for step in value
    ):
        raise InvalidInputError(
            attribute.name, "must be a tuple of non-empty tuples of pattern strings"
        )


def _is_optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        is_int(minimum=0)(instance, attribute, value)


@attrs.frozen(kw_only=True)
class SimpleType:
    """A type whose elements hold a value: a built-in type with facets.

    A restriction of a restriction is flattened: the enumerations are
    intersected, the largest ``minLength`` is kept and the patterns of each
    derivation step are kept apart (a value must match one pattern of every
    step, as in XML Schema).

    Attributes:
        name: The type's name in the schema, ``None`` for an anonymous type
            or a built-in type used directly.
        base: The [`BuiltinType`][] at the root of the derivation.
        enumeration: The allowed values in canonical form (integers without
            sign or leading zeros, booleans as ``true``/``false``), or
            ``None`` when any value of the base type is allowed.
        patterns: The XSD patterns, one tuple of alternatives per
            derivation step.
        min_length: The least number of characters (``xs:string`` only).

    Raises:
        InvalidInputError: a field has the wrong type, a pattern uses a
            feature that is not supported, an enumeration value is not a
            canonical value of *base*, or a facet does not apply to *base*.

    Examples:
        >>> SimpleType(base=BuiltinType.STRING, enumeration=frozenset({"L"})).check("X")
        'is not one of the values L'
    """

    name: str | None = attrs.field(default=None, validator=_is_optional_name)
    base: BuiltinType = attrs.field(validator=is_member(BuiltinType))
    enumeration: frozenset[str] | None = attrs.field(default=None, validator=_is_enumeration)
    patterns: tuple[tuple[str, ...], ...] = attrs.field(default=(), validator=_is_patterns)
    min_length: int | None = attrs.field(default=None, validator=_is_optional_count)
    _compiled: tuple[tuple[re.Pattern[str], ...], ...] = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )
    _accept: frozenset[str] = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )
    _memo: dict[str, str | None] | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        """Compile the patterns and check that every facet applies to the base type."""
        if self.min_length is not None and self.base is not BuiltinType.STRING:
            raise InvalidInputError(
                "min_length", f"not supported: xs:minLength on xs:{self.base.value}"
            )
        if self.enumeration is not None:
            if self.base in _ORDERED:
                raise InvalidInputError(
                    "enumeration", f"not supported: xs:enumeration on xs:{self.base.value}"
                )
            for value in self.enumeration:
                if _CANONICAL[self.base](value) != value:
                    raise InvalidInputError(
                        "enumeration", f"holds a value that is not a canonical xs:{self.base.value}"
                    )
        compiled = tuple(tuple(_compile(p) for p in step) for step in self.patterns)
        object.__setattr__(self, "_compiled", compiled)
        # Fast paths: the listed codes of a string type are checked once here; the
        # results for other types (dates, numbers) are remembered as they are met.
        strings = self.base is BuiltinType.STRING
        codes = self.enumeration if strings and self.enumeration is not None else ()
        object.__setattr__(self, "_accept", frozenset(v for v in codes if self._reason(v) is None))
        object.__setattr__(self, "_memo", None if strings else {})

    @property
    def label(self) -> str:
        """The type's name, or ``xs:<base>`` for an anonymous or built-in type.

        Examples:
            >>> SimpleType(base=BuiltinType.DATE).label
            'xs:date'
        """
        return self.name or f"xs:{self.base.value}"

    def check(self, value: str) -> str | None:
        """Why *value* is not a valid value of this type, or ``None`` when it is.

        The reason is a phrase to follow the element's name; it does not
        repeat the value. Whitespace is kept for ``xs:string`` and trimmed
        for the other types, as XML Schema says.

        Args:
            value: The element's text.

        Returns:
            ``None``, or a phrase such as ``"is not a valid xs:date"``.

        Examples:
            >>> SimpleType(base=BuiltinType.DATE).check("2024-02-30")
            'is not a valid xs:date'
            >>> SimpleType(base=BuiltinType.POSITIVE_INTEGER).check(" 3 ") is None
            True
        """
        if value in self._accept:
            return None
        memo = self._memo
        if memo is None:
            return self._reason(value)
        try:
            return memo[value]
        except KeyError:
            pass
        reason = self._reason(value)
        if len(memo) < _MEMO_LIMIT:
            memo[value] = reason
        return reason

    def _reason(self, value: str) -> str | None:
        base = self.base
        if base is not BuiltinType.STRING:
            value = value.strip(_XML_SPACE)
        canonical = _CANONICAL[base](value)
        if canonical is None:
            return f"is not a valid xs:{base.value}"
        if self.enumeration is not None and canonical not in self.enumeration:
            if len(self.enumeration) <= 10:
                return "is not one of the values " + ", ".join(sorted(self.enumeration))
            return f"is not one of the {len(self.enumeration)} values of {self.label}"
        for step, sources in zip(self._compiled, self.patterns, strict=True):
            if not any(p.fullmatch(value) for p in step):
                return "does not match the pattern " + " or ".join(sources)
        if self.min_length is not None and len(value) < self.min_length:
            return f"is shorter than {self.min_length} character(s)"
        return None


def _is_type(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, ComplexType | SimpleType):
        raise InvalidInputError(attribute.name, "must be a ComplexType or a SimpleType")


def _is_max_occurs(
    instance: ElementDeclaration, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    is_int(minimum=1)(instance, attribute, value)
    if value < instance.min_occurs:  # type: ignore[operator]
        raise InvalidInputError(attribute.name, "must not be less than min_occurs")


@attrs.frozen(kw_only=True)
class ElementDeclaration:
    """An element the schema allows: its name, type and how often it may occur.

    Attributes:
        name: The element's name.
        type: A [`ComplexType`][] (the element holds elements) or a
            [`SimpleType`][] (it holds a value).
        min_occurs: ``minOccurs``: the least number of occurrences.
        max_occurs: ``maxOccurs``: the most (at least 1), ``None`` for
            ``unbounded``.

    Raises:
        InvalidInputError: a field has the wrong type or *max_occurs* is
            less than *min_occurs*.

    Examples:
        >>> ElementDeclaration(name="LEA", type=SimpleType(base=BuiltinType.STRING)).min_occurs
        1
    """

    name: str = attrs.field(validator=_is_name)
    type: ComplexType | SimpleType = attrs.field(validator=_is_type)
    min_occurs: int = attrs.field(default=1, validator=is_int(minimum=0))
    max_occurs: int | None = attrs.field(default=1, validator=_is_max_occurs)
    _complex: ComplexType | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )
    _simple: SimpleType | None = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        """Keep the type by kind, for the validator's inner loop."""
        complex_ = self.type if isinstance(self.type, ComplexType) else None
        object.__setattr__(self, "_complex", complex_)
        object.__setattr__(self, "_simple", None if complex_ else self.type)


@attrs.frozen(kw_only=True)
class ComplexType:
    """A type whose elements hold a sequence of elements and no text.

    Attributes:
        name: The type's name in the schema, ``None`` for an anonymous type.
        sequence: The particles of its ``xs:sequence``, in order (empty: the
            element must be empty).

    Raises:
        InvalidInputError: a field has the wrong type.

    Examples:
        >>> leaf = ElementDeclaration(name="Year", type=SimpleType(base=BuiltinType.G_YEAR))
        >>> ComplexType(name="collection", sequence=(leaf,)).label
        'collection'
    """

    name: str | None = attrs.field(validator=_is_optional_name)
    sequence: tuple[ElementDeclaration, ...] = attrs.field(
        validator=is_tuple_of(ElementDeclaration)
    )
    _positions: Mapping[str, tuple[int, ...]] = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )
    _required: tuple[tuple[int, ...], ...] = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )
    _next: tuple[Mapping[str, int], ...] = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        """Index the particles by name, the required ones after each, and the clean moves."""
        sequence = self.sequence
        positions: dict[str, list[int]] = {}
        for index, particle in enumerate(sequence):
            positions.setdefault(particle.name, []).append(index)
        object.__setattr__(self, "_positions", {k: tuple(v) for k, v in positions.items()})
        required = tuple(
            tuple(k for k in range(i + 1, len(sequence)) if sequence[k].min_occurs)
            for i in range(len(sequence))
        )
        object.__setattr__(self, "_required", required)
        # From particle i (its minOccurs met), the particles reachable by skipping
        # only optional ones: the moves that need no report.
        moves: list[Mapping[str, int]] = []
        for i in range(len(sequence)):
            reachable: dict[str, int] = {}
            for j in range(i + 1, len(sequence)):
                reachable.setdefault(sequence[j].name, j)
                if sequence[j].min_occurs:
                    break
            moves.append(reachable)
        object.__setattr__(self, "_next", tuple(moves))

    @property
    def label(self) -> str:
        """The type's name, or ``"an anonymous type"``."""
        return self.name or "an anonymous type"


def _unique_names(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(ElementDeclaration, min_length=1)(_instance, attribute, value)
    names = [e.name for e in value]  # type: ignore[attr-defined]
    if len(set(names)) != len(names):
        raise InvalidInputError(attribute.name, "declares the same element twice")


@attrs.frozen(kw_only=True)
class CensusSchema:
    """An XSD schema, as the immutable model that [`validate_census`][] checks a file against.

    Build one with [`load`][].

    Attributes:
        elements: The top-level element declarations (the possible root
            elements), at least one, with distinct names.

    Raises:
        InvalidInputError: *elements* is empty, holds something else than
            [`ElementDeclaration`][] objects or declares a name twice.
    """

    elements: tuple[ElementDeclaration, ...] = attrs.field(validator=_unique_names)
    _roots: Mapping[str, ElementDeclaration] = attrs.field(
        default=None, init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        """Index the top-level elements by name."""
        object.__setattr__(self, "_roots", {e.name: e for e in self.elements})

    @classmethod
    def load(cls, source: Source) -> CensusSchema:
        """Parse an XSD file into a [`CensusSchema`][].

        The file is parsed with expat, refusing entity declarations and
        external entities like [`read_census`][safeguarding.io.cin_census.read_census].

        Args:
            source: A path, the file's bytes, or a binary file object.

        Returns:
            The schema.

        Raises:
            InvalidInputError: (field ``"schema"``) the file uses a construct
                outside the supported subset (the reason ends ``not
                supported: <construct>``), refers to an unknown type, defines
                a name twice or is not well-formed XML.
            UnsafeXMLError: the file declares or refers to entities.

        Examples:
            >>> schema = CensusSchema.load(b'''<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
            ...   <xs:element name="Message" type="xs:string"/></xs:schema>''')
            >>> schema.element("Message").type.base
            <BuiltinType.STRING: 'string'>
            >>> CensusSchema.load(b'''<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
            ...   <xs:element name="M"><xs:complexType><xs:choice/></xs:complexType></xs:element>
            ... </xs:schema>''')
            Traceback (most recent call last):
            ...
            safeguarding.errors.InvalidInputError: schema: line 2: not supported: xs:choice
        """
        root = _parse_xsd(read_chunks(source))
        return _Loader(root).schema()

    def element(self, name: str) -> ElementDeclaration:
        """The top-level declaration of the element *name*.

        Args:
            name: An element name.

        Returns:
            Its [`ElementDeclaration`][].

        Raises:
            InvalidInputError: the schema declares no such top-level element.

        Examples:
            >>> schema = CensusSchema(elements=(
            ...     ElementDeclaration(name="Message", type=SimpleType(base=BuiltinType.STRING)),))
            >>> schema.element("Message").name
            'Message'
        """
        try:
            return self._roots[name]
        except KeyError:
            raise InvalidInputError("name", "is not a top-level element of the schema") from None


# --------------------------------------------------------------------------- reading the XSD


@attrs.define
class _Node:
    """An element of the XSD document."""

    uri: str | None
    local: str
    attributes: dict[str, str]
    line: int
    namespaces: Mapping[str | None, str]
    children: list[_Node] = attrs.Factory(list)


def _schema_error(line: int, reason: str) -> InvalidInputError:
    return InvalidInputError("schema", f"line {line}: {reason}")


def _split(name: str) -> tuple[str | None, str]:
    uri, _, local = name.rpartition(_SEPARATOR)
    return uri or None, local


def _parse_xsd(chunks: Iterator[bytes]) -> _Node:  # noqa: C901
    parser = expat.ParserCreate(namespace_separator=_SEPARATOR)
    protect(parser)
    stack: list[_Node] = []
    roots: list[_Node] = []
    scopes: list[Mapping[str | None, str]] = [{}]
    pending: dict[str | None, str] = {}
    ignoring = 0  # depth inside xs:annotation

    def declare(prefix: str | None, uri: str | None) -> None:
        pending[prefix] = uri or ""

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal ignoring
        scope = scopes[-1]
        if pending:
            scope = {**scope, **pending}
            pending.clear()
        scopes.append(scope)
        if ignoring:
            ignoring += 1
            return
        uri, local = _split(name)
        node = _Node(uri, local, attributes, parser.CurrentLineNumber, scope)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        if uri == _XSD and local == "annotation":
            ignoring = 1

    def end(_name: str) -> None:
        nonlocal ignoring
        scopes.pop()
        if ignoring:
            ignoring -= 1
            if ignoring:
                return
        stack.pop()

    def text(data: str) -> None:
        if not ignoring and stack and data.strip(_XML_SPACE):
            raise _schema_error(parser.CurrentLineNumber, "text is not allowed here")

    parser.StartNamespaceDeclHandler = declare
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)  # noqa: FBT003
        parser.Parse(b"", True)  # noqa: FBT003
    except expat.ExpatError as error:
        reason = f"not well-formed XML ({expat.ErrorString(error.code)})"
        raise _schema_error(error.lineno, reason) from None
    return roots[0]


def _unsupported(node: _Node, construct: str | None = None) -> InvalidInputError:
    if construct is None:
        construct = f"xs:{node.local}" if node.uri == _XSD else _display(node.uri, node.local)
    return _schema_error(node.line, f"not supported: {construct}")


def _display(uri: str | None, local: str) -> str:
    return f"{{{uri}}}{local}" if uri else local


_BUILTINS: Final = {kind.value: kind for kind in BuiltinType}
_SCHEMA_ATTRIBUTES: Final = frozenset({"version", "elementFormDefault", "attributeFormDefault"})


class _Loader:
    """Turns the XSD tree into the model, resolving named types on demand."""

    def __init__(self, root: _Node) -> None:
        self.root = root
        self.complex: dict[str, _Node] = {}
        self.simple: dict[str, _Node] = {}
        self.built: dict[str, ComplexType | SimpleType] = {}
        self.building: set[str] = set()
        self.builtins: dict[BuiltinType, SimpleType] = {}

    def allow(self, node: _Node, allowed: frozenset[str] | tuple[str, ...]) -> None:
        for attribute in node.attributes:
            if attribute not in allowed:
                uri, local = _split(attribute)
                raise _unsupported(node, f"attribute {_display(uri, local)} on xs:{node.local}")

    def kids(self, node: _Node) -> list[_Node]:
        """The children of *node* other than xs:annotation; foreign elements are refused."""
        found = []
        for kid in node.children:
            if kid.uri != _XSD:
                raise _unsupported(kid)
            if kid.local != "annotation":
                found.append(kid)
        return found

    def schema(self) -> CensusSchema:
        root = self.root
        if root.uri != _XSD or root.local != "schema":
            raise _schema_error(root.line, "the root element is not xs:schema")
        self.allow(root, _SCHEMA_ATTRIBUTES)
        elements: list[_Node] = []
        for kid in self.kids(root):
            if kid.local == "element":
                elements.append(kid)
            elif kid.local in ("complexType", "simpleType"):
                self.allow(kid, ("name",))
                name = kid.attributes.get("name")
                if name is None:
                    raise _schema_error(kid.line, f"a top-level xs:{kid.local} needs a name")
                if name in self.complex or name in self.simple:
                    raise _schema_error(kid.line, f"type {name} is defined twice")
                (self.complex if kid.local == "complexType" else self.simple)[name] = kid
            else:
                raise _unsupported(kid)
        if not elements:
            raise _schema_error(root.line, "the schema declares no top-level element")
        declarations = tuple(self.element(node, top=True) for node in elements)
        for name, node in (*self.complex.items(), *self.simple.items()):
            self.named(node, name)  # types no element uses are checked all the same
        return self.build(root, CensusSchema, elements=declarations)

    def build(self, node: _Node, kind: Callable[..., _T], **fields: object) -> _T:
        try:
            return kind(**fields)
        except InvalidInputError as error:
            raise _schema_error(node.line, str(error)) from None

    def occurs(self, node: _Node, attribute: str, default: int) -> int | None:
        text = node.attributes.get(attribute)
        if text is None:
            return default
        if attribute == "maxOccurs" and text == "unbounded":
            return None
        if _INTEGER_RE.fullmatch(text) is None or text[0] in "+-":
            raise _schema_error(node.line, f"{attribute} is not a whole number")
        return int(text)

    def element(self, node: _Node, *, top: bool = False) -> ElementDeclaration:
        self.allow(node, ("name", "type") if top else ("name", "type", "minOccurs", "maxOccurs"))
        name = node.attributes.get("name")
        if name is None:
            raise _schema_error(node.line, "xs:element without a name")
        kids = self.kids(node)
        reference = node.attributes.get("type")
        if len(kids) > 1 or (kids and reference is not None):
            raise _schema_error(node.line, f"element {name} has more than one type")
        kind: ComplexType | SimpleType
        if reference is not None:
            kind = self.reference(node, reference)
        elif not kids:
            raise _unsupported(node, f"xs:element {name} without a type")
        elif kids[0].local == "complexType":
            kind = self.complex_type(kids[0], None)
        elif kids[0].local == "simpleType":
            kind = self.simple_type(kids[0], None)
        else:
            raise _unsupported(kids[0])
        return self.build(
            node,
            ElementDeclaration,
            name=name,
            type=kind,
            min_occurs=self.occurs(node, "minOccurs", 1),
            max_occurs=self.occurs(node, "maxOccurs", 1),
        )

    def reference(self, node: _Node, qname: str) -> ComplexType | SimpleType:
        prefix, _, local = qname.rpartition(":")
        uri = node.namespaces.get(prefix or None)
        if prefix and uri is None:
            raise _schema_error(node.line, f"the prefix {prefix} of {qname} is not declared")
        if uri == _XSD:
            builtin = _BUILTINS.get(local)
            if builtin is None:
                raise _unsupported(node, f"xs:{local}")
            if builtin not in self.builtins:
                self.builtins[builtin] = SimpleType(base=builtin)
            return self.builtins[builtin]
        if uri or local not in self.complex | self.simple:
            raise _schema_error(node.line, f"type {qname} is not defined")
        return self.named(node, local)

    def named(self, node: _Node, local: str) -> ComplexType | SimpleType:
        if local in self.built:
            return self.built[local]
        if local in self.building:
            raise _unsupported(node, f"recursive type {local}")
        self.building.add(local)
        if local in self.complex:
            kind: ComplexType | SimpleType = self.complex_type(self.complex[local], local)
        else:
            kind = self.simple_type(self.simple[local], local)
        self.building.discard(local)
        self.built[local] = kind
        return kind

    def complex_type(self, node: _Node, name: str | None) -> ComplexType:
        self.allow(node, ("name",) if name else ())
        kids = self.kids(node)
        particles: tuple[ElementDeclaration, ...] = ()
        if kids:
            sequence = kids[0]
            if len(kids) > 1 or sequence.local != "sequence":
                raise _unsupported(next(k for k in kids if k.local != "sequence"))
            self.allow(sequence, ())
            members = self.kids(sequence)
            for member in members:
                if member.local != "element":
                    raise _unsupported(member)
            particles = tuple(self.element(member) for member in members)
        return self.build(node, ComplexType, name=name, sequence=particles)

    def simple_type(self, node: _Node, name: str | None) -> SimpleType:
        self.allow(node, ("name",) if name else ())
        kids = self.kids(node)
        if not kids:
            raise _schema_error(node.line, "xs:simpleType without xs:restriction")
        restriction = kids[0]
        if len(kids) > 1 or restriction.local != "restriction":
            raise _unsupported(next(k for k in kids if k.local != "restriction"))
        self.allow(restriction, ("base",))
        base_name = restriction.attributes.get("base")
        if base_name is None:
            raise _unsupported(restriction, "xs:restriction without a base")
        base = self.reference(restriction, base_name)
        if isinstance(base, ComplexType):
            raise _schema_error(restriction.line, f"base {base_name} is not a simple type")
        enumeration, patterns, min_length = self.facets(restriction, base)
        allowed = base.enumeration
        if enumeration is not None:
            allowed = enumeration if allowed is None else allowed & enumeration
        return self.build(
            restriction,
            SimpleType,
            name=name,
            base=base.base,
            enumeration=allowed,
            patterns=(*base.patterns, tuple(patterns)) if patterns else base.patterns,
            min_length=min_length,
        )

    def facets(
        self, restriction: _Node, base: SimpleType
    ) -> tuple[frozenset[str] | None, list[str], int | None]:
        """The enumeration (canonical values), patterns and ``minLength`` of a restriction."""
        enumeration: set[str] | None = None
        patterns: list[str] = []
        min_length = base.min_length
        for facet in self.kids(restriction):
            if facet.local not in ("enumeration", "pattern", "minLength"):
                raise _unsupported(facet)
            self.allow(facet, ("value",))
            if self.kids(facet):
                raise _unsupported(self.kids(facet)[0])
            value = facet.attributes.get("value")
            if value is None:
                raise _schema_error(facet.line, f"xs:{facet.local} without a value")
            if facet.local == "pattern":
                patterns.append(value)
            elif facet.local == "minLength":
                min_length = max(self.occurs(facet, "value", 0) or 0, min_length or 0)
            else:
                text = value if base.base is BuiltinType.STRING else value.strip(_XML_SPACE)
                canonical = text if base.base in _ORDERED else _CANONICAL[base.base](text)
                if canonical is None:
                    reason = f"enumeration value is not a valid {base.label}"
                    raise _schema_error(facet.line, reason)
                enumeration = (enumeration or set()) | {canonical}
        return (None if enumeration is None else frozenset(enumeration)), patterns, min_length


# --------------------------------------------------------------------------- validating


class _Frame:
    """An open element of the census being validated."""

    __slots__ = (
        "complex",
        "count",
        "counts",
        "index",
        "line",
        "missed",
        "name",
        "noted",
        "path",
        "simple",
        "text",
    )

    def __init__(self, name: str, path: str, line: int, declaration: ElementDeclaration) -> None:
        self.name = name
        self.path = path
        self.line = line
        self.complex = declaration._complex  # noqa: SLF001
        self.simple = declaration._simple  # noqa: SLF001
        self.index = 0  # the sequence particle reached (complex types)
        self.count = 0  # occurrences of that particle so far
        self.counts: dict[str, int] = {}  # occurrences of each child element name
        self.text = ""  # the value (simple types)
        self.noted = False  # text (complex) or an element (simple) already reported
        self.missed: list[tuple[int, int, int]] = []  # required particles skipped, found, line


def _show(name: str) -> str:
    uri, local = _split(name)
    return _display(uri, local)


_ALLOWED_ATTRIBUTES: Final = frozenset(
    {f"{_XSI}{_SEPARATOR}schemaLocation", f"{_XSI}{_SEPARATOR}noNamespaceSchemaLocation"}
)


def _text_line(line: int, data: str) -> int:
    """The line where the non-blank part of *data* ends (expat reports the end of the run)."""
    return line - data[len(data.rstrip()) :].count("\n")


def _missing(particle: ElementDeclaration, found: int) -> str:
    if found == 0:
        return f"required element {particle.name} is missing"
    return f"{particle.name} occurs {found} time(s); at least {particle.min_occurs} are required"


def validate_census(source: Source, schema: CensusSchema) -> list[Problem]:  # noqa: C901, PLR0915
    """Check a CIN census file against an XSD schema, streaming, and report every violation.

    Reported, each as a [`Problem`][safeguarding.io.cin_census.Problem] of
    severity ``ERROR``: an element that is not allowed where it is, or out
    of sequence order; a required element that is missing (``minOccurs``); an
    element that occurs too often (``maxOccurs``); a value that is not in the
    enumeration, does not match the pattern, is shorter than ``minLength``,
    or is not a valid ``xs:date``, ``xs:dateTime``, ``xs:gYear``, integer or
    boolean; text where only elements are allowed; an element inside a
    value; an attribute (the census schemas declare none; ``xsi`` schema
    locations are allowed). The content of an element that is not allowed
    is not checked further.

    Paths are written as the reader writes them: an element that may repeat
    has its position (``Child[3]``, ``CINdetails[1]``), a single one has not.
    Problems inside a ``Child`` carry its ``LAchildID``.

    Legal basis: the CIN census specification and schema (DfE) of the year.

    Args:
        source: A path, the file's bytes, or a binary file object.
        schema: The [`CensusSchema`][] to check against.

    Returns:
        The problems, in file order (empty when the file is valid).

    Raises:
        UnsafeXMLError: the document declares or refers to entities.
        MalformedCensusError: the document is not well-formed XML.

    Examples:
        >>> schema = CensusSchema.load(b'''<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        ...   <xs:element name="Message"><xs:complexType><xs:sequence>
        ...     <xs:element name="Child" maxOccurs="unbounded"><xs:complexType><xs:sequence>
        ...       <xs:element name="LAchildID" type="xs:string"/>
        ...       <xs:element name="PersonBirthDate" type="xs:date"/>
        ...     </xs:sequence></xs:complexType></xs:element>
        ...   </xs:sequence></xs:complexType></xs:element>
        ... </xs:schema>''')
        >>> problems = validate_census(b'''<Message>
        ... <Child><LAchildID>C1</LAchildID><PersonBirthDate>2015-02-29</PersonBirthDate></Child>
        ... <Child><LAchildID>C2</LAchildID></Child>
        ... </Message>''', schema)
        >>> for problem in problems:
        ...     print(problem)
        error line 2 Message/Child[1]/PersonBirthDate: PersonBirthDate is not a valid xs:date
        error line 3 Message/Child[2]/PersonBirthDate: required element PersonBirthDate is missing
        >>> print(*(p.personal_data()["child_identifier"] for p in problems))
        C1 C2
    """
    parser = expat.ParserCreate(namespace_separator=_SEPARATOR)
    protect(parser)
    parser.buffer_text = True
    parser.buffer_size = _CHUNK
    problems: list[Problem] = []
    frames: list[_Frame] = []
    roots = schema._roots  # noqa: SLF001
    skip = 0  # depth inside an element that is not allowed (its content is not checked)
    child_depth = 0  # depth of the open Child element, 0 when none
    child_start = 0  # the first problem inside that Child
    child_id: str | None = None

    def report(path: str, line: int, reason: str) -> None:
        problems.append(
            Problem(
                severity=Severity.ERROR,
                path=path,
                line=line,
                reason=reason,
                child_identifier=child_id,
            )
        )

    def place(
        parent: _Frame, kind: ComplexType, name: str, n: int, line: int
    ) -> ElementDeclaration | None:
        """Find *name* past the particle reached, noting what it skips; or report it."""
        sequence = kind.sequence
        here = parent.index
        positions = kind._positions.get(name)  # noqa: SLF001
        if positions is None:
            shown = _show(name)
            where = f"{parent.path}/{shown}[{n}]" if n > 1 else f"{parent.path}/{shown}"
            report(where, line, f"{shown} is not allowed in {parent.name}")
            return None
        later = [j for j in positions if j > here]
        if later:
            # Required particles skipped over are reported missing when the parent
            # ends, unless they turn up (out of order) in the meantime.
            target = later[0]
            missed = parent.missed
            if parent.count < sequence[here].min_occurs:
                missed.append((here, parent.count, line))
            missed.extend(
                (k, 0, line)
                for k in kind._required[here]  # noqa: SLF001
                if k < target
            )
            parent.index = target
            parent.count = 1
            return sequence[target]
        particle = sequence[positions[-1]]
        where = (
            f"{parent.path}/{name}[{n}]"
            if n > 1 or particle.max_occurs != 1
            else f"{parent.path}/{name}"
        )
        if positions[-1] == here:
            reason = f"{name} occurs more than {particle.max_occurs} time(s) in {parent.name}"
        else:
            reason = f"{name} is out of sequence order: it must come before {sequence[here].name}"
            parent.missed[:] = [m for m in parent.missed if m[0] not in positions]
        report(where, line, reason)
        return particle

    def start(name: str, attributes: dict[str, str]) -> None:  # noqa: C901, PLR0912
        nonlocal skip, child_depth, child_start, child_id
        if skip:
            skip += 1
            return
        line = parser.CurrentLineNumber
        declaration: ElementDeclaration | None
        if frames:
            parent = frames[-1]
            counts = parent.counts
            n = counts[name] = counts.get(name, 0) + 1
            kind = parent.complex
            if kind is None:
                if not parent.noted:
                    shown = _show(name)
                    reason = f"{shown} is not allowed in {parent.name}, which holds a value"
                    report(f"{parent.path}/{shown}", line, reason)
                    parent.noted = True
                skip = 1
                return
            index = parent.index
            sequence = kind.sequence
            declaration = sequence[index] if sequence else None
            if (
                declaration is not None
                and declaration.name == name
                and (declaration.max_occurs is None or parent.count < declaration.max_occurs)
            ):
                parent.count += 1
            elif (
                declaration is not None
                and parent.count >= declaration.min_occurs
                and (target := kind._next[index].get(name)) is not None  # noqa: SLF001
            ):
                parent.index = target
                parent.count = 1
                declaration = sequence[target]
            else:
                declaration = place(parent, kind, name, n, line)
                if declaration is None:
                    skip = 1
                    return
            if n > 1 or declaration.max_occurs != 1:
                path = f"{parent.path}/{name}[{n}]"
            else:
                path = f"{parent.path}/{name}"
        else:
            declaration = roots.get(name)
            if declaration is None:
                shown = _show(name)
                report(shown, line, f"root element {shown} is not declared by the schema")
                skip = 1
                return
            path = name
        frames.append(_Frame(name, path, line, declaration))
        if attributes:
            for attribute in attributes:
                if attribute not in _ALLOWED_ATTRIBUTES:
                    report(path, line, f"attribute {_show(attribute)} is not allowed on {name}")
        if name == "Child" and not child_depth:
            child_depth = len(frames)
            child_start = len(problems)
            child_id = None

    def end(name: str) -> None:
        nonlocal skip, child_depth, child_id
        if skip:
            skip -= 1
            return
        frame = frames.pop()
        simple = frame.simple
        if simple is not None:
            if not frame.noted:
                reason = simple.check(frame.text)
                if reason is not None:
                    report(frame.path, frame.line, f"{name} {reason}")
            if name == "LAchildID" and child_depth and child_id is None:
                child_id = frame.text.strip(_XML_SPACE) or None
        else:
            finish(frame)
        if len(frames) < child_depth:
            if child_id is not None:
                for at in range(child_start, len(problems)):
                    if problems[at].child_identifier is None:
                        problems[at] = attrs.evolve(problems[at], child_identifier=child_id)
            child_depth = 0
            child_id = None

    def finish(frame: _Frame) -> None:
        """Report the required particles not met when a complex element ends."""
        kind = frame.complex
        if kind is None or not kind.sequence:
            return
        sequence = kind.sequence
        for k, found, line in frame.missed:
            report(f"{frame.path}/{sequence[k].name}", line, _missing(sequence[k], found))
        index = frame.index
        current = sequence[index]
        if frame.count < current.min_occurs:
            report(f"{frame.path}/{current.name}", frame.line, _missing(current, frame.count))
        for k in kind._required[index]:  # noqa: SLF001
            report(f"{frame.path}/{sequence[k].name}", frame.line, _missing(sequence[k], 0))

    def text(data: str) -> None:
        if skip or not frames:
            return
        frame = frames[-1]
        if frame.simple is not None:
            frame.text += data
        elif not frame.noted and data.strip(_XML_SPACE):
            report(
                frame.path,
                _text_line(parser.CurrentLineNumber, data),
                f"{frame.name} holds text, but may hold only elements",
            )
            frame.noted = True

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        for chunk in read_chunks(source):
            parser.Parse(chunk, False)  # noqa: FBT003
        parser.Parse(b"", True)  # noqa: FBT003
    except expat.ExpatError as error:
        raise MalformedCensusError(error.lineno, expat.ErrorString(error.code)) from None
    return problems
