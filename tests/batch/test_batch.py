"""`jobdocs batch` end to end: bad rows reported and skipped, names safe, reruns resume."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest

from jobdocs.batch.mailmerge import BatchOptions, plan_batch, run_batch
from jobdocs.cli import main

from .conftest import role_row


def test_good_and_bad_rows(capsys, merge_root: Path, write_csv, tmp_path: Path) -> None:
    rows = [role_row(1), role_row(2), role_row(3), role_row(4)]
    rows[1][0] = ""                       # missing document number
    rows[2][1] = "2027-02-30"             # impossible date
    rows[3][0] = rows[0][0]               # repeats row 2's number
    data = write_csv(rows)
    out = tmp_path / "out"
    code = main(["batch", str(merge_root / "roles" / "template.yaml"), str(data),
                 "-o", str(out), "-f", "html", "-j", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{data}:row 3, column document.number: the cell is empty" in err
    assert f"{data}:row 4, column document.effective_date: " in err
    assert f"{data}:row 5, column document.number: the document number JD-2027/001 " \
           "repeats row 2" in err
    assert sorted(p.name for p in out.iterdir()) == ["JD-2027_001.ka.html",
                                                     "jobdocs-manifest.json"]
    assert "Traceback" not in err


def test_rerun_skips_unchanged_rows_and_redoes_damaged_ones(merge_root: Path, write_csv,
                                                            tmp_path: Path) -> None:
    data = write_csv([role_row(i) for i in range(1, 4)])
    out = tmp_path / "out"
    spec = merge_root / "roles" / "template.yaml"
    options = BatchOptions(formats=("html",), jobs=1)
    first = run_batch(plan_batch(spec, data, out, options), out, options)
    assert (first.rendered, first.unchanged) == (3, 0)
    (out / "JD-2027_002.ka.html").write_text("damaged")
    second_plan = plan_batch(spec, data, out, options)
    assert [t.row for t in second_plan.tasks] == [3] and second_plan.unchanged == [2, 4]
    second = run_batch(second_plan, out, options)
    assert (second.rendered, second.unchanged) == (1, 2)
    manifest = json.loads((out / "jobdocs-manifest.json").read_text())
    assert sorted(e["row"] for e in manifest["entries"].values()) == [2, 3, 4]


def test_changed_row_is_rendered_again(merge_root: Path, write_csv, tmp_path: Path) -> None:
    out = tmp_path / "out"
    spec = merge_root / "roles" / "template.yaml"
    options = BatchOptions(formats=("html",), jobs=1)
    run_batch(plan_batch(spec, write_csv([role_row(1)]), out, options), out, options)
    changed = role_row(1)
    changed[3] = "Senior Manager 1"
    plan = plan_batch(spec, write_csv([changed]), out, options)
    assert len(plan.tasks) == 1


def test_values_cannot_steer_files_out(merge_root: Path, write_csv, tmp_path: Path) -> None:
    row = role_row(1)
    row[0] = "../../../etc/evil"
    out = tmp_path / "out"
    options = BatchOptions(formats=("html",), jobs=1)
    plan = plan_batch(merge_root / "roles" / "template.yaml", write_csv([row]), out, options)
    run_batch(plan, out, options)
    assert [p.name for p in out.iterdir() if p.suffix == ".html"] == [".._.._.._etc_evil.ka.html"]


def test_pdf_through_a_process_pool(merge_root: Path, write_csv, tmp_path: Path) -> None:
    out = tmp_path / "out"
    options = BatchOptions(formats=("pdf",), jobs=2)
    plan = plan_batch(merge_root / "roles" / "template.yaml",
                      write_csv([role_row(i) for i in range(1, 4)]), out, options)
    summary = run_batch(plan, out, options)
    assert summary.ok and summary.rendered == 3
    for path in summary.files:
        text = pypdf.PdfReader(path).pages[0].extract_text()
        assert "Manager" in text or "მენეჯერი" in text


@pytest.mark.parametrize("pattern", ["{document.number!r}", "{document.number"])
def test_bad_pattern_is_a_usage_error(capsys, merge_root: Path, write_csv, tmp_path: Path,
                                      pattern: str) -> None:
    code = main(["batch", str(merge_root / "roles" / "template.yaml"),
                 str(write_csv([role_row(1)])), "-o", str(tmp_path / "o"), "--pattern", pattern])
    assert code == 2 and "pattern" in capsys.readouterr().err
