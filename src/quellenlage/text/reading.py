"""Reading user text: files or standard input, strictly UTF-8, with clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

from quellenlage.errors import InputError

STDIN = "-"


def decode_utf8(data: bytes, name: str) -> str:
    """Decode `data` as UTF-8 (a byte-order mark is dropped) or say where it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: {decode_problem(data, error.start)}") from None


def decode_problem(data: bytes, start: int) -> str:
    """Why `data` is not UTF-8 from byte `start` on, and how to convert it."""
    encoding = "utf-16" if looks_like_utf16(data) else "latin1"
    return (f"not valid UTF-8 (byte {start}: {data[start:start + 1]!r}); convert it first, "
            f"e.g. with `iconv -f {encoding} -t utf-8`")


def looks_like_utf16(data: bytes) -> bool:
    """A UTF-16 byte-order mark, or a NUL in every other byte (text in a Latin script)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:1000]
    return len(sample) >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) > len(
        sample) // 4


def read_text(source: str) -> str:
    """The text of a file, or of standard input when `source` is "-"."""
    if source == STDIN:
        return decode_utf8(sys.stdin.buffer.read(), "standard input")
    path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file")
    if path.is_dir():
        raise InputError(f"{source}: is a directory; name the files in it, e.g. {source}/*.txt")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror})") from None
    return decode_utf8(data, source)
