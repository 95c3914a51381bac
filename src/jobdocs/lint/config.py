"""Lint configuration: ``jobdocs.toml`` or ``[tool.jobdocs]`` in ``pyproject.toml``.

The file is found by walking up from each spec (the spec root, see :mod:`jobdocs.resolve`)::

    select = ["ALL"]                 # codes, prefixes (W, W1) or rule names
    ignore = ["W102"]
    [per-file-ignores]
    "roles/legacy/*.yaml" = ["W"]    # globs relative to the configuration file
    [severity]
    W101 = "error"                   # error | warning | info
    [rules.W108]                     # a rule's options, by code or name
    threshold = 0.8

Everything is validated when the file is read: an unknown setting, code or option, or a value
of the wrong type, raises :class:`~jobdocs.errors.ConfigError` (exit code 2) with a
"did you mean" hint. Tables with other names belong to other commands and are left alone.
"""

from __future__ import annotations

import contextlib
import difflib
import fnmatch
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from jobdocs.errors import ConfigError
from jobdocs.findings import Severity, dotted
from jobdocs.lint.registry import Registry, UnknownSelector
from jobdocs.lint.rule import Rule
from jobdocs.resolve import CONFIG_FILE, find_spec_root

SETTINGS = ("select", "ignore", "per-file-ignores", "severity", "rules")


@dataclass(frozen=True)
class LintConfig:
    """A validated configuration: which rules run where, at what severity, with which
    options. Build one with :func:`load_config`, :func:`config_from_mapping` or
    :meth:`default`."""

    registry: Registry
    enabled: frozenset[str]
    """Codes selected and not ignored."""
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rules: Mapping[str, Rule[Any]] = field(default_factory=dict)
    """An instance of every rule, with its configured options."""
    base: Path | None = None
    """The folder that ``per-file-ignores`` globs are relative to."""
    source: Path | None = None
    """The file the configuration was read from (``None`` for the defaults)."""

    @classmethod
    def default(cls, registry: Registry) -> LintConfig:
        """Every rule enabled with its default options and severity."""
        return config_from_mapping({}, registry)

    def with_selection(self, select: Sequence[str] = (), ignore: Sequence[str] = (),
                       ) -> LintConfig:
        """This configuration with ``select`` (when given) replacing the selected rules and
        ``ignore`` added to the ignored ones, as the command-line options do."""
        if not select and not ignore:
            return self
        enabled = (frozenset(check_selectors(self.registry, select, "--select")) if select
                   else self.enabled)
        ignored = frozenset(check_selectors(self.registry, ignore, "--ignore"))
        return replace(self, enabled=enabled - ignored)

    def enabled_for(self, file: Path) -> frozenset[str]:
        """The codes that apply to findings in ``file``."""
        ignored: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if _matches(file, pattern, self.base):
                ignored |= codes
        return self.enabled - ignored

    def severity_of(self, code: str) -> Severity | None:
        """The configured severity of ``code``, if it was overridden."""
        return self.severity.get(code)


def find_config(spec: Path) -> Path | None:
    """The configuration file that applies to ``spec``, if there is one."""
    root = find_spec_root(spec)
    for name in (CONFIG_FILE, "pyproject.toml"):
        candidate = root / name
        if candidate.is_file() and (name == CONFIG_FILE or _tool_table(candidate) is not None):
            return candidate
    return None


def load_config(path: Path, registry: Registry) -> LintConfig:
    """Read and validate the configuration in ``path`` (``jobdocs.toml`` or a
    ``pyproject.toml``)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the configuration: {exc.strerror}", path=path) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"the configuration is not valid TOML: {exc}", path=path,
                          hint="check the quotes and brackets on that line") from exc
    if path.name == "pyproject.toml":
        data = _tool_table(path, data) or {}
    return config_from_mapping(data, registry, source=path, base=path.parent)


def config_from_mapping(data: Mapping[str, Any], registry: Registry, *,
                        source: Path | None = None, base: Path | None = None) -> LintConfig:
    """Validate configuration ``data`` (as read from TOML) against ``registry``."""
    check = _Checker(registry, source)
    settings = {key.replace("_", "-"): value for key, value in data.items()}
    check.settings(settings)
    selected = check.codes(settings.get("select", ["ALL"]), "select")
    ignored = check.codes(settings.get("ignore", []), "ignore")
    per_file = tuple(
        (pattern, frozenset(check.codes(codes, f"per-file-ignores.{pattern}")))
        for pattern, codes in check.table(settings.get("per-file-ignores", {}),
                                          "per-file-ignores").items()
    )
    severity = {
        check.one_code(key, "severity"): check.severity(value, key)
        for key, value in check.table(settings.get("severity", {}), "severity").items()
    }
    options = {
        check.one_code(key, "rules"): check.table(value, f"rules.{key}")
        for key, value in check.table(settings.get("rules", {}), "rules").items()
    }
    rules = {rule.code: check.rule(rule, options.get(rule.code, {})) for rule in registry}
    return LintConfig(registry, frozenset(selected) - frozenset(ignored), per_file,
                      MappingProxyType(severity), MappingProxyType(rules), base, source)


class _Checker:
    """Turns each kind of mistake into a :class:`ConfigError` that names the setting."""

    def __init__(self, registry: Registry, source: Path | None):
        self.registry = registry
        self.source = source

    def fail(self, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(message, hint=hint, path=self.source)

    def settings(self, data: Mapping[str, Any]) -> None:
        for key, value in data.items():
            if key in SETTINGS:
                continue
            close = difflib.get_close_matches(key, SETTINGS, n=1, cutoff=0.7)
            if close or not isinstance(value, dict):
                hint = (f"did you mean `{close[0]}`?" if close
                        else f"lint settings are: {', '.join(SETTINGS)}")
                raise self.fail(f"unknown setting `{key}`", hint)

    def table(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"`{where}` must be a table of keys and values")
        return value

    def codes(self, value: Any, where: str) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"`{where}` must be a list of rule codes, e.g. [\"W101\", \"C\"]")
        found: list[str] = []
        for selector in value:
            try:
                found.extend(self.registry.select(selector))
            except UnknownSelector as exc:
                raise self.unknown(exc, where) from None
        return found

    def one_code(self, key: str, where: str) -> str:
        rule = self.registry.get(key)
        if rule is None:
            raise self.unknown(UnknownSelector(key, self.registry.suggest(key)), where)
        return rule.code

    def unknown(self, exc: UnknownSelector, where: str) -> ConfigError:
        hint = (f"did you mean `{exc.suggestion}`?" if exc.suggestion
                else "`jobdocs rules` lists every code")
        return self.fail(f"`{exc.selector}` in `{where}` is not a rule code or name", hint)

    def severity(self, value: Any, key: str) -> Severity:
        try:
            return Severity(value)
        except ValueError:
            raise self.fail(f"`severity.{key}` cannot be `{value}`",
                            "use error, warning or info") from None

    def rule(self, rule: type[Rule[Any]], raw: Mapping[str, Any]) -> Rule[Any]:
        options = {key.replace("-", "_"): value for key, value in raw.items()}
        try:
            return rule.make(options)
        except ValidationError as exc:
            raise self.option_error(rule, exc) from None

    def option_error(self, rule: type[Rule[Any]], exc: ValidationError) -> ConfigError:
        error = exc.errors(include_url=False)[0]
        fields = list(rule.options_model.model_fields)
        where = f"rules.{rule.code}.{dotted(tuple(error['loc']))}".rstrip(".")
        if error["type"] == "extra_forbidden":
            name = str(error["loc"][0])
            close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
            hint = (f"did you mean `{close[0]}`?" if close
                    else f"{rule.code} has the options: {', '.join(fields)}" if fields
                    else f"{rule.code} has no options")
            return self.fail(f"unknown option `{name}` for {rule.code} ({rule.name})", hint)
        return self.fail(f"`{where}`: {error['msg'].removeprefix('Value error, ')}",
                         f"`jobdocs rules {rule.code}` describes its options")


def _tool_table(pyproject: Path, data: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
    if data is None:
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
    tool = data.get("tool")
    table = tool.get("jobdocs") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def _matches(file: Path, pattern: str, base: Path | None) -> bool:
    if pattern.endswith("/"):
        pattern += "*"
    absolute = file.resolve()
    relative = absolute.as_posix()
    if base is not None:
        with contextlib.suppress(ValueError):
            relative = absolute.relative_to(base.resolve()).as_posix()
    return fnmatch.fnmatchcase(relative, pattern) or (
        "/" not in pattern and fnmatch.fnmatchcase(absolute.name, pattern))


def check_selectors(registry: Registry, selectors: Sequence[str], where: str) -> list[str]:
    """The codes ``selectors`` mean; a :class:`ConfigError` names one that means none."""
    return _Checker(registry, None).codes(list(selectors), where)


def parse_selectors(text: str | Sequence[str] | None) -> list[str]:
    """Selectors from a CLI option: ``"W1,C101"`` or repeated options."""
    if text is None:
        return []
    parts = [text] if isinstance(text, str) else list(text)
    return [s.strip() for part in parts for s in part.split(",") if s.strip()]
