"""``jobdocs diff``: what changed between two versions of a spec, as text, JSON or a redline."""

from __future__ import annotations

import io
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from jobdocs.cli import app
from jobdocs.errors import JobdocsError, SpecError, UsageError


class DiffFormat(StrEnum):
    """The output formats of ``jobdocs diff``."""

    text = "text"
    json = "json"
    html = "html"
    pdf = "pdf"
    docx = "docx"


BINARY = (DiffFormat.pdf, DiffFormat.docx)


@app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(
        metavar="OLD",
        help="The earlier version: a spec file, or REV:PATH (HEAD~1:roles/am.yaml).")],
    new: Annotated[str, typer.Argument(
        metavar="NEW", help="The later version: a spec file, or REV:PATH.")],
    output_format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help="text and json list the changes; html, pdf and docx render the "
                               "new document with the changes marked.")] = DiffFormat.text,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write to this file (written atomically).",
        show_default=False)] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", "-l", metavar="LANG",
        help="The language to show (text, json) or render (html, pdf, docx); default: all "
             "languages for text and json, the document's language for a redline.",
        show_default=False)] = None,
    author: Annotated[str, typer.Option(
        "--author", help="The author of the tracked changes in a Word redline.")] = "jobdocs",
    color: Annotated[bool | None, typer.Option(
        "--color/--no-color", help="Colour the text output (default: on a terminal).",
        show_default=False)] = None,
) -> int:
    """Compare two versions of a spec: list what was added, removed, changed or moved (text,
    json), or render the new document with insertions underlined and deletions struck
    through (html, pdf), or with Word tracked changes (docx).

    Exit codes, as for `diff`: 0 no changes, 1 changes, 2 trouble (a spec with errors, two
    specs of different kinds, a revision that does not exist).
    """
    from jobdocs.cli import report_error
    from jobdocs.diff.files import open_pair

    try:
        with open_pair(old, new) as pair:
            changes = pair.diff()
            if output_format in (DiffFormat.text, DiffFormat.json):
                _write_listing(changes, output_format, output, lang, color)
            else:
                _write_redline(pair, output_format, output, lang, author)
    except JobdocsError as exc:
        # Exit 1 means "the versions differ", as for `diff`: any trouble is 2.
        if isinstance(exc, SpecError):
            _print_findings(exc)
        report_error(exc)
        return 2
    return 1 if changes else 0


def _write_listing(changes: object, fmt: DiffFormat, output: Path | None, lang: str | None,
                   color: bool | None) -> None:
    import json

    from jobdocs.diff import SpecDiff
    from jobdocs.diff.output import print_text, to_json

    assert isinstance(changes, SpecDiff)
    buffer = io.StringIO()
    if fmt is DiffFormat.json:
        json.dump(to_json(changes, lang), buffer, ensure_ascii=False, indent=2)
        buffer.write("\n")
    else:
        use_color = color if color is not None else output is None and _is_terminal()
        print_text(changes, buffer, color=use_color, lang=lang)
    if output is not None:
        _write_file(output, buffer.getvalue().encode("utf-8", "backslashreplace"))
    else:
        sys.stdout.write(buffer.getvalue())


def _write_redline(pair: object, fmt: DiffFormat, output: Path | None, lang: str | None,
                   author: str) -> None:
    from jobdocs.diff.files import Compared
    from jobdocs.render import Renderer
    from jobdocs.render.dates import source_date_epoch
    from jobdocs.render.redline import render_redline

    assert isinstance(pair, Compared)
    if output is None and fmt in BINARY and _is_terminal():
        raise UsageError(f"a {fmt.value.upper()} redline is not printed on a terminal",
                         hint=f"write it to a file: -o redline.{fmt.value}")
    old_source, new_source = pair.sources()
    renderer = Renderer(timestamp=source_date_epoch(os.environ),
                        on_warning=lambda m: print(f"jobdocs: warning: {m}", file=sys.stderr))
    data = render_redline(renderer, old_source, new_source, fmt.value, lang, author=author)
    if output is not None:
        _write_file(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _write_file(path: Path, data: bytes) -> None:
    from jobdocs.output import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _print_findings(exc: SpecError) -> None:
    for finding in exc.findings:
        print(finding.format_text(), file=sys.stderr)


def _is_terminal() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
