"""``jobdocs batch``: mail merge of one spec with a CSV or XLSX file."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from jobdocs.cli import app
from jobdocs.errors import UsageError
from jobdocs.findings import shown

FORMATS = ("pdf", "html", "docx")


def _split(value: str, allowed: tuple[str, ...] | None, what: str) -> list[str]:
    items = [part.strip() for part in value.split(",") if part.strip()]
    if not items:
        raise UsageError(f"no {what} given")
    if allowed is not None:
        wrong = [item for item in items if item not in allowed]
        if wrong:
            raise UsageError(f"unknown {what}: {', '.join(wrong)}",
                             hint=f"use one or more of: {', '.join(allowed)}")
    return items


@app.command()
def batch(
    spec: Annotated[Path, typer.Argument(help="The contract or role spec, with the fields "
                                              "the data fills left out.")],
    data: Annotated[Path, typer.Argument(help="A .csv or .xlsx file whose column headers "
                                              "are dotted spec paths (employee.name.ka).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The output folder.")],
    formats: Annotated[str, typer.Option("--format", "-f",
                                         help="Comma-separated: pdf, html, docx.")] = "pdf",
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1,
                                             help="Worker processes (default: the CPUs; "
                                                  "1 renders in this process).")] = None,
    pattern: Annotated[str, typer.Option("--pattern",
                                         help="Output file names; fields are dotted spec "
                                              "paths, {lang}, {format} and {row}.")]
    = "{document.number}.{lang}.{format}",
    lang: Annotated[str | None, typer.Option("--lang", help="Comma-separated languages "
                                                            "(default: the spec's primary "
                                                            "language).")] = None,
    template_dir: Annotated[Path | None, typer.Option("--template-dir",
                                                      help="Your own templates.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace approved documents even when the new one differs.")] = False,
) -> int:
    """Render one document per row of DATA: every row is checked before anything is
    rendered, bad rows are reported and skipped, finished rows are not rendered again."""
    from jobdocs.batch.mailmerge import BatchOptions, plan_batch, run_batch
    from jobdocs.batch.pool import warm_executor
    from jobdocs.batch.progress import BatchProgress, print_summary
    from jobdocs.lint import Linter

    options = BatchOptions(formats=_split(formats, FORMATS, "format"),
                           languages=_split(lang, None, "language") if lang else (),
                           pattern=pattern, template_dir=template_dir, jobs=jobs, force=force)
    if not spec.is_file():
        raise UsageError(f"{spec} does not exist or is not a file")
    # The workers start (and import WeasyPrint) on the other cores while the rows are checked.
    with warm_executor(options.jobs, options.recycle_after, options.formats) as executor:
        linter = Linter()
        plan = plan_batch(spec, data, output, options,
                          lint_row=partial(linter.check_validated, errors_only=True))
        for problem in plan.problems:
            print(shown(str(problem)), file=sys.stderr)
        with BatchProgress(len(plan.tasks)) as progress:
            summary = run_batch(plan, output, options, executor=executor,
                                on_outcome=lambda _: progress.advance())
    print_summary(summary, already_shown=len(plan.problems))
    return 0 if summary.ok else 1
