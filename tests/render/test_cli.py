"""The render-related commands as a user runs them: render, extract, templates export,
doctor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from jobdocs.cli import main

from .conftest import EN, KA, RU, SPECS, RenderedPdfs


def test_render_writes_id_lang_format_files(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["render", str(EN), "-f", "html", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["warehouse-supervisor.en.html"]
    err = capsys.readouterr().err
    assert "1 document(s) from 1 spec(s)" in err


def test_render_a_folder_in_every_language_of_each_spec(tmp_path: Path) -> None:
    out = tmp_path / "out"
    examples = Path(__file__).resolve().parents[2] / "examples"
    assert main(["render", str(examples), "-f", "html", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "account-manager.en.html", "account-manager.ka.html", "data-analyst.en.html",
        "ec-2026-042.ka-en.html", "ha-2027-003.en.html",
        "key-account-manager.en.html", "key-account-manager.ka.html"]


def test_render_pdf_and_html_for_one_language(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    spec = examples / "roles" / "account-manager.yaml"
    assert main(["render", str(spec), "-f", "pdf,html", "--lang", "en", "-o",
                 str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "account-manager.en.html", "account-manager.en.pdf"]
    assert (tmp_path / "account-manager.en.pdf").read_bytes().startswith(b"%PDF-")


def test_unknown_format_is_a_usage_error(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(EN), "-f", "odt", "-o", str(tmp_path)]) == 2
    assert "unknown format `odt`" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_language_the_spec_lacks_fails_that_spec(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(RU), "-f", "html", "--lang", "ka", "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "is written in ru, not `ka`" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_spec_with_errors_is_reported_and_not_rendered(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("jobdocs: 1\nkind: role\nid: bad\ntitle: T\ndocument: {numbr: 1}\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "did you mean `number`?" in err
    assert not out.exists() or list(out.iterdir()) == []


def test_organizations_are_not_documents(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SPECS / "org" / "nova.yaml"), "-o", str(tmp_path)]) == 1
    assert "only role and contract specs are rendered" in capsys.readouterr().err


def test_extract_round_trips_the_embedded_spec(rendered: RenderedPdfs, tmp_path: Path,
                                               capfdbinary: pytest.CaptureFixture[bytes]
                                               ) -> None:
    pdf = tmp_path / "office-manager.ka.pdf"
    pdf.write_bytes(rendered.get(KA))
    assert main(["extract", str(pdf)]) == 0
    extracted = capfdbinary.readouterr().out
    assert yaml.safe_load(extracted) == yaml.safe_load(KA.read_text(encoding="utf-8"))
    # The extracted spec is a spec: put back beside its organization, it renders the same.
    copy = KA.parent / "extracted-copy.yaml"
    try:
        copy.write_bytes(extracted)
        assert main(["validate", str(copy)]) == 0
    finally:
        copy.unlink()
    assert main(["extract", str(pdf), "-o", str(tmp_path / "spec.yaml")]) == 0
    assert (tmp_path / "spec.yaml").read_bytes() == extracted


def test_extract_from_other_files_is_a_clear_error(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "notes.pdf"
    text.write_text("hello", encoding="utf-8")
    assert main(["extract", str(text)]) == 2
    assert "is not a PDF file" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "missing.pdf")]) == 2


def test_templates_export_then_render_with_them(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tpl"
    assert main(["templates", "export", str(folder)]) == 0
    style = folder / "role" / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n/* edited: #abcdef */\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(EN), "-f", "html", "-o", str(out), "--template-dir",
                 str(folder)]) == 0
    assert "/* edited: #abcdef */" in (out / "warehouse-supervisor.en.html").read_text("utf-8")
    assert main(["templates", "export", str(folder)]) == 2
    assert "already exist" in capsys.readouterr().err


def test_doctor_reports_each_piece(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["doctor"])
    out = capsys.readouterr().out
    for name in ("Pango", "HarfBuzz subsetter", "Georgian font", "LibreOffice", "poppler"):
        assert name in out
    assert code in (0, 1)
    assert code == (1 if "MISSING" in out else 0)


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_checking_specs_never_imports_the_pdf_engines(command: str) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    probe = (f"import sys; from jobdocs.cli import main; main([{command!r}, "
             f"{str(examples)!r}]); print(sorted(m for m in ('weasyprint', 'pyhanko', "
             "'docxtpl', 'pypdf') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
