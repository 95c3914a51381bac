"""jobdocs: job descriptions and employment contracts from YAML specs — validated, linted,
signature-ready.

The public API is exactly what this module exports (``__all__``); everything else may change.

>>> import jobdocs
>>> role = jobdocs.load("examples/roles/account-manager.yaml")
>>> jobdocs.validate("examples/roles/account-manager.yaml")
[]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jobdocs.api import (
        References,
        diff,
        load,
        redline,
        references,
        render,
        render_to,
        schema,
        validate,
    )
    from jobdocs.batch.many import RenderResult, render_many
    from jobdocs.diff import Change, SpecDiff
    from jobdocs.errors import (
        ConfigError,
        JobdocsError,
        RenderError,
        SpecError,
        TemplateError,
        UsageError,
    )
    from jobdocs.findings import Finding, Location, Severity
    from jobdocs.lint import lint
    from jobdocs.models import Contract, Organization, Role, Text

# Public names and the modules that define them. They are imported on first use, so that
# `jobdocs --help` does not pay for pydantic's model building.
_EXPORTS: dict[str, str] = {
    "References": "jobdocs.api",
    "diff": "jobdocs.api",
    "load": "jobdocs.api",
    "redline": "jobdocs.api",
    "references": "jobdocs.api",
    "render": "jobdocs.api",
    "render_to": "jobdocs.api",
    "schema": "jobdocs.api",
    "validate": "jobdocs.api",
    "ConfigError": "jobdocs.errors",
    "JobdocsError": "jobdocs.errors",
    "RenderError": "jobdocs.errors",
    "SpecError": "jobdocs.errors",
    "TemplateError": "jobdocs.errors",
    "UsageError": "jobdocs.errors",
    "Change": "jobdocs.diff",
    "SpecDiff": "jobdocs.diff",
    "Finding": "jobdocs.findings",
    "Location": "jobdocs.findings",
    "Severity": "jobdocs.findings",
    "lint": "jobdocs.lint",
    "render_many": "jobdocs.batch.many",
    "RenderResult": "jobdocs.batch.many",
    "Contract": "jobdocs.models",
    "Organization": "jobdocs.models",
    "Role": "jobdocs.models",
    "Text": "jobdocs.models",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jobdocs' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "Change",
    "ConfigError",
    "Contract",
    "Finding",
    "JobdocsError",
    "Location",
    "Organization",
    "References",
    "RenderError",
    "RenderResult",
    "Role",
    "Severity",
    "SpecDiff",
    "SpecError",
    "TemplateError",
    "Text",
    "UsageError",
    "__version__",
    "diff",
    "lint",
    "load",
    "redline",
    "references",
    "render",
    "render_many",
    "render_to",
    "schema",
    "validate",
]
