"""A document approved for signature is not replaced silently: jobdocs render refuses to
write a different PDF or Word file over one whose embedded spec (PDF) or custom property
(Word) says it was approved, unless --force is given."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import jobdocs
from jobdocs.cli import main
from jobdocs.render.docx_properties import read_properties
from jobdocs.render.output import ReplaceRefused, approved_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def analyst(tmp_path: Path) -> Path:
    """A copy of the examples; the data analyst's job description is approved (English)."""
    root = tmp_path / "specs"
    shutil.copytree(EXAMPLES, root)
    spec = root / "roles" / "data-analyst.yaml"
    assert "status: approved" in spec.read_text(encoding="utf-8")
    return spec


def _change(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    assert 'title: "Data Analyst"' in text
    spec.write_text(text.replace('title: "Data Analyst"', 'title: "Chief Data Analyst"'),
                    encoding="utf-8")


def _render(spec: Path, out: Path, *extra: str) -> int:
    return main(["render", str(spec), "-f", "pdf,docx", "-o", str(out), *extra])


def test_an_approved_document_is_not_replaced_without_force(
        analyst: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _render(analyst, out) == 0
    pdf, docx = out / "data-analyst.en.pdf", out / "data-analyst.en.docx"
    assert approved_document(pdf) and approved_document(docx)
    assert read_properties(docx.read_bytes())["jobdocs.status"] == "approved"
    before = {p: p.read_bytes() for p in (pdf, docx)}
    capsys.readouterr()

    assert _render(analyst, out) == 0  # the same spec makes the same bytes: nothing replaced
    _change(analyst)
    assert _render(analyst, out) == 1
    err = capsys.readouterr().err
    assert f"{pdf} is an approved document (its spec says status: approved); it was not " \
           "replaced" in err and "pass --force to replace it" in err
    assert {p: p.read_bytes() for p in (pdf, docx)} == before

    assert _render(analyst, out, "--force") == 0
    assert pdf.read_bytes() != before[pdf] and docx.read_bytes() != before[docx]


def test_a_draft_is_replaced_freely(analyst: Path, tmp_path: Path) -> None:
    analyst.write_text(analyst.read_text(encoding="utf-8").replace("status: approved",
                                                                    "status: draft"),
                       encoding="utf-8")
    out = tmp_path / "out"
    assert _render(analyst, out) == 0
    assert not approved_document(out / "data-analyst.en.pdf")
    _change(analyst)
    assert _render(analyst, out) == 0


def test_render_to_refuses_too(analyst: Path, tmp_path: Path) -> None:
    target = tmp_path / "analyst.pdf"
    jobdocs.render_to(analyst, target)
    before = target.read_bytes()
    _change(analyst)
    with pytest.raises(ReplaceRefused):
        jobdocs.render_to(analyst, target)
    assert target.read_bytes() == before
    jobdocs.render_to(analyst, target, force=True)
    assert target.read_bytes() != before


@pytest.mark.parametrize("content", [b"", b"%PDF-1.7 garbage", b"PK\x03\x04 garbage",
                                     b"<html>status: approved</html>"])
def test_a_file_that_is_not_one_of_ours_is_not_approved(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    assert not approved_document(path)


def test_batch_and_render_many_refuse_too(analyst: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    [first] = jobdocs.render_many([analyst], ["pdf"], out, jobs=1)
    assert first.ok
    before = first.files[0].read_bytes()
    _change(analyst)
    [refused] = jobdocs.render_many([analyst], ["pdf"], out, jobs=1)
    assert refused.error and "is an approved document" in refused.error
    assert first.files[0].read_bytes() == before
    [forced] = jobdocs.render_many([analyst], ["pdf"], out, jobs=1, force=True)
    assert forced.ok and first.files[0].read_bytes() != before


def test_batch_refuses_an_approved_row(analyst: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    template = analyst.with_name("template.yaml")
    template.write_text(analyst.read_text(encoding="utf-8")
                        .replace('title: "Data Analyst"', "title: Analyst"), encoding="utf-8")
    data = tmp_path / "rows.csv"
    out = tmp_path / "out"
    argv = ["batch", str(template), str(data), "-o", str(out), "-f", "pdf", "-j", "1"]
    data.write_text("title\nData Analyst\n", encoding="utf-8")
    assert main(argv) == 0
    data.write_text("title\nChief Data Analyst\n", encoding="utf-8")
    assert main(argv) == 1
    assert "is an approved document" in capsys.readouterr().err
    assert main([*argv, "--force"]) == 0
