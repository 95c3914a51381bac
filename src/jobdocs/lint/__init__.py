"""``jobdocs lint``: rules that catch what a careful HR lawyer would catch, with exact
positions, configuration, inline suppression and CI-grade output.

>>> import jobdocs
>>> jobdocs.lint("examples")
[]
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable

from jobdocs.findings import Finding
from jobdocs.lint.config import LintConfig, config_from_mapping, find_config, load_config
from jobdocs.lint.engine import Linter, LintResult, resolve_config
from jobdocs.lint.files import spec_files
from jobdocs.lint.registry import Registry, default_registry
from jobdocs.lint.rule import Rule, RuleOptions

PathArg = str | os.PathLike[str]


def lint(paths: PathArg | Iterable[PathArg], config: LintConfig | PathArg | None = None,
         *, base: str | None = None) -> list[Finding]:
    """Lint the specs at ``paths`` (files or folders) and return every finding in reading
    order: YAML, schema and reference problems (S, R) and rule findings alike.

    ``config`` is a :class:`LintConfig`, the path of a ``jobdocs.toml`` or ``pyproject.toml``,
    or ``None`` to use the configuration found by walking up from each spec.
    ``base`` is a git revision of the repository that holds the current folder
    (``"origin/main"``): with it, A108 reports specs that changed since then without a higher
    ``document.version`` (see ``jobdocs rules A108``).
    Raises :class:`~jobdocs.errors.ConfigError` for an invalid configuration and
    :class:`~jobdocs.errors.UsageError` for a path that does not exist (or, with ``base``,
    an unknown revision or a path outside the repository).
    """
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    linter = Linter(resolve_config(config), base=base)
    return linter.run(spec_files(items)).findings


class _CallableModule(types.ModuleType):
    """``jobdocs.lint`` is both this package and the :func:`lint` function of the public API.
    Importing a submodule makes Python set the package as the attribute ``jobdocs.lint``,
    replacing the function; making the package callable keeps ``jobdocs.lint(paths)``
    working whichever of the two the attribute holds."""

    def __call__(self, paths: PathArg | Iterable[PathArg],
                 config: LintConfig | PathArg | None = None, *,
                 base: str | None = None) -> list[Finding]:
        return lint(paths, config, base=base)


sys.modules[__name__].__class__ = _CallableModule

__all__ = [
    "LintConfig",
    "LintResult",
    "Linter",
    "Registry",
    "Rule",
    "RuleOptions",
    "config_from_mapping",
    "default_registry",
    "find_config",
    "lint",
    "load_config",
    "spec_files",
]
