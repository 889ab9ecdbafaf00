"""Where a run's output goes: checks on the output paths, temporary files, ordered writing.

Reads: the output and errors paths (what they are now: file, link, device, folder, JSON Lines?).
Writes: `.NAME.PID.RANDOM.part` files beside the targets, renamed over them by `commit`.

- `check_target` refuses, before anything is created, an output that is a folder, a device, a
  FIFO or a socket, one whose folder is missing, and (unless `force`) an existing file that is not
  JSON Lines. A symlink is written through: the file it points to is replaced, the link stays.
- Temporary files are created like any new file (mode 0666 less the umask; an existing target
  keeps its mode), carry the creating process id in their name, and a later run to the same output
  removes the ones whose process is gone (a run killed with SIGKILL cannot clean up after itself).
- `OrderedWriter` writes records in input order while they arrive in any order: a record that
  comes early waits in an unnamed spool file, not in memory.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import tempfile
from pathlib import Path


class OutputError(Exception):
    """An output path that cannot or must not be written; the message says why."""


def errors_path(output: Path) -> Path:
    return output.with_name(output.name.removesuffix(".jsonl") + ".errors.jsonl")


def _looks_like_json_lines(path: Path) -> bool:
    """Empty, or a first non-blank line (read at most 1 MB of it) that is a JSON object."""
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                try:
                    return isinstance(json.loads(line[:1_000_000]), dict)
                except ValueError:
                    return False
            if handle.tell() > 1_000_000:
                return False
    return True


def check_target(given: str, force: bool, role: str = "output") -> Path:
    """The real file to write for `given` (links followed); OutputError when it must not be."""
    path = Path(given)
    real = Path(os.path.realpath(path))
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise OutputError(f"cannot write {given}: {err.strerror}") from None
    if info is None:
        if not real.parent.is_dir():
            raise OutputError(f"cannot write {given}: folder {real.parent} does not exist")
        return real
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {given}: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
        raise OutputError(f"refusing to write {role} {given}: it is {kind}, not a regular file")
    if not force and info.st_size and not _looks_like_json_lines(real):
        raise OutputError(f"refusing to replace {given}: it is not JSON Lines (use --force to replace it)")
    return real


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the temporary files of earlier runs to `target` whose process is gone."""
    removed = []
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".part")):
            continue
        pid = name[len(prefix):-len(".part")].split(".")[0]
        if pid.isdigit() and not _pid_alive(int(pid)):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


class AtomicWriter:
    """A text file written under a temporary name and renamed into place by `commit`."""

    def __init__(self, target: Path):
        self.target = target
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            mode = None
        while True:
            self.temporary = str(target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
            try:
                handle = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                break
            except FileExistsError:
                continue
        if mode is not None:
            os.fchmod(handle, mode)
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
            try:
                self.file.close()
            except OSError:  # a full disk fails the final flush too
                pass
        if os.path.exists(self.temporary):
            os.unlink(self.temporary)


class OrderedWriter:
    """Lines given as (index, line) in any order, written to `writer` in index order. `None` for
    an index that has no line. Early lines wait in an unnamed temporary file beside the output."""

    def __init__(self, writer: AtomicWriter):
        self.writer = writer
        self.next = 0
        self.waiting: dict[int, tuple[int, int] | None] = {}
        self.spool = None

    def put(self, index: int, line: str | None) -> None:
        if index != self.next:
            if line is None:
                self.waiting[index] = None
                return
            if self.spool is None:
                self.spool = tempfile.TemporaryFile(dir=self.writer.target.parent)
            data = line.encode("utf-8")
            self.spool.seek(0, os.SEEK_END)
            self.waiting[index] = (self.spool.tell(), len(data))
            self.spool.write(data)
            return
        if line is not None:
            self.writer.write_line(line)
        self.next += 1
        while self.next in self.waiting:
            place = self.waiting.pop(self.next)
            if place is not None:
                self.spool.seek(place[0])
                self.writer.write_line(self.spool.read(place[1]).decode("utf-8"))
            self.next += 1

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()
