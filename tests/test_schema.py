"""Schema drift: the committed schemas/*.json are exactly what the record models generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.records import SCHEMA_MODELS
from pipeline.schema import render_schemas, write_schemas

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
FIX = "the record models and schemas/ differ; regenerate with `python -m pipeline schema schemas/`"
RENDERED = render_schemas()


def test_there_is_a_schema_per_model():
    assert set(RENDERED) == {f"{name}.schema.json" for name in SCHEMA_MODELS}
    assert "event_record.schema.json" in RENDERED


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_committed_schema_matches_the_models(name):
    path = SCHEMAS / name
    assert path.is_file(), f"schemas/{name} is missing: {FIX}"
    committed = path.read_bytes().decode("utf-8")
    assert committed == RENDERED[name], f"schemas/{name} is out of date: {FIX}"


def test_every_committed_schema_is_still_generated():
    committed = sorted(p.name for p in SCHEMAS.glob("*.json"))
    stale = [name for name in committed if name not in RENDERED]
    assert not stale, f"schemas/ holds files no model generates ({', '.join(stale)}): {FIX} and delete them"


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_rendered_schema_is_the_model_json_schema(name):
    model = SCHEMA_MODELS[name.removesuffix(".schema.json")]
    assert json.loads(RENDERED[name]) == model.model_json_schema()
    assert RENDERED[name].endswith("\n")


def test_rendering_is_deterministic():
    assert render_schemas() == RENDERED


def test_event_record_schema_has_the_spec_fields():
    schema = json.loads(RENDERED["event_record.schema.json"])
    assert set(schema["properties"]) == {
        "schema_version", "id", "title", "source", "event_type", "date", "location", "part_of",
        "result", "sides", "strength", "casualties", "summary", "warnings",
    }
    assert schema["additionalProperties"] is False


def test_write_schemas_writes_the_rendered_files(tmp_path):
    written = write_schemas(tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(RENDERED)
    for path in written:
        assert path.read_bytes().decode("utf-8") == RENDERED[path.name]
