"""The source spec carried inside a PDF: written as canonical YAML, read back by
``jobdocs extract``.

The embedded file is the *resolved* spec — ``extends`` merged, exactly the data the document
was rendered from — so an archived PDF documents itself. It is attached to the PDF/A-3 file
with the relationship ``/Source``.
"""

from __future__ import annotations

import datetime
import io
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from jobdocs.errors import RenderError, UsageError

SPEC_MEDIA_TYPE = "application/yaml"
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_PDF_BYTES = 256 * 2**20
"""The largest PDF ``jobdocs extract`` reads."""


# libyaml's emitter is about ten times faster than the pure-Python one; both give the same
# text for the plain data of a spec.
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _SpecDumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """YAML for specs: block style, Unicode as it is, keys in their order, decimals as
    numbers."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    return dumper.represent_scalar("tag:yaml.org,2002:float" if "." in text
                                   else "tag:yaml.org,2002:int", text)


_SpecDumper.add_representer(Decimal, _represent_decimal)


def canonical_yaml(data: Mapping[str, Any]) -> bytes:
    """``data`` as the YAML jobdocs embeds: UTF-8, block style, keys in spec order. An
    unpaired surrogate (possible only in a model built in code) becomes U+FFFD, as in the
    document itself."""
    text = yaml.dump(_without_surrogates(dict(data)), Dumper=_SpecDumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=100, indent=2)
    return text.encode("utf-8")


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_without_surrogates(v) for v in value]
    return value


def model_data(model: BaseModel) -> dict[str, Any]:
    """The spec data of a model built or changed in code (defaults left out)."""
    data = model.model_dump(mode="python", exclude_defaults=True)
    data.pop("extends", None)
    return {key: _plain(value) for key, value in data.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


@dataclass(frozen=True, slots=True)
class EmbeddedFile:
    """A file attached to a PDF."""

    name: str
    data: bytes


def embedded_files(pdf: bytes) -> list[EmbeddedFile]:
    """Every file attached to ``pdf``, in name order."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        attachments = reader.attachments
        return [EmbeddedFile(name, blob) for name in sorted(attachments)
                for blob in attachments[name]]
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise RenderError(f"cannot read the PDF: {exc}") from exc


def extract_spec(path: Path) -> EmbeddedFile:
    """The spec embedded in the PDF at ``path`` by ``jobdocs render``. Only a regular file
    of at most :data:`MAX_PDF_BYTES` is read (a FIFO would make the reader wait forever)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"{path} is not a regular file")
        if info.st_size > MAX_PDF_BYTES:
            raise UsageError(f"{path} is {info.st_size:,} bytes; the limit is {MAX_PDF_BYTES:,}")
        with path.open("rb") as handle:
            pdf = handle.read(MAX_PDF_BYTES + 1)
    except FileNotFoundError as exc:
        raise UsageError(f"{path} does not exist") from exc
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    if not pdf.startswith(b"%PDF-"):
        raise UsageError(f"{path} is not a PDF file")
    specs = [f for f in embedded_files(pdf) if f.name.endswith((".yaml", ".yml"))]
    if not specs:
        raise RenderError(f"{path} carries no embedded spec",
                          hint="only PDFs made by `jobdocs render` carry their spec")
    return specs[0]
