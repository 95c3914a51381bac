"""Documents and templates too large to handle in bounded time and memory are refused before
the work starts, with a message that says which limit and how to proceed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from jobdocs.api import render_source
from jobdocs.errors import RenderError, TemplateError
from jobdocs.render import Renderer
from jobdocs.render.docx_package import MAX_UNPACKED_BYTES

SPECS = Path(__file__).resolve().parent.parent / "render" / "specs"
EN = SPECS / "roles" / "warehouse-supervisor.en.yaml"


def test_a_pdf_too_long_to_lay_out_is_refused_before_layout() -> None:
    renderer = Renderer(max_layout_chars=2000)
    with pytest.raises(RenderError, match="too long to lay out") as caught:
        renderer.render(render_source(EN), "pdf")
    assert caught.value.hint and "HTML or Word" in caught.value.hint
    assert renderer.render(render_source(EN), "html")  # HTML has no such limit


def test_a_word_template_that_unpacks_to_gigabytes_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * 2**20
            for _ in range(MAX_UNPACKED_BYTES // len(block) + 1):
                member.write(block)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 2 * 2**20
    with pytest.raises(TemplateError, match="unpacks to"):
        Renderer(docx_template=bomb).render(render_source(EN), "docx")


def test_a_word_template_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "template.docx"
    os.mkfifo(fifo)  # reading it would block forever
    with pytest.raises(TemplateError, match="not a regular file"):
        Renderer(docx_template=fifo).render(render_source(EN), "docx")


def test_a_resource_over_the_size_limit_is_refused(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from jobdocs.render import resources

    image = tmp_path / "huge.png"
    image.write_bytes(b"\x89PNG" + b"\0" * 2000)
    monkeypatch.setattr(resources, "MAX_RESOURCE_BYTES", 1000)
    policy = resources.ResourcePolicy([tmp_path])
    with pytest.raises(RenderError, match="at most 1,000"):
        policy.read(image.as_uri())


@pytest.mark.parametrize("size", [(12_000, 12_000), (2_001, 2_000)])
def test_an_image_of_too_many_pixels_is_refused_before_layout(size: tuple[int, int],
                                                             tmp_path: Path) -> None:
    from PIL import Image

    from jobdocs.render.resources import ResourcePolicy

    image = tmp_path / "logo.png"
    Image.new("1", size).save(image, optimize=True)  # a few kilobytes, millions of pixels
    with pytest.raises(RenderError, match="pixels; an image may have at most 4,000,000"):
        ResourcePolicy([tmp_path]).read(image.as_uri())
    small = tmp_path / "small.png"
    Image.new("1", (2_000, 2_000)).save(small)
    assert ResourcePolicy([tmp_path]).read(small.as_uri())[1].startswith(b"\x89PNG")


@pytest.mark.parametrize("content_types", ["<Types/>", "not xml"])
def test_a_damaged_word_template_is_an_error_not_a_crash(content_types: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    from jobdocs.cli import main

    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("word/document.xml", "<x/>")
    with pytest.raises(TemplateError, match="is not a Word document"):
        Renderer(docx_template=damaged).render(render_source(EN), "docx")
    assert main(["templates", "check", str(damaged)]) == 1
    err = capsys.readouterr().err
    assert "is not a Word document" in err and "Traceback" not in err
