"""How an allegation investigation ends: the outcome categories and their definitions by edition.

When an allegation against someone who works with children has been
investigated, the employer and the LADO record one outcome. KCSIE 2016
(para 150) defined four: *substantiated* (enough evidence to prove it),
*malicious* (enough evidence to disprove it and a deliberate act to deceive),
*false* (enough evidence to disprove it) and *unsubstantiated* (not enough
evidence either way, implying neither guilt nor innocence). KCSIE 2021
(para 381) adds *unfounded* (no evidence or proper basis supporting the
allegation) and widens *malicious* to a deliberate act to deceive **or to cause
harm to the person who is the subject of the allegation**.

Which edition first made those two changes is not known: the 2018, 2019 and
2020 texts were not read. The library applies them from KCSIE 2021, the first
edition in which they were read, and marks the 2018 to 2020 versions
*unverified*.

England only. The All-Wales procedures also use the word "unfounded", but for
an allegation the referrer misinterpreted or was mistaken about, which is
close to what England calls *false*: the same label with a different meaning.
Do not mix Welsh records into these categories.

Examples:
    >>> import datetime as dt
    >>> print(", ".join(o.value for o in outcomes_in_force(on=dt.date(2021, 8, 31))))
    substantiated, malicious, false, unsubstantiated
    >>> Outcome.UNFOUNDED in outcomes_in_force(on=dt.date(2021, 9, 1))
    True
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from safeguarding._validate import check_enum, is_member, is_text
from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.lado.editions import _carried, _version
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, register
from safeguarding.sources import keeping_children_safe_in_education

__all__ = [
    "OUTCOMES",
    "Outcome",
    "OutcomeDefinition",
    "check_outcome_in_force",
    "outcome_definition",
    "outcomes_in_force",
]


class Outcome(enum.Enum):
    """The outcome categories of an allegation investigation (England)."""

    SUBSTANTIATED = "substantiated"
    """There is sufficient evidence to prove the allegation."""
    MALICIOUS = "malicious"
    """Disproved, and a deliberate act to deceive (from KCSIE 2021: or to harm the subject)."""
    FALSE = "false"
    """There is sufficient evidence to disprove the allegation."""
    UNSUBSTANTIATED = "unsubstantiated"
    """Insufficient evidence to prove or disprove it; implies neither guilt nor innocence."""
    UNFOUNDED = "unfounded"
    """No evidence or proper basis supports the allegation (England; not the Welsh meaning)."""


@attrs.frozen(kw_only=True)
class OutcomeDefinition:
    """One outcome category and what it meant in an edition of the guidance.

    Attributes:
        outcome: The category.
        meaning: Its definition, in the edition's words (lightly abridged).
    """

    outcome: Outcome = attrs.field(validator=is_member(Outcome))
    meaning: str = attrs.field(validator=is_text)

    def describe(self) -> str:
        """``"<outcome>: <meaning>"``, one line for the rules table."""
        return f"{self.outcome.value}: {self.meaning}"


def _definitions(*pairs: tuple[Outcome, str]) -> tuple[OutcomeDefinition, ...]:
    return tuple(OutcomeDefinition(outcome=o, meaning=m) for o, m in pairs)


_PROVE = (Outcome.SUBSTANTIATED, "there is sufficient evidence to prove the allegation")
_FALSE = (Outcome.FALSE, "there is sufficient evidence to disprove the allegation")
_UNSUBSTANTIATED = (
    Outcome.UNSUBSTANTIATED,
    (
        "there is insufficient evidence to either prove or disprove the allegation; the term "
        "does not imply guilt or innocence"
    ),
)
_FOUR = _definitions(
    _PROVE,
    (
        Outcome.MALICIOUS,
        (
            "there is sufficient evidence to disprove the allegation and there has been a "
            "deliberate act to deceive"
        ),
    ),
    _FALSE,
    _UNSUBSTANTIATED,
)
_FIVE = _definitions(
    _PROVE,
    (
        Outcome.MALICIOUS,
        (
            "there is sufficient evidence to disprove the allegation and there has been a "
            "deliberate act to deceive, or to cause harm to the person subject of the allegation"
        ),
    ),
    _FALSE,
    _UNSUBSTANTIATED,
    (
        Outcome.UNFOUNDED,
        "there is no evidence or proper basis which supports the allegation being made",
    ),
)

_KCSIE_2016 = keeping_children_safe_in_education(2016)
_KCSIE_2021 = keeping_children_safe_in_education(2021)

OUTCOMES: DatedRule[tuple[OutcomeDefinition, ...]] = register(
    DatedRule(
        key="lado.outcomes",
        title="Outcome categories of an allegation investigation, with their definitions",
        versions=(
            _version(
                2016,
                _FOUR,
                _KCSIE_2016.cite(
                    "Part four, para 150",
                    Verification.PRIMARY,
                    url="https://online.flipbuilder.com/ruih/lrev/files/basic-html/page42.html",
                    note="Read in a verbatim flipbook copy of the September 2016 edition (its "
                    "contents page names Annex H, changes from July 2015); the four "
                    "definitions were seen again through the search tool.",
                ),
            ),
            *(
                _carried(year, _FOUR, read_in=2016, what="outcome definitions")
                for year in (2018, 2019, 2020)
            ),
            _version(
                2021,
                _FIVE,
                _KCSIE_2021.cite(
                    "Part four, para 381",
                    Verification.PRIMARY,
                    url="https://user-s7hizqk.cld.bz/1-General-Information/132",
                    note="Read in a verbatim flipbook copy of the September 2021 edition. "
                    "The edition that first added 'unfounded' and widened 'malicious' lies "
                    "between 2018 and 2021 and is not confirmed; the library applies both "
                    "changes from KCSIE 2021.",
                ),
            ),
            *(
                _carried(year, _FIVE, read_in=2021, what="outcome definitions")
                for year in (2022, 2023, 2024, 2025)
            ),
        ),
    )
)


def outcomes_in_force(*, on: dt.date, procedures: Procedures = NATIONAL) -> tuple[Outcome, ...]:
    """The outcome categories an investigation could end in on *on*.

    Legal basis:
        Keeping Children Safe in Education, Part four: 2016 para 150 (four
        outcomes), 2021 para 381 (adds unfounded). Rule ``lado.outcomes``.

    Args:
        on: The date that matters (the library validates a case against the
            date of the allegation).
        procedures: Local procedures (national guidance if omitted).

    Returns:
        The categories, in the order the edition lists them.

    Raises:
        InvalidInputError: *on* is not a plain ``date``, or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2016 (5 September 2016), the
            first edition whose definitions were read.

    Examples:
        >>> import datetime as dt
        >>> for outcome in outcomes_in_force(on=dt.date(2024, 1, 1)):
        ...     print(outcome.value)
        substantiated
        malicious
        false
        unsubstantiated
        unfounded
    """
    return tuple(d.outcome for d in OUTCOMES.at(on, procedures=check_procedures(procedures)).value)


def outcome_definition(
    outcome: Outcome, *, on: dt.date, procedures: Procedures = NATIONAL
) -> OutcomeDefinition:
    """What *outcome* meant on *on*.

    Legal basis:
        As [`outcomes_in_force`][]; "malicious" widened in KCSIE 2021.

    Args:
        outcome: The category.
        on: The date that matters.
        procedures: Local procedures (national guidance if omitted).

    Returns:
        The category with its definition as it stood on *on*.

    Raises:
        InvalidInputError: *outcome* is not an [`Outcome`][], or was not a
            category on *on* (``"unfounded"`` before KCSIE 2021), or bad procedures.
        RuleNotInForceError: *on* is before KCSIE 2016.

    Examples:
        >>> import datetime as dt
        >>> print(outcome_definition(Outcome.MALICIOUS, on=dt.date(2019, 1, 1)).meaning)
        there is sufficient evidence to disprove the allegation and there has been a deliberate \
    act to deceive
    """
    check_enum("outcome", outcome, Outcome)
    version = OUTCOMES.at(on, procedures=check_procedures(procedures))
    for definition in version.value:
        if definition.outcome is outcome:
            return definition
    raise InvalidInputError(
        "outcome", f"{outcome.value!r} is not an outcome category in {version.edition}"
    )


def check_outcome_in_force(
    field: str, outcome: object, *, on: dt.date, procedures: Procedures = NATIONAL
) -> None:
    """Raise unless *outcome* was an outcome category on *on* (a model validator's helper).

    Legal basis:
        As [`outcomes_in_force`][].

    Args:
        field: The field name to report (``"outcome"``).
        outcome: The value to check.
        on: The date of the allegation.
        procedures: Local procedures (national guidance if omitted).

    Raises:
        InvalidInputError: naming *field*: not an [`Outcome`][], no outcome
            categories encoded on *on*, or not a category on *on*; naming
            ``procedures``: bad procedures.

    Examples:
        >>> import datetime as dt
        >>> check_outcome_in_force("outcome", Outcome.UNFOUNDED, on=dt.date(2020, 6, 1))
        Traceback (most recent call last):
            ...
        safeguarding.errors.InvalidInputError: outcome: 'unfounded' is not an outcome category ...
    """
    if not isinstance(outcome, Outcome):
        raise InvalidInputError(field, "must be an Outcome member")
    check_procedures(procedures)
    try:
        version = OUTCOMES.at(on, procedures=procedures)
    except RuleNotInForceError:
        raise InvalidInputError(
            field, "no outcome categories are encoded before KCSIE 2016 (5 September 2016)"
        ) from None
    if outcome not in (d.outcome for d in version.value):
        raise InvalidInputError(
            field, f"{outcome.value!r} is not an outcome category in {version.edition}"
        )
