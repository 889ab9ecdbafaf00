"""The documents a run reads: files as given and the `*.txt` files below folders.

Reads: the folders named on the command line (listing only). Writes: nothing. Returns, in input
order, each document path, or an `Outcome` error for what cannot be a document: a folder that
cannot be listed, a folder named `*.txt` (its own `*.txt` files are still read). Links to folders
are not followed, so a link loop cannot hang the run. `check_not_an_input` refuses an output that
would overwrite an input or become one on the next run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .article import shown_path
from .batch import Outcome


class MissingInput(Exception):
    """An input named on the command line does not exist."""


def _walk(folder: str) -> list[str | Outcome]:
    found: list[str | Outcome] = []

    def unlistable(err: OSError) -> None:
        found.append(Outcome(err.filename or folder, error=f"cannot list folder: {err.strerror or err}"))

    for root, dirs, files in os.walk(folder, onerror=unlistable, followlinks=False):
        dirs.sort()
        for name in dirs:
            if name.endswith(".txt") and not os.path.islink(os.path.join(root, name)):
                found.append(Outcome(os.path.join(root, name), error="a folder named *.txt, not an article (the *.txt files inside it are read)"))
        found += [os.path.join(root, f) for f in files if f.endswith(".txt")]
    return sorted(found, key=lambda item: item.path if isinstance(item, Outcome) else item)


def collect_inputs(inputs: Iterable[str]) -> list[str | Outcome]:
    """Files as given, and the `*.txt` files below each folder in sorted order."""
    items: list[str | Outcome] = []
    for given in inputs:
        if os.path.isdir(given):
            items += _walk(given)
        elif os.path.lexists(given):
            items.append(given)
        else:
            raise MissingInput(f"input not found: {shown_path(given)}")
    return items


def check_not_an_input(target: Path, inputs: Iterable[str], items: list[str | Outcome]) -> str | None:
    """Why `target` (a resolved output path) must not be written, or None."""
    real = os.path.realpath(target)
    for item in items:
        path = item.path if isinstance(item, Outcome) else item
        if os.path.realpath(path) == real:
            return f"it is one of the inputs ({shown_path(path)})"
    for given in inputs:
        folder = os.path.realpath(given)
        if os.path.isdir(given) and target.name.endswith(".txt") and real.startswith(folder.rstrip("/") + "/"):
            return f"it would be read as an article of the input folder {shown_path(given)}"
    return None
