"""Hypothesis strategies for the indicator pack's models ([`safeguarding.report`][])."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from safeguarding.indicators.catalogue import DFE_MEASURES
from safeguarding.indicators.definitions import Tally
from safeguarding.io.cin_census import Severity
from safeguarding.report import Pack, PackPart
from safeguarding.strategies._indicators import counts, periods
from safeguarding.synthetic import InjectedError, SyntheticSummary
from safeguarding.thresholds.journey import StepKind, StepStatus

__all__ = ["STRATEGIES", "pack_parts", "packs", "synthetic_summaries"]

_STEP_KEYS = [f"{kind.value}|{status.value}" for kind in StepKind for status in StepStatus]


def _dfe_tallies() -> st.SearchStrategy[Tally]:
    keys = [item.key for item in DFE_MEASURES]
    return st.dictionaries(st.sampled_from(keys), counts()).map(
        lambda mapping: Tally(counts=mapping)
    )


def pack_parts() -> st.SearchStrategy[PackPart]:
    """Pack parts: DfE measure counts, timeline step counts and reading-problem counts."""
    small = st.integers(min_value=0, max_value=10**6)
    return st.builds(
        PackPart,
        tally=_dfe_tallies(),
        steps=st.dictionaries(st.sampled_from(_STEP_KEYS), small),
        problems=st.dictionaries(st.sampled_from([s.value for s in Severity]), small),
        inconsistencies=small,
        children=small,
        episodes=small,
    )


def packs() -> st.SearchStrategy[Pack]:
    """Packs built the way the report builds them: a part, a year and an optional population."""
    return st.builds(
        Pack.from_part,
        pack_parts(),
        period=periods(),
        population=st.one_of(st.none(), st.integers(min_value=0, max_value=10**7)),
    )


@st.composite
def _summary(draw: st.DrawFn) -> SyntheticSummary:
    children = draw(st.integers(min_value=0, max_value=10**6))
    episodes = draw(st.integers(min_value=children, max_value=2 * children))
    kinds = st.sampled_from([kind.value for kind in InjectedError])
    injected = draw(st.dictionaries(kinds, st.integers(min_value=1, max_value=max(1, children))))
    return SyntheticSummary(children=children, episodes=episodes, injected=injected)


def synthetic_summaries() -> st.SearchStrategy[SyntheticSummary]:
    """Summaries of generated files: at least one episode a child, injected errors by kind."""
    return _summary()


STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Pack: packs,
    PackPart: pack_parts,
    SyntheticSummary: synthetic_summaries,
}
"""The strategy for each public model of [`safeguarding.report`][]."""
