"""Argument checks shared by the case-review and child death review modules."""

from __future__ import annotations

import datetime as dt

from safeguarding._validate import check_date
from safeguarding.errors import InvalidInputError
from safeguarding.procedures import Procedures

__all__ = ["check_procedures", "rules_date"]


def check_procedures(procedures: object) -> Procedures:
    """Return *procedures* if it is a [`Procedures`][safeguarding.procedures.Procedures].

    Raises:
        InvalidInputError: it is not (field ``procedures``).
    """
    if not isinstance(procedures, Procedures):
        raise InvalidInputError("procedures", "must be a Procedures")
    return procedures


def rules_date(on: object, fixed_by_facts: dt.date) -> dt.date:
    """The date whose rules apply: *on* if given, else the date the facts fix.

    Raises:
        InvalidInputError: *on* is given and is not a plain ``date`` (field ``on``).
    """
    return fixed_by_facts if on is None else check_date("on", on)
