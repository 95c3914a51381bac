"""``jobdocs batch``: one spec and a spreadsheet in, one document per row out.

Every row is merged, validated, linted and named before anything is rendered; a bad row is
reported as ``DATA:row N, column X: message`` and skipped. Rows whose inputs and files are
unchanged since an earlier run (see :mod:`~jobdocs.batch.manifest`) are skipped too, so a run
that was killed resumes where it stopped.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jobdocs.batch.manifest import Manifest, inputs_hash
from jobdocs.batch.merge import RowProblem, merge_row
from jobdocs.batch.names import DEFAULT_PATTERN, inside, output_name, pattern_fields
from jobdocs.batch.pool import RECYCLE_AFTER, Output, RenderTask, TaskOutcome, run_tasks
from jobdocs.batch.table import Table, read_table
from jobdocs.errors import SpecError, UsageError
from jobdocs.findings import Finding
from jobdocs.render.inputs import RenderSource
from jobdocs.resolve import ResolvedSpec, Resolver
from jobdocs.validation import Validated

RowLinter = Callable[[Validated], list[Finding]]
"""Lints a merged row (see :func:`jobdocs.lint.lint_validated`); only errors reject a row."""


@dataclass(slots=True)
class BatchPlan:
    """What a batch will do: the tasks to render, the rows to skip, the bad rows."""

    tasks: list[RenderTask] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0


@dataclass(slots=True)
class BatchSummary:
    """How a batch ended."""

    rendered: int = 0
    unchanged: int = 0
    failed: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.failed == 0


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """The settings of a batch run."""

    formats: Sequence[str] = ("pdf",)
    languages: Sequence[str] = ()
    """Languages to render (default: the spec's primary language)."""
    pattern: str = DEFAULT_PATTERN
    template_dir: Path | None = None
    jobs: int | None = None
    recycle_after: int = RECYCLE_AFTER
    force: bool = False
    """Replace approved documents with different ones (see ``jobdocs render --force``)."""


def plan_batch(spec: Path, data: Path, out_dir: Path, options: BatchOptions,
               lint_row: RowLinter | None = None) -> BatchPlan:
    """Check every row and decide what to render; nothing is written."""
    pattern_fields(options.pattern)  # a malformed pattern is a usage error before any row
    template = Resolver().resolve(spec)
    fatal = [f for f in template.all_findings() if f.is_error and f.code[0] != "S"]
    if template.data is None or fatal:
        raise SpecError(fatal or template.findings, path=spec)
    table = read_table(data)
    manifest = Manifest.load(out_dir)
    fingerprint = _fingerprint(template, options)
    plan = BatchPlan()
    names_seen: dict[str, int] = {}
    numbers_seen: dict[str, int] = {}
    references: dict[int, Validated] = {}
    for row in table.rows:
        plan.rows += 1
        result, problems = merge_row(template, table, row, references)
        if not problems and result is not None and lint_row is not None:
            problems = [RowProblem(table.path, row.number, None,
                                   f"{f.code} {f.message} ({f.location.path})")
                        for f in lint_row(result) if f.is_error]
        if problems or result is None:
            plan.problems.extend(problems)
            continue
        task, clash = _task(result, row.number, options, out_dir, names_seen, numbers_seen,
                            fingerprint, table)
        if clash is not None:
            plan.problems.append(clash)
            continue
        assert task is not None
        if manifest.is_done(task.key):
            plan.unchanged.append(row.number)
        else:
            plan.tasks.append(task)
    return plan


def run_batch(plan: BatchPlan, out_dir: Path, options: BatchOptions, *,
              executor: cf.Executor | None = None,
              on_outcome: Callable[[TaskOutcome], None] | None = None) -> BatchSummary:
    """Render the plan's tasks, recording each finished row in the manifest."""
    manifest = Manifest.load(out_dir)
    summary = BatchSummary(unchanged=len(plan.unchanged), problems=list(plan.problems))
    outcomes: Iterator[TaskOutcome] = run_tasks(plan.tasks, out_dir, executor=executor,
                                                jobs=options.jobs,
                                                recycle_after=options.recycle_after,
                                                force=options.force)
    for outcome in outcomes:
        if outcome.ok:
            summary.rendered += 1
            summary.files.extend(out_dir / name for name in outcome.files)
            manifest.record(outcome.task.key, outcome.task.row, outcome.files)
        else:
            summary.failed += 1
            summary.problems.append(RowProblem(Path("render"), outcome.task.row, None,
                                               outcome.error or "failed"))
        if on_outcome is not None:
            on_outcome(outcome)
    if summary.rendered:
        manifest.save()
    return summary


def _fingerprint(template: ResolvedSpec, options: BatchOptions) -> str:
    """What every row's output depends on besides its own data."""
    from jobdocs import __version__
    from jobdocs.render.templates import TemplateSet

    ref_data = [ref.data if ref is not None else None
                for ref in (template.organization, template.role)]
    templates = TemplateSet(options.template_dir)
    return inputs_hash(__version__, sorted(options.formats), list(options.languages),
                       options.pattern, ref_data, _template_hash(templates.search_path))


def _template_hash(folders: Sequence[Path]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _task(result: Validated, row: int, options: BatchOptions, out_dir: Path,
          names_seen: dict[str, int], numbers_seen: dict[str, int], fingerprint: str,
          table: Table) -> tuple[RenderTask | None, RowProblem | None]:
    assert result.spec.data is not None
    data = result.spec.data
    number = str(data.get("document", {}).get("number", ""))
    if number in numbers_seen:
        return None, RowProblem(table.path, row, "document.number",
                                f"the document number {number} repeats row "
                                f"{numbers_seen[number]}")
    from jobdocs.models import Contract, Role
    from jobdocs.render.context import default_language

    model = result.model
    assert isinstance(model, Role | Contract)
    languages = list(options.languages) or [default_language(model)]
    outputs = []
    for lang in languages:
        for fmt in options.formats:
            name = output_name(options.pattern, data, lang=lang, fmt=fmt, row=row)
            try:
                inside(out_dir, name)
            except UsageError as exc:
                return None, RowProblem(table.path, row, None, exc.message)
            # Windows and macOS ignore case in file names: EC-1 and ec-1 are one file there.
            if str(name).casefold() in names_seen:
                return None, RowProblem(table.path, row, None,
                                        f"the output file {name} repeats row "
                                        f"{names_seen[str(name).casefold()]}")
            outputs.append(Output(fmt, lang, name))
    numbers_seen[number] = row
    for out in outputs:
        names_seen[str(out.name).casefold()] = row
    source = RenderSource.from_validated(result)
    key = inputs_hash(fingerprint, data, [str(o.name) for o in outputs])
    return RenderTask(key, source, tuple(outputs), options.template_dir, row), None
