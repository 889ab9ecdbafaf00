"""The `run` job: input paths -> JSON Lines records and per-document errors, written atomically.

Reads: files and folders named on the command line. Writes: OUTPUT (one record a line, input
order) and, when some documents fail, OUTPUT.errors.jsonl. Both are written, as records are
produced, to temporary files beside their targets (`output.py`) and renamed only once the run
has finished, so an interrupted or failed run leaves the previous output untouched and never a
half-written file. Every check on both paths is made before anything is created.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from .article import peek_title, shown_path
from .dask_engine import SchedulerUnreachable
from .batch import DEFAULT_MAX_BYTES, Outcome, iter_outcomes, process, record_line
from .extract import STAGES, check_stages
from .inputs import MissingInput, check_not_an_input, collect_inputs
from .nlp import MODEL, ModelError, check_model, load_nlp
from .output import AtomicWriter, OrderedWriter, OutputError, check_target, errors_path, remove_stale_parts
from .records import EventRecord, slugify

__all__ = ["ENGINES", "NoArticles", "Outcome", "UsageError", "errors_path", "process", "run", "run_outcomes"]

ENGINES = ("processes", "dask")


class UsageError(Exception):
    """A problem with the command line itself (missing input, an output that must not be written,
    a write that failed); nothing has been replaced."""


class NoArticles(Exception):
    """The inputs hold no document at all; nothing was written."""


def _extracts_here(engine: str, jobs: int, count: int, batch_size: int, max_seconds: float | None) -> bool:
    """Whether `run_outcomes` extracts in this process rather than in workers (a time limit needs
    a worker the run can stop)."""
    return engine == "processes" and max_seconds is None and (jobs <= 1 or count <= batch_size)


def _on_main_thread() -> bool:
    # Signal handlers can only be set from the main thread.
    return threading.current_thread() is threading.main_thread()


def run_outcomes(
    paths: list[str],
    stages: tuple[str, ...],
    jobs: int,
    batch_size: int,
    engine: str = "processes",
    scheduler: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_seconds: float | None = None,
    timeout: float = 30.0,
    on_ready: Callable[[], None] = lambda: None,
    model: str = MODEL,
) -> Iterator[tuple[int, Outcome]]:
    """`(index into paths, Outcome)` for every path: in order from this process or from a dask
    cluster, in the order they finish from local worker processes (`workers.supervise`); every
    process that extracts loads the spaCy pipeline `model`."""
    if engine == "dask":
        from .dask_engine import run_dask

        outcomes = run_dask(
            paths, stages, batch_size, scheduler, workers=max(jobs, 1), max_bytes=max_bytes, timeout=timeout, model=model,
        )
        yield from enumerate(outcomes)
        return
    if _extracts_here(engine, jobs, len(paths), batch_size, max_seconds):
        on_ready()
        yield from enumerate(iter_outcomes(paths, stages, batch_size, max_bytes, model=model))
        return
    from .workers import supervise

    yield from supervise(paths, stages, jobs, batch_size, max_bytes, max_seconds, on_ready, model)


def _quiet_interrupts(hook):
    """An unraisable-exception hook that stays silent about the gate's KeyboardInterrupt landing in a
    finalizer (the gate has remembered it); anything else goes to `hook`."""
    def quiet(unraisable) -> None:
        if not isinstance(unraisable.exc_value, KeyboardInterrupt):
            hook(unraisable)
    return quiet


class _InterruptGate:
    """SIGINT and SIGTERM as KeyboardInterrupt, except inside `held()`, where one is kept and
    raised when the block ends. Blocking the signal itself is not enough: a process-directed
    signal is taken by whichever thread does not block it (numpy's BLAS threads), and Python runs
    the handler in the main thread all the same."""

    def __init__(self) -> None:
        self.holding = False
        self.pending: int | None = None

    def handle(self, signum, _frame) -> None:
        # remembered even when raised: a KeyboardInterrupt raised while Python runs a finalizer
        # (`__del__`) is printed and swallowed, so `check()` raises it again at the next document
        self.pending = signum
        if not self.holding:
            raise KeyboardInterrupt(f"signal {signum}")

    def check(self) -> None:
        if self.pending is not None:
            raise KeyboardInterrupt(f"signal {self.pending}")

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


def _duplicate_ids(paths: list[str]) -> dict[str, list[str]]:
    """Record ids that two or more inputs would share (from their title lines), with the paths."""
    by_id: dict[str, list[str]] = {}
    for path in paths:
        title = peek_title(path)
        if title:
            by_id.setdefault(slugify(title), []).append(path)
    return {rid: found for rid, found in by_id.items() if len(found) > 1}


def _some(paths: list[str], shown: int = 3) -> str:
    return ", ".join(map(shown_path, paths[:shown])) + (f" and {len(paths) - shown} more" if len(paths) > shown else "")


def _with_duplicate_warning(line: str, count: int) -> str:
    record = EventRecord.model_validate_json(line)
    record.warnings.append(f"duplicate id: {count} inputs of this run have this title")
    return record_line(record)


def _checked_targets(output: str, inputs: list[str], items: list, force: bool):
    try:
        target = check_target(output, force)
        errors = check_target(str(errors_path(target)), force, role="errors file")
    except OutputError as err:
        raise UsageError(str(err)) from None
    for path in (target, errors):
        reason = check_not_an_input(path, inputs, items)
        if reason:
            raise UsageError(f"refusing to write {shown_path(path)}: {reason}")
    return target, errors


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
    *,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_seconds: float | None = None,
    timeout: float = 30.0,
    model: str = MODEL,
) -> tuple[int, int]:
    """Write records for every input document with the spaCy pipeline `model` (a package name or
    a pipeline folder); returns (records written, documents failed).

    Raises UsageError before anything is written for a command-line problem (a model that is
    not installed included), NoArticles when the
    inputs hold no document. Safe to call from several threads (signals are left alone off the
    main thread)."""
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
    try:
        items = collect_inputs(inputs)
    except MissingInput as err:
        raise UsageError(str(err)) from None
    target, errors_target = _checked_targets(output, inputs, items, force)
    if not items:
        raise NoArticles(f"no *.txt article in {', '.join(inputs)}: nothing written")
    paths = [item for item in items if isinstance(item, str)]
    duplicates = _duplicate_ids(paths)
    model = str(model)
    try:
        if "prose" in stages and _extracts_here(engine, jobs, len(paths), batch_size, max_seconds):
            # Load the model (cached per process) before any temporary file exists: spaCy's loader
            # turns an interrupt during its import into "Can't find model", which must not happen
            # with a `.part` file open.
            load_nlp(model)
        elif "prose" in stages and scheduler is None:  # workers on this machine: the same installation
            check_model(model)
    except ModelError as err:
        raise UsageError(str(err)) from None
    for stale in remove_stale_parts(target) + remove_stale_parts(errors_target):
        report(f"removed {stale}, left behind by an earlier run that was killed")
    # SIGINT and SIGTERM go through one gate *before* the temporary files exist, so that neither
    # can leave a `.part` file behind. run() called from another thread leaves signals alone.
    gate = _InterruptGate()
    handled = (signal.SIGINT, signal.SIGTERM) if _on_main_thread() else ()
    previous = {sig: signal.signal(sig, gate.handle) for sig in handled}
    unraisable = sys.unraisablehook
    if handled:
        sys.unraisablehook = _quiet_interrupts(unraisable)
    for handler in previous.values():  # an interrupt of start-up that Python swallowed in a finalizer
        if getattr(getattr(handler, "__self__", None), "pending", None) is not None:
            gate.pending = handler.__self__.pending
    records = errors = ordered_records = ordered_errors = bar = None
    written = failed = 0
    try:
        try:
            # Between creating a temporary file and holding it in a name, an interrupt would leak
            # the file: it is kept until both names hold their files.
            gate.check()
            with gate.held():
                records = AtomicWriter(target)
                errors = AtomicWriter(errors_target)
            ordered_records, ordered_errors = OrderedWriter(records), OrderedWriter(errors)
            say = report
            if progress:
                from tqdm import tqdm

                bar = tqdm(total=len(items), unit="doc", desc="starting" if not _extracts_here(engine, jobs, len(paths), batch_size, max_seconds) else "extracting", dynamic_ncols=True)

                def say(line: str) -> None:  # what `tqdm.write` does, to the caller's `report` (stderr)
                    with tqdm.external_write_mode(file=bar.fp):
                        report(line)
            positions = [i for i, item in enumerate(items) if isinstance(item, str)]
            for i, item in enumerate(items):
                if isinstance(item, Outcome):  # an input that is no document: an error in its place
                    failed += 1
                    say(f"{item.path}: {item.error}")
                    ordered_records.put(i, None)
                    ordered_errors.put(i, json.dumps({"path": item.path, "error": item.error}, ensure_ascii=False))
            for rid, found in duplicates.items():
                say(f"warning: {len(found)} inputs have the title of id {rid!r}: {_some(found)}")

            def ready() -> None:
                if bar is not None and bar.desc.startswith("starting"):
                    bar.reset()  # the rate and estimate count from here: worker start-up is not extraction
                    bar.set_description("extracting")

            for index, outcome in run_outcomes(
                paths, stages, jobs, batch_size, engine, scheduler,
                max_bytes=max_bytes, max_seconds=max_seconds, timeout=timeout, on_ready=ready, model=model,
            ):
                position = positions[index]
                if outcome.line is not None:
                    line = outcome.line
                    rid = json.loads(line)["id"] if duplicates else None
                    if rid in duplicates:
                        line = _with_duplicate_warning(line, len(duplicates[rid]))
                    ordered_records.put(position, line)
                    ordered_errors.put(position, None)
                    written += 1
                else:
                    failed += 1
                    say(f"{outcome.path}: {outcome.error}")
                    ordered_records.put(position, None)
                    ordered_errors.put(position, json.dumps({"path": outcome.path, "error": outcome.error}, ensure_ascii=False))
                if bar is not None:
                    if failed:
                        bar.set_postfix(failed=failed, refresh=False)  # shown with the update below
                    bar.update(1)
                gate.check()
            gate.check()
            if bar is not None:
                bar.update(len(items) - bar.n)  # documents that were errors from the start
                bar.close()
            with gate.held(then_raise=False):  # records and errors file are replaced together
                records.commit()
                if failed:
                    errors.commit()
                else:
                    errors.discard()
                    errors.target.unlink(missing_ok=True)  # no stale errors from an earlier run
        except OSError as err:  # a full disk, a vanished folder: nothing replaced, nothing left
            raise UsageError(f"cannot write {shown_path(output)}: {err.strerror or err}") from None
        except (SchedulerUnreachable, ModelError) as err:  # ModelError: from a worker of a remote cluster
            raise UsageError(str(err)) from None
    except BaseException:
        for sig in previous:  # a second Ctrl-C must not interrupt the clean-up and leave a `.part` file
            signal.signal(sig, signal.SIG_IGN)
        if bar is not None:
            bar.close()
        for writer in (records, errors):
            if writer is not None:
                writer.discard()
        raise
    finally:
        for ordered in (ordered_records, ordered_errors):
            if ordered is not None:
                ordered.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sys.unraisablehook = unraisable
    return written, failed
