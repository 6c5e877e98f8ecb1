"""An export is written whole or not at all: an export stopped half-way leaves an earlier export
under the same name as it was, and no part file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from quellenlage.archive import Archive
from quellenlage.archive import export as exporting
from quellenlage.archive.export import StoredArticle
from tests.archive.corpus import fill


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs in the exporting code."""


def half_then_killed(stored: Iterator[StoredArticle], out: IO[str] | str) -> int:
    if isinstance(out, str):  # write_parquet takes a path
        Path(out).write_text(next(stored).article.text, encoding="utf-8")
    else:
        out.write(next(stored).article.text)
        out.flush()
    raise Killed


@pytest.mark.parametrize("export_format", ["jsonl", "csv", "parquet"])
def test_an_export_stopped_half_way_leaves_the_earlier_export_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export_format: str
) -> None:
    out = tmp_path / f"archiv.{export_format}"
    with Archive(f"sqlite:///{tmp_path / 'a.db'}") as archive:
        fill(archive, 6)
        assert archive.export(export_format, out) == 6
        earlier = out.read_bytes()
        out.chmod(0o640)
        monkeypatch.setattr(exporting, f"write_{export_format}", half_then_killed)
        with pytest.raises(Killed):
            archive.export(export_format, out)
    assert out.read_bytes() == earlier
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.db", out.name]


def test_a_new_export_replaces_the_earlier_one_and_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "archiv.jsonl"
    out.write_text("alt\n", encoding="utf-8")
    out.chmod(0o640)
    with Archive(f"sqlite:///{tmp_path / 'a.db'}") as archive:
        fill(archive, 3)
        assert archive.export("jsonl", out) == 3
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert out.stat().st_mode & 0o777 == 0o640
