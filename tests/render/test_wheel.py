"""The built wheel carries the templates and message catalogs: installed into a fresh virtual
environment outside the repository, it renders an example."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import sys, jobdocs
from pathlib import Path
from jobdocs.i18n.catalog import SHIPPED_DIR
from jobdocs.render.templates import shipped_template_dir
venv = Path(sys.prefix)
for place in (Path(jobdocs.__file__), shipped_template_dir(), SHIPPED_DIR):
    assert venv in place.resolve().parents, f"{place} is not inside {venv}"
path = jobdocs.render_to("examples/roles/account-manager.yaml", "out/am.ka.pdf")
print(path, path.stat().st_size)
"""


@pytest.mark.slow
def test_the_wheel_installs_and_renders(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(dist), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = dist.glob("jobdocs-*.whl")

    # A fresh environment whose dependencies come from this one (a .pth line adds the
    # dependencies' folder; it does not run this environment's editable-install hook).
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    purelib = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n",
                                              encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)

    work = tmp_path / "work"
    shutil.copytree(REPO / "examples", work / "examples")
    done = subprocess.run([str(python), "-c", PROBE], cwd=work, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    pdf = work / "out" / "am.ka.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "ვამტკიცებ" in text and "კლიენტებთან ურთიერთობის მენეჯერი" in text
