"""The rule base class: a code, a name, a default severity, options, and documentation.

Every rule is a subclass of :class:`Rule` in its own module under ``jobdocs.lint.rules``; the
class docstring is the user documentation (``jobdocs rules CODE``) and has the sections
*What it does / Why / Example / Use instead / Options*. A rule's options are a pydantic model
(:class:`RuleOptions`), filled from ``[rules.CODE]`` in the configuration.

Rules whose findings come from loading and validating a spec (``S`` and ``R`` codes that the
foundation reports) or from the engine itself (``X`` codes) are :class:`BuiltinRule`
subclasses: they exist so that their codes can be documented, selected, ignored and given
another severity, and their ``check`` finds nothing.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from jobdocs.findings import Finding, Location, Severity

if TYPE_CHECKING:
    from jobdocs.lint.context import RuleContext

Kind = Literal["role", "contract", "organization"]
Origin = Literal["rule", "validation", "engine"]

SECTIONS = ("What it does", "Why", "Example", "Use instead", "Options")
"""The headings every rule's documentation has, in this order."""


class RuleOptions(BaseModel):
    """Options of a rule. Unknown keys are configuration errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


OptionsT = TypeVar("OptionsT", bound=RuleOptions)


class Rule(Generic[OptionsT]):
    """A lint rule. Subclasses set the class attributes and implement :meth:`check`."""

    code: ClassVar[str] = ""
    """A letter and three digits, e.g. ``W101``; never reused for another rule."""
    name: ClassVar[str] = ""
    """A short kebab-case name, e.g. ``amount-in-responsibility``."""
    severity: ClassVar[Severity] = Severity.WARNING
    """The default severity; configuration may override it."""
    kinds: ClassVar[frozenset[Kind]] = frozenset({"role"})
    """The kinds of spec the rule checks."""
    options_model: ClassVar[type[RuleOptions]] = RuleOptions
    """The pydantic model of the rule's options."""
    origin: ClassVar[Origin] = "rule"
    """Who produces the findings: the rule itself, validation, or the engine."""

    def __init__(self, options: OptionsT) -> None:
        self.options = options

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """The findings of this rule in the spec of ``ctx``."""
        return iter(())

    def finding(self, location: Location, message: str, hint: str | None = None) -> Finding:
        """A finding of this rule at its default severity."""
        return Finding(self.code, self.severity, message, location, hint, rule=self.name)

    # -- documentation ---------------------------------------------------------------------

    @classmethod
    def docs(cls) -> str:
        """The rule's documentation: its docstring, dedented."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the documentation, on one line."""
        return " ".join(cls.docs().split("\n\n", 1)[0].split())

    @classmethod
    def section(cls, heading: str) -> str:
        """The text under ``## heading`` in the documentation ('' when absent)."""
        match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", cls.docs(),
                          re.MULTILINE | re.DOTALL)
        return match.group(1).strip() if match else ""

    @classmethod
    def make(cls, raw: dict[str, Any] | None = None) -> Rule[Any]:
        """An instance with options validated from ``raw`` (pydantic raises on bad ones)."""
        options: Any = cls.options_model.model_validate(raw or {})
        return cls(options)


class BuiltinRule(Rule[RuleOptions]):
    """A documented code whose findings come from validation or from the engine."""

    kinds: ClassVar[frozenset[Kind]] = frozenset({"role", "contract", "organization"})
    origin: ClassVar[Origin] = "validation"
    severity: ClassVar[Severity] = Severity.ERROR
