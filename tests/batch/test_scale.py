"""Scaling out and surviving interruption: a Dask cluster as the executor, and SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

import jobdocs

from .conftest import role_row

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_render_many_on_a_dask_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    roles = [EXAMPLES / "roles" / "account-manager.yaml",
             EXAMPLES / "roles" / "key-account-manager.yaml"]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        results = list(jobdocs.render_many(roles, ["pdf", "html"], tmp_path,
                                           executor=client.get_executor()))
    assert sorted(r.spec.rsplit("/", 1)[-1] for r in results) == [
        "account-manager.yaml", "key-account-manager.yaml"]
    assert all(r.ok for r in results), results
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["JD-014.ka.html", "JD-014.ka.pdf", "JD-015.ka.html", "JD-015.ka.pdf"]
    assert pypdf.PdfReader(tmp_path / "JD-015.ka.pdf").pages


def test_render_many_reports_a_bad_spec_and_goes_on(tmp_path: Path, spec_root: Path) -> None:
    bad = spec_root / "bad.yaml"
    bad.write_text("jobdocs: 1\nkind: role\nid: x\n")
    results = list(jobdocs.render_many([bad, EXAMPLES / "roles" / "account-manager.yaml"],
                                       ["html"], tmp_path, jobs=1))
    assert [r.ok for r in results] == [True, False] or [r.ok for r in results] == [False, True]
    assert any("problem" in (r.error or "") for r in results)


def _wait_for_files(folder: Path, count: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(list(folder.glob("*.pdf"))) >= count:
            return
        time.sleep(0.05)
    raise AssertionError("the batch did not get going")


def test_sigkill_midway_then_resume(merge_root: Path, write_csv, tmp_path: Path) -> None:
    data = write_csv([role_row(i) for i in range(1, 13)])
    out = tmp_path / "out"
    command = [sys.executable, "-m", "jobdocs", "batch", str(merge_root / "roles" /
               "template.yaml"), str(data), "-o", str(out), "-f", "pdf", "-j", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        _wait_for_files(out, 3)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    finished_before = sorted(p.name for p in out.glob("*.pdf"))
    assert 3 <= len(finished_before) < 12
    for path in out.glob("*.pdf"):                 # nothing truncated under a final name
        assert pypdf.PdfReader(path).pages
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.pdf")}
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(list(out.glob("*.pdf"))) == 12
    assert not list(out.glob(".*.part"))
    # rows recorded in the manifest before the kill were not rendered again
    import json

    manifest = json.loads((out / "jobdocs-manifest.json").read_text())
    assert len(manifest["entries"]) == 12
    unchanged = [n for n, t in before.items() if (out / n).stat().st_mtime_ns == t]
    assert len(unchanged) >= len(finished_before) - 1
