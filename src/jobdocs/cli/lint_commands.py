"""Commands of the linter: ``lint`` and ``rules``."""

from __future__ import annotations

import io
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from jobdocs.cli import app
from jobdocs.errors import UsageError

if TYPE_CHECKING:
    from jobdocs.lint import LintResult, Registry
    from jobdocs.report import RuleMeta

# The linter is imported by the commands that use it, so that other commands (and
# `jobdocs --help`) do not pay for loading the rules.


class LintFormat(StrEnum):
    """The output formats of ``jobdocs lint``."""

    auto = "auto"
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class RulesFormat(StrEnum):
    """The output formats of ``jobdocs rules``."""

    text = "text"
    json = "json"


@app.command("lint")
def lint_command(
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="PATH", help="Spec files or folders (default: the current folder).",
        show_default=False)] = None,
    output_format: Annotated[LintFormat, typer.Option(
        "--format", "-f", help="Output format; auto is github on the standard output of "
                               "GitHub Actions, else text.")] = LintFormat.auto,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file instead of standard output.",
        show_default=False)] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", help="Use this jobdocs.toml or pyproject.toml for every spec.",
        show_default=False)] = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these codes, prefixes or rule names (comma-separated).",
        show_default=False)] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Also ignore these codes, prefixes or rule names.",
        show_default=False)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail (exit 1) on any finding, warnings included.")] = False,
    exit_zero: Annotated[bool, typer.Option(
        "--exit-zero", help="Exit 0 even when there are errors.")] = False,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Print how many findings each code has.")] = False,
    only_specs: Annotated[bool, typer.Option(
        "--only-specs", help="Skip named YAML files that are not specs (for pre-commit).")]
    = False,
    color: Annotated[bool | None, typer.Option(
        "--color/--no-color", help="Colour the text output (default: on a terminal).",
        show_default=False)] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes for many specs; 0: one per CPU.")] = 0,
    base: Annotated[str | None, typer.Option(
        "--base", metavar="REV", help="Compare with this git revision (e.g. origin/main): "
                                      "A108 reports specs changed without a version bump.",
        show_default=False)] = None,
) -> int:
    """Lint specs: YAML, schema and references, then the rules (`jobdocs rules` lists them).

    Exit codes: 0 clean, 1 error findings (any finding with --strict), 2 usage or
    configuration error.
    """
    from jobdocs.findings import Location
    from jobdocs.lint import Linter, spec_files
    from jobdocs.lint.config import parse_selectors
    from jobdocs.lint.engine import resolve_config
    from jobdocs.lint.parallel import default_jobs
    from jobdocs.report import ReportOptions, reporter

    files = list(spec_files(paths or [Path(".")], only_specs=only_specs))
    if not files and not only_specs:
        raise UsageError("no spec files (*.yaml, *.yml) found", hint="name a file or a folder")
    linter = Linter(resolve_config(config), select=parse_selectors(select),
                    ignore=parse_selectors(ignore), jobs=jobs or default_jobs(), base=base)
    result = linter.run(files)
    fmt = _format(output_format, to_file=output is not None)
    # A report file is written whole and atomically: CI never reads half a report.
    buffer = io.StringIO()
    stream: TextIO = buffer if output is not None else sys.stdout
    use_color = (color if color is not None
                 else output is None and _is_terminal(stream)) and fmt == "text"
    options = ReportOptions(rules=rule_metadata(linter.registry),
                            files=[Location(f.resolve()).display_file() for f in result.files],
                            color=use_color, tool_version=_version())
    reporter(fmt)(result.findings, stream, options)
    if output is not None:
        _write_report(output, buffer.getvalue())
    machine = fmt != "text" or output is not None
    if statistics:
        _print_statistics(result, sys.stderr if machine else sys.stdout)
    print(_summary(result), file=sys.stderr)
    if exit_zero:
        return 0
    return 1 if result.errors or (strict and result.findings) else 0


def _write_report(output: Path, text: str) -> None:
    from jobdocs.output import write_atomic

    try:
        # A file name that is not UTF-8 is written escaped: the report stays valid UTF-8.
        write_atomic(output, text.encode("utf-8", "backslashreplace"))
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from exc


@app.command("rules")
def rules_command(
    code: Annotated[str | None, typer.Argument(
        metavar="CODE", help="A rule code or name: print its documentation.",
        show_default=False)] = None,
    output_format: Annotated[RulesFormat, typer.Option("--format", "-f",
                                                       help="Output format.")]
    = RulesFormat.text,
) -> int:
    """List every lint rule, or print the documentation of one."""
    from jobdocs.lint import default_registry

    registry = default_registry()
    if code is None:
        _list_rules(registry, output_format)
        return 0
    rule = registry.get(code)
    if rule is None:
        suggestion = registry.suggest(code)
        raise UsageError(f"there is no rule `{code}`",
                         hint=f"did you mean `{suggestion}`?" if suggestion
                         else "`jobdocs rules` lists every rule")
    if output_format is RulesFormat.json:
        json.dump(_rule_json(rule), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(f"{rule.code} {rule.name} ({rule.severity.value})\n\n{rule.docs()}\n")
    return 0


def rule_metadata(registry: Registry) -> dict[str, RuleMeta]:
    """What reports say about each rule."""
    from jobdocs.report import RuleMeta

    return {rule.code: RuleMeta(rule.code, rule.name, rule.severity, rule.summary(),
                                rule.docs()) for rule in registry}


def _list_rules(registry: Registry, output_format: RulesFormat) -> None:
    if output_format is RulesFormat.json:
        json.dump([_rule_json(rule) for rule in registry], sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
        return
    width = max(len(rule.name) for rule in registry)
    for rule in registry:
        sys.stdout.write(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<{width}}  "
                         f"{rule.summary()}\n")


def _rule_json(rule: Any) -> dict[str, Any]:
    return {"code": rule.code, "name": rule.name, "severity": rule.severity.value,
            "summary": rule.summary(), "docs": rule.docs(),
            "options": rule.options_model().model_dump(mode="json")}


def _format(choice: LintFormat, *, to_file: bool) -> str:
    """``auto`` is GitHub annotations when GitHub Actions reads standard output."""
    if choice is LintFormat.auto:
        in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        return "github" if in_actions and not to_file else "text"
    return choice.value


def _is_terminal(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _version() -> str:
    from jobdocs import __version__

    return __version__


def _print_statistics(result: LintResult, stream: TextIO) -> None:
    counts = result.counts()
    for code, count in counts.items():
        rule = result.registry.get(code)
        name = rule.name if rule is not None else ""
        stream.write(f"{count:>5}  {code}  {name}\n")
    stream.write(f"{sum(counts.values()):>5}  total\n")


def _summary(result: LintResult) -> str:
    from jobdocs.findings import Severity

    files = len(result.files)
    if not result.findings:
        return f"{files} spec(s) checked: no problems"
    by = {s: sum(f.severity is s for f in result.findings) for s in Severity}
    parts = [f"{by[s]} {s.value}(s)" for s in Severity if by[s]]
    return f"{files} spec(s) checked: {', '.join(parts)}"

