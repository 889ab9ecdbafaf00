"""Reading an article: bytes -> decoded text -> title, infobox lines and prose paragraphs.

Reads: the raw bytes of one article file (or text passed in memory).
Writes: an `Article` whose every part carries character offsets into `Article.text`, the
decoded text defined by the record specification (UTF-8, leading BOM dropped, CRLF and lone CR
turned into LF). Every later stage computes evidence offsets against that one string.

Files must begin with a `= Title =` line. Text passed in memory may be plain text with no title
line (`parse_text`): its title is then the one given, else the first line when it is short and
more text follows (a headline), else the first sentence; `TitleNote` says which was used.
Every test on a line is a plain string test or an anchored regex with no nested repetition, so
parsing is linear in the size of the text whatever runs of `=`, `-` or spaces it holds.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

_INFOBOX_ITEM = re.compile(r"^-\s?(?P<body>.*)$")


class ArticleError(ValueError):
    """An input that cannot be turned into an article; the message says why."""


@dataclass(frozen=True)
class InfoboxLine:
    """One `- Key: value` line. `start`/`end` delimit the value in the article text."""

    key: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A block of prose lines, with the heading of the section it stands in (None: the lead)."""

    text: str
    start: int
    section: str | None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    sha256: str
    path: str | None
    infobox: tuple[InfoboxLine, ...] | None
    paragraphs: tuple[Paragraph, ...]

    @property
    def lead(self) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.section is None), None)


def decode(data: bytes) -> str:
    """The article text as the spec defines it; raises ArticleError for bytes that are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(
            f"not UTF-8 text: byte 0x{data[err.start]:02x} at offset {err.start} cannot be decoded"
        ) from None
    if "\x00" in text:
        raise ArticleError("binary content: the text contains NUL characters")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _title(line: str) -> str | None:
    r"""The title of a stripped `= Title =` line, else None. Plain string tests rather than a regex:
    `^=\s*(.*?)\s*=$` backtracks quadratically over a long run of spaces."""
    if len(line) < 2 or line[0] != "=" or line[1] == "=" or line[-1] != "=":
        return None
    return line[1:-1].strip()


def _heading(line: str) -> str | None:
    r"""The name of a stripped `== Name ==` line, else None. Plain string tests rather than a regex:
    `^==+\s*(.*?)\s*==+$` backtracks cubically over a long run of `=` (a line of 5,000 `=`
    followed by a letter took minutes)."""
    if len(line) < 4 or not line.startswith("==") or not line.endswith("=="):
        return None
    return line.lstrip("=").rstrip("=").strip()


def _lines(text: str):
    """Each line with the offset of its first character (newlines excluded)."""
    offset = 0
    for line in text.split("\n"):
        yield line, offset
        offset += len(line) + 1


def _infobox_line(line: str, offset: int) -> InfoboxLine:
    body = _INFOBOX_ITEM.match(line)
    assert body is not None
    body_start = offset + body.start("body")
    raw = body.group("body")
    key, colon, value = raw.partition(":")
    if not colon:
        # A line with no `Key:` part: kept with an empty key so the infobox stage can warn.
        key, value_start = "", body_start
        value = raw
    else:
        value_start = body_start + len(key) + 1
    stripped = value.strip()
    if stripped:
        value_start += len(value) - len(value.lstrip())
    return InfoboxLine(key.strip(), stripped, value_start, value_start + len(stripped))


def check_text(text: object) -> str:
    """`text` if it is text an article can be read from; TypeError for what is not a str,
    ArticleError for NUL characters and lone surrogates (not Unicode text), each naming the
    position."""
    if not isinstance(text, str):
        hint = " (decode bytes first, or use extract_file for a file)" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"expected the article as str, got {type(text).__name__}{hint}")
    nul = text.find("\x00")
    if nul >= 0:
        raise ArticleError(f"binary content: the text contains a NUL character at position {nul}")
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise ArticleError(
            f"not Unicode text: lone surrogate U+{ord(surrogate.group()):04X} at position {surrogate.start()}"
        )
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")
TITLE_LIMIT = 200  # characters: a longer first line is prose, not a headline


def peek_title(path: str | Path, limit: int = 65_536) -> str | None:
    """The `= Title =` of a regular file from its first `limit` bytes, or None (never raises)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            head = handle.read(limit)
        text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    except OSError:
        return None
    for line in text.replace("\r", "\n").split("\n"):
        if line.strip():
            return _title(line.strip())
    return None


def _first_sentence(text: str) -> str:
    """The first sentence of plain text, at most TITLE_LIMIT characters (cut at a space)."""
    head = " ".join(text[: TITLE_LIMIT * 2].split())
    for end in range(min(len(head), TITLE_LIMIT)):
        if head[end] in ".!?" and (end + 1 == len(head) or head[end + 1] == " ") and end > 0:
            return head[: end + 1] if head[end] != "." else head[:end]
    if len(head) <= TITLE_LIMIT:
        return head
    cut = head.rfind(" ", 0, TITLE_LIMIT)
    return head[: cut if cut > 0 else TITLE_LIMIT]


@dataclass(frozen=True)
class TitleNote:
    """Where the title of a text with no `= Title =` line came from (a record warning)."""

    source: str  # "given", "first line", "first sentence"

    def warning(self) -> str:
        if self.source == "given":
            return "title given by the caller: the text has no `= Title =` line"
        return f"title taken from the {self.source}: the text has no `= Title =` line"


def parse_text(text: str, path: str | None = None, title: str | None = None) -> tuple[Article, TitleNote | None]:
    """An article from text with or without a `= Title =` line (see the module docstring)."""
    if not text.strip():
        raise ArticleError("empty: the document has no text")
    lines = list(_lines(text))
    index = 0
    while not lines[index][0].strip():
        index += 1
    if _title(lines[index][0].strip()):
        article = parse_article(text, path=path)
        return (article if title is None else _replace_title(article, title)), None
    if title is not None:
        return _parse_from(text, lines, index, title.strip() or "Untitled", path, None), TitleNote("given")
    first = lines[index][0].strip()
    rest = any(line.strip() for line, _ in lines[index + 1:])
    if len(first) <= TITLE_LIMIT and rest:
        return _parse_from(text, lines, index + 1, first, path, None), TitleNote("first line")
    return _parse_from(text, lines, index, _first_sentence(first), path, None), TitleNote("first sentence")


def _replace_title(article: Article, title: str) -> Article:
    from dataclasses import replace

    return replace(article, title=title.strip() or article.title)


def parse_article(text: str, path: str | None = None, sha256: str | None = None) -> Article:
    """Split decoded article text into title, infobox and paragraphs (a `= Title =` line first)."""
    if not text.strip():
        raise ArticleError("empty: the document has no text")
    lines = list(_lines(text))
    index = 0
    while index < len(lines) and not lines[index][0].strip():
        index += 1
    title = _title(lines[index][0].strip())
    if not title:
        raise ArticleError("no title: the first line is not of the form `= Title =`")
    return _parse_from(text, lines, index + 1, title, path, sha256)


def _parse_from(text: str, lines: list, index: int, title: str, path: str | None, sha256: str | None) -> Article:
    """The infobox and paragraphs from line `index` on."""
    while index < len(lines) and not lines[index][0].strip():
        index += 1
    infobox: list[InfoboxLine] | None = None
    if index < len(lines) and lines[index][0].strip().lower() == "infobox":
        infobox = []
        index += 1
        while index < len(lines) and _INFOBOX_ITEM.match(lines[index][0]):
            infobox.append(_infobox_line(*lines[index]))
            index += 1

    paragraphs: list[Paragraph] = []
    section: str | None = None
    block: list[tuple[str, int]] = []

    def flush() -> None:
        if block:
            start = block[0][1]
            end = block[-1][1] + len(block[-1][0])
            paragraphs.append(Paragraph(text[start:end], start, section))
            block.clear()

    for line, offset in lines[index:]:
        heading = _heading(line.strip())
        if heading is not None:
            flush()
            section = heading
        elif line.strip():
            block.append((line, offset))
        else:
            flush()
    flush()

    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(
        text=text,
        title=title,
        sha256=sha256,
        path=path,
        infobox=tuple(infobox) if infobox is not None else None,
        paragraphs=tuple(paragraphs),
    )


def article_from_bytes(data: bytes, path: str | None = None) -> Article:
    return parse_article(decode(data), path=path, sha256=hashlib.sha256(data).hexdigest())


def shown_path(path: str | os.PathLike) -> str:
    r"""`path` as records and messages give it: a file name that is not valid UTF-8 (which Python
    reads with surrogate escapes, `caf\udce9.txt`) with each byte that is not UTF-8 as `\xNN`
    (`caf\xe9.txt`), so that it can be written as UTF-8 and read by a person; else `path` itself."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "backslashreplace")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that no file name decoding makes
            return text.encode("utf-8", "backslashreplace").decode("utf-8")


def read_article(path: str | Path) -> Article:
    """Read one article file; raises ArticleError (unreadable, not text, no title). The article's
    `path` is the one given, as `shown_path` writes it."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            # A FIFO or device named `x.txt` would block the whole run on read.
            raise ArticleError("cannot read: not a regular file")
        data = Path(path).read_bytes()
    except OSError as err:
        raise ArticleError(f"cannot read: {err.strerror or err}") from None
    return article_from_bytes(data, path=shown_path(path))
