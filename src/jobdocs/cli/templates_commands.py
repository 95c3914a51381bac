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
    """Copy the shipped templates into DIR; edit them and render with --template-dir DIR."""
    from jobdocs.render.templates import export_templates

    files = export_templates(directory, overwrite=force)
    for file in files:
        print(f"wrote {file}", file=sys.stderr)
    print(f"render with: jobdocs render SPEC --template-dir {directory}", file=sys.stderr)
    return 0
