"""Nothing is lost: every file jobdocs writes is written atomically (a temporary file, then a
rename), a render that fails leaves the previous output as it was, a process killed while
writing leaves no partial file under the final name, and a report or a template copy never
writes through a symbolic link."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from jobdocs.batch.manifest import JOURNAL_NAME, Manifest
from jobdocs.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

#: The only places in the package that may open a file for writing. gittree.py extracts a git
#: revision into a private temporary folder (REV:PATH, lint --base): not output, so not
#: renamed into place, but opened only as new files, never through a link.
WRITERS = {"src/jobdocs/output.py", "src/jobdocs/batch/manifest.py", "src/jobdocs/gittree.py"}
_WRITE = re.compile(r"write_text\(|write_bytes\(|open\([^)]*[\"'][wax]b?[\"']|copyfile\(|"
                    r"shutil\.copy|os\.open\([^)]*O_(?:WRONLY|RDWR|CREAT)")


def test_only_the_atomic_writer_writes_files() -> None:
    offenders = []
    for path in sorted((REPO / "src" / "jobdocs").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _WRITE.search(line) and relative not in WRITERS:
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    root = tmp_path / "specs"
    shutil.copytree(EXAMPLES, root)
    return root


def _complete(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        assert len(PdfReader(io.BytesIO(data)).pages) >= 1
    elif path.suffix == ".docx":
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    else:
        assert data.rstrip().endswith(b"</html>")


def test_a_failed_render_leaves_the_previous_output(specs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    spec = specs / "roles" / "data-analyst.yaml"
    assert main(["render", str(spec), "-f", "pdf,html,docx", "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    broken = tmp_path / "broken"
    (broken / "role").mkdir(parents=True)
    (broken / "role" / "document.html.j2").write_text("{{ 1 / 0 }}", encoding="utf-8")
    code = main(["render", str(spec), "-f", "html,pdf", "-o", str(out), "--force",
                 "--template-dir", str(broken)])
    assert code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


_SLOW_WRITER = """
import os, sys, time
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    print("written", flush=True)  # the data is in the temporary file, not yet renamed
    time.sleep(60)
os.fsync = fsync
from jobdocs.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_sigkill_while_writing_leaves_no_partial_file(fmt: str, specs: Path,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "out"
    spec = specs / "roles" / "data-analyst.yaml"
    target = out / f"data-analyst.en.{fmt}"
    for previous in (None, "draft"):
        if previous:  # a second round over an existing document
            assert main(["render", str(spec), "-f", fmt, "-o", str(out), "--force"]) == 0
            before = target.read_bytes()
        process = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, "render", str(spec),
                                    "-f", fmt, "-o", str(out), "--force"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert process.stdout is not None
        assert process.stdout.readline() == b"written\n"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        temporary = [p for p in out.iterdir() if p.name.endswith(".part")]
        assert len(temporary) == 1 and temporary[0].name.startswith(f".{target.name}.")
        if previous:
            assert target.read_bytes() == before
            _complete(target)
        else:
            assert not target.exists()
        temporary[0].unlink()


def test_sigkill_at_random_moments(specs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for delay in (0.5, 1.0, 1.5, 2.0, 3.0):
        process = subprocess.Popen([sys.executable, "-m", "jobdocs", "render", str(specs),
                                    "-f", "pdf,docx,html", "-o", str(out), "--force"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        for path in out.iterdir() if out.exists() else ():
            if not path.name.endswith(".part"):
                _complete(path)


def test_a_report_file_replaces_a_link_instead_of_writing_through_it(
        specs: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    report = tmp_path / "report.json"
    report.symlink_to(victim)
    main(["lint", str(specs / "roles"), "-f", "json", "-o", str(report)])
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not report.is_symlink() and isinstance(json.loads(report.read_text()), list)


def test_templates_export_never_writes_through_a_link(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    victim = tmp_path / "victim.css"
    victim.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "templates"
    (folder / "role").mkdir(parents=True)
    (folder / "role" / "style.css").symlink_to(victim)
    assert main(["templates", "export", str(folder), "--force"]) == 2
    assert "leaves the output directory" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_init_never_writes_through_a_dangling_link(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "jobdocs.toml").write_text("")
    target = tmp_path / "elsewhere.yaml"
    link = tmp_path / "role.yaml"
    link.symlink_to(target)
    assert main(["init", "role", "-o", str(link)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert not target.exists()


def test_a_journal_cut_inside_a_character_is_replayed(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    manifest.record("a", 2, {"ნინო.pdf": "0" * 64})
    journal = tmp_path / JOURNAL_NAME
    data = journal.read_bytes()
    journal.write_bytes(data + data[: data.index("ნ".encode()) + 1])  # killed mid-character
    resumed = Manifest.load(tmp_path)
    assert set(resumed.entries) == {"a"}
    resumed.record("b", 3, {"x.pdf": "1" * 64})
    assert set(Manifest.load(tmp_path).entries) == {"a", "b"}
    assert os.path.getsize(journal) > len(data)
