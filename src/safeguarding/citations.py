"""Where a rule comes from, and how sure we are of it.

Every statutory number, list or criterion in the library carries a
[`Citation`][]: the instrument (an Act, regulations, statutory guidance),
the provision within it, a link to the text, and a [`Verification`][]
status that says how the rule was confirmed:

* ``PRIMARY``: read in the official text of the instrument;
* ``SECONDARY``: restated consistently by others (local procedures, the
  regulator, case law commentary) but not read in the official text;
* ``UNVERIFIED``: believed to be right but not confirmed in any source we
  could read. Such a rule is still encoded, so users see how solid it is.

Examples:
    >>> from safeguarding.citations import Citation, Verification
    >>> c = Citation(
    ...     instrument="Children Act 1989",
    ...     provision="s66(1)",
    ...     url="https://www.legislation.gov.uk/ukpga/1989/41/section/66",
    ...     status=Verification.PRIMARY,
    ... )
    >>> str(c)
    'Children Act 1989, s66(1) [primary]'
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

from safeguarding._validate import is_member, is_str, is_text
from safeguarding.errors import InvalidInputError

__all__ = ["Citation", "Instrument", "Verification"]

_URL = re.compile(r"https://[^\s/$.?#][^\s]*\.[^\s]+")


class Verification(enum.Enum):
    """How a rule was confirmed."""

    PRIMARY = "primary"
    """Read in the official text of the instrument."""
    SECONDARY = "secondary"
    """Restated by others (local procedures, regulators, commentaries); not read in the original."""
    UNVERIFIED = "unverified"
    """Not confirmed in any source read; encoded so users can see it is uncertain."""


def _is_https_url(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or _URL.fullmatch(value) is None:
        raise InvalidInputError(attribute.name, "must be an https:// URL or None")


@attrs.frozen(kw_only=True)
class Citation:
    """The legal or official source of a rule.

    Attributes:
        instrument: The Act, statutory instrument or guidance document,
            with its year (``"Working Together to Safeguard Children 2023"``).
        provision: Where in it (``"s66(1)(a)"``, ``"chapter 2, paragraph 151"``).
        url: An ``https://`` link to the text, or ``None`` when none is public.
        status: How the rule was confirmed ([`Verification`][]).
        note: Optional: what was confirmed, where, or what remains uncertain.
    """

    instrument: str = attrs.field(validator=is_text)
    provision: str = attrs.field(validator=is_text)
    url: str | None = attrs.field(validator=_is_https_url)
    status: Verification = attrs.field(validator=is_member(Verification))
    note: str = attrs.field(default="", validator=is_str)

    def __str__(self) -> str:
        """Render as ``"instrument, provision [status]"``."""
        return f"{self.instrument}, {self.provision} [{self.status.value}]"


@attrs.frozen(kw_only=True)
class Instrument:
    """An Act, statutory instrument or guidance document that rules cite.

    Modules cite provisions of the same instruments again and again;
    [`cite`][] builds each [`Citation`][] from one definition of the
    instrument, so its title and link are written once.

    Attributes:
        title: The instrument's title with its year.
        url: An ``https://`` link to the instrument as a whole, or ``None``.

    Examples:
        >>> act = Instrument(title="Children Act 1989",
        ...                  url="https://www.legislation.gov.uk/ukpga/1989/41")
        >>> str(act.cite("s66(1)", Verification.PRIMARY))
        'Children Act 1989, s66(1) [primary]'
    """

    title: str = attrs.field(validator=is_text)
    url: str | None = attrs.field(default=None, validator=_is_https_url)

    def cite(
        self,
        provision: str,
        status: Verification,
        *,
        url: str | None = None,
        note: str = "",
    ) -> Citation:
        """A citation of *provision* in this instrument.

        Args:
            provision: Where in the instrument (``"s66(1)(a)"``).
            status: How the rule was confirmed.
            url: A link to the provision itself; the instrument's link by default.
            note: What was confirmed, where, or what remains uncertain.
        """
        return Citation(
            instrument=self.title,
            provision=provision,
            url=self.url if url is None else url,
            status=status,
            note=note,
        )
