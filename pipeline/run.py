"""The `run` job: input paths -> JSON Lines records and per-document errors, written atomically.

Reads: files and folders named on the command line. Writes: OUTPUT (one record a line, input
order) and, when some documents fail, OUTPUT.errors.jsonl. Both are written to temporary files
beside their targets and renamed only once the run has finished, so an interrupted or failed run
leaves the previous output untouched and never a half-written file.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context
from pathlib import Path

from .article import Article, ArticleError, read_article
from .extract import STAGES, check_stages, extract_article, with_docs
from .nlp import load_nlp


class UsageError(Exception):
    """A problem with the command line itself (missing input, unwritable output)."""


@dataclass(frozen=True)
class Outcome:
    """What became of one input document: a record line, or the reason it has none."""

    path: str
    line: str | None = None
    error: str | None = None


def collect_inputs(inputs: Iterable[str]) -> list[str]:
    """Files as given, and the `*.txt` files below each folder in sorted order (links to folders
    are not followed, so a link loop cannot hang the run)."""
    paths: list[str] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                found += [os.path.join(root, f) for f in files if f.endswith(".txt")]
            paths += sorted(found)
        elif path.exists() or path.is_symlink():
            paths.append(given)
        else:
            raise UsageError(f"input not found: {given}")
    return paths


def _read(path: str) -> Article | Outcome:
    try:
        return read_article(path)
    except ArticleError as err:
        return Outcome(path, error=str(err))


def process(paths: list[str], stages: tuple[str, ...], batch_size: int = 64) -> list[Outcome]:
    """Outcomes for some paths, in order, in this process (the model is loaded once per process)."""
    return list(iter_outcomes(paths, stages, batch_size))


def iter_outcomes(paths: Iterable[str], stages: tuple[str, ...], batch_size: int = 64) -> Iterator[Outcome]:
    nlp = load_nlp() if "prose" in stages else None
    iterator = iter(paths)
    while chunk := list(islice(iterator, batch_size)):
        read = [_read(p) for p in chunk]
        articles = [a for a in read if isinstance(a, Article)]
        extracted = {}
        for article, docs in with_docs(articles, stages, nlp, batch_size):
            try:
                record = extract_article(article, docs, stages, nlp)
                extracted[id(article)] = Outcome(article.path, line=record.model_dump_json())
            except Exception as err:  # one document's failure must not cost the others their records
                extracted[id(article)] = Outcome(article.path, error=f"internal error: {type(err).__name__}: {err}")
        for item in read:
            yield item if isinstance(item, Outcome) else extracted[id(item)]


def _process_chunk(args: tuple[list[str], tuple[str, ...], int]) -> list[Outcome]:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    paths, stages, batch_size = args
    return process(paths, stages, batch_size)


def run_outcomes(paths: list[str], stages: tuple[str, ...], jobs: int, batch_size: int) -> Iterator[Outcome]:
    """Outcomes in input order, from one process or from `jobs` worker processes."""
    if jobs <= 1 or len(paths) <= batch_size:
        yield from iter_outcomes(paths, stages, batch_size)
        return
    chunks = [(paths[i:i + batch_size], stages, batch_size) for i in range(0, len(paths), batch_size)]
    with get_context("spawn").Pool(jobs) as pool:
        for outcomes in pool.imap(_process_chunk, chunks):
            yield from outcomes


class AtomicWriter:
    """A text file written under a temporary name and renamed into place by `commit`."""

    def __init__(self, target: Path):
        self.target = target
        handle, self.temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        self.file = os.fdopen(handle, "w", encoding="utf-8", newline="\n")

    def write_line(self, line: str) -> None:
        self.file.write(line + "\n")

    def commit(self) -> None:
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.temporary, self.target)

    def discard(self) -> None:
        if not self.file.closed:
            self.file.close()
        if os.path.exists(self.temporary):
            os.unlink(self.temporary)


def errors_path(output: Path) -> Path:
    return output.with_name(output.name.removesuffix(".jsonl") + ".errors.jsonl")


def _raise_interrupt(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def run(
    inputs: list[str],
    output: str,
    stages: Iterable[str] = STAGES,
    jobs: int = 1,
    batch_size: int = 64,
    progress: bool = False,
    report=print,
) -> tuple[int, int]:
    """Write records for every input document; returns (records written, documents failed)."""
    stages = check_stages(stages)
    target = Path(output)
    if not target.parent.exists():
        raise UsageError(f"cannot write {output}: folder {target.parent} does not exist")
    if target.is_dir():
        raise UsageError(f"cannot write {output}: it is a folder")
    paths = collect_inputs(inputs)
    try:
        records = AtomicWriter(target)
        errors = AtomicWriter(errors_path(target))
    except OSError as err:
        raise UsageError(f"cannot write {output}: {err.strerror or err}") from None
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    written = failed = 0
    try:
        outcomes = run_outcomes(paths, stages, jobs, batch_size)
        if progress:
            from tqdm import tqdm

            outcomes = tqdm(outcomes, total=len(paths), unit="doc", desc="extracting")
        for outcome in outcomes:
            if outcome.line is not None:
                records.write_line(outcome.line)
                written += 1
            else:
                failed += 1
                report(f"{outcome.path}: {outcome.error}")
                errors.write_line(json.dumps({"path": outcome.path, "error": outcome.error}, ensure_ascii=False))
        records.commit()
        if failed:
            errors.commit()
        else:
            errors.discard()
            errors.target.unlink(missing_ok=True)  # no stale errors from an earlier run
    except BaseException:
        records.discard()
        errors.discard()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    return written, failed
