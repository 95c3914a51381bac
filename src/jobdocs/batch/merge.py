"""Merging one data row into a spec, and turning the spec's findings into row problems.

A column header is a dotted spec path (``employee.name.ka``, ``terms.pay.amount``,
``functions[2].text``); each non-empty cell sets that path in a copy of the spec's data.
The merged data is validated like any spec, and each finding whose path is (or lies under,
or above) a column becomes ``DATA:row N, column X: message``.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jobdocs.batch.table import Row, Table
from jobdocs.errors import UsageError
from jobdocs.findings import Finding, PathKey, dotted
from jobdocs.resolve import ResolvedSpec
from jobdocs.validation import Validated, validate_resolved

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row cannot be rendered."""

    data: Path
    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{self.data}:{where}: {self.message}"


def parse_column(column: str) -> PathKey:
    """``functions[2].text`` → ``("functions", 2, "text")``; raises for anything else."""
    steps: list[str | int] = []
    for part in column.split("."):
        pos = 0
        if not part:
            raise UsageError(f"the column `{column}` is not a dotted spec path")
        while pos < len(part):
            match = _STEP.match(part, pos)
            if match is None or (pos == 0 and match.group(1) is None):
                raise UsageError(f"the column `{column}` is not a dotted spec path",
                                 hint="write paths like employee.name.ka or terms.pay.amount")
            steps.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
            pos = match.end()
    return tuple(steps)


def set_path(data: dict[str, Any], path: PathKey, value: Any, primary: str,
             copied: set[int] | None = None) -> None:
    """Set ``path`` in ``data``, creating mappings on the way. A plain string that gets a
    language key becomes a language mapping that keeps it as the ``primary`` text.

    With ``copied`` (the ids of containers already private to ``data``), every container
    on the way is copied before it is changed, so ``data`` may share the rest with the
    template it was copied from."""
    current: Any = data
    for step, following in itertools.pairwise(path):
        if isinstance(step, int):
            if not isinstance(current, list) or step >= len(current):
                raise KeyError(step)
            nxt = current[step]
        else:
            nxt = current.get(step)
        if isinstance(nxt, str) and isinstance(following, str):
            nxt = {primary: nxt}
        elif not isinstance(nxt, dict | list):
            nxt = {}
        elif copied is not None and id(nxt) not in copied:
            nxt = copy.copy(nxt)
        if copied is not None:
            copied.add(id(nxt))
        current[step] = nxt
        current = nxt
    last = path[-1]
    if isinstance(last, int) and (not isinstance(current, list) or last >= len(current)):
        raise KeyError(last)
    current[last] = value


def merge_row(template: ResolvedSpec, table: Table, row: Row,
              references: dict[int, Validated] | None = None,
              ) -> tuple[Validated | None, list[RowProblem]]:
    """Validate ``template`` with ``row`` merged in. Returns the result and the row's
    problems; findings that no column explains are returned as problems without a column.
    ``references`` memoizes the validation of the organization and role across rows."""
    assert template.data is not None
    data = dict(template.data)  # copied on write along each column's path
    copied = {id(data)}
    primary = str(data.get("language", "ka"))
    problems: list[RowProblem] = []
    if "__extra__" in row.cells:
        problems.append(RowProblem(table.path, row.number, None,
                                   "the row has more cells than the header has columns"))
    columns = {column: parse_column(column) for column in table.columns}
    for column, value in row.cells.items():
        if column == "__extra__":
            continue
        try:
            set_path(data, columns[column], value, primary, copied)
        except (KeyError, TypeError):
            problems.append(RowProblem(table.path, row.number, column,
                                       "this path does not exist in the spec"))
    if problems:
        return None, problems
    merged = replace(template, data=data, findings=list(template.findings))
    result = validate_resolved(merged, references)
    problems.extend(_row_problems(result.findings, table, row, columns))
    return result, problems


def _row_problems(findings: list[Finding], table: Table, row: Row,
                  columns: dict[str, PathKey]) -> list[RowProblem]:
    by_path = {dotted(path): column for column, path in columns.items()}
    problems = []
    for finding in findings:
        if not finding.is_error:
            continue
        column = _column_for(finding.location.path, by_path)
        message = finding.message
        if column is not None and finding.code == "S102" and column not in row.cells:
            message = f"the cell is empty, but `{column}` is required"
        elif column is None:
            message = f"{finding.location.display_file()}:{finding.location.line}: {message}"
        problems.append(RowProblem(table.path, row.number, column, message))
    return problems


def _column_for(path: str, by_path: dict[str, str]) -> str | None:
    if path in by_path:
        return by_path[path]
    for column_path, column in by_path.items():
        if column_path.startswith(path + ".") or path.startswith(column_path + ".") or (
                path.startswith(column_path + "[")):
            return column
    return None
