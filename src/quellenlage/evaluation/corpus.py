"""Reading plain news corpora: 10kGNAD-style CSV (`category;'text'`)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from quellenlage.errors import DataFormatError, InputError

GNAD_DELIMITER = ";"
GNAD_QUOTECHAR = "'"


def read_gnad_csv(path: Path | str) -> Iterator[tuple[str, str]]:
    """(category, text) for each article of a 10kGNAD-style file: two fields a row, separated by
    ";", the text quoted with "'" (a quote inside the text doubled). Blank lines are skipped."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    with handle:
        reader = csv.reader(handle, delimiter=GNAD_DELIMITER, quotechar=GNAD_QUOTECHAR)
        try:
            for row in reader:
                if not row:
                    continue
                if len(row) != 2:
                    raise DataFormatError(
                        f"{path}, line {reader.line_num}: expected category;'text', "
                        f"found {len(row)} fields"
                    )
                yield row[0].strip(), row[1]
        except UnicodeDecodeError:
            raise DataFormatError(f"{path}: not UTF-8 text") from None
        except csv.Error as error:
            raise DataFormatError(f"{path}, line {reader.line_num}: {error}") from None
