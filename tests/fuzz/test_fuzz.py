"""Fuzzing: random invalid YAML never makes jobdocs raise anything but its own errors;
random valid roles always render to PDF, Word and HTML that show every item; linting never
crashes.

The number of examples follows the Hypothesis profile (tests/conftest.py): a few hundred in
all under ``make test`` (the render property, at about a second an example, gets a dozen of
them), thousands under ``make fuzz`` (``HYPOTHESIS_PROFILE=long``, about five minutes).
"""

from __future__ import annotations

import contextlib
import html.parser
import io
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jobdocs
from jobdocs.api import render_source
from jobdocs.errors import JobdocsError
from jobdocs.lint import Linter
from jobdocs.render import Renderer

from .strategies import INVALID_YAML, ORGANIZATION, dump, item_texts, roles

EXAMPLES = settings().max_examples
LINT_EXAMPLES = max(20, EXAMPLES // 3)
RENDER_EXAMPLES = max(12, EXAMPLES // 40)


def _root() -> tempfile.TemporaryDirectory[str]:
    folder = tempfile.TemporaryDirectory()
    root = Path(folder.name)
    (root / "jobdocs.toml").write_text("", encoding="utf-8")
    (root / "org.yaml").write_text(dump(ORGANIZATION), encoding="utf-8")
    return folder


@given(INVALID_YAML)
@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_load_raises_only_jobdocs_errors(data: bytes) -> None:
    with _root() as folder:
        spec = Path(folder) / "spec.yaml"
        spec.write_bytes(data)
        with contextlib.suppress(JobdocsError):  # anything else fails the test
            jobdocs.load(spec)
        findings = jobdocs.validate(spec)
    for finding in findings:
        assert finding.location.line >= 1 and finding.location.column >= 1


def _corrupt(value: Any, data: st.DataObject) -> Any:
    """``value`` with some of its parts replaced by values of the wrong type."""
    wrong = st.sampled_from([None, 42, 3.5, True, "", "text", [], {}, ["a"], {"x": 1},
                             "2026-02-30", "{{ 7*7 }}"])
    if isinstance(value, dict):
        return {k: data.draw(wrong) if data.draw(st.integers(0, 9)) == 0 else _corrupt(v, data)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_corrupt(v, data) for v in value]
    return value


@given(roles(), st.data())
@settings(max_examples=LINT_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_lint_never_crashes(role: dict[str, Any], data: st.DataObject) -> None:
    with _root() as folder:
        spec = Path(folder) / "role.yaml"
        spec.write_text(dump(_corrupt(role, data)), encoding="utf-8")
        result = Linter().run([spec])
    assert not [f for f in result.findings if f.code == "X001"], result.findings


def _squash(text: str) -> str:
    return "".join(text.replace("\u2010", "").split())


def _pdf_text(pdf: bytes, folder: Path) -> str:
    path = folder / "document.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True)
    return _squash(done.stdout.decode("utf-8"))


def _docx_text(docx: bytes) -> str:
    from lxml import etree  # type: ignore[import-untyped]

    tag = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return _squash("".join(t.text or "" for t in root.iter(tag)))


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(page: bytes) -> str:
    parser = _Text()
    parser.feed(page.decode("utf-8"))
    return _squash("".join(parser.parts))


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@given(roles())
@settings(max_examples=RENDER_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_fuzz_valid_roles_render_every_item(renderer: Renderer, role: dict[str, Any]) -> None:
    with _root() as folder:
        spec = Path(folder) / "role.yaml"
        spec.write_text(dump(role), encoding="utf-8")
        assert [f for f in jobdocs.validate(spec) if f.is_error] == []
        source = render_source(spec)
        lang = role["language"]
        texts = {"pdf": _pdf_text(renderer.render(source, "pdf", lang), Path(folder)),
                 "docx": _docx_text(renderer.render(source, "docx", lang)),
                 "html": _html_text(renderer.render(source, "html", lang))}
    for fmt, text in texts.items():
        missing = [item for item in item_texts(role, lang) if _squash(item) not in text]
        assert not missing, f"{fmt} lacks {missing}"
