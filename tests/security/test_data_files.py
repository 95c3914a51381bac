"""Mail-merge data is untrusted: a damaged workbook, a ZIP bomb or a special file is one
clear error, never a traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from jobdocs.batch import table
from jobdocs.batch.table import read_table
from jobdocs.errors import UsageError


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["document.number", "title"])
    sheet.append(["JD-1", "Clerk"])
    book.save(path)
    return path


def test_a_workbook_whose_sheet_is_cut_short(tmp_path: Path) -> None:
    good = _workbook(tmp_path / "good.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[: len(data) // 2] if "worksheets/" in name else data)
    with pytest.raises(UsageError, match="cannot be read as an XLSX workbook"):
        read_table(damaged)


def test_a_workbook_that_unpacks_to_too_much(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(UsageError, match="unpacks to"):
        read_table(_workbook(tmp_path / "big.xlsx"))


def test_a_fifo_is_not_data(tmp_path: Path) -> None:
    fifo = tmp_path / "rows.csv"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="is not a file"):
        read_table(fifo)
