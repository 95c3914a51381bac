"""The ``jobdocs`` command line. It imports the library; the library never imports it.

Each command lives in a module of this package and registers itself on :data:`app`;
:func:`main` maps every error to one message and an exit code (DESIGN.md §4):
0 clean, 1 error findings or a failed render, 2 usage or configuration error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from jobdocs.errors import JobdocsError
from jobdocs.findings import shown

app = typer.Typer(
    name="jobdocs",
    help="Job descriptions and employment contracts from YAML specs: validated, linted, "
    "signature-ready.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)



def _print_version(value: bool) -> None:
    if value:
        from jobdocs import __version__

        print(f"jobdocs {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Job descriptions and employment contracts from YAML specs: validated, linted,
    signature-ready."""


# Importing the command modules registers their commands on `app`.
from jobdocs.cli import batch_commands as _batch_commands  # noqa: E402,F401
from jobdocs.cli import diff_commands as _diff_commands  # noqa: E402,F401
from jobdocs.cli import doctor_commands as _doctor_commands  # noqa: E402,F401
from jobdocs.cli import lint_commands as _lint_commands  # noqa: E402,F401
from jobdocs.cli import render_commands as _render_commands  # noqa: E402,F401
from jobdocs.cli import spec_commands as _spec_commands  # noqa: E402,F401
from jobdocs.cli import templates_commands as _templates_commands  # noqa: E402,F401


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    _tolerate_unencodable_output()
    try:
        result = app(args=args, prog_name="jobdocs", standalone_mode=False)
    except typer.Abort:
        print("aborted", file=sys.stderr)
        return 130
    except typer.TyperException as exc:  # click's usage errors, as typer re-exports them
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            print(f"jobdocs: error: {exc}", file=sys.stderr)
        return 2
    except JobdocsError as exc:
        report_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return result if isinstance(result, int) else 0


def report_error(exc: JobdocsError) -> None:
    """Print an error the way every command does: one line, then the hint indented (control
    characters from a file name or a spec value shown as escapes)."""
    print(f"jobdocs: error: {shown(str(exc))}", file=sys.stderr)
    if exc.hint:
        print(f"    {shown(exc.hint)}", file=sys.stderr)


def _tolerate_unencodable_output() -> None:
    # A file name that is not UTF-8 reaches Python as lone surrogates; a strict stdout (any
    # UTF-8 locale but C.UTF-8) would crash printing it. Escape it instead.
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def run() -> None:
    """The console-script entry point."""
    sys.exit(main())
