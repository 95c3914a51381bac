"""Commands about specs themselves: ``validate``, ``schema``, ``init``."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from jobdocs.cli import app
from jobdocs.errors import UsageError
from jobdocs.findings import Finding, Severity, sort_findings
from jobdocs.report import reporter


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class SpecKind(StrEnum):
    role = "role"
    contract = "contract"
    organization = "organization"


class StarterLanguage(StrEnum):
    ka = "ka"
    en = "en"
    ru = "ru"


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH...", help="Spec files or folders (searched recursively for *.yaml, *.yml).")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f",
                                                        help="Output format.")] = OutputFormat.text,
) -> int:
    """Check that specs are well-formed: YAML, schema, references, inheritance, translations."""
    from jobdocs.api import check, iter_spec_files
    from jobdocs.resolve import Resolver

    files = list(iter_spec_files(paths))
    if not files:
        raise UsageError("no spec files (*.yaml, *.yml) found", hint="name a file or a folder")
    resolver = Resolver()
    findings: list[Finding] = []
    for file in files:
        findings.extend(check(file, resolver=resolver).findings)
    findings = sort_findings(findings)
    reporter(output_format.value)(findings, sys.stdout)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    summary = (f"{len(files)} spec(s) valid" if not findings
               else f"{errors} error(s), {len(findings) - errors} other finding(s) "
                    f"in {len(files)} spec(s)")
    print(summary, file=sys.stderr)
    return 1 if errors else 0


@app.command("schema")
def schema_command(
    kind: Annotated[SpecKind, typer.Argument(help="The kind of spec.")] = SpecKind.role,
) -> int:
    """Print the JSON Schema (draft 2020-12) of a kind of spec, for editors and CI."""
    from jobdocs.api import schema

    json.dump(schema(kind.value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


@app.command()
def init(
    kind: Annotated[SpecKind, typer.Argument(help="The kind of spec to start.")],
    lang: Annotated[StarterLanguage, typer.Option("--lang", "-l",
                                                  help="The language of the starter.")]
    = StarterLanguage.ka,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write to this file (it must not exist) "
                                                     "instead of standard output.")] = None,
) -> int:
    """Write a complete, valid starter spec to fill in."""
    from jobdocs.starters import SCHEMA_DIR, starter

    if output is None:
        ref = f"{SCHEMA_DIR}/{kind.value}.json"
        sys.stdout.write(starter(kind.value, lang.value, schema_ref=ref))
        return 0
    if output.exists():
        raise UsageError(f"{output} already exists", hint="choose another name or remove it")
    if not output.parent.is_dir():
        raise UsageError(f"the folder {output.parent} does not exist")
    from jobdocs.output import write_new_file
    from jobdocs.resolve import find_spec_root
    from jobdocs.starters import write_schema_file

    root = find_spec_root(output.parent)
    try:
        schema_file = write_schema_file(root, kind.value)
        relative = Path(os.path.relpath(schema_file, output.parent.resolve())).as_posix()
        write_new_file(output, starter(kind.value, lang.value,
                                       schema_ref=relative).encode("utf-8"))
    except FileExistsError as exc:
        raise UsageError(f"{output} already exists",
                         hint="choose another name or remove it") from exc
    except OSError as exc:
        raise UsageError(f"cannot write {exc.filename or output}: {exc.strerror or exc}") from exc
    print(f"wrote {output} (editor schema: {schema_file})", file=sys.stderr)
    return 0
