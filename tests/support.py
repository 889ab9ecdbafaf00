"""Helpers several test files share: the command line in this process, the worker processes of a
run, and a screenshot of a page in headless Chromium."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from png import read_png

from pipeline.__main__ import main


def run_cli(*argv: str) -> tuple[int, str]:
    """`python -m pipeline ARGV` in this process: exit status and what it wrote on stderr."""
    err = io.StringIO()
    old, sys.stderr = sys.stderr, err
    try:
        code = main(list(argv))
    finally:
        sys.stderr = old
    return code, err.getvalue()


def spawned_workers(pid: int) -> list[int]:
    """Pids of the multiprocessing workers (not its resource tracker) whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid and b"spawn_main" in command and b"resource_tracker" not in command:
            found.append(int(entry.name))
    return found


def screenshot(browser: str, page: Path, shot: Path, profile: Path, width: int, height: int):
    """Render `page` in headless Chromium to `shot`; (width, height, rows) of the PNG."""
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--screenshot={shot}", f"--window-size={width},{height}",
        "--hide-scrollbars", page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    assert shot.is_file(), f"chromium wrote no screenshot (exit {result.returncode}): {result.stderr[-2000:]}"
    return read_png(shot.read_bytes())
