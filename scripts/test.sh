#!/usr/bin/env bash
# Set up everything on a fresh machine (only Python 3.11+ needed) and run every check:
# ruff, mypy --strict, the whole pytest suite with doctests under coverage (branch, >= 95%),
# and the documentation build. Exits non-zero if any of them fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[dev,docs]"

if [ "${CI:-}" = "true" ]; then
  export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-ci}"
fi

echo "== ruff"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
echo "== mypy --strict"
"$VENV/bin/mypy" --strict
echo "== pytest (doctests included) under branch coverage"
"$VENV/bin/coverage" erase
# pytest exits 5 when it collects no test: with `set -e` that fails the run, as it should.
"$VENV/bin/coverage" run -m pytest
"$VENV/bin/coverage" report
echo "== docs"
NO_MKDOCS_2_WARNING=1 "$VENV/bin/mkdocs" build --strict --quiet --site-dir "${SITE_DIR:-site}"
echo "== all checks passed"
