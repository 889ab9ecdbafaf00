"""The `export` job: a JSON Lines file of event records -> one CSV table, written atomically.

Reads: RECORDS.jsonl (one record a line; blank lines skipped). Writes: OUT.csv (UTF-8, header row,
the columns of `pipeline.tables.COLUMNS[kind]` in that order, empty cell for a missing value,
`true`/`false` for booleans) to a temporary file beside it, renamed into place once complete, so a
failed export never leaves a half-written file. A line that is not a record is reported with its
line number and the other lines still export.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from .records import SCHEMA_VERSION, EventRecord
from .tables import COLUMNS, rows


class ExportError(Exception):
    """A problem with the command itself (unreadable input, output that would replace the input)."""


@dataclass(frozen=True)
class LineError:
    line: int
    error: str


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "record"
    more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"not a valid event record: {where}: {first['msg']}{more}"


def parse_records(lines: Iterable[str]) -> tuple[list[EventRecord], list[LineError]]:
    """Records of the lines that are records; the others as (line number, reason)."""
    records: list[EventRecord] = []
    errors: list[LineError] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            errors.append(LineError(number, f"not JSON: {err.msg} at column {err.colno}"))
            continue
        if not isinstance(data, dict):
            errors.append(LineError(number, f"not a record: a JSON {type(data).__name__}"))
            continue
        version = data.get("schema_version")
        if version is None:
            errors.append(LineError(number, "not an event record: it has no schema_version"))
            continue
        if version != SCHEMA_VERSION:
            errors.append(LineError(number, f"schema version {version!r}, not {SCHEMA_VERSION!r}"))
            continue
        try:
            records.append(EventRecord.model_validate(data))
        except ValidationError as err:
            errors.append(LineError(number, _first_error(err)))
    return records, errors


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: Path) -> Iterator[TextIO]:
    """A text file (UTF-8) that becomes `path` only when the block ends without error: written
    to a temporary file beside it, then renamed over it; removed on any error or interrupt."""
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            yield handle
        os.chmod(handle.name, 0o666 & ~_umask())   # as an ordinary new file, not the temp file's 0600
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def write_csv(path: Path, kind: str, table: list[dict]) -> None:
    """Write rows to `path` atomically, header first."""
    with atomic_open(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS[kind])
        for row in table:
            writer.writerow([_cell(row[column]) for column in COLUMNS[kind]])


def export(source: str | Path, target: str | Path, kind: str) -> tuple[int, list[LineError]]:
    """Export the records of `source` as table `kind` to `target`: (rows written, bad lines)."""
    source, target = Path(source), Path(target)
    if kind not in COLUMNS:
        raise ExportError(f"unknown format {kind!r}; choose from {', '.join(COLUMNS)}")
    if not source.is_file():
        raise ExportError(f"records file not found: {source}")
    if target.exists() and (target.is_dir() or os.path.samefile(source, target)):
        raise ExportError(f"refusing to write {target}: it is {'a folder' if target.is_dir() else 'the input file'}")
    if not target.parent.is_dir():
        raise ExportError(f"output folder does not exist: {target.parent}")
    try:
        with source.open(encoding="utf-8-sig") as handle:
            records, errors = parse_records(handle)
    except (OSError, UnicodeDecodeError) as err:
        raise ExportError(f"cannot read {source}: {err}") from None
    table = rows(kind, records)
    try:
        write_csv(target, kind, table)
    except OSError as err:
        raise ExportError(f"cannot write {target}: {err.strerror or err}") from None
    return len(table), errors
