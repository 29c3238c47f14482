"""Shared test fixtures: where ../shared is, and skipping cleanly without it; Hypothesis profiles."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# "ci" (the default): the same examples on every run, so a fresh clone's test run is reproducible;
# failures once found stay as explicit @example cases. "dev": random and longer, for hunting new ones
# (HYPOTHESIS_PROFILE=dev pytest ...).
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds" / "gold.json"
GNAD = SHARED / "corpus" / "10kgnad" / "articles.jsonl"
GERMEVAL = SHARED / "eval" / "germeval2014" / "NER-de-dev.tsv"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available (../shared absent)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return _need(GOLD)


@pytest.fixture(scope="session")
def gnad_path() -> Path:
    return _need(GNAD)


@pytest.fixture(scope="session")
def germeval_path() -> Path:
    return _need(GERMEVAL)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's) for the browser test modules; skips where it is missing."""
    import os

    from test_browser_view import ARGS, CHROMIUM

    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} not available")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
