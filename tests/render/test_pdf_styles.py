"""The stylesheet parsed once per renderer lays pages out exactly as the inlined one does."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from jobdocs.api import render_source
from jobdocs.render import Renderer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("spec", ["roles/account-manager.yaml", "contracts/ec-2026-042.yaml"])
def test_parsed_stylesheet_gives_the_same_pages_as_the_inlined_one(spec: str) -> None:
    import weasyprint

    renderer = Renderer()
    source = render_source(EXAMPLES / spec)
    kind = source.model.kind
    ours = renderer.pdf(source)
    inline_html = renderer.html(source)  # the stylesheet inlined, as the .html output has it
    base = renderer.templates.base_dir(kind).as_uri() + "/"
    reference = weasyprint.HTML(string=inline_html, base_url=base).write_pdf()
    assert _pages(ours) == _pages(reference)


def test_the_stylesheet_is_parsed_once_per_renderer() -> None:
    renderer = Renderer()
    source = render_source(EXAMPLES / "roles" / "account-manager.yaml")
    renderer.pdf(source, "ka")
    first = renderer._styles_for("role")
    renderer.pdf(source, "en")
    assert renderer._styles_for("role") is first
