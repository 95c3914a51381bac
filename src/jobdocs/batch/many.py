"""``jobdocs.render_many``: many specs to many files, on a process pool or any executor."""

from __future__ import annotations

import concurrent.futures as cf
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from jobdocs.batch.names import DEFAULT_PATTERN, inside, output_name
from jobdocs.batch.pool import RECYCLE_AFTER, Output, RenderTask, run_tasks
from jobdocs.errors import JobdocsError, UsageError
from jobdocs.models import Contract, Role

SpecLike = Role | Contract | str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class RenderResult:
    """One spec's outcome: the files written, or the error that stopped it."""

    spec: str
    """The spec's path, or its id for a model built in code."""
    files: tuple[Path, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def render_many(specs: Iterable[SpecLike], formats: Sequence[str] = ("pdf",),
                out_dir: str | os.PathLike[str] = "out",
                executor: cf.Executor | None = None, *, lang: str | None = None,
                pattern: str = DEFAULT_PATTERN,
                template_dir: str | os.PathLike[str] | None = None,
                jobs: int | None = None,
                recycle_after: int = RECYCLE_AFTER,
                force: bool = False) -> Iterator[RenderResult]:
    """Render every spec into ``out_dir`` in each of ``formats``, yielding results as they
    complete (not in input order).

    By default a process pool sized to the CPUs renders the documents, its workers reusing
    templates and fonts and being recycled after ``recycle_after`` documents. ``executor``
    may be any :class:`concurrent.futures.Executor`, e.g. a Dask cluster's
    ``client.get_executor()``; ``jobs=1`` renders in this process. Files are named by
    ``pattern`` (dotted spec paths, ``{lang}``, ``{format}``, ``{row}``), made safe for
    every operating system, and written atomically; an approved document is not replaced by a
    different one unless ``force``. A spec that cannot be rendered gives a result with an
    ``error``; it does not stop the others.

    >>> for result in jobdocs.render_many(["examples/roles"], ["pdf"], "out"):  # doctest: +SKIP
    ...     print(result.spec, result.files)
    """
    target = Path(out_dir)
    failed: list[RenderResult] = []

    def tasks() -> Iterator[RenderTask]:
        for number, spec in enumerate(_expand(specs), start=1):
            try:
                yield _task(spec, number, formats, target, lang, pattern, template_dir)
            except JobdocsError as exc:
                failed.append(RenderResult(_name(spec), error=str(exc)))

    for outcome in run_tasks(tasks(), target, executor=executor, jobs=jobs,
                             recycle_after=recycle_after, force=force):
        yield from _drain(failed)
        yield RenderResult(outcome.task.key, tuple(target / n for n in outcome.files),
                           outcome.error)
    yield from _drain(failed)


def _drain(failed: list[RenderResult]) -> Iterator[RenderResult]:
    while failed:
        yield failed.pop(0)


def _expand(specs: Iterable[SpecLike]) -> Iterator[SpecLike]:
    from jobdocs.api import iter_spec_files

    for spec in specs:
        if isinstance(spec, str | os.PathLike) and Path(spec).is_dir():
            yield from iter_spec_files([spec])
        else:
            yield spec


def _name(spec: SpecLike) -> str:
    return spec.id if isinstance(spec, Role | Contract) else os.fspath(spec)


def _task(spec: SpecLike, number: int, formats: Sequence[str], out_dir: Path,
          lang: str | None, pattern: str, template_dir: str | os.PathLike[str] | None,
          ) -> RenderTask:
    from jobdocs.api import render_source
    from jobdocs.render.context import default_language
    from jobdocs.render.embedded import model_data

    source = render_source(spec)
    model = source.model
    if not isinstance(model, Role | Contract):
        raise UsageError(f"{_name(spec)} is not a role or contract")
    data = model_data(model)
    outputs = []
    for language in [lang] if lang else [default_language(model)]:
        for fmt in formats:
            name = output_name(pattern, data, lang=language, fmt=fmt, row=number)
            inside(out_dir, name)
            outputs.append(Output(fmt, language, name))
    folder = Path(template_dir) if template_dir is not None else None
    return RenderTask(_name(spec), source, tuple(outputs), folder, number)
