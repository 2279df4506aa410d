"""The child death strategies draw valid, serialisable models; the docs page's examples run."""

import datetime as dt
import doctest
import inspect
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.reviews import child_death
from safeguarding.reviews.child_death import Category, ChildDeathReview
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._child_death import (
    STRATEGIES,
    categorisations,
    child_death_reviews,
    child_death_tally_calls,
    child_deaths,
    shares,
)

DOCS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "child-death-review.md"


def test_every_public_model_has_a_strategy():
    public = {
        obj
        for name in child_death.__all__
        if inspect.isclass(obj := getattr(child_death, name)) and attrs.has(obj)
    }
    assert public == set(STRATEGIES)


@pytest.mark.parametrize("model", sorted(STRATEGIES, key=repr), ids=str)
@given(data=st.data())
def test_strategies_draw_valid_models_that_round_trip(model: type[Any], data: st.DataObject):
    obj = data.draw(STRATEGIES[model]())
    assert isinstance(obj, model)
    assert attrs.evolve(obj) == obj  # every validator and __attrs_post_init__ run again
    assert from_json(to_json(obj), model) == obj


@given(death=child_deaths(born_alive=False))
def test_babies_not_born_alive_die_on_the_day_of_delivery(death):
    assert death.date_of_death == death.date_of_birth


@given(death=child_deaths(born_alive=True))
def test_live_births(death):
    assert death.born_alive is True


@given(categorisation=categorisations(overridden=False))
def test_categorisations_without_override_follow_the_hierarchy(categorisation):
    assert categorisation.category is min(categorisation.candidates, key=lambda c: c.number)


@given(categorisation=categorisations(overridden=True))
def test_overridden_categorisations_keep_their_reason(categorisation):
    assert categorisation.overridden
    if categorisation.sudep:
        assert categorisation.category is not Category.SUDDEN_UNEXPLAINED


@given(review=child_death_reviews(completed=False))
def test_open_reviews(review):
    assert review.reviewed is None
    assert review.categorisation is None


@pytest.mark.parametrize(
    "make",
    [
        lambda: child_deaths(born_alive="yes"),  # type: ignore[arg-type]
        lambda: categorisations(overridden=1),  # type: ignore[arg-type]
        lambda: child_death_reviews(completed="no"),  # type: ignore[arg-type]
        lambda: shares(max_denominator=-1),
        lambda: child_death_tally_calls(max_reviews=-1),
        lambda: child_death_tally_calls(max_reviews=2.0),  # type: ignore[arg-type]
    ],
)
def test_strategy_options_are_checked(make):
    with pytest.raises(InvalidArgument):
        make()


@given(call=child_death_tally_calls())
def test_tally_calls_end_their_period_when_the_percentage_is_in_force(call):
    (reviews,), kwargs = call
    assert all(isinstance(review, ChildDeathReview) for review in reviews)
    assert kwargs["period"].end >= dt.date(2010, 4, 1)
    assert kwargs.get("on", dt.date(2010, 4, 1)) >= dt.date(2010, 4, 1)


def test_docs_page_examples_run():
    failures, tried = doctest.testfile(
        str(DOCS_PAGE),
        module_relative=False,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
        raise_on_error=False,
    )
    assert tried > 10
    assert failures == 0
