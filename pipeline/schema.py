"""JSON Schema files generated from the record models (the models are the single source)."""

from __future__ import annotations

import json
from pathlib import Path

from .records import SCHEMA_MODELS


def render_schemas() -> dict[str, str]:
    """File name -> file content, for every schema the project publishes."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for name, model in SCHEMA_MODELS.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in render_schemas().items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
