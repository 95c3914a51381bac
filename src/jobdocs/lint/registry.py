"""The rule registry: every rule module under ``jobdocs.lint.rules``, found by discovery.

A rule module is named ``<code>_<name>.py`` (``w101_amount_in_responsibility.py``) inside a
family folder and defines exactly one :class:`~jobdocs.lint.rule.Rule` subclass whose ``code``
matches the file name. A family folder may instead make its rules from data: its
``__init__`` then has a ``generated_rules()`` function that returns them (the jurisdiction
checklists, one rule per requirement of a pack). The registry is built once per process
(it is immutable) and answers "which rules does this selector mean?" for configuration,
suppressions and the CLI.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import pkgutil
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, ModuleType
from typing import Any

from jobdocs.lint.rule import Rule

RULES_PACKAGE = "jobdocs.lint.rules"
_MODULE_NAME = re.compile(r"^([a-z]\d{3})_[a-z0-9_]+$")
_CODE = re.compile(r"^[A-Z]\d{3}$")
_PREFIX = re.compile(r"^[A-Z]\d{0,2}$")

RuleClass = type[Rule[Any]]


class UnknownSelector(KeyError):
    """A code, prefix or name that matches no rule; ``suggestion`` is the closest one."""

    def __init__(self, selector: str, suggestion: str | None):
        super().__init__(selector)
        self.selector = selector
        self.suggestion = suggestion


@dataclass(frozen=True)
class Registry:
    """Rules by code, in code order."""

    rules: Mapping[str, RuleClass]
    _names: Mapping[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", MappingProxyType(dict(sorted(self.rules.items()))))
        object.__setattr__(self, "_names",
                           MappingProxyType({cls.name: code for code, cls in self.rules.items()}))

    def __iter__(self) -> Iterator[RuleClass]:
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, code: object) -> bool:
        return code in self.rules

    def get(self, key: str) -> RuleClass | None:
        """The rule with this code (any case) or name, if there is one."""
        code = self._names.get(key, key.upper())
        return self.rules.get(code)

    def select(self, selector: str) -> list[str]:
        """The codes a selector means: ``ALL``, a family or code prefix (``W``, ``W1``), a
        code, or a rule name. Raises :class:`UnknownSelector` when it means none."""
        key = selector.strip()
        if key.upper() == "ALL":
            return list(self.rules)
        rule = self.get(key)
        if rule is not None:
            return [rule.code]
        upper = key.upper()
        if _PREFIX.match(upper):
            codes = [code for code in self.rules if code.startswith(upper)]
            if codes:
                return codes
        raise UnknownSelector(selector, self.suggest(key))

    def suggest(self, key: str) -> str | None:
        """The code or name closest to a misspelt ``key``."""
        candidates = [*self.rules, *self._names]
        close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
        if not close and _CODE.match(key.upper()):
            close = [c for c in self.rules if c[:3] == key.upper()[:3]][:1]
        return close[0] if close else None


def discover(package: str = RULES_PACKAGE) -> Registry:
    """Import every rule module below ``package`` and collect its rule.

    Raises :class:`RuntimeError` for a module that breaks the conventions (no rule, two rules,
    a code that does not match the file name, a code used twice): a programming error that
    the test suite catches, never a user's.
    """
    root = importlib.import_module(package)
    rules: dict[str, RuleClass] = {}
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        short = info.name.rsplit(".", 1)[-1]
        match = _MODULE_NAME.match(short)
        if info.ispkg:
            generated = getattr(importlib.import_module(info.name), "generated_rules", None)
            for rule in generated() if generated is not None else ():
                _check(rule, info.name)
                _add(rules, rule, info.name)
            continue
        if match is None:
            continue
        rule = _rule_of(importlib.import_module(info.name))
        if rule.code != match.group(1).upper():
            raise RuntimeError(f"{info.name} defines {rule.code}; the file name says "
                               f"{match.group(1).upper()}")
        _add(rules, rule, info.name)
    return Registry(rules)


def _add(rules: dict[str, RuleClass], rule: RuleClass, where: str) -> None:
    if rule.code in rules:
        raise RuntimeError(f"{rule.code} is defined twice ({where})")
    rules[rule.code] = rule


def _rule_of(module: ModuleType) -> RuleClass:
    found = [obj for obj in vars(module).values()
             if isinstance(obj, type) and issubclass(obj, Rule)
             and obj.__module__ == module.__name__ and obj.code]
    if len(found) != 1:
        raise RuntimeError(f"{module.__name__} must define exactly one rule, found {len(found)}")
    rule: RuleClass = found[0]
    _check(rule, module.__name__)
    return rule


def _check(rule: RuleClass, where: str) -> None:
    if not _CODE.match(rule.code) or not rule.name:
        raise RuntimeError(f"{where}: a rule needs a code like W101 and a name")


@functools.cache
def default_registry() -> Registry:
    """Every rule shipped with jobdocs (discovered once per process)."""
    return discover()
