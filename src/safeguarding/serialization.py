"""One serialization story for every public model: JSON with ISO dates and enum values.

[`make_converter`][] returns a fresh `cattrs.Converter` configured
for the library's models: dates as ISO 8601 strings (``YYYY-MM-DD`` only: no
silent coercion of other shapes), enums by value, tuples and sets as JSON
lists, and strict primitives (``"5"`` is not an integer, ``"yes"`` is not a
boolean). [`to_json`][] and [`from_json`][] wrap it.

Bad input raises cattrs' ``ClassValidationError`` (an ``ExceptionGroup``)
carrying every problem at once; [`explain_errors`][] turns it into one line
per problem with the JSON path of the field, for example
``"must be a non-empty string @ $.identifier"``.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.people import Child
    >>> text = to_json(Child(identifier="A1", date_of_birth=dt.date(2012, 2, 29)))
    >>> print(text)  # doctest: +NORMALIZE_WHITESPACE
    {"identifier": "A1", "date_of_birth": "2012-02-29",
     "expected_date_of_birth": null, "disabled": null}
    >>> from_json(text, Child) == Child(identifier="A1", date_of_birth=dt.date(2012, 2, 29))
    True
    >>> try:
    ...     from_json('{"identifier": "", "date_of_birth": "29/02/2012"}', Child)
    ... except Exception as exc:
    ...     for line in explain_errors(exc):
    ...         print(line)
    invalid date (expected YYYY-MM-DD) @ $.date_of_birth
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from typing import Any, TypeVar, cast

import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)

from safeguarding.errors import InvalidInputError

__all__ = ["explain_errors", "from_json", "make_converter", "to_json"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_date(value: object, _: type[Any]) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or _ISO_DATE.fullmatch(value) is None:
        raise ValueError("invalid date (expected YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("invalid date (expected YYYY-MM-DD)") from None


def _structure_int(value: object, cls: type[Any]) -> int:
    if issubclass(cls, enum.Enum):  # an IntEnum is also an int: structure it by value
        return cast("int", cls(value))
    if type(value) is not int:
        raise TypeError("expected an integer")
    return value


def _structure_bool(value: object, _: type[Any]) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def _structure_str(value: object, cls: type[Any]) -> str:
    if issubclass(cls, enum.Enum):  # a StrEnum is also a str: structure it by value
        return cast("str", cls(value))
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _structure_float(value: object, _: type[Any]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("expected a number")
    return float(value)


def _is_set_type(cls: object) -> bool:
    return getattr(cls, "__origin__", cls) in (frozenset, set)


def make_converter() -> cattrs.Converter:
    """Return a new converter for the library's models.

    Each call builds a fresh converter, so callers may register their own
    hooks without affecting anyone else.

    Returns:
        A `cattrs.Converter` with detailed validation, ISO dates, enums
        by value, sets as sorted lists and strict primitive types.

    Examples:
        >>> import datetime as dt
        >>> make_converter().unstructure(dt.date(2024, 2, 29))
        '2024-02-29'
    """
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(float, _structure_float)

    def unstructure_set(value: frozenset[Any]) -> list[Any]:
        items = [converter.unstructure(item) for item in value]
        return sorted(items, key=str)

    converter.register_unstructure_hook_func(_is_set_type, unstructure_set)

    # A model whose fields' types depend on its data (a local procedure's value has the
    # type of the rule its key names) structures itself with this converter.
    def structure_itself(data: object, cls: type[Any]) -> object:
        return cls._structure_with(converter, data)

    converter.register_structure_hook_func(_structures_itself, structure_itself)
    return converter


def _structures_itself(cls: object) -> bool:
    return isinstance(cls, type) and callable(getattr(cls, "_structure_with", None))


_CONVERTER = make_converter()


def to_json(model: object, *, indent: int | None = None) -> str:
    """Serialize a model (or a list or dict of models) to JSON text.

    Args:
        model: Any public model of the library.
        indent: Passed to `json.dumps` for pretty printing.

    Returns:
        JSON text; dates as ``YYYY-MM-DD``, enums by value.
    """
    return json.dumps(_CONVERTER.unstructure(model), indent=indent, ensure_ascii=False)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Parse JSON text into an instance of *cls*, validating every field.

    Args:
        text: The JSON document.
        cls: The model class (or a type such as ``list[Child]``).

    Returns:
        The structured, validated instance.

    Raises:
        InvalidInputError: *text* is not valid JSON, or does not describe a valid *cls*
            (field ``"text"``). In the second case the error's ``__cause__`` is cattrs'
            error group, with every problem and its path; [`explain_errors`][] lists them.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError("text", f"is not valid JSON ({exc.msg})") from None
    except UnicodeDecodeError:
        raise InvalidInputError("text", "is not valid UTF-8 JSON") from None
    try:
        return _CONVERTER.structure(data, cls)
    except Exception as exc:
        problems = len(explain_errors(exc))
        name = getattr(cls, "__name__", "value")
        raise InvalidInputError(
            "text",
            f"does not describe a valid {name}: {problems} problem"
            f"{'' if problems == 1 else 's'} (see explain_errors)",
        ) from exc


# The messages of the converter's own hooks, which never hold the value: any other
# message is described, never repeated (a bad value may be a child's identifier).
_OWN_MESSAGES = ("expected ", "invalid date")


def _message(exc: BaseException) -> str:
    if isinstance(exc, InvalidInputError):
        return exc.reason
    if isinstance(exc, KeyError):
        return "required field missing"
    text = str(exc)
    if isinstance(exc, ValueError | TypeError) and text.startswith(_OWN_MESSAGES):
        return text
    if isinstance(exc, ValueError) and " is not a valid " in text:
        return "not one of the allowed values"
    return f"invalid value ({type(exc).__name__})"


def _walk(exc: BaseException, path: str, lines: list[str]) -> None:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        for child in exc.exceptions:
            child_path = path
            for note in getattr(child, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    child_path = f"{path}.{note.name}"
                elif isinstance(note, IterableValidationNote):
                    child_path = f"{path}[{note.index!r}]"
            _walk(child, child_path, lines)
        return
    if isinstance(exc, InvalidInputError):
        # Raised by a model's own validator: the field it names is below *path*.
        field_path = exc.field if exc.field.startswith("[") else f".{exc.field}"
        lines.append(f"{exc.reason} @ {path}{field_path}")
        return
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        lines.extend(f"unexpected field @ {path}.{key}" for key in sorted(exc.extra_fields))
        return
    lines.append(f"{_message(exc)} @ {path}")


def explain_errors(exc: BaseException) -> list[str]:
    """One line per problem in a structuring error: ``"reason @ $.path"``.

    Args:
        exc: The exception raised by [`from_json`][] (its cause is walked) or a
            converter's ``structure``. A value is never repeated: a bad enum value reads
            "not one of the allowed values".

    Returns:
        Lines in the order the problems were found.
    """
    lines: list[str] = []
    if isinstance(exc, InvalidInputError) and exc.__cause__ is not None:
        exc = exc.__cause__  # the error group from_json keeps
    _walk(exc, "$", lines)
    return lines
