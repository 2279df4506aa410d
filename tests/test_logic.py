"""Three-valued logic against Kleene's truth tables.

Oracle: Kleene's strong logic is the min/max algebra on the order
False < unknown < True (with NOT as the order's reversal), so each function is
checked against min, max and reversal over the values 0, 1/2 and 1.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
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


# --------------------------------------------------------------------------- absent facts


def test_absent_unless_given_sets_only_the_unlisted_yes_no_facts():
    import datetime as dt

    import attrs

    from safeguarding.errors import InvalidInputError
    from safeguarding.lado import Allegation, Behaviour, ConcernCategory, Setting, is_lado_referral
    from safeguarding.logic import absent_unless_given

    # An allegation of conduct below the threshold: stated once, the other limbs absent.
    conduct = absent_unless_given(
        Behaviour, category=ConcernCategory.CONDUCT, setting=Setting.IN_WORK, harmed_child=None
    )
    facts = attrs.asdict(conduct)
    assert facts["harmed_child"] is None  # given as unknown: stays unknown
    assert {facts[n] for n in ("criminal_offence", "risk_to_children", "unsuitable")} == {False}
    assert facts["breaches_code_of_conduct"] is False
    on = dt.date(2024, 9, 2)
    assert is_lado_referral(Allegation(made_on=on, behaviours=(conduct,)), on=on) is None
    settled = attrs.evolve(conduct, harmed_child=False)
    assert is_lado_referral(Allegation(made_on=on, behaviours=(settled,)), on=on) is False
    # Without it, nothing is assumed: every fact not given is unknown.
    plain = Behaviour(category=ConcernCategory.CONDUCT, setting=Setting.IN_WORK)
    assert plain.criminal_offence is None
    # Names that are not fields, and classes that are not models, are refused.
    with pytest.raises(InvalidInputError) as caught:
        absent_unless_given(Behaviour, category=ConcernCategory.CONDUCT, harmed=True)
    assert caught.value.field == "harmed"
    with pytest.raises(InvalidInputError) as caught:
        absent_unless_given(dict, a=1)
    assert caught.value.field == "model"


# (ChildDeath is left out: its born_alive set to False must agree with its dates.)
@pytest.mark.parametrize("model", ["Behaviour", "Incident", "CarerCircumstances"])
@given(data=st.data())
def test_absent_unless_given_keeps_what_is_given_and_says_no_to_the_rest(model, data):
    import attrs

    import safeguarding.lado
    import safeguarding.private_fostering
    import safeguarding.reviews
    from safeguarding.logic import absent_unless_given
    from safeguarding.strategies import STRATEGIES

    cls = next(
        getattr(package, model)
        for package in (safeguarding.lado, safeguarding.reviews, safeguarding.private_fostering)
        if hasattr(package, model)
    )
    drawn = data.draw(STRATEGIES[cls]())
    fields = attrs.fields_dict(attrs.resolve_types(cls))
    facts = sorted(n for n, f in fields.items() if f.init and f.type == bool | None)
    assert facts  # the model has yes/no facts that may be unknown
    kept = data.draw(st.sets(st.sampled_from(facts)))
    given = {
        n: getattr(drawn, n) for n, f in fields.items() if f.init and (n in kept or n not in facts)
    }
    built = absent_unless_given(cls, **given)
    for name in fields:
        if not fields[name].init:
            continue
        expected = getattr(drawn, name) if name in given else False
        assert getattr(built, name) == expected, name
