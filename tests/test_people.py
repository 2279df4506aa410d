import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.errors import InvalidInputError
from safeguarding.people import Child, age_on, date_reaching_age
from safeguarding.strategies import children, dates_of_birth

D = dt.date


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        # Family Law Reform Act 1969 s9: the age is attained at the start of the birthday.
        (D(2010, 9, 1), D(2026, 8, 31), 15),
        (D(2010, 9, 1), D(2026, 9, 1), 16),
        (D(2010, 9, 1), D(2010, 9, 1), 0),
        (D(2010, 9, 1), D(2011, 8, 31), 0),
        # Born on 29 February: the birthday is 1 March in a common year (the library's
        # stated, unverified reading of s9), 29 February in a leap year.
        (D(2008, 2, 29), D(2026, 2, 28), 17),
        (D(2008, 2, 29), D(2026, 3, 1), 18),
        (D(2008, 2, 29), D(2024, 2, 28), 15),
        (D(2008, 2, 29), D(2024, 2, 29), 16),
        (D(2008, 2, 29), D(2009, 2, 28), 0),
        (D(2008, 2, 29), D(2009, 3, 1), 1),
        # Born on 28 February or 1 March: nothing special.
        (D(2008, 2, 28), D(2026, 2, 28), 18),
        (D(2008, 3, 1), D(2026, 2, 28), 17),
    ],
)
def test_age_on(born, on, age):
    assert age_on(born, on=on) == age


def test_date_reaching_age_leap_day():
    assert date_reaching_age(D(2008, 2, 29), 16) == D(2024, 2, 29)
    assert date_reaching_age(D(2008, 2, 29), 18) == D(2026, 3, 1)
    assert date_reaching_age(D(2010, 9, 1), 0) == D(2010, 9, 1)
    with pytest.raises(InvalidInputError, match="years"):
        date_reaching_age(D(9000, 1, 1), 1000)
    with pytest.raises(InvalidInputError, match="years"):
        date_reaching_age(D(2000, 1, 1), -1)


@given(born=dates_of_birth(), years=st.integers(min_value=0, max_value=100))
def test_age_goes_up_exactly_on_the_birthday(born, years):
    birthday = date_reaching_age(born, years)
    assert age_on(born, birthday) == years
    if birthday > born:
        assert age_on(born, birthday - dt.timedelta(days=1)) == years - 1


@given(born=dates_of_birth(), a=st.dates(), b=st.dates())
def test_age_is_monotone(born, a, b):
    a, b = sorted((max(a, born), max(b, born)))
    assert age_on(born, a) <= age_on(born, b)


def test_on_before_birth_does_not_leak_the_date_of_birth():
    with pytest.raises(InvalidInputError) as info:
        age_on(D(2010, 5, 17), on=D(2009, 1, 1))
    assert info.value.field == "on"
    assert "2010" not in str(info.value)
    assert "17" not in str(info.value)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((dt.datetime(2010, 1, 1), D(2020, 1, 1)), "date_of_birth"),
        ((D(2010, 1, 1), "2020-01-01"), "on"),
    ],
)
def test_age_on_bad_input(args, field):
    with pytest.raises(InvalidInputError) as info:
        age_on(*args)
    assert info.value.field == field


def test_child_repr_and_str_hide_personal_data():
    child = Child(identifier="Z9876543", date_of_birth=D(2012, 7, 23), disabled=True)
    for text in (repr(child), str(child), f"{child}"):
        assert "Z9876543" not in text
        assert "2012" not in text
        assert "<hidden>" in text
    assert child.personal_data() == {
        "identifier": "Z9876543",
        "date_of_birth": D(2012, 7, 23),
        "expected_date_of_birth": None,
    }


@given(children())
def test_generated_children_never_show_personal_data(child):
    def shown(value: object) -> str:
        return "None" if value is None else "<hidden>"

    expected = (
        f"Child(identifier=<hidden>, date_of_birth={shown(child.date_of_birth)}, "
        f"expected_date_of_birth={shown(child.expected_date_of_birth)}, "
        f"disabled={child.disabled!r})"
    )
    assert repr(child) == expected
    assert str(child) == expected


def test_child_ages_and_unborn():
    child = Child(identifier="A", date_of_birth=D(2010, 1, 1))
    assert child.is_born
    assert child.age_on(D(2026, 1, 1)) == 16
    unborn = Child(identifier="A", expected_date_of_birth=D(2027, 1, 1))
    assert not unborn.is_born
    assert unborn.age_on(D(2026, 1, 1)) is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"identifier": "A"}, "date_of_birth"),
        (
            {
                "identifier": "A",
                "date_of_birth": D(2010, 1, 1),
                "expected_date_of_birth": D(2010, 1, 1),
            },
            "date_of_birth",
        ),
        ({"identifier": "", "date_of_birth": D(2010, 1, 1)}, "identifier"),
        ({"identifier": "A", "date_of_birth": "2010-01-01"}, "date_of_birth"),
        ({"identifier": "A", "date_of_birth": D(2010, 1, 1), "disabled": "no"}, "disabled"),
    ],
)
def test_child_validation(kwargs, field):
    with pytest.raises(InvalidInputError) as info:
        Child(**kwargs)
    assert info.value.field == field
