"""jobdocs: job descriptions and employment contracts from YAML specs — validated, linted,
signature-ready.

The public API is exactly what this module exports (``__all__``); everything else may change.

>>> import jobdocs
>>> role = jobdocs.load("examples/roles/account-manager.yaml")
>>> jobdocs.validate("examples/roles/account-manager.yaml")
[]
"""

from jobdocs.api import References, load, references, schema, validate
from jobdocs.errors import (
    ConfigError,
    JobdocsError,
    RenderError,
    SpecError,
    TemplateError,
    UsageError,
)
from jobdocs.findings import Finding, Location, Severity
from jobdocs.models import Contract, Organization, Role, Text

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Contract",
    "Finding",
    "JobdocsError",
    "Location",
    "Organization",
    "References",
    "RenderError",
    "Role",
    "Severity",
    "SpecError",
    "TemplateError",
    "Text",
    "UsageError",
    "__version__",
    "load",
    "references",
    "schema",
    "validate",
]
