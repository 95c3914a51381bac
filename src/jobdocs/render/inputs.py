"""What rendering starts from: a validated spec, its organization, its files.

A :class:`RenderSource` gathers what the renderer reads besides the model itself: the
organization, the logo file, the spec root (the only folder, besides the templates, that the
PDF engine may read), and the resolved spec to embed in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobdocs.errors import RenderError, SpecError
from jobdocs.findings import has_errors
from jobdocs.models import Contract, Organization, Role
from jobdocs.render.embedded import canonical_yaml, model_data
from jobdocs.validation import Validated


@dataclass(frozen=True, slots=True)
class RenderSource:
    """A spec ready to render."""

    model: Role | Contract
    organization: Organization | None
    logo: Path | None
    """The organization's logo file (absolute, inside the spec root)."""
    spec_root: Path | None
    """The folder the PDF engine may read besides the templates; ``None`` for a model built
    in code."""
    spec_data: dict[str, Any]
    """The resolved spec's data, embedded in the PDF as canonical YAML (:attr:`spec_yaml`)."""
    annex: RenderSource | None = None
    """A contract's job description (the role spec it names), rendered as its Annex 1."""

    @property
    def spec_yaml(self) -> bytes:
        """The resolved spec as canonical YAML. Made when asked for: only a PDF needs it,
        and writing it costs more than rendering a Word document."""
        return canonical_yaml(self.spec_data)

    @property
    def spec_name(self) -> str:
        """The file name of the embedded spec: ``<id>.yaml``."""
        return f"{self.model.id}.yaml"

    @classmethod
    def from_validated(cls, result: Validated) -> RenderSource:
        """From a checked spec file (see :func:`jobdocs.api.check`); raises
        :class:`SpecError` when the spec has errors."""
        model = result.model
        if model is None or has_errors(result.findings):
            raise SpecError(result.findings, path=result.spec.path)
        if not isinstance(model, Role | Contract):
            raise RenderError(f"`{model.id}` is an organization; only roles and contracts "
                              "are rendered", path=result.spec.path)
        org_file = result.spec.organization.path if result.spec.organization else None
        data = result.spec.data or model_data(model)
        data = {k: v for k, v in data.items() if k != "extends"}
        annex = (cls.from_validated(result.role)
                 if isinstance(model, Contract) and result.role is not None else None)
        return cls(model=model, organization=result.organization,
                   logo=_logo(result.organization, org_file, result.spec.root),
                   spec_root=result.spec.root, spec_data=data, annex=annex)

    @classmethod
    def from_model(cls, model: Role | Contract, organization: Organization | None = None,
                   *, organization_file: Path | None = None,
                   spec_root: Path | None = None,
                   annex: RenderSource | None = None) -> RenderSource:
        """From a model (perhaps built or changed in code): the embedded spec is the model's
        own data."""
        return cls(model=model, organization=organization,
                   logo=_logo(organization, organization_file, spec_root),
                   spec_root=spec_root, spec_data=model_data(model),
                   annex=annex)


def _logo(org: Organization | None, org_file: Path | None, root: Path | None) -> Path | None:
    """The logo named by the organization's branding, resolved against its spec file and
    checked to lie inside the spec root."""
    ref = org.branding.logo if org and org.branding else None
    if ref is None or org_file is None or root is None:
        return None
    logo = (org_file.parent / ref).resolve()
    if not logo.is_relative_to(root.resolve()):
        raise RenderError(f"the logo `{ref}` lies outside the spec root {root}",
                          path=org_file, hint="keep the logo inside the spec repository")
    if not logo.is_file():
        raise RenderError(f"the logo `{ref}` does not exist", path=org_file)
    return logo
