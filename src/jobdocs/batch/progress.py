"""Progress of a batch: a rich progress bar with rate and ETA on a terminal, plain periodic
lines otherwise (CI logs), and the closing summary table."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from jobdocs.batch.mailmerge import BatchSummary
from jobdocs.findings import shown


class _RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("–" if speed is None else f"{speed:.1f} docs/s", style="progress.data.speed")


class BatchProgress:
    """Shows how far a batch has got: use as a context manager and call :meth:`advance`."""

    def __init__(self, total: int, stream: TextIO | None = None, *, interval: float = 5.0):
        self.total = total
        self.stream = stream or sys.stderr
        self.interval = interval
        self.done = 0
        self._started = time.monotonic()
        self._last_line = 0.0
        self._bar: Progress | None = None
        self._task_id: object = None
        if self.stream.isatty():
            self._bar = Progress(
                TextColumn("rendering"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
                TimeRemainingColumn(), console=Console(file=self.stream),
            )

    def __enter__(self) -> BatchProgress:
        if self._bar is not None:
            self._bar.start()
            self._task_id = self._bar.add_task("rendering", total=self.total)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.done and self.done != self._reported:
            self._line()

    _reported = 0

    def advance(self) -> None:
        """One more row finished (rendered or failed)."""
        self.done += 1
        if self._bar is not None:
            self._bar.advance(self._task_id)  # type: ignore[arg-type]
            return
        now = time.monotonic()
        if now - self._last_line >= self.interval or self.done == self.total:
            self._line()

    def _line(self) -> None:
        now = time.monotonic()
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        self.stream.write(f"batch: {self.done}/{self.total} documents, {rate:.1f} docs/s, "
                          f"about {left:.0f} s left\n")
        self.stream.flush()
        self._last_line = now
        self._reported = self.done


def print_summary(summary: BatchSummary, stream: TextIO | None = None, *,
                  already_shown: int = 0) -> None:
    """The problems (but the first ``already_shown``), one line each, then a table of
    rendered, unchanged and failed rows."""
    out = stream or sys.stderr
    for problem in summary.problems[already_shown:]:
        out.write(f"{shown(str(problem))}\n")
    table = Table(title="jobdocs batch", title_justify="left")
    for column in ("rendered", "skipped (unchanged)", "failed"):
        table.add_column(column, justify="right")
    failed_rows = len({(p.data, p.row) for p in summary.problems})
    table.add_row(str(summary.rendered), str(summary.unchanged), str(failed_rows))
    Console(file=out, width=80).print(table)
