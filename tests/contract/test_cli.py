"""Rendering contracts from the command line: file names, languages, and clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jobdocs.cli import main

from .conftest import EU, GE


def test_a_bilingual_contract_is_one_document_named_after_both_languages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(GE), "-f", "pdf,html", "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ec-2026-042.ka-en.html",
                                                          "ec-2026-042.ka-en.pdf"]
    assert (tmp_path / "ec-2026-042.ka-en.pdf").read_bytes().startswith(b"%PDF-")
    html = (tmp_path / "ec-2026-042.ka-en.html").read_text(encoding="utf-8")
    assert '<td class="column column-2" lang="en">' in html
    assert "2 document(s) from 1 spec(s)" in capsys.readouterr().err


def test_each_language_of_a_bilingual_contract_on_its_own(tmp_path: Path) -> None:
    assert main(["render", str(GE), "-f", "html", "--lang", "ka,en,ka-en",
                 "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ec-2026-042.en.html", "ec-2026-042.ka-en.html", "ec-2026-042.ka.html"]
    single = (tmp_path / "ec-2026-042.ka.html").read_text(encoding="utf-8")
    assert "is-single" in single and 'lang="en"' not in single


def test_a_single_language_contract_is_named_after_its_language(tmp_path: Path) -> None:
    assert main(["render", str(EU), "-f", "html", "-o", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["ha-2027-003.en.html"]


def test_the_languages_in_the_other_order_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(GE), "-f", "html", "--lang", "en-ka", "-o",
                 str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "is written in ka, en, ka-en, not `en-ka`" in err
    assert list(tmp_path.iterdir()) == []


def _copy_examples(tmp_path: Path) -> Path:
    root = tmp_path / "specs"
    shutil.copytree(GE.parents[1], root)
    return root


def test_a_contract_without_a_role_fails_clearly_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy_examples(tmp_path)
    spec = root / "contracts" / "ec-2026-042.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "role: ../roles/account-manager.yaml\n", ""), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(spec), "-f", "pdf,html", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "names no job description" in err and "role:" in err
    assert "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == []


def test_a_missing_role_file_is_reported_as_a_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy_examples(tmp_path)
    (root / "roles" / "account-manager.yaml").unlink()
    out = tmp_path / "out"
    assert main(["render", str(root / "contracts" / "ec-2026-042.yaml"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "account-manager.yaml" in err and "has errors" in err
    assert "Traceback" not in err
    assert not out.exists() or list(out.iterdir()) == []
