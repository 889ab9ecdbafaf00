"""The `run` job on a dask cluster: partitions of paths mapped over dask.distributed workers.

Reads: the input paths (on the workers: every worker must see the same files at the same
absolute paths; `run` makes relative paths absolute before they are shipped).
Writes: nothing; yields `pipeline.run.Outcome`s in input order, so the output is byte-identical to
the single-process run. Each partition (`batch_size` paths) is one task running
`pipeline.run.process`; the spaCy model is loaded once per worker *process* (the `load_nlp()`
cache is per process) and reused by every task that worker runs. Only a bounded window of
partitions is in flight at once, so finished results never pile up on the workers or here.

A worker process that dies (the kernel's OOM killer, a SIGKILL) costs only time: dask runs its
tasks again on other workers (the local cluster's nannies start a fresh worker; a task whose
worker dies twice is given up, `allowed_failures`), a partition given up is run again one
document per task, and a document whose task is given up again is a per-document error naming
the lost workers. The run always completes.

dask is an optional dependency: the `[dask]` extra of this project, or `dask[distributed]`.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterator

from .batch import DEFAULT_MAX_BYTES, Outcome, process
from .nlp import MODEL

INSTALL_HINT = (
    "the dask engine needs dask.distributed: pip install 'dask[distributed]==2026.8.0' "
    "(or, in a clone of this project, pip install '.[dask]')"
)


class SchedulerUnreachable(Exception):
    """The scheduler given by address did not answer within the timeout."""

# A worker started with several threads shares one model between them, and `nlp.select_pipes`
# (used by the prose stage) changes the shared pipeline while it runs: one partition at a time
# per process keeps that safe. The local cluster below has one thread per worker anyway.
_PROCESS_LOCK = threading.Lock()


def require_dask():
    """The `distributed` module; ImportError naming the install command when dask is missing."""
    try:
        import distributed
    except ImportError as err:  # dask itself, or its distributed scheduler, is missing
        raise ImportError(f"{INSTALL_HINT} ({err})") from None
    return distributed


def _process_partition(
    pairs: list[tuple[str, str]], stages: tuple[str, ...], batch_size: int, max_bytes: int, model: str
) -> list[Outcome]:
    """One task: the outcomes of one partition of (path to open, path to record), computed in the
    worker process with the spaCy pipeline `model` (ModelError, raised here, where it is missing)."""
    with _PROCESS_LOCK:
        return process([p for p, _ in pairs], stages, batch_size, max_bytes, [n for _, n in pairs], model)


ALLOWED_FAILURES = 1  # the local cluster's scheduler gives a task up when a second worker dies running it


def _lost(pair: tuple[str, str], err: Exception) -> Outcome:
    last = getattr(getattr(err, "last_worker", None), "address", "unknown")
    tries = getattr(err, "allowed_failures", ALLOWED_FAILURES) + 1
    return Outcome(
        pair[1], error=f"worker process died while extracting this document: each of the {tries} dask workers "
                       f"that ran it died (the last: {last}); the other documents of its partition were run again",
    )


def _results(distributed, future, partition, submit) -> Iterator[Outcome]:
    """The outcomes of one partition's task; when dask gave it up (its workers died), the
    partition once more one document per task, and a document given up again as an error."""
    try:
        yield from future.result()
        return
    except distributed.KilledWorker as err:
        if len(partition) == 1:
            yield _lost(partition[0], err)
            return
    for pair in partition:
        single = submit([pair])
        try:
            yield from single.result()
        except distributed.KilledWorker as err:
            yield _lost(pair, err)
        finally:
            single.release()


def run_dask(
    paths: list[str],
    stages: tuple[str, ...],
    batch_size: int,
    scheduler: str | None,
    *,
    workers: int = 2,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 30.0,
    model: str = MODEL,
) -> Iterator[Outcome]:
    """Outcomes in input order, computed on a dask cluster whose workers load the spaCy pipeline
    `model` (installed on every worker; where it is not, the task raises ModelError here).

    `scheduler=None` starts a local cluster of `workers` single-threaded worker processes for this
    run and closes it at the end; an address (`tcp://host:8786`) connects to a running scheduler
    (start its workers with `--nthreads 1`: a worker process holds one model and runs one
    partition at a time). Raises ImportError with the install command, at the call, when dask is
    missing, and SchedulerUnreachable when `scheduler` does not answer within `timeout` seconds.
    """
    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be at least 1")
    distributed = require_dask()
    # Workers of a cluster have their own working folder: they open absolute paths, and the
    # records keep the paths as given.
    pairs = [(os.path.abspath(p), p) for p in paths]
    partitions = [pairs[i:i + batch_size] for i in range(0, len(pairs), batch_size)]
    return _outcomes(distributed, partitions, tuple(stages), batch_size, scheduler, workers, max_bytes, timeout, model)


def _outcomes(distributed, partitions, stages, batch_size, scheduler, workers, max_bytes, timeout, model) -> Iterator[Outcome]:
    if not partitions:
        return
    cluster = client = None
    pending: deque = deque()
    try:
        if scheduler is None:
            cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                scheduler_kwargs={"allowed_failures": ALLOWED_FAILURES},
            )
            client = distributed.Client(cluster)
        else:
            try:
                client = distributed.Client(scheduler, timeout=timeout)
            except (OSError, TimeoutError) as err:
                raise SchedulerUnreachable(
                    f"cannot reach the dask scheduler at {scheduler} within {timeout:g} s (--timeout): {type(err).__name__}"
                ) from None
        # Enough partitions in flight to keep every worker thread busy, few enough that finished
        # results waiting behind an earlier, slower partition cannot pile up without bound.
        window = 2 * max(sum(client.nthreads().values()), workers)
        queue = iter(partitions)

        def submit(partition):
            return client.submit(_process_partition, partition, stages, batch_size, max_bytes, model, pure=False)

        def submit_next() -> None:
            partition = next(queue, None)
            if partition is not None:
                pending.append((submit(partition), partition))

        for _ in range(window):
            submit_next()
        while pending:
            future, partition = pending.popleft()
            outcomes = list(_results(distributed, future, partition, submit))
            future.release()
            submit_next()
            yield from outcomes
    finally:
        for future, _ in pending:
            future.cancel()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
