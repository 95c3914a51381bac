"""Linting in worker processes: many specs are split into chunks, each chunk is linted by a
fresh :class:`~jobdocs.lint.engine.Linter` in a worker, and the workers' findings come back
to the parent, which applies suppression comments across all of them (a comment in one file
may be used by a finding that linting another file produced).

Workers are forked where the platform allows it and the process runs no other thread, so
they start with jobdocs already imported. A linter that cannot be rebuilt from plain
settings — a configuration made in code, a custom registry — lints in its own process.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jobdocs.lint.registry import default_registry

if TYPE_CHECKING:
    from jobdocs.gitrev import BaseRevision
    from jobdocs.lint.engine import Linter, RunState

MIN_FILES_PER_WORKER = 25
CHUNKS_PER_WORKER = 4


@dataclass(frozen=True)
class _Settings:
    """How to rebuild the parent's linter in a worker."""

    config_file: Path | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    today: datetime.date
    base: BaseRevision | None


def default_jobs() -> int:
    """How many processes to lint with when not told: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def worth_parallel(linter: Linter, paths: list[Path]) -> bool:
    """Whether ``linter`` can and should lint ``paths`` in worker processes."""
    config = linter.config
    rebuildable = (linter.registry is default_registry()
                   and (config is None or config.source is not None))
    return rebuildable and len(paths) >= 2 * MIN_FILES_PER_WORKER


def lint_in_workers(linter: Linter, paths: list[Path]) -> RunState:
    """Lint ``paths`` in up to ``linter.jobs`` processes; the findings before suppression."""
    from jobdocs.lint.engine import RunState

    workers = max(1, min(linter.jobs, len(paths) // MIN_FILES_PER_WORKER))
    settings = _Settings(linter.config.source if linter.config is not None else None,
                         linter.select, linter.ignore, linter.today, linter.base_revision)
    count = workers * CHUNKS_PER_WORKER
    chunks = [paths[i::count] for i in range(count) if paths[i::count]]
    # Forking a process that runs other threads can copy a lock that some thread holds;
    # then workers start fresh instead (slower, but safe).
    forkable = "fork" in multiprocessing.get_all_start_methods()
    single_threaded = threading.active_count() == 1
    context = multiprocessing.get_context("fork" if forkable and single_threaded else "spawn")
    run = RunState()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for part in pool.map(_lint_chunk, [settings] * len(chunks), chunks):
            run.merge(part)
    return run


def _lint_chunk(settings: _Settings, paths: list[Path]) -> RunState:
    from jobdocs.lint.engine import Linter, resolve_config

    linter = Linter(resolve_config(settings.config_file), today=settings.today,
                    select=settings.select, ignore=settings.ignore, base=settings.base)
    return linter.collect(paths)
