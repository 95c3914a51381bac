"""Mail merge at scale: ``jobdocs batch`` against the obvious alternatives, in one run.

1. Word: N job descriptions (default 1,000) with ``jobdocs batch -f docx`` end to end (a
   subprocess: start-up, reading the CSV, checking every row, rendering, writing, the
   manifest) against a plain docxtpl loop — ``DocxTemplate(path).render(ctx); save()`` per
   row, with the contexts built beforehand and not timed (the loop gets them for free).
   Target: ≥ 5× faster.
2. PDF: M documents (default 100) with ``jobdocs batch -f pdf`` against (a) bare WeasyPrint
   writing the same HTML in a loop in one process, and (b) LibreOffice converting the same
   DOCX files in one ``soffice --headless --convert-to pdf`` call. Targets: ≥ 1.8× bare
   WeasyPrint's single-process rate on 2 cores, ≥ 2× LibreOffice.
3. Memory: the peak resident memory of the whole batch (the command and its workers) for
   100 and for 1,000 rows of Word documents, and for M and 3·M PDFs; it must stay flat.

Usage: ``python bench/batch.py [--docx N] [--pdf M] [--skip-memory]``. The machine and the
figures belong in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

ROOT = Path(__file__).resolve().parent.parent
JOBDOCS = Path(sys.executable).parent / "jobdocs"
COLUMNS = ["document.number", "document.effective_date", "title.ka", "title.en"]


def make_root(folder: Path) -> Path:
    """The examples, with the account manager as a template whose number comes from data."""
    root = folder / "specs"
    shutil.copytree(ROOT / "examples", root)
    source = (root / "roles" / "account-manager.yaml").read_text(encoding="utf-8")
    template = root / "roles" / "template.yaml"
    template.write_text(source.replace("number: JD-014, ", ""), encoding="utf-8")
    return template


def make_rows(folder: Path, count: int) -> Path:
    path = folder / f"rows-{count}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for i in range(1, count + 1):
            writer.writerow([f"JD-{i:05d}", "2027-01-10", f"გაყიდვების მენეჯერი № {i}",
                             f"Sales Manager No. {i}"])
    return path


class PeakMemory:
    """Samples the resident memory of a process and all its children."""

    def __init__(self, pid: int):
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.process, *self.process.children(recursive=True)]
                total = sum(p.memory_info().rss for p in procs if p.is_running())
            except psutil.Error:
                total = 0
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_batch(template: Path, rows: Path, out: Path, fmt: str) -> tuple[float, int]:
    """Wall time and peak memory of ``jobdocs batch``."""
    command = [str(JOBDOCS), "batch", str(template), str(rows), "-o", str(out), "-f", fmt]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = PeakMemory(process.pid)
    _, err = process.communicate()
    elapsed = time.perf_counter() - start
    peak = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"jobdocs batch failed:\n{err.decode()}")
    return elapsed, peak


def contexts(template: Path, rows: Path, count: int) -> list[object]:
    """The template values of each row, for the docxtpl loop."""
    from jobdocs.batch.mailmerge import BatchOptions, plan_batch
    from jobdocs.render import Renderer

    plan = plan_batch(template, rows, rows.parent / "unused", BatchOptions(formats=("docx",)))
    renderer = Renderer()
    return [renderer.context(task.source, task.outputs[0].lang).template_values()
            for task in plan.tasks[:count]]


def docxtpl_loop(values: list[object], out: Path) -> float:
    from docxtpl import DocxTemplate

    from jobdocs.render.docx_text import docx_environment

    env = docx_environment()
    template = ROOT / "templates" / "role" / "document.docx"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for i, ctx in enumerate(values):
        document = DocxTemplate(template)
        document.render(ctx, env, autoescape=True)
        document.save(out / f"{i}.docx")
    return time.perf_counter() - start


def weasyprint_loop(template: Path, rows: Path, count: int) -> float:
    import weasyprint

    from jobdocs.batch.mailmerge import BatchOptions, plan_batch
    from jobdocs.render import Renderer

    plan = plan_batch(template, rows, rows.parent / "unused", BatchOptions(formats=("pdf",)))
    renderer = Renderer()
    pages = [renderer.html(task.source, task.outputs[0].lang) for task in plan.tasks[:count]]
    base = (ROOT / "templates" / "role").as_uri() + "/"
    weasyprint.HTML(string=pages[0], base_url=base).write_pdf()  # warm: fonts, imports
    start = time.perf_counter()
    for page in pages:
        weasyprint.HTML(string=page, base_url=base).write_pdf()
    return time.perf_counter() - start


def libreoffice(docx_dir: Path, out: Path) -> float | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    files = sorted(str(p) for p in docx_dir.glob("*.docx"))
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(out), *files]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", type=int, default=1000, help="Word documents")
    parser.add_argument("--pdf", type=int, default=100, help="PDF documents")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jobdocs-bench-"))
    template = make_root(work)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, {platform.platform()}")

    rows = make_rows(work, args.docx)
    ours, docx_peak = run_batch(template, rows, work / "docx-out", "docx")
    plain = docxtpl_loop(contexts(template, rows, args.docx), work / "docxtpl-out")
    print(f"\n{args.docx} Word documents: jobdocs batch {ours:.2f} s "
          f"({ours / args.docx * 1000:.1f} ms/doc), docxtpl loop {plain:.2f} s "
          f"({plain / args.docx * 1000:.1f} ms/doc) → {plain / ours:.1f}× (target ≥ 5×)")

    pdf_rows = make_rows(work, args.pdf)
    ours_pdf, pdf_peak = run_batch(template, pdf_rows, work / "pdf-out", "pdf")
    bare = weasyprint_loop(template, pdf_rows, args.pdf)
    print(f"\n{args.pdf} PDFs: jobdocs batch {ours_pdf:.2f} s ({args.pdf / ours_pdf:.1f} docs/s), "
          f"bare WeasyPrint loop {bare:.2f} s ({args.pdf / bare:.1f} docs/s) → "
          f"{bare / ours_pdf:.2f}× (target ≥ 1.8×)")
    docx_for_lo = work / "lo-in"
    run_batch(template, pdf_rows, docx_for_lo, "docx")
    lo = libreoffice(docx_for_lo, work / "lo-out")
    if lo is None:
        print("LibreOffice: soffice not found, skipped")
    else:
        print(f"LibreOffice converting the same {args.pdf} DOCX in one call: {lo:.2f} s → "
              f"jobdocs {lo / ours_pdf:.2f}× faster (target ≥ 2×)")

    if not args.skip_memory:
        small = make_rows(work, 100)
        _, small_peak = run_batch(template, small, work / "mem-100", "docx")
        print(f"\npeak memory, Word: 100 rows {small_peak / 2**20:.0f} MiB, {args.docx} rows "
              f"{docx_peak / 2**20:.0f} MiB")
        more = make_rows(work, args.pdf * 3)
        _, more_peak = run_batch(template, more, work / "mem-pdf", "pdf")
        print(f"peak memory, PDF: {args.pdf} rows {pdf_peak / 2**20:.0f} MiB, "
              f"{args.pdf * 3} rows {more_peak / 2**20:.0f} MiB")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
