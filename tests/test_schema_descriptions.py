"""The JSON Schema documents every field: each property of every model has a description."""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "event_record.schema.json"


def _properties(schema: dict):
    yield from schema.get("properties", {}).items()
    for definition in schema.get("$defs", {}).values():
        yield from definition.get("properties", {}).items()


def test_every_field_of_the_schema_has_a_description():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    fields = list(_properties(schema))
    assert len(fields) > 50
    undocumented = [name for name, prop in fields if not prop.get("description")]
    assert undocumented == []
