"""Every exception the library raises, in one hierarchy.

``SafeguardingError`` is the base of all of them, so a caller can catch the
library's errors in one ``except`` clause. Each subclass also derives from the
builtin exception a Python programmer would expect (``ValueError`` for bad
input, ``LookupError`` for a date outside what a rule or the calendar covers).

Messages never contain a child's name, date of birth or identifier: an error
names the *field* that was wrong and why, not the personal data it held.

Examples:
    >>> from safeguarding.errors import InvalidInputError
    >>> err = InvalidInputError("date_of_birth", "must not be after the date asked about")
    >>> str(err)
    'date_of_birth: must not be after the date asked about'
    >>> isinstance(err, ValueError)
    True
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "CalendarCoverageError",
    "InvalidInputError",
    "MalformedCensusError",
    "RuleNotInForceError",
    "SafeguardingError",
    "UnsafeXMLError",
]


class SafeguardingError(Exception):
    """Base class of every exception raised by `safeguarding`."""


class InvalidInputError(SafeguardingError, ValueError):
    """An argument or a model field was given a value the rules cannot accept.

    Attributes:
        field: The name of the argument or field (a dotted path for nested
            models, for example ``"arrangement.start"``).
        reason: One plain-English sentence saying what is wrong. It never
            repeats a child's personal data.
    """

    def __init__(self, field: str, reason: str) -> None:
        """Record the field and the reason; the message is ``"field: reason"``."""
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")

    def __reduce__(self) -> tuple[type[InvalidInputError], tuple[str, str]]:
        """Pickle with both arguments (process pools re-raise our errors)."""
        return (type(self), (self.field, self.reason))


class RuleNotInForceError(SafeguardingError, LookupError):
    """A dated rule was asked about a date on which no version of it was in force.

    The library never answers ``None`` for such a date: a rule that had not
    commenced, or had been repealed, is an error the caller must handle.

    Attributes:
        key: The stable key of the rule (``"calendar.working_day"``).
        on: The date that was asked about.
    """

    def __init__(self, key: str, on: dt.date, detail: str = "") -> None:
        """Record the rule key and the date; *detail* says why (not yet in force, repealed)."""
        self.key = key
        self.on = on
        self.detail = detail
        # Built from whatever it was given: an error must never fail to be made.
        when = on.isoformat() if isinstance(on, dt.date) else "a day that is not a date"
        message = f"rule {key!r} was not in force on {when}"
        super().__init__(f"{message}: {detail}" if detail else message)

    def __reduce__(self) -> tuple[type[RuleNotInForceError], tuple[str, dt.date, str]]:
        """Pickle with every argument."""
        return (type(self), (self.key, self.on, self.detail))


class CalendarCoverageError(SafeguardingError, LookupError):
    """A working-day calculation reached a day outside the years the calendar knows.

    Bank holidays are announced year by year (moved and one-off days cannot be
    computed by rule), so the calendar refuses to guess outside its table.

    Attributes:
        day: The first day that fell outside the covered range.
        covered: The first and last days the calendar covers.
    """

    def __init__(self, day: dt.date, covered: tuple[dt.date, dt.date]) -> None:
        """Record the day and the covered range."""
        self.day = day
        self.covered = covered
        super().__init__(
            f"{day.isoformat()} is outside the calendar's coverage "
            f"({covered[0].isoformat()} to {covered[1].isoformat()})"
        )

    def __reduce__(
        self,
    ) -> tuple[type[CalendarCoverageError], tuple[dt.date, tuple[dt.date, dt.date]]]:
        """Pickle with every argument."""
        return (type(self), (self.day, self.covered))


class UnsafeXMLError(SafeguardingError, ValueError):
    """The document declares entities or refers to external ones: refused unread.

    Attributes:
        line: The line of the offending declaration or reference.
        reason: What was refused.
    """

    def __init__(self, line: int, reason: str) -> None:
        """Record the line and the reason."""
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}; the file is refused")

    def __reduce__(self) -> tuple[type[UnsafeXMLError], tuple[int, str]]:
        """Pickle with both arguments."""
        return (type(self), (self.line, self.reason))


class MalformedCensusError(SafeguardingError, ValueError):
    """The document is not well-formed XML: reading stops at *line*.

    Children completed before the error have already been yielded; their
    problems are in `CensusReading.problems`.

    Attributes:
        line: The line where expat stopped.
        reason: expat's description of the error.
    """

    def __init__(self, line: int, reason: str) -> None:
        """Record the line and the reason."""
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: not well-formed XML ({reason})")

    def __reduce__(self) -> tuple[type[MalformedCensusError], tuple[int, str]]:
        """Pickle with both arguments."""
        return (type(self), (self.line, self.reason))
