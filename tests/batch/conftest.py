"""Mail-merge set-ups: the example specs copied into a spec root, templates with fields left
out, and a CSV writer."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ROLE_COLUMNS = ["document.number", "document.effective_date", "title.ka", "title.en"]


@pytest.fixture
def merge_root(tmp_path: Path) -> Path:
    """A spec root with ``roles/template.yaml``: the account manager without its number."""
    root = tmp_path / "specs"
    shutil.copytree(EXAMPLES, root)
    source = (root / "roles" / "account-manager.yaml").read_text(encoding="utf-8")
    template = source.replace("number: JD-014, ", "")
    assert template != source
    (root / "roles" / "template.yaml").write_text(template, encoding="utf-8")
    return root


def role_row(i: int) -> list[str]:
    return [f"JD-2027/{i:03d}", "2027-01-10", f"მენეჯერი {i}", f"Manager {i}"]


@pytest.fixture
def write_csv(tmp_path: Path):
    def write(rows: list[list[str]], columns: list[str] = ROLE_COLUMNS,
              name: str = "rows.csv") -> Path:
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(rows)
        return path
    return write


CONTRACT_COLUMNS = ["document.number", "employee.name.ka", "employee.name.en",
                    "employee.id_number", "terms.pay.amount", "terms.start_date"]


@pytest.fixture
def contract_template(merge_root: Path) -> Path:
    """The bilingual example contract with the pay amount left out."""
    source = (merge_root / "contracts" / "ec-2026-042.yaml").read_text(encoding="utf-8")
    template = source.replace("    amount: 3500\n", "")
    assert template != source
    path = merge_root / "contracts" / "template.yaml"
    path.write_text(template, encoding="utf-8")
    return path


def contract_row(i: int) -> list[str]:
    return [f"EC-2027/{i:04d}", f"თანამშრომელი {i}", f"Employee {i}", f"{i:011d}",
            str(2000 + i), "2027-01-10"]
