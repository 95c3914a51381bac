"""render_redline's formats: Word goes through the tracked-changes converter with the marked
document, an author and a reproducible date; HTML is the same bytes every time."""

from __future__ import annotations

import datetime
import io
import sys
import types
import zipfile
from pathlib import Path
from typing import Any

import pytest

from jobdocs.render import Renderer, RenderSource
from jobdocs.render.redline import render_redline
from jobdocs.textdiff import DEL_START, INS_START


class FakeConverter:
    """Stands in for ``jobdocs.render.redline_docx`` and records what it was given."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def apply_tracked_changes(self, data: bytes, *, author: str,
                              date: datetime.datetime) -> bytes:
        self.calls.append({"data": data, "author": author, "date": date})
        return b"converted"


@pytest.fixture
def converter(monkeypatch: pytest.MonkeyPatch) -> FakeConverter:
    fake = FakeConverter()
    module = types.ModuleType("jobdocs.render.redline_docx")
    module.apply_tracked_changes = fake.apply_tracked_changes  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "jobdocs.render.redline_docx", module)
    return fake


def test_word_gets_the_marked_document(
        renderer: Renderer, kam_versions: tuple[RenderSource, RenderSource],
        converter: FakeConverter) -> None:
    assert render_redline(renderer, *kam_versions, "docx") == b"converted"
    (call,) = converter.calls
    assert call["author"] == "jobdocs"
    # The new version's date: its metadata (the latest date of the spec).
    assert call["date"] == datetime.datetime(2026, 11, 26, tzinfo=datetime.UTC)
    with zipfile.ZipFile(io.BytesIO(call["data"])) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert f"{DEL_START}წლიური" in body
    assert f"{INS_START}კვარტალური" in body


def test_word_author_and_date_are_passed_on(
        renderer: Renderer, kam_versions: tuple[RenderSource, RenderSource],
        converter: FakeConverter) -> None:
    moment = datetime.datetime(2027, 1, 2, 3, 4, tzinfo=datetime.UTC)
    render_redline(renderer, *kam_versions, "docx", "en", author="Tamar Lomidze", date=moment)
    (call,) = converter.calls
    assert (call["author"], call["date"]) == ("Tamar Lomidze", moment)
    with zipfile.ZipFile(io.BytesIO(call["data"])) as package:
        assert f"{INS_START}quarterly" in package.read("word/document.xml").decode("utf-8")


def test_html_is_reproducible(renderer: Renderer,
                              kam_versions: tuple[RenderSource, RenderSource]) -> None:
    first = render_redline(renderer, *kam_versions, "html")
    assert first.startswith(b"<!DOCTYPE html>")
    assert render_redline(Renderer(), *kam_versions, "html") == first


def test_word_tracked_changes_end_to_end(renderer: Renderer,
                                         kam_versions: tuple[RenderSource, RenderSource]) -> None:
    pytest.importorskip("jobdocs.render.redline_docx")
    data = render_redline(renderer, *kam_versions, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body
    assert not {INS_START, DEL_START} & set(body)
    assert "წლიური" in body and "კვარტალური" in body


def test_a_users_template_gets_the_redline_too(
        tmp_path: Path, kam_versions: tuple[RenderSource, RenderSource]) -> None:
    template = tmp_path / "templates" / "role" / "document.html.j2"
    template.parent.mkdir(parents=True)
    template.write_text(
        "<!doctype html><html><body><h1>{{ document.title }}</h1>"
        "{% for s in sections %}{% for e in s.entries %}<p>{{ e.text }}</p>{% endfor %}"
        "{% endfor %}</body></html>", encoding="utf-8")
    page = render_redline(Renderer(tmp_path / "templates"), *kam_versions, "html").decode()
    assert page.index("ins.jd-ins") < page.index('<section class="jd-summary"') < page.index(
        "<h1>")
    assert '<p class="jd-changed"><del class="jd-del">ძირითადი კლიენტების' in page
