import datetime as dt
import json
from typing import Any

import attrs
import pytest
from cattrs.errors import ClassValidationError
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.calendar import WorkingCalendar
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import DeadlineStatus, Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.people import Child
from safeguarding.rules import DatedRule, Version
from safeguarding.serialization import explain_errors, from_json, make_converter, to_json
from safeguarding.strategies import STRATEGIES

SRC = Citation(instrument="Act", provision="s1", url=None, status=Verification.PRIMARY)


# The strategies draw generic models with int values and bool outcomes.
CONCRETE: dict[type[Any], Any] = {
    Version: Version[int],
    DatedRule: DatedRule[int],
    Decision: Decision[bool],
}


@pytest.mark.parametrize("model", sorted(STRATEGIES, key=repr), ids=str)
@given(data=st.data())
def test_every_model_round_trips_through_json(model: type[Any], data: st.DataObject):
    obj = data.draw(STRATEGIES[model]())
    text = to_json(obj)
    json.loads(text)  # plain JSON
    assert from_json(text, CONCRETE.get(model, model)) == obj


def test_dates_are_iso_and_enums_by_value():
    decision = Decision(
        outcome=DeadlineStatus.MET_LATE,
        findings=(Finding(criterion="c", met=None, detail="d", source=SRC),),
        rule_version="WT2018",
    )
    data = json.loads(to_json(decision))
    assert data["outcome"] == "met late"
    assert data["findings"][0]["source"]["status"] == "primary"
    assert from_json(to_json(decision), Decision[DeadlineStatus]) == decision
    calendar = WorkingCalendar(extra_closures=[dt.date(2024, 12, 30), dt.date(2024, 12, 27)])
    assert json.loads(to_json(calendar))["extra_closures"] == ["2024-12-27", "2024-12-30"]


def test_to_json_indent():
    assert to_json(SRC, indent=2).startswith('{\n  "instrument"')


def test_make_converter_returns_independent_converters():
    first, second = make_converter(), make_converter()
    assert first is not second
    first.register_unstructure_hook(dt.date, lambda _: "hidden")
    assert second.unstructure(dt.date(2020, 1, 1)) == "2020-01-01"


def errors_of(text: str, cls: type[Any]) -> list[str]:
    with pytest.raises(InvalidInputError) as info:
        from_json(text, cls)
    # The library's error, keeping cattrs' error group (every problem and its path).
    assert info.value.field == "text"
    assert isinstance(info.value.__cause__, ClassValidationError)
    return explain_errors(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"identifier": "A", "date_of_birth": "2010-1-1"}',
            ["invalid date (expected YYYY-MM-DD) @ $.date_of_birth"],
        ),
        (
            '{"identifier": "A", "date_of_birth": "20100101"}',
            ["invalid date (expected YYYY-MM-DD) @ $.date_of_birth"],
        ),
        (
            '{"identifier": "A", "date_of_birth": "2010-02-30"}',
            ["invalid date (expected YYYY-MM-DD) @ $.date_of_birth"],
        ),
        (
            '{"identifier": "A", "date_of_birth": "2010-01-01T00:00:00"}',
            ["invalid date (expected YYYY-MM-DD) @ $.date_of_birth"],
        ),
        (
            '{"identifier": 7, "date_of_birth": 20100101, "disabled": "yes", "extra": 1}',
            [
                "expected a string @ $.identifier",
                "invalid date (expected YYYY-MM-DD) @ $.date_of_birth",
                "expected true or false @ $.disabled",
                "unexpected field @ $.extra",
            ],
        ),
        ('{"date_of_birth": "2010-01-01"}', ["required field missing @ $.identifier"]),
        (
            '{"identifier": " ", "date_of_birth": "2010-01-01"}',
            ["must be a non-empty string @ $.identifier"],
        ),
    ],
)
def test_explain_errors_gives_every_problem_with_its_path(text: str, expected: list[str]):
    assert errors_of(text, Child) == expected


def test_nested_paths():
    text = json.dumps(
        {
            "outcome": True,
            "rule_version": "v",
            "findings": [
                {"criterion": "ok", "met": True, "detail": "d", "source": to_dict(SRC)},
                {"criterion": "", "met": 1, "detail": "d", "source": {**to_dict(SRC), "url": "x"}},
            ],
        }
    )
    lines = errors_of(text, Decision[bool])
    assert "expected true or false @ $.findings[1].met" in lines
    assert "must be an https:// URL or None @ $.findings[1].source.url" in lines
    assert "must be a non-empty string @ $.findings[1].criterion" not in lines  # after met fails


def test_lists_of_models():
    with pytest.raises(Exception) as info:
        from_json(
            '[{"identifier": "A", "date_of_birth": "2010-01-01"}, {"identifier": "B"}]', list[Child]
        )
    assert explain_errors(info.value) == [
        "give exactly one of date_of_birth and expected_date_of_birth @ $[1].date_of_birth"
    ]


def test_strict_numbers_and_floats():
    converter = make_converter()
    assert converter.structure(3, float) == 3.0
    assert converter.structure(2.5, float) == 2.5
    for not_float in ("3", True, None):
        with pytest.raises(TypeError):
            converter.structure(not_float, float)
    for not_int in ("3", 3.0, True):
        with pytest.raises(TypeError):
            converter.structure(not_int, int)
    assert converter.structure(dt.date(2020, 1, 1), dt.date) == dt.date(2020, 1, 1)


def test_explain_errors_on_other_exceptions():
    # A message that is not the converter's own is described, never repeated.
    assert explain_errors(ValueError("bad")) == ["invalid value (ValueError) @ $"]
    assert explain_errors(TypeError("expected a string")) == ["expected a string @ $"]
    assert explain_errors(RuntimeError()) == ["invalid value (RuntimeError) @ $"]
    assert explain_errors(InvalidInputError("[2]", "bad item")) == ["bad item @ $[2]"]


@pytest.mark.parametrize("text", ["{", b"\xff\xfe\x00", "[1,]"])
def test_invalid_json_is_invalid_input(text: str | bytes):
    with pytest.raises(InvalidInputError) as info:
        from_json(text, Child)
    assert info.value.field == "text"


def to_dict(obj: Any) -> dict[str, Any]:
    result: dict[str, Any] = make_converter().unstructure(obj)
    return result


def test_attrs_models_are_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        SRC.instrument = "x"  # type: ignore[misc]


def test_int_and_str_enums_structure_by_value():
    import enum

    class Level(enum.IntEnum):
        ONE = 1

    class Code(enum.StrEnum):
        C = "c"

    converter = make_converter()
    assert converter.structure(1, Level) is Level.ONE
    assert converter.structure("c", Code) is Code.C
    with pytest.raises(ValueError):
        converter.structure("d", Code)


def test_a_bad_value_is_never_repeated():
    text = json.dumps({**to_dict(SRC), "status": "UPN-A123456789012"})
    with pytest.raises(InvalidInputError) as info:
        from_json(text, Citation)
    lines = explain_errors(info.value)
    assert lines == ["not one of the allowed values @ $.status"]
    for shown in (str(info.value), repr(info.value), *lines):
        assert "A123456789012" not in shown
    assert (
        str(info.value)
        == "text: does not describe a valid Citation: 1 problem (see explain_errors)"
    )


def test_a_wrong_shape_is_invalid_input_not_a_raw_error():
    for text in ("[]", "3", '"x"', "null"):
        with pytest.raises(InvalidInputError) as info:
            from_json(text, Child)
        assert info.value.field == "text"
