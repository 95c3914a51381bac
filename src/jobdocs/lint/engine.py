"""The lint engine: load each spec, run the enabled rules, apply configuration and
suppressions, and return every finding in reading order.

Findings that loading and validation produce (S and R codes) go through the same steps as
rule findings: they can be ignored, overridden in severity and suppressed. A rule that raises
becomes an X001 finding for that spec; the other rules still run.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jobdocs.errors import UsageError
from jobdocs.findings import Finding, Location, Severity, sort_findings
from jobdocs.lint.config import LintConfig, check_selectors, find_config, load_config
from jobdocs.lint.context import RuleContext
from jobdocs.lint.index import SpecIndex
from jobdocs.lint.registry import Registry, default_registry
from jobdocs.lint.rule import Rule
from jobdocs.lint.suppress import FileSuppressions, has_suppressions, parse_suppressions
from jobdocs.resolve import ResolvedSpec, Resolver
from jobdocs.validation import validate_resolved

INTERNAL_ERROR = "X001"


@dataclass
class LintResult:
    """The outcome of a lint run."""

    findings: list[Finding]
    files: list[Path]
    registry: Registry

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    def counts(self) -> dict[str, int]:
        """How many findings each code has, most frequent first."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.code] = counts.get(finding.code, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass
class _Run:
    """What one run accumulates: findings, the files they came from and their text."""

    findings: list[Finding] = field(default_factory=list)
    texts: dict[Path, str] = field(default_factory=dict)
    configs: dict[Path, LintConfig] = field(default_factory=dict)
    """The configuration of each linted file."""


class Linter:
    """Lints specs with one configuration, or with the one found for each spec.

    ``select`` and ``ignore`` (codes, prefixes or names) adjust whichever configuration
    applies, as ``--select`` and ``--ignore`` do on the command line.

    >>> from jobdocs.lint import Linter
    >>> Linter().run(["examples"]).findings
    []
    """

    def __init__(self, config: LintConfig | None = None, *, registry: Registry | None = None,
                 today: datetime.date | None = None, resolver: Resolver | None = None,
                 select: Sequence[str] = (), ignore: Sequence[str] = ()):
        self.registry = registry or (config.registry if config else default_registry())
        self.select, self.ignore = tuple(select), tuple(ignore)
        check_selectors(self.registry, select, "--select")
        check_selectors(self.registry, ignore, "--ignore")
        self.config = config.with_selection(select, ignore) if config is not None else None
        self.today = today or today_for_lint()
        self.resolver = resolver or Resolver()
        self.index = SpecIndex()
        self._configs: dict[Path | None, LintConfig] = {}
        self._enabled: dict[tuple[int, Path], frozenset[str]] = {}

    def run(self, files: Iterable[str | os.PathLike[str]]) -> LintResult:
        """Lint ``files`` (spec files; see :func:`jobdocs.lint.files.spec_files` for
        folders)."""
        run = _Run()
        paths = [Path(f) for f in files]
        for path in paths:
            self._lint_file(path, run)
        findings = self._suppress(sort_findings(run.findings), run)
        return LintResult(sort_findings(findings), paths, self.registry)

    def config_for(self, file: Path) -> LintConfig:
        """The configuration that applies to ``file``."""
        if self.config is not None:
            return self.config
        source = find_config(file)
        config = self._configs.get(source)
        if config is None:
            config = (load_config(source, self.registry) if source is not None
                      else LintConfig.default(self.registry))
            config = config.with_selection(self.select, self.ignore)
            self._configs[source] = config
        return config

    # -- one file --------------------------------------------------------------------------

    def _lint_file(self, path: Path, run: _Run) -> None:
        config = self.config_for(path)
        try:
            spec = self.resolver.resolve(path)
        except OSError as exc:
            raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
        validated = validate_resolved(spec)
        run.configs[spec.path] = config
        _collect_texts(spec, run.texts)
        found = [self._named(f) for f in validated.findings]
        if validated.model is not None:
            ctx = RuleContext(validated, self.today, self.resolver, self.index)
            for code in sorted(config.enabled):
                rule = config.rules[code]
                if rule.origin == "rule" and spec.kind in rule.kinds:
                    found.extend(_checked(rule, ctx, spec.path))
        for finding in found:
            if finding.code in self._enabled_for(config, finding.location.file):
                override = config.severity_of(finding.code)
                run.findings.append(finding.with_severity(override) if override else finding)

    def _named(self, finding: Finding) -> Finding:
        rule = self.registry.get(finding.code)
        return replace(finding, rule=rule.name) if rule is not None else finding

    def _enabled_for(self, config: LintConfig, file: Path) -> frozenset[str]:
        key = (id(config), file)
        enabled = self._enabled.get(key)
        if enabled is None:
            enabled = config.enabled_for(file)
            self._enabled[key] = enabled
        return enabled

    # -- suppressions ----------------------------------------------------------------------

    def _suppress(self, findings: list[Finding], run: _Run) -> list[Finding]:
        comments: dict[Path, FileSuppressions] = {
            file: parse_suppressions(file, text, self.registry)
            for file, text in run.texts.items() if has_suppressions(text)
        }
        kept = [f for f in findings
                if (c := comments.get(f.location.file)) is None or not c.suppresses(f)]
        for file, config in run.configs.items():
            found = comments.get(file)
            if found is None:
                continue
            enabled = self._enabled_for(config, file)
            for finding in (*found.invalid, *found.unused(enabled)):
                if finding.code in enabled:
                    override = config.severity_of(finding.code)
                    kept.append(finding.with_severity(override) if override else finding)
        return kept


def _checked(rule: Rule[Any], ctx: RuleContext, file: Path) -> list[Finding]:
    """The rule's findings, or an X001 finding when the rule fails."""
    try:
        return list(rule.check(ctx))
    except Exception as exc:  # a broken rule must not stop the run
        return [Finding(
            INTERNAL_ERROR, Severity.ERROR,
            f"rule {rule.code} ({rule.name}) failed on this spec: {type(exc).__name__}: {exc}",
            Location(file, 1, 1, 1, 1),
            hint="this is a bug in jobdocs, not in the spec; the other rules ran normally. "
                 "Please report it with the spec", rule="internal-error")]


def _collect_texts(spec: ResolvedSpec, texts: dict[Path, str]) -> None:
    for file, source in spec.sources.items():
        texts.setdefault(file, source.text)
    for ref in (spec.organization, spec.role):
        if ref is not None:
            _collect_texts(ref, texts)


def today_for_lint() -> datetime.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` when it is set (reproducible runs)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


def resolve_config(config: LintConfig | str | os.PathLike[str] | None,
                   registry: Registry | None = None) -> LintConfig | None:
    """A :class:`LintConfig` from a config object, a path to a configuration file, or
    ``None`` (find one per spec)."""
    if config is None or isinstance(config, LintConfig):
        return config
    path = Path(config)
    if not path.is_file():
        raise UsageError(f"the configuration file {path} does not exist")
    return load_config(path, registry or default_registry())
