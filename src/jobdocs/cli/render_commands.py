"""Commands that make documents: ``render``, and ``extract`` (the spec inside a PDF)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from jobdocs.cli import app
from jobdocs.errors import JobdocsError, UsageError

RENDERABLE_KINDS = ("role", "contract")


def _split(value: str, what: str) -> list[str]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts:
        raise UsageError(f"no {what} given")
    return list(dict.fromkeys(parts))


def _warn(message: str) -> None:
    print(f"jobdocs: warning: {message}", file=sys.stderr)


@app.command()
def render(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH...", help="Role and contract specs, or folders to search for them.")],
    formats: Annotated[str, typer.Option(
        "--format", "-f", metavar="FORMATS",
        help="Comma-separated formats: pdf, html, docx.")]
    = "pdf",
    output_dir: Annotated[Path, typer.Option(
        "--output", "-o", metavar="DIR", help="Where to write the documents.")] = Path("."),
    lang: Annotated[str | None, typer.Option(
        "--lang", "-l", metavar="LANGS",
        help="Comma-separated languages (default: every language of each spec).")] = None,
    template_dir: Annotated[Path | None, typer.Option(
        "--template-dir", metavar="DIR",
        help="Templates to use instead of the shipped ones (see `jobdocs templates export`).")]
    = None,
    docx_template: Annotated[Path | None, typer.Option(
        "--docx-template", metavar="FILE.docx",
        help="The Word template for -f docx (check it with `jobdocs templates check`).")]
    = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace documents that are approved (their embedded spec or Word "
                        "property says so) even when the new one differs.")] = False,
) -> int:
    """Render job descriptions to signature-ready PDF (PDF/A-3a), HTML and Word (.docx) files
    named <id>.<lang>.<format>, written atomically. An approved PDF or Word document is not
    replaced by a different one without --force (exit code 1)."""
    from jobdocs.api import check, iter_spec_files
    from jobdocs.cli import report_error
    from jobdocs.findings import has_errors, sort_findings
    from jobdocs.render import FORMATS, Renderer, RenderSource
    from jobdocs.render.context import check_language, render_languages
    from jobdocs.render.dates import source_date_epoch
    from jobdocs.render.output import ReplaceRefused, check_replace, output_name, write_atomically
    from jobdocs.report import reporter
    from jobdocs.resolve import Resolver

    fmts = _split(formats, "format")
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format `{unknown[0]}`", hint=f"use one of: {', '.join(FORMATS)}")
    langs = _split(lang, "language") if lang is not None else None
    named = {p.resolve() for p in paths if not p.is_dir()}
    files = list(iter_spec_files(paths))
    if docx_template is not None and not docx_template.is_file():
        raise UsageError(f"the Word template {docx_template} does not exist")
    renderer = Renderer(template_dir, timestamp=source_date_epoch(os.environ), on_warning=_warn,
                        docx_template=docx_template)
    resolver = Resolver()
    written: dict[Path, Path] = {}
    failed = specs = 0
    for file in files:
        result = check(file, resolver=resolver)
        kind = result.spec.kind
        if kind not in RENDERABLE_KINDS:
            if kind != "organization" and has_errors(result.findings):  # unreadable, or no kind
                reporter("text")(sort_findings(result.findings), sys.stderr)
                print(f"jobdocs: not rendered: {file} has errors", file=sys.stderr)
                failed += 1
            elif file.resolve() in named:
                report_error(UsageError(f"{file} is a {kind or 'spec of unknown kind'}; only "
                                        "role and contract specs are rendered"))
                failed += 1
            continue
        specs += 1
        if result.model is None or has_errors(result.findings):
            reporter("text")(sort_findings(result.findings), sys.stderr)
            print(f"jobdocs: not rendered: {file} has errors", file=sys.stderr)
            failed += 1
            continue
        try:
            source = RenderSource.from_validated(result)
            for code in langs or render_languages(source.model):
                check_language(source.model, code)
                for fmt in fmts:
                    target = output_dir / output_name(source.model.id, code, fmt)
                    if fmt == "docx" and not renderer.has_docx_template(source.model.kind):
                        print(f"jobdocs: skipped {target.name}: there is no Word template for "
                              f"{source.model.kind} documents yet", file=sys.stderr)
                        continue
                    if target in written:
                        raise UsageError(f"{file} and {written[target]} would both write "
                                         f"{target}", hint="give each spec its own `id`")
                    data = renderer.render(source, fmt, code)
                    try:
                        check_replace(target, data, force=force)
                    except ReplaceRefused as refused:
                        report_error(refused)
                        failed += 1
                        continue
                    write_atomically(target, data)
                    written[target] = file
                    print(f"wrote {target}", file=sys.stderr)
        except JobdocsError as exc:
            if exc.path is None:
                exc.path = file
            report_error(exc)
            failed += 1
    if specs == 0 and not failed:
        raise UsageError("no role or contract specs found to render",
                         hint="name a role or contract spec, or a folder")
    print(f"{len(written)} document(s) from {specs} spec(s)"
          + (f"; {failed} failed" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


@app.command()
def extract(
    pdf: Annotated[Path, typer.Argument(metavar="FILE.pdf",
                                        help="A PDF made by `jobdocs render`.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the spec to this file instead of standard output.")]
    = None,
) -> int:
    """Print the spec a PDF was rendered from (embedded in every PDF jobdocs makes)."""
    from jobdocs.render.embedded import extract_spec
    from jobdocs.render.output import write_atomically

    spec = extract_spec(pdf)
    if output is not None:
        write_atomically(output, spec.data)
        print(f"wrote {output}", file=sys.stderr)
        return 0
    sys.stdout.flush()
    sys.stdout.buffer.write(spec.data)
    sys.stdout.buffer.flush()
    return 0
