"""Read and write the children in need (CIN) census XML return, safely and as a stream.

Every English local authority sends the Department for Education a CIN census
each year: one XML file with a ``Header`` (collection, year, reference date,
local authority) and one ``Child`` element per child, holding the child's
identifiers, characteristics and episodes of need (``CINdetails``).

[`read_census`][] parses such a file with the standard library's expat
parser, fed in chunks, and yields one child at a time, so memory does not grow
with the number of children. It is hardened like ``defusedxml``: a document
that declares an entity (the "billion laughs" bomb) or refers to an external
entity is refused with [`UnsafeXMLError`][] before anything is expanded or
fetched.

Nothing is dropped silently. Every value that cannot be read (a date that is
not ISO 8601 ``YYYY-MM-DD``, a code not in the census code list), every group
the models refuse (an assessment authorised before it started) and every child
that cannot be built is reported as a [`Problem`][] with its element path,
line number and reason. A problem holds the child's identifier, but shows it
only through [`Problem.personal_data`][], never in its ``repr`` or ``str``.
Stray text between elements and elements the reader does not know are
reported as warnings and skipped.

The layouts 2017 to 2026 are accepted: ``GenderCurrent`` (to 2023-24) and
``Sex`` (from 2024-25), and the pre-proceedings and family group
decision-making block (``PreProceedingsandFGDM``, 2025-26 onward).

[`write_census`][] writes a census file from the models; reading it back
gives the same models ([`census_items`][] says which fields of the models the
census does not carry).

Examples:
    >>> import io
    >>> import datetime as dt
    >>> from safeguarding.cases import ChildRecord, Episode
    >>> from safeguarding.people import Child
    >>> record = ChildRecord(
    ...     child=Child(identifier="C1", date_of_birth=dt.date(2015, 3, 27)),
    ...     episodes=(Episode(referral_date=dt.date(2023, 10, 6), referral_nfa=False),),
    ... )
    >>> buffer = io.BytesIO()
    >>> write_census([record], buffer, header=CensusHeader(reference_date=dt.date(2024, 3, 31)))
    >>> reading = read_census(buffer.getvalue())
    >>> [r.episodes[0].referral_date for r in reading]
    [datetime.date(2023, 10, 6)]
    >>> reading.header.reference_date, len(reading.problems)
    (datetime.date(2024, 3, 31), 0)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final, TypeVar
from xml.parsers import expat
from xml.sax.saxutils import escape

import attrs

from safeguarding._validate import (
    hidden,
    is_instance,
    is_int,
    is_member,
    is_optional_bool,
    is_optional_date,
    is_str,
)
from safeguarding.cases import (
    Assessment,
    AssessmentFactor,
    CategoryOfAbuse,
    ChildProtectionPlan,
    ChildRecord,
    CINPlan,
    Disability,
    Episode,
    Ethnicity,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
    Section47Enquiry,
)
from safeguarding.errors import (
    InvalidInputError,
    MalformedCensusError,
    UnsafeXMLError,
)
from safeguarding.people import Child

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

_T = TypeVar("_T")

_CHUNK: Final = 1 << 16
"""Bytes fed to expat at a time: memory stays bounded whatever the file size."""


# --------------------------------------------------------------------------- errors


# Both are defined in safeguarding.errors, with every other exception of the library;
# they are importable from here too.


# --------------------------------------------------------------------------- code lists


class Sex(enum.Enum):
    """The child's sex (census item N00783 ``Sex``, from the 2024-25 census)."""

    MALE = "M"
    """Male."""
    FEMALE = "F"
    """Female."""
    UNKNOWN = "U"
    """Unknown or not recorded."""


class GenderCurrent(enum.Enum):
    """The child's gender (census item N00065 ``GenderCurrent``, to the 2023-24 census)."""

    NOT_KNOWN = "0"
    """Not known (or unborn)."""
    MALE = "1"
    """Male."""
    FEMALE = "2"
    """Female."""
    NOT_SPECIFIED = "9"
    """Not specified (indeterminate)."""


class UPNUnknown(enum.Enum):
    """Why the child has no unique pupil number (census item N00135 ``UPNunknown``)."""

    UN1 = "UN1"
    """Child is now aged 6 or over and was not allocated a UPN at school."""
    UN2 = "UN2"
    """Child has never attended a maintained school in England."""
    UN3 = "UN3"
    """Child is educated outside England (and has no UPN)."""
    UN4 = "UN4"
    """Child is newly arrived and the UPN is not yet known."""
    UN5 = "UN5"
    """Sources collating UPNs reflect discrepancies."""
    UN6 = "UN6"
    """Child is aged under 6 and not yet allocated a UPN."""
    UN7 = "UN7"
    """Child is not yet born (unborn)."""


class Severity(enum.Enum):
    """How serious a reported problem is."""

    WARNING = "warning"
    """Something was skipped but no census data was lost (stray text, unknown element)."""
    ERROR = "error"
    """A value, a group or a whole child could not be read and was left out."""


class LayoutFeature(enum.Enum):
    """Layout-dependent elements seen in a file (which census years it follows)."""

    GENDER_CURRENT = "GenderCurrent"
    """``GenderCurrent``: the layouts up to 2023-24."""
    SEX = "Sex"
    """``Sex``: the layouts from 2024-25."""
    CIN_PLANS = "CINPlanDates"
    """``CINPlanDates``: the layouts from 2021-22."""
    PRE_PROCEEDINGS = "PreProceedingsandFGDM"
    """``PreProceedingsandFGDM``: the layouts from 2025-26."""


# --------------------------------------------------------------------------- models


def _optional(check: Callable[[object, attrs.Attribute[Any], object], None]) -> Any:  # noqa: ANN401
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return validate


@attrs.frozen(kw_only=True)
class Problem:
    """A record, group or value the reader could not read, or something it skipped.

    The child's identifier is kept apart from the message: it is not in the
    ``repr`` nor in ``str()``; [`personal_data`][] returns it on purpose.

    Attributes:
        severity: [`Severity`][].
        path: The element path, with 1-based positions
            (``Message/Children/Child[3]/CINdetails[1]/CINreferralDate``).
        line: The line number in the file (expat's ``CurrentLineNumber``).
        reason: One plain-English sentence, including what was left out.
        child_identifier: The ``LAchildID`` of the child concerned, if known.
    """

    severity: Severity = attrs.field(validator=is_member(Severity))
    path: str = attrs.field(validator=is_str)
    line: int = attrs.field(validator=is_int(minimum=0))
    reason: str = attrs.field(validator=is_str)
    child_identifier: str | None = attrs.field(
        default=None, validator=_optional(is_str), repr=hidden
    )

    def __str__(self) -> str:
        """``"error line 12 Message/...: reason"`` (no identifier)."""
        return f"{self.severity.value} line {self.line} {self.path}: {self.reason}"

    def personal_data(self) -> dict[str, object]:
        """The child's identifier, shown on purpose (never in logs)."""
        return {"child_identifier": self.child_identifier}


@attrs.frozen(kw_only=True)
class CensusHeader:
    """The census ``Header``: collection details and source.

    Attributes:
        collection: ``Collection`` (``"CIN"``).
        year: ``Year``: the year the collection is named after.
        reference_date: ``ReferenceDate`` (N00603): the census date, 31 March.
        source_level: ``SourceLevel`` (``"L"`` for a local authority).
        la_code: ``LEA``: the three-digit local authority code.
        software_code: ``SoftwareCode``.
        release: ``Release``.
        serial_no: ``SerialNo``.
        date_time: ``DateTime``: when the file was produced, as written.
    """

    collection: str | None = attrs.field(default="CIN", validator=_optional(is_str))
    year: int | None = attrs.field(default=None, validator=_optional(is_int(minimum=0)))
    reference_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    source_level: str | None = attrs.field(default=None, validator=_optional(is_str))
    la_code: str | None = attrs.field(default=None, validator=_optional(is_str))
    software_code: str | None = attrs.field(default=None, validator=_optional(is_str))
    release: str | None = attrs.field(default=None, validator=_optional(is_str))
    serial_no: str | None = attrs.field(default=None, validator=_optional(is_str))
    date_time: str | None = attrs.field(default=None, validator=_optional(is_str))


@attrs.frozen(kw_only=True)
class PreProceedings:
    """A pre-proceedings / family group decision-making block (``PreProceedingsandFGDM``).

    Collected from the 2025-26 census; the items are read as the DfE
    validator's fake data shows them (not checked against the specification).

    Attributes:
        start_date: ``PPStartDate``: pre-proceedings started.
        letter_before_proceedings_date: ``LBPSentDate``.
        fgdm_offered: ``FGDMMeetingOffer``: a family group decision-making
            meeting was offered.
        fgdm_facilitated: ``FGDMMeetingFac``: such a meeting was facilitated.
        initial_meeting_date: ``InitialPPMeetingDate``.
        review_meetings: ``ReviewMeetingsCount``.
        step_decision_date: ``StepDecisionDate``.
        outcome: ``PPOutcome``: the outcome code as written (code list not
            confirmed, so not an enum yet).
        court_application_date: ``CourtAppDate``.
        letter_initial_cp_date: ``LetterInitCPDate``.
    """

    start_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    letter_before_proceedings_date: dt.date | None = attrs.field(
        default=None, validator=is_optional_date
    )
    fgdm_offered: bool | None = attrs.field(default=None, validator=is_optional_bool)
    fgdm_facilitated: bool | None = attrs.field(default=None, validator=is_optional_bool)
    initial_meeting_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    review_meetings: int | None = attrs.field(default=None, validator=_optional(is_int(minimum=0)))
    step_decision_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    outcome: str | None = attrs.field(default=None, validator=_optional(is_str))
    court_application_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    letter_initial_cp_date: dt.date | None = attrs.field(default=None, validator=is_optional_date)


def _pre_proceedings_per_episode(
    _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, tuple):
        raise InvalidInputError(attribute.name, "must be a tuple")
    for index, blocks in enumerate(value):
        if not isinstance(blocks, tuple) or not all(isinstance(b, PreProceedings) for b in blocks):
            raise InvalidInputError(
                f"{attribute.name}[{index}]", "must be a tuple of PreProceedings"
            )


@attrs.frozen(kw_only=True)
class CensusChild:
    """A child as read from the census: the shared record plus census-only items.

    Attributes:
        record: The [`ChildRecord`][safeguarding.cases.ChildRecord].
        upn: ``UPN`` (N00001), hidden from ``repr``.
        former_upn: ``FormerUPN`` (N00002), hidden from ``repr``.
        upn_unknown: ``UPNunknown`` (N00135).
        gender_current: ``GenderCurrent`` (N00065), layouts to 2023-24.
        sex: ``Sex`` (N00783), layouts from 2024-25.
        death_date: ``PersonDeathDate`` (N00108), hidden from ``repr``.
        pre_proceedings: For each episode of ``record`` (same order), its
            ``PreProceedingsandFGDM`` blocks; empty when none has any.

    Raises:
        InvalidInputError: a field has the wrong type, or there are more
            pre-proceedings entries than episodes.
    """

    record: ChildRecord = attrs.field(validator=is_instance(ChildRecord))
    upn: str | None = attrs.field(default=None, validator=_optional(is_str), repr=hidden)
    former_upn: str | None = attrs.field(default=None, validator=_optional(is_str), repr=hidden)
    upn_unknown: UPNUnknown | None = attrs.field(
        default=None, validator=_optional(is_member(UPNUnknown))
    )
    gender_current: GenderCurrent | None = attrs.field(
        default=None, validator=_optional(is_member(GenderCurrent))
    )
    sex: Sex | None = attrs.field(default=None, validator=_optional(is_member(Sex)))
    death_date: dt.date | None = attrs.field(default=None, validator=is_optional_date, repr=hidden)
    pre_proceedings: tuple[tuple[PreProceedings, ...], ...] = attrs.field(
        default=(), validator=_pre_proceedings_per_episode
    )

    def __attrs_post_init__(self) -> None:
        """Pre-proceedings blocks belong to episodes of the record."""
        if len(self.pre_proceedings) > len(self.record.episodes):
            raise InvalidInputError("pre_proceedings", "has more entries than record.episodes")

    def personal_data(self) -> dict[str, object]:
        """The identifiers and dates, shown on purpose (never in logs)."""
        return {
            **self.record.child.personal_data(),
            "upn": self.upn,
            "former_upn": self.former_upn,
            "death_date": self.death_date,
        }


def census_items(record: ChildRecord) -> ChildRecord:
    """The part of a record that the CIN census carries (what a write then read gives back).

    The census has no referral decision date, strategy discussions, core group
    meetings or looked-after periods; it records disabilities as codes, from
    which the reader derives ``Child.disabled``: ``True`` for any code other
    than ``NONE``, ``False`` for ``NONE`` alone, ``None`` when no code.

    Legal basis: the data items of the CIN census specification (DfE).

    Args:
        record: Any child record.

    Returns:
        The record with the non-census items dropped and ``disabled`` derived.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.cases import Disability
        >>> r = ChildRecord(child=Child(identifier="C1", date_of_birth=dt.date(2015, 1, 1)),
        ...                 disabilities=frozenset({Disability.HEARING}))
        >>> census_items(r).child.disabled
        True
    """
    child = attrs.evolve(record.child, disabled=_disabled(record.disabilities))
    return attrs.evolve(record, child=child, episodes=tuple(map(_census_episode, record.episodes)))


def _disabled(codes: frozenset[Disability]) -> bool | None:
    if not codes:
        return None
    return bool(codes - {Disability.NONE})


def _census_episode(e: Episode) -> Episode:
    return attrs.evolve(
        e,
        referral_decision_date=None,
        looked_after_periods=(),
        section47_enquiries=tuple(
            attrs.evolve(s, strategy_discussions=()) for s in e.section47_enquiries
        ),
        child_protection_plans=tuple(
            attrs.evolve(p, core_group_dates=None) for p in e.child_protection_plans
        ),
    )


# --------------------------------------------------------------------------- parsing values

_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATES: dict[str, dt.date | None] = {}
_DATE_CACHE_LIMIT = 100_000
_BOOLS: Final = {"true": True, "1": True, "false": False, "0": False}
_NOT_A_DATE: Final = "is not an ISO 8601 date (YYYY-MM-DD)"


def _parse_date(text: str) -> dt.date | None:
    """A strict YYYY-MM-DD date, or ``None``; cached (dates repeat across children)."""
    try:
        return _DATES[text]
    except KeyError:
        pass
    value: dt.date | None = None
    if _DATE_RE.fullmatch(text):
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            value = None
    if len(_DATES) < _DATE_CACHE_LIMIT:
        _DATES[text] = value
    return value


def _text_line(line: int, data: str) -> int:
    """The line where the non-blank part of *data* ends (expat reports the end of the run)."""
    return line - data[len(data.rstrip()) :].count("\n")


# A node of the per-child tree: [name, line, text parts, children].
_Node = list[Any]


class _Child:
    """Converts one ``Child`` tree into a [`CensusChild`][], collecting problems."""

    def __init__(self, problems: list[Problem], features: set[LayoutFeature]) -> None:
        self.problems = problems
        self.features = features
        self.identifier: str | None = None

    def report(self, severity: Severity, path: str, line: int, reason: str) -> None:
        self.problems.append(
            Problem(
                severity=severity,
                path=path,
                line=line,
                reason=reason,
                child_identifier=self.identifier,
            )
        )

    def text(self, node: _Node, path: str) -> str:
        if node[3]:
            self.report(
                Severity.WARNING,
                path,
                node[1],
                "holds child elements where a value was expected; they are ignored",
            )
        return "".join(node[2]).strip()

    def leaves(
        self, node: _Node, path: str, known: frozenset[str]
    ) -> tuple[dict[str, tuple[str, str, int]], list[tuple[_Node, str]]]:
        """Split *node*'s children into known leaf values and (group, path) pairs."""
        values: dict[str, tuple[str, str, int]] = {}
        groups: list[tuple[_Node, str]] = []
        counts: dict[str, int] = {}
        for kid in node[3]:
            name = kid[0]
            n = counts[name] = counts.get(name, 0) + 1
            if name in known:
                if name in values:
                    self.report(
                        Severity.ERROR,
                        f"{path}/{name}[{n}]",
                        kid[1],
                        f"{name} is repeated; only the first value is kept",
                    )
                    continue
                # The leaf's own path, f"{path}/{name}", is only built for a problem.
                text = "".join(kid[2]).strip() if not kid[3] else self.text(kid, f"{path}/{name}")
                values[name] = (text, path, kid[1])
            else:
                groups.append((kid, f"{path}/{name}[{n}]"))
        return values, groups

    def unknown(self, kid: _Node, path: str) -> None:
        self.report(Severity.WARNING, path, kid[1], f"unknown element {kid[0]} is ignored")

    def date(self, values: dict[str, tuple[str, str, int]], name: str) -> dt.date | None:
        item = values.get(name)
        if item is None or not item[0]:
            return None
        value = _parse_date(item[0])
        if value is None:
            self.report(
                Severity.ERROR, f"{item[1]}/{name}", item[2], f"{name} {_NOT_A_DATE}; left out"
            )
        return value

    def code(
        self, values: dict[str, tuple[str, str, int]], name: str, kind: type[enum.Enum]
    ) -> Any:  # noqa: ANN401
        item = values.get(name)
        if item is None or not item[0]:
            return None
        value = kind._value2member_map_.get(item[0])
        if value is None:
            self.report(
                Severity.ERROR,
                f"{item[1]}/{name}",
                item[2],
                f"{name} is not a {kind.__name__} code of the census; left out",
            )
        return value

    def flag(self, values: dict[str, tuple[str, str, int]], name: str) -> bool | None:
        item = values.get(name)
        if item is None or not item[0]:
            return None
        value = _BOOLS.get(item[0].lower())
        if value is None:
            self.report(
                Severity.ERROR,
                f"{item[1]}/{name}",
                item[2],
                f"{name} is not true, false, 1 or 0; left out",
            )
        return value

    def count(self, values: dict[str, tuple[str, str, int]], name: str) -> int | None:
        item = values.get(name)
        if item is None or not item[0]:
            return None
        if item[0].isascii() and item[0].isdigit():
            return int(item[0])
        self.report(
            Severity.ERROR, f"{item[1]}/{name}", item[2], f"{name} is not a whole number; left out"
        )
        return None

    def codes(self, node: _Node, path: str, leaf: str, kind: type[enum.Enum]) -> frozenset[Any]:
        found: list[Any] = []
        n = 0
        for kid in node[3]:
            if kid[0] != leaf:
                self.unknown(kid, f"{path}/{kid[0]}")
                continue
            n += 1
            text = "".join(kid[2]).strip() if not kid[3] else self.text(kid, f"{path}/{leaf}[{n}]")
            value = kind._value2member_map_.get(text) if text else None
            if value is not None:
                found.append(value)
            elif text:
                self.report(
                    Severity.ERROR,
                    f"{path}/{leaf}[{n}]",
                    kid[1],
                    f"{leaf} is not a {kind.__name__} code of the census; left out",
                )
        return frozenset(found)

    def build(
        self, kind: Callable[..., _T], path: str, line: int, what: str, **fields: object
    ) -> _T | None:
        try:
            return kind(**fields)
        except InvalidInputError as error:
            self.report(Severity.ERROR, path, line, f"{error}; {what} left out")
            return None

    # ----------------------------------------------------------------- groups

    def child(self, node: _Node, path: str) -> CensusChild | None:
        ids: dict[str, tuple[str, str, int]] = {}
        chars: _Node | None = None
        chars_path = ""
        episodes: list[Episode] = []
        pre: list[tuple[PreProceedings, ...]] = []
        # Identifiers first, so that problems elsewhere in the child carry them.
        groups: list[tuple[_Node, str]] = []
        counts: dict[str, int] = {}
        for kid in node[3]:
            name = kid[0]
            n = counts[name] = counts.get(name, 0) + 1
            kid_path = f"{path}/{name}[{n}]"
            if name == "ChildIdentifiers" and n == 1:
                ids, rest = self.leaves(kid, f"{path}/{name}", _IDENTIFIERS)
                item = ids.get("LAchildID")
                self.identifier = item[0] if item and item[0] else None
                groups.extend(rest)
            else:
                groups.append((kid, kid_path))
        for kid, kid_path in groups:
            name = kid[0]
            if name == "ChildCharacteristics" and chars is None:
                chars, chars_path = kid, kid_path.removesuffix("[1]")
            elif name == "CINdetails":
                built = self.episode(kid, kid_path)
                if built is not None:
                    episodes.append(built[0])
                    pre.append(built[1])
            else:
                self.unknown(kid, kid_path)
        return self.person(node, path, ids, chars, chars_path, episodes, pre)

    def person(  # noqa: PLR0913, PLR0917
        self,
        node: _Node,
        path: str,
        ids: dict[str, tuple[str, str, int]],
        chars: _Node | None,
        chars_path: str,
        episodes: list[Episode],
        pre: list[tuple[PreProceedings, ...]],
    ) -> CensusChild | None:
        ethnicity = None
        disabilities: frozenset[Disability] = frozenset()
        if chars is not None:
            values, groups = self.leaves(chars, chars_path, _CHARACTERISTICS)
            ethnicity = self.code(values, "Ethnicity", Ethnicity)
            for kid, kid_path in groups:
                if kid[0] == "Disabilities":
                    disabilities |= self.codes(
                        kid, kid_path.removesuffix("[1]"), "Disability", Disability
                    )
                else:
                    self.unknown(kid, kid_path)
        if self.identifier is None:
            self.report(
                Severity.ERROR,
                f"{path}/ChildIdentifiers/LAchildID",
                node[1],
                "LAchildID is missing; child left out",
            )
            return None
        born = self.date(ids, "PersonBirthDate")
        expected = self.date(ids, "ExpectedPersonBirthDate")
        if born is not None and expected is not None:
            item = ids["ExpectedPersonBirthDate"]
            self.report(
                Severity.ERROR,
                f"{item[1]}/ExpectedPersonBirthDate",
                item[2],
                "both PersonBirthDate and ExpectedPersonBirthDate are given; "
                "ExpectedPersonBirthDate left out",
            )
            expected = None
        if "GenderCurrent" in ids:
            self.features.add(LayoutFeature.GENDER_CURRENT)
        if "Sex" in ids:
            self.features.add(LayoutFeature.SEX)
        child = self.build(
            Child,
            f"{path}/ChildIdentifiers",
            node[1],
            "child",
            identifier=self.identifier,
            date_of_birth=born,
            expected_date_of_birth=expected,
            disabled=_disabled(disabilities),
        )
        if child is None:
            return None
        record = ChildRecord(
            child=child, ethnicity=ethnicity, disabilities=disabilities, episodes=tuple(episodes)
        )
        while pre and not pre[-1]:
            pre.pop()
        return CensusChild(
            record=record,
            upn=ids["UPN"][0] or None if "UPN" in ids else None,
            former_upn=ids["FormerUPN"][0] or None if "FormerUPN" in ids else None,
            upn_unknown=self.code(ids, "UPNunknown", UPNUnknown),
            gender_current=self.code(ids, "GenderCurrent", GenderCurrent),
            sex=self.code(ids, "Sex", Sex),
            death_date=self.date(ids, "PersonDeathDate"),
            pre_proceedings=tuple(pre),
        )

    def episode(self, node: _Node, path: str) -> tuple[Episode, tuple[PreProceedings, ...]] | None:
        values, groups = self.leaves(node, path, _EPISODE)
        assessments: list[Assessment] = []
        plans: list[CINPlan] = []
        enquiries: list[Section47Enquiry] = []
        cpps: list[ChildProtectionPlan] = []
        pre: list[PreProceedings] = []
        for kid, kid_path in groups:
            name = kid[0]
            built: Any
            if name == "Assessments":
                built = self.assessment(kid, kid_path)
                target: list[Any] = assessments
            elif name == "CINPlanDates":
                self.features.add(LayoutFeature.CIN_PLANS)
                built = self.cin_plan(kid, kid_path)
                target = plans
            elif name == "Section47":
                built = self.section47(kid, kid_path)
                target = enquiries
            elif name == "ChildProtectionPlans":
                built = self.protection_plan(kid, kid_path)
                target = cpps
            elif name == "PreProceedingsandFGDM":
                self.features.add(LayoutFeature.PRE_PROCEEDINGS)
                built = self.pre_proceedings(kid, kid_path)
                target = pre
            else:
                self.unknown(kid, kid_path)
                continue
            if built is not None:
                target.append(built)
        referral = self.date(values, "CINreferralDate")
        if referral is None:
            self.report(
                Severity.ERROR,
                f"{path}/CINreferralDate",
                node[1],
                "CINreferralDate is missing or unreadable; episode left out",
            )
            return None
        episode = self.build(
            Episode,
            path,
            node[1],
            "episode",
            referral_date=referral,
            referral_source=self.code(values, "ReferralSource", ReferralSource),
            primary_need=self.code(values, "PrimaryNeedCode", PrimaryNeed),
            referral_nfa=self.flag(values, "ReferralNFA"),
            closure_date=self.date(values, "CINclosureDate"),
            reason_for_closure=self.code(values, "ReasonForClosure", ReasonForClosure),
            initial_cpc_date=self.date(values, "DateOfInitialCPC"),
            assessments=tuple(assessments),
            cin_plans=tuple(plans),
            section47_enquiries=tuple(enquiries),
            child_protection_plans=tuple(cpps),
        )
        return None if episode is None else (episode, tuple(pre))

    def required(
        self, values: dict[str, tuple[str, str, int]], name: str, path: str, line: int, what: str
    ) -> dt.date | None:
        value = self.date(values, name)
        if value is None and (name not in values or not values[name][0]):
            self.report(
                Severity.ERROR, f"{path}/{name}", line, f"{name} is missing; {what} left out"
            )
        elif value is None:
            self.report(
                Severity.ERROR, f"{values[name][1]}/{name}", values[name][2], f"{what} left out"
            )
        return value

    def assessment(self, node: _Node, path: str) -> Assessment | None:
        values, groups = self.leaves(node, path, _ASSESSMENT)
        factors: frozenset[AssessmentFactor] = frozenset()
        for kid, kid_path in groups:
            if kid[0] == "FactorsIdentifiedAtAssessment":
                factors |= self.codes(
                    kid, kid_path.removesuffix("[1]"), "AssessmentFactors", AssessmentFactor
                )
            else:
                self.unknown(kid, kid_path)
        start = self.required(values, "AssessmentActualStartDate", path, node[1], "assessment")
        authorised = self.date(values, "AssessmentAuthorisationDate")
        review = self.date(values, "AssessmentInternalReviewDate")
        if start is None:
            return None
        return self.build(
            Assessment,
            path,
            node[1],
            "assessment",
            start_date=start,
            authorisation_date=authorised,
            internal_review_date=review,
            factors=factors,
        )

    def cin_plan(self, node: _Node, path: str) -> CINPlan | None:
        values, groups = self.leaves(node, path, _CIN_PLAN)
        for kid, kid_path in groups:
            self.unknown(kid, kid_path)
        start = self.required(values, "CINPlanStartDate", path, node[1], "CIN plan")
        end = self.date(values, "CINPlanEndDate")
        if start is None:
            return None
        return self.build(CINPlan, path, node[1], "CIN plan", start_date=start, end_date=end)

    def section47(self, node: _Node, path: str) -> Section47Enquiry | None:
        values, groups = self.leaves(node, path, _SECTION47)
        for kid, kid_path in groups:
            self.unknown(kid, kid_path)
        start = self.required(values, "S47ActualStartDate", path, node[1], "section 47 enquiry")
        target = self.date(values, "InitialCPCtarget")
        icpc = self.date(values, "DateOfInitialCPC")
        not_required = self.flag(values, "ICPCnotRequired")
        if start is None:
            return None
        return Section47Enquiry(
            start_date=start,
            icpc_target_date=target,
            initial_cpc_date=icpc,
            icpc_not_required=not_required,
        )

    def protection_plan(self, node: _Node, path: str) -> ChildProtectionPlan | None:
        values, groups = self.leaves(node, path, _PROTECTION_PLAN)
        reviews: list[dt.date] = []
        for kid, kid_path in groups:
            if kid[0] != "Reviews":
                self.unknown(kid, kid_path)
                continue
            n = 0
            base = kid_path.removesuffix("[1]")
            for leaf in kid[3]:
                if leaf[0] != "CPPreviewDate":
                    self.unknown(leaf, f"{base}/{leaf[0]}")
                    continue
                n += 1
                text = (
                    "".join(leaf[2]).strip()
                    if not leaf[3]
                    else self.text(leaf, f"{base}/CPPreviewDate[{n}]")
                )
                value = _parse_date(text) if text else None
                if value is not None:
                    reviews.append(value)
                elif text:
                    self.report(
                        Severity.ERROR,
                        f"{base}/CPPreviewDate[{n}]",
                        leaf[1],
                        f"CPPreviewDate {_NOT_A_DATE}; left out",
                    )
        start = self.required(values, "CPPstartDate", path, node[1], "child protection plan")
        fields = {
            "end_date": self.date(values, "CPPendDate"),
            "initial_category": self.code(values, "InitialCategoryOfAbuse", CategoryOfAbuse),
            "latest_category": self.code(values, "LatestCategoryOfAbuse", CategoryOfAbuse),
            "previous_plans": self.count(values, "NumberOfPreviousCPP"),
        }
        if start is None:
            return None
        return self.build(
            ChildProtectionPlan,
            path,
            node[1],
            "child protection plan",
            start_date=start,
            review_dates=tuple(reviews),
            **fields,
        )

    def pre_proceedings(self, node: _Node, path: str) -> PreProceedings:
        values, groups = self.leaves(node, path, _PRE_PROCEEDINGS)
        for kid, kid_path in groups:
            self.unknown(kid, kid_path)
        outcome = values.get("PPOutcome")
        return PreProceedings(
            start_date=self.date(values, "PPStartDate"),
            letter_before_proceedings_date=self.date(values, "LBPSentDate"),
            fgdm_offered=self.flag(values, "FGDMMeetingOffer"),
            fgdm_facilitated=self.flag(values, "FGDMMeetingFac"),
            initial_meeting_date=self.date(values, "InitialPPMeetingDate"),
            review_meetings=self.count(values, "ReviewMeetingsCount"),
            step_decision_date=self.date(values, "StepDecisionDate"),
            outcome=outcome[0] or None if outcome else None,
            court_application_date=self.date(values, "CourtAppDate"),
            letter_initial_cp_date=self.date(values, "LetterInitCPDate"),
        )


_IDENTIFIERS: Final = frozenset(
    {
        "LAchildID",
        "UPN",
        "FormerUPN",
        "UPNunknown",
        "PersonBirthDate",
        "ExpectedPersonBirthDate",
        "GenderCurrent",
        "Sex",
        "PersonDeathDate",
    }
)
_CHARACTERISTICS: Final = frozenset({"Ethnicity"})
_EPISODE: Final = frozenset(
    {
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINclosureDate",
        "ReasonForClosure",
        "DateOfInitialCPC",
        "ReferralNFA",
    }
)
_ASSESSMENT: Final = frozenset(
    {"AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate"}
)
_CIN_PLAN: Final = frozenset({"CINPlanStartDate", "CINPlanEndDate"})
_SECTION47: Final = frozenset(
    {"S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"}
)
_PROTECTION_PLAN: Final = frozenset(
    {
        "CPPstartDate",
        "CPPendDate",
        "InitialCategoryOfAbuse",
        "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP",
    }
)
_PRE_PROCEEDINGS: Final = frozenset(
    {
        "PPStartDate",
        "LBPSentDate",
        "FGDMMeetingOffer",
        "FGDMMeetingFac",
        "InitialPPMeetingDate",
        "ReviewMeetingsCount",
        "StepDecisionDate",
        "PPOutcome",
        "CourtAppDate",
        "LetterInitCPDate",
    }
)
_HEADER_ITEMS: Final = frozenset(
    {
        "Collection",
        "Year",
        "ReferenceDate",
        "SourceLevel",
        "LEA",
        "SoftwareCode",
        "Release",
        "SerialNo",
        "DateTime",
    }
)


# --------------------------------------------------------------------------- the reader


def protect(parser: expat.XMLParserType) -> expat.XMLParserType:
    """Make an expat parser refuse entity declarations and external entities.

    A document that declares an entity (the "billion laughs" bomb), an
    unparsed entity, or refers to an external entity raises
    [`UnsafeXMLError`][] with the line, before anything is expanded or
    fetched; parameter entities are never parsed. Used by every XML parser of
    the package.

    Examples:
        >>> parser = protect(expat.ParserCreate())
        >>> parser.Parse(b'<!DOCTYPE m [<!ENTITY a "aa">]><m>&a;</m>', True)
        Traceback (most recent call last):
            ...
        safeguarding.io.cin_census.UnsafeXMLError: line 1: refused an entity declaration (possible entity expansion bomb)
    """  # noqa: E501
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(what: str) -> Callable[..., None]:
        def handler(*_args: object) -> None:
            raise UnsafeXMLError(parser.CurrentLineNumber, what)

        return handler

    parser.EntityDeclHandler = refuse("an entity declaration (possible entity expansion bomb)")
    parser.UnparsedEntityDeclHandler = refuse("an unparsed entity declaration")
    parser.ExternalEntityRefHandler = refuse("a reference to an external entity")  # type: ignore[assignment]
    return parser


Source = str | os.PathLike[str] | bytes | IO[bytes]


def read_chunks(source: Source) -> Iterator[bytes]:
    """The bytes of *source* (a path, bytes, or a binary file object) in bounded chunks."""
    if isinstance(source, bytes):
        yield source
    elif isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as stream:  # noqa: PTH123
            yield from iter(lambda: stream.read(_CHUNK), b"")
    else:
        yield from iter(lambda: source.read(_CHUNK), b"")


class CensusReading:
    """The result of [`read_census`][]: iterate it for the children, then look at the rest.

    Iterating parses the file (again, for a path or bytes; a file object can be
    read once). `header`, `problems` and `features` are
    complete once the iteration has finished.

    Attributes:
        header: The [`CensusHeader`][] (``None`` until the header is read).
        problems: Every [`Problem`][], in file order.
        features: The [`LayoutFeature`][] elements seen.
        children_read: How many children were yielded.
    """

    def __init__(self, source: Source) -> None:
        """Prepare to read *source* (nothing is read until iteration).

        Raises:
            InvalidInputError: *source* is not a path, bytes or a binary file object.
        """
        if not (
            isinstance(source, str | os.PathLike | bytes) or callable(getattr(source, "read", None))
        ):
            raise InvalidInputError("source", "must be a path, bytes or a binary file object")
        self._source = source
        self.header: CensusHeader | None = None
        self.problems: list[Problem] = []
        self.features: set[LayoutFeature] = set()
        self.children_read = 0

    def __iter__(self) -> Iterator[ChildRecord]:
        """The children's records, one at a time."""
        for child in self.children():
            yield child.record

    def children(self) -> Iterator[CensusChild]:
        """The children with their census-only items (UPN, sex, pre-proceedings), one at a time."""
        self.header = None
        self.problems = []
        self.features = set()
        self.children_read = 0
        yield from self._parse(read_chunks(self._source))

    @property
    def errors(self) -> list[Problem]:
        """The problems of [`Severity.ERROR`][] (something was left out)."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def _parse(self, chunks: Iterator[bytes]) -> Iterator[CensusChild]:  # noqa: C901, PLR0915
        parser = protect(expat.ParserCreate())
        parser.buffer_text = True
        parser.buffer_size = _CHUNK

        done: list[CensusChild] = []
        path: list[str] = []
        stack: list[_Node] = []
        counts: list[dict[str, int]] = [{}]
        problems = self.problems
        features = self.features

        def start(name: str, _attributes: object) -> None:
            if stack:
                node = [name, parser.CurrentLineNumber, [], []]
                stack[-1][3].append(node)
                stack.append(node)
                return
            level = counts[-1]
            n = level[name] = level.get(name, 0) + 1
            path.append(f"{name}[{n}]" if name == "Child" or n > 1 else name)
            counts.append({})
            if name in ("Child", "Header"):
                stack.append([name, parser.CurrentLineNumber, [], [], len(problems)])
            elif "/".join(path) not in ("Message", "Message/Children"):
                problems.append(
                    Problem(
                        severity=Severity.WARNING,
                        path="/".join(path),
                        line=parser.CurrentLineNumber,
                        reason=f"unknown element {name} is ignored",
                    )
                )

        def end(name: str) -> None:
            node = stack.pop() if stack else None
            if stack:
                return
            where = "/".join(path)
            path.pop()
            counts.pop()
            if node is None:
                return
            if name == "Child":
                converter = _Child(problems, features)
                child = converter.child(node, where)
                if converter.identifier is not None:
                    for index in range(node[4], len(problems)):
                        if problems[index].child_identifier is None:
                            problems[index] = attrs.evolve(
                                problems[index], child_identifier=converter.identifier
                            )
                if child is not None:
                    done.append(child)
            else:
                self.header = self._header(node, where)

        def text(data: str) -> None:
            if data.isspace():  # indentation between elements: most calls end here
                return
            if stack:
                node = stack[-1]
                if node[3]:
                    problems.append(
                        Problem(
                            severity=Severity.WARNING,
                            path="/".join([*path, *(n[0] for n in stack[1:])]),
                            line=_text_line(parser.CurrentLineNumber, data),
                            # Described, never quoted: it may be an identifier or a name.
                            reason=f"stray text ({_characters(len(data.strip()))}) between "
                            "elements is ignored",
                        )
                    )
                else:
                    node[2].append(data)
            else:
                problems.append(
                    Problem(
                        severity=Severity.WARNING,
                        path="/".join(path),
                        line=_text_line(parser.CurrentLineNumber, data),
                        reason="stray text between elements is ignored",
                    )
                )

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        try:
            for chunk in chunks:
                parser.Parse(chunk, False)  # noqa: FBT003
                if done:
                    self.children_read += len(done)
                    yield from done
                    done.clear()
            parser.Parse(b"", True)  # noqa: FBT003
        except expat.ExpatError as error:
            raise MalformedCensusError(error.lineno, expat.ErrorString(error.code)) from None
        self.children_read += len(done)
        yield from done

    def _header(self, node: _Node, path: str) -> CensusHeader:
        converter = _Child(self.problems, self.features)
        flat: list[_Node] = []
        for kid in node[3]:
            if kid[0] in ("CollectionDetails", "Source"):
                flat.extend(kid[3])
            else:
                flat.append(kid)
        values, groups = converter.leaves([node[0], node[1], [], flat], path, _HEADER_ITEMS)
        for kid, kid_path in groups:
            converter.unknown(kid, kid_path)
        year = converter.count(values, "Year")

        def plain(name: str) -> str | None:
            item = values.get(name)
            return item[0] or None if item else None

        return CensusHeader(
            collection=plain("Collection"),
            year=year,
            reference_date=converter.date(values, "ReferenceDate"),
            source_level=plain("SourceLevel"),
            la_code=plain("LEA"),
            software_code=plain("SoftwareCode"),
            release=plain("Release"),
            serial_no=plain("SerialNo"),
            date_time=plain("DateTime"),
        )


def read_census(source: Source) -> CensusReading:
    """Read a CIN census XML file as a stream of children, reporting every problem.

    The parser refuses entity declarations and external entities
    ([`UnsafeXMLError`][]); dates must be ISO 8601 ``YYYY-MM-DD``; codes
    must be in the census code lists. Whatever cannot be read is left out and
    reported in `CensusReading.problems` with its path and line.

    Legal basis: the CIN census specification (DfE), layouts 2017-18 to 2025-26.

    Args:
        source: A path, the file's bytes, or a binary file object.

    Returns:
        A [`CensusReading`][]: iterate it for [`ChildRecord`][safeguarding.cases.ChildRecord]
        objects (or call [`CensusReading.children`][] for [`CensusChild`][]).

    Raises:
        InvalidInputError: *source* is not a path, bytes or a binary file object.
        UnsafeXMLError: the document declares or refers to entities.
        MalformedCensusError: the document is not well-formed XML.

    Examples:
        >>> reading = read_census(b"<Message><Children><Child><ChildIdentifiers>"
        ...                       b"<LAchildID>C1</LAchildID><PersonBirthDate>31/03/2015"
        ...                       b"</PersonBirthDate></ChildIdentifiers></Child></Children></Message>")
        >>> list(reading)
        []
        >>> for problem in reading.problems:
        ...     print(problem)
        error line 1 Message/Children/Child[1]/ChildIdentifiers/PersonBirthDate: PersonBirthDate is not an ISO 8601 date (YYYY-MM-DD); left out
        error line 1 Message/Children/Child[1]/ChildIdentifiers: date_of_birth: give exactly one of date_of_birth and expected_date_of_birth; child left out
    """  # noqa: E501
    return CensusReading(source)


# --------------------------------------------------------------------------- the writer


def _leaf(out: list[str], indent: str, name: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, enum.Enum):
        text = str(value.value)
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = escape(str(value))
    out.append(f"{indent}<{name}>{text}</{name}>\n")


def _write_child(out: list[str], item: ChildRecord | CensusChild) -> None:
    extra = item if isinstance(item, CensusChild) else CensusChild(record=item)
    record = extra.record
    child = record.child
    i3, i4, i5 = "    " * 3, "    " * 4, "    " * 5
    out.append(f"{'    ' * 2}<Child>\n{i3}<ChildIdentifiers>\n")
    _leaf(out, i4, "LAchildID", child.identifier)
    _leaf(out, i4, "UPN", extra.upn)
    _leaf(out, i4, "FormerUPN", extra.former_upn)
    _leaf(out, i4, "UPNunknown", extra.upn_unknown)
    _leaf(out, i4, "PersonBirthDate", child.date_of_birth)
    _leaf(out, i4, "ExpectedPersonBirthDate", child.expected_date_of_birth)
    _leaf(out, i4, "GenderCurrent", extra.gender_current)
    _leaf(out, i4, "Sex", extra.sex)
    _leaf(out, i4, "PersonDeathDate", extra.death_date)
    out.append(f"{i3}</ChildIdentifiers>\n{i3}<ChildCharacteristics>\n")
    _leaf(out, i4, "Ethnicity", record.ethnicity)
    if record.disabilities:
        out.append(f"{i4}<Disabilities>\n")
        for code in sorted(d.value for d in record.disabilities):
            _leaf(out, i5, "Disability", code)
        out.append(f"{i4}</Disabilities>\n")
    out.append(f"{i3}</ChildCharacteristics>\n")
    for index, episode in enumerate(record.episodes):
        pre = extra.pre_proceedings[index] if index < len(extra.pre_proceedings) else ()
        _write_episode(out, episode, pre)
    out.append(f"{'    ' * 2}</Child>\n")


def _write_episode(out: list[str], e: Episode, pre: tuple[PreProceedings, ...]) -> None:  # noqa: PLR0915
    i3, i4, i5, i6 = "    " * 3, "    " * 4, "    " * 5, "    " * 6
    out.append(f"{i3}<CINdetails>\n")
    _leaf(out, i4, "CINreferralDate", e.referral_date)
    _leaf(out, i4, "ReferralSource", e.referral_source)
    _leaf(out, i4, "PrimaryNeedCode", e.primary_need)
    _leaf(out, i4, "CINclosureDate", e.closure_date)
    _leaf(out, i4, "ReasonForClosure", e.reason_for_closure)
    _leaf(out, i4, "DateOfInitialCPC", e.initial_cpc_date)
    for a in e.assessments:
        out.append(f"{i4}<Assessments>\n")
        _leaf(out, i5, "AssessmentActualStartDate", a.start_date)
        _leaf(out, i5, "AssessmentInternalReviewDate", a.internal_review_date)
        _leaf(out, i5, "AssessmentAuthorisationDate", a.authorisation_date)
        if a.factors:
            out.append(f"{i5}<FactorsIdentifiedAtAssessment>\n")
            for code in sorted(f.value for f in a.factors):
                _leaf(out, i6, "AssessmentFactors", code)
            out.append(f"{i5}</FactorsIdentifiedAtAssessment>\n")
        out.append(f"{i4}</Assessments>\n")
    for c in e.cin_plans:
        out.append(f"{i4}<CINPlanDates>\n")
        _leaf(out, i5, "CINPlanStartDate", c.start_date)
        _leaf(out, i5, "CINPlanEndDate", c.end_date)
        out.append(f"{i4}</CINPlanDates>\n")
    for s in e.section47_enquiries:
        out.append(f"{i4}<Section47>\n")
        _leaf(out, i5, "S47ActualStartDate", s.start_date)
        _leaf(out, i5, "InitialCPCtarget", s.icpc_target_date)
        _leaf(out, i5, "DateOfInitialCPC", s.initial_cpc_date)
        _leaf(out, i5, "ICPCnotRequired", s.icpc_not_required)
        out.append(f"{i4}</Section47>\n")
    _leaf(out, i4, "ReferralNFA", e.referral_nfa)
    for p in e.child_protection_plans:
        out.append(f"{i4}<ChildProtectionPlans>\n")
        _leaf(out, i5, "CPPstartDate", p.start_date)
        _leaf(out, i5, "CPPendDate", p.end_date)
        _leaf(out, i5, "InitialCategoryOfAbuse", p.initial_category)
        _leaf(out, i5, "LatestCategoryOfAbuse", p.latest_category)
        _leaf(out, i5, "NumberOfPreviousCPP", p.previous_plans)
        if p.review_dates:
            out.append(f"{i5}<Reviews>\n")
            for day in p.review_dates:
                _leaf(out, i6, "CPPreviewDate", day)
            out.append(f"{i5}</Reviews>\n")
        out.append(f"{i4}</ChildProtectionPlans>\n")
    for b in pre:
        out.append(f"{i4}<PreProceedingsandFGDM>\n")
        _leaf(out, i5, "PPStartDate", b.start_date)
        _leaf(out, i5, "LBPSentDate", b.letter_before_proceedings_date)
        _leaf(out, i5, "FGDMMeetingOffer", b.fgdm_offered)
        _leaf(out, i5, "FGDMMeetingFac", b.fgdm_facilitated)
        _leaf(out, i5, "InitialPPMeetingDate", b.initial_meeting_date)
        _leaf(out, i5, "ReviewMeetingsCount", b.review_meetings)
        _leaf(out, i5, "StepDecisionDate", b.step_decision_date)
        _leaf(out, i5, "PPOutcome", b.outcome)
        _leaf(out, i5, "CourtAppDate", b.court_application_date)
        _leaf(out, i5, "LetterInitCPDate", b.letter_initial_cp_date)
        out.append(f"{i4}</PreProceedingsandFGDM>\n")
    out.append(f"{i3}</CINdetails>\n")


def _write_header(out: list[str], header: CensusHeader) -> None:
    i3 = "    " * 3
    out.append('<?xml version="1.0" encoding="utf-8"?>\n<Message>\n    <Header>\n')
    out.append("        <CollectionDetails>\n")
    _leaf(out, i3, "Collection", header.collection)
    _leaf(out, i3, "Year", header.year)
    _leaf(out, i3, "ReferenceDate", header.reference_date)
    out.append("        </CollectionDetails>\n        <Source>\n")
    _leaf(out, i3, "SourceLevel", header.source_level)
    _leaf(out, i3, "LEA", header.la_code)
    _leaf(out, i3, "SoftwareCode", header.software_code)
    _leaf(out, i3, "Release", header.release)
    _leaf(out, i3, "SerialNo", header.serial_no)
    _leaf(out, i3, "DateTime", header.date_time)
    out.append("        </Source>\n    </Header>\n    <Children>\n")


def write_census(
    children: Iterable[ChildRecord | CensusChild],
    destination: str | os.PathLike[str] | IO[bytes],
    *,
    header: CensusHeader,
) -> None:
    """Write a CIN census XML file (UTF-8) from child records, streaming.

    Elements are written in the order of the census schema; items the census
    does not carry are not written (see [`census_items`][]); codes in sets
    (disabilities, assessment factors) are written sorted.

    Legal basis: the CIN census specification (DfE).

    Args:
        children: [`ChildRecord`][safeguarding.cases.ChildRecord] or [`CensusChild`][]
            objects, consumed one at a time.
        destination: A path or a binary file object.
        header: The [`CensusHeader`][] to write.

    Examples:
        >>> import io
        >>> out = io.BytesIO()
        >>> write_census([], out, header=CensusHeader(year=2024))
        >>> b"<Year>2024</Year>" in out.getvalue()
        True
    """
    write_children_xml(destination, header, map(child_xml, children))


def child_xml(child: ChildRecord | CensusChild) -> str:
    """The ``Child`` element of one child, as written in a census file."""
    out: list[str] = []
    _write_child(out, child)
    return "".join(out)


def write_children_xml(
    destination: str | os.PathLike[str] | IO[bytes], header: CensusHeader, pieces: Iterable[str]
) -> None:
    """Write a census file around ``Child`` elements already rendered (see [`child_xml`][]).

    The header, then the pieces in order, then the closing tags, streamed in
    batches: memory does not grow with the number of children. A path is written
    atomically: into a temporary file beside it, renamed over it only once the whole
    file is written, so a failure leaves an existing file untouched.

    Raises:
        InvalidInputError: the header or a child holds text that cannot be written as
            UTF-8 (a lone surrogate).
    """
    if not isinstance(destination, (str, os.PathLike)):
        _write(destination, header, pieces)
        return
    target = Path(destination)
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    try:
        os.chmod(temporary, _NEW_FILE_MODE)  # noqa: PTH101 - the mode a plain open would give
        with os.fdopen(descriptor, "wb") as stream:
            _write(stream, header, pieces)
        os.replace(temporary, target)  # noqa: PTH105 - atomic on one file system
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # noqa: PTH108
        raise


def _characters(count: int) -> str:
    return f"{count:,} character{'' if count == 1 else 's'}"


def _new_file_mode() -> int:
    """The mode ``open(path, "w")`` gives a new file: 0o666 less the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_NEW_FILE_MODE: Final = _new_file_mode()


def _encoded(text: str, field: str) -> bytes:
    try:
        return text.encode()
    except UnicodeEncodeError:
        raise InvalidInputError(
            field, "holds text that cannot be written as UTF-8 (a lone surrogate)"
        ) from None


def _write(stream: IO[bytes], header: CensusHeader, pieces: Iterable[str]) -> None:
    out: list[str] = []
    _write_header(out, header)
    stream.write(_encoded("".join(out), "header"))
    out.clear()
    for piece in pieces:
        out.append(piece)
        if len(out) > 256:
            stream.write(_encoded("".join(out), "children"))
            out.clear()
    out.append("    </Children>\n</Message>\n")
    stream.write(_encoded("".join(out), "children"))
