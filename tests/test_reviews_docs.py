"""The examples on the case-reviews docs page run and give the answers shown."""

import doctest
from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "docs" / "case-reviews.md"


def test_case_reviews_page_examples_run():
    result = doctest.testfile(
        str(PAGE),
        module_relative=False,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
    )
    assert result.attempted > 0
    assert result.failed == 0
