"""The package's faces: what `import safeguarding` and each subpackage hand on."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import safeguarding

SUBPACKAGES = (
    "safeguarding.indicators",
    "safeguarding.io",
    "safeguarding.lado",
    "safeguarding.private_fostering",
    "safeguarding.reviews",
    "safeguarding.reviews.child_death",
    "safeguarding.thresholds",
)
# Modules that need an optional extra at import time, and the command run as a module.
OPTIONAL = ("safeguarding.strategies", "safeguarding._hypothesis", "safeguarding.__main__")


def public_modules(package: ModuleType) -> list[ModuleType]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.iter_modules(package.__path__, prefix=package.__name__ + ".")
        if not info.name.rsplit(".", 1)[1].startswith("_")
    ]


def every_module() -> list[ModuleType]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(safeguarding.__path__, prefix="safeguarding.")
        if not info.name.startswith(OPTIONAL)
    ]


@pytest.mark.parametrize("name", SUBPACKAGES)
def test_each_subpackage_hands_on_every_public_name_of_its_modules(name: str):
    package = importlib.import_module(name)
    face = package.__all__
    assert len(face) == len(set(face))
    expected: dict[str, object] = {}
    for module in public_modules(package):
        for item in module.__all__:
            expected.setdefault(item, getattr(module, item))
    assert set(face) == set(expected)
    for item in face:
        assert getattr(package, item) is expected[item], item


def test_the_top_level_hands_on_the_core():
    core = {
        "Citation",
        "DatedRule",
        "Version",
        "Decision",
        "Finding",
        "Deadline",
        "Procedures",
        "add_working_days",
        "working_days_between",
        "is_working_day",
        "add_months",
        "bank_holidays",
        "SafeguardingError",
        "InvalidInputError",
        "RuleNotInForceError",
        "CalendarCoverageError",
        "all_of",
        "any_of",
        "not_",
        "__version__",
    }
    assert core <= set(safeguarding.__all__)
    assert len(safeguarding.__all__) == len(set(safeguarding.__all__))
    for item in safeguarding.__all__:
        assert hasattr(safeguarding, item), item


def test_every_exception_lives_in_errors():
    defined = {
        (obj.__module__, obj.__qualname__)
        for module in every_module()
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, BaseException) and obj.__module__.startswith("safeguarding")
    }
    assert defined
    assert {home for home, _ in defined} == {"safeguarding.errors"}
    errors = importlib.import_module("safeguarding.errors")
    for _, qualname in defined:
        assert issubclass(getattr(errors, qualname), errors.SafeguardingError)
