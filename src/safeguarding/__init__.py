"""safeguarding: the English child-safeguarding domain as typed models and functions.

The core every domain package shares is importable from here: dated rules with
their citations, explained decisions and deadlines, the working-day calendar,
three-valued logic, local procedures and the errors. The domains live in their subpackages
(`safeguarding.thresholds`, `safeguarding.private_fostering`, `safeguarding.lado`,
`safeguarding.reviews`, `safeguarding.indicators`, `safeguarding.io`), each of
which re-exports its public names.

Examples:
    >>> import datetime as dt
    >>> import safeguarding
    >>> safeguarding.add_working_days(dt.date(2024, 3, 25), 45)
    datetime.date(2024, 5, 31)
    >>> safeguarding.all_of(True, None) is None
    True
"""

from __future__ import annotations

from safeguarding.calendar import (
    ENGLAND_AND_WALES,
    WorkingCalendar,
    add_months,
    add_working_days,
    bank_holidays,
    is_working_day,
    working_days_between,
)
from safeguarding.citations import Citation, Instrument, Verification
from safeguarding.decisions import Deadline, DeadlineStatus, Decision, Finding, Timescale, Unit
from safeguarding.errors import (
    CalendarCoverageError,
    InvalidInputError,
    MalformedCensusError,
    RuleNotInForceError,
    SafeguardingError,
    UnsafeXMLError,
)
from safeguarding.logic import Tristate, absent_unless_given, all_of, any_of, not_
from safeguarding.people import Child, age_on
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.rules import DatedRule, LocalRule, Version, all_rules, find_rule

__version__ = "0.1.0.dev0"
"""The version of the package: the one place it is written (the build reads it from here)."""

__all__ = [
    "ENGLAND_AND_WALES",
    "NATIONAL",
    "CalendarCoverageError",
    "Child",
    "Citation",
    "DatedRule",
    "Deadline",
    "DeadlineStatus",
    "Decision",
    "Finding",
    "Instrument",
    "InvalidInputError",
    "LocalRule",
    "MalformedCensusError",
    "Procedures",
    "RuleNotInForceError",
    "SafeguardingError",
    "Timescale",
    "Tristate",
    "Unit",
    "UnsafeXMLError",
    "Verification",
    "Version",
    "WorkingCalendar",
    "__version__",
    "absent_unless_given",
    "add_months",
    "add_working_days",
    "age_on",
    "all_of",
    "all_rules",
    "any_of",
    "bank_holidays",
    "find_rule",
    "is_working_day",
    "not_",
    "working_days_between",
]
