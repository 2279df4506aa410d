"""The built documentation reads as a page, not as source.

Docstrings are written for mkdocstrings (Google-style sections, autorefs
cross-references, examples in ``Examples:`` sections). Three things show that a
docstring was written in another dialect and reach a reader as noise: a Sphinx role
printed as text (``:func:`` before a name), a doctest prompt outside a code block, and
the nested quotes Markdown makes of ``>>>`` lines. The site is the one
``scripts/test.sh`` builds first (its folder in ``SAFEGUARDING_SITE_DIR``); without it,
the test builds the site itself, strictly.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# A Sphinx/reST role left in the text: ":func:", ":class:", ":py:meth:" ...
_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|data|attr|mod|exc|const|obj|ref|term):")


class _PageChecker(HTMLParser):
    """Collects what a reader would see as docstring source on one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_code = 0
        self.quote_depth = 0
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag in {"pre", "code"}:
            self.in_code += 1
        elif tag == "blockquote":
            self.quote_depth += 1
            if self.quote_depth == 2:
                self.problems.append("quotes nested in quotes (doctest lines read as Markdown)")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"pre", "code"}:
            self.in_code = max(0, self.in_code - 1)
        elif tag == "blockquote":
            self.quote_depth = max(0, self.quote_depth - 1)

    def handle_data(self, data: str) -> None:
        if self.in_code:
            return
        text = " ".join(data.split())
        if ">>>" in text:
            self.problems.append(f"doctest prompt outside a code block: {text[:80]!r}")
        if match := _ROLE.search(text):
            self.problems.append(f"raw Sphinx role {match.group()!r}: {text[:80]!r}")


def page_problems(html: str) -> list[str]:
    """What reads as docstring source on a page, one line per finding."""
    checker = _PageChecker()
    checker.feed(html)
    checker.close()
    return checker.problems


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = os.environ.get("SAFEGUARDING_SITE_DIR")
    if built:
        return Path(built)
    config = pytest.importorskip("mkdocs.config")
    build = pytest.importorskip("mkdocs.commands.build")
    target = tmp_path_factory.mktemp("site")
    cfg = config.load_config(str(ROOT / "mkdocs.yml"), site_dir=str(target), strict=True)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build.build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return target


def test_the_checker_finds_each_kind_of_source_noise():
    # The form each problem took in the site before the docstrings were converted.
    assert page_problems("<p>See :func:<code>build_pack</code>.</p>")
    assert page_problems("<p>:class:`Child`</p>")
    assert page_problems("<p>&gt;&gt;&gt; add_working_days(day, 15)</p>")
    assert page_problems(
        "<blockquote><blockquote><blockquote><p>import datetime</p></blockquote>"
        "</blockquote></blockquote>"
    )
    # ... and none of the forms a converted page takes.
    assert not page_problems(
        '<pre><code>&gt;&gt;&gt; add_working_days(day, 15)\n"datetime.date(2025, 1, 14)"'
        "</code></pre><p>See <a href='#x'><code>build_pack</code></a>: a ratio 1:2.</p>"
        "<blockquote><p>A quotation.</p></blockquote>"
    )


def test_no_page_shows_docstring_source(site: Path):
    pages = sorted(site.rglob("*.html"))
    api_pages = [page for page in pages if page.parent.name == "api" or "api" in page.parts]
    # The site was built with every guide and every API page.
    assert (site / "index.html").is_file()
    assert len(api_pages) >= 20
    found = {
        str(page.relative_to(site)): problems
        for page in pages
        if (problems := page_problems(page.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_api_pages_render_examples_as_code(site: Path):
    page = (site / "api" / "calendar" / "index.html").read_text(encoding="utf-8")
    # The Examples sections (add_working_days' among them) are highlighted code blocks,
    # prompts included, and the cross-references are links.
    code_blocks = re.findall(r"<pre.*?</pre>", page, flags=re.DOTALL)
    assert any("add_working_days" in block and "&gt;&gt;&gt;" in block for block in code_blocks)
    assert re.search(r'<a [^>]*href="[^"]*#safeguarding\.errors\.CalendarCoverageError"', page)
