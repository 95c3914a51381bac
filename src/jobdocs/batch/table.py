"""Reading mail-merge data: CSV or XLSX, one header row of dotted spec paths.

Cells stay as text where the file gives text (a CSV has nothing else), so ``01024056789``
keeps its leading zero and the spec model decides what a value must be. XLSX numbers become
``int`` or ``Decimal`` (never ``float``, which would turn 3500.10 into 3500.0999…), and
dates without a time become ``datetime.date``.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jobdocs.errors import UsageError

MAX_DATA_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 2**20
"""The most an XLSX workbook may hold once unpacked (a ZIP bomb is refused before)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its 1-based number as a spreadsheet shows it, and its non-empty cells."""

    number: int
    cells: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Table:
    """The header and rows of a data file."""

    path: Path
    columns: list[str]
    rows: list[Row]


def read_table(path: Path) -> Table:
    """Read a ``.csv`` or ``.xlsx`` file; raises :class:`UsageError` for anything else."""
    if not path.is_file():
        raise UsageError(f"{path} does not exist or is not a file")
    if path.stat().st_size > MAX_DATA_BYTES:
        raise UsageError(f"{path} is larger than {MAX_DATA_BYTES // 2**20} MiB")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        columns, rows = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        columns, rows = _read_xlsx(path)
    else:
        raise UsageError(f"{path}: data must be a .csv or .xlsx file")
    _check_columns(path, columns)
    return Table(path, columns, list(rows))


def _check_columns(path: Path, columns: list[str]) -> None:
    if not columns:
        raise UsageError(f"{path} has no header row")
    seen: dict[str, int] = {}
    for index, name in enumerate(columns, start=1):
        if not name:
            raise UsageError(f"{path}: column {index} has an empty header",
                             hint="every column needs a dotted spec path such as employee.name.ka")
        if name in seen:
            raise UsageError(f"{path}: the column `{name}` appears twice "
                             f"(columns {seen[name]} and {index})")
        seen[name] = index


def _read_csv(path: Path) -> tuple[list[str], Iterator[Row]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not UTF-8 text", hint="save the CSV as UTF-8") from exc
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096],
                                                                       delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [cell.strip() for cell in next(reader, [])]
    except csv.Error as exc:
        raise UsageError(f"{path}: {exc}") from exc

    def rows() -> Iterator[Row]:
        try:
            for record in reader:
                if not any(cell.strip() for cell in record):
                    continue
                cells: dict[str, Any] = {header[i]: cell for i, cell in enumerate(record)
                                         if i < len(header) and cell.strip() != ""}
                if len(record) > len(header) and any(c.strip() for c in record[len(header):]):
                    cells["__extra__"] = record[len(header):]
                yield Row(reader.line_num, cells)
        except csv.Error as exc:
            raise UsageError(f"{path}: line {reader.line_num}: {exc}") from exc

    return header, rows()


def _read_xlsx(path: Path) -> tuple[list[str], Iterator[Row]]:
    import openpyxl

    _check_unpacked_size(path)
    try:  # openpyxl raises many kinds for a damaged file, while opening or reading rows
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            records = book.worksheets[0].iter_rows(values_only=True)
            header = [str(c).strip() if c is not None else "" for c in next(records, ())]
            while header and not header[-1]:
                header.pop()
            rows = [Row(number, cells) for number, record in enumerate(records, start=2)
                    if (cells := {header[i]: _xlsx_value(v) for i, v in enumerate(record)
                                  if i < len(header) and v is not None
                                  and str(v).strip() != ""})]
        finally:
            book.close()
    except Exception as exc:
        raise UsageError(f"{path} cannot be read as an XLSX workbook: {exc}") from exc
    return header, iter(rows)


def _check_unpacked_size(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UsageError(f"{path} cannot be read as an XLSX workbook: {exc}") from exc
    if total > MAX_UNPACKED_BYTES:
        raise UsageError(f"{path} unpacks to {total:,} bytes; the limit is "
                         f"{MAX_UNPACKED_BYTES:,}")


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else Decimal(repr(value))
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    return value
