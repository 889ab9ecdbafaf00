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
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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


def _internal_error(article: Article, err: Exception) -> Outcome:
    # One line, whatever the exception says (a pydantic ValidationError spans several), so that
    # stderr keeps one line per failed document.
    message = " | ".join(line.strip() for line in str(err).splitlines() if line.strip())
    return Outcome(article.path, error=f"internal error: {type(err).__name__}: {message}")


def _extract_batch(articles: list[Article], stages: tuple[str, ...], nlp, batch_size: int) -> dict[int, Outcome]:
    """Outcomes of a batch, keyed by `id(article)`. Each document's failure costs only that
    document its record, including a failure of the batched sentence segmentation (spaCy
    refuses a paragraph over `nlp.max_length` characters): the batch is then redone one article
    at a time, so only the offending article gets an error."""
    try:
        pairs = list(with_docs(articles, stages, nlp, batch_size))
    except Exception as err:
        if len(articles) == 1:
            return {id(articles[0]): _internal_error(articles[0], err)}
        outcomes: dict[int, Outcome] = {}
        for article in articles:
            outcomes.update(_extract_batch([article], stages, nlp, batch_size))
        return outcomes
    extracted = {}
    for article, docs in pairs:
        try:
            record = extract_article(article, docs, stages, nlp)
            extracted[id(article)] = Outcome(article.path, line=record.model_dump_json())
        except Exception as err:  # one document's failure must not cost the others their records
            extracted[id(article)] = _internal_error(article, err)
    return extracted


def iter_outcomes(paths: Iterable[str], stages: tuple[str, ...], batch_size: int = 64) -> Iterator[Outcome]:
    nlp = load_nlp() if "prose" in stages else None
    iterator = iter(paths)
    while chunk := list(islice(iterator, batch_size)):
        read = [_read(p) for p in chunk]
        articles = [a for a in read if isinstance(a, Article)]
        extracted = _extract_batch(articles, stages, nlp, batch_size)
        for item in read:
            yield item if isinstance(item, Outcome) else extracted[id(item)]


def _process_chunk(args: tuple[list[str], tuple[str, ...], int]) -> list[Outcome]:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    paths, stages, batch_size = args
    return process(paths, stages, batch_size)


ENGINES = ("processes", "dask")


def _extracts_here(engine: str, jobs: int, paths: list[str], batch_size: int) -> bool:
    """Whether `run_outcomes` extracts in this process rather than in workers."""
    return engine == "processes" and (jobs <= 1 or len(paths) <= batch_size)


def _on_main_thread() -> bool:
    # Signal handlers can only be set from the main thread.
    return threading.current_thread() is threading.main_thread()


@contextmanager
def _workers_ignoring_sigint(jobs: int):
    """A spawn pool whose workers ignore SIGINT from their first instruction: a Ctrl-C sent to the
    whole process group while a worker is still starting would otherwise print its traceback. An
    ignored signal stays ignored across exec, so the parent ignores it while the pool starts."""
    main_thread = _on_main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
    try:
        pool = get_context("spawn").Pool(jobs)
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)
    with pool:
        yield pool


def run_outcomes(
    paths: list[str],
    stages: tuple[str, ...],
    jobs: int,
    batch_size: int,
    engine: str = "processes",
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order: from this process, from `jobs` local worker processes, or from a
    dask cluster (`engine="dask"`; `scheduler` is its address, None for a local cluster of `jobs`
    workers). Every engine yields the same outcomes in the same order."""
    if engine == "dask":
        from .dask_engine import run_dask

        yield from run_dask(paths, stages, batch_size, scheduler, workers=max(jobs, 1))
        return
    if _extracts_here(engine, jobs, paths, batch_size):
        yield from iter_outcomes(paths, stages, batch_size)
        return
    chunks = [(paths[i:i + batch_size], stages, batch_size) for i in range(0, len(paths), batch_size)]
    with _workers_ignoring_sigint(jobs) as pool:
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


class _InterruptGate:
    """SIGINT and SIGTERM as KeyboardInterrupt, except inside `held()`, where one is kept and
    raised when the block ends. Blocking the signal itself is not enough: a process-directed
    signal is taken by whichever thread does not block it (numpy's BLAS threads), and Python runs
    the handler in the main thread all the same."""

    def __init__(self) -> None:
        self.holding = False
        self.pending: int | None = None

    def handle(self, signum, _frame) -> None:
        if self.holding:
            self.pending = signum
            return
        raise KeyboardInterrupt(f"signal {signum}")

    @contextmanager
    def held(self, then_raise: bool = True):
        """Keep interrupts out of the block; then raise one that came, unless the block finished
        the work (`then_raise=False`: an interrupt during the final rename comes too late)."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.pending is not None and then_raise:
            raise KeyboardInterrupt(f"signal {self.pending}")


def run(
    inputs: list[str],
    output: str,
    stages: Iterable[str] = STAGES,
    jobs: int = 1,
    batch_size: int = 64,
    progress: bool = False,
    report=print,
    engine: str = "processes",
    scheduler: str | None = None,
) -> tuple[int, int]:
    """Write records for every input document; returns (records written, documents failed)."""
    stages = check_stages(stages)
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        from .dask_engine import require_dask

        try:
            require_dask()
        except ImportError as err:
            raise UsageError(str(err)) from None
    target = Path(output)
    if not target.parent.exists():
        raise UsageError(f"cannot write {output}: folder {target.parent} does not exist")
    if target.is_dir():
        raise UsageError(f"cannot write {output}: it is a folder")
    paths = collect_inputs(inputs)
    if "prose" in stages and _extracts_here(engine, jobs, paths, batch_size):
        # Load the model (cached per process) before any temporary file exists: spaCy's loader
        # turns an interrupt during its import into "Can't find model", which must not happen
        # with a `.part` file open.
        load_nlp()
    # SIGINT and SIGTERM go through one gate *before* the temporary files exist, so that neither
    # can leave a `.part` file behind. run() called from another thread leaves signals alone.
    gate = _InterruptGate()
    handled = (signal.SIGINT, signal.SIGTERM) if _on_main_thread() else ()
    previous = {sig: signal.signal(sig, gate.handle) for sig in handled}
    records = errors = None
    written = failed = 0
    try:
        try:
            # Between creating a temporary file and holding it in a name, an interrupt would leak
            # the file: it is kept until both names hold their files.
            with gate.held():
                records = AtomicWriter(target)
                errors = AtomicWriter(errors_path(target))
        except OSError as err:
            raise UsageError(f"cannot write {output}: {err.strerror or err}") from None
        outcomes = run_outcomes(paths, stages, jobs, batch_size, engine, scheduler)
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
        with gate.held(then_raise=False):  # records and errors file are replaced together
            records.commit()
            if failed:
                errors.commit()
            else:
                errors.discard()
                errors.target.unlink(missing_ok=True)  # no stale errors from an earlier run
    except BaseException:
        for sig in previous:  # a second Ctrl-C must not interrupt the clean-up and leave a `.part` file
            signal.signal(sig, signal.SIG_IGN)
        for writer in (records, errors):
            if writer is not None:
                writer.discard()
        raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return written, failed
