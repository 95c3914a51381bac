"""The issue's scenario: 200 contracts from a CSV, three of them bad."""

from __future__ import annotations

from pathlib import Path

from jobdocs.cli import main

from .conftest import CONTRACT_COLUMNS, contract_row


def test_two_hundred_rows_three_bad(capsys, contract_template: Path, write_csv,
                                    tmp_path: Path) -> None:
    rows = [contract_row(i) for i in range(1, 201)]
    rows[49][4] = ""                      # row 51: no pay
    rows[99][5] = "2027-13-01"            # row 101: a date that does not exist
    rows[149][0] = rows[9][0]             # row 151: repeats row 11's document number
    data = write_csv(rows, CONTRACT_COLUMNS)
    out = tmp_path / "out"
    code = main(["batch", str(contract_template), str(data), "-o", str(out), "-f", "html",
                 "-j", "2"])
    err = capsys.readouterr().err
    assert code == 1
    problems = [line for line in err.splitlines() if line.startswith(f"{data}:row ")]
    assert problems == [
        f"{data}:row 51, column terms.pay.amount: the cell is empty, but `terms.pay.amount` "
        "is required",
        f"{data}:row 101, column terms.start_date: `start_date` must be a date written as "
        "YYYY-MM-DD, not `2027-13-01`",
        f"{data}:row 151, column document.number: the document number EC-2027/0010 repeats "
        "row 11",
    ]
    files = sorted(p.name for p in out.glob("*.html"))
    assert len(files) == 197
    assert files[0] == "EC-2027_0001.ka-en.html"
    text = (out / "EC-2027_0002.ka-en.html").read_text(encoding="utf-8")
    assert "Employee 2" in text and "თანამშრომელი 2" in text
    assert "2,002 (two thousand and two lari)" in text
    assert "ორი ათას ორი" in text
