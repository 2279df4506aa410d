from typing import Any

import pytest

from safeguarding.citations import Citation, Verification
from safeguarding.errors import InvalidInputError

GOOD: dict[str, Any] = {
    "instrument": "Children Act 1989",
    "provision": "s66(1)",
    "url": "https://www.legislation.gov.uk/ukpga/1989/41/section/66",
    "status": Verification.PRIMARY,
}


def test_valid_citation_and_str():
    citation = Citation(**GOOD)
    assert str(citation) == "Children Act 1989, s66(1) [primary]"
    assert citation.note == ""
    assert Citation(**{**GOOD, "url": None}).url is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"instrument": ""}, "instrument"),
        ({"instrument": "   "}, "instrument"),
        ({"provision": ""}, "provision"),
        ({"provision": 3}, "provision"),
        ({"url": "http://www.legislation.gov.uk/x"}, "url"),
        ({"url": "www.legislation.gov.uk"}, "url"),
        ({"url": "https://"}, "url"),
        ({"url": "https://has space.gov.uk/x"}, "url"),
        ({"url": 5}, "url"),
        ({"status": "primary"}, "status"),
        ({"note": None}, "note"),
    ],
)
def test_invalid_citation_names_the_field(change, field):
    with pytest.raises(InvalidInputError) as info:
        Citation(**{**GOOD, **change})
    assert info.value.field == field


def test_verification_values_are_stable():
    assert [v.value for v in Verification] == ["primary", "secondary", "unverified"]
