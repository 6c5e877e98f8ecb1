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
        raise InputError(
            f"{name}: not valid UTF-8 (byte {error.start}: {data[error.start:error.start + 1]!r}); "
            "convert it first, e.g. with `iconv -f latin1 -t utf-8`"
        ) from None


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
