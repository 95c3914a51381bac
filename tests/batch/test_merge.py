"""Merging rows into a spec and naming the cell that is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobdocs.batch.merge import merge_row, parse_column, set_path
from jobdocs.batch.table import read_table
from jobdocs.errors import UsageError
from jobdocs.resolve import Resolver

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONTRACT = EXAMPLES / "contracts" / "ec-2026-042.yaml"


def template_without_pay(tmp_path: Path) -> Path:
    """The example contract as a mail-merge template: the pay amount left out."""
    import shutil

    root = tmp_path / "specs"
    shutil.copytree(EXAMPLES, root)
    path = root / "contracts" / "template.yaml"
    text = CONTRACT.read_text(encoding="utf-8").replace("    amount: 3500\n", "")
    path.write_text(text, encoding="utf-8")
    return path


def test_parse_column() -> None:
    assert parse_column("employee.name.ka") == ("employee", "name", "ka")
    assert parse_column("clauses[1].text.en") == ("clauses", 1, "text", "en")
    for bad in ("", "a..b", "[1].x", "a.b c", "a.[1]"):
        with pytest.raises(UsageError):
            parse_column(bad)


def test_set_path_turns_a_plain_text_into_a_language_mapping() -> None:
    data = {"employee": {"name": "ნინო"}}
    set_path(data, ("employee", "name", "en"), "Nino", "ka")
    assert data == {"employee": {"name": {"ka": "ნინო", "en": "Nino"}}}


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_merge_and_bad_cells_are_named(tmp_path: Path) -> None:
    data = _csv(tmp_path, "employee.name.ka,employee.name.en,employee.id_number,"
                          "terms.pay.amount,terms.start_date,document.number\n"
                          "ნინო ბერიძე,Nino Beridze,01001001001,3500,2027-01-10,EC-1\n"
                          "გიორგი,Giorgi,01001001002,,2027-01-10,EC-2\n"
                          "ანა,Ana,01001001003,2000,2027-02-30,EC-3\n")
    table = read_table(data)
    template = Resolver().resolve(template_without_pay(tmp_path))
    good, problems = merge_row(template, table, table.rows[0])
    assert problems == [] and good is not None and good.model is not None
    assert good.model.employee.id_number == "01001001001"
    assert str(good.model.terms.pay.amount) == "3500"
    _, missing = merge_row(template, table, table.rows[1])
    assert [(p.row, p.column) for p in missing] == [(3, "terms.pay.amount")]
    assert "empty" in missing[0].message
    _, bad_date = merge_row(template, table, table.rows[2])
    assert [(p.row, p.column) for p in bad_date] == [(4, "terms.start_date")]
    assert str(bad_date[0]).startswith(f"{data}:row 4, column terms.start_date: ")


def test_unknown_column_path(tmp_path: Path) -> None:
    table = read_table(_csv(tmp_path, "employee.nmae\nX\n"))
    _, problems = merge_row(Resolver().resolve(CONTRACT), table, table.rows[0])
    assert [p.column for p in problems] == ["employee.nmae"]


def test_xlsx_numbers_and_dates(tmp_path: Path) -> None:
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["terms.pay.amount", "terms.start_date", "employee.id_number"])
    sheet.append([3500.1, datetime.datetime(2027, 1, 10), "01001001001"])
    path = tmp_path / "people.xlsx"
    book.save(path)
    (row,) = read_table(path).rows
    assert str(row.cells["terms.pay.amount"]) == "3500.1"
    assert row.cells["terms.start_date"] == datetime.date(2027, 1, 10)
    assert row.number == 2


def test_duplicate_and_empty_headers(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="appears twice"):
        read_table(_csv(tmp_path, "a,a\n1,2\n"))
    with pytest.raises(UsageError, match="empty header"):
        read_table(_csv(tmp_path, "a,,b\n1,2,3\n"))
    with pytest.raises(UsageError, match=r"\.csv or \.xlsx"):
        path = tmp_path / "x.txt"
        path.write_text("a\n")
        read_table(path)
