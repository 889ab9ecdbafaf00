"""Supervised worker processes: documents extracted in `jobs` processes that may die or overrun.

Reads: input paths (each worker reads its own documents). Writes: nothing; `supervise` yields
`(index, Outcome)` pairs in the order documents finish, so a slow document holds back nothing.

The standard pools cannot do what a crawl needs: `multiprocessing.Pool` waits forever for a
task whose worker was killed (the kernel's OOM killer, a SIGTERM), and `concurrent.futures`
fails every pending task at once without saying whose worker died. Here each worker has its own
pipe and holds one task at a time, so the parent always knows which documents a dead or overrun
worker held:
- a worker that dies (any signal, any exit) is replaced; its unfinished documents are retried
  once, one document per task, in a fresh worker, then reported as per-document errors;
- a worker that sends nothing for `max_seconds` is killed; a task of several documents is retried
  one document per task, a single document that overruns again is a per-document error;
- a worker exits when its parent dies (it watches its parent id), so a SIGKILL of the run leaves
  no process behind.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import wait

from .batch import Outcome, iter_outcomes
from .nlp import MODEL

_PARENT_POLL_SECONDS = 0.5
_STARTUP_FAILURES_ALLOWED = 3


class WorkerStartError(RuntimeError):
    """Worker processes exit before they are ready (the model cannot be loaded, say)."""


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(_PARENT_POLL_SECONDS)
        if os.getppid() != parent:  # re-parented: the run that started us is gone
            os._exit(1)


def _worker(conn, parent: int, stages: tuple[str, ...], batch_size: int, max_bytes: int, model: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if "prose" in stages:
        from .nlp import ModelError, load_nlp

        try:
            load_nlp(model)
        except ModelError as err:  # every worker would fail alike: the run stops with this line
            conn.send(("unusable", str(err)))
            return
    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        tid, items = task
        conn.send(("start", tid))
        indices = [index for index, _ in items]
        outcomes = iter_outcomes([path for _, path in items], stages, batch_size, max_bytes, model=model)
        for index, outcome in zip(indices, outcomes):
            conn.send(("done", tid, index, outcome))
        conn.send(("end", tid))


@dataclass
class _Task:
    tid: int
    items: list[tuple[int, str]]  # (input index, path), unfinished ones only
    attempts: int = 0


@dataclass
class _Slot:
    process: object
    conn: object
    ready: bool = False
    task: _Task | None = None
    since: float = field(default_factory=time.monotonic)
    dying: bool = False  # killed by us for overrunning; its late messages are ignored


def _signal_name(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


def supervise(
    paths: list[str],
    stages: tuple[str, ...],
    jobs: int,
    batch_size: int,
    max_bytes: int,
    max_seconds: float | None = None,
    on_ready: Callable[[], None] = lambda: None,
    model: str = MODEL,
) -> Iterator[tuple[int, Outcome]]:
    """`(index, Outcome)` for every path, in the order they finish, from `jobs` worker processes,
    each with the spaCy pipeline `model`. `on_ready` is called once, when the first worker has
    loaded it; WorkerStartError when workers cannot start (the model cannot be loaded)."""
    context = get_context("spawn")
    queue: deque[_Task] = deque(
        _Task(n, [(i, paths[i]) for i in range(start, min(start + batch_size, len(paths)))])
        for n, start in enumerate(range(0, len(paths), batch_size))
    )
    next_tid = len(queue)
    slots: list[_Slot] = []
    remaining = len(paths)
    startup_failures = 0
    announced = False

    def spawn() -> None:
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_worker, args=(theirs, os.getpid(), stages, batch_size, max_bytes, model), daemon=True
        )
        # An ignored signal stays ignored across exec: a Ctrl-C to the process group while the
        # worker is still starting must not print its traceback.
        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
        try:
            process.start()
        finally:
            if main_thread:
                signal.signal(signal.SIGINT, previous)
        theirs.close()
        slot = _Slot(process, ours)
        slots.append(slot)
        assign(slot)

    def assign(slot: _Slot) -> None:
        slot.task = queue.popleft() if queue else None
        slot.since = time.monotonic()
        if slot.task is not None:
            try:
                slot.conn.send((slot.task.tid, slot.task.items))
            except OSError:
                pass  # the worker just died: its sentinel reports it and the task is requeued

    def requeue(task: _Task, reason: str, single_retries: bool) -> Iterator[tuple[int, Outcome]]:
        """The unfinished documents of a lost task: retried one per task, or errors."""
        nonlocal next_tid
        if len(task.items) > 1 or (single_retries and task.attempts == 0):
            for item in reversed(task.items):  # retries first, in input order
                queue.appendleft(_Task(next_tid, [item], task.attempts + (len(task.items) == 1)))
                next_tid += 1
            return
        for index, path in task.items:
            yield index, Outcome(path, error=reason)

    try:
        for _ in range(min(jobs, len(queue))):
            spawn()
        while remaining:
            waiting = {slot.conn: slot for slot in slots} | {slot.process.sentinel: slot for slot in slots}
            timeout = None
            if max_seconds is not None:
                busy = [s.since + max_seconds for s in slots if s.ready and s.task is not None]
                timeout = max(0.0, min(busy) - time.monotonic()) if busy else None
            for ready in wait(list(waiting), timeout):
                slot = waiting[ready]
                if slot not in slots:
                    continue
                if ready is slot.conn:
                    if slot.dying:
                        continue
                    try:
                        message = slot.conn.recv()
                    except (EOFError, OSError):
                        continue  # the sentinel reports the death
                    kind = message[0]
                    slot.since = time.monotonic()
                    if kind == "ready":
                        slot.ready, startup_failures = True, 0
                        if not announced:
                            announced = True
                            on_ready()
                    elif kind == "unusable":
                        raise WorkerStartError(message[1])
                    elif kind == "done":
                        _, _, index, outcome = message
                        slot.task.items = [item for item in slot.task.items if item[0] != index]
                        remaining -= 1
                        yield index, outcome
                    elif kind == "end":
                        slot.task = None  # given the next task below
                    continue
                # The worker process is gone.
                slot.process.join()
                slots.remove(slot)
                slot.conn.close()
                if not slot.ready and slot.process.exitcode and slot.process.exitcode > 0:
                    startup_failures += 1
                    if startup_failures >= _STARTUP_FAILURES_ALLOWED:
                        raise WorkerStartError(f"worker processes exit before they are ready ({_signal_name(slot.process.exitcode)})")
                if slot.task is not None and slot.task.items:
                    reason = f"worker process died ({_signal_name(slot.process.exitcode)}) while extracting this document"
                    if slot.task.attempts:
                        reason += "; retried once in a fresh worker"
                    for pair in requeue(slot.task, reason, single_retries=True):
                        remaining -= 1
                        yield pair
            if max_seconds is not None:
                now = time.monotonic()
                for slot in [s for s in slots if s.ready and s.task is not None and now - s.since >= max_seconds]:
                    task = slot.task
                    slot.task, slot.dying = None, True  # the death that follows is ours, not a fault
                    slot.process.kill()
                    reason = f"time limit: no result after {max_seconds:g} s (--max-seconds)"
                    for pair in requeue(task, reason, single_retries=False):
                        remaining -= 1
                        yield pair
            # Keep `jobs` workers while there is work; a worker left without a task stays idle.
            for slot in slots:
                if slot.task is None and queue and slot.ready and not slot.dying:
                    assign(slot)
            while queue and len(slots) < jobs:
                spawn()
    finally:
        for slot in slots:
            if slot.process.is_alive():
                slot.process.kill()
        for slot in slots:
            slot.process.join()
            slot.conn.close()
