"""The library API behind ``import jobdocs``: load, validate, schema.

Everything here is a function over paths and models; nothing keeps global state. Heavy
renderers are imported only by the functions that render.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jobdocs.discovery import spec_files
from jobdocs.errors import SpecError, UsageError
from jobdocs.findings import Finding, has_errors, sort_findings
from jobdocs.models import MODELS, Contract, Organization, Role, Spec
from jobdocs.resolve import Resolver
from jobdocs.validation import Validated, validate_resolved

Kind = Literal["role", "contract", "organization"]


def iter_spec_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The spec files named by ``paths``: files as given, folders searched recursively for
    ``*.yaml``/``*.yml`` that look like specs (see :mod:`jobdocs.discovery`), each once.
    Raises :class:`UsageError` for a path that does not exist."""
    return spec_files(paths)


def check(path: str | os.PathLike[str], *, resolver: Resolver | None = None) -> Validated:
    """Load, resolve and validate one spec; the result holds the model (or ``None``) and
    every finding, sorted."""
    resolver = resolver or Resolver()
    file = Path(path)
    if file.is_dir():
        raise UsageError(f"{file} is a directory, not a spec file")
    if not file.exists():
        raise UsageError(f"{file} does not exist")
    # A FIFO or a device is not opened: the loader reports it (R006) like any other problem.
    result = validate_resolved(resolver.resolve(file))
    result.findings = sort_findings(result.findings)
    return result


def validate(path: str | os.PathLike[str]) -> list[Finding]:
    """Every problem in the spec at ``path`` (and in the specs it references), in reading order.

    >>> import jobdocs
    >>> jobdocs.validate("examples/roles/account-manager.yaml")
    []
    """
    return check(path).findings


def load(path: str | os.PathLike[str]) -> Spec:
    """The model of the spec at ``path``: a :class:`Role`, :class:`Contract` or
    :class:`Organization`, with its references (organization, annexed role) attached.

    Raises :class:`SpecError`, which carries every finding, when the spec has errors.

    >>> role = jobdocs.load("examples/roles/account-manager.yaml")
    >>> role.document.number
    'JD-014'
    """
    result = check(path)
    if result.model is None or has_errors(result.findings):
        raise SpecError(result.findings, path=Path(path))
    return attach_references(result)


def attach_references(result: Validated) -> Spec:
    """Give the model its resolved references (see :func:`references`)."""
    model = result.model
    assert model is not None
    role_model = None
    if result.role is not None and isinstance(result.role.model, Role):
        role_model = attach_references(result.role)
    if isinstance(model, Role | Contract):
        model._refs = References(result.organization, role_model, result.spec.path)
    return model


class References:
    """What a loaded spec refers to: its organization and, for a contract, the annexed role."""

    __slots__ = ("organization", "path", "role")

    def __init__(self, organization: Organization | None, role: Spec | None, path: Path | None):
        self.organization = organization
        self.role = role if isinstance(role, Role) else None
        self.path = path


def references(model: Role | Contract) -> References:
    """The organization (and annexed role) of a model returned by :func:`load`; empty for a
    model built in code."""
    refs = getattr(model, "_refs", None)
    return refs if isinstance(refs, References) else References(None, None, None)


JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a spec of ``kind``, as written in a file.

    A role that ``extends`` another may leave out what it inherits, so for roles the
    required keys apply only when there is no ``extends``.
    """
    if kind not in MODELS:
        raise UsageError(f"unknown kind `{kind}`", hint=f"use one of: {', '.join(MODELS)}")
    body = MODELS[kind].model_json_schema(mode="validation")
    result: dict[str, Any] = {"$schema": JSON_SCHEMA_DRAFT, **body}
    if kind == "role":
        required = result.pop("required", [])
        result["if"] = {"required": ["extends"]}
        result["then"] = {"required": ["jobdocs", "kind", "id"]}
        result["else"] = {"required": required}
    return result


# -- rendering ---------------------------------------------------------------------------------

if TYPE_CHECKING:
    from jobdocs.diff import SpecDiff
    from jobdocs.render import Renderer, RenderSource

RENDER_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".docx": "docx"}


def render(spec: Role | Contract | str | os.PathLike[str], format: str = "pdf",
           lang: str | None = None, *, template_dir: str | os.PathLike[str] | None = None,
           renderer: Renderer | None = None) -> bytes:
    """The document of ``spec`` (a path, or a model from :func:`load`) as ``format``
    (``pdf`` or ``html``) in ``lang`` (default: the spec's primary language).

    A PDF is tagged PDF/A-3a, carries the resolved spec as an attachment, and has an empty
    signature field per signatory; the same inputs always give the same bytes (dates come
    from the spec or ``SOURCE_DATE_EPOCH``). Pass a :class:`jobdocs.render.Renderer` to
    reuse compiled templates across many documents.

    >>> pdf = jobdocs.render("examples/roles/account-manager.yaml", "pdf", lang="en")
    >>> pdf[:5]
    b'%PDF-'
    """
    from jobdocs.render import Renderer
    from jobdocs.render.dates import source_date_epoch

    if renderer is None:
        renderer = Renderer(Path(template_dir) if template_dir is not None else None,
                            timestamp=source_date_epoch(os.environ))
    return renderer.render(render_source(spec), format, lang)


def render_to(spec: Role | Contract | str | os.PathLike[str], path: str | os.PathLike[str],
              lang: str | None = None, *, template_dir: str | os.PathLike[str] | None = None,
              renderer: Renderer | None = None, force: bool = False) -> Path:
    """Render ``spec`` into the file ``path``, written atomically; the format follows the
    suffix (``.pdf``, ``.html``, ``.docx``). Returns the path. An approved document at
    ``path`` is not replaced by a different one unless ``force`` is true
    (:class:`~jobdocs.render.output.ReplaceRefused`).

    >>> jobdocs.render_to("examples/roles/account-manager.yaml", "out/am.en.pdf",
    ...                   lang="en")  # doctest: +SKIP
    PosixPath('out/am.en.pdf')
    """
    from jobdocs.render.output import check_replace, write_atomically

    target = Path(path)
    fmt = RENDER_SUFFIXES.get(target.suffix.lower())
    if fmt is None:
        raise UsageError(f"cannot tell the format of {target.name} from its suffix",
                         hint=f"name the file with one of: {', '.join(RENDER_SUFFIXES)}")
    data = render(spec, fmt, lang, template_dir=template_dir, renderer=renderer)
    check_replace(target, data, force=force)
    write_atomically(target, data)
    return target


def render_source(spec: Role | Contract | str | os.PathLike[str]) -> RenderSource:
    """What rendering ``spec`` reads: the model, its organization and logo, the spec root,
    and the resolved spec to embed. Raises :class:`SpecError` for a spec with errors."""
    from jobdocs.render import RenderSource

    if isinstance(spec, str | os.PathLike):
        return RenderSource.from_validated(check(spec))
    if not isinstance(spec, Role | Contract):
        raise UsageError(f"cannot render {type(spec).__name__}: pass a path, a role or a "
                         "contract")
    refs = references(spec)
    if refs.path is None:
        return RenderSource.from_model(spec, refs.organization)
    checked = check(refs.path)
    org_spec = checked.spec.organization
    annex = (RenderSource.from_validated(checked.role)
             if isinstance(spec, Contract) and checked.role is not None else None)
    return RenderSource.from_model(spec, refs.organization,
                                   organization_file=org_spec.path if org_spec else None,
                                   spec_root=checked.spec.root, annex=annex)


# -- comparing versions ------------------------------------------------------------------


def diff(old: str | os.PathLike[str], new: str | os.PathLike[str]) -> SpecDiff:
    """Every change from the spec ``old`` to ``new``: two files, or a file at a git revision
    written as git writes it (``HEAD~1:roles/am.yaml``). The result is true when anything
    changed; each :class:`~jobdocs.diff.Change` says what (added, removed, changed, moved),
    where in both files, and which words changed.

    Raises :class:`SpecError` when either spec has errors, :class:`UsageError` when they
    are of different kinds or a revision cannot be read.

    >>> changes = jobdocs.diff("examples/roles/account-manager.yaml",
    ...                        "examples/roles/key-account-manager.yaml")
    >>> changes.summary_lines()[:2]
    ['title: ~1', 'reports_to: ~1']
    """
    from jobdocs.diff.files import open_pair

    with open_pair(old, new) as pair:
        return pair.diff()


def redline(old: str | os.PathLike[str], new: str | os.PathLike[str], format: str = "pdf",
            lang: str | None = None, *, author: str = "jobdocs",
            renderer: Renderer | None = None) -> bytes:
    """The new document with the changes from ``old`` marked, as ``format``: ``html`` and
    ``pdf`` underline insertions and strike deletions through, with a change summary on the
    first page and change bars in the margin; ``docx`` carries Word tracked changes by
    ``author``, which a reviewer accepts or rejects in Word or LibreOffice.

    >>> pdf = jobdocs.redline("examples/roles/account-manager.yaml",
    ...                       "examples/roles/key-account-manager.yaml", "pdf")  # doctest: +SKIP
    """
    from jobdocs.diff.files import open_pair
    from jobdocs.render import Renderer
    from jobdocs.render.dates import source_date_epoch
    from jobdocs.render.redline import render_redline

    if renderer is None:
        renderer = Renderer(timestamp=source_date_epoch(os.environ))
    with open_pair(old, new) as pair:
        old_source, new_source = pair.sources()
        return render_redline(renderer, old_source, new_source, format, lang, author=author)


__all__ = [
    "Contract",
    "Organization",
    "References",
    "Role",
    "check",
    "diff",
    "iter_spec_files",
    "load",
    "redline",
    "references",
    "render",
    "render_source",
    "render_to",
    "schema",
    "validate",
]
