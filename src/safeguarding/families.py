"""The three kinds of rule function, declared once, and the registry of each.

Every public function that applies rules is one of three kinds, with one shape:

- a **timescale**: ``f(start, *, on=None, procedures=NATIONAL) -> Deadline``, the day a
  clock started to a [`Deadline`][safeguarding.decisions.Deadline] built by
  [`Deadline.from_rule`][safeguarding.decisions.Deadline.from_rule] (`on` defaults to the
  start);
- a set of **criteria**: ``f(facts, *, on, procedures=NATIONAL) -> Decision``, facts to a
  [`Decision`][safeguarding.decisions.Decision] with one finding per criterion, each
  citing its source (`on` may default to a date the facts fix; the docstring says so);
- a **measure**: ``f(records, ...) -> Tally``, records to counts in a mergeable
  [`Tally`][safeguarding.indicators.definitions.Tally].

A module declares each of its functions with the decorator of its kind, naming the rules
it applies and the Hypothesis strategy (in `safeguarding.strategies`) that draws valid
calls of it. The docs list the registry, and one contract test runs every registered
function through the same checks: a new function joins them by registering.

Examples:
    >>> names = [family.name for family in families(Kind.TIMESCALE)]
    >>> "safeguarding.thresholds.timescales.assessment_deadline" in names
    True
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from safeguarding.errors import InvalidInputError
from safeguarding.rules import all_rules

__all__ = ["Family", "Kind", "criteria", "families", "measure", "timescale"]

F = TypeVar("F", bound=Callable[..., Any])


class Kind(enum.Enum):
    """The kind of a rule function."""

    TIMESCALE = "timescale"
    """A clock start to a Deadline."""
    CRITERIA = "criteria"
    """Facts to an explained Decision."""
    MEASURE = "measure"
    """Records to counts in a Tally."""


class Family(NamedTuple):
    """One registered rule function.

    Attributes:
        name: The function's dotted path
            (``"safeguarding.thresholds.timescales.assessment_deadline"``).
        kind: Its kind.
        function: The function itself.
        rules: The keys of the rules it applies.
        calls: The name of the strategy in `safeguarding.strategies` that draws valid
            calls of it, as ``(args, kwargs)`` pairs; ``None`` for a timescale, whose
            calls are drawn from its rules' dates.
    """

    name: str
    kind: Kind
    function: Callable[..., Any]
    rules: tuple[str, ...]
    calls: str | None


_FAMILIES: dict[str, Family] = {}


def _register(kind: Kind, rules: tuple[str, ...], calls: str | None) -> Callable[[F], F]:
    if not rules or not all(isinstance(key, str) and key for key in rules):
        raise InvalidInputError("rules", "name at least one rule key")

    def declare(function: F) -> F:
        name = f"{function.__module__}.{function.__qualname__}"
        _FAMILIES[name] = Family(name=name, kind=kind, function=function, rules=rules, calls=calls)
        return function

    return declare


def timescale(*rules: str, calls: str | None = None) -> Callable[[F], F]:
    """Declare a timescale function applying *rules* (calls drawn from their dates by default)."""
    return _register(Kind.TIMESCALE, rules, calls)


def criteria(*rules: str, calls: str) -> Callable[[F], F]:
    """Declare a criteria function applying *rules*; *calls* names its call strategy."""
    return _register(Kind.CRITERIA, rules, calls)


def measure(*rules: str, calls: str) -> Callable[[F], F]:
    """Declare a measure function applying *rules*; *calls* names its call strategy."""
    return _register(Kind.MEASURE, rules, calls)


def families(kind: Kind | None = None) -> tuple[Family, ...]:
    """Every registered rule function (of *kind*, if given), sorted by name.

    Imports every module of the package (as [`all_rules`][safeguarding.rules.all_rules]
    does) so that every declaration has run.
    """
    all_rules()
    found = sorted(_FAMILIES.values(), key=lambda family: family.name)
    return tuple(family for family in found if kind is None or family.kind is kind)
