#!/usr/bin/env bash
# The README's test command: install kg with its test extras and browser, lint, then run the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
python3 -m ruff check kg scripts tests   # lint and complexity limit (pyproject.toml [tool.ruff])
python3 -m pytest "$@"
