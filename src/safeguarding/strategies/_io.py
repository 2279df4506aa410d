"""Hypothesis strategies for the CIN census reader's models ([`safeguarding.io`][])."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from safeguarding.cases import ChildRecord
from safeguarding.io.cin_census import (
    CensusChild,
    CensusHeader,
    GenderCurrent,
    PreProceedings,
    Problem,
    Severity,
    Sex,
    UPNUnknown,
    census_items,
)
from safeguarding.strategies._cases import child_records
from safeguarding.strategies._core import calendar_dates

__all__ = ["STRATEGIES", "census_children", "census_headers", "pre_proceedings", "problems"]

_CODES = st.from_regex(r"[A-Z0-9]{1,13}", fullmatch=True)
_DATES = calendar_dates()


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def census_headers() -> st.SearchStrategy[CensusHeader]:
    """Census headers: reference dates on edge days, three-digit LA codes, optional items."""
    return st.builds(
        CensusHeader,
        collection=_optional(st.just("CIN")),
        year=_optional(st.integers(2017, 2027)),
        reference_date=_optional(_DATES),
        source_level=_optional(st.just("L")),
        la_code=_optional(st.from_regex(r"[0-9]{3}", fullmatch=True)),
        software_code=_optional(_CODES),
        release=_optional(_CODES),
        serial_no=_optional(_CODES),
        date_time=_optional(_DATES.map(lambda d: f"{d.isoformat()}T09:00:00")),
    )


def problems() -> st.SearchStrategy[Problem]:
    """Reported problems, with or without a child identifier."""
    return st.builds(
        Problem,
        severity=st.sampled_from(Severity),
        path=st.from_regex(r"Message(/[A-Za-z]{1,12}(\[[1-9]\])?){0,4}", fullmatch=True),
        line=st.integers(0, 10**6),
        reason=st.text(max_size=40),
        child_identifier=_optional(_CODES),
    )


def pre_proceedings() -> st.SearchStrategy[PreProceedings]:
    """Pre-proceedings / FGDM blocks with any subset of items recorded."""
    return st.builds(
        PreProceedings,
        start_date=_optional(_DATES),
        letter_before_proceedings_date=_optional(_DATES),
        fgdm_offered=_optional(st.booleans()),
        fgdm_facilitated=_optional(st.booleans()),
        initial_meeting_date=_optional(_DATES),
        review_meetings=_optional(st.integers(0, 20)),
        step_decision_date=_optional(_DATES),
        outcome=_optional(st.sampled_from(["A", "B", "C", "D"])),
        court_application_date=_optional(_DATES),
        letter_initial_cp_date=_optional(_DATES),
    )


@st.composite
def _census_child(draw: st.DrawFn) -> CensusChild:
    record: ChildRecord = census_items(draw(child_records()))
    count = draw(st.integers(0, len(record.episodes)))
    blocks = draw(
        st.lists(st.lists(pre_proceedings(), max_size=2).map(tuple), min_size=count, max_size=count)
    )
    while blocks and not blocks[-1]:
        blocks.pop()
    return CensusChild(
        record=record,
        upn=draw(_optional(st.from_regex(r"[A-Z][0-9]{11}[0-9A-Z]", fullmatch=True))),
        former_upn=draw(_optional(st.from_regex(r"[A-Z][0-9]{11}[0-9A-Z]", fullmatch=True))),
        upn_unknown=draw(_optional(st.sampled_from(UPNUnknown))),
        gender_current=draw(_optional(st.sampled_from(GenderCurrent))),
        sex=draw(_optional(st.sampled_from(Sex))),
        death_date=draw(_optional(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))),
        pre_proceedings=tuple(blocks),
    )


def census_children() -> st.SearchStrategy[CensusChild]:
    """Census children: a child record plus UPNs, sex or gender and pre-proceedings blocks.

    Pre-proceedings lists never end with an empty entry (the reader trims them),
    so a census child written and read back is equal to itself.
    """
    return _census_child()


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    CensusChild: census_children,
    CensusHeader: census_headers,
    PreProceedings: pre_proceedings,
    Problem: problems,
}
"""The strategy for each public model of [`safeguarding.io.cin_census`][]."""
