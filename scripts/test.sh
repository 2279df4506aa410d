#!/usr/bin/env bash
# Set up everything on a fresh machine (only Python 3.11+ needed) and run the checks.
#
#   bash scripts/test.sh          every check, as CI runs it: the documentation build
#                                 (strict: any warning fails it), ruff, mypy --strict, and
#                                 the whole pytest suite with doctests, in parallel over the
#                                 CPUs, under branch coverage (>= 95%), with the thorough
#                                 Hypothesis profile (300 examples per property).
#   bash scripts/test.sh --quick  the fast loop: ruff, mypy --strict and the suite in
#                                 parallel without coverage, with few Hypothesis examples.
#
# Exits non-zero if any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=false
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    -h | --help)
      sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "scripts/test.sh: unknown option '$arg' (try --quick or --help)" >&2
      exit 2
      ;;
  esac
done

stage() {
  STAGE_START=$(date +%s)
  echo "== $1"
}
stage_done() {
  echo "   ($(($(date +%s) - STAGE_START)) s)"
}

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
stage "install (virtual environment $VENV, extras dev and docs)"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[dev,docs]"
stage_done

if [ "$QUICK" = true ]; then
  export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-quick}"
else
  export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-thorough}"
  # The docs first: the quickest check to fail. No --quiet: strict mode counts the
  # warnings it logs, and --quiet would hide them from it.
  SITE_DIR="${SITE_DIR:-site}"
  stage "docs (mkdocs build --strict)"
  NO_MKDOCS_2_WARNING=1 "$VENV/bin/mkdocs" build --strict --site-dir "$SITE_DIR"
  # tests/test_docs_site.py reads the site just built instead of building its own.
  SAFEGUARDING_SITE_DIR="$(cd "$SITE_DIR" && pwd)"
  export SAFEGUARDING_SITE_DIR
  stage_done
fi

stage "ruff"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
stage_done
stage "mypy --strict"
"$VENV/bin/mypy" --strict
stage_done

# pytest exits 5 when it collects no test: with `set -e` that fails the run, as it should.
if [ "$QUICK" = true ]; then
  stage "pytest (doctests included), parallel, Hypothesis profile $HYPOTHESIS_PROFILE"
  "$VENV/bin/pytest" -n auto -q
  stage_done
else
  stage "pytest (doctests included), parallel, under branch coverage, Hypothesis profile $HYPOTHESIS_PROFILE"
  "$VENV/bin/pytest" -n auto -q --cov --cov-report=term-missing:skip-covered
  stage_done
fi
echo "== all checks passed"
