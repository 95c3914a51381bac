"""Rendering many documents on any :class:`concurrent.futures.Executor`.

Workers are pure: a :class:`RenderTask` (a spec ready to render and the files it should
become) goes in, the documents' bytes come out. This process writes every file atomically as
results arrive, so the same code runs on a local process pool or on a Dask cluster
(``client.get_executor()``) with no shared file system.

The default executor is a process pool sized to the CPUs whose workers are started from a
fork server that has already imported WeasyPrint, and are replaced after
``recycle_after`` documents (WeasyPrint's memory grows slowly over long runs). Each worker
keeps one :class:`~jobdocs.render.Renderer` — compiled templates, catalogs, fonts — for all
the documents it renders.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import functools
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jobdocs.batch.names import inside
from jobdocs.errors import JobdocsError
from jobdocs.output import write_atomic
from jobdocs.render.inputs import RenderSource

RECYCLE_AFTER = 200
"""Documents a worker renders before it is replaced."""

#: What the fork server imports for each format, so that workers start warm.
PRELOAD = {
    "pdf": ["jobdocs.render.pdf", "weasyprint", "pyhanko.sign.fields"],
    "docx": ["jobdocs.render.docx", "docxtpl"],
    "html": ["jobdocs.render.html"],
}


@dataclass(frozen=True, slots=True)
class Output:
    """One file a task produces: its format, language and name below the output folder."""

    fmt: str
    lang: str
    name: PurePosixPath


@dataclass(frozen=True, slots=True)
class RenderTask:
    """One spec to render into one or more files."""

    key: str
    """Identifies the task in results (a row's inputs hash, a spec's path…)."""
    source: RenderSource
    outputs: tuple[Output, ...]
    template_dir: Path | None = None
    row: int = 0


@dataclass(slots=True)
class TaskOutcome:
    """What became of a task: the files written (name → SHA-256), or why it failed."""

    task: RenderTask
    files: dict[str, str] = field(default_factory=dict)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@functools.lru_cache(maxsize=4)
def _worker_renderer(template_dir: Path | None) -> object:
    # One renderer per worker process (and template folder): compiled templates, catalogs
    # and fonts are loaded once for all the documents the worker renders.
    from jobdocs.render import Renderer
    from jobdocs.render.dates import source_date_epoch

    return Renderer(template_dir, timestamp=source_date_epoch(os.environ),
                    on_warning=lambda message: None)


def render_task(task: RenderTask) -> dict[str, bytes]:
    """Render ``task`` in this process (a worker): file name → bytes. Raises
    :class:`JobdocsError` for a document that cannot be made."""
    from jobdocs.render import Renderer

    renderer = _worker_renderer(task.template_dir)
    assert isinstance(renderer, Renderer)
    return {str(out.name): renderer.render(task.source, out.fmt, out.lang)
            for out in task.outputs}


def _safe_render(task: RenderTask) -> tuple[dict[str, bytes], str | None]:
    try:
        return render_task(task), None
    except JobdocsError as exc:
        return {}, str(exc) + (f" ({exc.hint})" if exc.hint else "")
    except Exception as exc:  # one broken document must not stop a batch of thousands
        return {}, f"internal error: {type(exc).__name__}: {exc}"


def default_executor(jobs: int | None = None, recycle_after: int = RECYCLE_AFTER,
                     formats: Iterable[str] = ("pdf",)) -> cf.ProcessPoolExecutor:
    """A process pool of ``jobs`` workers (default: the CPUs), recycled after
    ``recycle_after`` documents, forked from a server that has already imported what
    ``formats`` need (WeasyPrint for PDF, docxtpl for Word)."""
    context = multiprocessing.get_context("forkserver")
    modules = ["jobdocs.render.renderer"]
    for fmt in formats:
        modules.extend(PRELOAD.get(fmt, []))
    context.set_forkserver_preload(list(dict.fromkeys(modules)))
    return cf.ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1,
                                  mp_context=context, max_tasks_per_child=recycle_after)


@contextlib.contextmanager
def warm_executor(jobs: int | None, recycle_after: int = RECYCLE_AFTER,
                  formats: Iterable[str] = ("pdf",)) -> Iterator[cf.Executor | None]:
    """The default executor, its workers already starting (``None`` for ``jobs == 1``):
    enter it before the slow serial work of a batch, so the workers import WeasyPrint
    meanwhile. It is shut down on exit."""
    if jobs == 1:
        yield None
        return
    pool = default_executor(jobs, recycle_after, formats)
    for _ in range(jobs or os.cpu_count() or 1):
        pool.submit(int)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_tasks(tasks: Iterable[RenderTask], out_dir: Path, *,
              executor: cf.Executor | None = None, jobs: int | None = None,
              recycle_after: int = RECYCLE_AFTER, force: bool = False) -> Iterator[TaskOutcome]:
    """Render ``tasks`` and write their files below ``out_dir``; yield outcomes as they
    complete. ``executor`` is any :class:`concurrent.futures.Executor`; without one, ``jobs
    == 1`` renders in this process and anything else uses :func:`default_executor`. A task
    whose file would replace an approved document with a different one fails, unless
    ``force`` (:func:`~jobdocs.render.output.check_replace`)."""
    if executor is None and jobs == 1:
        for task in tasks:
            yield _finish(task, *_safe_render(task), out_dir, force)
        return
    pending = iter(tasks)
    first = next(pending, None)
    if first is None:
        return
    own = executor is None
    formats = {out.fmt for out in first.outputs}
    pool = executor or default_executor(jobs, recycle_after, formats)
    try:
        yield from _run_on(pool, itertools.chain([first], pending), out_dir,
                           window=4 * (jobs or os.cpu_count() or 1), force=force)
    finally:
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


def _run_on(pool: cf.Executor, tasks: Iterator[RenderTask], out_dir: Path,
            window: int, force: bool) -> Iterator[TaskOutcome]:
    # A bounded window of tasks in flight keeps memory flat however many rows there are.
    pending: dict[cf.Future[tuple[dict[str, bytes], str | None]], RenderTask] = {}
    exhausted = False
    while pending or not exhausted:
        while not exhausted and len(pending) < window:
            task = next(tasks, None)
            if task is None:
                exhausted = True
                break
            pending[pool.submit(_safe_render, task)] = task
        if not pending:
            break
        done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
        for future in done:
            task = pending.pop(future)
            try:
                files, error = future.result()
            except Exception as exc:  # the worker died (killed, out of memory…)
                files, error = {}, f"the worker failed: {type(exc).__name__}: {exc}"
            yield _finish(task, files, error, out_dir, force)


def _finish(task: RenderTask, files: dict[str, bytes], error: str | None,
            out_dir: Path, force: bool) -> TaskOutcome:
    from jobdocs.render.output import ReplaceRefused, check_replace

    outcome = TaskOutcome(task, error=error)
    if error is not None:
        return outcome
    try:
        targets = {name: inside(out_dir, PurePosixPath(name)) for name in files}
        for name, data in files.items():  # all checked before any is written
            check_replace(targets[name], data, force=force)
        for name, data in files.items():
            outcome.files[name] = write_atomic(targets[name], data)
    except ReplaceRefused as exc:
        outcome.error = f"{exc} ({exc.hint})"
    except (OSError, JobdocsError) as exc:
        outcome.error = f"cannot write the output: {exc}"
    return outcome
