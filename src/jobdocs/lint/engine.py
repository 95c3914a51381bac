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
from typing import TYPE_CHECKING, Any

from jobdocs.errors import UsageError
from jobdocs.findings import Finding, Location, Severity, sort_findings
from jobdocs.lint.config import LintConfig, check_selectors, find_config, load_config
from jobdocs.lint.context import RuleContext
from jobdocs.lint.index import SpecIndex
from jobdocs.lint.registry import Registry, default_registry
from jobdocs.lint.rule import Rule
from jobdocs.lint.suppress import FileSuppressions, has_suppressions, parse_suppressions
from jobdocs.resolve import ResolvedSpec, Resolver
from jobdocs.validation import Validated, validate_resolved

if TYPE_CHECKING:
    from jobdocs.gitrev import BaseRevision
    from jobdocs.lint.base import BaseSpecs

INTERNAL_ERROR = "X001"


@dataclass
class LintResult:
    """The outcome of a lint run."""

    findings: list[Finding]
    files: list[Path]
    registry: Registry

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(f.severity is Severity.ERROR for f in self.findings)

    def counts(self) -> dict[str, int]:
        """How many findings each code has, most frequent first."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.code] = counts.get(finding.code, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass(frozen=True)
class FileSettings:
    """What the suppression step needs to know of a linted file's configuration."""

    enabled: frozenset[str]
    severity: dict[str, Severity]


@dataclass
class RunState:
    """What linting accumulates before suppressions are applied: the findings, the text of
    every file that has suppression comments, and the settings of each linted file. Plain
    data, so that worker processes can hand it back (see :mod:`jobdocs.lint.parallel`)."""

    findings: list[Finding] = field(default_factory=list)
    texts: dict[Path, str] = field(default_factory=dict)
    targets: dict[Path, FileSettings] = field(default_factory=dict)

    def merge(self, other: RunState) -> None:
        """Add what another run (a worker's) accumulated."""
        self.findings.extend(other.findings)
        self.texts.update(other.texts)
        self.targets.update(other.targets)


class Linter:
    """Lints specs with one configuration, or with the one found for each spec.

    ``select`` and ``ignore`` (codes, prefixes or names) adjust whichever configuration
    applies, as ``--select`` and ``--ignore`` do on the command line.

    ``base`` is a git revision to compare with, as ``--base`` on the command line: the name
    of one (``"origin/main"``, read from the repository that holds the current folder and
    extracted for the duration of each :meth:`run`), or a
    :class:`~jobdocs.gitrev.BaseRevision` the caller keeps open. Rules that compare a spec
    with its earlier self (A108) find nothing without it.

    >>> from jobdocs.lint import Linter
    >>> Linter().run(["examples"]).findings
    []
    """

    def __init__(self, config: LintConfig | None = None, *, registry: Registry | None = None,
                 today: datetime.date | None = None, resolver: Resolver | None = None,
                 select: Sequence[str] = (), ignore: Sequence[str] = (), jobs: int = 1,
                 base: str | BaseRevision | None = None):
        self.registry = registry or (config.registry if config else default_registry())
        self.jobs = jobs
        self.select, self.ignore = tuple(select), tuple(ignore)
        check_selectors(self.registry, select, "--select")
        check_selectors(self.registry, ignore, "--ignore")
        self.config = config.with_selection(select, ignore) if config is not None else None
        self.today = today or today_for_lint()
        self.resolver = resolver or Resolver()
        self.index = SpecIndex()
        self._configs: dict[Path | None, LintConfig] = {}
        self._by_folder: dict[Path, LintConfig] = {}
        self._enabled: dict[tuple[int, Path], frozenset[str]] = {}
        self.base = base
        self._base: BaseSpecs | None = None if base is None or isinstance(base, str) \
            else _base_specs(base)

    @property
    def base_revision(self) -> BaseRevision | None:
        """The base revision of the run in progress (or the one given), if any."""
        return self._base.revision if self._base is not None else None

    def run(self, files: Iterable[str | os.PathLike[str]]) -> LintResult:
        """Lint ``files`` (spec files; see :func:`jobdocs.lint.files.spec_files` for
        folders), in ``jobs`` worker processes when there are enough of them."""
        paths = [Path(f) for f in files]
        if isinstance(self.base, str):
            from jobdocs.gitrev import BaseRevision

            with BaseRevision(self.base) as revision:
                return self._run_against(paths, revision)
        if self.base is not None:
            return self._run_against(paths, self.base)
        return self._run(paths)

    def _run_against(self, paths: list[Path], revision: BaseRevision) -> LintResult:
        # Extracted here, once: worker processes only read what the parent extracted.
        revision.prepare(paths)
        outer, self._base = self._base, _base_specs(revision)
        try:
            return self._run(paths)
        finally:
            self._base = outer

    def _run(self, paths: list[Path]) -> LintResult:
        from jobdocs.lint.parallel import lint_in_workers, worth_parallel

        if self.jobs > 1 and worth_parallel(self, paths):
            run = lint_in_workers(self, paths)
        else:
            run = self.collect(paths)
        findings = self._suppress(sort_findings(run.findings), run)
        return LintResult(sort_findings(findings), paths, self.registry)

    def collect(self, paths: Iterable[Path]) -> RunState:
        """Lint ``paths`` in this process, before suppressions."""
        run = RunState()
        for path in paths:
            self._lint_file(path, run)
        return run

    def config_for(self, file: Path) -> LintConfig:
        """The configuration that applies to ``file``."""
        if self.config is not None:
            return self.config
        folder = file.parent
        config = self._by_folder.get(folder)
        if config is None:
            source = find_config(file)
            config = self._configs.get(source)
            if config is None:
                config = (load_config(source, self.registry) if source is not None
                          else LintConfig.default(self.registry))
                config = config.with_selection(self.select, self.ignore)
                self._configs[source] = config
            self._by_folder[folder] = config
        return config

    def check_validated(self, validated: Validated, *, errors_only: bool = False,
                        ) -> list[Finding]:
        """Lint a spec that is already loaded and validated — for example one built in
        memory from a template and a data row — with the configuration of its file:
        its validation findings and the rules' findings, with suppression comments of its
        source files applied, in reading order.

        ``errors_only`` runs only the rules whose findings are errors under that
        configuration: all a mail merge needs to accept or reject a row, at a fraction of
        the cost."""
        run = RunState()
        self._lint_validated(validated, run, errors_only=errors_only)
        return sort_findings(self._suppress(sort_findings(run.findings), run))

    # -- one file --------------------------------------------------------------------------

    def _lint_file(self, path: Path, run: RunState) -> None:
        try:
            spec = self.resolver.resolve(path)
        except OSError as exc:
            raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
        self._lint_validated(validate_resolved(spec), run)

    def _lint_validated(self, validated: Validated, run: RunState, *,
                        errors_only: bool = False) -> None:
        spec = validated.spec
        config = self.config_for(spec.path)
        run.targets[spec.path] = FileSettings(self._enabled_for(config, spec.path),
                                              dict(config.severity))
        _collect_texts(spec, run.texts)
        found = [self._named(f) for f in validated.findings]
        if validated.model is not None:
            ctx = RuleContext(validated, self.today, self.resolver, self.index, self._base)
            for code in sorted(config.enabled):
                rule = config.rules[code]
                if errors_only and (config.severity_of(code) or rule.severity) != "error":
                    continue
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

    def _suppress(self, findings: list[Finding], run: RunState) -> list[Finding]:
        comments: dict[Path, FileSuppressions] = {
            file: parse_suppressions(file, text, self.registry)
            for file, text in run.texts.items()
        }
        kept = [f for f in findings
                if (c := comments.get(f.location.file)) is None or not c.suppresses(f)]
        for file, settings in run.targets.items():
            found = comments.get(file)
            if found is None:
                continue
            for finding in (*found.invalid, *found.unused(settings.enabled)):
                if finding.code in settings.enabled:
                    override = settings.severity.get(finding.code)
                    kept.append(finding.with_severity(override) if override else finding)
        return kept


def _base_specs(revision: BaseRevision) -> BaseSpecs:
    from jobdocs.lint.base import BaseSpecs

    return BaseSpecs(revision)


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
    """The text of each file of ``spec`` that has suppression comments."""
    for file, source in spec.sources.items():
        if file not in texts and has_suppressions(source.text):
            texts[file] = source.text
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
