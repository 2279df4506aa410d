"""Three-valued logic against Kleene's truth tables.

Oracle: Kleene's strong logic is the min/max algebra on the order
False < unknown < True (with NOT as the order's reversal), so each function is
checked against min, max and reversal over the values 0, 1/2 and 1.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from safeguarding.logic import all_of, any_of, describe, not_

_LEVEL = {False: Fraction(0), None: Fraction(1, 2), True: Fraction(1)}
_VALUE = {level: value for value, level in _LEVEL.items()}
tristates = st.sampled_from([True, False, None])


@given(st.lists(tristates, max_size=8))
def test_all_of_is_the_minimum(values):
    assert all_of(*values) is _VALUE[min((_LEVEL[v] for v in values), default=Fraction(1))]


@given(st.lists(tristates, max_size=8))
def test_any_of_is_the_maximum(values):
    assert any_of(*values) is _VALUE[max((_LEVEL[v] for v in values), default=Fraction(0))]


@given(tristates)
def test_not_reverses_the_order(value):
    assert not_(value) is _VALUE[1 - _LEVEL[value]]


@given(st.lists(tristates, max_size=8))
def test_de_morgan(values):
    assert not_(all_of(*values)) is any_of(*(not_(v) for v in values))


def test_an_unknown_is_never_read_as_no():
    # The cases a two-valued shortcut gets wrong.
    assert all_of(True, None) is None
    assert any_of(False, None) is None
    assert not_(None) is None
    assert describe(None, "yes", "no", "not known") == "not known"
    assert describe(False, "yes", "no", "not known") == "no"
    assert describe(True, "yes", "no", "not known") == "yes"
