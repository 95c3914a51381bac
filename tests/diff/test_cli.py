"""``jobdocs diff`` as a user runs it: text and JSON listings, exit codes, git revisions."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from jobdocs.cli import main

from .conftest import AM, CONTRACT, KAM, Versions, revise_key_account_manager


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_identical_specs_say_no_changes_and_exit_0(versions: Versions,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", versions.old(KAM), versions.new(KAM))
    assert code == 0
    assert out.rstrip().endswith("no changes")


def test_text_lists_the_changes_and_exits_1(versions: Versions,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    versions.edit(KAM, revise_key_account_manager)
    code, out, _ = run(capsys, "diff", versions.old(KAM), versions.new(KAM))
    assert code == 1
    assert "5 changes" in out
    assert "  reports_to: ~1\n  functions: \u22121 ~2\n  rights: +1\n" in out
    assert "ka: [-კომერციული-]{+გაყიდვების+} დირექტორი" in out
    assert "\u2212 functions[12] (executive-relationships)" in out
    assert "+ rights[5] (key-account-budget)" in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_a_version_bump_alone_exits_1_and_says_so(versions: Versions,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    versions.replace(KAM, "version: 1,", "version: 2,")
    code, out, _ = run(capsys, "diff", versions.old(KAM), versions.new(KAM))
    assert code == 1
    assert "(JD-015 v1)" in out and "(JD-015 v2)" in out
    assert out.rstrip().endswith("no changes but the document's number or version")


def test_text_in_one_language(versions: Versions, capsys: pytest.CaptureFixture[str]) -> None:
    versions.edit(KAM, revise_key_account_manager)
    _, out, _ = run(capsys, "diff", "--lang", "en", versions.old(KAM), versions.new(KAM))
    assert "en: [-Commercial-]{+Sales+} Director" in out
    assert "ka:" not in out


def test_colour_on_request(versions: Versions, capsys: pytest.CaptureFixture[str]) -> None:
    versions.edit(KAM, revise_key_account_manager)
    _, out, _ = run(capsys, "diff", "--color", versions.old(KAM), versions.new(KAM))
    assert "\x1b[" in out and "[-" not in out


def test_json_has_paths_and_positions_in_both_files(
        versions: Versions, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    versions.edit(KAM, revise_key_account_manager)
    report = tmp_path / "changes.json"
    code, out, _ = run(capsys, "diff", "-f", "json", "-o", report, versions.old(KAM),
                       versions.new(KAM))
    assert code == 1 and out == ""
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["changed"] is True and data["kind"] == "role"
    assert data["summary"]["functions"] == {"added": 0, "removed": 1, "changed": 2, "moved": 0}
    plans = next(c for c in data["changes"] if c["id"] == "account-plans")
    assert plans["old_path"] == plans["new_path"] == "functions[11]"
    assert plans["old_location"]["file"].endswith("old/roles/key-account-manager.yaml")
    assert plans["new_location"]["file"].endswith("new/roles/key-account-manager.yaml")
    assert plans["old_location"]["line"] > 1 and plans["new_location"]["column"] >= 1
    assert {"op": "delete", "text": "მონიტორინგი"} in plans["words"]["ka"]


def test_different_kinds_exit_2(versions: Versions, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diff", versions.old(AM), versions.new(CONTRACT))
    assert code == 2 and out == ""
    assert "role spec" in err and "contract spec" in err


def test_a_spec_with_errors_exits_2_with_its_findings(
        versions: Versions, capsys: pytest.CaptureFixture[str]) -> None:
    versions.replace(KAM, "reports_to:", "reports_too:")
    code, _, err = run(capsys, "diff", versions.old(KAM), versions.new(KAM))
    assert code == 2
    assert "key-account-manager.yaml:9:1: S" in err and "reports_to" in err
    assert "Traceback" not in err


def test_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "diff", tmp_path / "a.yaml", tmp_path / "b.yaml")
    assert code == 2 and "does not exist" in err


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo,
                   check=True, capture_output=True, env=env)


def test_the_old_version_from_a_git_revision(
        versions: Versions, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    repo = versions.new_root
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    versions.edit(KAM, revise_key_account_manager)
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "diff", f"HEAD:{KAM.as_posix()}", KAM.as_posix())
    assert code == 1
    assert f"--- HEAD:{KAM.as_posix()}" in out
    assert f"\u2212 functions[12] (executive-relationships)  HEAD:{KAM.as_posix()}:" in out
    code, out, _ = run(capsys, "diff", "-f", "json", f"HEAD:{KAM.as_posix()}", KAM.as_posix())
    removed = next(c for c in json.loads(out)["changes"] if c["kind"] == "removed")
    assert removed["old_location"]["file"] == f"HEAD:{KAM.as_posix()}"
    # A change in the parent the role extends is read at the revision too.
    code, out, _ = run(capsys, "diff", f"HEAD:{AM.as_posix()}", AM.as_posix())
    assert code == 0


def test_an_unknown_revision_exits_2(versions: Versions, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    repo = versions.new_root
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    monkeypatch.chdir(repo)
    code, _, err = run(capsys, "diff", f"nosuchrev:{KAM.as_posix()}", KAM.as_posix())
    assert code == 2 and "Traceback" not in err and err.startswith("jobdocs: error:")


def test_a_pdf_redline(versions: Versions, capsys: pytest.CaptureFixture[str],
                       tmp_path: Path) -> None:
    from pypdf import PdfReader

    versions.edit(KAM, revise_key_account_manager)
    target = tmp_path / "kam.redline.pdf"
    code, out, err = run(capsys, "diff", "-f", "pdf", "-o", target, versions.old(KAM),
                         versions.new(KAM))
    assert (code, out) == (1, ""), err
    first_page = PdfReader(target).pages[0].extract_text()
    assert "ცვლილებ" in first_page  # the summary of changes, in Georgian, on page 1
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "კომერციული" in text and "გაყიდვების" in text  # deleted and inserted


def test_a_word_redline_with_tracked_changes(versions: Versions,
                                             capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    import zipfile

    versions.edit(KAM, revise_key_account_manager)
    target = tmp_path / "kam.redline.docx"
    code, _, err = run(capsys, "diff", "-f", "docx", "-o", target, "--author", "HR <Tamar>",
                       versions.old(KAM), versions.new(KAM))
    assert code == 1, err
    body = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert 'w:author="HR &lt;Tamar&gt;"' in body
    assert "<w:ins " in body and "<w:del " in body
    assert "<w:delText" in body and "კომერციული" in body


def test_an_html_redline_on_standard_output(versions: Versions,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    versions.edit(KAM, revise_key_account_manager)
    code, out, _ = run(capsys, "diff", "-f", "html", "--lang", "en", versions.old(KAM),
                       versions.new(KAM))
    assert code == 1
    assert '<ins class="jd-ins">Sales</ins>' in out
    assert '<del class="jd-del">Commercial</del>' in out


def test_a_binary_redline_is_not_printed_on_a_terminal(
        versions: Versions, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from jobdocs.cli import diff_commands

    monkeypatch.setattr(diff_commands, "_is_terminal", lambda: True)
    code, out, err = run(capsys, "diff", "-f", "pdf", versions.old(KAM), versions.new(KAM))
    assert code == 2 and out == ""
    assert "-o redline.pdf" in err


def test_identical_versions_still_render_and_exit_0(versions: Versions,
                                                    capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    target = tmp_path / "same.html"
    code, _, _ = run(capsys, "diff", "-f", "html", "-o", target, versions.old(AM),
                     versions.new(AM))
    assert code == 0
    html = target.read_text(encoding="utf-8")
    assert 'class="jd-summary-none"' in html  # "no changes" in the summary
    assert re.search(r'class="[^"]*\bjd-changed', html) is None  # no change bar anywhere
    assert html.count('class="jd-ins"') == 1 == html.count('class="jd-del"')  # the legend
