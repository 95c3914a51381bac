"""``jobdocs templates``: copy the shipped templates to edit them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from jobdocs.cli import app

templates_app = typer.Typer(
    help="Work with the document templates.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(templates_app, name="templates")


@templates_app.command("export")
def export(
    directory: Annotated[Path, typer.Argument(metavar="DIR",
                                              help="Where to copy the templates.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")]
    = False,
) -> int:
    """Copy the shipped templates (document.html.j2, style.css and the Word template
    document.docx of each kind) into DIR; edit them and render with --template-dir DIR."""
    from jobdocs.render.templates import export_templates

    files = export_templates(directory, overwrite=force)
    for file in files:
        print(f"wrote {file}", file=sys.stderr)
    print(f"render with: jobdocs render SPEC --template-dir {directory}", file=sys.stderr)
    return 0


@templates_app.command("check")
def check(
    template: Annotated[Path, typer.Argument(metavar="FILE.docx",
                                             help="The Word template to check.")],
    kind: Annotated[str | None, typer.Option(
        "--kind", metavar="KIND", help="The kind of document the template is for: role or "
                                       "contract (default: the name of the template's folder, "
                                       "as in contract/document.docx, else role).")] = None,
) -> int:
    """Check a Word template: Jinja syntax, unknown names, content it never prints, tags split
    across Word runs — each with the paragraph or table cell where it is. Exit 1 on problems."""
    from jobdocs.errors import UsageError
    from jobdocs.render.docx_check import check_docx_template

    if not template.is_file():
        raise UsageError(f"{template} does not exist" if not template.exists()
                         else f"{template} is not a file")
    if kind is None:
        folder = template.resolve().parent.name
        kind = folder if folder in ("role", "contract") else "role"
    problems = check_docx_template(template, kind)
    for problem in problems:
        print(f"{template}: {problem}")
        if problem.hint:
            print(f"    {problem.hint}")
    if problems:
        errors = sum(p.severity == "error" for p in problems)
        print(f"{len(problems)} problem(s) in {template}: {errors} error(s), "
              f"{len(problems) - errors} warning(s)", file=sys.stderr)
        return 1
    print(f"{template}: no problems found", file=sys.stderr)
    return 0
