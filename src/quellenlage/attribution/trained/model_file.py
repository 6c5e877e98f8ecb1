"""Read the attribute dictionary of a crfsuite model file (CRF1d model, "lCRF"/"FOMC").

The tagger ignores every attribute its model does not know, so features the shipped models never
learned (a rare word's "w=...", its neighbours' "-1w=...") can be left out of the items before
tagging, with the same labels and marginals as a result. pycrfsuite can list a model's
attributes only by dumping the whole model as text (a third of a second per model); the
dictionary is a constant database (CQDB) inside the file, read here in a few milliseconds.

Layout, all integers little-endian uint32:
  file header   "lCRF", size, "FOMC", version, features, labels, attributes,
                offsets of features, label CQDB, attribute CQDB, label refs, attribute refs
  CQDB chunk    "CQDB", size, flag, byte order, backward size, backward offset,
                256 hash tables; the backward array holds one record offset per id
  record        id, key size (with the final NUL), key
"""

from __future__ import annotations

import struct
from pathlib import Path

from quellenlage.errors import DataFormatError

_FILE_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_RECORD_HEAD = struct.Struct("<II")


def attribute_names(path: Path) -> frozenset[str]:
    """Every attribute the model in `path` has weights for."""
    data = path.read_bytes()
    try:
        magic, _, kind, _, _, _, count, _, _, attributes_at, *_ = _FILE_HEADER.unpack_from(data)
        if magic != b"lCRF" or kind != b"FOMC":
            raise DataFormatError(f"{path}: not a crfsuite CRF1d model")
        chunk, _, _, _, backward_size, backward_at = _CQDB_HEADER.unpack_from(data, attributes_at)
        if chunk != b"CQDB" or backward_size != count:
            raise DataFormatError(f"{path}: damaged attribute dictionary")
        offsets = struct.unpack_from(f"<{count}I", data, attributes_at + backward_at)
        names = []
        for offset in offsets:
            start = attributes_at + offset
            _, size = _RECORD_HEAD.unpack_from(data, start)
            start += _RECORD_HEAD.size
            names.append(data[start : start + size - 1].decode("utf-8"))
    except (struct.error, UnicodeDecodeError) as error:
        raise DataFormatError(f"{path}: damaged attribute dictionary ({error})") from None
    return frozenset(names)
