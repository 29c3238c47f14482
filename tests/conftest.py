"""Shared test fixtures: where ../shared is, and skipping cleanly without it."""
from __future__ import annotations

from pathlib import Path

import pytest

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
