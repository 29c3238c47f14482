"""A wheel carries the ontology: kg/ontology links to ontology/ and package-data covers every file."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_ontology_file_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["kg"]
    files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "ontology").rglob("*") if p.is_file()}
    assert {"ontology/kg.ttl", "ontology/shapes.ttl"} <= files
    packaged = {p.relative_to(ROOT / "kg").as_posix() for pattern in patterns for p in (ROOT / "kg").glob(pattern)}
    missing = sorted(files - packaged)
    assert not missing, f"add these to [tool.setuptools.package-data] kg: {missing}"


def test_package_sees_the_same_ontology_as_the_checkout():
    inside = ROOT / "kg" / "ontology"
    assert inside.is_dir() and (inside / "kg.ttl").read_bytes() == (ROOT / "ontology" / "kg.ttl").read_bytes()
