"""Every indicator in the package is gathered by all_indicators and listed on the docs page."""

import importlib
import importlib.util
import pkgutil
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import safeguarding
from safeguarding.indicators import catalogue
from safeguarding.indicators.catalogue import CATALOGUE, all_indicators
from safeguarding.indicators.definitions import Indicator
from safeguarding.private_fostering.measures import MEASURES

HOOKS = Path(__file__).resolve().parents[2] / "docs" / "hooks.py"


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", HOOKS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _walk(value: object, found: dict[str, Indicator]) -> None:
    if isinstance(value, Indicator):
        found[value.key] = value
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            _walk(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _walk(item, found)


def indicators_in_package() -> dict[str, Indicator]:
    found: dict[str, Indicator] = {}
    for info in pkgutil.walk_packages(safeguarding.__path__, prefix="safeguarding."):
        if info.name == "safeguarding.__main__":
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            _walk(value, found)
    return found


def test_all_indicators_has_every_indicator_of_the_package_once():
    everything = all_indicators()
    keys = [item.key for item in everything]
    assert len(keys) == len(set(keys))
    assert set(indicators_in_package()) == set(keys)
    assert everything[: len(CATALOGUE)] == CATALOGUE
    assert set(MEASURES) <= set(everything)
    # Tuples keep their reporting order.
    start = keys.index(MEASURES[0].key)
    assert everything[start : start + len(MEASURES)] == MEASURES


def test_catalogue_page_lists_every_indicator_in_the_package():
    page = _hooks().catalogue_markdown()
    found = indicators_in_package()
    assert "private_fostering.first_visits_on_time" in found
    missing = sorted(key for key in found if f"`{key}`" not in page)
    assert not missing, f"indicators missing from the catalogue page: {missing}"
    assert page.count("\n") == len(found) + 1  # header, rule, one row each


def test_an_indicator_defined_on_its_own_is_gathered(monkeypatch: pytest.MonkeyPatch):
    lone = attrs.evolve(CATALOGUE[0], key="test.lone")
    monkeypatch.setattr(catalogue, "LONE_TEST_INDICATOR", lone, raising=False)
    assert all_indicators()[-1] is lone


def test_two_indicators_with_one_key_are_refused(monkeypatch: pytest.MonkeyPatch):
    clash = attrs.evolve(CATALOGUE[0], title="Another definition")
    monkeypatch.setattr(catalogue, "CLASHING_TEST_INDICATOR", clash, raising=False)
    with pytest.raises(AssertionError, match=r"dfe\.referrals_rate"):
        all_indicators()
