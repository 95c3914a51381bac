"""Nothing is written outside the output folder, whatever an id, a document number, a CSV
cell or an output pattern holds — and no name is one Windows reserves or one that disguises
itself."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path, PurePosixPath

import pytest

import jobdocs
from jobdocs.batch.mailmerge import BatchOptions, plan_batch
from jobdocs.cli import main
from jobdocs.output import inside, safe_component
from jobdocs.render.output import output_name

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("value, expected", [
    ("CON .txt", "_CON .txt"), ("com\u00b9.pdf", "_com\u00b9.pdf"), ("LPT0", "_LPT0"),
    ("invoice\u202efdp.exe", "invoice_fdp.exe"), ("a\x85b", "a_b"), ("x\u2028y", "x_y"),
    ("a" * 199 + ".b", "a" * 199),
])
def test_names_windows_reserves_or_that_disguise_themselves(value: str, expected: str) -> None:
    assert safe_component(value) == expected


@pytest.mark.parametrize("spec_id", ["../../etc/passwd", "/abs/x", "con", "a\x00b", "..",
                                     "C:\\Windows\\x"])
def test_render_names_are_one_safe_component(spec_id: str, tmp_path: Path) -> None:
    name = output_name(spec_id, "en", "pdf")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.lower().startswith(("con.", "nul."))
    assert inside(tmp_path, PurePosixPath(name)).parent == tmp_path.resolve()


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "specs"
    shutil.copytree(EXAMPLES, root)
    return root


def test_render_a_spec_whose_id_windows_reserves(tmp_path: Path) -> None:
    root = _root(tmp_path)
    spec = root / "roles" / "data-analyst.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("id: data-analyst", "id: con", 1),
                    encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(spec), "-f", "html", "-o", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["_con.en.html"]


def test_render_many_with_a_model_built_in_code(tmp_path: Path) -> None:
    model = jobdocs.load(_root(tmp_path) / "roles" / "data-analyst.yaml")
    hostile = model.model_copy(update={"id": "../../../escape"})  # model_copy skips validation
    out = tmp_path / "deep" / "out"
    results = list(jobdocs.render_many([hostile], ["html"], out, jobs=1,
                                       pattern="{id}.{lang}.{format}"))
    assert [r.ok for r in results] == [True]
    assert [p.name for p in out.iterdir()] == [".._.._.._escape.en.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "specs"]


@pytest.mark.parametrize("number", ["../../../escape", "/tmp/escape", "CON", "a\x00b",
                                    "..", "x/../../y", "C:\\escape"])
def test_a_csv_cell_never_steers_a_file_out(number: str, tmp_path: Path) -> None:
    root = _root(tmp_path)
    template = root / "roles" / "template.yaml"
    source = (root / "roles" / "account-manager.yaml").read_text(encoding="utf-8")
    template.write_text(source.replace("number: JD-014, ", ""), encoding="utf-8")
    data = tmp_path / "rows.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["document.number"], [number]])
    out = tmp_path / "out"
    code = main(["batch", str(template), str(data), "-o", str(out), "-f", "html", "-j", "1",
                 "--pattern", "{document.number}/{document.number}.{format}"])
    assert code in (0, 1)
    written = [p for p in out.rglob("*") if p.is_file()]
    assert all(p.resolve().is_relative_to(out.resolve()) for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "rows.csv", "specs"]


def test_names_that_differ_only_in_case_are_one_file(tmp_path: Path) -> None:
    root = _root(tmp_path)
    template = root / "roles" / "template.yaml"
    source = (root / "roles" / "account-manager.yaml").read_text(encoding="utf-8")
    template.write_text(source.replace("number: JD-014, ", ""), encoding="utf-8")
    data = tmp_path / "rows.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["document.number"], ["JD-a"], ["jd-A"]])
    plan = plan_batch(template, data, tmp_path / "out", BatchOptions(formats=("html",)))
    assert [task.row for task in plan.tasks] == [2]
    assert [str(p) for p in plan.problems] == [
        f"{data}:row 3: the output file jd-A.ka.html repeats row 2"]
